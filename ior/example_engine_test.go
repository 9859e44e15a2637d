package ior_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
)

// tshirts is the shipment of the examples: 100 cotton T-shirts (HS 6109.10,
// made in China) at EUR 5.00 from a US seller to a consumer in Germany, DDP
// by courier, EUR 50.00 freight.
func tshirts() ior.Shipment {
	yes := true
	return ior.Shipment{
		ID: "order-1001", Date: duty.MustDate("2026-03-01"),
		Origin: "US", Destination: "DE", Incoterm: ior.DDP, Mode: ior.Courier,
		Seller: ior.Party{Name: "Acme Inc", Country: "US", Kind: ior.Business, AcceptsImportRisk: &yes,
			Registrations: []ior.Registration{{Scheme: "EIN", ID: "12-3456789"}}},
		Buyer: ior.Party{Name: "Jana Novak", Country: "DE", Kind: ior.Consumer},
		Lines: []ior.Line{{
			SKU: "TS-1", Description: "Cotton T-shirt", HS: "6109.10", Origin: "CN",
			Quantity:  duty.Quantity{Value: decimal.NewFromInt(100), Unit: duty.Item},
			UnitPrice: duty.MustMoney("5.00", "EUR"),
			NetWeight: duty.Quantity{Value: decimal.NewFromInt(20), Unit: duty.Kilogram},
		}},
		Freight:   duty.MustMoney("50.00", "EUR"),
		Insurance: duty.MustMoney("0.00", "EUR"),
	}
}

// Build the engine once, on the embedded defaults, and share it: it is
// immutable and safe for concurrent use.
func ExampleNewEngine() {
	eng, err := ior.NewEngine()
	if err != nil {
		fmt.Println(err)
		return
	}
	ds := eng.Destinations()
	fmt.Println(len(ds), ds[:6])

	// Options replace or add data; a bad one fails here, not at the first
	// quote.
	_, err = ior.NewEngine(ior.WithRates(duty.FixedRates{
		"USD/EUR": decimal.RequireFromString("0.92"), // illustrative, not an official rate
	}))
	fmt.Println(err)
	// Output:
	// 66 [AE AR AT AU BE BG]
	// <nil>
}

// A landed-cost quote. By hand: CIF = 100 × 5.00 + 50.00 = 550.00 EUR;
// goods 500.00 > EUR 150, so no duty relief; duty 12% × 550.00 = 66.00;
// VAT 19% × (550.00 + 66.00) = 117.04; total 66.00 + 117.04 = 183.04, paid
// at import by the seller under DDP.
func ExampleEngine_Quote() {
	eng, err := ior.NewEngine()
	if err != nil {
		fmt.Println(err)
		return
	}
	q, err := eng.Quote(context.Background(), tshirts())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("importer:", q.Importer.Party.Name, q.Importer.Role)
	fmt.Println("customs value:", q.CustomsValue, q.Valuation)
	for _, l := range q.Lines {
		for _, cs := range [][]duty.Charge{l.Duties, l.Taxes} {
			for _, c := range cs {
				fmt.Printf("line %d %s %s × %s = %s\n", l.Index, c.Code, c.Rate, c.Base, c.Amount)
			}
		}
	}
	fmt.Println("total:", q.Totals.Total)
	fmt.Println("seller pays at import", q.Payers.Seller.AtImport)
	fmt.Println("buyer pays at import", q.Payers.Buyer.AtImport)
	// Output:
	// importer: Acme Inc seller
	// customs value: 550.00 EUR CIF
	// line 0 MFN 12% × 550.00 EUR = 66.00 EUR
	// line 0 VAT 19% × 616.00 EUR = 117.04 EUR
	// total: 183.04 EUR
	// seller pays at import 183.04 EUR
	// buyer pays at import 0.00 EUR
}

// The decision: under DDP the seller is the first candidate; the EU pack
// says what a US company needs to import into Germany.
func ExampleEngine_Decide() {
	eng, err := ior.NewEngine()
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := eng.Decide(context.Background(), tshirts())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Importer.Party.Name, d.Importer.Role, "blocked:", d.Blocked)
	for _, a := range d.Actions {
		fmt.Println("action:", a.Code, a.Kind)
	}
	for _, c := range d.Alternatives {
		fmt.Println("alternative:", c.Party.Name, c.Role, "eligible:", c.Eligible)
	}
	// Output:
	// Acme Inc seller blocked: false
	// action: EU_RESPONSIBLE_OPERATOR representative
	// action: EU_TEXTILE_LABEL document
	// action: EORI registration
	// action: INDIRECT_REPRESENTATIVE representative
	// action: EU_VAT_REGISTRATION tax_registration
	// alternative: Jana Novak buyer eligible: true
}

// One shipment planned in several markets. The shipment is priced in EUR,
// so GB needs a EUR/GBP rate (illustrative here, not official). No rate is
// given for CA and none is ever assumed, so CA cannot be quoted: its error
// names the missing pair, and the other markets are still planned.
//
// By hand, GB: CIF 550.00 × 0.85 = GBP 467.50; goods 500.00 × 0.85 =
// 425.00 > 135, so duty and VAT are due at the border: duty 12% × 467.50 =
// 56.10; VAT 20% × (467.50 + 56.10) = 104.72; total 160.82.
func ExampleEngine_Plan() {
	eng, err := ior.NewEngine(ior.WithRates(duty.FixedRates{
		"EUR/GBP": decimal.RequireFromString("0.85"), // illustrative
	}))
	if err != nil {
		fmt.Println(err)
		return
	}
	plans, err := eng.Plan(context.Background(), tshirts(), []string{"DE", "GB", "CA"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range plans {
		if p.Quote == nil {
			fmt.Println(p.Destination, "DDP:", p.DDP, "error:", ior.ErrorCodeOf(p.Err), errors.Is(p.Err, duty.ErrMissingRate))
			fmt.Println(" ", p.Err)
			continue
		}
		fmt.Println(p.Destination, "DDP:", p.DDP, "total:", p.Quote.Totals.Total)
	}
	// Output:
	// DE DDP: true total: 183.04 EUR
	// GB DDP: true total: 160.82 GBP
	// CA DDP: true error: missing_rate true
	//   duty: line 0 (HS 6109.10): value: duty: no exchange rate EUR/CAD for 2026-03-01 (give 1 EUR in CAD)
}

// What each Incoterms 2020 rule allocates: who clears import and pays
// its duties and taxes (the seller only under DDP), and who contracts the
// main carriage.
func ExampleIncoterm_Rule() {
	for _, i := range []ior.Incoterm{ior.EXW, ior.FOB, ior.CIF, ior.DAP, ior.DDP} {
		r, ok := i.Rule()
		fmt.Println(i, ok, r.Name, "| import clearance:", r.ImportClearance, "| duties:", r.ImportDutiesTax,
			"| carriage:", r.MainCarriage, "| sea only:", r.SeaOnly)
	}
	_, ok := ior.Incoterm("DDU").Rule()
	fmt.Println("DDU", ok)
	// Output:
	// EXW true Ex Works | import clearance: buyer | duties: buyer | carriage: buyer | sea only: false
	// FOB true Free on Board | import clearance: buyer | duties: buyer | carriage: buyer | sea only: true
	// CIF true Cost, Insurance and Freight | import clearance: buyer | duties: buyer | carriage: seller | sea only: true
	// DAP true Delivered at Place | import clearance: buyer | duties: buyer | carriage: seller | sea only: false
	// DDP true Delivered Duty Paid | import clearance: seller | duties: seller | carriage: seller | sea only: false
	// DDU false
}
