package duty_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
)

// ReadFixedRates reads exchange rates a caller keeps in JSON, each a
// decimal string: 1 USD = 0.92 EUR.
func ExampleReadFixedRates() {
	rates, err := duty.ReadFixedRates(strings.NewReader(`{"USD/EUR": "0.92", "EUR/GBP": "0.85"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := rates.Rate("EUR", "GBP", duty.MustDate("2026-03-01"))
	fmt.Println(len(rates), r)
	// Output:
	// 2 0.85
}

// MustQuantity is ParseQuantity for constants.
func ExampleMustQuantity() {
	q := duty.MustQuantity("2.5 kg")
	fmt.Println(q, q.Value, q.Unit.Name())
	// Output:
	// 2.5 kg 2.5 kilogram
}

// A strict calculation refuses an estimate; Has tells which warnings
// there were.
func ExampleStrictError_Has() {
	tables, err := duty.SampleSchedules()
	if err != nil {
		fmt.Println(err)
		return
	}
	calc, err := duty.NewCalculator(duty.WithSchedule("US", tables["US"]))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = calc.Calculate(context.Background(), duty.Entry{Destination: "US", Date: duty.MustDate("2026-03-01"), Mode: "courier",
		Lines: []duty.EntryLine{{HS: "6109.10.00", Origin: "VN", Value: duty.MustMoney("100.00", "USD")}}}, duty.Strict())
	var se *duty.StrictError
	if errors.As(err, &se) {
		fmt.Println(se.Has(duty.SampleTariff), se.Has(duty.StaleData))
	}
	// Output:
	// true false
}

// A warning prints with its code, its line and what it is about.
func ExampleWarning_String() {
	line := 0
	w := duty.Warning{Code: duty.SampleTariff, Line: &line, Subject: "MFN 6109.10", Message: "rate from the embedded sample tariff"}
	fmt.Println(w)
	// Output:
	// SAMPLE_TARIFF line 0 (MFN 6109.10): rate from the embedded sample tariff
}

// ServiceKind.Valid: the kinds a service charge may have.
func ExampleServiceKind_Valid() {
	fmt.Println(duty.ServiceClearance.Valid(), duty.ServiceKind("insurance").Valid())
	// Output:
	// true false
}

// Two tables with the same content have the same fingerprint, whatever
// the order their rows came in.
func ExampleTable_Fingerprint() {
	a, b := duty.NewTable(), duty.NewTable()
	_ = a.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: mustRate("12%")})
	_ = a.Add("6110.20", duty.Measure{Kind: duty.MFN, Rate: mustRate("12%")})
	_ = b.Add("6110.20", duty.Measure{Kind: duty.MFN, Rate: mustRate("12%")})
	_ = b.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: mustRate("12%")})
	fmt.Println(a.Fingerprint() == b.Fingerprint(), len(a.Fingerprint()))
	_ = b.Add("8518.30", duty.Measure{Kind: duty.MFN, Rate: mustRate("2%")})
	fmt.Println(a.Fingerprint() == b.Fingerprint())
	// Output:
	// true 64
	// false
}

// The fingerprint of a set of profiles changes with any figure.
func ExampleProfiles_Fingerprint() {
	ps, err := duty.DefaultProfiles()
	if err != nil {
		fmt.Println(err)
		return
	}
	nz, _ := ps.For("NZ", duty.MustDate("2026-03-01"))
	// For hands out a copy: changing it leaves ps as it is.
	nz.Taxes[0].Rate = decimal.RequireFromString("16")
	other, _ := ps.With(nz)
	fmt.Println(ps.Fingerprint() == other.Fingerprint())
	// Output:
	// false
}

// Money's other operations: Neg, Equal, the sign tests, Div.
func ExampleMoney_Div() {
	m := duty.MustMoney("10.00", "EUR")
	third, err := m.Div(decimal.NewFromInt(3), 4)
	fmt.Println(third, err)
	_, err = m.Div(decimal.Zero, 2)
	fmt.Println(errors.Is(err, duty.ErrDivisionByZero))
	fmt.Println(m.Neg(), m.Neg().IsNegative(), m.IsPositive(), duty.MustMoney("0", "EUR").IsZero())
	fmt.Println(m.Equal(duty.MustMoney("10", "EUR")), m.Amount(), m.Currency())
	// Output:
	// 3.3333 EUR <nil>
	// true
	// -10.00 EUR true true true
	// true 10 EUR
}

// Zero is a currency's zero amount; an unknown currency is an error.
func ExampleZero() {
	z, err := duty.Zero("EUR")
	fmt.Println(z, err)
	_, err = duty.Zero("XXX1")
	fmt.Println(errors.Is(err, duty.ErrInvalidCurrency))
	// Output:
	// 0.00 EUR <nil>
	// true
}

// Date.Equal compares calendar days; Time gives midnight UTC of the day.
func ExampleDate_Equal() {
	d := duty.MustDate("2026-03-01")
	fmt.Println(d.Equal(duty.MustDate("2026-03-01")), d.Time().Format("2006-01-02T15:04Z07:00"))
	// Output:
	// true 2026-03-01T00:00Z
}

// Unit.Valid tells a known unit from an unknown one.
func ExampleUnit_Valid() {
	fmt.Println(duty.Kilogram.Valid(), duty.Unit("kilos").Valid(), duty.Litre.Dimension())
	// Output:
	// true false volume
}

// Supported tells whether an entry can supply everything a rate needs.
func ExampleRate_Supported() {
	r, err := duty.ParseRate("12.8 % + EA")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(errors.Is(r.Supported(), duty.ErrUnsupportedRate), mustRate("4.4¢/kg + 6%").Supported())
	// Output:
	// true <nil>
}

// Measure.Covers: a measure with no origins covers every origin.
func ExampleMeasure_Covers() {
	mfn := duty.Measure{Kind: duty.MFN, Rate: mustRate("12%")}
	gsp := duty.Measure{Kind: duty.Preferential, Rate: mustRate("Free"), Origins: []string{"IN", "ID"}}
	fmt.Println(mfn.Covers("CN"), gsp.Covers("IN"), gsp.Covers("CN"))
	// Output:
	// true true false
}

// HSHasPrefix compares codes digit by digit, ignoring dots and spaces.
func ExampleHSHasPrefix() {
	fmt.Println(duty.HSHasPrefix("8517.13.00", "8517 13"), duty.HSHasPrefix("8517.13.00", "8517.2"))
	// Output:
	// true false
}

// SampleAreas lists the areas of the embedded sample tariff.
func ExampleSampleAreas() {
	areas := duty.SampleAreas()
	fmt.Println(len(areas) > 0, areas[0] < areas[len(areas)-1])
	// Output:
	// true true
}

// IsEUMember tests one country.
func ExampleIsEUMember() {
	fmt.Println(duty.IsEUMember("DE"), duty.IsEUMember("CH"))
	// Output:
	// true false
}

// NewTable makes an empty table; SetIncomplete marks it as a partial list
// of a schedule's lines (see LinesUnder).
func ExampleNewTable() {
	t := duty.NewTable()
	t.SetIncomplete()
	_ = t.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: mustRate("12%")})
	lines, _ := t.LinesUnder("6109")
	fmt.Println(t.Len(), lines)
	// Output:
	// 1 []
}
