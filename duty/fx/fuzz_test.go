package fx_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/fx"
)

// FuzzReadECB: no input panics in the CSV and XML readers; errors match
// ErrInvalidFile; what reads answers rate lookups without panicking.
func FuzzReadECB(f *testing.F) {
	f.Add("Date,USD,JPY,BGN,\n2026-04-13,1.1684,186.75,N/A,\n2026-04-10,1.1711,186.43,N/A,\n", "2026-04-12")
	f.Add("Date, USD, JPY, \n13 April 2026, 1.1684, 186.75, \n", "2026-04-13")
	f.Add(`<gesmes:Envelope xmlns:gesmes="x"><Cube><Cube time="2026-04-13"><Cube currency="USD" rate="1.1684"/></Cube></Cube></gesmes:Envelope>`, "2026-05-01")
	f.Fuzz(func(t *testing.T, in, day string) {
		on, err := duty.ParseDate(day)
		if err != nil {
			on = duty.MustDate("2026-04-13")
		}
		for _, read := range []func() (*fx.ECB, error){
			func() (*fx.ECB, error) { return fx.ReadECBCSV(strings.NewReader(in)) },
			func() (*fx.ECB, error) { return fx.ReadECBXML(strings.NewReader(in)) },
		} {
			e, err := read()
			if err != nil {
				if !errors.Is(err, fx.ErrInvalidFile) {
					t.Fatalf("error %v does not match ErrInvalidFile", err)
				}
				continue
			}
			for _, r := range []duty.SourcedRates{e.Daily(), e.EUCustoms()} {
				_, _ = r.RateInfo("USD", "EUR", on)
				_, _ = r.RateInfo("EUR", "JPY", on)
				_, _ = r.RateInfo("USD", "JPY", on)
			}
		}
	})
}

// FuzzReadHMRCXML: no input panics; errors match ErrInvalidFile.
func FuzzReadHMRCXML(f *testing.F) {
	f.Add(`<?xml version="1.0" encoding="UTF-8"?><exchangeRateMonthList Period="01/Jan/2026 to 31/Jan/2026"><exchangeRate><countryCode>US</countryCode><currencyCode>USD</currencyCode><rateNew>1.3329</rateNew></exchangeRate></exchangeRateMonthList>`)
	f.Fuzz(func(t *testing.T, in string) {
		m, err := fx.ReadHMRCXML(strings.NewReader(in))
		if err != nil {
			if !errors.Is(err, fx.ErrInvalidFile) {
				t.Fatalf("error %v does not match ErrInvalidFile", err)
			}
			return
		}
		h, err := fx.NewHMRC(m)
		if err != nil {
			return
		}
		_, _ = h.Monthly().RateInfo("USD", "GBP", m.From)
		_, _ = h.Monthly().RateInfo("EUR", "USD", m.To)
	})
}
