package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/hts"
	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/rules"
)

// readPacks parses every *.json file of dir as a rule pack.
func readPacks(dir string) ([]*rules.Pack, error) {
	if err := checkDir(dir); err != nil {
		return nil, err
	}
	names, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("--packs %s: no *.json pack files", dir)
	}
	sort.Strings(names)
	var out []*rules.Pack
	for _, n := range names {
		f, err := openInput(n)
		if err != nil {
			return nil, err
		}
		p, err := rules.ParseFile(n, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }

// engineFlags are the flags every command that builds an engine shares.
type engineFlags struct {
	packs     multi
	rates     string
	schedules multi
	partial   bool
	strict    bool
	hs        string
	noSample  bool
	noRef     bool
	noRates   bool
	hts       string
	uktt      string
	day       duty.Date // the shipment's date (documents of --uktt-cache)
}

func (f *engineFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.rates, "rates", "", "exchange rates JSON file")
	fs.Var(&f.packs, "packs", "directory of rule packs (*.json) (repeatable)")
	fs.Var(&f.schedules, "schedule", "AREA=FILE.csv tariff table (repeatable)")
	fs.BoolVar(&f.partial, "partial", false, "allow partial quotes")
	fs.StringVar(&f.hs, "hs", "", "how a short HS code with lines of different duties resolves: highest (default), lowest or strict (an error listing the lines)")
	fs.BoolVar(&f.strict, "strict", false, "refuse a quote that carries warnings (estimates, sample or stale data)")
	fs.BoolVar(&f.noSample, "no-sample", false, "do not use the embedded sample tariff")
	fs.BoolVar(&f.noRef, "no-reference", false, "do not use the embedded EU and GB reference tariffs and the Swiss rule")
	fs.BoolVar(&f.noRates, "no-default-rates", false, "do not use the embedded customs exchange rates")
	fs.StringVar(&f.hts, "hts", "", "USITC HTS export (.csv or .json) as the US tariff")
	fs.StringVar(&f.uktt, "uktt-cache", "", "UK Online Trade Tariff cache (iorkit tariff fetch)")
}

func (f *engineFlags) engine() (*ior.Engine, error) {
	var opts []ior.Option
	if f.rates != "" {
		r, err := readRates(f.rates)
		if err != nil {
			return nil, err
		}
		opts = append(opts, ior.WithRates(r))
	}
	for _, s := range f.schedules {
		area, file, ok := strings.Cut(s, "=")
		if !ok {
			return nil, usagef("--schedule %q: want AREA=FILE.csv", s)
		}
		fh, err := openInput(file)
		if err != nil {
			return nil, err
		}
		t, err := duty.ReadTable(fh)
		fh.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		opts = append(opts, ior.WithSchedule(area, t), ior.WithDataVersion(area+"="+file))
	}
	for _, dir := range f.packs {
		ps, err := readPacks(dir)
		if err != nil {
			return nil, err
		}
		opts = append(opts, ior.WithPacks(ps...), ior.WithDataVersion("packs="+dir))
	}
	if f.hts != "" {
		s, err := readHTS(f.hts)
		if err != nil {
			return nil, err
		}
		opts = append(opts, ior.WithSchedule("US", s), ior.WithDataVersion("hts="+filepath.Base(f.hts)))
	}
	if f.uktt != "" {
		more, err := ukttOptions(f.uktt, f.day, f.rates != "")
		if err != nil {
			return nil, err
		}
		opts = append(opts, more...)
	}
	if f.noSample {
		opts = append(opts, ior.WithoutSampleTariff())
	}
	if f.noRef {
		opts = append(opts, ior.WithoutReferenceTariffs())
	}
	if f.noRates && f.rates == "" {
		opts = append(opts, ior.WithoutDefaultRates())
	}
	return ior.NewEngine(opts...)
}

// readHTS reads a USITC HTS export, CSV or JSON by the file's extension.
func readHTS(path string) (*hts.Schedule, error) {
	fh, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	read := hts.ReadCSV
	if strings.EqualFold(filepath.Ext(path), ".json") {
		read = hts.ReadJSON
	}
	s, err := read(fh)
	if err != nil {
		return nil, fmt.Errorf("--hts %s: %w", path, err)
	}
	return s, nil
}

func readRates(path string) (duty.FixedRates, error) {
	f, err := openInput(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := duty.ReadFixedRates(f)
	if err != nil {
		return nil, fmt.Errorf("--rates %s: %w", path, err)
	}
	return r, nil
}

func readShipment(path string) (ior.Shipment, error) {
	f, err := openInput(path)
	if err != nil {
		return ior.Shipment{}, err
	}
	defer f.Close()
	s, err := ior.ReadShipment(f)
	if err != nil {
		return ior.Shipment{}, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// parseArgs lets flags come before or after the file argument.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) > 0 {
			pos = append(pos, args[0])
			args = args[1:]
		}
	}
	return pos, nil
}

// shipmentCmd is what quote, decide and plan share: the engine flags,
// --json, --lang, one shipment file and the engine built from the flags.
type shipmentCmd struct {
	shipment ior.Shipment
	engine   *ior.Engine
	// calls are the per-call options the flags chose (--partial).
	calls   []ior.CallOption
	asJSON  bool
	amounts amounts
}

// setup parses args for command name (usage is its synopsis), with extra
// flags registered by more, then reads the shipment and builds the engine.
func setup(name, usage string, args []string, more func(*flag.FlagSet)) (*shipmentCmd, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var ef engineFlags
	ef.register(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	lang := langFlag(fs)
	if more != nil {
		more(fs)
	}
	pos, err := parseArgs(fs, args)
	if err != nil {
		return nil, err
	}
	if len(pos) != 1 {
		return nil, usagef("want one shipment file: %s", usage)
	}
	am, err := lang()
	if err != nil {
		return nil, err
	}
	s, err := readShipment(pos[0])
	if err != nil {
		return nil, err
	}
	ef.day = s.Date
	eng, err := ef.engine()
	if err != nil {
		return nil, err
	}
	var calls []ior.CallOption
	if ef.partial {
		calls = append(calls, ior.Partial())
	}
	if ef.strict {
		calls = append(calls, ior.Strict())
	}
	if ef.hs != "" {
		st, err := duty.ParseHSStrategy(ef.hs)
		if err != nil {
			return nil, fmt.Errorf("--hs: %w", err)
		}
		calls = append(calls, ior.ResolveHS(st))
	}
	return &shipmentCmd{shipment: s, engine: eng, calls: calls, asJSON: *asJSON, amounts: am}, nil
}

func cmdQuote(args []string, w io.Writer) error {
	c, err := setup("quote", "iorkit quote FILE", args, nil)
	if err != nil {
		return err
	}
	q, err := c.engine.Quote(context.Background(), c.shipment, c.calls...)
	if err != nil {
		return err
	}
	if c.asJSON {
		return writeJSON(w, q)
	}
	printQuote(w, c.shipment, q, c.amounts)
	return nil
}

func printQuote(w io.Writer, s ior.Shipment, q ior.Quote, am amounts) {
	fmt.Fprintf(w, "Landed-cost quote %s\n", q.ID)
	fmt.Fprintf(w, "Shipment %s: %s → %s on %s, %s by %s\n", s.ID, s.Origin, q.Destination, q.Date, q.Incoterm, s.Mode)
	if q.Importer != nil {
		fmt.Fprintf(w, "Importer of record: %s (%s, %s)\n", q.Importer.Party.Name, q.Importer.Role, q.Importer.Basis)
	} else {
		fmt.Fprintln(w, "Importer of record: nobody is eligible (see iorkit decide)")
	}
	if q.Blocked {
		fmt.Fprintln(w, "BLOCKED: a prohibition applies; this quote is only indicative (see iorkit decide)")
	}
	for _, a := range q.Actions {
		fmt.Fprintf(w, "  to do: %s — %s\n", a.Code, a.Title)
	}
	fmt.Fprintf(w, "Customs value (%s): %s\n\n", q.Valuation, am.money(q.CustomsValue))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tHS\tOrigin\tCustoms value\tDuty\tTax\t")
	for _, l := range q.Lines {
		if !l.Calculable {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\tnot calculable: %s\t\t\n", l.Index, l.HS, l.Origin, am.money(l.CustomsValue), l.Reason)
			continue
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t\n", l.Index, l.HS, l.Origin, am.money(l.CustomsValue), am.money(l.Duty), am.money(l.Tax))
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, l := range q.Lines {
		for _, c := range append(append([]duty.Charge{}, l.Duties...), l.Taxes...) {
			fmt.Fprintf(w, "  line %d %-5s %-28s rate %-14s on %-14s = %s", l.Index, c.Code, c.Name, c.Rate, am.money(c.Base), am.money(c.Amount))
			if c.Collection == duty.AtSale {
				fmt.Fprint(w, "  [collected at point of sale]")
			}
			fmt.Fprintln(w)
			if c.Note != "" {
				fmt.Fprintf(w, "         %s\n", c.Note)
			}
			if c.Source != "" {
				fmt.Fprintf(w, "         source: %s\n", c.Source)
			}
		}
	}
	for _, f := range q.Fees {
		fmt.Fprintf(w, "  fee  %-5s %-28s rate %-14s on %-14s = %s\n", f.Code, f.Name, f.Rate, am.money(f.Base), am.money(f.Amount))
	}
	for _, x := range q.Adjustments {
		fmt.Fprintf(w, "  adjustment %s: %s = %s\n         %s\n", x.Code, x.Name, am.money(x.Amount), x.Note)
	}
	if len(q.DeMinimis) > 0 {
		fmt.Fprintln(w, "\nDe minimis:")
		for _, d := range q.DeMinimis {
			state := "not met"
			if d.Met {
				state = "MET"
			}
			fmt.Fprintf(w, "  %s (%s, %s): %s — %s\n", d.Code, d.Applies, d.Outcome, state, d.Reason)
		}
	}
	fmt.Fprintln(w, "\nTotals:")
	fmt.Fprintf(w, "  duty %s\n  tax  %s (at border %s, at point of sale %s)\n  fees %s\n  total %s\n",
		am.money(q.Totals.Duty), am.money(q.Totals.Tax), am.money(q.Totals.TaxAtBorder), am.money(q.Totals.TaxAtSale), am.money(q.Totals.Fees), am.money(q.Totals.Total))
	if q.TotalsInShipmentCurrency != nil {
		fmt.Fprintf(w, "  total in %s: %s\n", q.ShipmentCurrency, am.money(q.TotalsInShipmentCurrency.Total))
	}
	fmt.Fprintln(w, "\nWho pays:")
	for _, side := range []ior.Side{ior.SellerSide, ior.BuyerSide} {
		p := q.Payers.Of(side)
		fmt.Fprintf(w, "  %-6s pays at import %s; collects at sale %s\n", side, am.money(p.AtImport), am.money(p.AtSale))
	}
	if len(q.FX) > 0 {
		fmt.Fprintln(w, "\nExchange rates:")
		for _, f := range q.FX {
			fmt.Fprintf(w, "  1 %s = %s %s (%s)\n", f.From, f.Rate, f.To, f.Date)
		}
	}
	for _, n := range q.Notes {
		fmt.Fprintf(w, "\nNote: %s\n", n)
	}
	printWarnings(w, q.Warnings)
}

// printWarnings lists a quote's warnings (nothing when there are none).
func printWarnings(w io.Writer, ws []duty.Warning) {
	if len(ws) == 0 {
		return
	}
	fmt.Fprintf(w, "\nWarnings (%d; --strict refuses such a quote):\n", len(ws))
	for _, x := range ws {
		fmt.Fprintf(w, "  %s\n", x)
	}
}

func cmdRate(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("rate", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	value := fs.String("value", "", `customs value "AMOUNT CUR"`)
	cur := fs.String("currency", "USD", "currency of $ and ¢")
	var qtys multi
	fs.Var(&qtys, "qty", "quantity")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("%s", `want one rate: iorkit rate "4.4¢/kg + 6%" --value "1000 USD" --qty "100 kg"`)
	}
	r, err := duty.ParseRate(pos[0], duty.InCurrency(*cur))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "rate: %s\n", r)
	if *value == "" {
		return nil
	}
	amt, c, ok := strings.Cut(strings.TrimSpace(*value), " ")
	if !ok {
		return usagef("--value %q: want \"AMOUNT CUR\"", *value)
	}
	v, err := duty.ParseMoney(amt, strings.TrimSpace(c))
	if err != nil {
		return err
	}
	b := duty.Basis{Value: v}
	for _, q := range qtys {
		qq, err := duty.ParseQuantity(q)
		if err != nil {
			return err
		}
		b.Quantities = append(b.Quantities, qq)
	}
	d, err := r.Apply(b)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "duty: %s (exact), %s (rounded)\n", d, d.Round())
	return nil
}
