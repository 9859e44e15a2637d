package duty

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"
)

// RoundParts rounds amounts that are shown together so that the shown
// parts add up exactly to the shown total: the total is the exact sum
// rounded half up to the currency's minor unit; each part is first rounded
// down (toward minus infinity), then the minor units still missing go one
// each to the parts with the largest remainders (ties to the earlier
// part), as Allocate does. A part that is already at the minor unit is
// never changed, and no part moves by a whole minor unit or more.
//
// The parts must share one currency; negative parts (a rounding
// adjustment, a discount) are allowed.
func RoundParts(parts []Money) ([]Money, Money, error) {
	if len(parts) == 0 {
		return nil, Money{}, fmt.Errorf("duty: round no parts: %w", ErrDivisionByZero)
	}
	cur := parts[0].currency
	if _, err := LookupCurrency(cur); err != nil {
		return nil, Money{}, err
	}
	places := minorUnits(cur)
	sum := decimal.Zero
	for _, p := range parts {
		if err := parts[0].same(p); err != nil {
			return nil, Money{}, err
		}
		sum = sum.Add(p.amount)
	}
	total := sum.Round(places)
	unit := decimal.New(1, -places)
	out := make([]Money, len(parts))
	floors := decimal.Zero
	type rem struct {
		i int
		r decimal.Decimal
	}
	rems := make([]rem, 0, len(parts))
	for i, p := range parts {
		f := p.amount.RoundFloor(places)
		out[i] = parts[0].with(f)
		floors = floors.Add(f)
		if r := p.amount.Sub(f); r.IsPositive() {
			rems = append(rems, rem{i, r})
		}
	}
	missing := total.Sub(floors).Div(unit).IntPart() // 0 ≤ missing ≤ len(rems)
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].r.GreaterThan(rems[b].r) })
	for k := 0; k < int(missing) && k < len(rems); k++ {
		i := rems[k].i
		out[i].amount = out[i].amount.Add(unit)
	}
	return out, parts[0].with(total), nil
}
