package ior_test

import (
	"context"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func refShipment(t *testing.T, dest, cur, hs string) ior.Shipment {
	t.Helper()
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.Destination = dest
	s.Buyer.Country = dest
	s.IORProviders = nil
	s.Lines[0].HS = hs
	s.Lines[0].UnitPrice = duty.MustMoney("5.00", cur)
	s.Freight = duty.MustMoney("50.00", cur)
	s.Insurance = duty.MustMoney("0.00", cur)
	return s
}

// 3924.10.00 (plastic tableware) is not in the sample tariff; the 2020
// CET line 39241000 is 6.5%. 100 x 5.00 + 50.00 freight = 550.00 EUR CIF;
// 6.5% x 550.00 = 35.75 EUR.
func TestDefaultEUReferenceTariff(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	q, err := e.Quote(context.Background(), refShipment(t, "DE", "EUR", "3924.10.00"))
	require.NoError(t, err)
	assert.Equal(t, "35.75 EUR", q.Lines[0].Duty.String())
	require.NotEmpty(t, q.Lines[0].Duties)
	assert.True(t, strings.HasPrefix(q.Lines[0].Duties[0].Source, "REFERENCE EU Common Customs Tariff 2020"), q.Lines[0].Duties[0].Source)
	require.Len(t, q.Warnings, 1)
	assert.Equal(t, duty.ReferenceTariff, q.Warnings[0].Code)
	assert.Equal(t, "EU Common Customs Tariff 2020 (CN 2020)", q.Warnings[0].Edition)
	require.NotNil(t, q.Warnings[0].Line)
	assert.Equal(t, 0, *q.Warnings[0].Line)

	_, err = e.Quote(context.Background(), refShipment(t, "DE", "EUR", "3924.10.00"), ior.Strict())
	assert.ErrorIs(t, err, duty.ErrStrict)
}

// GB: UKGT 2021 line 39241000 is 6.0%: 6% x 550.00 GBP = 33.00 GBP.
func TestDefaultGBReferenceTariff(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	s := refShipment(t, "GB", "GBP", "3924.10.00")
	s.Lines[0].UnitPrice = duty.MustMoney("50.00", "GBP") // above the GBP 135 consignment regime
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	// 100 x 50.00 + 50.00 = 5,050.00 GBP; 6% = 303.00 GBP.
	assert.Equal(t, "303.00 GBP", q.Lines[0].Duty.String())
	assert.True(t, strings.HasPrefix(q.Lines[0].Duties[0].Source, "REFERENCE UK Global Tariff 2021"))
}

// An HS 2022 code the 2020 edition lacks falls to the sample when the
// sample lists it (8517.13, mapped there by hand from CN 2020 8517 12 00)
// and is unknown otherwise; the engine never maps it itself.
func TestDefaultEUHS2022Codes(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	q, err := e.Quote(context.Background(), refShipment(t, "DE", "EUR", "8517.13.00"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(q.Lines[0].Duties[0].Source, duty.SampleLabel))

	e, err = ior.NewEngine(ior.WithoutSampleTariff())
	require.NoError(t, err)
	_, err = e.Quote(context.Background(), refShipment(t, "DE", "EUR", "8517.13.00"))
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
}

// The sample's TCA preference for GB-origin T-shirts still applies over
// the reference MFN line: duty 0.
func TestDefaultEUKeepsSamplePreferences(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	s := refShipment(t, "DE", "EUR", "6109.10.00")
	s.Lines[0].Origin = "GB"
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	assert.Equal(t, "0.00 EUR", q.Lines[0].Duty.String())
}

// Switzerland: chapter 61 is industrial, duty-free since 2024-01-01;
// import VAT 8.1% of (550.00 + 0 duty) = 44.55 CHF.
func TestDefaultSwissIndustrialGoods(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	q, err := e.Quote(context.Background(), refShipment(t, "CH", "CHF", "6109.10"))
	require.NoError(t, err)
	assert.Equal(t, "0.00 CHF", q.Lines[0].Duty.String())
	assert.Equal(t, "44.55 CHF", q.Lines[0].Tax.String())
	assert.Empty(t, q.Warnings, "the Swiss rule is current law, not an estimate")
	_, err = e.Quote(context.Background(), refShipment(t, "CH", "CHF", "0406.10"))
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
}

func TestWithoutReferenceTariffs(t *testing.T) {
	e, err := ior.NewEngine(ior.WithoutReferenceTariffs())
	require.NoError(t, err)
	_, err = e.Quote(context.Background(), refShipment(t, "DE", "EUR", "3924.10.00"))
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
	_, err = e.Quote(context.Background(), refShipment(t, "CH", "CHF", "6109.10"))
	assert.ErrorIs(t, err, duty.ErrNoSchedule)
}

// 6110.20 is a subheading above the CN lines 6110 20 10/91/99, all 12% in
// the 2020 CET: it resolves to them (HS_RESOLVED) at the reference rate
// (REFERENCE_TARIFF). 12% x 550.00 = 66.00 EUR.
func TestDefaultEUResolvesShortCodes(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	q, err := e.Quote(context.Background(), refShipment(t, "DE", "EUR", "6110.20"))
	require.NoError(t, err)
	assert.Equal(t, "66.00 EUR", q.Lines[0].Duty.String())
	codes := map[duty.WarningCode]bool{}
	for _, w := range q.Warnings {
		codes[w.Code] = true
	}
	assert.True(t, codes[duty.HSResolved], "%v", q.Warnings)
	assert.True(t, codes[duty.ReferenceTariff], "%v", q.Warnings)
}

// The reference tariffs and rates are read on first use; a fresh engine's
// first quotes may run concurrently (run under -race).
func TestDefaultDataFirstUseConcurrent(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	done := make(chan error, 8)
	for i := 0; i < 8; i++ {
		dest, cur := "DE", "USD"
		if i%2 == 1 {
			dest, cur = "GB", "EUR"
		}
		s := refShipment(t, dest, cur, "3924.10.00")
		go func() {
			_, err := e.Quote(context.Background(), s)
			done <- err
		}()
	}
	for i := 0; i < 8; i++ {
		assert.NoError(t, <-done)
	}
}
