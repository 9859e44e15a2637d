package ior_test

import (
	"context"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// usTable is a US schedule the engine stands behind (no caveat), for the
// two lines of us-headphones.json.
func usTable(t testing.TB) *duty.Table {
	return table(t, "8518.30.20,mfn,Free,,,2020-01-01,,HTS (test)\n6109.10.00,mfn,16.5%,,,2020-01-01,,HTS (test)\n")
}

func TestQuoteWarnsSampleTariff(t *testing.T) {
	e, err := ior.NewEngine(ior.WithoutEmbeddedHTS())
	require.NoError(t, err)
	s := readShipment(t, "../examples/shipments/us-headphones.json")
	s.Mode = ior.Air // by courier, the express fee not modelled is flagged too
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	require.Len(t, q.Warnings, 2, "one SAMPLE_TARIFF warning per line priced from the sample")
	for i, w := range q.Warnings {
		assert.Equal(t, duty.SampleTariff, w.Code)
		require.NotNil(t, w.Line)
		assert.Equal(t, i, *w.Line)
		assert.Equal(t, duty.SampleEdition, w.Edition)
	}
	assert.Equal(t, "MFN 85183020", q.Warnings[0].Subject)

	// Strict per call: the same quote is refused, with the warnings.
	_, err = e.Quote(context.Background(), s, ior.Strict())
	require.ErrorIs(t, err, duty.ErrStrict)
	var se *duty.StrictError
	require.ErrorAs(t, err, &se)
	assert.Len(t, se.Warnings, 2)
	assert.True(t, se.Has(duty.SampleTariff))

	// Strict for the engine.
	es, err := ior.NewEngine(ior.WithStrict(), ior.WithoutEmbeddedHTS())
	require.NoError(t, err)
	_, err = es.Quote(context.Background(), s)
	require.ErrorIs(t, err, duty.ErrStrict)

	// With a schedule the engine stands behind, no warning, and strict
	// answers.
	ok, err := ior.NewEngine(ior.WithSchedule("US", usTable(t)), ior.WithStrict())
	require.NoError(t, err)
	q, err = ok.Quote(context.Background(), s)
	require.NoError(t, err)
	assert.Empty(t, q.Warnings)
	assert.NotNil(t, q.Warnings, "warnings is [] in JSON, never null")
}

// The US MPF FY2026 figures after 2026-09-30: the quote succeeds with
// STALE_DATA, strict refuses it.
func TestQuoteStaleMPF(t *testing.T) {
	s := readShipment(t, "../examples/shipments/us-headphones.json")
	s.Date = duty.MustDate("2026-12-01")
	s.Mode = ior.Air
	e, err := ior.NewEngine(ior.WithSchedule("US", usTable(t)))
	require.NoError(t, err)
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	require.Len(t, q.Warnings, 1)
	assert.Equal(t, duty.StaleData, q.Warnings[0].Code)
	assert.Equal(t, "fee MPF_INFORMAL", q.Warnings[0].Subject)
	// goods 2 × 149.00 + 3 × 20.00 = 358.00 (FOB, freight excluded):
	// informal entry, MPF USD 2.69 (FY2026).
	require.Len(t, q.Fees, 1)
	assert.Equal(t, "2.69 USD", q.Fees[0].Amount.String())
	_, err = e.Quote(context.Background(), s, ior.Strict())
	require.ErrorIs(t, err, duty.ErrStrict)
}

// WithProfile overlays one country: a caller's FY2027 informal MPF (an
// invented USD 3.00 for the test) supersedes FY2026, and the warning goes.
func TestWithProfileOverlay(t *testing.T) {
	def, err := duty.DefaultProfiles()
	require.NoError(t, err)
	us, err := def.For("US", duty.MustDate("2026-12-01"))
	require.NoError(t, err)
	amt, at := duty.MustMoney("3.00", "USD"), duty.MustMoney("2500", "USD")
	us.Fees = append(append([]duty.Fee(nil), us.Fees...), duty.Fee{Code: "MPF_INFORMAL", Name: "MPF informal (test)",
		Kind: duty.FeeFixed, Amount: &amt, AtMost: &at, From: duty.MustDate("2026-10-01"), Source: "test"})
	e, err := ior.NewEngine(ior.WithSchedule("US", usTable(t)), ior.WithProfile(us))
	require.NoError(t, err)
	s := readShipment(t, "../examples/shipments/us-headphones.json")
	s.Date = duty.MustDate("2026-12-01")
	s.Mode = ior.Air
	q, err := e.Quote(context.Background(), s, ior.Strict())
	require.NoError(t, err)
	require.Len(t, q.Fees, 1)
	assert.Equal(t, "3.00 USD", q.Fees[0].Amount.String())
	// Other countries still come from the embedded set.
	_, err = e.Profiles().For("DE", duty.MustDate("2026-12-01"))
	require.NoError(t, err)
	_, err = ior.NewEngine(ior.WithProfile())
	require.Error(t, err)
}

// A 6-digit code whose 8-digit lines differ: the highest duty by default,
// the lowest or an error with ResolveHS, flagged HS_RESOLVED.
func TestQuoteResolveHS(t *testing.T) {
	eu := table(t, "6109.10.00,mfn,12%,,,2020-01-01,,test\n6110.20.10,mfn,10%,,,2020-01-01,,test\n6110.20.90,mfn,12%,,,2020-01-01,,test\n")
	e, err := ior.NewEngine(ior.WithSchedule("EU", eu), ior.WithoutSampleTariff())
	require.NoError(t, err)
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.Lines[0].HS = "6110.20"
	_, err = e.Quote(context.Background(), s, ior.ResolveHS(duty.HSStrict))
	require.ErrorIs(t, err, duty.ErrAmbiguousCode)
	// Customs value 550.00 EUR (see TestQuoteDESample): 12% = 66.00.
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	assert.Equal(t, "66.00 EUR", q.Lines[0].Duty.String())
	require.Len(t, q.Warnings, 1)
	assert.Equal(t, duty.HSResolved, q.Warnings[0].Code)
	// 10% of 550.00 = 55.00.
	q, err = e.Quote(context.Background(), s, ior.ResolveHS(duty.HSLowest))
	require.NoError(t, err)
	assert.Equal(t, "55.00 EUR", q.Lines[0].Duty.String())
	_, err = e.Quote(context.Background(), s, ior.ResolveHS("middle"))
	require.Error(t, err)
}
