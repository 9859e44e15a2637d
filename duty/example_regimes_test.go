package duty_test

import (
	"context"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
)

// Norway's VOEC scheme tests each item: two jackets of NOK 2,500 from a
// VOEC-registered seller pay VAT at the sale and no duty, while a camera
// of NOK 3,500 in the same parcel pays duty and VAT at the border, in
// whole kroner. By hand: VAT 25% of 5,000 = 1,250 at the sale; duty 10% of
// 3,500 = 350; VAT 25% of 3,850 = 962.50 → 963 at the border.
func ExampleCalculator_Calculate_perItemThreshold() {
	c, _ := duty.NewCalculator()
	items := func(n string) []duty.Quantity {
		q, _ := duty.ParseQuantity(n + " item")
		return []duty.Quantity{q}
	}
	tenPercent, _ := duty.ParseRate("10%")
	mfn := []duty.Measure{{Kind: duty.MFN, Rate: tenPercent, Source: "example"}}
	a, err := c.Calculate(context.Background(), duty.Entry{
		Destination: "NO", Date: duty.MustDate("2026-11-25"), Mode: "post", Consumer: true,
		SellerRegistrations: []string{"VOEC"},
		Lines: []duty.EntryLine{
			{HS: "620193", Origin: "CN", Value: duty.MustMoney("5000", "NOK"), Quantities: items("2"), Measures: mfn},
			{HS: "852589", Origin: "CN", Value: duty.MustMoney("3500", "NOK"), Quantities: items("1"), Measures: mfn},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("duty:", a.Totals.Duty)
	fmt.Println("VAT at the sale:", a.Totals.TaxAtSale)
	fmt.Println("VAT at the border:", a.Totals.TaxAtBorder)
	for _, x := range a.DeMinimis[1].Excluded {
		fmt.Printf("line %d not covered: %s\n", x.Line, x.Reason)
	}
	// Output:
	// duty: 350.00 NOK
	// VAT at the sale: 1250.00 NOK
	// VAT at the border: 963.00 NOK
	// line 1 not covered: value per item 3500.00 NOK is over 3000.00 NOK
}

// A carrier's clearance fee is no state charge, but Switzerland puts it in
// the VAT base (MWSTG Art. 54). By hand: goods 100 + freight 15 + fee
// (16 + 3% of 100 = 19) = 134; VAT 8.1% = 10.854 → 10.85 (5 centimes).
func ExampleCalculator_Calculate_serviceCharges() {
	c, _ := duty.NewCalculator()
	free, _ := duty.ParseRate("Free")
	a, err := c.Calculate(context.Background(), duty.Entry{
		Destination: "CH", Date: duty.MustDate("2026-11-25"), Mode: "post",
		Freight: duty.MustMoney("15", "CHF"),
		Services: []duty.ServiceCharge{{Code: "clearance", Kind: duty.ServiceClearance,
			Fixed: duty.MustMoney("16", "CHF"), Percent: decimal.New(3, 0)}},
		Lines: []duty.EntryLine{{HS: "610910", Origin: "CN", Value: duty.MustMoney("100", "CHF"),
			Measures: []duty.Measure{{Kind: duty.MFN, Rate: free, Source: "example"}}}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("carrier:", a.Services[0].Amount, a.Services[0].Collection)
	fmt.Println("VAT base:", a.Lines[0].Taxes[0].Base)
	fmt.Println("state charges:", a.Totals.Total)
	// Output:
	// carrier: 19.00 CHF service_provider
	// VAT base: 134.00 CHF
	// state charges: 10.85 CHF
}
