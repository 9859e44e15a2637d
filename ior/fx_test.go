package ior_test

import (
	"context"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A USD shipment to DE on 2026-04-10 converts at the EU customs rate of
// April 2026: the ECB rate of 2026-03-18 (the penultimate Wednesday of
// March), 1 EUR = 1.15 USD, so 1 USD = 0.8695652173913043 EUR (16 places).
// 500.00 + 50.00 USD = 550 / 1.15 = 478.2608... EUR; 3924.10.00 at the
// CET 2020 rate 6.5%: 31.0869... -> 31.09 EUR.
func TestDefaultRatesEU(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	s := refShipment(t, "DE", "USD", "3924.10.00")
	s.Date = duty.MustDate("2026-04-10")
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	assert.Equal(t, "31.09 EUR", q.Lines[0].Duty.String())
	require.NotEmpty(t, q.FX)
	fx := q.FX[0]
	assert.Equal(t, "USD", fx.From)
	assert.Equal(t, "EUR", fx.To)
	assert.Equal(t, "0.8695652173913043", fx.Rate)
	assert.Equal(t, duty.MustDate("2026-03-18"), fx.Date)
	assert.Contains(t, fx.Source, "Art. 146")
	for _, w := range q.Warnings {
		assert.NotEqual(t, duty.FXRateAge, w.Code)
	}
	// Back into USD for the totals: EUR->USD at the same rule, 1.15.
	require.Len(t, q.FX, 2)
	assert.Equal(t, "1.15", q.FX[1].Rate)
}

// On 2026-12-01 the EU rule needs the ECB rate of 2026-11-18, after the
// embedded data (to 2026-04-13): the last rate applies, flagged.
func TestDefaultRatesAged(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	s := refShipment(t, "DE", "USD", "3924.10.00")
	s.Date = duty.MustDate("2026-12-01")
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	assert.Equal(t, duty.MustDate("2026-04-13"), q.FX[0].Date)
	var aged bool
	for _, w := range q.Warnings {
		if w.Code == duty.FXRateAge {
			aged = true
			assert.Contains(t, w.Message, "2026-11-18")
		}
	}
	assert.True(t, aged, "FX_RATE_AGE expected: %v", q.Warnings)
}

// GB converts at HMRC's rate of the month: January 2026, 1 GBP = 1.3329
// USD. 5,050.00 USD / 1.3329 = 3,788.7313... GBP; UKGT 2021 3924 10 00 at
// 6%: 227.3238... -> 227.32 GBP.
func TestDefaultRatesGB(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	s := refShipment(t, "GB", "USD", "3924.10.00")
	s.Lines[0].UnitPrice = duty.MustMoney("50.00", "USD")
	s.Date = duty.MustDate("2026-01-20")
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	assert.Equal(t, "227.32 GBP", q.Lines[0].Duty.String())
	assert.Equal(t, duty.MustDate("2026-01-01"), q.FX[0].Date)
	assert.Contains(t, q.FX[0].Source, "HMRC")
}
