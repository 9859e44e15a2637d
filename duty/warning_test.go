package duty_test

import (
	"context"
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWarningString(t *testing.T) {
	one := 1
	w := duty.Warning{Code: duty.SampleTariff, Message: "m", Line: &one, Subject: "MFN 6109"}
	assert.Equal(t, "SAMPLE_TARIFF line 1 (MFN 6109): m", w.String())
	assert.Equal(t, "STALE_DATA: m", duty.Warning{Code: duty.StaleData, Message: "m"}.String())
	assert.Len(t, duty.WarningCodes(), 10)
}

func TestStrictErrorMatches(t *testing.T) {
	var err error = &duty.StrictError{Warnings: []duty.Warning{{Code: duty.HSResolved, Message: "x"}}}
	err = errors.Join(errors.New("wrapped"), err)
	assert.ErrorIs(t, err, duty.ErrStrict)
	var se *duty.StrictError
	require.ErrorAs(t, err, &se)
	assert.True(t, se.Has(duty.HSResolved))
	assert.False(t, se.Has(duty.StaleData))
}

// A measure's provenance becomes one warning on its line; a measure
// without caveat none.
func TestMeasureCaveatWarns(t *testing.T) {
	ref := duty.Measure{Kind: duty.MFN, Rate: pRate(t, "12%"), Source: "UK Global Tariff (test)", HS: "610910",
		Caveat: duty.ReferenceTariff, Edition: "EU CET 2020"}
	plain := duty.Measure{Kind: duty.MFN, Rate: pRate(t, "12%"), Source: "test", HS: "610910"}
	c := calculator(t)
	a := run(t, c, duty.Entry{Destination: "DE", Date: duty.MustDate("2026-03-01"), Mode: "air", Lines: []duty.EntryLine{
		{HS: "610910", Origin: "CN", Value: duty.MustMoney("200", "EUR"), Measures: []duty.Measure{ref}},
		{HS: "610910", Origin: "CN", Value: duty.MustMoney("200", "EUR"), Measures: []duty.Measure{plain}},
	}})
	require.Len(t, a.Warnings, 1)
	w := a.Warnings[0]
	assert.Equal(t, duty.ReferenceTariff, w.Code)
	assert.Equal(t, "EU CET 2020", w.Edition)
	assert.Equal(t, "MFN 610910", w.Subject)
	require.NotNil(t, w.Line)
	assert.Equal(t, 0, *w.Line)
	assert.Contains(t, w.Message, "EU CET 2020")
	// 12% of 200 = 24 on each line: the warning does not change a figure.
	eqm(t, "48", a.Totals.Duty, "duty")

	_, err := c.Calculate(context.Background(), duty.Entry{Destination: "DE", Date: duty.MustDate("2026-03-01"), Mode: "air",
		Lines: []duty.EntryLine{{HS: "610910", Origin: "CN", Value: duty.MustMoney("200", "EUR"), Measures: []duty.Measure{ref}}}},
		duty.Strict())
	assert.ErrorIs(t, err, duty.ErrStrict)
}

func TestSampleTariffWarns(t *testing.T) {
	ts, err := duty.SampleSchedules()
	require.NoError(t, err)
	ms, err := ts["US"].Measures("6109.10.00.40", "PT", duty.MustDate("2026-03-01"))
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	for _, m := range ms {
		assert.Equal(t, duty.SampleTariff, m.Caveat)
		assert.Equal(t, duty.SampleEdition, m.Edition)
	}
}

// agedRates is a SourcedRates whose data ends on 2026-04-13.
type agedRates struct{}

func (agedRates) Rate(from, to string, on duty.Date) (decimal.Decimal, error) {
	return dec("0.9"), nil
}

func (agedRates) RateInfo(from, to string, on duty.Date) (duty.RateInfo, error) {
	return duty.RateInfo{Rate: dec("0.9"), Day: duty.MustDate("2026-04-13"), Source: "test rates", Caveat: duty.FXRateAge}, nil
}

func TestFXRateAgeWarns(t *testing.T) {
	c := calculator(t, duty.WithRates(agedRates{}))
	a := run(t, c, duty.Entry{Destination: "DE", Date: duty.MustDate("2026-12-01"), Mode: "air", Lines: []duty.EntryLine{
		ln(t, "610910", "CN", "200", "USD", "12%"),
	}})
	require.NotEmpty(t, a.FX)
	assert.Equal(t, "2026-04-13", a.FX[0].Date.String(), "the rate's own day")
	assert.Equal(t, "test rates", a.FX[0].Source)
	require.Len(t, a.Warnings, 1)
	assert.Equal(t, duty.FXRateAge, a.Warnings[0].Code)
	assert.Equal(t, "USD/EUR", a.Warnings[0].Subject)
	assert.Equal(t, "2026-04-13", a.Warnings[0].Edition)
	// 200 USD × 0.9 = 180.00 EUR customs value (no freight); 12% = 21.60.
	eqm(t, "180", a.CustomsValue, "customs value")
	eqm(t, "21.60", a.Totals.Duty, "duty")
}

// Rules the calculator does not model are flagged when the entry is
// concerned (docs/accuracy.md).
func TestNotModelledWarns(t *testing.T) {
	c := calculator(t)
	// US, courier, informal entry (goods 100.00 <= 2,500): the express
	// per-waybill fee replaces the informal MPF.
	a := run(t, c, duty.Entry{Destination: "US", Date: duty.MustDate("2026-03-01"), Mode: "courier",
		Lines: []duty.EntryLine{ln(t, "847130", "DE", "100", "USD", "Free")}})
	assert.Equal(t, []string{"US_MPF_EXPRESS"}, notModelledCodes(a))
	a = run(t, c, duty.Entry{Destination: "US", Date: duty.MustDate("2026-03-01"), Mode: "air",
		Lines: []duty.EntryLine{ln(t, "847130", "DE", "100", "USD", "Free")}})
	assert.Empty(t, notModelledCodes(a))
	// CA without a province; and a consumer in Quebec whose port of
	// release is not given (QST charged only on goods released there).
	a = run(t, c, duty.Entry{Destination: "CA", Date: duty.MustDate("2026-03-01"), Mode: "air",
		Lines: []duty.EntryLine{ln(t, "847130", "DE", "1000", "CAD", "Free")}})
	assert.Equal(t, []string{"CA_NO_REGION"}, notModelledCodes(a))
	a = run(t, c, duty.Entry{Destination: "CA", Region: "CA-QC", Consumer: true, Date: duty.MustDate("2026-03-01"), Mode: "air",
		Lines: []duty.EntryLine{ln(t, "847130", "DE", "1000", "CAD", "Free")}})
	assert.Equal(t, []string{"CA_PST_PORT"}, notModelledCodes(a))
	// GB: excise goods, on their line only: wine without its strength
	// (Alcohol Duty not computed), then tobacco (not embedded).
	a = run(t, c, duty.Entry{Destination: "GB", Date: duty.MustDate("2026-03-01"), Mode: "air", Lines: []duty.EntryLine{
		ln(t, "610910", "CN", "500", "GBP", "12%"), ln(t, "2204.21", "FR", "500", "GBP", "Free")}})
	require.Equal(t, []string{"GB_ALCOHOL_DUTY"}, notModelledCodes(a))
	w0 := a.Warnings[len(a.Warnings)-1]
	require.NotNil(t, w0.Line)
	assert.Equal(t, 1, *w0.Line)
	a = run(t, c, duty.Entry{Destination: "GB", Date: duty.MustDate("2026-03-01"), Mode: "air", Lines: []duty.EntryLine{
		ln(t, "610910", "CN", "500", "GBP", "12%"), ln(t, "2402.20", "FR", "500", "GBP", "Free")}})
	require.Equal(t, []string{"GB_EXCISE_TOBACCO"}, notModelledCodes(a))
	w := a.Warnings[len(a.Warnings)-1]
	require.NotNil(t, w.Line)
	assert.Equal(t, 1, *w.Line)
}
