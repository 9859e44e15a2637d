// Excise duties charged at import per unit of the goods: an amount per
// litre of pure alcohol by strength band (GB Alcohol Duty, AU
// excise-equivalent customs duty), kept in the destination's profile.

package duty

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// ExciseRule is a per-unit excise duty a destination charges at import on
// the goods of some HS headings: for each strength band, an amount per
// unit (Per: "lpa", a litre of pure alcohol). The line gives its strength
// (EntryLine.ABV) and its volume (a quantity in litres, millilitres...):
// its litres of pure alcohol are volume × ABV / 100. The charge is a duty
// of kind "excise" on the line: in the line's duty and in every tax base
// that includes duty (import VAT is charged on customs value + duties,
// excise included).
type ExciseRule struct {
	Code string `json:"code"` // stable, e.g. GB_ALCOHOL_DUTY
	Name string `json:"name"`
	// HS are the tariff prefixes (headings) of the goods charged.
	HS []string `json:"hs"`
	// Per is the unit the amounts are per: lpa (litre of pure alcohol,
	// by strength band) or a unit of mass (kg: tobacco, one band without
	// strength bounds, charged on the line's net mass).
	Per   Unit         `json:"per"`
	Bands []ExciseBand `json:"bands"`
	From  Date         `json:"from"`
	To    Date         `json:"to,omitempty"`
	// ReviewAfter: see Profile.ReviewAfter (AU indexes its excise rates
	// each February and August).
	ReviewAfter Date   `json:"review_after,omitempty"`
	Source      string `json:"source"`
	Note        string `json:"note,omitempty"`
}

// ExciseBand is a strength band of an ExciseRule: the line's ABV (percent)
// must be above Above (exclusive), at least AtLeast, below Below
// (exclusive) and at most AtMost, where given; Amount is due per unit of
// the rule. A line whose strength is in no band pays no excise (GB: 1.2%
// or less is not an alcoholic product).
type ExciseBand struct {
	Above   *decimal.Decimal `json:"above,omitempty"`
	AtLeast *decimal.Decimal `json:"at_least,omitempty"`
	Below   *decimal.Decimal `json:"below,omitempty"`
	AtMost  *decimal.Decimal `json:"at_most,omitempty"`
	Amount  Money            `json:"amount"`
}

func (b ExciseBand) holds(abv decimal.Decimal) bool {
	return (b.Above == nil || abv.GreaterThan(*b.Above)) &&
		(b.AtLeast == nil || abv.GreaterThanOrEqual(*b.AtLeast)) &&
		(b.Below == nil || abv.LessThan(*b.Below)) &&
		(b.AtMost == nil || abv.LessThanOrEqual(*b.AtMost))
}

// String describes the band: "8.5% <= ABV <= 22%".
func (b ExciseBand) String() string {
	s := ""
	switch {
	case b.Above != nil:
		s = b.Above.String() + "% < "
	case b.AtLeast != nil:
		s = b.AtLeast.String() + "% <= "
	}
	s += "ABV"
	switch {
	case b.Below != nil:
		s += " < " + b.Below.String() + "%"
	case b.AtMost != nil:
		s += " <= " + b.AtMost.String() + "%"
	}
	return s
}

func (p Profile) checkExcise() *ProfileError {
	bad := func(path, value, msg string) *ProfileError {
		return &ProfileError{Path: path, Country: clip(p.Country), Value: clip(value), Msg: msg}
	}
	for i, r := range p.Excise {
		at := fmt.Sprintf("excise[%d]", i)
		if r.Code == "" || r.Source == "" || len(r.HS) == 0 || len(r.Bands) == 0 {
			return bad(at, "", "code, hs, bands and source are required")
		}
		switch {
		case r.Per == LitrePure:
		case r.Per.Dimension() == Mass && r.Per.Valid():
			if len(r.Bands) != 1 || r.Bands[0].Above != nil || r.Bands[0].AtLeast != nil || r.Bands[0].Below != nil || r.Bands[0].AtMost != nil {
				return bad(at+".bands", "", "an excise per unit of mass has one band and no strength bounds")
			}
		default:
			return bad(at+".per", string(r.Per), "want lpa (litre of pure alcohol) or a unit of mass (kg)")
		}
		for _, h := range r.HS {
			if _, err := NormalizeHS(h); err != nil {
				return &ProfileError{Path: at + ".hs", Country: clip(p.Country), Value: clip(h), Err: err}
			}
		}
		if !r.To.IsZero() && r.To.Before(r.From) {
			return bad(at+".to", r.To.String(), fmt.Sprintf("is before from %s", r.From))
		}
		if err := checkReview(at+".", r.From, r.ReviewAfter); err != nil {
			err.Country = clip(p.Country)
			return err
		}
		for j, b := range r.Bands {
			bat := fmt.Sprintf("%s.bands[%d]", at, j)
			if b.Above != nil && b.AtLeast != nil {
				return bad(bat, "", "above and at_least are both set")
			}
			if b.Below != nil && b.AtMost != nil {
				return bad(bat, "", "below and at_most are both set")
			}
			for _, v := range []*decimal.Decimal{b.Above, b.AtLeast, b.Below, b.AtMost} {
				if v != nil && (v.IsNegative() || v.GreaterThan(hundred)) {
					return bad(bat, v.String(), "a strength is a percent from 0 to 100")
				}
			}
			if b.Amount.Currency() == "" || b.Amount.IsNegative() {
				return bad(bat+".amount", b.Amount.String(), "want a non-negative amount with its currency")
			}
			for k := range j {
				if overlap(r.Bands[k], b) {
					return bad(bat, b.String(), fmt.Sprintf("overlaps band %d (%s)", k, r.Bands[k]))
				}
			}
		}
	}
	return nil
}

// overlap reports whether some strength is in both bands: each band is
// an interval (open or closed at either end, unbounded where no bound is
// given), and two intervals overlap when each starts before the other
// ends (or at the same point, when both ends are closed there).
func overlap(a, b ExciseBand) bool {
	lo := func(x ExciseBand) (decimal.Decimal, bool) { // start, open
		switch {
		case x.Above != nil:
			return *x.Above, true
		case x.AtLeast != nil:
			return *x.AtLeast, false
		}
		return decimal.New(-1, 0), false
	}
	hi := func(x ExciseBand) (decimal.Decimal, bool) { // end, open
		switch {
		case x.Below != nil:
			return *x.Below, true
		case x.AtMost != nil:
			return *x.AtMost, false
		}
		return decimal.New(101, 0), false
	}
	before := func(start decimal.Decimal, startOpen bool, end decimal.Decimal, endOpen bool) bool {
		if start.LessThan(end) {
			return true
		}
		return start.Equal(end) && !startOpen && !endOpen
	}
	alo, alOpen := lo(a)
	ahi, ahOpen := hi(a)
	blo, blOpen := lo(b)
	bhi, bhOpen := hi(b)
	return before(alo, alOpen, bhi, bhOpen) && before(blo, blOpen, ahi, ahOpen)
}

// lineLPA returns the litres of pure alcohol of a line: its volume × ABV
// / 100, or a quantity in an alcohol unit it gives. ok is false when the
// line gives neither its strength nor such a quantity.
func lineLPA(l EntryLine) (lpa decimal.Decimal, how string, ok bool) {
	if l.ABV.IsPositive() {
		for _, q := range l.Quantities {
			if q.Unit.Dimension() != Volume {
				continue
			}
			litres, err := q.Convert(Litre)
			if err != nil {
				continue
			}
			return litres.Value.Mul(l.ABV).Div(hundred), fmt.Sprintf("%s l × %s%% ABV", litres.Value, l.ABV), true
		}
	}
	for _, q := range l.Quantities {
		if q.Unit.Dimension() != Alcohol {
			continue
		}
		pure, err := q.Convert(LitrePure)
		if err != nil {
			continue
		}
		return pure.Value, "given", true
	}
	return decimal.Zero, "", false
}

// withAlcohol returns the line's quantities with its litres of pure
// alcohol added when it gives a strength and a volume but no quantity in
// an alcohol unit, so that a measure per litre of pure alcohol (AU
// "$/L alc", the UK tariff's "l alc. 100%", US proof litres, EU
// "% vol/hl") applies to it. The line's own slice is never changed.
func withAlcohol(l EntryLine) []Quantity {
	for _, q := range l.Quantities {
		if q.Unit.Dimension() == Alcohol {
			return l.Quantities
		}
	}
	lpa, _, ok := lineLPA(l)
	if !ok {
		return l.Quantities
	}
	out := make([]Quantity, len(l.Quantities), len(l.Quantities)+1)
	copy(out, l.Quantities)
	return append(out, Quantity{Value: lpa, Unit: LitrePure})
}

// exciseQuantity is the quantity of line i rule r is charged on, how it
// was found and the band that applies; ok is false when the line does not
// give what the rule needs (warned NOT_MODELLED) or its strength is in no
// band (no excise, traced).
func (k *calc) exciseQuantity(i int, l EntryLine, r ExciseRule) (decimal.Decimal, string, ExciseBand, bool) {
	if r.Per != LitrePure {
		for _, q := range l.Quantities {
			if q.Unit.Dimension() != Mass {
				continue
			}
			if c, err := q.Convert(r.Per); err == nil {
				return c.Value, "net mass " + q.String(), r.Bands[0], true
			}
		}
		k.warn(NotModelled, i, r.Code, "", fmt.Sprintf("%s is not computed: the line gives no mass (net weight) (%s)", r.Name, r.Source))
		return decimal.Zero, "", ExciseBand{}, false
	}
	if !l.ABV.IsPositive() {
		k.warn(NotModelled, i, r.Code, "", fmt.Sprintf("%s is not computed: the line gives no strength (abv) with its volume; give both to have it charged (%s)", r.Name, r.Source))
		return decimal.Zero, "", ExciseBand{}, false
	}
	lpa, how, ok := lineLPA(l)
	if !ok {
		k.warn(NotModelled, i, r.Code, "", fmt.Sprintf("%s is not computed: the line gives its strength but no volume (a quantity in l, ml or hl) (%s)", r.Name, r.Source))
		return decimal.Zero, "", ExciseBand{}, false
	}
	bi := slices.IndexFunc(r.Bands, func(b ExciseBand) bool { return b.holds(l.ABV) })
	if bi < 0 {
		k.trace("duty", i, fmt.Sprintf("%s: no band for %s%% ABV: no excise", r.Code, l.ABV), "", Money{}, k.zero(), r.Source)
		return decimal.Zero, "", ExciseBand{}, false
	}
	return lpa, how, r.Bands[bi], true
}

// excise charges the per-unit excise duties of the profile in force on
// the lines of their headings (after the customs duty, so that a flat
// rate in lieu of customs duty never replaces them).
func (k *calc) excise() error {
	rules := k.p.Excise
	for ri, r := range rules {
		if !inForce(r.From, r.To, k.e.Date) || k.superseded(ri, len(rules), func(a, b int) bool {
			return rules[a].Code == rules[b].Code
		}, func(j int) Date { return rules[j].From }) {
			continue
		}
		for i, l := range k.e.Lines {
			la := &k.a.Lines[i]
			if !la.Calculable || !slices.ContainsFunc(r.HS, func(p string) bool { return HSHasPrefix(l.HS, p) }) {
				continue
			}
			if stale(r.ReviewAfter, k.e.Date) {
				k.warn(StaleData, -1, "excise "+r.Code, "", fmt.Sprintf("%s: the rates in force from %s were last confirmed for %s; no later figure is in the data, so they still apply", r.Name, r.From, r.ReviewAfter))
			}
			qty, how, b, ok := k.exciseQuantity(i, l, r)
			if !ok {
				continue
			}
			per, err := k.convertFor(b.Amount, "excise ", r.Code)
			if err != nil {
				return err
			}
			exact := per.Mul(qty)
			amt := exact.Round()
			note := fmt.Sprintf("%s %s (%s)", qty, r.Per, how)
			if r.Per == LitrePure {
				note += ", band " + b.String()
			}
			if r.Note != "" {
				note += "; " + r.Note
			}
			ch := Charge{Kind: "excise", Code: r.Code, Name: r.Name, Rate: b.Amount.String() + "/" + string(r.Per),
				Base: la.CustomsValue, Amount: amt, Source: r.Source, Effective: r.From, Collection: AtBorder, Note: note, exact: exact}
			la.Duties = append(la.Duties, ch)
			la.Duty = k.money(la.Duty.amount.Add(amt.amount))
			k.trace("duty", i, r.Name+": "+note, ch.Rate, la.CustomsValue, amt, r.Source)
		}
	}
	return nil
}
