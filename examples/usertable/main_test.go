package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
)

// Worked by hand from ca_rates.csv and the Canadian profile (value for
// duty FOB: freight left out; the buyer is a business in Ontario, so the
// goods are commercial and the CBSA collects GST 5% on value for duty +
// duty, not the 13% HST: ETA s.212.1(3); no threshold applies to
// CAD 3,600 shipped from GB):
//
//	line 0  200 × 6.00 = 1,200.00, CN: MFN 18% = 216.00; GST 5% × 1,416.00 = 70.80
//	line 1  100 × 6.00 =   600.00, GB: UKT Free;         GST 5% ×   600.00 = 30.00
//	line 2    2 × 900.00 = 1,800.00, CN: MFN Free;       GST 5% × 1,800.00 = 90.00
//	duty 216.00; tax 70.80 + 30.00 + 90.00 = 190.80; total 406.80
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, nil); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"ca_rates.csv (embedded): 4 measures",
		"customs value (FOB): 3600.00 CAD",
		"line 0 6109.10.00 CN  MFN   18%   on 1200.00 CAD = 216.00 CAD",
		"line 0 6109.10.00 CN  GST   5%    on 1416.00 CAD = 70.80 CAD",
		"line 1 6109.10.00 GB  PREF  Free  on 600.00 CAD = 0.00 CAD",
		"line 2 8471.30.00 CN  GST   5%    on 1800.00 CAD = 90.00 CAD",
		"duty 216.00 CAD, tax 190.80 CAD, fees 0.00 CAD, total 406.80 CAD",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
}

// A table given as the argument replaces the embedded one; a bad rate is
// an error naming the row and the column.
func TestRunBadTable(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad.csv")
	bad := "hs,kind,rate,origins,program,from,to,source\n6109.10,mfn,18,,,2026-01-01,,mine\n"
	if err := os.WriteFile(p, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	err := run(&bytes.Buffer{}, []string{p})
	var te *duty.TableError
	if !errors.As(err, &te) || te.Row != 2 || te.Column != "rate" || !errors.Is(err, duty.ErrInvalidTable) {
		t.Fatalf("want a TableError for row 2, column rate; got %v", err)
	}
}
