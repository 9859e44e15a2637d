package duty

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// addDec returns a.Add(b) with the same value and exponent, without the
// big.Int work when one side is a zero whose exponent is not below the
// other's (the sum is then the other value exactly, exponent included:
// decimal.Add gives the smaller exponent). Decimals are immutable, so the
// result may share the other value's coefficient.
func addDec(a, b decimal.Decimal) decimal.Decimal {
	switch {
	case b.IsZero() && b.Exponent() >= a.Exponent():
		return a
	case a.IsZero() && a.Exponent() >= b.Exponent():
		return b
	}
	if x, ok := fixOf(a); ok {
		if y, ok := fixOf(b); ok {
			if z, ok := x.add(y); ok && z.c != 0 {
				return z.dec()
			}
		}
	}
	return a.Add(b)
}

// pow10i64 holds 10^0 … 10^18.
var pow10i64 = func() (p [19]int64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// roundHalfUp returns d.Round(places) (half away from zero, exponent
// -places). A coefficient of at most 18 digits that stays within 18 digits
// is rounded in int64; anything else takes decimal's big.Int path.
func roundHalfUp(d decimal.Decimal, places int32) decimal.Decimal {
	e, t := int64(d.Exponent()), -int64(places)
	if e == t {
		return d
	}
	n := int64(d.NumDigits())
	switch {
	case e > t && n+(e-t) <= 18:
		return decimal.New(d.CoefficientInt64()*pow10i64[e-t], int32(t))
	case e < t && t-e <= 18 && n <= 18:
		p := pow10i64[t-e]
		c := d.CoefficientInt64()
		q, r := c/p, c%p
		switch {
		case r >= p/2:
			q++
		case r <= -p/2:
			q--
		}
		return decimal.New(q, int32(t))
	}
	return d.Round(places)
}

// maxFix bounds the coefficient of a fix: 18 digits, so that the sum of
// two fixes never overflows an int64 before it is checked.
const maxFix = 999_999_999_999_999_999

// fix is the exact decimal c × 10^e in 64 bits, for everyday amounts and
// rates: a coefficient of at most 18 digits. Its operations give
// shopspring/decimal's value and exponent (so the figure prints the same)
// or report that they do not fit, and callers then use decimal. A fix
// never allocates; only its conversion back to a decimal does, once.
type fix struct {
	c int64
	e int32
}

// fixOf returns d as a fix when its coefficient has at most 18 digits.
func fixOf(d decimal.Decimal) (fix, bool) {
	if d.NumDigits() > 18 {
		return fix{}, false
	}
	return fix{d.CoefficientInt64(), d.Exponent()}, true
}

// dec returns f as a decimal: one allocation of a one-word big.Int.
func (f fix) dec() decimal.Decimal { return decimal.New(f.c, f.e) }

func absU(c int64) uint64 {
	if c < 0 {
		return uint64(-c)
	}
	return uint64(c)
}

// scaleUp returns c × 10^n when it stays within maxFix.
func scaleUp(c int64, n int64) (int64, bool) {
	if n == 0 || c == 0 {
		return c, true
	}
	if n > 18 || absU(c) > maxFix/uint64(pow10i64[n]) {
		return 0, false
	}
	return c * pow10i64[n], true
}

// add returns f + g with the smaller exponent, as decimal.Add does.
func (f fix) add(g fix) (fix, bool) {
	if f.e > g.e {
		f, g = g, f
	}
	gc, ok := scaleUp(g.c, int64(g.e)-int64(f.e))
	if !ok {
		return fix{}, false
	}
	s := f.c + gc // both within maxFix: no overflow
	if absU(s) > maxFix {
		return fix{}, false
	}
	return fix{s, f.e}, true
}

// neg returns -f.
func (f fix) neg() fix { return fix{-f.c, f.e} }

// mul returns f × g with the sum of the exponents, as decimal.Mul does.
func (f fix) mul(g fix) (fix, bool) {
	hi, lo := bits.Mul64(absU(f.c), absU(g.c))
	e := int64(f.e) + int64(g.e)
	if hi != 0 || lo > maxFix || e > math.MaxInt32 || e < math.MinInt32 {
		return fix{}, false
	}
	c := int64(lo)
	if (f.c < 0) != (g.c < 0) {
		c = -c
	}
	return fix{c, int32(e)}, true
}

// shift returns f × 10^s, as decimal.Shift does: the exponent moves.
func (f fix) shift(s int32) (fix, bool) {
	e := int64(f.e) + int64(s)
	if e > math.MaxInt32 || e < math.MinInt32 {
		return fix{}, false
	}
	return fix{f.c, int32(e)}, true
}

// round returns f rounded to places decimals (exponent -places) with mode,
// as RoundingMode.round does on a decimal.
func (f fix) round(places int32, mode RoundingMode) (fix, bool) {
	t := -int64(places)
	e := int64(f.e)
	switch {
	case e == t:
		return f, true
	case e > t:
		c, ok := scaleUp(f.c, e-t)
		return fix{c, int32(t)}, ok
	case t-e > 18:
		return fix{}, false
	}
	p := pow10i64[t-e]
	q, r := f.c/p, f.c%p // truncated toward zero
	ar := absU(r)
	half := uint64(p / 2)
	away := false
	switch mode {
	case HalfUp:
		away = ar >= half
	case HalfEven:
		away = ar > half || (ar == half && q%2 != 0)
	case Up:
		away = ar != 0
	case Down:
	default:
		return fix{}, false
	}
	if away {
		if f.c < 0 {
			q--
		} else {
			q++
		}
	}
	return fix{q, int32(t)}, true
}

// cmp compares f and g: -1, 0 or +1.
func (f fix) cmp(g fix) int {
	if f.e > g.e {
		return -g.cmp(f)
	}
	// f.e ≤ g.e: scale g up to f's exponent when it fits, else compare by
	// magnitude (g, scaled, is beyond any fix).
	gc, ok := scaleUp(g.c, int64(g.e)-int64(f.e))
	if !ok {
		if g.c > 0 {
			return -1
		}
		return 1 // g.c < 0 (a zero always scales)
	}
	switch {
	case f.c < gc:
		return -1
	case f.c > gc:
		return 1
	}
	return 0
}

// The wrappers below give decimal's results, value and exponent, through
// a fix when the operands and the result fit, and decimal's own operation
// otherwise. A zero result always takes decimal's path, so that even the
// representation of its coefficient is decimal's.

// subDec returns a.Sub(b).
func subDec(a, b decimal.Decimal) decimal.Decimal {
	if x, ok := fixOf(a); ok {
		if y, ok := fixOf(b); ok {
			if z, ok := x.add(y.neg()); ok && z.c != 0 {
				return z.dec()
			}
		}
	}
	return a.Sub(b)
}

// mulDec returns a.Mul(b).
func mulDec(a, b decimal.Decimal) decimal.Decimal {
	if x, ok := fixOf(a); ok {
		if y, ok := fixOf(b); ok {
			if z, ok := x.mul(y); ok && z.c != 0 {
				return z.dec()
			}
		}
	}
	return a.Mul(b)
}

// decSum adds decimals in order as repeated addDec would, value and
// exponent, keeping the running sum in a fix while it fits: a sum of n
// everyday amounts costs one allocation instead of n.
type decSum struct {
	d    decimal.Decimal // the sum, when cur
	f    fix             // the sum, when fast
	cur  bool            // d holds the sum
	fast bool            // f holds the sum
}

// sumFrom starts a sum at d.
func sumFrom(d decimal.Decimal) decSum {
	f, ok := fixOf(d)
	return decSum{d: d, f: f, cur: true, fast: ok}
}

// add adds x to the sum.
func (s *decSum) add(x decimal.Decimal) {
	switch {
	case x.IsZero() && x.Exponent() >= s.exp():
		return // addDec returns the sum itself
	case s.zero() && s.exp() >= x.Exponent():
		*s = sumFrom(x) // addDec returns x itself
		return
	}
	if s.fast {
		if y, ok := fixOf(x); ok {
			if z, ok := s.f.add(y); ok {
				s.f, s.cur = z, false
				return
			}
		}
	}
	s.d, s.cur, s.fast = s.value().Add(x), true, false
}

func (s *decSum) exp() int32 {
	if s.cur {
		return s.d.Exponent()
	}
	return s.f.e
}

func (s *decSum) zero() bool {
	if s.cur {
		return s.d.IsZero()
	}
	return s.f.c == 0
}

// value returns the sum as a decimal, building it at most once.
func (s *decSum) value() decimal.Decimal {
	if !s.cur {
		s.d, s.cur = s.f.dec(), true
	}
	return s.d
}

// lazyDec is an exact figure kept as a fix while it fits and built as a
// decimal only when asked: the unrounded duty or tax of a line, of which a
// quote usually shows only the rounded amount.
type lazyDec struct {
	f    fix
	d    decimal.Decimal
	fast bool // f holds the figure, else d
}

// lazyMul is a × b × 10^shift, as mulDec(a, b).Shift(shift) gives it.
func lazyMul(a, b decimal.Decimal, shift int32) lazyDec {
	if x, ok := fixOf(a); ok {
		if y, ok := fixOf(b); ok {
			if z, ok := x.mul(y); ok && z.c != 0 {
				if z, ok := z.shift(shift); ok {
					return lazyDec{f: z, fast: true}
				}
			}
		}
	}
	return lazyDec{d: a.Mul(b).Shift(shift)}
}

// mul is x × b, as mulDec gives it.
func (x lazyDec) mul(b decimal.Decimal) lazyDec {
	if x.fast {
		if y, ok := fixOf(b); ok {
			if z, ok := x.f.mul(y); ok && z.c != 0 {
				return lazyDec{f: z, fast: true}
			}
		}
	}
	return lazyDec{d: x.dec().Mul(b)}
}

// exp is the figure's exponent.
func (x lazyDec) exp() int32 {
	if x.fast {
		return x.f.e
	}
	return x.d.Exponent()
}

// dec returns the figure as a decimal.
func (x lazyDec) dec() decimal.Decimal {
	if x.fast {
		return x.f.dec()
	}
	return x.d
}

// roundWith is r.apply on the figure in currency m's (as m.with(x.dec())
// rounded by r), without building the unrounded decimal when it fits;
// minor is m.MinorUnits().
func (x lazyDec) roundWith(r *Rounding, m Money, minor int32) Money {
	if x.fast && (r == nil || !r.Increment.IsPositive()) {
		places, mode := minor, HalfUp
		if r != nil {
			places, mode = r.Places, r.Mode
		}
		if g, ok := x.f.round(places, mode); ok && (g.c != 0 || mode == HalfUp) {
			return m.with(g.dec())
		}
	}
	return r.apply(m.with(x.dec()))
}
