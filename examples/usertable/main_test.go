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
// duty FOB: freight left out; HST 13% in Ontario on value for duty + duty,
// which replaces GST there; no threshold applies to CAD 3,600 shipped from
// GB):
//
//	line 0  200 × 6.00 = 1,200.00, CN: MFN 18% = 216.00; HST 13% × 1,416.00 = 184.08
//	line 1  100 × 6.00 =   600.00, GB: UKT Free;         HST 13% ×   600.00 =  78.00
//	line 2    2 × 900.00 = 1,800.00, CN: MFN Free;       HST 13% × 1,800.00 = 234.00
//	duty 216.00; tax 184.08 + 78.00 + 234.00 = 496.08; total 712.08
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
		"line 0 6109.10.00 CN  HST   13%   on 1416.00 CAD = 184.08 CAD",
		"line 1 6109.10.00 GB  PREF  Free  on 600.00 CAD = 0.00 CAD",
		"line 2 8471.30.00 CN  HST   13%   on 1800.00 CAD = 234.00 CAD",
		"duty 216.00 CAD, tax 496.08 CAD, fees 0.00 CAD, total 712.08 CAD",
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
