package ior_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/rules"
)

// QA: CIF (GCC Common Customs Law) and no VAT. 10 items at QAR 50 = 500,
// freight 40: customs value 540; duty 5% (test rate) = 27; no tax; total 27.
func TestQuoteQatar(t *testing.T) {
	q := destQuote(t, "QA", "QAR", "6109.10", "5%", "10", "50", "40", "0")
	eqAmount(t, "540", q.CustomsValue, "QA customs value")
	eqAmount(t, "27", q.Lines[0].Duty, "QA duty")
	eqAmount(t, "0", q.Lines[0].Tax, "QA no VAT")
	eqAmount(t, "27", q.Totals.Total, "QA total")
}

// KW: CIF and no VAT. 2 items at KWD 12.500 = 25.000, freight 2.000:
// customs value 27.000; duty 5% (test rate) = 1.350; total 1.350.
func TestQuoteKuwait(t *testing.T) {
	q := destQuote(t, "KW", "KWD", "8516.71", "5%", "2", "12.500", "2.000", "0")
	eqAmount(t, "27", q.CustomsValue, "KW customs value")
	eqAmount(t, "1.35", q.Lines[0].Duty, "KW duty")
	eqAmount(t, "0", q.Lines[0].Tax, "KW no VAT")
	eqAmount(t, "1.35", q.Totals.Total, "KW total")
}

// MA: CIF; TPI 0.25% of the customs value; VAT 20% on customs value + duty
// + TPI. 4 items at MAD 250 = 1,000, freight 100: customs value 1,100;
// duty 17.5% (test rate) = 192.50; TPI 2.75; VAT 20% x 1,295.25 = 259.05;
// total 192.50 + 2.75 + 259.05 = 454.30.
func TestQuoteMorocco(t *testing.T) {
	q := destQuote(t, "MA", "MAD", "6109.10", "17.5%", "4", "250", "100", "0")
	eqAmount(t, "1100", q.CustomsValue, "MA customs value")
	eqAmount(t, "192.5", q.Lines[0].Duty, "MA duty")
	eqAmount(t, "2.75", q.Totals.Fees, "MA TPI")
	eqAmount(t, "259.05", q.Lines[0].Tax, "MA VAT")
	eqAmount(t, "454.3", q.Totals.Total, "MA total")
}

// EG: CIF (Customs Law 207/2020 Art. 16); VAT 14% on customs value + duty.
// 1 item at EGP 10,000, freight 800, insurance 200: customs value 11,000;
// duty 30% (test rate) = 3,300; VAT 14% x 14,300 = 2,002; total 5,302.
func TestQuoteEgypt(t *testing.T) {
	q := destQuote(t, "EG", "EGP", "6109.10", "30%", "1", "10000", "800", "200")
	eqAmount(t, "11000", q.CustomsValue, "EG customs value")
	eqAmount(t, "3300", q.Lines[0].Duty, "EG duty")
	eqAmount(t, "2002", q.Lines[0].Tax, "EG VAT")
	eqAmount(t, "5302", q.Totals.Total, "EG total")
}

// GE: CIF; VAT 18% on customs value + duty; a courier parcel over GEL 300
// pays both. 20 items at GEL 50 = 1,000, freight 100: customs value 1,100;
// duty 12% (test rate) = 132; VAT 18% x 1,232 = 221.76; total 353.76.
func TestQuoteGeorgia(t *testing.T) {
	q := destQuote(t, "GE", "GEL", "6109.10", "12%", "20", "50", "100", "0")
	eqAmount(t, "1100", q.CustomsValue, "GE customs value")
	eqAmount(t, "132", q.Lines[0].Duty, "GE duty")
	eqAmount(t, "221.76", q.Lines[0].Tax, "GE VAT")
	eqAmount(t, "353.76", q.Totals.Total, "GE total")
}

// The destinations added by this work have a profile in force today and a
// rule pack, and the engine decides on them: Bluetooth headphones sent to
// Egypt need NTRA type approval, a smartphone sent to Qatar CRA type
// approval.
func TestMEADestinationsDecide(t *testing.T) {
	assertEmbedded(t, "EG", "GE", "KW", "MA", "QA")

	e, err := ior.NewEngine(ior.WithoutSampleTariff())
	require.NoError(t, err)
	for _, tc := range []struct{ dest, cur, hs, desc, code string }{
		{"EG", "EGP", "8518.30", "Bluetooth headphones", "EG_NTRA_TYPE_APPROVAL"},
		{"QA", "QAR", "8517.13", "Smartphone", "QA_CRA_TYPE_APPROVAL"},
		{"MA", "MAD", "8517.13", "Smartphone", "MA_ANRT_AGREMENT"},
		{"KW", "KWD", "8517.13", "Smartphone", "KW_CITRA_TYPE_APPROVAL"},
		{"GE", "GEL", "8517.13", "Smartphone", "GE_RADIO_PERMIT"},
	} {
		js := `{"id": "dest-decide", "date": "2026-12-01", "origin": "CN", "destination": "$D",
		  "incoterm": "DAP", "mode": "courier",
		  "seller": {"name": "Seller Ltd", "country": "CN", "kind": "business"},
		  "buyer": {"name": "Buyer", "country": "$D", "kind": "business", "local_entity": true},
		  "lines": [{"sku": "L1", "description": "$DESC", "hs": "$HS", "origin": "CN",
		    "quantity": {"value": "1", "unit": "item"}, "unit_price": {"amount": "100", "currency": "$C"},
		    "net_weight": {"value": "1", "unit": "kg"}}],
		  "freight": {"amount": "10", "currency": "$C"}, "insurance": {"amount": "0", "currency": "$C"}}`
		js = strings.NewReplacer("$DESC", tc.desc, "$D", tc.dest, "$HS", tc.hs, "$C", tc.cur).Replace(js)
		var s ior.Shipment
		require.NoError(t, json.Unmarshal([]byte(js), &s))
		d, err := e.Decide(context.Background(), s)
		require.NoError(t, err, tc.dest)
		var codes []string
		for _, f := range append(append([]rules.Finding{}, d.Actions...), d.Findings...) {
			codes = append(codes, f.Code)
		}
		assert.Contains(t, codes, tc.code, tc.dest)
	}
}
