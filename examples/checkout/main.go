// Command checkout shows how a web shop prices a cart delivered duty paid
// (DDP) to a consumer in Germany: the goods, the shipping, the import duty
// and the import VAT the shop pays on the shopper's behalf, and the total
// the shopper sees before paying.
//
// Two carts are priced on the embedded defaults (ior.NewEngine with no
// options): a larger order whose VAT and duty are paid at the border by the
// shop as importer of record, and a small order from a shop registered for
// the EU Import One-Stop Shop (IOSS), whose VAT is collected at the point
// of sale and whose duty is relieved under the EUR 150 threshold.
//
//	go run ./examples/checkout
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "checkout:", err)
		os.Exit(1)
	}
}

// run prices the two carts and writes what a checkout page would show.
func run(w io.Writer) error {
	// Build the engine once and share it: it is immutable and safe for
	// concurrent use, so one engine serves every checkout request.
	eng, err := ior.NewEngine()
	if err != nil {
		return err
	}
	carts := []ior.Shipment{
		cart("cart-1001", "5.00", "100", "50.00", false),
		cart("cart-1002", "25.00", "2", "5.00", true),
	}
	for i, s := range carts {
		if i > 0 {
			fmt.Fprintln(w)
		}
		q, err := eng.Quote(context.Background(), s)
		if err != nil {
			return fmt.Errorf("%s: %w", s.ID, err)
		}
		if err := present(w, s, q); err != nil {
			return fmt.Errorf("%s: %w", s.ID, err)
		}
	}
	return nil
}

// cart builds the shipment of one order: quantity cotton T-shirts (HS
// 6109.10, made in China) at unitPrice EUR from a US shop to a consumer in
// Berlin, DDP by courier, with shipping charged at freight EUR. ioss says
// whether the shop is registered for the EU Import One-Stop Shop.
func cart(id, unitPrice, quantity, freight string, ioss bool) ior.Shipment {
	yes := true
	seller := ior.Party{
		Name: "Acme Inc", Country: "US", Kind: ior.Business,
		AcceptsImportRisk: &yes,
		Registrations:     []ior.Registration{{Scheme: "EIN", ID: "12-3456789"}},
	}
	if ioss {
		seller.Registrations = append(seller.Registrations, ior.Registration{Scheme: "IOSS", ID: "IM2760000001"})
	}
	qty, err := duty.ParseQuantity(quantity + " item")
	if err != nil {
		panic(err) // constant input
	}
	return ior.Shipment{
		ID:          id,
		Date:        duty.MustDate("2026-03-01"),
		Origin:      "US",
		Destination: "DE",
		Incoterm:    ior.DDP,
		Mode:        ior.Courier,
		Seller:      seller,
		Buyer:       ior.Party{Name: "Jana Novak", Country: "DE", Kind: ior.Consumer},
		Lines: []ior.Line{{
			SKU: "TS-1", Description: "Cotton T-shirt", HS: "6109.10", Origin: "CN",
			Quantity:  qty,
			UnitPrice: duty.MustMoney(unitPrice, "EUR"),
			NetWeight: duty.Quantity{Value: qty.Value.Mul(decimal.RequireFromString("0.2")), Unit: duty.Kilogram},
		}},
		Freight:   duty.MustMoney(freight, "EUR"),
		Insurance: duty.MustMoney("0.00", "EUR"),
	}
}

// present writes the checkout summary: the goods and shipping, then each
// duty and tax line with its rate and base, then what the shopper pays.
func present(w io.Writer, s ior.Shipment, q ior.Quote) error {
	goods, err := goodsValue(s)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Order %s to %s (%s, importer of record: %s as %s)\n",
		s.ID, q.Destination, q.Incoterm, q.Importer.Party.Name, q.Importer.Role)
	fmt.Fprintf(w, "  %-38s %14s\n", "Goods", goods)
	fmt.Fprintf(w, "  %-38s %14s\n", "Shipping", s.Freight)
	fmt.Fprintf(w, "  %-38s %14s\n", "Customs value ("+string(q.Valuation)+")", q.CustomsValue)

	// Each charge says where it is collected. Under DDP the shop pays what
	// is due at the border; tax collected at the point of sale (IOSS, UK
	// VAT on GBP 135 or less, AU GST...) is charged to the shopper in the
	// price and remitted by the shop. Both are part of the landed price.
	for _, l := range q.Lines {
		for _, c := range append(append([]duty.Charge{}, l.Duties...), l.Taxes...) {
			fmt.Fprintf(w, "  %-38s %14s  (%s on %s, %s)\n", c.Name, c.Amount, c.Rate, c.Base, where(c.Collection))
		}
	}
	for _, f := range q.Fees {
		fmt.Fprintf(w, "  %-38s %14s  (%s, %s)\n", f.Name, f.Amount, f.Rate, where(f.Collection))
	}
	for _, d := range q.DeMinimis {
		if d.Met {
			fmt.Fprintf(w, "  threshold %s met: %s %s\n", d.Code, d.Applies, d.Outcome)
		}
	}

	// The price the shopper sees: goods, shipping and insurance as the
	// shop invoices them, plus every duty, tax and fee of the quote. The
	// quote is in the destination's currency; this cart is priced in EUR
	// too, so the amounts add up directly (Add refuses to mix currencies).
	price, err := duty.Sum(goods, s.Freight, s.Insurance, q.Totals.Total)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  %-38s %14s\n", "Duties and taxes", q.Totals.Total)
	for _, p := range q.Payers {
		if p.Side == ior.SellerSide {
			fmt.Fprintf(w, "  %-38s %14s\n", "  paid by the shop at import", p.AtImport)
			fmt.Fprintf(w, "  %-38s %14s\n", "  collected by the shop at sale", p.CollectedAtSale)
		}
	}
	fmt.Fprintf(w, "  %-38s %14s\n", "Total to pay (nothing on delivery)", price)
	if len(q.Notes) > 0 {
		fmt.Fprintf(w, "  notes: %s\n", strings.Join(q.Notes, "; "))
	}
	return nil
}

func where(c duty.Collection) string {
	switch c {
	case duty.AtSale:
		return "collected at point of sale"
	case duty.NotDue:
		return "not due"
	default:
		return "paid at import"
	}
}

func goodsValue(s ior.Shipment) (duty.Money, error) {
	total, err := duty.Zero(s.Currency())
	if err != nil {
		return duty.Money{}, err
	}
	for _, l := range s.Lines {
		if total, err = total.Add(l.Value()); err != nil {
			return duty.Money{}, err
		}
	}
	return total, nil
}
