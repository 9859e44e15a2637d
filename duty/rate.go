package duty

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// ErrUnsupportedRate is returned (wrapped) by Rate.Apply for a component
// that parses but cannot be computed from an entry, such as an EU
// agricultural component (EA) or an entry-price system. Never a zero.
var ErrUnsupportedRate = errors.New("duty: unsupported rate component")

// ErrInvalidRate is matched by every rate parse error.
var ErrInvalidRate = errors.New("duty: invalid rate")

// Basis is what a rate is applied to: the customs value of a line and its
// quantities (net mass, items, litres...).
type Basis struct {
	Value      Money
	Quantities []Quantity
}

// Rate is a parsed duty-rate expression. The zero Rate is "Free".
type Rate struct {
	text  string
	free  bool
	adVal decimal.Decimal // percent
}

// ParseOption changes how ParseRate reads a rate.
type ParseOption func(*parseConfig)

type parseConfig struct {
	currency string
}

// InCurrency sets the currency that "$" and "¢" stand for (USD by default).
func InCurrency(code string) ParseOption { return func(c *parseConfig) { c.currency = code } }

// ParseRate reads a duty-rate expression as official schedules print it.
func ParseRate(s string, opts ...ParseOption) (Rate, error) {
	cfg := parseConfig{currency: "USD"}
	for _, o := range opts {
		o(&cfg)
	}
	t := strings.TrimSpace(s)
	if strings.EqualFold(t, "free") {
		return Rate{text: "Free", free: true}, nil
	}
	if p, ok := strings.CutSuffix(t, "%"); ok {
		d, err := parseDecimal(strings.TrimSpace(p))
		if err == nil && !d.IsNegative() {
			return Rate{text: d.String() + "%", adVal: d}, nil
		}
	}
	return Rate{}, &RateSyntaxError{Input: s, Pos: 0, Msg: "not a rate"}
}

// Apply computes the duty the rate gives on b.
func (r Rate) Apply(b Basis) (Money, error) {
	if r.free || r.adVal.IsZero() {
		return Zero(b.Value.Currency())
	}
	return b.Value.Mul(r.adVal).Mul(decimal.New(1, -2)), nil
}

// String returns the canonical text; ParseRate(r.String()) gives r back.
func (r Rate) String() string {
	if r.text == "" {
		return "Free"
	}
	return r.text
}

// RateSyntaxError reports rate text that cannot be read, with the byte
// position of the problem. It matches ErrInvalidRate with errors.Is.
type RateSyntaxError struct {
	Input string
	Pos   int
	Msg   string
}

func (e *RateSyntaxError) Error() string {
	return fmt.Sprintf("duty: rate %q at position %d: %s", e.Input, e.Pos, e.Msg)
}

// Is reports whether target is ErrInvalidRate.
func (e *RateSyntaxError) Is(target error) bool { return target == ErrInvalidRate }
