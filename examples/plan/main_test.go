package main

import (
	"bytes"
	"strings"
	"testing"
)

// The goods: 2 chairs × USD 450.00 = USD 900.00, freight USD 100.00, no
// insurance, so CIF = USD 1,000.00. Figures worked by hand with the
// illustrative rates of main.go and the embedded data in force on
// 2026-03-01:
//
//   - DE: CIF 1,000.00 × 0.92 = EUR 920.00. Duty on 9401.61 is 0% (EU CET).
//     VAT 19% × (920.00 + 0) = 174.80. Total 174.80.
//   - GB: CIF 1,000.00 × 0.80 = GBP 800.00. Goods 900 × 0.80 = 720.00 >
//     135, so no relief and no VAT at sale. Duty 0% (UKGT). VAT 20% ×
//     800.00 = 160.00. Total 160.00.
//   - JP: CIF 1,000.00 × 150 = JPY 150,000 > 10,000 (no relief). Duty Free.
//     Consumption tax 10% × 150,000 (already a multiple of 1,000) = 15,000.
//   - AU: valued FOB: goods 900.00 × 1.50 = AUD 1,350.00 > 1,000, so duty
//     and GST are due at the border. Duty 5% × 1,350.00 = 67.50. GST base
//     1,350.00 + freight 100.00 × 1.50 = 150.00 + duty 67.50 = 1,567.50;
//     GST 10% = 156.75. Total 67.50 + 156.75 = 224.25.
//   - CA: the seller can import (with a BN and RM account), but the
//     embedded sample tariff has no Canadian lines: no quote, an error
//     naming the missing schedule.
//   - IN: only a resident may import, so the seller cannot sell DDP
//     itself; the buyer is the importer. No quote either (no schedule).
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	markets := map[string]string{}
	for _, block := range strings.Split(b.String(), "\n\n")[1:] {
		markets[block[:2]] = block
	}
	want := map[string][]string{
		"DE": {"DE: DDP by the seller: yes", "needs: EORI (registration)",
			"customs value 920.00 EUR (CIF); duty 0.00 EUR; tax 174.80 EUR (at sale 0.00 EUR); fees 0.00 EUR; total 174.80 EUR"},
		"GB": {"GB: DDP by the seller: yes",
			"customs value 800.00 GBP (CIF); duty 0.00 GBP; tax 160.00 GBP (at sale 0.00 GBP); fees 0.00 GBP; total 160.00 GBP"},
		"JP": {"JP: DDP by the seller: yes",
			"customs value 150000 JPY (CIF); duty 0 JPY; tax 15000 JPY (at sale 0 JPY); fees 0 JPY; total 15000 JPY"},
		"AU": {"AU: DDP by the seller: yes",
			"customs value 1350.00 AUD (FOB); duty 67.50 AUD; tax 156.75 AUD (at sale 0.00 AUD); fees 0.00 AUD; total 224.25 AUD"},
		"CA": {"CA: DDP by the seller: yes", "needs: BN_RM (registration)", "no quote:", "no tariff schedule for CA"},
		"IN": {"IN: DDP by the seller: no, importer would be the buyer", "seller not eligible: RESIDENT_ONLY", "no tariff schedule for IN"},
	}
	if len(markets) != len(want) {
		t.Errorf("got %d markets, want %d:\n%s", len(markets), len(want), b.String())
	}
	for m, lines := range want {
		for _, l := range lines {
			if !strings.Contains(markets[m], l) {
				t.Errorf("%s: missing %q in:\n%s", m, l, markets[m])
			}
		}
	}
	if !strings.HasPrefix(b.String(), "Exchange rates are illustrative, not official.") {
		t.Error("the output must say the rates are illustrative")
	}
}
