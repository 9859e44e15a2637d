package ior_test

import (
	"context"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// On the sample shipment (100 T-shirts, freight 50 EUR, 12% duty, 19% VAT,
// DDP) the landed total at unit price p is 100p + 50 + duty + VAT with
// duty = 12% of (100p + 50) and VAT = 19% of (customs value + duty), each
// rounded to the cent.
func TestPriceExact(t *testing.T) {
	s := loadShipment(t, "shipment_de.json")
	eng := euEngine(t)
	// p = 5.00: 550.00 + 66.00 + 117.04 + ... = 733.04 exactly.
	r, err := eng.Price(context.Background(), ior.PriceRequest{Shipment: s, Line: 0, Target: duty.MustMoney("733.04", "EUR")})
	require.NoError(t, err)
	assert.Equal(t, "5.00 EUR", r.UnitPrice.String())
	assert.Equal(t, "733.04 EUR", r.Landed.String())
	assert.True(t, r.Shortfall.IsZero())
	assert.Empty(t, r.Notes)

	// Target 733.00: p = 5.00 lands at 733.04, too much. p = 4.99: value
	// 499 + 50 = 549.00, duty 65.88, VAT 19% × 614.88 = 116.8272 → 116.83,
	// total 731.71; shortfall 1.29.
	r, err = eng.Price(context.Background(), ior.PriceRequest{Shipment: s, Line: 0, Target: duty.MustMoney("733.00", "EUR")})
	require.NoError(t, err)
	assert.Equal(t, "4.99 EUR", r.UnitPrice.String())
	assert.Equal(t, "731.71 EUR", r.Landed.String())
	assert.Equal(t, "1.29 EUR", r.Shortfall.String())
}

// One item with 10 EUR freight on 2026-03-01, when the EU still relieved
// duty on consignments of intrinsic value up to 150 EUR: at p = 150.00 the
// shopper pays 150 + 10 + VAT 19% × 160 = 30.40, total 190.40; at 150.01
// duty 12% × 160.01 = 19.20 and VAT 19% × 179.21 = 34.05 bring it to
// 213.26. A target of 200 EUR therefore stops at 150.00, 9.60 short, with
// a note on the threshold.
func TestPriceAtDeMinimisEdge(t *testing.T) {
	s := loadShipment(t, "shipment_de.json")
	s.Lines[0].Quantity.Value = decimal.NewFromInt(1)
	s.Freight = duty.MustMoney("10.00", "EUR")
	eng := euEngine(t)
	r, err := eng.Price(context.Background(), ior.PriceRequest{Shipment: s, Line: 0, Target: duty.MustMoney("200", "EUR")})
	require.NoError(t, err)
	assert.Equal(t, "150.00 EUR", r.UnitPrice.String())
	assert.Equal(t, "190.40 EUR", r.Landed.String())
	assert.Equal(t, "9.60 EUR", r.Shortfall.String())
	require.Len(t, r.Notes, 1)
	assert.Contains(t, r.Notes[0], "213.26 EUR")
}

func TestPriceErrors(t *testing.T) {
	s := loadShipment(t, "shipment_de.json")
	eng := euEngine(t)
	ctx := context.Background()
	_, err := eng.Price(ctx, ior.PriceRequest{Shipment: s, Line: 3, Target: duty.MustMoney("100", "EUR")})
	assert.ErrorIs(t, err, ior.ErrInvalidValue)
	_, err = eng.Price(ctx, ior.PriceRequest{Shipment: s, Line: 0, Target: duty.MustMoney("0", "EUR")})
	assert.ErrorIs(t, err, ior.ErrInvalidValue)
	// At a zero price the goods are worth nothing (under the 150 EUR duty
	// relief) and the shopper still pays freight 50 + VAT 19% × 50 = 59.50:
	// a target of 55 cannot be met.
	_, err = eng.Price(ctx, ior.PriceRequest{Shipment: s, Line: 0, Target: duty.MustMoney("55", "EUR")})
	assert.ErrorIs(t, err, ior.ErrTargetTooLow)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = eng.Price(cancelled, ior.PriceRequest{Shipment: s, Line: 0, Target: duty.MustMoney("100", "EUR")})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestPriceList(t *testing.T) {
	s := loadShipment(t, "shipment_de.json")
	eng := euEngine(t)
	out, err := eng.PriceList(context.Background(), []ior.PriceItem{
		{Key: "TS-1/DE", PriceRequest: ior.PriceRequest{Shipment: s, Target: duty.MustMoney("733.04", "EUR")}},
		{Key: "bad", PriceRequest: ior.PriceRequest{Shipment: s, Target: duty.MustMoney("1", "EUR")}},
	})
	require.NoError(t, err)
	require.Len(t, out, 2)
	assert.Equal(t, "5.00 EUR", out[0].Result.UnitPrice.String())
	assert.ErrorIs(t, out[1].Err, ior.ErrTargetTooLow)
}
