//go:build !iorkit_nohtsdata

package ior_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
)

// usShipment is 3 cotton T-shirts of China at USD 20.00 by air to the US
// on 2026-12-01.
func usShipment() ior.Shipment {
	zero := duty.MustMoney("0", "USD")
	return ior.Shipment{ID: "ex-1", Date: duty.MustDate("2026-12-01"), Origin: "CN", Destination: "US",
		Incoterm: ior.DAP, Mode: ior.Air,
		Seller: ior.Party{Name: "Maker", Country: "CN", Kind: ior.Business},
		Buyer:  ior.Party{Name: "Shop", Country: "US", Kind: ior.Business},
		Lines: []ior.Line{{SKU: "TS", Description: "Cotton T-shirt", HS: "6109.10", Origin: "CN",
			Quantity: duty.MustQuantity("3 item"), UnitPrice: duty.MustMoney("20.00", "USD"), NetWeight: duty.MustQuantity("0.6 kg")}},
		Freight: zero, Insurance: zero}
}

// The default engine quotes the US from the embedded HTS and says what it
// assumed; Strict refuses the estimate.
func ExampleStrict() {
	e, err := ior.NewEngine()
	if err != nil {
		fmt.Println(err)
		return
	}
	q, err := e.Quote(context.Background(), usShipment())
	if err != nil {
		fmt.Println(err)
		return
	}
	// 60.00 × (16.5% general + 7.5% Section 301 list 4A) = 14.40.
	fmt.Println(q.Totals.Duty)
	for _, w := range q.Warnings {
		fmt.Println(w.Code, w.Subject)
	}
	_, err = e.Quote(context.Background(), usShipment(), ior.Strict())
	var se *duty.StrictError
	fmt.Println(errors.As(err, &se), len(se.Warnings))
	// Output:
	// 14.40 USD
	// STALE_DATA fee MPF_INFORMAL
	// true 1
}

// WithProfile overlays one country's profile on the embedded set: here a
// caller's FY2027 informal MPF (an invented USD 2.80) supersedes the
// FY2026 figure, so the quote is no longer stale.
func ExampleWithProfile() {
	def, err := duty.DefaultProfiles()
	if err != nil {
		fmt.Println(err)
		return
	}
	us, err := def.For("US", duty.MustDate("2026-12-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	amt, atMost := duty.MustMoney("2.80", "USD"), duty.MustMoney("2500", "USD")
	us.Fees = append(append([]duty.Fee(nil), us.Fees...), duty.Fee{Code: "MPF_INFORMAL", Name: "MPF informal (caller's FY2027 figure)",
		Kind: duty.FeeFixed, Amount: &amt, AtMost: &atMost, From: duty.MustDate("2026-10-01"), Source: "the caller's copy of the FY2027 notice"})
	e, err := ior.NewEngine(ior.WithProfile(us))
	if err != nil {
		fmt.Println(err)
		return
	}
	q, err := e.Quote(context.Background(), usShipment(), ior.Strict())
	fmt.Println(q.Totals.Fees, err)
	// Output:
	// 2.80 USD <nil>
}
