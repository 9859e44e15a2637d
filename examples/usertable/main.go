// Command usertable quotes a shipment to Canada on a tariff table the user
// keeps in CSV (duty.ReadTable), for a destination the embedded sample
// tariff does not cover. The table is ca_rates.csv beside this file,
// embedded in the program; a path given as the argument replaces it:
//
//	go run ./examples/usertable
//	go run ./examples/usertable my_ca_rates.csv
//
// The header is hs,kind,rate,origins,program,from,to,source; the rate
// column takes any notation duty.ParseRate reads ("18%", "Free",
// "$1.035/kg + 2.6%"; with duty.TableCurrency("CAD") the $ is the
// Canadian dollar).
package main

import (
	"context"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
)

//go:embed ca_rates.csv
var caRates string

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "usertable:", err)
		os.Exit(1)
	}
}

// run reads the table (args[0], or the embedded ca_rates.csv) and quotes
// the sample shipment on it.
func run(w io.Writer, args []string) error {
	var r io.Reader = strings.NewReader(caRates)
	name := "ca_rates.csv (embedded)"
	if len(args) > 0 {
		f, err := os.Open(args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		r, name = f, args[0]
	}
	// A bad row is a *duty.TableError naming the row, the column and the
	// value; errors.Is(err, duty.ErrInvalidTable) tells it from an I/O
	// error.
	table, err := duty.ReadTable(r, duty.TableCurrency("CAD"))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	fmt.Fprintf(w, "%s: %d measures\n", name, table.Len())

	eng, err := ior.NewEngine(
		ior.WithSchedule("CA", table),
		ior.WithDataVersion("user CA table"),
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
		for _, c := range append(append([]duty.Charge{}, l.Duties...), l.Taxes...) {
			fmt.Fprintf(w, "line %d %s %s  %-5s %-5s on %s = %s\n", l.Index, l.HS, l.Origin, c.Code, c.Rate, c.Base, c.Amount)
		}
	}
	fmt.Fprintf(w, "duty %s, tax %s, fees %s, total %s\n", q.Totals.Duty, q.Totals.Tax, q.Totals.Fees, q.Totals.Total)
	return nil
}

// shipment: a UK wholesaler sells to a shop in Ontario (CA-ON: commercial
// goods, so the CBSA collects the GST only; the shop accounts for the
// provincial part of the HST on its GST/HST return, ETA s.212.1(3) and
// s.220.07), DAP by courier, priced in CAD: cotton T-shirts made in
// China and in the UK, and laptops made in China.
func shipment() ior.Shipment {
	n := func(v int64) duty.Quantity { return duty.Quantity{Value: decimal.NewFromInt(v), Unit: duty.Item} }
	kg := func(v string) duty.Quantity {
		return duty.Quantity{Value: decimal.RequireFromString(v), Unit: duty.Kilogram}
	}
	return ior.Shipment{
		ID: "ca-880", Date: duty.MustDate("2026-03-01"),
		Origin: "GB", Destination: "CA", DestinationRegion: "CA-ON",
		Incoterm: ior.DAP, Mode: ior.Courier,
		Seller: ior.Party{Name: "Northern Knit Ltd", Country: "GB", Kind: ior.Business},
		Buyer: ior.Party{
			Name: "Maple Goods Inc", Country: "CA", Region: "CA-ON", Kind: ior.Business, LocalEntity: true,
			Registrations: []ior.Registration{{Scheme: "BN", ID: "123456789RM0001"}},
		},
		Lines: []ior.Line{
			{SKU: "TS-CN", Description: "Cotton T-shirt", HS: "6109.10.00", Origin: "CN",
				Quantity: n(200), UnitPrice: duty.MustMoney("6.00", "CAD"), NetWeight: kg("40")},
			{SKU: "TS-GB", Description: "Cotton T-shirt", HS: "6109.10.00", Origin: "GB",
				Quantity: n(100), UnitPrice: duty.MustMoney("6.00", "CAD"), NetWeight: kg("20")},
			{SKU: "LT-CN", Description: "Laptop computer", HS: "8471.30.00", Origin: "CN",
				Quantity: n(2), UnitPrice: duty.MustMoney("900.00", "CAD"), NetWeight: kg("3.2")},
		},
		Freight:   duty.MustMoney("80.00", "CAD"),
		Insurance: duty.MustMoney("0.00", "CAD"),
	}
}
