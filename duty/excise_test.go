package duty_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// alc is a line of an alcoholic product: value in GBP, a 0% customs duty
// (so that the excise stands alone), its volume in litres and strength.
func alc(t *testing.T, hs, value, litres, abv string) duty.EntryLine {
	t.Helper()
	l := ln(t, hs, "FR", value, "GBP", "0%")
	l.Quantities = []duty.Quantity{{Value: dec(litres), Unit: duty.Litre}}
	l.ABV = dec(abv)
	return l
}

// exciseOf returns line i's excise charge of the code.
func exciseOf(t *testing.T, a duty.Assessment, i int, code string) duty.Charge {
	t.Helper()
	for _, c := range a.Lines[i].Duties {
		if c.Kind == "excise" && c.Code == code {
			return c
		}
	}
	t.Fatalf("line %d has no excise %s: %+v", i, code, a.Lines[i].Duties)
	return duty.Charge{}
}

// GB Alcohol Duty per litre of pure alcohol by strength band, standard
// rates (GOV.UK, Alcohol Duty rates, from 1 February 2025; uprated by RPI
// 3.66% from 1 February 2026 per the GOV.UK tax information and impact
// note). Litres of pure alcohol = litres × ABV / 100; duty = lpa × rate,
// rounded to the penny. Import VAT (20%) is on customs value + duties,
// Alcohol Duty included (VATA 1994 s.21). Alcoholic drinks are outside the
// GBP 135 arrangements: VAT at the border whatever the value.
func TestGBAlcoholDuty(t *testing.T) {
	c := calculator(t)
	gb := func(day string, lines ...duty.EntryLine) duty.Assessment {
		return run(t, c, duty.Entry{Destination: "GB", Date: duty.MustDate(day), Mode: "courier", Consumer: true, Lines: lines})
	}
	// Six 70 cl bottles of whisky at 40%, GBP 150: 4.2 l × 40% = 1.68 lpa;
	// exceeding 22%: 1.68 × 33.99 = 57.1032 -> 57.10 (2026 rate);
	// VAT 20% × (150 + 57.10) = 41.42.
	a := gb("2026-11-25", alc(t, "2208.30", "150", "4.2", "40"))
	x := exciseOf(t, a, 0, "GB_ALCOHOL_DUTY")
	eqm(t, "57.10", x.Amount, "whisky 2026")
	eqm(t, "57.10", a.Totals.Duty, "whisky 2026: duty total includes the excise")
	eqm(t, "41.42", a.Totals.TaxAtBorder, "whisky 2026: VAT on 207.10")
	// HMRC's own worked method (internal manual HMEXSH5030, Guide to
	// calculating excise duty: Spirits): 100 cases of 12 × 70 cl whisky at
	// 40%: 8.4 l a case, 3.36 l of alcohol a case, 336 l of alcohol in
	// all, times the current spirits rate: 336 × 33.99 = 11,420.64.
	h := gb("2026-11-25", alc(t, "2208.30", "25000", "840", "40"))
	eqm(t, "11420.64", exciseOf(t, h, 0, "GB_ALCOHOL_DUTY").Amount, "HMEXSH5030 consignment")
	// The same on 2025-06-01: 1.68 × 32.79 = 55.0872 -> 55.09.
	eqm(t, "55.09", exciseOf(t, gb("2025-06-01", alc(t, "2208.30", "150", "4.2", "40")), 0, "GB_ALCOHOL_DUTY").Amount, "whisky 2025")
	// Twelve 75 cl bottles of wine at 13.5%, GBP 120: 9 l × 13.5% = 1.215
	// lpa; 8.5% to 22%: 1.215 × 30.62 = 37.2033 -> 37.20; VAT 20% × 157.20
	// = 31.44 (not at the sale although 120 <= 135: excise goods).
	w := gb("2026-11-25", alc(t, "2204.21", "120", "9", "13.5"))
	eqm(t, "37.20", exciseOf(t, w, 0, "GB_ALCOHOL_DUTY").Amount, "wine")
	eqm(t, "31.44", w.Totals.TaxAtBorder, "wine: VAT at the border")
	// 24 cans of 330 ml beer at 5%, GBP 40: 7.92 l × 5% = 0.396 lpa; beer
	// 3.5% to less than 8.5%: 0.396 × 22.58 = 8.94168 -> 8.94.
	b := gb("2026-11-25", alc(t, "2203.00", "40", "7.92", "5"))
	eqm(t, "8.94", exciseOf(t, b, 0, "GB_ALCOHOL_DUTY_BEER").Amount, "beer")
	// The same volume of a 5% wine-based drink pays the 26.61 rate:
	// 0.396 × 26.61 = 10.53756 -> 10.54.
	eqm(t, "10.54", exciseOf(t, gb("2026-11-25", alc(t, "2205.10", "40", "7.92", "5")), 0, "GB_ALCOHOL_DUTY").Amount, "5% wine product")
	// Band edges (1 l each): 3.4% -> 0.034 × 9.96 = 0.33864 -> 0.34;
	// 3.5% -> 0.035 × 26.61 = 0.93135 -> 0.93; 8.5% -> 0.085 × 30.62 =
	// 2.6027 -> 2.60; 22% -> 0.22 × 30.62 = 6.7364 -> 6.74; 22.1% ->
	// 0.221 × 33.99 = 7.51179 -> 7.51.
	for abv, want := range map[string]string{"3.4": "0.34", "3.5": "0.93", "8.5": "2.60", "22": "6.74", "22.1": "7.51"} {
		eqm(t, want, exciseOf(t, gb("2026-11-25", alc(t, "2208.90", "10", "1", abv)), 0, "GB_ALCOHOL_DUTY").Amount, "spirit drink at "+abv+"%")
	}
	// 1.2% or less is not an alcoholic product: no excise.
	n := gb("2026-11-25", alc(t, "2203.00", "10", "1", "1.2"))
	eqm(t, "0", n.Totals.Duty, "1.2% beer")
	// A volume in millilitres is converted: 700 ml at 40% = 0.28 lpa ×
	// 33.99 = 9.5172 -> 9.52.
	m := alc(t, "2208.30", "25", "0", "40")
	m.Quantities = []duty.Quantity{{Value: dec("700"), Unit: duty.Millilitre}}
	eqm(t, "9.52", exciseOf(t, gb("2026-11-25", m), 0, "GB_ALCOHOL_DUTY").Amount, "700 ml")
	// Litres of pure alcohol given directly (no ABV) cannot be banded:
	// the duty is flagged, not guessed.
	p := ln(t, "2208.30", "FR", "25", "GBP", "0%")
	p.Quantities = []duty.Quantity{{Value: dec("0.28"), Unit: duty.LitrePure}}
	q := gb("2026-11-25", p)
	eqm(t, "0", q.Totals.Duty, "lpa without strength")
	assert.True(t, hasWarning(q, duty.NotModelled, "GB_ALCOHOL_DUTY"))
	// A strength without a volume: flagged too.
	s := ln(t, "2208.30", "FR", "25", "GBP", "0%")
	s.ABV = dec("40")
	assert.True(t, hasWarning(gb("2026-11-25", s), duty.NotModelled, "GB_ALCOHOL_DUTY"))
}

// Excise rules are checked when read: bands may not overlap, a bound is
// given once, amounts are non-negative, the unit is lpa.
func TestExciseRuleChecked(t *testing.T) {
	for name, rule := range map[string]string{
		"overlap":  `"bands":[{"at_least":"3.5","below":"8.5","amount":{"amount":"1","currency":"GBP"}},{"at_least":"8","amount":{"amount":"2","currency":"GBP"}}]`,
		"two mins": `"bands":[{"above":"1","at_least":"2","amount":{"amount":"1","currency":"GBP"}}]`,
		"negative": `"bands":[{"amount":{"amount":"-1","currency":"GBP"}}]`,
		"strength": `"bands":[{"below":"120","amount":{"amount":"1","currency":"GBP"}}]`,
		"unit":     `"per":"l","bands":[{"amount":{"amount":"1","currency":"GBP"}}]`,
	} {
		per := `"per":"lpa",`
		if strings.Contains(rule, `"per"`) {
			per = ""
		}
		_, err := duty.ReadProfiles(strings.NewReader(`{"version":"2026-12-01","profiles":[{"country":"GB","name":"GB","currency":"GBP","valuation":"CIF","from":"2021-01-01","sources":["s"],
			"taxes":[{"code":"VAT","name":"VAT","rate":"20","base":["duty"],"from":"2021-01-01","source":"s"}],
			"excise":[{"code":"X","name":"X","hs":["2208"],` + per + rule + `,"from":"2021-01-01","source":"s"}]}]}`))
		var pe *duty.ProfileError
		require.ErrorAs(t, err, &pe, name)
		assert.Contains(t, pe.Path, "excise[0]", name)
	}
	// Adjacent bands do not overlap: below 8.5 / at least 8.5.
	_, err := duty.ReadProfiles(strings.NewReader(`{"version":"2026-12-01","profiles":[{"country":"GB","name":"GB","currency":"GBP","valuation":"CIF","from":"2021-01-01","sources":["s"],
		"excise":[{"code":"X","name":"X","hs":["2208"],"per":"lpa","bands":[{"below":"8.5","amount":{"amount":"1","currency":"GBP"}},{"at_least":"8.5","amount":{"amount":"2","currency":"GBP"}}],"from":"2021-01-01","source":"s"}]}]}`))
	require.NoError(t, err)
}

// A line's strength and volume also give a measure per litre of pure
// alcohol its quantity: an AU-style excise-equivalent customs duty
// "$107.99/L alc + 5%" (the rate here is the line's measure, not embedded
// data) on 6 × 700 ml of gin at 37.5%, AUD 180 FOB: 4.2 l × 37.5% =
// 1.575 lpa; 1.575 × 107.99 = 170.08425 plus 5% × 180 = 9.00: 179.08425
// -> 179.08. Converted units too: a US measure per proof litre, "$2.70/pf.
// liter", on the same line: 1.575 lpa = 3.15 proof litres × 2.70 = 8.505
// -> 8.51 (8.505 rounds half up).
func TestAlcoholQuantityFromABV(t *testing.T) {
	c := calculator(t)
	l := duty.EntryLine{HS: "2208.50", Origin: "GB", Value: duty.MustMoney("180", "AUD"), ABV: dec("37.5"),
		Quantities: []duty.Quantity{{Value: dec("4.2"), Unit: duty.Litre}},
		Measures:   []duty.Measure{{Kind: duty.MFN, Rate: audRate(t, "$107.99/l alc. 100% + 5%"), Source: "test measure"}}}
	a := run(t, c, duty.Entry{Destination: "AU", Date: duty.MustDate("2026-03-02"), Mode: "air", Lines: []duty.EntryLine{l}})
	eqm(t, "179.08", a.Totals.Duty, "AUD per litre of alcohol + 5%")
	assert.Len(t, l.Quantities, 1, "the caller's quantities are not changed")

	u := l
	u.Value = duty.MustMoney("180", "USD")
	u.Measures = []duty.Measure{{Kind: duty.MFN, Rate: pRate(t, "$2.70/pf. liter"), Source: "test measure"}}
	b := run(t, c, duty.Entry{Destination: "US", Date: duty.MustDate("2026-03-02"), Mode: "air", Lines: []duty.EntryLine{u}})
	eqm(t, "8.51", b.Lines[0].Duty, "USD per proof litre")
}

func audRate(t *testing.T, s string) duty.Rate {
	t.Helper()
	r, err := duty.ParseRate(s, duty.InCurrency("AUD"))
	require.NoError(t, err)
	return r
}

// A strength outside 0-100% is bad input, named with its line.
func TestEntryABVChecked(t *testing.T) {
	c := calculator(t)
	l := alc(t, "2208.30", "10", "1", "140")
	_, err := c.Calculate(context.Background(), duty.Entry{Destination: "GB", Date: duty.MustDate("2026-11-25"), Mode: "air", Lines: []duty.EntryLine{l}})
	var le *duty.LineError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, 0, le.Line)
	assert.Contains(t, err.Error(), "abv 140")
}

// GB Tobacco Products Duty per kilogram (GOV.UK, Tobacco Products Duty
// rates, updated 26 November 2025: cigars GBP 417.33 from 6pm on 30
// October 2024, 440.93 from 6pm on 26 November 2025, 508.12 from 1
// October 2026; tobacco for heating 343.91, 363.36, 426.47), on the line's
// net mass, rounded to the penny.
func TestGBTobaccoDuty(t *testing.T) {
	c := calculator(t)
	tob := func(day, hs, grams string) duty.Assessment {
		l := ln(t, hs, "CU", "100", "GBP", "0%")
		if grams != "" {
			l.Quantities = []duty.Quantity{{Value: dec(grams), Unit: duty.Gram}}
		}
		return run(t, c, duty.Entry{Destination: "GB", Date: duty.MustDate(day), Mode: "courier", Consumer: true, Lines: []duty.EntryLine{l}})
	}
	// Ten cigars, 50 g: 0.05 kg × 508.12 = 25.406 -> 25.41 (from
	// 2026-10-01); × 440.93 = 22.0465 -> 22.05 (from 2025-11-27);
	// × 417.33 = 20.8665 -> 20.87 (on 2025-11-26, before 6pm's change).
	eqm(t, "25.41", exciseOf(t, tob("2026-11-25", "2402.10", "50"), 0, "GB_TOBACCO_CIGARS").Amount, "cigars 2026-11")
	eqm(t, "22.05", exciseOf(t, tob("2026-03-02", "2402.10", "50"), 0, "GB_TOBACCO_CIGARS").Amount, "cigars 2026-03")
	eqm(t, "20.87", exciseOf(t, tob("2025-11-26", "2402.10", "50"), 0, "GB_TOBACCO_CIGARS").Amount, "cigars 2025-11-26")
	// Twenty packs of heated tobacco sticks, 6 g each: 0.12 kg × 426.47 =
	// 51.1764 -> 51.18; VAT 20% × (100 + 51.18) = 30.236 -> 30.24.
	h := tob("2026-11-25", "2404.11", "120")
	eqm(t, "51.18", exciseOf(t, h, 0, "GB_TOBACCO_HEATING").Amount, "tobacco for heating")
	eqm(t, "30.24", h.Totals.TaxAtBorder, "tobacco for heating: VAT")
	// No net mass: flagged, not guessed; cigarettes: not embedded.
	assert.True(t, hasWarning(tob("2026-11-25", "2402.10", ""), duty.NotModelled, "GB_TOBACCO_CIGARS"))
	assert.True(t, hasWarning(tob("2026-11-25", "2402.20", "20"), duty.NotModelled, "GB_EXCISE_TOBACCO"))
}
