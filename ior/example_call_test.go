package ior_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
)

// Partial is chosen per call: the same engine fails on a line it cannot
// assess, or, with Partial, quotes the others and marks that line. The
// T-shirt line is quoted as in ExampleEngine_Quote; the second line's code
// (9999.99) is in no tariff, so its charges are left out of the totals.
func ExamplePartial() {
	eng, err := ior.NewEngine()
	if err != nil {
		fmt.Println(err)
		return
	}
	s := tshirts()
	odd := s.Lines[0]
	odd.SKU, odd.HS = "X-1", "9999.99"
	s.Lines = append(s.Lines, odd)

	_, err = eng.Quote(context.Background(), s)
	fmt.Println("without Partial:", errors.Is(err, duty.ErrUnknownCode))

	q, err := eng.Quote(context.Background(), s, ior.Partial())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("incomplete:", q.Incomplete)
	for _, l := range q.Lines {
		fmt.Println(l.SKU, "calculable:", l.Calculable)
	}
	// Output:
	// without Partial: true
	// incomplete: true
	// TS-1 calculable: true
	// X-1 calculable: false
}

// A call stops when its context does: the error wraps the context's.
func ExampleEngine_Quote_cancelled() {
	eng, err := ior.NewEngine()
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	cancel() // the caller gave up
	_, err = eng.Quote(ctx, tshirts())
	fmt.Println(errors.Is(err, context.Canceled))
	// Output:
	// true
}

// Who pays what: one entry per side of the sale. Under DDP the seller pays
// every import charge (183.04 EUR, see ExampleEngine_Quote); nothing is
// collected at the sale, since the goods (500.00 EUR) are above the IOSS
// limit of EUR 150.
func ExamplePayers() {
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
	fmt.Println("seller at import:", q.Payers.Seller.AtImport, "at sale:", q.Payers.Seller.AtSale)
	fmt.Println("buyer at import:", q.Payers.Buyer.AtImport)
	fmt.Println("seller pays:", q.Payers.Of(ior.SellerSide).Charges)
	// Output:
	// seller at import: 183.04 EUR at sale: 0.00 EUR
	// buyer at import: 0.00 EUR
	// seller pays: [line 0 MFN line 0 VAT]
}

// The registration schemes the embedded packs and profiles look for, as
// constants a B2B caller can put in a party's registrations.
func ExampleRegistrationSchemes() {
	schemes := ior.RegistrationSchemes() // sorted; grows as packs learn schemes
	fmt.Println(schemes[:4], slices.Contains(schemes, ior.SchemeIOSS))
	seller := ior.Party{Name: "Acme GmbH", Country: "DE", Kind: ior.Business,
		Registrations: []ior.Registration{{Scheme: ior.SchemeEORI, ID: "DE123456789"}}}
	fmt.Println(seller.Has(ior.SchemeEORI), seller.Has(ior.SchemeIOSS))
	// Output:
	// [ABN ACP AE_CLIENT_CODE AR_CUIT] true
	// true false
}
