// Command fullhts quotes a US import on the full Harmonized Tariff Schedule
// of the United States, loaded from the USITC CSV export with duty/hts,
// instead of the small sample tariff embedded in iorkit.
//
// Download the export from hts.usitc.gov ("Export", CSV, the whole
// schedule) and pass its path as the argument or in IORKIT_HTS_CSV:
//
//	go run ./examples/fullhts hts_2026_revision_3.csv
//	IORKIT_HTS_CSV=hts_2026_revision_3.csv go run ./examples/fullhts
//
// The export alone gives the general, special and column 2 rates. The
// additional duties of chapter 99 (Section 122, 232, 301...) apply only
// through layer data, because the schedule does not say machine-readably
// which goods each heading covers. A second argument names such a file,
// for example the partial, opt-in examples/layers/us_2026.csv:
//
//	go run ./examples/fullhts hts_2026_revision_3.csv examples/layers/us_2026.csv
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/hts"
	"github.com/iorkit/iorkit/ior"
)

// EnvVar names the environment variable that holds the path of the CSV
// when no argument is given.
const EnvVar = "IORKIT_HTS_CSV"

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "fullhts:", err)
		os.Exit(1)
	}
}

// run loads the schedule named by args[0] (or $IORKIT_HTS_CSV) and quotes
// the sample import on it; with args[1], again with those layers added.
func run(w io.Writer, args []string) error {
	path := os.Getenv(EnvVar)
	if len(args) > 0 {
		path = args[0]
	}
	if path == "" {
		return errors.New("give the path of the USITC HTS CSV export as the argument or in " + EnvVar)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	// Load once at start-up (well under a second for the whole schedule);
	// the Schedule is then safe for concurrent lookups. Source names the
	// revision in every measure, and so in every line of the quote's trace.
	sched, err := hts.ReadCSV(f,
		hts.Source("USITC HTS 2026 Revision 3"),
		hts.Effective(duty.MustDate("2026-01-01")))
	if err != nil {
		return err
	}
	// A few rate texts of the schedule are references to other provisions
	// ("See 9822.04.25"); a lookup that lands on one is an error, never a
	// zero. List them so nobody is surprised.
	fmt.Fprintf(w, "loaded %d rows; %d rate texts need a manual rate\n", len(sched.Lines()), len(sched.Unreadable()))

	if err := quote(w, sched, "HTS 2026 rev 3"); err != nil {
		return err
	}
	if len(args) < 2 {
		return nil
	}
	// Layers add to the schedule in place: load them before sharing it.
	lf, err := os.Open(args[1])
	if err != nil {
		return err
	}
	defer lf.Close()
	if err := sched.AddLayers(lf); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nwith the chapter 99 layers of %s:\n", args[1])
	return quote(w, sched, "HTS 2026 rev 3 + layers")
}

// quote builds an engine on sched for the US and prints the quote of the
// sample shipment.
func quote(w io.Writer, sched *hts.Schedule, version string) error {
	eng, err := ior.NewEngine(
		ior.WithSchedule("US", sched),
		// The data version enters every quote id, so quotes made on
		// other data never share an id.
		ior.WithDataVersion(version),
	)
	if err != nil {
		return err
	}
	q, err := eng.Quote(context.Background(), shipment())
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "customs value (%s): %s\n", q.Valuation, q.CustomsValue)
	for _, l := range q.Lines {
		for _, d := range l.Duties {
			fmt.Fprintf(w, "line %d %-13s %s  %-4s %-14s %-6s on %s = %s\n",
				l.Index, l.HS, l.Origin, d.Code, program(d), d.Rate, d.Base, d.Amount)
		}
	}
	for _, fe := range q.Fees {
		fmt.Fprintf(w, "fee %s %s on %s = %s\n", fe.Code, fe.Rate, fe.Base, fe.Amount)
	}
	fmt.Fprintf(w, "duty %s, fees %s, total %s\n", q.Totals.Duty, q.Totals.Fees, q.Totals.Total)
	return nil
}

// program shortens a charge's source to what tells the lines apart: the
// column of the schedule or the chapter 99 heading.
func program(c duty.Charge) string {
	for _, p := range []string{"9903.03.01", "9903.03.08", "special column", "general column"} {
		if strings.Contains(c.Source, p) {
			return p
		}
	}
	return ""
}

// shipment is a B2B import into the US by a US retailer, DAP by courier:
// cotton T-shirts made in Mexico (USMCA, programme S), ceramic tableware
// made in Portugal and headphones made in Germany. The codes are 10-digit
// statistical lines; none but the headphones is in the sample tariff.
func shipment() ior.Shipment {
	n := func(v int64) duty.Quantity { return duty.Quantity{Value: decimal.NewFromInt(v), Unit: duty.Item} }
	kg := func(v string) duty.Quantity {
		return duty.Quantity{Value: decimal.RequireFromString(v), Unit: duty.Kilogram}
	}
	return ior.Shipment{
		ID: "po-5531", Date: duty.MustDate("2026-03-01"),
		Origin: "DE", Destination: "US", Incoterm: ior.DAP, Mode: ior.Courier,
		Seller: ior.Party{Name: "Euro Goods GmbH", Country: "DE", Kind: ior.Business},
		Buyer: ior.Party{
			Name: "Main Street Retail LLC", Country: "US", Kind: ior.Business, LocalEntity: true,
			Registrations: []ior.Registration{{Scheme: "EIN", ID: "98-7654321"}},
		},
		Lines: []ior.Line{
			{SKU: "TS-MX", Description: "Men's cotton T-shirt", HS: "6109.10.00.12", Origin: "MX",
				Quantity: n(300), UnitPrice: duty.MustMoney("5.00", "USD"), NetWeight: kg("60")},
			{SKU: "PL-PT", Description: "Stoneware dinner plate", HS: "6912.00.48.10", Origin: "PT",
				Quantity: n(100), UnitPrice: duty.MustMoney("12.00", "USD"), NetWeight: kg("70")},
			{SKU: "HP-DE", Description: "Wired headphones", HS: "8518.30.20.00", Origin: "DE",
				Quantity: n(10), UnitPrice: duty.MustMoney("40.00", "USD"), NetWeight: kg("3")},
		},
		Freight:   duty.MustMoney("150.00", "USD"),
		Insurance: duty.MustMoney("0.00", "USD"),
	}
}
