package reftariff_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/reftariff"
)

// FuzzReadCSV: no input panics; errors are *FileError (ErrInvalidFile) or
// a bad edition; what reads looks up without panicking.
func FuzzReadCSV(f *testing.F) {
	f.Add("commodity,description,cet_duty_rate,ukgt_duty_rate\n61091000,T-shirts,12.0%,12.0%\n", "6109.10.00")
	f.Add("commodity,cet_duty_rate\n0302410000,\"15.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15 JUN)\"\n", "0302410000")
	f.Add("commodity,cet_duty_rate\n22042109,32.00 EUR / hl\n8511300010,0.0%\n85113000,3.2%\n", "8511.30")
	f.Add("\ufeffcommodity,cet_duty_rate\n\"61091000\",\"12%\n", "61")
	f.Fuzz(func(t *testing.T, in, hs string) {
		s, err := reftariff.ReadCSV(strings.NewReader(in), reftariff.CET2020())
		if err != nil {
			if !errors.Is(err, reftariff.ErrInvalidFile) {
				t.Fatalf("error %v does not match ErrInvalidFile", err)
			}
			return
		}
		_, _ = s.Measures(hs, "CN", duty.MustDate("2026-01-01"))
		_, _ = s.LinesUnder(hs)
		_ = s.Lines(hs)
		_ = s.Unreadable()
	})
}
