package notariff_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/notariff"
)

// FuzzRead: no input panics in the three readers; errors match
// ErrInvalidFile; a schedule of what reads looks up without panicking.
func FuzzRead(f *testing.F) {
	f.Add(`{"version":"1.5","sections":[{"type":"section","chapters":[{"type":"chapter","divisions":[{"type":"commodity","id":"01012100","hsNumber":"010121","item":" Pure-bred "}]}]}]}`,
		`{"version":"1.0","commodities":[{"id":"01012100","rateTradeAgreements":[{"customDuty":{"value":null,"type":null,"classifier":"FREE"},"landCodes":["EU"]},{"customDuty":{"value":29.05,"type":"pr.kg"},"landCodes":["GSP"]}]}]}`,
		`{"versjon":"1.1","medlemsland":[{"landkode":"DE","landgrupper":[{"landgruppekode":"TEF","fomdato":"1990-01-01","tomdato":""}]}]}`)
	f.Fuzz(func(t *testing.T, nomIn, prefIn, landIn string) {
		check := func(err error) bool {
			if err != nil && !errors.Is(err, notariff.ErrInvalidFile) {
				t.Fatalf("error %v does not match ErrInvalidFile", err)
			}
			return err == nil
		}
		nom, err := notariff.ReadNomenclature(strings.NewReader(nomIn))
		okNom := check(err)
		prefs, err := notariff.ReadPreferences(strings.NewReader(prefIn))
		okPref := check(err)
		lands, err := notariff.ReadCountries(strings.NewReader(landIn))
		okLand := check(err)
		if !okNom || !okPref || !okLand {
			return
		}
		mfn, err := duty.ReadTable(strings.NewReader("hs,kind,rate\n01,mfn,5%\n"))
		if err != nil {
			t.Fatal(err)
		}
		s, err := notariff.NewSchedule(nom, prefs, lands, mfn)
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range []string{"01012100", "0101", "010121"} {
			_, _ = s.Measures(code, "DE", duty.MustDate("2026-01-01"))
			_, _ = s.LinesUnder(code)
		}
	})
}
