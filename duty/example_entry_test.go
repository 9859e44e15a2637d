package duty_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
)

// One example per entry point of the package that had none: each shows
// the call and what it gives, figures worked out in the comments.

// Choose picks, among the measures of one line, the base duty (MFN or the
// cheapest preference the origin can claim) and the layers on top. By
// hand on 1,000 USD: MFN 16.5% = 165.00, the USMCA preference (S) Free =
// 0, so the preference is chosen; without a claim MFN applies.
func ExampleChoose() {
	ms := []duty.Measure{
		{Kind: duty.MFN, Rate: mustRate("16.5%"), HS: "61091000"},
		{Kind: duty.Preferential, Rate: mustRate("Free"), Program: "S", Origins: []string{"CA", "MX"}, HS: "6109"},
	}
	b := duty.Basis{Value: duty.MustMoney("1000.00", "USD")}
	c, err := duty.Choose(ms, "MX", b, duty.ChoiceOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Base.Kind, c.Base.Rate, c.Base.Program, c.Preference)
	c, _ = duty.Choose(ms, "MX", b, duty.ChoiceOptions{Claim: duty.ClaimNone})
	fmt.Println(c.Base.Kind, c.Base.Rate, c.Preference)
	c, _ = duty.Choose(ms, "CN", b, duty.ChoiceOptions{})
	fmt.Println(c.Base.Kind, c.Base.Rate, c.Preference)
	// Output:
	// preferential Free S true
	// mfn 16.5% false
	// mfn 16.5% false
}

// Convert changes currency at the rate of the day, exactly: 100 EUR at
// 1 EUR = 1.0842 USD is 108.42 USD. A pair not given is an error.
func ExampleConvert() {
	rates := duty.FixedRates{"EUR/USD": decimal.RequireFromString("1.0842")}
	on := duty.MustDate("2026-03-01")
	m, rate, err := duty.Convert(duty.MustMoney("100.00", "EUR"), "USD", rates, on)
	fmt.Println(m, rate, err)
	_, _, err = duty.Convert(duty.MustMoney("100.00", "USD"), "EUR", rates, on)
	fmt.Println(errors.Is(err, duty.ErrMissingRate))
	// Output:
	// 108.420000 USD 1.0842 <nil>
	// true
}

// ConvertInfo is Convert with the rate's provenance.
func ExampleConvertInfo() {
	rates := duty.FixedRates{"USD/EUR": decimal.RequireFromString("0.92")}
	m, info, err := duty.ConvertInfo(duty.MustMoney("50.00", "USD"), "EUR", rates, duty.MustDate("2026-03-01"))
	fmt.Println(m, info.Rate, err)
	// Output:
	// 46.0000 EUR 0.92 <nil>
}

// RatesFor gives the rates a destination's customs apply; plain Rates
// answer for every destination.
func ExampleRatesFor() {
	rates := duty.FixedRates{"USD/EUR": decimal.RequireFromString("0.92")}
	r := duty.RatesFor(rates, "DE")
	x, err := r.Rate("USD", "EUR", duty.MustDate("2026-03-01"))
	fmt.Println(x, err)
	// Output:
	// 0.92 <nil>
}

// FixedRates holds only the pairs given: the inverse is not derived.
func ExampleFixedRates_Rate() {
	rates := duty.FixedRates{"USD/EUR": decimal.RequireFromString("0.92")}
	on := duty.MustDate("2026-03-01")
	x, _ := rates.Rate("USD", "EUR", on)
	same, _ := rates.Rate("EUR", "EUR", on)
	_, err := rates.Rate("EUR", "USD", on)
	fmt.Println(x, same, errors.Is(err, duty.ErrMissingRate))
	// Output:
	// 0.92 1 true
}

// ReadProfiles reads a profile document; a bad field is a *ProfileError
// with its JSON path and value.
func ExampleReadProfiles() {
	const doc = `{"profiles": [{"country": "NZ", "name": "New Zealand", "currency": "NZD",
	  "valuation": "FOB", "from": "2026-01-01", "sources": ["Customs and Excise Act 2018"],
	  "taxes": [{"code": "GST", "name": "GST", "rate": "15", "base": ["duty", "freight_insurance"],
	             "from": "2026-01-01", "source": "Goods and Services Tax Act 1985, s 8"}]}]}`
	ps, err := duty.ReadProfiles(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ps[0].Country, ps[0].Currency, ps[0].Valuation, ps[0].Taxes[0].Code, ps[0].Taxes[0].Rate)

	_, err = duty.ReadProfiles(strings.NewReader(strings.Replace(doc, `"FOB"`, `"CIP"`, 1)))
	var pe *duty.ProfileError
	if errors.As(err, &pe) {
		fmt.Println(pe.Path, pe.Value, errors.Is(err, duty.ErrInvalidProfile))
	}
	fmt.Println(err)
	// Output:
	// NZ NZD FOB GST 15
	// profiles[0].valuation CIP true
	// duty: profile: profiles[0].valuation (NZ): "CIP": want CIF or FOB
}

// NewProfiles checks profiles built in Go and indexes them by country.
func ExampleNewProfiles() {
	nz := duty.Profile{Country: "NZ", Currency: "NZD", Valuation: duty.FOB,
		From: duty.MustDate("2026-01-01"), Sources: []string{"Customs and Excise Act 2018"}}
	ps, err := duty.NewProfiles(nz)
	fmt.Println(ps.Countries(), err)
	nz.Valuation = "CIP"
	_, err = duty.NewProfiles(nz)
	fmt.Println(errors.Is(err, duty.ErrInvalidProfile))
	// Output:
	// [NZ] <nil>
	// true
}

// Profiles.With replaces the profiles of some countries and keeps the
// others.
func ExampleProfiles_With() {
	ps, err := duty.DefaultProfiles()
	if err != nil {
		fmt.Println(err)
		return
	}
	de, _ := ps.For("DE", duty.MustDate("2026-03-01"))
	// For hands out a copy: changing it leaves ps as it is.
	de.Taxes[0].Rate = decimal.RequireFromString("20")
	mine, err := ps.With(de)
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := mine.For("DE", duty.MustDate("2026-03-01"))
	old, _ := ps.For("DE", duty.MustDate("2026-03-01"))
	fmt.Println(p.Taxes[0].Rate, old.Taxes[0].Rate)
	// Output:
	// 20 19
}

// Countries lists the destinations with a profile.
func ExampleProfiles_Countries() {
	ps, err := duty.DefaultProfiles()
	if err != nil {
		fmt.Println(err)
		return
	}
	cs := ps.Countries()
	fmt.Println(len(cs) > 40, cs[0])
	// Output:
	// true AE
}

// NewTable and Table.Add build a schedule in Go; Table.Measures finds the
// measures of the longest prefix of the code in force on the day.
func ExampleTable_Measures() {
	t := duty.NewTable()
	err := t.Add("8517.13", duty.Measure{Kind: duty.MFN, Rate: mustRate("Free"), Source: "USITC HTS 2026 (General)"})
	if err == nil {
		err = t.Add("8517", duty.Measure{Kind: duty.Additional, Rate: mustRate("20%"), Program: "9903.01.24",
			Origins: []string{"CN"}, From: duty.MustDate("2026-01-01"), To: duty.MustDate("2026-06-30"), Source: "USITC HTS 2026, 9903.01.24"})
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, day := range []string{"2026-03-01", "2026-07-01"} {
		ms, err := t.Measures("8517.13.00.00", "CN", duty.MustDate(day))
		if err != nil {
			fmt.Println(err)
			continue
		}
		for _, m := range ms {
			fmt.Println(day, m.Kind, m.HS, m.Rate)
		}
	}
	// Output:
	// 2026-03-01 mfn 851713 Free
	// 2026-03-01 additional 8517 20%
	// 2026-07-01 mfn 851713 Free
}

// Table.Add refuses a code that is not one.
func ExampleTable_Add() {
	t := duty.NewTable()
	err := t.Add("85AB", duty.Measure{Kind: duty.MFN, Rate: mustRate("2%")})
	fmt.Println(errors.Is(err, duty.ErrInvalidCode))
	fmt.Println(t.Add("8517", duty.Measure{Kind: duty.MFN, Rate: mustRate("2%")}), t.Len())
	// Output:
	// true
	// <nil> 1
}

// Prefixes and Len describe what a table holds.
func ExampleTable_Prefixes() {
	t := duty.NewTable()
	_ = t.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: mustRate("16.5%")})
	_ = t.Add("6109.90", duty.Measure{Kind: duty.MFN, Rate: mustRate("32%")})
	fmt.Println(t.Prefixes(), t.Len())
	// Output:
	// [610910 610990] 2
}

// LinesUnder lists the table's lines below a shorter code, so that a
// caller can see what a 4-digit code could mean.
func ExampleTable_LinesUnder() {
	t := duty.NewTable()
	_ = t.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: mustRate("16.5%")})
	_ = t.Add("6109.90", duty.Measure{Kind: duty.MFN, Rate: mustRate("32%")})
	lines, err := t.LinesUnder("6109")
	fmt.Println(lines, err)
	t.SetIncomplete()
	lines, err = t.LinesUnder("6109")
	fmt.Println(lines, err)
	// Output:
	// [610910 610990] <nil>
	// [] <nil>
}

// Overlap finds a measure that would charge the same duty twice.
func ExampleTable_Overlap() {
	t := duty.NewTable()
	_ = t.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: mustRate("16.5%"), From: duty.MustDate("2026-01-01")})
	m, ok := t.Overlap("6109.10", duty.Measure{Kind: duty.MFN, Rate: mustRate("12%"), From: duty.MustDate("2026-06-01")})
	fmt.Println(ok, m.Rate)
	_, ok = t.Overlap("6109.10", duty.Measure{Kind: duty.Preferential, Rate: mustRate("Free"), Program: "S"})
	fmt.Println(ok)
	// Output:
	// true 16.5%
	// false
}

// TableCurrency says which dollar "$" and "¢" mean in the rate column.
func ExampleTableCurrency() {
	const rows = "hs,kind,rate\n2204.21,mfn,$0.0187/l\n"
	t, err := duty.ReadTable(strings.NewReader(rows), duty.TableCurrency("CAD"))
	if err != nil {
		fmt.Println(err)
		return
	}
	ms, _ := t.Measures("2204.21", "FR", duty.MustDate("2026-03-01"))
	fmt.Println(ms[0].Rate.Currencies())
	// Output:
	// [CAD]
}

// IntoTable reads several files into one table (a schedule and a layer
// file).
func ExampleIntoTable() {
	t := duty.NewTable()
	_, err := duty.ReadTable(strings.NewReader("hs,kind,rate\n6109.10,mfn,16.5%\n"), duty.IntoTable(t))
	if err == nil {
		_, err = duty.ReadTable(strings.NewReader("hs,kind,rate,origins,program\n6109,additional,7.5%,CN,9903.88.15\n"), duty.IntoTable(t))
	}
	fmt.Println(t.Prefixes(), err)
	// Output:
	// [6109 610910] <nil>
}

// TableMaxBytes bounds what ReadTable reads.
func ExampleTableMaxBytes() {
	_, err := duty.ReadTable(strings.NewReader("hs,kind,rate\n6109.10,mfn,16.5%\n"), duty.TableMaxBytes(10))
	fmt.Println(errors.Is(err, duty.ErrInputLimit))
	// Output:
	// true
}

// TableColumns is the header ReadTable knows.
func ExampleTableColumns() {
	fmt.Println(strings.Join(duty.TableColumns(), ","))
	// Output:
	// hs,kind,rate,origins,program,from,to,source
}

// Measure.InForce and Measure.Covers: the period (both ends inclusive) and
// the origins of a measure.
func ExampleMeasure_InForce() {
	m := duty.Measure{Kind: duty.Additional, Rate: mustRate("25%"), Origins: []string{"CN"},
		From: duty.MustDate("2026-01-01"), To: duty.MustDate("2026-06-30")}
	fmt.Println(m.InForce(duty.MustDate("2026-06-30")), m.InForce(duty.MustDate("2026-07-01")))
	fmt.Println(m.Covers("CN"), m.Covers("VN"))
	// Output:
	// true false
	// true false
}

// ParseMeasureKind reads the kind column of a table.
func ExampleParseMeasureKind() {
	k, err := duty.ParseMeasureKind("preferential")
	fmt.Println(k, err)
	_, err = duty.ParseMeasureKind("anti-dumping")
	fmt.Println(err)
	// Output:
	// preferential <nil>
	// duty: measure kind "anti-dumping": want mfn, preferential or additional
}

// NormalizeHS keeps the digits of a code; HSHasPrefix compares digit-wise.
func ExampleNormalizeHS() {
	hs, err := duty.NormalizeHS("6109.10.00 12")
	fmt.Println(hs, err)
	_, err = duty.NormalizeHS("61O9")
	fmt.Println(errors.Is(err, duty.ErrInvalidCode))
	fmt.Println(duty.HSHasPrefix("6109.10.0012", "6109.1"), duty.HSHasPrefix("6110.20", "6109"))
	// Output:
	// 6109100012 <nil>
	// true
	// true false
}

// ParseHSStrategy reads how a short code resolves (see ResolveHS).
func ExampleParseHSStrategy() {
	s, err := duty.ParseHSStrategy("highest")
	fmt.Println(s, err, s == duty.HSHighest)
	// Output:
	// highest <nil> true
}

// SampleAreas and SampleSchedules: the embedded sample tariff, one table
// per area.
func ExampleSampleSchedules() {
	areas := duty.SampleAreas()
	tables, err := duty.SampleSchedules()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(areas) == len(tables), tables["EU"] != nil)
	// Output:
	// true true
}

// NewCalculator with its options; Calculator.Profiles and
// Calculator.Schedule tell what it uses.
func ExampleNewCalculator() {
	t := duty.NewTable()
	_ = t.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: mustRate("12%"), Source: "CETA schedule"})
	ps, err := duty.DefaultProfiles()
	if err != nil {
		fmt.Println(err)
		return
	}
	calc, err := duty.NewCalculator(duty.WithProfiles(ps), duty.WithSchedule("EU", t),
		duty.WithRates(duty.FixedRates{"USD/EUR": decimal.RequireFromString("0.92")}))
	if err != nil {
		fmt.Println(err)
		return
	}
	fr, _ := calc.Profiles().For("FR", duty.MustDate("2026-03-01"))
	_, area, ok := calc.Schedule(fr)
	fmt.Println(area, ok)
	// Output:
	// EU true
}

// Partial and Strict are per-call options of Calculate. A line with a code
// the schedule lacks: an error, or with Partial a line marked not
// calculable and an incomplete assessment.
func ExamplePartial() {
	t := duty.NewTable()
	_ = t.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: mustRate("16.5%"), Source: "USITC HTS 2026"})
	calc, err := duty.NewCalculator(duty.WithSchedule("US", t))
	if err != nil {
		fmt.Println(err)
		return
	}
	e := duty.Entry{Destination: "US", Date: duty.MustDate("2026-03-01"), Mode: "courier",
		Lines: []duty.EntryLine{
			{HS: "6109.10", Origin: "VN", Value: duty.MustMoney("100.00", "USD")},
			{HS: "6110.20", Origin: "VN", Value: duty.MustMoney("10.00", "USD")},
		}}
	_, err = calc.Calculate(context.Background(), e)
	fmt.Println(errors.Is(err, duty.ErrUnknownCode))
	a, err := calc.Calculate(context.Background(), e, duty.Partial())
	fmt.Println(err, a.Incomplete, a.Totals.Duty)
	// Output:
	// true
	// <nil> true 16.50 USD
}

// Strict refuses an assessment that carries warnings: here the rate comes
// from the embedded sample tariff (warning SAMPLE_TARIFF).
func ExampleStrict() {
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
	e := duty.Entry{Destination: "US", Date: duty.MustDate("2026-03-01"), Mode: "courier",
		Lines: []duty.EntryLine{{HS: "6109.10.00", Origin: "VN", Value: duty.MustMoney("100.00", "USD")}}}
	a, err := calc.Calculate(context.Background(), e)
	fmt.Println(err, len(a.Warnings) > 0)
	_, err = calc.Calculate(context.Background(), e, duty.Strict())
	fmt.Println(errors.Is(err, duty.ErrStrict))
	// Output:
	// <nil> true
	// true
}

// ResolveHS decides what a code shorter than the schedule's lines means
// when its lines differ: by default an error listing them.
func ExampleResolveHS() {
	t := duty.NewTable()
	_ = t.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: mustRate("16.5%"), Source: "USITC HTS 2026"})
	_ = t.Add("6109.90", duty.Measure{Kind: duty.MFN, Rate: mustRate("32%"), Source: "USITC HTS 2026"})
	calc, err := duty.NewCalculator(duty.WithSchedule("US", t))
	if err != nil {
		fmt.Println(err)
		return
	}
	e := duty.Entry{Destination: "US", Date: duty.MustDate("2026-03-01"), Mode: "courier",
		Lines: []duty.EntryLine{{HS: "6109", Origin: "VN", Value: duty.MustMoney("100.00", "USD")}}}
	_, err = calc.Calculate(context.Background(), e, duty.ResolveHS(duty.HSStrict))
	fmt.Println(errors.Is(err, duty.ErrAmbiguousCode))
	// The default is the highest: 32% of 100.00 = 32.00, flagged.
	a, err := calc.Calculate(context.Background(), e)
	fmt.Println(a.Totals.Duty, err, a.Warnings[0].Code)
	// The lowest: 16.5% of 100.00 = 16.50.
	a, err = calc.Calculate(context.Background(), e, duty.ResolveHS(duty.HSLowest))
	fmt.Println(a.Totals.Duty, err)
	// Output:
	// true
	// 32.00 USD <nil> HS_RESOLVED
	// 16.50 USD <nil>
}

// Profile.CategoriesOf: the goods categories a code falls in (alcohol,
// tobacco...), which some thresholds leave out.
func ExampleProfile_CategoriesOf() {
	p := duty.Profile{Categories: []duty.GoodsCategory{{Code: "alcohol", HS: []string{"2203", "2204", "2208"}}}}
	fmt.Println(p.CategoriesOf("2204.21"), p.CategoriesOf("6109.10"))
	// Output:
	// [alcohol] []
}

// ParseDate reads YYYY-MM-DD; MustDate is its panicking form for
// constants; DateOf takes the calendar day of a time.
func ExampleParseDate() {
	d, err := duty.ParseDate("2026-03-01")
	fmt.Println(d, err)
	_, err = duty.ParseDate("2026-02-30")
	fmt.Println(errors.Is(err, duty.ErrInvalidDate))
	fmt.Println(duty.DateOf(time.Date(2026, 3, 1, 23, 59, 0, 0, time.UTC)) == duty.MustDate("2026-03-01"))
	// Output:
	// 2026-03-01 <nil>
	// true
	// true
}

// Date arithmetic and order.
func ExampleDate_AddDate() {
	d := duty.MustDate("2026-01-31")
	next := d.AddDate(0, 0, 1)
	fmt.Println(next, next.After(d), d.Before(next), duty.Date{}.IsZero())
	// Output:
	// 2026-02-01 true true true
}

// EUMembers lists the 27 member states; IsEUMember tests one.
func ExampleEUMembers() {
	fmt.Println(len(duty.EUMembers()), duty.IsEUMember("FR"), duty.IsEUMember("GB"))
	// Output:
	// 27 true false
}

// ValidCountry is ValidateCountry as a bool.
func ExampleValidCountry() {
	fmt.Println(duty.ValidCountry("DE"), duty.ValidCountry("UK"))
	// Output:
	// true false
}

// Currencies lists the embedded ISO 4217 codes.
func ExampleCurrencies() {
	cs := duty.Currencies()
	fmt.Println(len(cs) > 150, cs[0])
	// Output:
	// true AED
}

// MustMoney, NewMoney and Zero build money; ParseDecimal reads the plain
// decimals everything enters by.
func ExampleNewMoney() {
	d, err := duty.ParseDecimal("19.99")
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := duty.NewMoney(d, "EUR")
	fmt.Println(m, err)
	z, _ := duty.Zero("JPY")
	fmt.Println(z, duty.MustMoney("5", "USD"))
	_, err = duty.ParseDecimal("1e3")
	fmt.Println(errors.Is(err, duty.ErrInvalidAmount))
	// Output:
	// 19.99 EUR <nil>
	// 0 JPY 5.00 USD
	// true
}

// Sum adds amounts of one currency.
func ExampleSum() {
	total, err := duty.Sum(duty.MustMoney("10.50", "EUR"), duty.MustMoney("4.25", "EUR"))
	fmt.Println(total, err)
	_, err = duty.Sum(duty.MustMoney("1", "EUR"), duty.MustMoney("1", "USD"))
	fmt.Println(errors.Is(err, duty.ErrCurrencyMismatch))
	// Output:
	// 14.75 EUR <nil>
	// true
}

// Money arithmetic: Add and Sub refuse mixed currencies, Mul is exact,
// Div rounds to the places asked.
func ExampleMoney_Add() {
	a, b := duty.MustMoney("100.00", "EUR"), duty.MustMoney("19.99", "EUR")
	sum, _ := a.Add(b)
	diff, _ := a.Sub(b)
	fmt.Println(sum, diff, a.Mul(decimal.RequireFromString("0.19")))
	third, _ := a.Div(decimal.NewFromInt(3), 2)
	fmt.Println(third)
	_, err := a.Add(duty.MustMoney("1", "USD"))
	fmt.Println(err)
	// Output:
	// 119.99 EUR 80.01 EUR 19.0000 EUR
	// 33.33 EUR
	// duty: currency mismatch: "EUR" and "USD"
}

// Cmp compares two amounts of one currency.
func ExampleMoney_Cmp() {
	c, err := duty.MustMoney("150", "EUR").Cmp(duty.MustMoney("150.00", "EUR"))
	fmt.Println(c, err)
	_, err = duty.MustMoney("1", "EUR").Cmp(duty.MustMoney("1", "GBP"))
	fmt.Println(errors.Is(err, duty.ErrCurrencyMismatch))
	// Output:
	// 0 <nil>
	// true
}

// RoundWith rounds to the currency's minor unit (MinorUnits) with a mode.
func ExampleMoney_RoundWith() {
	m := duty.MustMoney("2.345", "EUR")
	fmt.Println(m.MinorUnits(), m.RoundWith(duty.HalfUp), m.RoundWith(duty.HalfEven), m.RoundWith(duty.Down))
	fmt.Println(duty.MustMoney("1234.5", "JPY").RoundWith(duty.HalfUp))
	// Output:
	// 2 2.35 EUR 2.34 EUR 2.34 EUR
	// 1235 JPY
}

// ParseRoundingMode reads a mode's name; RoundingMode.Round rounds a
// decimal.
func ExampleParseRoundingMode() {
	mode, err := duty.ParseRoundingMode("half_even")
	fmt.Println(mode, err, mode.Round(decimal.RequireFromString("0.125"), 2))
	// Japan rounds its taxable value down to 1,000 yen: places -3.
	fmt.Println(duty.Down.Round(decimal.RequireFromString("123456"), -3))
	// Output:
	// half_even <nil> 0.12
	// 123000
}

// NewQuantity checks the unit.
func ExampleNewQuantity() {
	q, err := duty.NewQuantity(decimal.NewFromInt(20), duty.Kilogram)
	fmt.Println(q, err)
	_, err = duty.NewQuantity(decimal.NewFromInt(20), "kilos")
	fmt.Println(errors.Is(err, duty.ErrInvalidUnit))
	// Output:
	// 20 kg <nil>
	// true
}

// A unit's dimension, name and factor to the dimension's base unit.
func ExampleUnit_Factor() {
	f, err := duty.Tonne.Factor()
	fmt.Println(duty.Tonne.Name(), duty.Tonne.Dimension(), f, err)
	// Output:
	// tonne mass 1000 <nil>
}

// What a rate needs from an entry: units, parts, currencies; whether it
// is ad valorem, free or computable at all.
func ExampleRate_Units() {
	r := mustRate("12.8 % + 176.8 EUR / 100 kg")
	fmt.Println(r.Units(), r.Currencies(), r.Supported())
	pct, ok := mustRate("6.8%").AdValorem()
	fmt.Println(pct, ok, mustRate("Free").IsFree())
	// Output:
	// [100kg] [EUR] <nil>
	// 6.8 true true
}

// Parts names the parts a rate is charged on.
func ExampleRate_Parts() {
	fmt.Println(mustRate("Free").Parts(), mustRate("5%").NeedsPolarization())
	// Output:
	// [] false
}

// Condition is the text of a conditional rate; AdditionalOnBase marks the
// chapter 99 form that adds to the base rate.
func ExampleRate_Condition() {
	r := mustRate("The duty provided in the applicable subheading + 25%")
	fmt.Println(r.AdditionalOnBase(), r)
	// Output:
	// true The duty provided in the applicable subheading + 25%
}

// InCurrency says which dollar "$" means in a rate.
func ExampleInCurrency() {
	r, err := duty.ParseRate("$1.035/kg", duty.InCurrency("AUD"))
	fmt.Println(r.Currencies(), err)
	// Output:
	// [AUD] <nil>
}

// WarningCodes lists the stable codes of quote warnings.
func ExampleWarningCodes() {
	codes := duty.WarningCodes()
	fmt.Println(len(codes) > 0)
	// Output:
	// true
}
