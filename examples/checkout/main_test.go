package main

import (
	"bytes"
	"strings"
	"testing"
)

// The figures below are worked out by hand from the embedded data in force
// on 2026-03-01: EU MFN duty on 6109.10 is 12% (sample tariff, CN 6109 10
// 00), German import VAT is 19% on customs value + duty (UStG s.12(1);
// Directive 2006/112/EC Art. 86), the EU values goods CIF, duty is relieved
// on consignments of intrinsic value up to EUR 150 until 2026-06-30, and an
// IOSS-registered seller charges VAT at the sale on B2C consignments up to
// EUR 150.
//
// cart-1001: 100 × 5.00 = 500.00 goods + 50.00 shipping = 550.00 CIF.
// Goods 500.00 > 150, so no relief. Duty 12% × 550.00 = 66.00. VAT base
// 550.00 + 66.00 = 616.00; VAT 19% × 616.00 = 117.04. Duties and taxes
// 66.00 + 117.04 = 183.04, all paid by the shop at import (DDP). The
// shopper pays 500.00 + 50.00 + 0.00 + 183.04 = 733.04.
//
// cart-1002: 2 × 25.00 = 50.00 goods + 5.00 shipping = 55.00 CIF. Goods
// 50.00 <= 150: duty relieved; the shop holds an IOSS number, so VAT is
// collected at the sale: 19% × 55.00 = 10.45 (no duty to add to the base).
// The shopper pays 50.00 + 5.00 + 10.45 = 65.45; the shop pays nothing at
// import.
func TestRun(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	carts := strings.SplitN(out, "\n\n", 2)
	if len(carts) != 2 {
		t.Fatalf("want two carts, got:\n%s", out)
	}
	checks := []struct {
		cart int
		want []string
	}{
		{0, []string{
			"importer of record: Acme Inc as seller",
			"Goods                                      500.00 EUR",
			"Customs value (CIF)                        550.00 EUR",
			"Customs duty (MFN)                          66.00 EUR  (12% on 550.00 EUR, paid at import)",
			"Import VAT                                 117.04 EUR  (19% on 616.00 EUR, paid at import)",
			"Duties and taxes                           183.04 EUR",
			"paid by the shop at import               183.04 EUR",
			"collected by the shop at sale              0.00 EUR",
			"Total to pay (nothing on delivery)         733.04 EUR",
		}},
		{1, []string{
			"Customs value (CIF)                         55.00 EUR",
			"threshold EU_DUTY_RELIEF_150 met: duty relief",
			"threshold EU_IOSS met: tax point_of_sale",
			"VAT collected at the point of sale          10.45 EUR  (19% on 55.00 EUR, collected at point of sale)",
			"paid by the shop at import                 0.00 EUR",
			"collected by the shop at sale             10.45 EUR",
			"Total to pay (nothing on delivery)          65.45 EUR",
		}},
	}
	for _, c := range checks {
		for _, w := range c.want {
			if !strings.Contains(carts[c.cart], w) {
				t.Errorf("cart %d: missing %q in:\n%s", c.cart, w, carts[c.cart])
			}
		}
	}
}
