package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/iorkit/iorkit/ior"
)

func cmdDecide(args []string, w io.Writer) error {
	// A decision holds no amounts; --lang is accepted so that the three
	// commands take the same flags, and checked.
	c, err := setup("decide", "iorkit decide FILE", args, nil)
	if err != nil {
		return err
	}
	d, err := c.engine.Decide(context.Background(), c.shipment, c.calls...)
	if err != nil {
		return err
	}
	if c.asJSON {
		return writeJSON(w, d)
	}
	printDecision(w, c.shipment.Destination, d)
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func printDecision(w io.Writer, dest string, d ior.Decision) {
	switch {
	case d.Importer != nil:
		fmt.Fprintf(w, "Importer of record in %s: %s (%s)\n", dest, d.Importer.Party.Name, d.Importer.Role)
	default:
		fmt.Fprintf(w, "Importer of record in %s: nobody is eligible\n", dest)
	}
	if d.Blocked {
		fmt.Fprintln(w, "BLOCKED: the shipment cannot be imported as planned")
	}
	for _, r := range d.Reasons {
		fmt.Fprintf(w, "  - %s\n", r)
	}
	if len(d.Actions) > 0 {
		fmt.Fprintln(w, "Actions:")
		for _, a := range d.Actions {
			fmt.Fprintf(w, "  [%s] %s %s: %s (%s)\n", a.Severity, a.Kind, a.Code, a.Title, a.Reference)
		}
	}
	if len(d.Findings) > 0 {
		fmt.Fprintln(w, "Findings:")
		for _, f := range d.Findings {
			line := ""
			if f.Line != nil {
				line = fmt.Sprintf(" (line %d)", *f.Line)
			}
			fmt.Fprintf(w, "  [%s] %s%s: %s\n", f.Severity, f.Code, line, f.Title)
		}
	}
	if len(d.Alternatives) > 0 {
		fmt.Fprintln(w, "Alternatives:")
		for _, a := range d.Alternatives {
			state := "not eligible"
			if a.Eligible {
				state = "eligible"
			}
			fmt.Fprintf(w, "  %s %s: %s — %s\n", a.Role, a.Party.Name, state, strings.Join(a.Reasons, "; "))
		}
	}
}

func cmdPlan(args []string, w io.Writer) error {
	var to *string
	c, err := setup("plan", "iorkit plan FILE --to DE,GB,US", args, func(fs *flag.FlagSet) {
		to = fs.String("to", "", "destinations, comma-separated (e.g. DE,GB,US)")
	})
	if err != nil {
		return err
	}
	if *to == "" {
		return usagef("--to is required: the destinations to plan, e.g. --to DE,GB,US")
	}
	s, eng, am := c.shipment, c.engine, c.amounts
	var dests []string
	for _, d := range strings.Split(*to, ",") {
		if d = strings.TrimSpace(d); d != "" {
			dests = append(dests, d)
		}
	}
	plans, err := eng.Plan(context.Background(), s, dests, c.calls...)
	if err != nil {
		return err
	}
	if c.asJSON {
		return writeJSON(w, plans)
	}
	for _, p := range plans {
		fmt.Fprintf(w, "== %s\n", p.Destination)
		if p.Decision != nil {
			printDecision(w, p.Destination, *p.Decision)
		}
		if p.Quote != nil {
			fmt.Fprintf(w, "Landed cost: duty %s, tax %s, fees %s, total %s\n", am.money(p.Quote.Totals.Duty), am.money(p.Quote.Totals.Tax), am.money(p.Quote.Totals.Fees), am.money(p.Quote.Totals.Total))
			printWarnings(w, p.Quote.Warnings)
		}
		if p.Err != nil {
			fmt.Fprintf(w, "Not quoted: %s\n", p.Err)
		}
		fmt.Fprintln(w)
	}
	return nil
}
