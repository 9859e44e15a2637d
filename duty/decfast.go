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
