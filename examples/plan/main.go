// Command plan asks, for one shipment offered in several markets, where the
// seller can sell delivered duty paid (DDP) as importer of record itself,
// what each market requires of the importer, and what landing the goods
// costs there (ior.Engine.Plan).
//
// The exchange rates are ILLUSTRATIVE, not official: a real program takes
// them from its bank, its payment provider or the customs administration's
// published rates for the day (duty.Rates is an interface for that).
//
//	go run ./examples/plan
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "plan:", err)
		os.Exit(1)
	}
}

// illustrativeRates are the USD pairs the plan needs: the shipment is
// priced in USD and each destination assesses in its own currency. They
// are round figures for the example, NOT official rates. No rate is ever
// assumed: a destination whose pair is missing gets an error naming it.
var illustrativeRates = duty.FixedRates{
	"USD/EUR": decimal.RequireFromString("0.92"), // illustrative
	"USD/GBP": decimal.RequireFromString("0.80"), // illustrative
	"USD/JPY": decimal.RequireFromString("150"),  // illustrative
	"USD/AUD": decimal.RequireFromString("1.50"), // illustrative
	"USD/CAD": decimal.RequireFromString("1.40"), // illustrative
	"USD/INR": decimal.RequireFromString("85"),   // illustrative
}

// markets are the destinations planned, in the order they are reported.
var markets = []string{"DE", "GB", "JP", "AU", "CA", "IN"}

func run(w io.Writer) error {
	eng, err := ior.NewEngine(ior.WithRates(illustrativeRates))
	if err != nil {
		return err
	}
	plans, err := eng.Plan(context.Background(), shipment(), markets)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "Exchange rates are illustrative, not official.")
	for _, p := range plans {
		fmt.Fprintln(w)
		if p.Decision == nil {
			// The shipment could not even be decided for this market.
			fmt.Fprintf(w, "%s: cannot plan: %s\n", p.Destination, p.Err)
			continue
		}
		ddp := "no, " + who(p.Decision)
		if p.DDP {
			ddp = "yes"
		}
		fmt.Fprintf(w, "%s: DDP by the seller: %s\n", p.Destination, ddp)
		if imp := p.Decision.Importer; imp != nil {
			fmt.Fprintf(w, "  importer of record: %s (%s)\n", imp.Party.Name, imp.Role)
		}
		for _, a := range p.Decision.Actions {
			fmt.Fprintf(w, "  needs: %s (%s)\n", a.Code, a.Kind)
		}
		if p.Decision.Importer == nil || p.Decision.Importer.Role != ior.RoleSeller {
			// Why the seller itself cannot import: the reasons of its
			// candidacy, from the rule packs of the destination.
			for _, c := range p.Decision.Alternatives {
				if c.Role == ior.RoleSeller && !c.Eligible {
					for _, r := range c.Reasons {
						fmt.Fprintf(w, "  seller not eligible: %s\n", r)
					}
				}
			}
		}
		if p.Quote == nil {
			// One market failing (no tariff, no rate, no profile) does not
			// stop the others: the reason is reported in its place.
			fmt.Fprintf(w, "  no quote: %s\n", p.Err)
			continue
		}
		q := p.Quote
		fmt.Fprintf(w, "  customs value %s (%s); duty %s; tax %s (at sale %s); fees %s; total %s\n",
			q.CustomsValue, q.Valuation, q.Totals.Duty, q.Totals.Tax, q.Totals.TaxAtSale, q.Totals.Fees, q.Totals.Total)
	}
	return nil
}

func who(d *ior.Decision) string {
	if d.Importer == nil {
		return "nobody is eligible"
	}
	return "importer would be the " + string(d.Importer.Role)
}

// shipment is one order of two upholstered wooden-frame chairs (HS
// 9401.61, US line 9401.61.60), made in Vietnam, sold by a US company to a
// consumer. Plan replaces the destination and the buyer's country for each
// market.
func shipment() ior.Shipment {
	yes := true
	return ior.Shipment{
		ID:       "chairs-7",
		Date:     duty.MustDate("2026-03-01"),
		Origin:   "US",
		Incoterm: ior.DDP,
		Mode:     ior.Courier,
		Seller: ior.Party{
			Name: "Acme Inc", Country: "US", Kind: ior.Business,
			AcceptsImportRisk: &yes,
			Registrations:     []ior.Registration{{Scheme: "EIN", ID: "12-3456789"}},
		},
		Buyer: ior.Party{Name: "Consumer", Kind: ior.Consumer},
		Lines: []ior.Line{{
			SKU: "CH-2", Description: "Upholstered chair, wooden frame", HS: "9401.61.60", Origin: "VN",
			Quantity:  duty.Quantity{Value: decimal.NewFromInt(2), Unit: duty.Item},
			UnitPrice: duty.MustMoney("450.00", "USD"),
			NetWeight: duty.Quantity{Value: decimal.NewFromInt(24), Unit: duty.Kilogram},
		}},
		Freight:   duty.MustMoney("100.00", "USD"),
		Insurance: duty.MustMoney("0.00", "USD"),
	}
}
