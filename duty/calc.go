package duty

import (
	"errors"
	"fmt"
	"sort"
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
	partial   bool
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
			return fmt.Errorf("duty: WithSchedule(%q, nil)", area)
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

// AllowPartial makes Calculate return an assessment when some lines cannot
// be assessed (unknown code, missing quantity...): those lines are marked
// not calculable with the reason and the assessment is flagged incomplete.
// Without it such a line is an error. Never a silent zero.
func AllowPartial() CalcOption {
	return func(c *Calculator) error { c.partial = true; return nil }
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
func (c *Calculator) Profiles() *Profiles { return c.profiles }

// Schedule returns the tariff for a destination (its own, else its
// union's) and the area it was found under.
func (c *Calculator) Schedule(p Profile) (Schedule, string, bool) {
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
	c     *Calculator
	e     Entry
	p     Profile
	cur   string
	a     *Assessment
	fxSet map[string]bool
	// lineIdx holds 0..n-1 so trace steps can point at their line's index
	// without one allocation per step.
	lineIdx []int
}

func (k *calc) trace(step string, line int, what, rate string, base, amount Money, source string) {
	s := Step{Step: step, What: what, Rate: rate, Base: base, Amount: amount, Source: source}
	if line >= 0 && line < len(k.lineIdx) {
		s.Line = &k.lineIdx[line] // shared, never written after creation
	}
	k.a.Trace = append(k.a.Trace, s)
}

func (k *calc) convert(m Money, what string) (Money, error) {
	out, r, err := Convert(m, k.cur, k.c.rates, k.e.Date)
	if err != nil {
		return Money{}, fmt.Errorf("%s: %w", what, err)
	}
	if m.Currency() != k.cur {
		key := m.Currency() + "/" + k.cur
		if !k.fxSet[key] {
			k.fxSet[key] = true
			k.a.FX = append(k.a.FX, FXUse{From: m.Currency(), To: k.cur, Rate: r.String(), Date: k.e.Date})
		}
	}
	return out, nil
}

func (k *calc) zero() Money { return Money{amount: decimal.Zero, currency: k.cur} }

// Calculate assesses the entry: valuation, de minimis, duties, fees, taxes
// and totals, in the destination's currency.
func (c *Calculator) Calculate(e Entry) (Assessment, error) {
	if err := ValidateCountry(e.Destination); err != nil {
		return Assessment{}, fmt.Errorf("duty: entry destination: %w", err)
	}
	if e.Date.IsZero() {
		return Assessment{}, errors.New("duty: entry date is required: it selects the data in force")
	}
	if len(e.Lines) == 0 {
		return Assessment{}, errors.New("duty: entry has no lines")
	}
	p, err := c.profiles.ForDate(e.Destination, e.Date)
	if err != nil {
		return Assessment{}, err
	}
	k := &calc{c: c, e: e, p: p, cur: p.Currency, fxSet: map[string]bool{}, lineIdx: make([]int, len(e.Lines))}
	for i := range k.lineIdx {
		k.lineIdx[i] = i
	}
	if err := k.checkSeries(); err != nil {
		return Assessment{}, err
	}
	k.a = &Assessment{
		Destination: e.Destination, Region: e.Region, Date: e.Date, Currency: p.Currency,
		Valuation: p.Valuation, Profile: fmt.Sprintf("%s from %s", p.Country, p.From),
		DeMinimis: []DeMinimisOutcome{}, Fees: []Charge{}, FX: []FXUse{},
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
	if err := k.fees(); err != nil {
		return Assessment{}, err
	}
	if err := k.taxes(); err != nil {
		return Assessment{}, err
	}
	if err := k.deMinimis(true); err != nil {
		return Assessment{}, err
	}
	if err := k.totals(); err != nil {
		return Assessment{}, err
	}
	return *k.a, nil
}

// value converts line values, freight and insurance into the destination's
// currency, allocates freight and insurance over the lines and sets each
// line's customs value.
func (k *calc) value() error {
	lines := make([]LineAssessment, len(k.e.Lines))
	weights := make([]decimal.Decimal, len(k.e.Lines))
	goods := k.zero()
	for i, l := range k.e.Lines {
		if l.Value.Currency() == "" {
			return &LineError{Line: i, HS: l.HS, Err: errors.New("value is required")}
		}
		if l.Value.IsNegative() {
			return &LineError{Line: i, HS: l.HS, Err: fmt.Errorf("value %s is negative", l.Value)}
		}
		v, err := k.convert(l.Value, "value")
		if err != nil {
			return &LineError{Line: i, HS: l.HS, Err: err}
		}
		v = v.Round()
		lines[i] = LineAssessment{Index: i, HS: l.HS, Origin: l.Origin, Value: v, Calculable: true,
			Duties: []Charge{}, Taxes: []Charge{}, Duty: k.zero(), Tax: k.zero()}
		weights[i] = v.amount
		goods = Money{amount: goods.amount.Add(v.amount), currency: k.cur}
	}
	if goods.IsZero() { // nothing to weigh by: share equally
		for i := range weights {
			weights[i] = decimal.New(1, 0)
		}
	}
	freight, err := k.optional(k.e.Freight, "freight")
	if err != nil {
		return err
	}
	insurance, err := k.optional(k.e.Insurance, "insurance")
	if err != nil {
		return err
	}
	fs, err := Allocate(freight, weights)
	if err != nil {
		return err
	}
	is, err := Allocate(insurance, weights)
	if err != nil {
		return err
	}
	cv := k.zero()
	for i := range lines {
		lines[i].Freight, lines[i].Insurance = fs[i], is[i]
		lines[i].CustomsValue = lines[i].Value
		if k.p.Valuation == CIF {
			lines[i].CustomsValue = Money{amount: lines[i].Value.amount.Add(fs[i].amount).Add(is[i].amount), currency: k.cur}
		}
		cv = Money{amount: cv.amount.Add(lines[i].CustomsValue.amount), currency: k.cur}
		what := "customs value (FOB): the line's value"
		if k.p.Valuation == CIF {
			what = "customs value (CIF): the line's value + its share of freight and insurance"
		}
		k.trace("valuation", i, what, "", lines[i].Value, lines[i].CustomsValue, "")
	}
	if k.p.Valuation == FOB {
		k.trace("valuation", -1, "FOB valuation: international freight and insurance are not part of the customs value", "", Money{}, Money{}, strings.Join(k.p.Sources, "; "))
	}
	k.a.Lines, k.a.Goods, k.a.Freight, k.a.Insurance, k.a.CustomsValue = lines, goods, freight, insurance, cv
	return nil
}

func (k *calc) optional(m Money, what string) (Money, error) {
	if m.Currency() == "" {
		return k.zero(), nil
	}
	if m.IsNegative() {
		return Money{}, fmt.Errorf("duty: %s %s is negative", what, m)
	}
	v, err := k.convert(m, what)
	if err != nil {
		return Money{}, err
	}
	return v.Round(), nil
}

// thresholdApplies tells whether a threshold's conditions (shipped from,
// origins, mode, B2C, registration) fit the entry, and why not.
func (k *calc) thresholdApplies(t Threshold) (bool, string) {
	if t.Suspended {
		return false, "suspended"
	}
	if !inForce(t.From, t.To, k.e.Date) {
		return false, "not in force on " + k.e.Date.String()
	}
	if len(t.ShippedFrom) > 0 && !contains(t.ShippedFrom, k.e.ShippedFrom) {
		return false, fmt.Sprintf("only for goods shipped from %s", strings.Join(t.ShippedFrom, ", "))
	}
	if contains(t.NotShippedFrom, k.e.ShippedFrom) {
		return false, fmt.Sprintf("not for goods shipped from %s", k.e.ShippedFrom)
	}
	for _, l := range k.e.Lines {
		if contains(t.NotOrigins, l.Origin) {
			return false, fmt.Sprintf("not for goods of %s origin", l.Origin)
		}
	}
	if len(t.Modes) > 0 && !contains(t.Modes, k.e.Mode) {
		return false, fmt.Sprintf("only for %s shipments", strings.Join(t.Modes, "/"))
	}
	if t.B2COnly && !k.e.Consumer {
		return false, "only for sales to consumers"
	}
	if t.Registered != "" && !contains(k.e.SellerRegistrations, t.Registered) {
		return false, fmt.Sprintf("only when the seller is registered for %s", t.Registered)
	}
	return true, ""
}

func (k *calc) compared(t Threshold) (Money, bool) {
	switch t.Compare {
	case CompareGoods:
		return k.a.Goods, true
	case CompareCustomsValue:
		return k.a.CustomsValue, true
	case CompareCIF:
		return Money{amount: k.a.Goods.amount.Add(k.a.Freight.amount).Add(k.a.Insurance.amount), currency: k.cur}, true
	case CompareTaxAmount:
		sum := k.zero()
		for _, l := range k.a.Lines {
			for _, t := range l.Taxes {
				if t.Collection == AtBorder {
					sum = Money{amount: sum.amount.Add(t.Amount.amount), currency: k.cur}
				}
			}
		}
		return sum, false
	case CompareDutyAmount:
		sum := k.zero()
		for _, l := range k.a.Lines {
			sum = Money{amount: sum.amount.Add(l.Duty.amount), currency: k.cur}
		}
		return sum, false
	}
	return Money{}, false
}

// deMinimis evaluates the thresholds on values (after=false) or on the
// computed amounts (after=true) and records each outcome.
func (k *calc) deMinimis(after bool) error {
	for _, t := range k.p.DeMinimis {
		onAmount := t.Compare == CompareTaxAmount || t.Compare == CompareDutyAmount
		if onAmount != after {
			continue
		}
		ok, why := k.thresholdApplies(t)
		if !ok && (t.Suspended || !inForce(t.From, t.To, k.e.Date)) {
			if t.Suspended && inForceOrAfter(t, k.e.Date) {
				k.a.DeMinimis = append(k.a.DeMinimis, DeMinimisOutcome{Code: t.Code, Applies: t.Applies, Outcome: t.Outcome,
					Threshold: t.Amount, Compared: t.Compare, Met: false, Reason: "suspended: " + t.Note, Source: t.Source})
			}
			continue
		}
		limit, err := k.convert(t.Amount, "de minimis threshold "+t.Code)
		if err != nil {
			return err
		}
		value, _ := k.compared(t)
		out := DeMinimisOutcome{Code: t.Code, Applies: t.Applies, Outcome: t.Outcome, Threshold: t.Amount,
			Compared: t.Compare, Value: value, Source: t.Source}
		cmp := value.amount.Cmp(limit.amount)
		under := cmp < 0 || (cmp == 0 && !t.Strict)
		op := "<="
		if t.Strict {
			op = "<"
		}
		switch {
		case !ok:
			out.Reason = why
		case under:
			out.Met = true
			out.Reason = fmt.Sprintf("%s %s %s %s", t.Compare, value, op, t.Amount)
		default:
			out.Reason = fmt.Sprintf("%s %s is not %s %s", t.Compare, value, op, t.Amount)
		}
		if t.Note != "" {
			out.Reason += " (" + t.Note + ")"
		}
		k.a.DeMinimis = append(k.a.DeMinimis, out)
		state := ": not met: "
		if out.Met {
			state = ": met: "
		}
		k.trace("de_minimis", -1, t.Code+state+out.Reason, "", t.Amount, value, t.Source)
		if out.Met && after {
			k.relieveAmounts(t)
		}
	}
	return nil
}

func inForceOrAfter(t Threshold, on Date) bool { return t.From.IsZero() || !on.Before(t.From) }

// met returns the first met threshold covering what, with that outcome.
func (k *calc) met(what Applies, outcome Outcome) (DeMinimisOutcome, bool) {
	for _, o := range k.a.DeMinimis {
		if !o.Met || o.Outcome != outcome {
			continue
		}
		if o.Applies == what || (o.Applies == AppliesBoth && (what == AppliesDuty || what == AppliesTax)) {
			return o, true
		}
	}
	return DeMinimisOutcome{}, false
}

// relieveAmounts zeroes border taxes (or duties) after a threshold on the
// amount itself is met (CH: import VAT of CHF 5 or less is not levied).
func (k *calc) relieveAmounts(t Threshold) {
	for i := range k.a.Lines {
		l := &k.a.Lines[i]
		if t.Applies == AppliesTax || t.Applies == AppliesBoth {
			for j := range l.Taxes {
				if l.Taxes[j].Collection == AtBorder {
					l.Taxes[j].Note = fmt.Sprintf("%s not levied: %s (%s)", l.Taxes[j].Code, t.Code, t.Source)
					l.Taxes[j].Amount = k.zero()
					l.Taxes[j].Collection = NotDue
				}
			}
			l.Tax = k.zero()
		}
		if t.Applies == AppliesDuty || t.Applies == AppliesBoth {
			for j := range l.Duties {
				l.Duties[j].Note = fmt.Sprintf("duty not levied: %s (%s)", t.Code, t.Source)
				l.Duties[j].Amount = k.zero()
				l.Duties[j].Collection = NotDue
			}
			l.Duty = k.zero()
		}
	}
}

func (k *calc) lineFailed(i int, err error) error {
	le := &LineError{Line: i, HS: k.e.Lines[i].HS, Err: err}
	if !k.c.partial {
		return le
	}
	k.a.Lines[i].Calculable = false
	k.a.Lines[i].Reason = err.Error()
	k.a.Incomplete = true
	k.trace("duty", i, "line not calculable: "+err.Error(), "", Money{}, Money{}, "")
	return nil
}

// hs6 returns the first six digits of a code.
func hs6(hs string) string {
	d := digitsOnly(hs)
	if len(d) > 6 {
		return d[:6]
	}
	return d
}

func digitsOnly(hs string) string {
	var b strings.Builder
	for _, r := range hs {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (k *calc) duties() error {
	if o, ok := k.met(AppliesDuty, Relief); ok {
		for i := range k.a.Lines {
			k.a.Lines[i].Duties = append(k.a.Lines[i].Duties, Charge{Kind: "duty", Code: "RELIEF", Name: "Duty relief (de minimis)",
				Rate: "relief", Base: k.a.Lines[i].CustomsValue, Amount: k.zero(), Source: o.Source, Collection: NotDue,
				Note: fmt.Sprintf("%s: %s", o.Code, o.Reason)})
			k.trace("duty", i, "no duty: "+o.Code+": "+o.Reason, "", k.a.Lines[i].CustomsValue, k.zero(), o.Source)
		}
		return nil
	}
	if o, ok := k.met(AppliesDuty, FlatPerSubheading); ok {
		return k.flatDuty(o)
	}
	sched, area, ok := k.c.Schedule(k.p)
	for i, l := range k.e.Lines {
		la := &k.a.Lines[i]
		ms := l.Measures
		if len(ms) == 0 {
			if !ok {
				if err := k.lineFailed(i, &NoScheduleError{Destination: k.e.Destination, Union: k.p.Union}); err != nil {
					return err
				}
				continue
			}
			var err error
			ms, err = sched.Measures(l.HS, l.Origin, k.e.Date.Time())
			if err != nil {
				if err := k.lineFailed(i, fmt.Errorf("%s tariff: %w", area, err)); err != nil {
					return err
				}
				continue
			}
		}
		charges, err := k.applyMeasures(i, l, ms)
		if err != nil {
			if err := k.lineFailed(i, err); err != nil {
				return err
			}
			continue
		}
		la.Duties = charges
		sum := k.zero()
		for _, ch := range charges {
			sum = Money{amount: sum.amount.Add(ch.Amount.amount), currency: k.cur}
		}
		la.Duty = sum
	}
	return nil
}

func (k *calc) flatDuty(o DeMinimisOutcome) error {
	var th Threshold
	for _, t := range k.p.DeMinimis {
		if t.Code == o.Code {
			th = t
		}
	}
	flat, err := k.convert(*th.FlatAmount, "flat duty "+th.Code)
	if err != nil {
		return err
	}
	flat = flat.Round()
	seen := map[string]bool{}
	for i := range k.a.Lines {
		la := &k.a.Lines[i]
		sub := hs6(la.HS)
		amount, note := flat, fmt.Sprintf("%s per distinct subheading; first line of %s", th.FlatAmount, sub)
		if seen[sub] {
			amount, note = k.zero(), fmt.Sprintf("subheading %s already charged on an earlier line", sub)
		}
		seen[sub] = true
		la.Duties = []Charge{{Kind: "duty", Code: "FLAT", Name: "Flat duty on low-value consignment", Rate: th.FlatAmount.String() + " per subheading",
			Base: la.CustomsValue, Amount: amount, Source: th.Source, Effective: th.From, Collection: AtBorder, Note: note}}
		la.Duty = amount
		k.trace("duty", i, th.Code+": "+note, th.FlatAmount.String()+" per subheading", la.CustomsValue, amount, th.Source)
	}
	return nil
}

// applyMeasures chooses the measures of one line with Choose (MFN, or the
// lowest claimed preference, plus additional layers) and applies them.
func (k *calc) applyMeasures(i int, l EntryLine, all []Measure) ([]Charge, error) {
	la := &k.a.Lines[i]
	basis := Basis{Value: la.CustomsValue, Quantities: l.Quantities, Exchange: k.exchange}
	if len(l.Parts) > 0 {
		basis.Parts = make(map[string]Basis, len(l.Parts))
		for _, p := range l.Parts {
			v, err := k.convert(p.Value, "part "+p.Name)
			if err != nil {
				return nil, err
			}
			basis.Parts[p.Name] = Basis{Value: v, Quantities: p.Quantities, Exchange: k.exchange}
		}
	}
	if k.p.DutyBaseRounding != nil {
		basis.Value = k.p.DutyBaseRounding.apply(basis.Value)
	}
	ms := make([]Measure, 0, len(all))
	for _, m := range all {
		if m.InForce(k.e.Date.Time()) {
			ms = append(ms, m)
		}
	}
	opts := ChoiceOptions{}
	if l.ClaimPreference != nil && !*l.ClaimPreference {
		opts.Claim = ClaimNone
	}
	choice, err := Choose(ms, l.Origin, basis, opts)
	if err != nil {
		return nil, err
	}
	for _, st := range choice.Steps {
		if !st.Used {
			k.trace("duty", i, "set aside "+st.Measure.Kind.String()+" "+progOr(st.Measure.Program, st.Measure.HS)+": "+st.Reason,
				st.Measure.Rate.String(), Money{}, Money{}, st.Measure.Source)
		}
	}
	round := func(m Money) Money { return k.p.DutyRounding.apply(m) }
	var out []Charge
	b := choice.Base
	amt, err := k.apply(b, basis)
	if err != nil {
		return nil, err
	}
	ch := Charge{Kind: "duty", Code: "MFN", Name: "Customs duty (MFN)", Rate: b.Rate.String(), Base: la.CustomsValue,
		Amount: round(amt), Source: b.Source, Effective: DateOf(b.From), Collection: AtBorder}
	what := "MFN duty"
	if choice.Preference {
		ch.Code, ch.Name = "PREF", "Customs duty (preference "+b.Program+")"
		ch.Note = "preferential rate claimed: proof of origin is required"
		what = "preferential duty " + b.Program + " (proof of origin required)"
	}
	out = append(out, ch)
	k.trace("duty", i, what, ch.Rate, la.CustomsValue, ch.Amount, b.Source)
	for _, m := range choice.Layers {
		amt, err := k.apply(m, basis)
		if err != nil {
			return nil, fmt.Errorf("additional duty %s: %w", m.Program, err)
		}
		r := round(amt)
		out = append(out, Charge{Kind: "duty", Code: "ADD", Name: "Additional duty " + m.Program, Rate: m.Rate.String(), Base: la.CustomsValue,
			Amount: r, Source: m.Source, Effective: DateOf(m.From), Collection: AtBorder})
		k.trace("duty", i, "additional duty "+m.Program, out[len(out)-1].Rate, la.CustomsValue, r, m.Source)
	}
	return out, nil
}

// exchange converts a specific amount stated in another currency (a GB
// rate in EUR) at the entry's rates, reporting the rate used.
func (k *calc) exchange(m Money, to string) (Money, error) {
	if to != k.cur {
		out, _, err := Convert(m, to, k.c.rates, k.e.Date)
		return out, err
	}
	return k.convert(m, "rate amount in "+m.Currency())
}

func (k *calc) apply(m Measure, b Basis) (Money, error) {
	if m.Base == MetalContentValue {
		// Charged on the value of the metal content only (US Section 232
		// derivatives): the line must say what that value is.
		part, ok := b.Parts[string(MetalContentValue)]
		if !ok {
			return Money{}, &MissingBasisError{What: "value", Part: string(MetalContentValue), Rate: m.Rate.String()}
		}
		b = part
	}
	amt, err := m.Rate.Apply(b)
	if err != nil {
		return Money{}, err
	}
	if amt.Currency() != k.cur {
		return k.convert(amt, "duty "+m.Rate.String())
	}
	return amt, nil
}

// checkSeries refuses a date that a dated series of figures (the US MPF by
// fiscal year, a VAT rate) no longer covers: the data has run out, and using
// the last known figure would be a guess.
func (k *calc) checkSeries() error {
	type span struct {
		any, covered bool
		last         Date
		source       string
	}
	series := map[string]*span{}
	note := func(kind, code string, from, to Date, src string) {
		s := series[kind+" "+code]
		if s == nil {
			s = &span{}
			series[kind+" "+code] = s
		}
		s.any = true
		if inForce(from, to, k.e.Date) {
			s.covered = true
		}
		if !to.IsZero() && to.After(s.last) {
			s.last, s.source = to, src
		}
	}
	for _, f := range k.p.Fees {
		note("fee", f.Code, f.From, f.To, f.Source)
	}
	for _, t := range k.p.Taxes {
		if len(t.Regions) == 0 {
			note("tax", t.Code, t.From, t.To, t.Source)
		}
	}
	keys := make([]string, 0, len(series))
	for key := range series {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		s := series[key]
		if s.any && !s.covered {
			return &DataExpiredError{What: k.p.Country + " " + key, Date: k.e.Date, Last: s.last}
		}
	}
	return nil
}

// ErrDataExpired is matched by *DataExpiredError.
var ErrDataExpired = errors.New("duty: data not in force")

// DataExpiredError reports a date that embedded or loaded data does not
// cover (for example US MPF figures after the last fiscal year published).
type DataExpiredError struct {
	What string
	Date Date
	Last Date
}

func (e *DataExpiredError) Error() string {
	if e.Last.IsZero() {
		return fmt.Sprintf("duty: %s: no figure in force on %s", e.What, e.Date)
	}
	return fmt.Sprintf("duty: %s: no figure in force on %s (the data ends %s; load newer figures with WithProfiles)", e.What, e.Date, e.Last)
}

// Is reports whether target is ErrDataExpired.
func (e *DataExpiredError) Is(target error) bool { return target == ErrDataExpired }

func (k *calc) fees() error {
	relief, relieved := k.met(AppliesFees, Relief)
	for _, f := range k.p.Fees {
		if !inForce(f.From, f.To, k.e.Date) {
			continue
		}
		if len(f.Modes) > 0 && !contains(f.Modes, k.e.Mode) {
			continue
		}
		cv := k.a.CustomsValue
		if f.Above != nil {
			lim, err := k.convert(*f.Above, "fee "+f.Code)
			if err != nil {
				return err
			}
			if !cv.amount.GreaterThan(lim.amount) {
				continue
			}
		}
		if f.AtMost != nil {
			lim, err := k.convert(*f.AtMost, "fee "+f.Code)
			if err != nil {
				return err
			}
			if cv.amount.GreaterThan(lim.amount) {
				continue
			}
		}
		ch := Charge{Kind: "fee", Code: f.Code, Name: f.Name, Base: cv, Source: f.Source, Effective: f.From, Collection: AtBorder}
		switch f.Kind {
		case FeePercent:
			amt := cv.Mul(f.Percent).Mul(decimal.New(1, -2))
			ch.Rate = f.Percent.String() + "%"
			if f.Min != nil {
				mn, err := k.convert(*f.Min, "fee minimum "+f.Code)
				if err != nil {
					return err
				}
				if amt.amount.LessThan(mn.amount) {
					amt, ch.Note = mn, "minimum applies"
				}
				ch.Rate += " min " + f.Min.String()
			}
			if f.Max != nil {
				mx, err := k.convert(*f.Max, "fee maximum "+f.Code)
				if err != nil {
					return err
				}
				if amt.amount.GreaterThan(mx.amount) {
					amt, ch.Note = mx, "maximum applies"
				}
				ch.Rate += " max " + f.Max.String()
			}
			ch.Amount = amt.Round()
		case FeeFixed:
			amt, err := k.convert(*f.Amount, "fee "+f.Code)
			if err != nil {
				return err
			}
			ch.Rate = f.Amount.String() + " per entry"
			ch.Amount = amt.Round()
		}
		if relieved {
			ch.Amount, ch.Collection, ch.Note = k.zero(), NotDue, relief.Code+": "+relief.Reason
		}
		k.a.Fees = append(k.a.Fees, ch)
		k.trace("fee", -1, f.Name, ch.Rate, cv, ch.Amount, f.Source)
	}
	return nil
}

func (k *calc) taxes() error {
	reliefTax, relieved := k.met(AppliesTax, Relief)
	pos, atSale := k.met(AppliesTax, PointOfSale)
	// Taxable fees are shared over the lines by customs value.
	taxableFees := k.zero()
	for _, f := range k.a.Fees {
		for _, pf := range k.p.Fees {
			if pf.Code == f.Code && pf.Taxable {
				taxableFees = Money{amount: taxableFees.amount.Add(f.Amount.amount), currency: k.cur}
			}
		}
	}
	feeShares := make([]Money, len(k.a.Lines))
	for i := range feeShares {
		feeShares[i] = k.zero()
	}
	if !taxableFees.IsZero() {
		w := make([]decimal.Decimal, len(k.a.Lines))
		for i, l := range k.a.Lines {
			w[i] = l.CustomsValue.amount
		}
		shares, err := Allocate(taxableFees, w)
		if err != nil {
			return err
		}
		feeShares = shares
	}
	for i := range k.a.Lines {
		la := &k.a.Lines[i]
		if !la.Calculable {
			continue
		}
		prior := k.zero()
		for _, t := range k.p.Taxes {
			if !inForce(t.From, t.To, k.e.Date) {
				continue
			}
			if len(t.Regions) > 0 && !contains(t.Regions, k.e.Region) {
				continue
			}
			if contains(t.NotRegions, k.e.Region) {
				continue
			}
			base, parts := la.CustomsValue, []string{"customs value " + la.CustomsValue.String()}
			if t.OnDutyOnly {
				base, parts = la.Duty, []string{"duty " + la.Duty.String()}
			}
			for _, b := range t.Base {
				switch b {
				case BaseDuty:
					base = Money{amount: base.amount.Add(la.Duty.amount), currency: k.cur}
					parts = append(parts, "duty "+la.Duty.String())
				case BaseFreightInsurance:
					if k.p.Valuation == FOB {
						fi := la.Freight.amount.Add(la.Insurance.amount)
						base = Money{amount: base.amount.Add(fi), currency: k.cur}
						parts = append(parts, "freight and insurance "+Money{amount: fi, currency: k.cur}.String())
					}
				case BaseUplift:
					if !contains(t.UpliftNot, la.Origin) {
						up := la.CustomsValue.Mul(t.Uplift).Mul(decimal.New(1, -2)).Round()
						base = Money{amount: base.amount.Add(up.amount), currency: k.cur}
						parts = append(parts, fmt.Sprintf("uplift %s%% %s", t.Uplift, up))
					}
				case BaseFees:
					base = Money{amount: base.amount.Add(feeShares[i].amount), currency: k.cur}
					parts = append(parts, "fees "+feeShares[i].String())
				case BasePriorTaxes:
					base = Money{amount: base.amount.Add(prior.amount), currency: k.cur}
					parts = append(parts, "prior taxes "+prior.String())
				}
			}
			if t.BaseRounding != nil {
				base = t.BaseRounding.apply(base)
			}
			rate, rateName, src := t.Rate, t.Name, t.Source
			d := digitsOnly(la.HS)
			for _, rr := range t.Reduced {
				for _, pre := range rr.HS {
					if strings.HasPrefix(d, digitsOnly(pre)) {
						rate, rateName, src = rr.Rate, t.Name+" ("+rr.Name+")", rr.Source
					}
				}
			}
			amt := t.Rounding.apply(base.Mul(rate).Mul(decimal.New(1, -2)))
			ch := Charge{Kind: "tax", Code: t.Code, Name: rateName, Rate: rate.String() + "%", Base: base, Amount: amt,
				Source: src, Effective: t.From, Collection: AtBorder, Note: "base: " + strings.Join(parts, " + ")}
			// A tax collected at the sale stays due even where the border
			// would relieve it (SG: OVR vendors charge GST on goods the
			// border relief of SGD 400 covers).
			switch {
			case atSale && !t.OnDutyOnly:
				ch.Collection = AtSale
				ch.Note = fmt.Sprintf("collected at the point of sale by the seller or marketplace, not at the border: %s (%s); %s", pos.Code, pos.Reason, ch.Note)
			case relieved:
				ch.Amount, ch.Collection = k.zero(), NotDue
				ch.Note = fmt.Sprintf("not due: %s: %s", reliefTax.Code, reliefTax.Reason)
			}
			la.Taxes = append(la.Taxes, ch)
			la.Tax = Money{amount: la.Tax.amount.Add(ch.Amount.amount), currency: k.cur}
			prior = Money{amount: prior.amount.Add(ch.Amount.amount), currency: k.cur}
			k.trace("tax", i, t.Code+" ("+string(ch.Collection)+"): "+ch.Note, ch.Rate, base, ch.Amount, src)
		}
	}
	return nil
}

func (k *calc) totals() error {
	t := Totals{Duty: k.zero(), Tax: k.zero(), TaxAtBorder: k.zero(), TaxAtSale: k.zero(), Fees: k.zero()}
	add := func(a, b Money) Money { return Money{amount: a.amount.Add(b.amount), currency: k.cur} }
	for _, l := range k.a.Lines {
		t.Duty = add(t.Duty, l.Duty)
		for _, x := range l.Taxes {
			t.Tax = add(t.Tax, x.Amount)
			switch x.Collection {
			case AtBorder:
				t.TaxAtBorder = add(t.TaxAtBorder, x.Amount)
			case AtSale:
				t.TaxAtSale = add(t.TaxAtSale, x.Amount)
			}
		}
	}
	for _, f := range k.a.Fees {
		t.Fees = add(t.Fees, f.Amount)
	}
	t.Total = add(add(t.Duty, t.Tax), t.Fees)
	k.a.Totals = t
	k.trace("total", -1, "total = duty + tax + fees", "", Money{}, t.Total, "")
	return nil
}

// ErrNoSchedule is matched by *NoScheduleError.
var ErrNoSchedule = errors.New("duty: no tariff schedule")

// NoScheduleError reports a destination without a tariff schedule.
type NoScheduleError struct {
	Destination, Union string
}

func (e *NoScheduleError) Error() string {
	if e.Union != "" {
		return fmt.Sprintf("duty: no tariff schedule for %s or its customs union %s (load one with WithSchedule)", e.Destination, e.Union)
	}
	return fmt.Sprintf("duty: no tariff schedule for %s (load one with WithSchedule)", e.Destination)
}

// Is reports whether target is ErrNoSchedule.
func (e *NoScheduleError) Is(target error) bool { return target == ErrNoSchedule }

// ErrNoMeasure is matched by *NoMeasureError.
var ErrNoMeasure = errors.New("duty: no duty measure")

// NoMeasureError reports a code with no MFN or preferential measure in
// force for the origin on the date.
type NoMeasureError struct {
	HS, Origin string
	Date       Date
}

func (e *NoMeasureError) Error() string {
	return fmt.Sprintf("duty: no duty measure for HS %s of origin %s in force on %s", e.HS, e.Origin, e.Date)
}

// Is reports whether target is ErrNoMeasure.
func (e *NoMeasureError) Is(target error) bool { return target == ErrNoMeasure }
