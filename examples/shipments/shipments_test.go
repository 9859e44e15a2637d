// Package shipments holds the sample shipments of the README and the CLI
// as JSON; this test quotes each one on the embedded defaults so that the
// samples never drift from the library.
package shipments

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/iorkit/iorkit/ior"
)

// Totals worked by hand from the embedded data in force on 2026-03-01.
var want = map[string]struct {
	importer           ior.Role
	customsValue, duty string
	tax, atSale, total string
}{
	// 100 × 5.00 + 50.00 freight = 550.00 CIF; duty 12% = 66.00; VAT 19% ×
	// 616.00 = 117.04; total 183.04, paid by the seller (DDP).
	"de-tshirts.json": {ior.RoleSeller, "550.00 EUR", "66.00 EUR", "117.04 EUR", "0.00 EUR", "183.04 EUR"},
	// FOB 2 × 149.00 + 3 × 20.00 = 358.00 (embedded HTS 2026 Rev. 3):
	// headphones Free, T-shirts 16.5% × 60.00 = 9.90, plus the Section 122
	// surcharge in force on 2026-03-01, 10% × 358.00 = 35.80: duty 45.70; no
	// tax; informal-entry MPF 2.69; total 48.39.
	"us-headphones.json": {ior.RoleBuyer, "358.00 USD", "45.70 USD", "0.00 USD", "0.00 USD", "48.39 USD"},
	// Goods 120.00 <= GBP 135: duty relieved, VAT collected at sale by the
	// seller: 20% × (120.00 + 12.00) = 26.40.
	"gb-b2c-parcel.json": {ior.RoleBuyer, "132.00 GBP", "0.00 GBP", "26.40 GBP", "26.40 GBP", "26.40 GBP"},
	// CIF 2 × 24,500 + 3,000 = 52,000 JPY > 10,000; duty Free; national
	// consumption tax 7.8% × 52,000 = 4,056 -> 4,000; local 4,000 × 22/78 =
	// 1,128.2 -> 1,128, declared (rounded down to 100) 1,100: tax 5,100.
	"jp-headphones.json": {ior.RoleSeller, "52000 JPY", "0 JPY", "5100 JPY", "0 JPY", "5100 JPY"},
	// FOB 3 × 250.00 = 750.00 <= AUD 1,000: duty relieved, GST collected
	// at sale: 10% × (750.00 + 30.00 freight) = 78.00.
	"au-jewellery.json": {ior.RoleSeller, "750.00 AUD", "0.00 AUD", "78.00 AUD", "78.00 AUD", "78.00 AUD"},
}

func TestSamples(t *testing.T) {
	eng, err := ior.NewEngine()
	if err != nil {
		t.Fatal(err)
	}
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			var s ior.Shipment
			if err := json.Unmarshal(b, &s); err != nil {
				t.Fatal(err)
			}
			q, err := eng.Quote(context.Background(), s)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{string(q.Importer.Role), q.CustomsValue.String(), q.Totals.Duty.String(),
				q.Totals.Tax.String(), q.Totals.TaxAtSale.String(), q.Totals.Total.String()}
			exp := []string{string(w.importer), w.customsValue, w.duty, w.tax, w.atSale, w.total}
			for i := range got {
				if got[i] != exp[i] {
					t.Errorf("importer, customs value, duty, tax, at sale, total:\n got %v\nwant %v", got, exp)
					break
				}
			}
		})
	}
}
