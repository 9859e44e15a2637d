// Command checkout is a web shop's duty-paid (DDP) checkout for carts
// sent from the US to a consumer in Germany: for each cart it shows what
// the shopper pays, line by line (goods, duty, VAT), shipping and the
// total, with what is paid now and on delivery; then the net price of a
// T-shirt that should sell for 19.99 EUR with duty and VAT included.
//
// The carts (carts.json) are what a checkout posts; the rest is the whole
// of the caller's code: one engine, a quote, the shopper's view.
//
//	go run ./examples/checkout
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
)

//go:embed carts.json
var cartsJSON []byte

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "checkout:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, w io.Writer) error {
	eng, err := ior.NewEngine() // once per process; safe for concurrent use
	if err != nil {
		return err
	}
	var carts []ior.Shipment
	if err := json.Unmarshal(cartsJSON, &carts); err != nil {
		return err
	}
	for _, s := range carts {
		q, err := eng.Quote(ctx, s)
		if err != nil {
			return fmt.Errorf("%s: %w", s.ID, err)
		}
		v, err := eng.View(s, q, "EUR") // the shopper's currency
		if err != nil {
			return fmt.Errorf("%s: %w", s.ID, err)
		}
		fmt.Fprintf(w, "%s (importer of record: %s)\n", s.ID, q.Importer.Party.Name)
		for _, l := range v.Lines {
			fmt.Fprintf(w, "  %-16s goods %10s  duty %10s  VAT %10s\n", l.Description, l.Goods, l.Duty, l.Tax)
		}
		for _, row := range []struct {
			name string
			m    duty.Money
		}{{"Shipping", v.Shipping}, {"Duty", v.Duty}, {"VAT", v.Tax}, {"Fees", v.Fees}, {"Total", v.Total},
			{"Pay now", v.DueAtCheckout}, {"Pay on delivery", v.DueOnDelivery}} {
			fmt.Fprintf(w, "  %-16s %16s\n", row.name, row.m)
		}
	}
	// A product page: the duty-inclusive price is 19.99 EUR for one T-shirt
	// in the first cart's setting (free shipping); what does the shop net?
	one := carts[0]
	one.Lines = one.Lines[:1]
	if one.Lines[0].Quantity, err = duty.ParseQuantity("1 item"); err != nil {
		return err
	}
	one.Freight = duty.MustMoney("0", "EUR")
	p, err := eng.Price(ctx, ior.PriceRequest{Shipment: one, Target: duty.MustMoney("19.99", "EUR")})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Shown at %s incl. duty and VAT: net price %s (lands at %s)\n", "19.99 EUR", p.UnitPrice, p.Landed)
	for _, n := range p.Notes {
		fmt.Fprintln(w, "  note:", n)
	}
	return nil
}
