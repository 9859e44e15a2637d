package duty

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Calculator turns an Entry into an Assessment. It holds the profiles,
// schedules and exchange rates it was built with and never changes after
// NewCalculator, so one Calculator is safe for concurrent use.
type Calculator struct {
	profiles  *Profiles
	schedules map[string]Schedule // by destination country or customs union
	rates     Rates
}

// CalcOption configures a Calculator.
type CalcOption func(*Calculator) error

// WithProfiles replaces the embedded default profiles.
func WithProfiles(p *Profiles) CalcOption {
	return func(c *Calculator) error {
		if p == nil {
			return errors.New("duty: WithProfiles(nil)")
		}
		c.profiles = p
		return nil
	}
}

// WithSchedule sets the tariff of a destination country or of a customs
// union ("EU") whose members share it. A country's own schedule wins over
// its union's.
func WithSchedule(area string, s Schedule) CalcOption {
	return func(c *Calculator) error {
		if s == nil {
			return fmt.Errorf("duty: WithSchedule(%q, nil)", clip(area))
		}
		if area != "EU" {
			if err := ValidateCountry(area); err != nil {
				return err
			}
		}
		c.schedules[area] = s
		return nil
	}
}

// WithRates sets the exchange rates used to bring invoice amounts and
// thresholds into the destination's currency.
func WithRates(r Rates) CalcOption {
	return func(c *Calculator) error { c.rates = r; return nil }
}

// CallOption configures one Calculate call (what a caller decides per
// request), where CalcOption configures the Calculator (its data).
type CallOption func(*callConfig) error

// callConfig holds what the CallOptions of one Calculate call set.
type callConfig struct {
	partial bool
	strict  bool
	hs      HSStrategy
}

// ResolveHS sets how a code shorter than the schedule's lines resolves
// when its lines carry different measures (see LineLister): HSHighest (the
// default) and HSLowest take the line with the highest or lowest duty,
// flagged HS_RESOLVED with the range; HSStrict is an *AmbiguousCodeError
// listing the lines.
func ResolveHS(s HSStrategy) CallOption {
	return func(c *callConfig) error {
		if _, err := ParseHSStrategy(string(s)); err != nil {
			return err
		}
		c.hs = s
		return nil
	}
}

// Partial makes Calculate return an assessment when some lines cannot be
// assessed (unknown code, missing quantity...): those lines are marked not
// calculable with the reason and the assessment is flagged incomplete.
// Without it such a line is an error. Never a silent zero.
func Partial() CallOption {
	return func(c *callConfig) error { c.partial = true; return nil }
}

// Strict makes Calculate refuse an assessment that carries warnings
// (Assessment.Warnings): it returns a *StrictError listing them
// (errors.Is(err, ErrStrict)). Without it the assessment answers with its
// warnings.
func Strict() CallOption {
	return func(c *callConfig) error { c.strict = true; return nil }
}

// NewCalculator builds a calculator. Without WithProfiles it uses
// DefaultProfiles.
func NewCalculator(opts ...CalcOption) (*Calculator, error) {
	c := &Calculator{schedules: map[string]Schedule{}}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, err
		}
	}
	if c.profiles == nil {
		p, err := DefaultProfiles()
		if err != nil {
			return nil, err
		}
		c.profiles = p
	}
	return c, nil
}

// Profiles returns the profiles the calculator uses.
func (c *Calculator) Profiles() *Profiles {
	if c == nil {
		return nil
	}
	return c.profiles
}

// errNilCalculator is what Calculate returns on a nil or zero Calculator.
var errNilCalculator = &UninitializedError{Type: "*duty.Calculator", Constructor: "duty.NewCalculator"}

// Schedule returns the tariff for a destination (its own, else its
// union's) and the area it was found under.
func (c *Calculator) Schedule(p Profile) (Schedule, string, bool) {
	if c == nil {
		return nil, "", false
	}
	if s, ok := c.schedules[p.Country]; ok {
		return s, p.Country, true
	}
	if p.Union != "" {
		if s, ok := c.schedules[p.Union]; ok {
			return s, p.Union, true
		}
	}
	return nil, "", false
}

// calc holds the working state of one Calculate call.
type calc struct {
	ctx   context.Context
	cfg   callConfig
	c     *Calculator
	e     Entry
	p     *Profile // read only: the profile set's own
	cur   string
	zeroM Money // 0 in cur, built by NewMoney: every amount derives from it
	a     *Assessment
	fxSet map[string]bool
	asm   Assessment // the result, k.a points at it
	// rates are the calculator's rates as the destination's customs
	// applies them (RatesFor).
	rates Rates
	// lineIdx holds 0..n-1 so trace steps can point at their line's index
	// without one allocation per step.
	lineIdx []int
	// exchangeFn is k.exchange, made once rather than on every line.
	exchangeFn func(Money, string) (Money, error)
	// taxSteps holds the trace text of each of the profile's taxes.
	taxSteps []taxStep
	// keepExact is whether charges keep their unrounded amount: only a
	// profile that rounds a declared total (DutyTotalRounding,
	// TaxRule.TotalRounding) reads it.
	keepExact bool
	// looked and choices hold the lookups and choices made for earlier
	// lines (lookupOnce, choose).
	looked  []looked
	choices []chosen
	// minor is the destination currency's minor unit (MinorUnits).
	minor int32
	// cats holds the categories of the entry's HS codes (categoriesOf).
	cats []hsCategories
	// note is the buffer tax notes are built in.
	note textBuf
	// taxTexts holds "19%" for each of the profile's taxes, built on the
	// first line that needs it rather than on every line.
	taxTexts []string
}

// taxStep is the text of a tax's trace step, name and collection, kept
// for the next line.
type taxStep struct {
	name string
	coll Collection
	text string
}

// taxStepText is name+" ("+coll+")" for tax ti of the profile, built once
// per assessment for as long as lines give the same name and collection.
func (k *calc) taxStepText(ti int, name string, coll Collection) string {
	if k.taxSteps == nil {
		k.taxSteps = make([]taxStep, len(k.p.Taxes))
	}
	s := &k.taxSteps[ti]
	if s.text == "" || s.name != name || s.coll != coll {
		*s = taxStep{name: name, coll: coll, text: name + " (" + string(coll) + ")"}
	}
	return s.text
}

// taxRateText is rate.String()+"%" for tax ti of the profile, made once per
// assessment.
func (k *calc) taxRateText(ti int, rate decimal.Decimal) string {
	if k.taxTexts == nil {
		k.taxTexts = make([]string, len(k.p.Taxes))
	}
	if k.taxTexts[ti] == "" {
		k.taxTexts[ti] = rate.String() + "%"
	}
	return k.taxTexts[ti]
}

func (k *calc) trace(step string, line int, what, rate string, base, amount Money, source string) {
	t := k.a.Trace
	if len(t) < cap(t) {
		t = t[:len(t)+1]
	} else {
		t = append(t, Step{})
	}
	k.a.Trace = t
	// Written in place: a step built aside and copied in is moved with a
	// bulk write barrier while the collector runs.
	s := &t[len(t)-1]
	s.Step, s.What, s.Rate, s.Base, s.Amount, s.Source, s.Line = step, what, rate, base, amount, source, nil
	if line >= 0 && line < len(k.lineIdx) {
		s.Line = &k.lineIdx[line] // shared, never written after creation
	}
}

func (k *calc) convert(m Money, what string) (Money, error) { return k.convertFor(m, what, "") }

// convertFor is convert(m, what+name), the text built only on error.
func (k *calc) convertFor(m Money, what, name string) (Money, error) {
	out, info, err := ConvertInfo(m, k.cur, k.rates, k.e.Date)
	if err != nil {
		return Money{}, fmt.Errorf("%s%s: %w", what, name, err)
	}
	if m.Currency() != k.cur {
		key := m.Currency() + "/" + k.cur
		if !k.fxSet[key] {
			if k.fxSet == nil {
				k.fxSet = map[string]bool{} // only entries in another currency need it
			}
			k.fxSet[key] = true
			day := info.Day
			if day.IsZero() {
				day = k.e.Date
			}
			k.a.FX = append(k.a.FX, FXUse{From: m.Currency(), To: k.cur, Rate: info.Rate.String(), Date: day, Source: info.Source})
			if info.Caveat != "" {
				msg := info.Note
				if msg == "" {
					msg = fmt.Sprintf("exchange rate %s of %s used for an entry of %s", key, day, k.e.Date)
					if info.Source != "" {
						msg += " (" + info.Source + ")"
					}
				}
				k.warn(info.Caveat, -1, key, day.String(), msg)
			}
		}
	}
	return out, nil
}

// cancelled returns the context's error, wrapped, once ctx is done; the
// per-line loops call it so a cancelled Calculate stops within one line.
func (k *calc) cancelled() error {
	if err := k.ctx.Err(); err != nil {
		return fmt.Errorf("duty: calculation stopped: %w", err)
	}
	return nil
}

// zero is 0 in the destination's currency.
func (k *calc) zero() Money { return k.zeroM }

// money is an amount in the destination's currency, derived from zeroM,
// whose currency NewMoney checked when the calculation started.
func (k *calc) money(a decimal.Decimal) Money { return k.zeroM.with(a) }

// Calculate assesses the entry: valuation, de minimis, duties, fees, taxes
// and totals, in the destination's currency. When ctx is cancelled or its
// deadline passes, Calculate stops within one line's work and returns
// ctx.Err() wrapped (errors.Is(err, context.Canceled) holds).
func (c *Calculator) Calculate(ctx context.Context, e Entry, opts ...CallOption) (Assessment, error) {
	if c == nil || c.profiles == nil {
		return Assessment{}, errNilCalculator
	}
	if ctx == nil {
		return Assessment{}, errors.New("duty: Calculate: nil context")
	}
	var cfg callConfig
	if len(opts) > 0 { // the options' target escapes: allocated only when there are some
		pc := new(callConfig)
		for _, o := range opts {
			if o == nil {
				continue
			}
			if err := o(pc); err != nil {
				return Assessment{}, err
			}
		}
		cfg = *pc
	}
	if err := ctx.Err(); err != nil {
		return Assessment{}, fmt.Errorf("duty: calculation stopped: %w", err)
	}
	if err := ValidateCountry(e.Destination); err != nil {
		return Assessment{}, fmt.Errorf("duty: entry destination: %w", err)
	}
	if e.Region != "" {
		if err := ValidateRegion(e.Region); err != nil {
			return Assessment{}, fmt.Errorf("duty: entry region: %w", err)
		}
		if !strings.HasPrefix(e.Region, e.Destination+"-") {
			return Assessment{}, fmt.Errorf("duty: entry region: %w", &InvalidRegionError{Region: e.Region, Known: subdivisions[e.Destination]})
		}
	}
	if e.PortRegion != "" {
		if err := ValidateRegion(e.PortRegion); err != nil {
			return Assessment{}, fmt.Errorf("duty: entry port region: %w", err)
		}
		if !strings.HasPrefix(e.PortRegion, e.Destination+"-") {
			return Assessment{}, fmt.Errorf("duty: entry port region: %w", &InvalidRegionError{Region: e.PortRegion, Known: subdivisions[e.Destination]})
		}
	}
	if e.Date.IsZero() {
		return Assessment{}, &EntryError{Field: "date", Msg: "date is required: it selects the data in force"}
	}
	if len(e.Lines) == 0 {
		return Assessment{}, &EntryError{Field: "lines", Msg: "has no lines"}
	}
	pp, err := c.profiles.lookup(e.Destination, e.Date)
	if err != nil {
		return Assessment{}, err
	}
	p := *pp // read only: the set's own slices
	zero, err := NewMoney(decimal.Zero, p.Currency)
	if err != nil {
		return Assessment{}, fmt.Errorf("duty: profile of %s: %w", p.Country, err)
	}
	k := &calc{ctx: ctx, cfg: cfg, c: c, e: e, p: pp, cur: p.Currency, zeroM: zero, rates: RatesFor(c.rates, e.Destination), lineIdx: make([]int, len(e.Lines))}
	for i := range k.lineIdx {
		k.lineIdx[i] = i
	}
	k.exchangeFn = k.exchange
	k.minor = zero.MinorUnits()
	k.keepExact = p.DutyTotalRounding != nil
	for _, t := range p.Taxes {
		if t.TotalRounding != nil {
			k.keepExact = true
		}
	}
	if err := k.checkSeries(); err != nil {
		return Assessment{}, err
	}
	k.a = &k.asm // one allocation with the working state
	*k.a = Assessment{
		Destination: e.Destination, Region: e.Region, Date: e.Date, Currency: p.Currency,
		Valuation: p.Valuation, Profile: profileName(p.Country, p.From),
		DeMinimis: make([]DeMinimisOutcome, 0, len(p.DeMinimis)), Fees: make([]Charge, 0, len(p.Fees)), FX: []FXUse{},
		// Sized once, since the trace is built on every quote: a line takes
		// its valuation, one or two duties and a step per tax; the entry a
		// few (de minimis, fees, totals, and the importer-of-record fee
		// ior adds).
		Trace:    make([]Step, 0, traceSteps(&e, pp)),
		Warnings: []Warning{},
	}
	if stale(p.ReviewAfter, e.Date) {
		k.warn(StaleData, -1, "profile "+p.Country, "", fmt.Sprintf("the %s profile in force from %s was last reviewed for %s", p.Country, p.From, p.ReviewAfter))
	}
	if err := k.value(); err != nil {
		return Assessment{}, err
	}
	if err := k.deMinimis(false); err != nil {
		return Assessment{}, err
	}
	if err := k.duties(); err != nil {
		return Assessment{}, err
	}
	if err := k.excise(); err != nil {
		return Assessment{}, err
	}
	if err := k.fees(); err != nil {
		return Assessment{}, err
	}
	if err := k.services(); err != nil {
		return Assessment{}, err
	}
	if err := k.taxes(); err != nil {
		return Assessment{}, err
	}
	if err := k.deMinimis(true); err != nil {
		return Assessment{}, err
	}
	if err := k.notModelled(); err != nil {
		return Assessment{}, err
	}
	k.declarationRounding()
	if err := k.totals(); err != nil {
		return Assessment{}, err
	}
	if cfg.strict && len(k.a.Warnings) > 0 {
		return Assessment{}, &StrictError{Warnings: k.a.Warnings}
	}
	return *k.a, nil
}

// profileName is fmt.Sprintf("%s from %s", country, from), in one
// allocation.
func profileName(country string, from Date) string {
	var buf [48]byte
	b := append(append(buf[:0], country...), " from "...)
	b, _ = from.AppendText(b) // never fails
	return string(b)
}

// traceSteps is the capacity of an assessment's trace: three steps a line
// (valuation, duty, tax), or two and a step per tax rule when the profile
// has more than one, and the entry's steps: one per de minimis threshold,
// fee, service charge and declaration rounding, the total and the FOB
// valuation note. Sized tight, since the trace is the largest array of a
// quote and a size class is lost from a few steps too many; a trace with
// more steps (additional duties, for one) grows.
func traceSteps(e *Entry, p *Profile) int {
	perLine := max(3, 2+len(p.Taxes))
	n := perLine*len(e.Lines) + len(p.DeMinimis) + len(p.Fees) + len(e.Services) + 1
	if p.Valuation == FOB {
		n++
	}
	if p.DutyTotalRounding != nil {
		n++
	}
	for i := range p.Taxes {
		if p.Taxes[i].TotalRounding != nil {
			n++
		}
	}
	return n
}
