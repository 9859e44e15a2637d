package main

import (
	"bytes"
	"github.com/iorkit/iorkit/internal/shareddata"
	"path/filepath"
	"strings"
	"testing"
)

// htsCSV is the export the test quotes on, under shared/data, which CI
// keeps beside the repository root (and a developer may keep above it).
const htsCSV = "shared/data/usitc_hts/usitc_hts_2026_revision_3.csv"

// findUp locates rel (a path starting shared/data/) above the working
// directory, or returns "".
func findUp(t *testing.T, rel string) string {
	t.Helper()
	p, _ := shareddata.Find(strings.TrimPrefix(rel, "shared/data/"))
	return p
}

// Worked by hand from HTS 2026 Revision 3 and the US profile (FOB
// valuation; MPF 0.3464% with a minimum of USD 33.58 and a maximum of
// USD 651.50 in fiscal year 2026; no de minimis since 2025-08-29):
//
//	line 0  6109.10.00.12 MX  300 × 5.00 = 1,500.00  special "Free (... S ...)": USMCA, Free
//	line 1  6912.00.48.10 PT  100 × 12.00 = 1,200.00 general 9.8% = 117.60
//	line 2  8518.30.20.00 DE  10 × 40.00 =   400.00  general Free
//	customs value (FOB, freight left out) 3,100.00
//	MPF 0.3464% × 3,100.00 = 10.74 < 33.58, so 33.58
//	total 117.60 + 33.58 = 151.18
//
// With the layers of examples/layers/us_2026.csv, the Section 122
// surcharge (9903.03.01, 10%, 2026-02-24 to 2026-07-23) applies to every
// origin but Mexican goods (9903.03.08 excludes it):
//
//	line 1  10% × 1,200.00 = 120.00;  line 2  10% × 400.00 = 40.00
//	duty 117.60 + 120.00 + 40.00 = 277.60; total 277.60 + 33.58 = 311.18
func TestRun(t *testing.T) {
	path := findUp(t, htsCSV)
	if path == "" {
		t.Skipf("%s not found in the working directory or above it; put the USITC export there (or beside the repository root) to run this test", htsCSV)
	}
	var b bytes.Buffer
	if err := run(&b, []string{path, filepath.Join("..", "layers", "us_2026.csv")}); err != nil {
		t.Fatal(err)
	}
	plain, layered, ok := strings.Cut(b.String(), "\nwith the chapter 99 layers")
	if !ok {
		t.Fatalf("no layered quote in:\n%s", b.String())
	}
	for _, want := range []string{
		"customs value (FOB): 3100.00 USD",
		"line 0 6109.10.00.12 MX  PREF special column Free   on 1500.00 USD = 0.00 USD",
		"line 1 6912.00.48.10 PT  MFN  general column 9.8%   on 1200.00 USD = 117.60 USD",
		"line 2 8518.30.20.00 DE  MFN  general column Free   on 400.00 USD = 0.00 USD",
		"= 33.58 USD",
		"duty 117.60 USD, fees 33.58 USD, total 151.18 USD",
	} {
		if !strings.Contains(plain, want) {
			t.Errorf("without layers: missing %q in:\n%s", want, plain)
		}
	}
	for _, want := range []string{
		"line 0 6109.10.00.12 MX  ADD  9903.03.08     Free   on 1500.00 USD = 0.00 USD",
		"line 1 6912.00.48.10 PT  ADD  9903.03.01     10%    on 1200.00 USD = 120.00 USD",
		"line 2 8518.30.20.00 DE  ADD  9903.03.01     10%    on 400.00 USD = 40.00 USD",
		"duty 277.60 USD, fees 33.58 USD, total 311.18 USD",
	} {
		if !strings.Contains(layered, want) {
			t.Errorf("with layers: missing %q in:\n%s", want, layered)
		}
	}
}

// Without a path the program says where to give one.
func TestRunNoPath(t *testing.T) {
	t.Setenv(EnvVar, "")
	err := run(&bytes.Buffer{}, nil)
	if err == nil || !strings.Contains(err.Error(), EnvVar) {
		t.Fatalf("want an error naming %s, got %v", EnvVar, err)
	}
}
