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

// viewOf quotes the design's sample shipment (100 T-shirts at 5.00 EUR,
// freight 50.00 EUR, CN origin, DE consumer) on a 12% MFN table and builds
// its view. The quote, by hand: customs value 500 + 50 = 550.00 EUR, duty
// 12% = 66.00, VAT 19% of (550 + 66) = 117.04.
func viewOf(t *testing.T, incoterm ior.Incoterm, currency string, opts ...ior.ViewOption) (ior.View, error) {
	t.Helper()
	s := loadShipment(t, "shipment_de.json")
	s.Incoterm = incoterm
	q, err := euEngine(t).Quote(context.Background(), s)
	require.NoError(t, err)
	require.Equal(t, "66.00 EUR", q.Totals.Duty.String())
	require.Equal(t, "117.04 EUR", q.Totals.Tax.String())
	return ior.NewView(s, q, currency, opts...)
}

func viewStrings(v ior.View) map[string]string {
	return map[string]string{
		"goods": v.Goods.String(), "shipping": v.Shipping.String(), "duty": v.Duty.String(), "tax": v.Tax.String(),
		"fees": v.Fees.String(), "total": v.Total.String(), "checkout": v.DueAtCheckout.String(), "delivery": v.DueOnDelivery.String(),
	}
}

func TestViewInQuoteCurrency(t *testing.T) {
	v, err := viewOf(t, ior.DDP, "EUR")
	require.NoError(t, err)
	// DDP: everything at checkout. 500 + 50 + 66 + 117.04 = 733.04.
	assert.Equal(t, map[string]string{"goods": "500.00 EUR", "shipping": "50.00 EUR", "duty": "66.00 EUR", "tax": "117.04 EUR",
		"fees": "0.00 EUR", "total": "733.04 EUR", "checkout": "733.04 EUR", "delivery": "0.00 EUR"}, viewStrings(v))
	require.Len(t, v.Lines, 1)
	assert.Equal(t, "683.04 EUR", v.Lines[0].Total.String()) // 500 + 66 + 117.04
	assert.NotNil(t, v.Rates)
	assert.Empty(t, v.Rates)
}

func TestViewDAPSplitsWhatIsDueOnDelivery(t *testing.T) {
	v, err := viewOf(t, ior.DAP, "EUR")
	require.NoError(t, err)
	// DAP: the buyer clears; goods and shipping at checkout (550.00), duty
	// and VAT on delivery (66.00 + 117.04 = 183.04).
	assert.Equal(t, "550.00 EUR", v.DueAtCheckout.String())
	assert.Equal(t, "183.04 EUR", v.DueOnDelivery.String())
	assert.Equal(t, "733.04 EUR", v.Total.String())
}

func TestViewConverted(t *testing.T) {
	t.Run("direct", func(t *testing.T) {
		v, err := viewOf(t, ior.DDP, "USD", ior.ViewRates(duty.FixedRates{"EUR/USD": decimal.RequireFromString("1.1")}))
		require.NoError(t, err)
		// × 1.1: 550.00, 55.00, 72.60, 128.744. Exact total 806.344 →
		// 806.34; the floors (550.00 + 55.00 + 72.60 + 128.74) already make
		// it, so tax shows 128.74.
		assert.Equal(t, map[string]string{"goods": "550.00 USD", "shipping": "55.00 USD", "duty": "72.60 USD", "tax": "128.74 USD",
			"fees": "0.00 USD", "total": "806.34 USD", "checkout": "806.34 USD", "delivery": "0.00 USD"}, viewStrings(v))
		require.Len(t, v.Rates, 1)
		assert.Equal(t, ior.ViewRate{From: "EUR", To: "USD", Rate: decimal.RequireFromString("1.1"), How: ior.RateDirect, Source: "caller", Date: duty.MustDate("2026-03-01")}, v.Rates[0])
	})
	t.Run("inverse refused unless allowed", func(t *testing.T) {
		rates := ior.ViewRates(duty.FixedRates{"USD/EUR": decimal.RequireFromString("0.8")})
		_, err := viewOf(t, ior.DDP, "USD", rates)
		assert.ErrorIs(t, err, ior.ErrNoViewRate)
		v, err := viewOf(t, ior.DDP, "USD", rates, ior.AllowInverse())
		require.NoError(t, err)
		// 1 ÷ 0.8 = 1.25: 625.00 + 62.50 + 82.50 + 146.30 = 916.30.
		assert.Equal(t, "146.30 USD", v.Tax.String())
		assert.Equal(t, "916.30 USD", v.Total.String())
		assert.Equal(t, ior.RateInverted, v.Rates[0].How)
		assert.True(t, v.Rates[0].Rate.Equal(decimal.RequireFromString("1.25")))
	})
	t.Run("crossed", func(t *testing.T) {
		v, err := viewOf(t, ior.DDP, "USD", ior.CrossVia("GBP"), ior.ViewRates(duty.FixedRates{
			"EUR/GBP": decimal.RequireFromString("0.85"), "GBP/USD": decimal.RequireFromString("1.3")}))
		require.NoError(t, err)
		// 0.85 × 1.3 = 1.105: goods 552.50, shipping 55.25, duty 72.93,
		// tax 129.3292. Exact total 810.0092 → 810.01; floors make 810.00,
		// the missing cent goes to the only part with a remainder (tax).
		assert.Equal(t, map[string]string{"goods": "552.50 USD", "shipping": "55.25 USD", "duty": "72.93 USD", "tax": "129.33 USD",
			"fees": "0.00 USD", "total": "810.01 USD", "checkout": "810.01 USD", "delivery": "0.00 USD"}, viewStrings(v))
		require.Len(t, v.Rates, 3)
		assert.Equal(t, ior.RateCrossed, v.Rates[2].How)
		assert.Equal(t, "GBP", v.Rates[2].Via)
	})
}

func TestViewErrors(t *testing.T) {
	_, err := viewOf(t, ior.DDP, "XXY")
	assert.ErrorIs(t, err, duty.ErrInvalidCurrency)
	s := loadShipment(t, "shipment_de.json")
	q, err := euEngine(t).Quote(context.Background(), s)
	require.NoError(t, err)
	s.Lines = append(s.Lines, s.Lines[0])
	_, err = ior.NewView(s, q, "EUR")
	assert.Error(t, err)
}

// A handling charge of 20.00 EUR billed by the carrier: in Germany it
// enters the VAT base (Directive 2006/112/EC Art. 86: incidental expenses
// to the first place of destination). Customs value 550.00, duty 66.00,
// VAT 19% × (550 + 66 + 20) = 19% × 636 = 120.84. The shopper pays 500 +
// 50 + 20 + 66 + 120.84 = 756.84, all at checkout (DDP).
func TestViewServiceCharges(t *testing.T) {
	s := loadShipment(t, "shipment_de.json")
	s.ServiceCharges = []ior.ServiceCharge{{Code: "handling", Kind: duty.ServiceHandling, Amount: ptr(duty.MustMoney("20.00", "EUR"))}}
	q, err := euEngine(t).Quote(context.Background(), s)
	require.NoError(t, err)
	v, err := ior.NewView(s, q, "EUR")
	require.NoError(t, err)
	assert.Equal(t, "20.00 EUR", v.Services.String())
	assert.Equal(t, "120.84 EUR", v.Tax.String())
	assert.Equal(t, "756.84 EUR", v.Total.String())
	assert.Equal(t, "756.84 EUR", v.DueAtCheckout.String())
}

func ptr[T any](v T) *T { return &v }

// Engine.View on the embedded defaults converts at the ECB reference rate
// of the last day published on or before the quote's date: 2026-03-01 is
// a Sunday, so the rate of Friday 2026-02-27, 1 EUR = 1.1805 USD (ECB
// euro foreign exchange reference rates, eurofxref-hist). 733.04 EUR of
// the DE T-shirt order (see TestViewInQuoteCurrency) × 1.1805: goods
// 590.25, shipping 59.025, duty 77.913, VAT 138.16572; exact total
// 865.35372 → 865.35.
func TestEngineViewDefaultRates(t *testing.T) {
	eng, err := ior.NewEngine()
	require.NoError(t, err)
	s := loadShipment(t, "shipment_de.json")
	q, err := eng.Quote(context.Background(), s)
	require.NoError(t, err)
	require.Equal(t, "183.04 EUR", q.Totals.Total.String())
	v, err := eng.View(s, q, "USD")
	require.NoError(t, err)
	require.Len(t, v.Rates, 1)
	r := v.Rates[0]
	assert.True(t, r.Rate.Equal(decimal.RequireFromString("1.1805")), r.Rate.String())
	assert.Equal(t, "2026-02-27", r.Date.String())
	assert.Equal(t, "caller", r.Source)
	assert.Contains(t, r.Publication, "ECB")
	assert.Equal(t, "865.35 USD", v.Total.String())
	assert.Equal(t, "590.25 USD", v.Goods.String())
}
