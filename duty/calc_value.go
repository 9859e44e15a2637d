// Valuation: line values into the destination currency, freight and
// insurance allocated over the lines, customs value per line.

package duty

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// value converts line values, freight and insurance into the destination's
// currency, allocates freight and insurance over the lines and sets each
// line's customs value.
func (k *calc) value() error {
	lines := make([]LineAssessment, len(k.e.Lines))
	var weightArr [16]decimal.Decimal // the weights of a usual cart, on the stack
	weights := weightArr[:0]
	if len(k.e.Lines) > len(weightArr) {
		weights = make([]decimal.Decimal, 0, len(k.e.Lines))
	}
	weights = weights[:len(k.e.Lines)]
	goods := sumFrom(k.zero().amount)
	// Every line's taxes (one slot per tax of the profile) and first duty
	// share one array: a line appends within its own slots (the slices
	// are capped), and a line with more charges than slots grows its own
	// slice as any append does.
	nt, n := len(k.p.Taxes), len(k.e.Lines)
	charges := make([]Charge, (nt+1)*n)
	taxes, duties := charges[:nt*n:nt*n], charges[nt*n:]
	for i := range k.e.Lines {
		if err := k.cancelled(); err != nil {
			return err
		}
		l := &k.e.Lines[i]
		var hs [10]byte
		if _, err := normalizeHS(l.HS, &hs, 2); err != nil { // NormalizeHS's check, without its string
			return &LineError{Line: i, HS: l.HS, Err: err}
		}
		if l.Value.Currency() == "" {
			return &LineError{Line: i, HS: l.HS, Err: errors.New("value is required")}
		}
		if l.Value.IsNegative() {
			return &LineError{Line: i, HS: l.HS, Err: fmt.Errorf("value %s is negative", l.Value)}
		}
		if l.ABV.IsNegative() || l.ABV.GreaterThan(hundred) {
			return &LineError{Line: i, HS: l.HS, Err: fmt.Errorf("abv %s is not a strength in percent (0 to 100)", clip(l.ABV.String()))}
		}
		v, err := k.convert(l.Value, "value")
		if err != nil {
			return &LineError{Line: i, HS: l.HS, Err: err}
		}
		v = v.RoundTo(k.minor, HalfUp) // v.Round(): v is in the destination's currency
		lines[i] = LineAssessment{Index: i, HS: l.HS, Origin: l.Origin, Value: v, Calculable: true,
			Duties: duties[i : i : i+1], Taxes: taxes[i*nt : i*nt : (i+1)*nt], Duty: k.zero(), Tax: k.zero()}
		weights[i] = v.amount
		goods.add(v.amount)
	}
	if goods.zero() { // nothing to weigh by: share equally
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
	fs, err := k.shares(freight, weights)
	if err != nil {
		return err
	}
	is, err := k.shares(insurance, weights)
	if err != nil {
		return err
	}
	cv := sumFrom(k.zero().amount)
	for i := range lines {
		lines[i].Freight, lines[i].Insurance = fs.at(i), is.at(i)
		lines[i].CustomsValue = lines[i].Value
		if k.p.Valuation == CIF {
			lines[i].CustomsValue = k.money(addDec(addDec(lines[i].Value.amount, lines[i].Freight.amount), lines[i].Insurance.amount))
		}
		cv.add(lines[i].CustomsValue.amount)
		what := "customs value (FOB): the line's value"
		if k.p.Valuation == CIF {
			what = "customs value (CIF): the line's value + its share of freight and insurance"
		}
		k.trace("valuation", i, what, "", lines[i].Value, lines[i].CustomsValue, "")
	}
	if k.p.Valuation == FOB {
		k.trace("valuation", -1, "FOB valuation: international freight and insurance are not part of the customs value", "", Money{}, Money{}, strings.Join(k.p.Sources, "; "))
	}
	k.a.Lines, k.a.Goods, k.a.Freight, k.a.Insurance, k.a.CustomsValue = lines, k.money(goods.value()), freight, insurance, k.money(cv.value())
	return nil
}

// lineShares are the lines' shares of an amount: Allocate's, or for a
// zero amount the zero Allocate gives every line, without a slice.
type lineShares struct {
	all  []Money
	zero Money
}

func (s lineShares) at(i int) Money {
	if s.all == nil {
		return s.zero
	}
	return s.all[i]
}

// shares allocates total over the lines' weights. The weights are the
// lines' values (not negative) or all one, so that Allocate could only
// fail on total; a zero total (no insurance, free freight) gives every line
// total.with(decimal.Zero), as Allocate does, without building the list.
func (k *calc) shares(total Money, weights []decimal.Decimal) (lineShares, error) {
	if total.IsZero() && len(weights) > 0 {
		return lineShares{zero: total.with(decimal.Zero)}, nil
	}
	all, err := Allocate(total, weights)
	return lineShares{all: all}, err
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
