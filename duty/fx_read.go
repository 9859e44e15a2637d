package duty

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/iorkit/iorkit/internal/limits"
	"github.com/shopspring/decimal"
)

// DefaultRatesMaxBytes bounds the document ReadFixedRates reads.
const DefaultRatesMaxBytes = limits.RatesBytes

// MinPlausibleRate is the lower plausibility bound of an exchange rate read
// by ReadFixedRates: one unit of a currency buys between MinPlausibleRate()
// and MaxPlausibleRate()
// units of another. The widest real pairs (a dollar in Iranian rials or
// Vietnamese dong, the reverse) stay within 1e-7 to 1e7; a rate outside is
// a typo or a pair written the wrong way round. They are functions so that
// no caller can move the bounds for every other caller.
func MinPlausibleRate() decimal.Decimal { return decimal.New(1, -7) }

// MaxPlausibleRate is the upper plausibility bound (see MinPlausibleRate).
func MaxPlausibleRate() decimal.Decimal { return decimal.New(1, 7) }

// ErrInvalidRates is matched by every *RatesError.
var ErrInvalidRates = errors.New("duty: invalid exchange rates")

// RatesError reports a problem in an exchange-rate document: the key
// ("USD/EUR") and the value when the problem is one entry. It unwraps to
// the cause (an *InvalidCurrencyError, a *LimitError...).
type RatesError struct {
	Key   string
	Value string
	Msg   string
	Err   error
}

func (e *RatesError) Error() string {
	var b strings.Builder
	b.WriteString("duty: exchange rates: ")
	if e.Key != "" {
		fmt.Fprintf(&b, "%q: ", e.Key)
	}
	if e.Value != "" {
		fmt.Fprintf(&b, "value %q: ", e.Value)
	}
	b.WriteString(e.Msg)
	if e.Err != nil && e.Msg == "" {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Is reports whether target is ErrInvalidRates.
func (e *RatesError) Is(target error) bool { return target == ErrInvalidRates }

// Unwrap returns the cause.
func (e *RatesError) Unwrap() error { return e.Err }

// ReadFixedRates reads exchange rates from a JSON object of "FROM/TO":
// "rate" strings, {"USD/EUR": "0.92"} meaning 1 USD = 0.92 EUR (the file
// the CLI's --rates flag takes). Every key must be two different active
// ISO 4217 codes in upper case separated by "/", every value a decimal
// string between MinPlausibleRate() and MaxPlausibleRate(); a key given twice,
// a number that is not a string, data after the object and a document over
// DefaultRatesMaxBytes are errors. Errors are *RatesError values naming the
// key and the value.
func ReadFixedRates(r io.Reader) (FixedRates, error) {
	b, err := limits.ReadAll(r, DefaultRatesMaxBytes, "duty: exchange rates")
	if err != nil {
		return nil, &RatesError{Err: err}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return nil, &RatesError{Msg: `want a JSON object of "FROM/TO": "rate" strings, e.g. {"USD/EUR": "0.92"}`, Err: err}
	}
	out := FixedRates{}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, &RatesError{Msg: "not valid JSON: " + err.Error(), Err: err}
		}
		key := kt.(string) // object keys are strings
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, &RatesError{Key: key, Msg: "not valid JSON: " + err.Error(), Err: err}
		}
		if _, dup := out[key]; dup {
			return nil, &RatesError{Key: key, Msg: "given twice"}
		}
		if err := checkRateKey(key); err != nil {
			return nil, err
		}
		var v string
		if err := json.Unmarshal(raw, &v); err != nil {
			return nil, &RatesError{Key: key, Value: clip(string(raw)), Msg: `want the rate as a JSON string, e.g. "0.92"`}
		}
		d, err := ParseDecimal(v)
		if err != nil {
			return nil, &RatesError{Key: key, Value: clip(v), Msg: "not a decimal number", Err: err}
		}
		if d.LessThan(MinPlausibleRate()) || d.GreaterThan(MaxPlausibleRate()) {
			return nil, &RatesError{Key: key, Value: clip(v), Msg: fmt.Sprintf("implausible: a rate is between %s and %s (is the pair the wrong way round?)",
				MinPlausibleRate(), MaxPlausibleRate())}
		}
		out[key] = d
	}
	if _, err := dec.Token(); err != nil {
		return nil, &RatesError{Msg: "not valid JSON: " + err.Error(), Err: err}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &RatesError{Msg: "unexpected data after the JSON object"}
	}
	return out, nil
}

// checkRateKey checks the "FROM/TO" form.
func checkRateKey(key string) error {
	from, to, ok := strings.Cut(key, "/")
	if !ok || len(from) != 3 || len(to) != 3 {
		return &RatesError{Key: clip(key), Msg: `want "FROM/TO" with two ISO 4217 codes, e.g. "USD/EUR"`}
	}
	for _, c := range []string{from, to} {
		if c != strings.ToUpper(c) {
			return &RatesError{Key: key, Msg: fmt.Sprintf("currency %q: want upper case (%s)", c, strings.ToUpper(c))}
		}
		if _, err := LookupCurrency(c); err != nil {
			return &RatesError{Key: key, Msg: fmt.Sprintf("currency %q is not an active ISO 4217 code", c), Err: err}
		}
	}
	if from == to {
		return &RatesError{Key: key, Msg: "a currency to itself is always 1: remove the pair"}
	}
	return nil
}
