package duty

import (
	"cmp"
	"fmt"
	"math/bits"
	"slices"
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
	sum := sumFrom(decimal.Zero) // in 64 bits while it fits
	for i, w := range weights {
		if w.IsNegative() {
			return nil, fmt.Errorf("duty: allocation weight %d is negative (%s)", i, w)
		}
		sum.add(w)
	}
	if sum.zero() {
		return nil, fmt.Errorf("duty: allocate %s: weights sum to zero: %w", total, ErrDivisionByZero)
	}
	places := total.MinorUnits()
	if total.amount.Exponent() < -places && !total.amount.Equal(roundHalfUp(total.amount, places)) {
		return nil, fmt.Errorf("duty: allocate %s: total is finer than the currency's minor unit; round it first", total)
	}
	neg := total.amount.IsNegative()
	if total.amount.IsZero() {
		out := make([]Money, len(weights))
		for i := range out {
			out[i] = total.with(decimal.Zero)
		}
		return out, nil
	}
	units := total.amount.Abs().Shift(places) // whole minor units to hand out
	if out, ok := allocateSmall(units, weights, places, neg, total); ok {
		return out, nil
	}
	return allocateBig(units, weights, sum.value(), places, neg, total), nil
}

// allocateBig is Allocate in decimals, for any size of figures.
func allocateBig(units decimal.Decimal, weights []decimal.Decimal, sum decimal.Decimal, places int32, neg bool, total Money) []Money {
	parts := make([]decimal.Decimal, len(weights))
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
		out[i] = total.with(a)
	}
	return out
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

// maxScale bounds the decimal places of weights on the integer path.
const maxScale = 12

// allocateSmall is Allocate in 64-bit integers, without allocating per
// share, for the common case: weights with at most maxScale decimals whose
// scaled sum and the number of minor units fit in a uint64. Each share
// units × w ÷ sum is computed exactly with a 128-bit product; ok is false
// when the figures do not fit, and Allocate then uses decimals.
func allocateSmall(units decimal.Decimal, weights []decimal.Decimal, places int32, neg bool, total Money) ([]Money, bool) {
	// Everything is read through fixes (at most 18 digits), so that the
	// checks build no decimal: a figure beyond that takes allocateBig,
	// which gives the same shares.
	uf, ok := fixOf(units)
	if !ok {
		return nil, false
	}
	uc, ok := uf.round(0, Down) // the whole units; units is a whole number when this is exact
	if !ok || uc.cmp(uf) != 0 || uc.c < 0 {
		return nil, false
	}
	scale := int32(0)
	for _, w := range weights {
		if e := -w.Exponent(); e > scale {
			scale = e
		}
	}
	if scale > maxScale {
		return nil, false
	}
	u := uint64(uc.c)
	// The scaled weights, the parts and the remainders, in one array.
	n := len(weights)
	// On the stack for a cart's usual size.
	var scratch [3 * 16]uint64
	var orderScratch [16]int
	all, order := scratch[:], orderScratch[:]
	if n > 16 {
		all, order = make([]uint64, 3*n), make([]int, n)
	}
	all, order = all[:3*n], order[:n]
	ws, parts, rems := all[:n:n], all[n:2*n:2*n], all[2*n:]
	var sum uint64
	for i, w := range weights {
		// w × 10^scale is a whole number (scale ≥ w's places); within 18
		// digits it is w's coefficient scaled up.
		wf, ok := fixOf(w)
		if !ok {
			return nil, false
		}
		c, ok := scaleUp(wf.c, int64(wf.e)+int64(scale))
		if !ok || c < 0 {
			return nil, false
		}
		ws[i] = uint64(c)
		var carry uint64
		if sum, carry = bits.Add64(sum, ws[i], 0); carry != 0 {
			return nil, false
		}
	}
	var given uint64
	for i, w := range ws {
		hi, lo := bits.Mul64(u, w)
		// w ≤ sum, so u × w < 2^64 × sum and the quotient fits.
		parts[i], rems[i] = bits.Div64(hi, lo, sum)
		given += parts[i]
	}
	// Hand out what is left, one unit each, largest remainder first, ties
	// to the earlier share (a stable insertion sort: carts are short).
	for i := range order {
		order[i] = i
		if len(ws) > 32 {
			continue // sorted below: an insertion sort is quadratic
		}
		for j := i; j > 0 && rems[order[j]] > rems[order[j-1]]; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	if len(ws) > 32 {
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rems[b], rems[a]) })
	}
	for k := uint64(0); k < u-given; k++ {
		parts[order[int(k)%len(order)]]++
	}
	out := make([]Money, len(weights))
	for i, p := range parts {
		a := decimal.New(int64(p), -places)
		if neg {
			a = a.Neg()
		}
		out[i] = total.with(a)
	}
	return out, true
}
