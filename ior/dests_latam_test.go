package ior_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
)

// latamConsumerQuote quotes a DAP courier parcel of one line from origin
// to a consumer in dest, priced in the destination's currency, against a
// one-row test table, with USD priced at usdRate units of that currency.
func latamConsumerQuote(t *testing.T, dest, cur, origin, hs, rate, price, usdRate string) ior.Quote {
	t.Helper()
	js := `{"id": "latam-test", "date": "2026-12-01", "origin": "$O", "destination": "$D",
	  "incoterm": "DAP", "mode": "courier",
	  "seller": {"name": "Shop Inc", "country": "$O", "kind": "business"},
	  "buyer": {"name": "Ana", "country": "$D", "kind": "consumer"},
	  "lines": [{"sku": "L1", "description": "Sweater", "hs": "$HS", "origin": "$O",
	    "quantity": {"value": "1", "unit": "item"}, "unit_price": {"amount": "$P", "currency": "$C"},
	    "net_weight": {"value": "1", "unit": "kg"}}]}`
	js = strings.NewReplacer("$O", origin, "$D", dest, "$HS", hs, "$P", price, "$C", cur).Replace(js)
	return quoteOneRow(t, dest, hs, rate, js, ior.WithRates(duty.FixedRates{"USD/" + cur: decimal.RequireFromString(usdRate)}))
}

// CO through the engine: a consumer's courier parcel of USD 150 (COP
// 600,000 at a test rate of 4,000) pays neither duty (Decreto 1090 de
// 2020) nor, coming from the US, IVA (ET Art. 428(j)); from China it pays
// IVA 19% x 600,000 = 114,000.
func TestQuoteColombiaCourier(t *testing.T) {
	q := latamConsumerQuote(t, "CO", "COP", "US", "6110.20", "15%", "600000", "4000")
	require.True(t, deMinimisMet(t, q, "CO_IVA_US_200"))
	eqAmount(t, "0", q.Totals.Total, "CO from the US")
	q = latamConsumerQuote(t, "CO", "COP", "CN", "6110.20", "15%", "600000", "4000")
	require.False(t, deMinimisMet(t, q, "CO_IVA_US_200"))
	eqAmount(t, "0", q.Lines[0].Duty, "CO duty relieved")
	eqAmount(t, "114000", q.Totals.Total, "CO from China")
}

// AR through the engine: a consumer's courier parcel of USD 300 (ARS
// 300,000 at a test rate of 1,000) pays no duty and no statistics fee
// (Decreto 1065/2024), IVA 21% x 300,000 = 63,000.
func TestQuoteArgentinaCourier(t *testing.T) {
	q := latamConsumerQuote(t, "AR", "ARS", "CN", "6110.20", "35%", "300000", "1000")
	require.True(t, deMinimisMet(t, q, "AR_COURIER_400_DUTY"))
	eqAmount(t, "0", q.Lines[0].Duty, "AR duty relieved")
	eqAmount(t, "63000", q.Totals.Total, "AR total")
}

// DO through the engine: a consumer's courier parcel of USD 150 (DOP
// 9,000 at a test rate of 60) pays neither tariff nor ITBIS (Decreto
// 402-05); at DOP 12,060 (USD 201) it pays the 20% test tariff, 2,412,
// and ITBIS 18% x 14,472 = 2,604.96: total 5,016.96.
func TestQuoteDominicanCourier(t *testing.T) {
	q := latamConsumerQuote(t, "DO", "DOP", "CN", "6110.20", "20%", "9000", "60")
	require.True(t, deMinimisMet(t, q, "DO_COURIER_200"))
	eqAmount(t, "0", q.Totals.Total, "DO USD 150")
	q = latamConsumerQuote(t, "DO", "DOP", "CN", "6110.20", "20%", "12060", "60")
	require.False(t, deMinimisMet(t, q, "DO_COURIER_200"))
	eqAmount(t, "5016.96", q.Totals.Total, "DO USD 201")
}
