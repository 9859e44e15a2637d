package duty

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Rates gives exchange rates: Rate(from, to, on) is how many units of to
// one unit of from buys on that day. No rate is ever assumed: a missing pair
// is an error.
type Rates interface {
	Rate(from, to string, on Date) (decimal.Decimal, error)
}

// FixedRates is a Rates of constant rates keyed "FROM/TO": "USD/EUR" =
// 0.92 means 1 USD = 0.92 EUR. Only the pairs given exist: the inverse of a
// pair is not derived, because 1/x is rarely exact and customs
// administrations publish each direction they use.
type FixedRates map[string]decimal.Decimal

// Rate returns the rate of the pair; a currency to itself is 1.
func (f FixedRates) Rate(from, to string, on Date) (decimal.Decimal, error) {
	if from == to {
		return decimal.New(1, 0), nil
	}
	if r, ok := f[from+"/"+to]; ok {
		if !r.IsPositive() {
			return decimal.Decimal{}, fmt.Errorf("duty: exchange rate %s/%s is %s: rates must be positive", from, to, r)
		}
		return r, nil
	}
	return decimal.Decimal{}, &MissingRateError{From: from, To: to, On: on}
}

// ErrMissingRate is matched by *MissingRateError.
var ErrMissingRate = fmt.Errorf("duty: missing exchange rate")

// MissingRateError reports an exchange rate pair that is not available.
type MissingRateError struct {
	From, To string
	On       Date
}

func (e *MissingRateError) Error() string {
	return fmt.Sprintf("duty: no exchange rate %s/%s for %s (give 1 %s in %s)", e.From, e.To, e.On, e.From, e.To)
}

// Is reports whether target is ErrMissingRate.
func (e *MissingRateError) Is(target error) bool { return target == ErrMissingRate }

// Convert converts m into currency to at the rate of the day, exactly
// (the result is not rounded).
func Convert(m Money, to string, rates Rates, on Date) (Money, decimal.Decimal, error) {
	if m.Currency() == to {
		return m, decimal.New(1, 0), nil
	}
	if rates == nil {
		return Money{}, decimal.Decimal{}, &MissingRateError{From: m.Currency(), To: to, On: on}
	}
	r, err := rates.Rate(m.Currency(), to, on)
	if err != nil {
		return Money{}, decimal.Decimal{}, err
	}
	out, err := NewMoney(m.Amount().Mul(r), to)
	return out, r, err
}

// RateInfo is an exchange rate with its provenance: the day it is of, the
// publication it comes from, and a caveat when it is used beyond what the
// data asserts.
type RateInfo struct {
	Rate decimal.Decimal
	// Day is the day the rate is of (its publication or the first day of
	// its period); zero when the source does not say.
	Day Date
	// Source names the publication: "ECB euro foreign exchange reference
	// rates", "HMRC monthly exchange rates 2026-08".
	Source string
	// Caveat is FXRateAge when the rate is older than the entry date
	// because the data ends earlier (empty otherwise); Note, when set, is
	// the warning's message.
	Caveat WarningCode
	Note   string
	// ValidFrom and ValidTo are the days the rate applies to under its
	// rule, both inclusive (a monthly customs rate: the first and last day
	// of its month); zero when the source does not say.
	ValidFrom, ValidTo Date
}

// SourcedRates is a Rates that says where each rate comes from. The
// calculator prefers RateInfo when the rates given implement it: the
// assessment's fx names the source and the rate's day, and a Caveat
// becomes a warning on the assessment.
type SourcedRates interface {
	Rates
	RateInfo(from, to string, on Date) (RateInfo, error)
}

// DestinationRates is a Rates that knows which rates each destination's
// customs applies (the EU its monthly rate under Regulation (EU) 2015/2447
// Art. 146, the UK HMRC's monthly rates...). The calculator asks
// ForDestination once per entry and converts with what it returns; as a
// plain Rates it answers for a destination it does not know.
type DestinationRates interface {
	Rates
	ForDestination(country string) Rates
}

// RatesFor returns the rates the customs of destination applies: those of
// r.ForDestination when r is a DestinationRates, r itself otherwise.
func RatesFor(r Rates, destination string) Rates {
	if dr, ok := r.(DestinationRates); ok {
		if out := dr.ForDestination(destination); out != nil {
			return out
		}
	}
	return r
}

// ConvertInfo is Convert with the provenance of the rate used (for Rates
// that are not SourcedRates, only Rate is set).
func ConvertInfo(m Money, to string, rates Rates, on Date) (Money, RateInfo, error) {
	if m.Currency() == to {
		return m, RateInfo{Rate: one}, nil // decimals are immutable: one is shared
	}
	sr, ok := rates.(SourcedRates)
	if !ok {
		out, r, err := Convert(m, to, rates, on)
		return out, RateInfo{Rate: r}, err
	}
	info, err := sr.RateInfo(m.Currency(), to, on)
	if err != nil {
		return Money{}, RateInfo{}, err
	}
	if !info.Rate.IsPositive() {
		return Money{}, RateInfo{}, fmt.Errorf("duty: exchange rate %s/%s is %s: rates must be positive", m.Currency(), to, info.Rate)
	}
	out, err := NewMoney(m.Amount().Mul(info.Rate), to)
	return out, info, err
}
