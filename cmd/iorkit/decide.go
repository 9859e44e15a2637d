package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/iorkit/iorkit/ior"
)

func cmdDecide(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("decide", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var ef engineFlags
	ef.register(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errors.New("want one shipment file: iorkit decide FILE")
	}
	s, err := readShipment(pos[0])
	if err != nil {
		return err
	}
	eng, err := ef.engine()
	if err != nil {
		return err
	}
	d, err := eng.Decide(s)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(w, d)
	}
	printDecision(w, s.Destination, d)
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
	fs := flag.NewFlagSet("plan", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var ef engineFlags
	ef.register(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	to := fs.String("to", "", "destinations, comma-separated (e.g. DE,GB,US)")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return errors.New("want one shipment file: iorkit plan FILE --to DE,GB,US")
	}
	if *to == "" {
		return errors.New("--to is required: the destinations to plan, e.g. --to DE,GB,US")
	}
	s, err := readShipment(pos[0])
	if err != nil {
		return err
	}
	eng, err := ef.engine()
	if err != nil {
		return err
	}
	var dests []string
	for _, d := range strings.Split(*to, ",") {
		if d = strings.TrimSpace(d); d != "" {
			dests = append(dests, d)
		}
	}
	plans, err := eng.Plan(s, dests...)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(w, plans)
	}
	for _, p := range plans {
		fmt.Fprintf(w, "== %s\n", p.Destination)
		if p.Decision != nil {
			printDecision(w, p.Destination, *p.Decision)
		}
		if p.Quote != nil {
			fmt.Fprintf(w, "Landed cost: duty %s, tax %s, fees %s, total %s\n", p.Quote.Totals.Duty, p.Quote.Totals.Tax, p.Quote.Totals.Fees, p.Quote.Totals.Total)
		}
		if p.Error != "" {
			fmt.Fprintf(w, "Not quoted: %s\n", p.Error)
		}
		fmt.Fprintln(w)
	}
	return nil
}
