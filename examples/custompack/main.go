// Command custompack adds a company's own rule pack to the embedded
// country packs: rules written in the program as JSON, parsed with
// rules.Parse, checked when the engine is built (ior.WithPacks) and
// evaluated by every Decide and Quote.
//
// The pack here holds two rules of an imaginary shop's compliance policy
// for Great Britain: lithium-ion batteries shipped by courier need the
// UN 38.3 test summary, and the shop never lets a private consumer act as
// importer of record. The second rule changes the decision: under DAP the
// consumer would import; with the policy, the shop does.
//
//	go run ./examples/custompack
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
	"github.com/iorkit/iorkit/rules"
)

// policyPack is the shop's own pack. Rules see the ior types under their
// JSON names: `shipment`, `line` (scope line) and `importer` (scope
// importer, the candidate party). Money amounts are exact decimals in CEL:
// compare them with decimal('...'), never with a double.
const policyPack = `{
  "pack": "acme-gb-policy",
  "country": "GB",
  "version": "2026.1",
  "effective": {"from": "2026-01-01"},
  "sources": [
    {"title": "UN Manual of Tests and Criteria, section 38.3", "url": "https://unece.org/transport/dangerous-goods"},
    {"title": "Acme compliance policy CP-12", "url": "https://example.com/acme/cp-12"}
  ],
  "rules": [
    {
      "id": "ACME-LI-ION-TEST-SUMMARY",
      "scope": "line",
      "when": "hs_prefix(line.hs, '850760') && shipment.mode in ['courier', 'air']",
      "finding": {
        "kind": "document",
        "code": "UN38_3",
        "title": "UN 38.3 test summary for lithium-ion batteries carried by air",
        "severity": "required",
        "reference": "UN Manual of Tests and Criteria, 38.3.5; IATA DGR 3.9.2.6"
      }
    },
    {
      "id": "ACME-NO-CONSUMER-IOR",
      "scope": "importer",
      "when": "importer.kind == 'consumer'",
      "finding": {
        "kind": "ior_restriction",
        "code": "ACME_NO_CONSUMER_IOR",
        "title": "Acme policy: a private consumer never acts as importer of record",
        "severity": "blocking",
        "reference": "Acme compliance policy CP-12, section 4"
      }
    }
  ]
}`

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "custompack:", err)
		os.Exit(1)
	}
}

// newEngine builds an engine with the pack added to the embedded ones.
// Parse checks the file format and reports every problem with its line and
// column; NewEngine type-checks the CEL expressions, once, so a typo in a
// rule fails at start-up, not at the first order.
func newEngine(packJSON string) (*ior.Engine, error) {
	pack, err := rules.Parse(strings.NewReader(packJSON))
	if err != nil {
		return nil, err
	}
	// The data version enters every quote id: quotes made under another
	// version of the policy never share an id.
	return ior.NewEngine(ior.WithPacks(pack), ior.WithDataVersion(pack.Name+" "+pack.Version))
}

func run(w io.Writer) error {
	eng, err := newEngine(policyPack)
	if err != nil {
		return err
	}
	d, err := eng.Decide(context.Background(), shipment())
	if err != nil {
		return err
	}
	if d.Importer != nil {
		fmt.Fprintf(w, "importer of record: %s (%s)\n", d.Importer.Party.Name, d.Importer.Role)
	}
	for _, c := range d.Alternatives {
		status := "eligible"
		if !c.Eligible {
			status = "not eligible: " + strings.Join(c.Reasons, "; ")
		}
		fmt.Fprintf(w, "candidate %s (%s): %s\n", c.Party.Name, c.Role, status)
	}
	for _, f := range d.Findings {
		where := "" // shipment and importer rules
		if f.Line != nil {
			where = fmt.Sprintf(" on line %d", *f.Line)
		}
		fmt.Fprintf(w, "finding %s [%s, %s]%s: %s (rule %s)\n", f.Code, f.Kind, f.Severity, where, f.Title, f.Rule)
	}
	q, err := eng.Quote(context.Background(), shipment())
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "landed cost: duty %s, tax %s, total %s\n", q.Totals.Duty, q.Totals.Tax, q.Totals.Total)
	// The importer pays at import: here the shop, although DAP puts duties
	// and taxes on the buyer (the quote notes it; the shop recovers them
	// from the buyer under their contract).
	for _, side := range []ior.Side{ior.SellerSide, ior.BuyerSide} {
		fmt.Fprintf(w, "  %s pays at import %s\n", side, q.Payers.Of(side).AtImport)
	}

	// The same shipment on the embedded packs alone: the consumer imports.
	plain, err := ior.NewEngine()
	if err != nil {
		return err
	}
	d, err = plain.Decide(context.Background(), shipment())
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "without the policy pack: importer of record: %s (%s)\n", d.Importer.Party.Name, d.Importer.Role)
	return nil
}

// shipment: three lithium-ion power banks (HS 8507.60) made in China, sold
// by a US shop to a consumer in Great Britain, DAP by courier.
func shipment() ior.Shipment {
	yes := true
	return ior.Shipment{
		ID: "pb-42", Date: duty.MustDate("2026-03-01"),
		Origin: "US", Destination: "GB", Incoterm: ior.DAP, Mode: ior.Courier,
		Seller: ior.Party{
			Name: "Acme Inc", Country: "US", Kind: ior.Business, AcceptsImportRisk: &yes,
			Registrations: []ior.Registration{{Scheme: "EORI", ID: "GB123456789000"}},
		},
		Buyer: ior.Party{Name: "Sam Jones", Country: "GB", Kind: ior.Consumer},
		Lines: []ior.Line{{
			SKU: "PB-20K", Description: "Power bank, lithium-ion, 20,000 mAh", HS: "8507.60", Origin: "CN",
			Quantity:  duty.Quantity{Value: decimal.NewFromInt(3), Unit: duty.Item},
			UnitPrice: duty.MustMoney("60.00", "GBP"),
			NetWeight: duty.Quantity{Value: decimal.RequireFromString("1.2"), Unit: duty.Kilogram},
		}},
		Freight:   duty.MustMoney("20.00", "GBP"),
		Insurance: duty.MustMoney("0.00", "GBP"),
	}
}
