package duty

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"
)

// Allocate splits total over weights in proportion, exactly to the
// currency's minor unit: the parts always sum to total. It uses the largest
// remainder method: every part is first rounded down, then the minor units
// left over go one each to the parts with the largest remainders (ties to
// the earlier part), so 10.00 over three equal weights is 3.34, 3.33, 3.33.
//
// Weights must be zero or positive with a positive sum; total must already
// be at the currency's minor unit (round it first).
func Allocate(total Money, weights []decimal.Decimal) ([]Money, error) {
	if len(weights) == 0 {
		return nil, fmt.Errorf("duty: allocate %s over no weights: %w", total, ErrDivisionByZero)
	}
	sum := decimal.Zero
	for i, w := range weights {
		if w.IsNegative() {
			return nil, fmt.Errorf("duty: allocation weight %d is negative (%s)", i, w)
		}
		sum = sum.Add(w)
	}
	if sum.IsZero() {
		return nil, fmt.Errorf("duty: allocate %s: weights sum to zero: %w", total, ErrDivisionByZero)
	}
	places := total.MinorUnits()
	if !total.amount.Equal(total.amount.Round(places)) {
		return nil, fmt.Errorf("duty: allocate %s: total is finer than the currency's minor unit; round it first", total)
	}
	neg := total.amount.IsNegative()
	parts := make([]decimal.Decimal, len(weights))
	if total.amount.IsZero() {
		out := make([]Money, len(weights))
		for i := range out {
			out[i] = Money{amount: decimal.Zero, currency: total.currency}
		}
		return out, nil
	}
	units := total.amount.Abs().Shift(places) // whole minor units to hand out
	// Each exact share is units × w / sum. QuoRem gives its whole part and
	// the exact remainder (over sum), so shares are compared exactly.
	rems := make([]decimal.Decimal, len(weights))
	given := decimal.Zero
	for i, w := range weights {
		q, r := units.Mul(w).QuoRem(sum, 0)
		parts[i], rems[i] = q, r
		given = given.Add(q)
	}
	left := units.Sub(given).IntPart()
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rems[order[a]].GreaterThan(rems[order[b]]) })
	for k := int64(0); k < left; k++ {
		i := order[int(k)%len(order)]
		parts[i] = parts[i].Add(decimal.New(1, 0))
	}
	out := make([]Money, len(weights))
	for i, p := range parts {
		a := p.Shift(-places)
		if neg {
			a = a.Neg()
		}
		out[i] = Money{amount: a, currency: total.currency}
	}
	return out, nil
}

// Sum adds amounts of one currency. An empty list is an error because it
// has no currency; mixed currencies are a *CurrencyMismatchError.
func Sum(ms ...Money) (Money, error) {
	if len(ms) == 0 {
		return Money{}, fmt.Errorf("duty: sum of no amounts has no currency")
	}
	acc := ms[0]
	for _, m := range ms[1:] {
		var err error
		if acc, err = acc.Add(m); err != nil {
			return Money{}, err
		}
	}
	return acc, nil
}
