package duty

import "github.com/shopspring/decimal"

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
