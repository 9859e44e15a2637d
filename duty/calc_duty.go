// Duties: measures chosen and applied per line, de minimis relief and the
// flat duty per subheading.

package duty

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

func (k *calc) lineFailed(i int, err error) error {
	le := &LineError{Line: i, HS: k.e.Lines[i].HS, Err: err}
	if !k.cfg.partial {
		return le
	}
	k.a.Lines[i].Calculable = false
	k.a.Lines[i].Reason = err.Error()
	k.a.Incomplete = true
	k.trace("duty", i, "line not calculable: "+err.Error(), "", Money{}, Money{}, "")
	return nil
}

// hs6 returns the first six digits of a code. The code was checked when
// the line was valued; an error here is returned, never ignored.
func hs6(hs string) (string, error) {
	d, err := NormalizeHS(hs)
	if err != nil {
		return "", err
	}
	if len(d) > 6 {
		return d[:6], nil
	}
	return d, nil
}

func (k *calc) duties() error {
	sched, area, ok := k.c.Schedule(*k.p)
	seen := map[string]bool{} // subheadings charged the flat duty
	for i := range k.e.Lines {
		if err := k.cancelled(); err != nil {
			return err
		}
		l := &k.e.Lines[i] // an EntryLine is a large struct: not copied
		la := &k.a.Lines[i]
		if o, met := k.metFor(i, AppliesDuty, Relief); met {
			la.Duties = append(la.Duties, Charge{Kind: "duty", Code: "RELIEF", Name: "Duty relief (de minimis)",
				Rate: "relief", Base: la.CustomsValue, Amount: k.zero(), exact: k.zero(), Source: o.Source, Collection: NotDue,
				Note: fmt.Sprintf("%s: %s", o.Code, o.Reason)})
			k.trace("duty", i, "no duty: "+o.Code+": "+o.Reason, "", la.CustomsValue, k.zero(), o.Source)
			continue
		}
		if ch, met, err := k.flatRateDuty(i); err != nil {
			return err
		} else if met {
			la.Duties, la.Duty = []Charge{ch}, ch.Amount
			k.trace("duty", i, ch.Name+": "+ch.Note, ch.Rate, la.CustomsValue, ch.Amount, ch.Source)
			continue
		}
		if o, met := k.metFor(i, AppliesDuty, FlatPerSubheading); met {
			if err := k.flatDuty(i, o, seen); err != nil {
				return err
			}
			continue
		}
		ms := l.Measures
		if len(ms) == 0 {
			if !ok {
				if err := k.lineFailed(i, &NoScheduleError{Destination: k.e.Destination, Union: k.p.Union}); err != nil {
					return err
				}
				continue
			}
			var err error
			ms, err = k.lookupOnce(i, sched, l)
			if err != nil {
				if err := k.lineFailed(i, fmt.Errorf("%s tariff: %w", area, err)); err != nil {
					return err
				}
				continue
			}
			if cv, ok := sched.(Caveated); ok {
				for _, w := range cv.Caveats(l.HS, l.Origin, k.e.Date) {
					k.warn(w.Code, i, w.Subject, w.Edition, w.Message)
				}
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
			sum = k.money(addDec(sum.amount, ch.Amount.amount))
		}
		la.Duty = sum
	}
	return k.flatIfLower()
}

// flatDuty charges line i the flat duty of a FlatPerSubheading threshold
// once per distinct 6-digit subheading (seen holds those already charged).
func (k *calc) flatDuty(i int, o DeMinimisOutcome, seen map[string]bool) error {
	var th Threshold
	for _, t := range k.p.DeMinimis {
		if t.Code == o.Code {
			th = t
		}
	}
	flat, err := k.convertFor(*th.FlatAmount, "flat duty ", th.Code)
	if err != nil {
		return err
	}
	flat = flat.Round()
	la := &k.a.Lines[i]
	sub, err := hs6(la.HS)
	if err != nil {
		return &LineError{Line: i, HS: la.HS, Err: err}
	}
	amount, note := flat, fmt.Sprintf("%s per distinct subheading; first line of %s", th.FlatAmount, sub)
	if seen[sub] {
		amount, note = k.zero(), fmt.Sprintf("subheading %s already charged on an earlier line", sub)
	}
	seen[sub] = true
	la.Duties = []Charge{{Kind: "duty", Code: "FLAT", Name: "Flat duty on low-value consignment", Rate: th.FlatAmount.String() + " per subheading",
		Base: la.CustomsValue, Amount: amount, Source: th.Source, Effective: th.From, Collection: AtBorder, Note: note, exact: amount}}
	la.Duty = amount
	k.trace("duty", i, th.Code+": "+note, th.FlatAmount.String()+" per subheading", la.CustomsValue, amount, th.Source)
	return nil
}

// applyMeasures chooses the measures of one line with Choose (MFN, or the
// lowest claimed preference, plus additional layers) and applies them.
func (k *calc) applyMeasures(i int, l *EntryLine, all []Measure) ([]Charge, error) {
	la := &k.a.Lines[i]
	basis, choice, err := k.choose(i, l, all)
	if err != nil {
		return nil, err
	}
	for _, st := range choice.Steps {
		if !st.Used {
			k.trace("duty", i, "set aside "+st.Measure.Kind.String()+" "+progOr(st.Measure.Program, st.Measure.HS)+": "+st.Reason,
				st.Measure.Rate.String(), Money{}, Money{}, st.Measure.Source)
		}
	}
	out := la.Duties[:0] // the line's own slot (see value)
	b := choice.Base
	x, err := k.applyExact(b, basis)
	if err != nil {
		return nil, err
	}
	ch := Charge{Kind: "duty", Code: "MFN", Program: b.Program, Name: "Customs duty (MFN)", Rate: b.Rate.String(), Base: la.CustomsValue,
		Amount: x.roundWith(k.p.DutyRounding, k.zeroM, k.minor), Source: b.Source, Effective: b.From, Collection: AtBorder}
	ch.exact = k.exact(x, ch.Amount)
	what := "MFN duty"
	if choice.Preference {
		ch.Code, ch.Name = "PREF", "Customs duty (preference "+b.Program+")"
		ch.Note = "preferential rate claimed: proof of origin is required"
		what = "preferential duty " + b.Program + " (proof of origin required)"
	}
	out = append(out, ch)
	k.trace("duty", i, what, ch.Rate, la.CustomsValue, ch.Amount, b.Source)
	k.measureWarning(i, b, ch.Code)
	for _, m := range choice.Layers {
		x, err := k.applyExact(m, basis)
		if err != nil {
			return nil, fmt.Errorf("additional duty %s: %w", m.Program, err)
		}
		r := x.roundWith(k.p.DutyRounding, k.zeroM, k.minor)
		out = append(out, Charge{Kind: "duty", Code: "ADD", Program: m.Program, Name: "Additional duty " + m.Program, Rate: m.Rate.String(), Base: la.CustomsValue,
			Amount: r, Source: m.Source, Effective: m.From, Collection: AtBorder, exact: k.exact(x, r)})
		k.trace("duty", i, "additional duty "+m.Program, out[len(out)-1].Rate, la.CustomsValue, r, m.Source)
		k.measureWarning(i, m, "ADD "+m.Program)
	}
	return out, nil
}

// exchange converts a specific amount stated in another currency (a GB
// rate in EUR) at the entry's rates, reporting the rate used.
func (k *calc) exchange(m Money, to string) (Money, error) {
	if to != k.cur {
		out, _, err := Convert(m, to, k.rates, k.e.Date)
		return out, err
	}
	return k.convertFor(m, "rate amount in ", m.Currency())
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
		return k.convertFor(amt, "duty ", m.Rate.String())
	}
	return amt, nil
}

// applyExact is apply giving the unrounded duty as a lazyDec: a plain ad
// valorem rate (see Rate.plainAdValorem) on a value in the destination's
// currency is computed as Rate.Apply does, without building the unrounded
// decimal unless the profile keeps it (keepExact). Anything else is apply.
func (k *calc) applyExact(m Measure, b Basis) (lazyDec, error) {
	if m.Base != MetalContentValue && b.Value.Currency() == k.cur && len(b.Parts) == 0 && !b.Value.IsNegative() {
		if pct, ok := m.Rate.plainAdValorem(); ok {
			quantitiesOK := true
			for _, q := range b.Quantities {
				if q.Value.IsNegative() {
					quantitiesOK = false // Apply's error
				}
			}
			if x := lazyMul(b.Value.amount, pct, -2); quantitiesOK && x.exp() <= 0 {
				return x, nil
			}
		}
	}
	amt, err := k.apply(m, b)
	if err != nil {
		return lazyDec{}, err
	}
	return lazyDec{d: amt.amount}, nil
}

// exact is the unrounded figure a charge keeps (Charge.exact) when the
// profile rounds a total from unrounded lines (keepExact), and its amount
// otherwise, where nothing reads it.
func (k *calc) exact(x lazyDec, amount Money) Money {
	if k.keepExact {
		return k.money(x.dec())
	}
	return amount
}

// lineBasis is what the rates of line i are applied to.
func (k *calc) lineBasis(i int, l *EntryLine) (Basis, error) {
	basis := Basis{Value: k.a.Lines[i].CustomsValue, Quantities: l.Quantities, Exchange: k.exchangeFn}
	if l.ABV.IsPositive() {
		basis.Quantities = withAlcohol(*l)
	}
	if len(l.Parts) > 0 {
		basis.Parts = make(map[string]Basis, len(l.Parts))
		for _, p := range l.Parts {
			v, err := k.convertFor(p.Value, "part ", p.Name)
			if err != nil {
				return Basis{}, err
			}
			basis.Parts[p.Name] = Basis{Value: v, Quantities: p.Quantities, Exchange: k.exchangeFn}
		}
	}
	if k.p.DutyBaseRounding != nil {
		basis.Value = k.p.DutyBaseRounding.apply(basis.Value)
	}
	return basis, nil
}

// choose picks the measures of line i among all (those in force).
func (k *calc) choose(i int, l *EntryLine, all []Measure) (Basis, Choice, error) {
	basis, err := k.lineBasis(i, l)
	if err != nil {
		return Basis{}, Choice{}, err
	}
	// Choose only reads the measures: when all are in force (a Table
	// returns only those) they are passed as they are, not copied.
	ms := all
	for i := range all {
		if !all[i].InForce(k.e.Date) {
			ms = make([]Measure, 0, len(all))
			for j := range all {
				if all[j].InForce(k.e.Date) {
					ms = append(ms, all[j])
				}
			}
			break
		}
	}
	opts := ChoiceOptions{}
	if l.ClaimPreference != nil && !*l.ClaimPreference {
		opts.Claim = ClaimNone
	}
	// Without a preference to compare, Choose does not read the basis:
	// lines with the same measures, origin and claim get the same choice,
	// made once (Choose's result is only read).
	var key choiceKey
	if len(all) > 0 {
		key = choiceKey{first: &all[0], n: len(all), origin: l.Origin, claim: opts.Claim}
		for j := range k.choices {
			if k.choices[j].key == key {
				return basis, k.choices[j].choice, nil
			}
		}
	}
	choice, err := Choose(ms, l.Origin, basis, opts)
	if err == nil && len(all) > 0 && len(k.choices) < memoEntries && !hasPreferential(ms) {
		k.choices = append(k.choices, chosen{key, choice})
	}
	return basis, choice, err
}

// hasPreferential reports whether ms holds a preferential measure (read in
// place: a Measure is a large struct).
func hasPreferential(ms []Measure) bool {
	for i := range ms {
		if ms[i].Kind == Preferential {
			return true
		}
	}
	return false
}

// memoEntries bounds each list of work kept for later lines (lookups,
// choices, categories): a line looks through at most this many, so the
// cost of a quote stays linear in its lines whatever their codes.
const memoEntries = 16

// choiceKey identifies a choice among the measures all[:n] of a lookup
// for an origin and a claim.
type choiceKey struct {
	first  *Measure
	n      int
	origin string
	claim  PreferenceClaim
}

type chosen struct {
	key    choiceKey
	choice Choice
}

// looked is a lookup of the measures of an HS code and origin.
type looked struct {
	hs, origin string
	ms         []Measure
}

// lookupOnce is lookup, made once for the lines of one HS code and
// origin: the measures depend on nothing else when the lookup resolved
// the code without a warning or a trace step (see lookup), and are only
// read.
func (k *calc) lookupOnce(i int, sched Schedule, l *EntryLine) ([]Measure, error) {
	for j := range k.looked {
		if k.looked[j].hs == l.HS && k.looked[j].origin == l.Origin {
			return k.looked[j].ms, nil
		}
	}
	nw, nt := len(k.a.Warnings), len(k.a.Trace)
	ms, err := k.lookup(i, sched, l)
	if err == nil && len(ms) > 0 && len(k.looked) < memoEntries && len(k.a.Warnings) == nw && len(k.a.Trace) == nt {
		k.looked = append(k.looked, looked{l.HS, l.Origin, ms})
	}
	return ms, err
}

// dutyOf is the unrounded duty line i would pay under the measures all,
// without trace or warnings: the figure the HSHighest and HSLowest
// strategies compare.
func (k *calc) dutyOf(i int, l *EntryLine, all []Measure) (Money, error) {
	basis, choice, err := k.choose(i, l, all)
	if err != nil {
		return Money{}, err
	}
	sum, err := k.apply(choice.Base, basis)
	if err != nil {
		return Money{}, err
	}
	for _, m := range choice.Layers {
		amt, err := k.apply(m, basis)
		if err != nil {
			return Money{}, err
		}
		sum = k.money(addDec(sum.amount, amt.amount))
	}
	return sum, nil
}

// lookup returns the measures of line i from the schedule, resolving a
// code shorter than the schedule's lines (see LineLister).
func (k *calc) lookup(i int, sched Schedule, l *EntryLine) ([]Measure, error) {
	ll, ok := sched.(LineLister)
	if !ok {
		return sched.Measures(l.HS, l.Origin, k.e.Date)
	}
	lines, err := ll.LinesUnder(l.HS)
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 {
		return sched.Measures(l.HS, l.Origin, k.e.Date)
	}
	type cand struct {
		line string
		ms   []Measure
	}
	cands := make([]cand, 0, len(lines))
	var firstErr error
	for _, c := range lines {
		ms, err := sched.Measures(c, l.Origin, k.e.Date)
		if err != nil {
			if errors.Is(err, ErrNotInForce) {
				continue // a line not in force on the date is no candidate
			}
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		cands = append(cands, cand{c, ms})
	}
	if firstErr != nil {
		return nil, firstErr
	}
	if len(cands) == 0 {
		return nil, &NoMeasureInForceError{HS: l.HS, Date: k.e.Date}
	}
	same := true
	for _, c := range cands[1:] {
		if !sameMeasures(c.ms, cands[0].ms) {
			same = false
			break
		}
	}
	names := func() string {
		var b strings.Builder
		for j, c := range cands {
			if j == 20 {
				fmt.Fprintf(&b, " and %d more", len(cands)-j)
				break
			}
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(c.line)
		}
		return b.String()
	}
	if same {
		// One line below the code is no assumption: the code is that
		// line. Several with the same measures are, and are flagged.
		if len(cands) > 1 {
			k.warn(HSResolved, i, "HS "+l.HS, "", fmt.Sprintf("%s resolved: its %d tariff lines (%s) have the same measures", l.HS, len(cands), names()))
		}
		return cands[0].ms, nil
	}
	strategy := k.cfg.hs
	if strategy == "" {
		strategy = HSHighest // the default: never under-quote, and say so
	}
	if strategy == HSStrict {
		amb := &AmbiguousCodeError{HS: l.HS}
		for j, c := range cands {
			if j == 20 {
				amb.More = len(cands) - j
				break
			}
			amb.Lines = append(amb.Lines, c.line)
		}
		return nil, amb
	}
	lo, hi := -1, -1
	amts := make([]Money, len(cands))
	for j, c := range cands {
		a, err := k.dutyOf(i, l, c.ms)
		if err != nil {
			return nil, fmt.Errorf("resolving %s by the %s duty: line %s: %w", l.HS, strategy, c.line, err)
		}
		amts[j] = a
		if lo < 0 || a.amount.LessThan(amts[lo].amount) {
			lo = j
		}
		if hi < 0 || a.amount.GreaterThan(amts[hi].amount) {
			hi = j
		}
	}
	pick := hi
	if strategy == HSLowest {
		pick = lo
	}
	k.warn(HSResolved, i, "HS "+l.HS, "", fmt.Sprintf("%s covers %d tariff lines with different duties, from %s (%s) to %s (%s); the %s applies: %s",
		l.HS, len(cands), amts[lo].Round(), cands[lo].line, amts[hi].Round(), cands[hi].line, strategy, cands[pick].line))
	k.trace("duty", i, fmt.Sprintf("%s resolved to %s (%s duty of lines %s)", l.HS, cands[pick].line, strategy, names()), "", Money{}, Money{}, "")
	return cands[pick].ms, nil
}

// sameMeasures reports whether two lookups give the same measures: kind,
// rate, program, origins, dates, base and stacking (not the line they are
// set on, nor their source text).
func sameMeasures(a, b []Measure) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := &a[i], &b[i]
		if x.Kind != y.Kind || x.Program != y.Program || x.Base != y.Base || !x.From.Equal(y.From) || !x.To.Equal(y.To) ||
			x.Rate.String() != y.Rate.String() || !slices.Equal(x.Origins, y.Origins) || !slices.Equal(x.Excludes, y.Excludes) ||
			x.Caveat != y.Caveat {
			return false
		}
	}
	return true
}
