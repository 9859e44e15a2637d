package duty

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"
)

// RoundingMode says how an amount is brought to a number of decimals.
// Customs and tax authorities differ: most round half up, Japan rounds the
// taxable value and the tax down, some round every line and some the total.
type RoundingMode uint8

const (
	// HalfUp rounds half away from zero: 1.005 → 1.01, -1.005 → -1.01.
	HalfUp RoundingMode = iota
	// HalfEven rounds half to the even digit (banker's rounding).
	HalfEven
	// Down truncates toward zero: 1.999 → 1.99.
	Down
	// Up rounds away from zero: 1.001 → 1.01.
	Up
)

var roundingNames = [...]string{"half_up", "half_even", "down", "up"}

// String returns the mode's JSON name (half_up, half_even, down, up).
func (r RoundingMode) String() string {
	if int(r) < len(roundingNames) {
		return roundingNames[r]
	}
	return fmt.Sprintf("RoundingMode(%d)", uint8(r))
}

// ParseRoundingMode reads half_up, half_even, down or up.
func ParseRoundingMode(s string) (RoundingMode, error) {
	for i, n := range roundingNames {
		if n == s {
			return RoundingMode(i), nil
		}
	}
	return 0, &NameError{Kind: "rounding mode", Value: s, Want: "half_up, half_even, down or up"}
}

// MarshalJSON encodes the mode as its name.
func (r RoundingMode) MarshalJSON() ([]byte, error) { return json.Marshal(r.String()) }

// UnmarshalJSON decodes a mode name.
func (r *RoundingMode) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("duty: rounding mode must be a string: %w", err)
	}
	v, err := ParseRoundingMode(s)
	if err != nil {
		return err
	}
	*r = v
	return nil
}

func (r RoundingMode) round(d decimal.Decimal, places int32) decimal.Decimal {
	if r == HalfUp {
		return roundHalfUp(d, places)
	}
	if d.Exponent() == -places {
		return d // decimal's rounding gives d's value and exponent
	}
	if f, ok := fixOf(d); ok {
		if g, ok := f.round(places, r); ok && g.c != 0 {
			return g.dec()
		}
	}
	switch r {
	case HalfEven:
		return d.RoundBank(places)
	case Down:
		return d.RoundDown(places)
	case Up:
		return d.RoundUp(places)
	default:
		return roundHalfUp(d, places)
	}
}

// Round applies the mode to a bare decimal.
func (r RoundingMode) Round(d decimal.Decimal, places int32) decimal.Decimal {
	return r.round(d, places)
}
