package ior_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
)

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

// ID: a courier consignment of FOB USD 100 (2 x IDR 800,000 at USD 1 =
// IDR 16,000), freight IDR 100,000: CIF 1,700,000; the 7.5% consignment
// duty (PMK 96/2023 as amended by PMK 4/2025) replaces the 10% test rate:
// 127,500; PPN 12% of 11/12 = 11% x (1,700,000 + 127,500) = 201,025;
// the declaration's duty and PPN rounded up to the thousand rupiah
// (Bea Cukai): 128,000 + 202,000 = total 330,000. By ocean (not a consignment) the tariff applies: duty
// 10% x 1,700,000 = 170,000; PPN 11% x 1,870,000 = 205,700.
func TestQuoteIndonesia(t *testing.T) {
	usd := ior.WithRates(duty.FixedRates{"USD/IDR": decimal.RequireFromString("16000")})
	q := destQuoteMode(t, "courier", "ID", "IDR", "8518.30", "10%", "2", "800000", "100000", "0", usd)
	eqAmount(t, "1700000", q.CustomsValue, "ID customs value")
	eqAmount(t, "127500", q.Lines[0].Duty, "ID consignment duty 7.5%")
	eqAmount(t, "201025", q.Lines[0].Tax, "ID PPN")
	eqAmount(t, "330000", q.Totals.Total, "ID total, rounded up to the thousand per levy")

	q = destQuoteMode(t, "ocean", "ID", "IDR", "8518.30", "10%", "2", "800000", "100000", "0", usd)
	eqAmount(t, "170000", q.Lines[0].Duty, "ID tariff duty by ocean")
	eqAmount(t, "205700", q.Lines[0].Tax, "ID PPN by ocean")
}

// KH: CIF valuation; VAT 10% on CIF + customs duty (GDCE: VAT 10% flat
// rate). 5 items at KHR 80,000 = 400,000, freight 40,000, insurance
// 10,000: CIF 450,000; duty 15% (test rate) = 67,500; VAT 10% x 517,500 =
// 51,750; total 119,250.
func TestQuoteCambodia(t *testing.T) {
	q := destQuoteMode(t, "air", "KH", "KHR", "6109.10", "15%", "5", "80000", "40000", "10000")
	eqAmount(t, "450000", q.CustomsValue, "KH customs value")
	eqAmount(t, "67500", q.Lines[0].Duty, "KH duty")
	eqAmount(t, "51750", q.Lines[0].Tax, "KH VAT")
	eqAmount(t, "119250", q.Totals.Total, "KH total")
}
