package duty

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// Money is an exact amount in an ISO 4217 currency. It is immutable: every
// operation returns a new value. The zero Money has no currency and is not a
// valid amount; build values with ParseMoney, NewMoney or Zero.
type Money struct {
	amount   decimal.Decimal
	currency string
}

// ParseMoney reads a decimal amount ("1234.56", "-0.5", "1e3" is refused)
// in the given ISO 4217 currency. Amounts come in as strings so that a float
// never reaches a money path.
func ParseMoney(amount, currency string) (Money, error) {
	if _, err := LookupCurrency(currency); err != nil {
		return Money{}, err
	}
	d, err := parseDecimal(amount)
	if err != nil {
		return Money{}, &InvalidAmountError{Amount: amount}
	}
	return NewMoney(d, currency)
}

// MustMoney is ParseMoney that panics on error. Use it only with constant
// arguments, such as in tests and examples.
func MustMoney(amount, currency string) Money {
	m, err := ParseMoney(amount, currency)
	if err != nil {
		panic(err)
	}
	return m
}

// NewMoney wraps a decimal in a currency after checking the code. It is
// the one constructor of Money: every other value is derived from a Money
// it built (with), so no amount ever carries an unchecked currency.
func NewMoney(amount decimal.Decimal, currency string) (Money, error) {
	if _, err := LookupCurrency(currency); err != nil {
		return Money{}, err
	}
	return Money{amount: amount, currency: currency}, nil
}

// with returns amount a in m's currency, which NewMoney checked when m
// (or the Money m was derived from) was built. The zero Money gives an
// amount without a currency, as the zero Money is.
func (m Money) with(a decimal.Decimal) Money { return Money{amount: a, currency: m.currency} }

// Zero returns 0 in the currency. The code is checked.
func Zero(currency string) (Money, error) { return NewMoney(decimal.Zero, currency) }

// Bounds of parseDecimal. They limit the integer and the fractional digits
// separately rather than the length of the text, so that whatever is
// accepted is accepted again once printed: Money.String drops leading zeros
// and the plus sign and pads the fraction to the minor unit (a few digits),
// which never takes it past these bounds.
const (
	maxDecimalText    = 256 // characters, leading zeros included
	maxIntegerDigits  = 64  // significant digits before the point
	maxFractionDigits = 64  // digits after the point
)

// parseDecimal accepts plain decimal notation only: an optional sign, digits,
// an optional fraction. Exponents, spaces, thousands separators, "NaN" and
// "Inf" are refused so that every amount reads the same way everywhere.
func parseDecimal(s string) (decimal.Decimal, error) {
	if s == "" || len(s) > maxDecimalText {
		return decimal.Decimal{}, ErrInvalidAmount
	}
	digits, intDigits, fracDigits, dot := 0, 0, 0, false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
			if dot {
				fracDigits++
			} else if intDigits > 0 || r != '0' {
				intDigits++
			}
		case r == '.' && !dot:
			dot = true
		case (r == '-' || r == '+') && i == 0:
		default:
			return decimal.Decimal{}, ErrInvalidAmount
		}
	}
	if digits == 0 || intDigits > maxIntegerDigits || fracDigits > maxFractionDigits {
		return decimal.Decimal{}, ErrInvalidAmount
	}
	return decimal.NewFromString(s)
}

// ParseDecimal reads a plain decimal number (no exponent, no separators).
// It is the one way amounts, rates and quantities enter this package.
func ParseDecimal(s string) (decimal.Decimal, error) {
	d, err := parseDecimal(s)
	if err != nil {
		return decimal.Decimal{}, &InvalidAmountError{Amount: s}
	}
	return d, nil
}

// Amount returns the exact decimal amount.
func (m Money) Amount() decimal.Decimal { return m.amount }

// Currency returns the ISO 4217 code ("" for the zero Money).
func (m Money) Currency() string { return m.currency }

// IsZero reports whether the amount is zero.
func (m Money) IsZero() bool { return m.amount.IsZero() }

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.amount.IsNegative() }

// IsPositive reports whether the amount is above zero.
func (m Money) IsPositive() bool { return m.amount.IsPositive() }

func (m Money) same(o Money) error {
	if m.currency != o.currency {
		return &CurrencyMismatchError{A: m.currency, B: o.currency}
	}
	return nil
}

// Add returns m + o. Different currencies are a *CurrencyMismatchError.
func (m Money) Add(o Money) (Money, error) {
	if err := m.same(o); err != nil {
		return Money{}, err
	}
	return m.with(addDec(m.amount, o.amount)), nil
}

// Sub returns m - o. Different currencies are a *CurrencyMismatchError.
func (m Money) Sub(o Money) (Money, error) {
	if err := m.same(o); err != nil {
		return Money{}, err
	}
	return m.with(subDec(m.amount, o.amount)), nil
}

// Mul returns m × f, exactly (no rounding).
func (m Money) Mul(f decimal.Decimal) Money {
	return m.with(mulDec(m.amount, f))
}

// Div returns m ÷ d rounded half away from zero to places decimals.
// Division by zero is ErrDivisionByZero.
func (m Money) Div(d decimal.Decimal, places int32) (Money, error) {
	if d.IsZero() {
		return Money{}, ErrDivisionByZero
	}
	return m.with(m.amount.DivRound(d, places)), nil
}

// Neg returns -m.
func (m Money) Neg() Money { return m.with(m.amount.Neg()) }

// Cmp compares m and o: -1, 0 or +1. Different currencies are an error.
func (m Money) Cmp(o Money) (int, error) {
	if err := m.same(o); err != nil {
		return 0, err
	}
	return m.amount.Cmp(o.amount), nil
}

// Equal reports whether m and o have the same currency and numeric value
// (12.5 EUR equals 12.50 EUR).
func (m Money) Equal(o Money) bool {
	return m.currency == o.currency && m.amount.Equal(o.amount)
}

// MinorUnits returns the currency's number of minor-unit digits (2 for the
// zero Money).
func (m Money) MinorUnits() int32 { return minorUnits(m.currency) }

func minorUnits(code string) int32 {
	if len(code) == 3 {
		if i, ok := letters3(code); ok {
			if m := minorByLetters()[i]; m >= 0 {
				return int32(m)
			}
		}
	}
	if info, ok := currencyTable()[code]; ok {
		return info.Minor
	}
	return 2
}

// minorByLetters holds the minor units of every code of the ISO 4217
// table by letters3 of the code (-1 where no code is): amounts are
// rounded and written many times a quote, and indexing is several times
// faster than the map. Built once, read-only after.
var minorByLetters = sync.OnceValue(func() *[26 * 26 * 26]int8 {
	var t [26 * 26 * 26]int8
	for i := range t {
		t[i] = -1
	}
	for code, info := range currencyTable() {
		if i, ok := letters3(code); ok && info.Minor >= 0 && info.Minor <= 127 {
			t[i] = int8(info.Minor)
		}
	}
	return &t
})

// letters3 numbers a code of three upper-case letters.
func letters3(code string) (int, bool) {
	a, b, c := code[0]-'A', code[1]-'A', code[2]-'A'
	if a >= 26 || b >= 26 || c >= 26 {
		return 0, false
	}
	return (int(a)*26+int(b))*26 + int(c), true
}

// Round rounds to the currency's minor unit, half away from zero
// (1.005 EUR → 1.01 EUR; 0.5 JPY → 1 JPY).
func (m Money) Round() Money { return m.RoundTo(m.MinorUnits(), HalfUp) }

// RoundWith rounds to the currency's minor unit with the given mode.
func (m Money) RoundWith(mode RoundingMode) Money { return m.RoundTo(m.MinorUnits(), mode) }

// RoundTo rounds to places decimals (negative places round to tens,
// hundreds...: JPY taxable values round down to 1,000 with -3) with mode.
func (m Money) RoundTo(places int32, mode RoundingMode) Money {
	return m.with(mode.round(m.amount, places))
}

// String formats as "1234.56 EUR": at least the currency's minor digits,
// more when the amount carries more precision.
func (m Money) String() string {
	if m.currency == "" {
		return "0"
	}
	return m.amountString() + " " + m.currency
}

func (m Money) amountString() string {
	var buf [32]byte
	return string(m.appendAmount(buf[:0]))
}

func (m Money) appendAmount(b []byte) []byte {
	places := m.MinorUnits()
	if e := -m.amount.Exponent(); e > places {
		places = e
	}
	return appendFixed(b, m.amount, places)
}

// appendText appends m.String() to b.
func (m Money) appendText(b []byte) []byte {
	if m.currency == "" {
		return append(b, '0')
	}
	b = m.appendAmount(b)
	b = append(b, ' ')
	return append(b, m.currency...)
}

// textBuf builds a note in a buffer a calculation reuses, amounts
// formatted in place: only the finished note is allocated.
type textBuf struct{ b []byte }

func (t *textBuf) WriteString(s string) { t.b = append(t.b, s...) }

// money writes m as m.String() would.
func (t *textBuf) money(m Money) { t.b = m.appendText(t.b) }

func (t *textBuf) Reset() { t.b = t.b[:0] }

func (t *textBuf) String() string { return string(t.b) }

type moneyJSON struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

// MarshalJSON encodes {"amount":"12.50","currency":"EUR"}. The amount is a
// string so that no JSON reader turns it into a float.
func (m Money) MarshalJSON() ([]byte, error) {
	return appendMoney(make([]byte, 0, 48), m), nil
}

// UnmarshalJSON decodes {"amount":"12.50","currency":"EUR"}. A numeric
// amount (12.5 without quotes) is refused: it may already have been a float.
// Any other key is an error, so a misspelt "currncy" is never dropped.
func (m *Money) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*m = Money{}
		return nil
	}
	var raw struct {
		Amount   json.RawMessage `json:"amount"`
		Currency string          `json:"currency"`
	}
	if err := strictUnmarshal(b, &raw); err != nil {
		return fmt.Errorf("duty: money must be {\"amount\":\"…\",\"currency\":\"…\"}: %w", err)
	}
	var amount string
	if err := json.Unmarshal(raw.Amount, &amount); err != nil {
		return &InvalidAmountError{Amount: strings.TrimSpace(string(raw.Amount)), Reason: "amount must be a JSON string"}
	}
	v, err := ParseMoney(amount, raw.Currency)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// strictUnmarshal is json.Unmarshal refusing unknown object keys.
func strictUnmarshal(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v) // b is one JSON value: encoding/json checked that
}

// InvalidAmountError reports an amount that is not a plain decimal number.
// It matches ErrInvalidAmount with errors.Is.
type InvalidAmountError struct {
	Amount string
	Reason string
}

func (e *InvalidAmountError) Error() string {
	if e.Reason != "" {
		return fmt.Sprintf("duty: invalid amount %s: %s", clip(e.Amount), e.Reason)
	}
	return fmt.Sprintf("duty: %q is not a decimal amount (expected digits with an optional sign and fraction, e.g. \"1234.56\")", clip(e.Amount))
}

// Is reports whether target is ErrInvalidAmount.
func (e *InvalidAmountError) Is(target error) bool { return target == ErrInvalidAmount }

// CurrencyMismatchError reports arithmetic between two currencies. It
// matches ErrCurrencyMismatch with errors.Is.
type CurrencyMismatchError struct {
	A, B string
}

func (e *CurrencyMismatchError) Error() string {
	return fmt.Sprintf("duty: currency mismatch: %q and %q", clip(e.A), clip(e.B))
}

// Is reports whether target is ErrCurrencyMismatch.
func (e *CurrencyMismatchError) Is(target error) bool { return target == ErrCurrencyMismatch }
