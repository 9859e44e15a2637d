package ior_test

import "testing"

// TH: CIF valuation; VAT 7% on CIF + import duty (Thai Customs, Sample of
// Duty Assessment). 10 items at THB 100 = 1,000, freight 150, insurance
// 50: CIF 1,200; duty 10% (test rate) = 120; VAT 7% x (1,200 + 120) =
// 92.40; total 212.40.
func TestQuoteThailand(t *testing.T) {
	q := destQuote(t, "TH", "THB", "6109.10", "10%", "10", "100", "150", "50")
	eqAmount(t, "1200", q.CustomsValue, "TH customs value")
	eqAmount(t, "120", q.Lines[0].Duty, "TH duty")
	eqAmount(t, "92.40", q.Lines[0].Tax, "TH VAT")
	eqAmount(t, "212.40", q.Totals.Total, "TH total")
}
