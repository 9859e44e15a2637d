package duty

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Quantity is an exact amount of a unit: 20 kg, 3 dozen, 0.75 l.
type Quantity struct {
	Value decimal.Decimal
	Unit  Unit
}

// NewQuantity checks the unit and returns the quantity.
func NewQuantity(v decimal.Decimal, u Unit) (Quantity, error) {
	if !u.Valid() {
		return Quantity{}, &InvalidUnitError{Unit: string(u)}
	}
	return Quantity{Value: v, Unit: u}, nil
}

// MustQuantity is ParseQuantity that panics on error. Use it only with
// constant arguments, such as in tests and examples, as MustMoney.
func MustQuantity(s string) Quantity {
	q, err := ParseQuantity(s)
	if err != nil {
		panic(err)
	}
	return q
}

// ParseQuantity reads "<number> <unit>", e.g. "100 kg", "2.5 hl",
// "12 doz.", "3 l alc. 100%". The number is a plain decimal; the unit is any
// spelling ParseUnit accepts. A space between them is optional ("100kg").
func ParseQuantity(s string) (Quantity, error) {
	t := strings.TrimSpace(s)
	i := 0
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.' || (i == 0 && (t[i] == '-' || t[i] == '+'))) {
		i++
	}
	num, unit := t[:i], strings.TrimSpace(t[i:])
	if num == "" || unit == "" {
		return Quantity{}, &InvalidQuantityError{Input: s, Reason: "want a number and a unit, e.g. \"100 kg\""}
	}
	v, err := parseDecimal(num)
	if err != nil {
		return Quantity{}, &InvalidQuantityError{Input: s, Reason: fmt.Sprintf("%q is not a decimal number", clip(num))}
	}
	u, err := ParseUnit(unit)
	if err != nil {
		return Quantity{}, &InvalidQuantityError{Input: s, Reason: fmt.Sprintf("unknown unit %q", clip(unit)), err: err}
	}
	return Quantity{Value: v, Unit: u}, nil
}

// Convert returns q in unit to, exactly (divisions are carried to 28
// decimals, which only matters for factors such as the pound). Converting
// across dimensions is an *IncompatibleUnitsError naming both units.
func (q Quantity) Convert(to Unit) (Quantity, error) {
	from, ok := unitTable[q.Unit]
	if !ok {
		return Quantity{}, &InvalidUnitError{Unit: string(q.Unit)}
	}
	target, ok := unitTable[to]
	if !ok {
		return Quantity{}, &InvalidUnitError{Unit: string(to)}
	}
	if from.dim != target.dim {
		return Quantity{}, &IncompatibleUnitsError{From: q.Unit, To: to}
	}
	if q.Unit == to {
		return q, nil
	}
	base := q.Value.Mul(from.factor)
	// Trailing zeros are dropped so the result is in its shortest form
	// (100 g → 0.1 kg).
	return Quantity{Value: normalize(base.DivRound(target.factor, 28)), Unit: to}, nil
}

// normalize drops trailing fractional zeros so equal quantities print alike.
func normalize(d decimal.Decimal) decimal.Decimal {
	s := d.String()
	return decimal.RequireFromString(s)
}

// String formats as "20 kg".
func (q Quantity) String() string { return q.Value.String() + " " + string(q.Unit) }

// MarshalJSON encodes {"value":"20","unit":"kg"}; the zero Quantity (an
// absent measure) encodes as null, which UnmarshalJSON reads back.
func (q Quantity) MarshalJSON() ([]byte, error) {
	return q.AppendJSON(make([]byte, 0, 32)), nil
}

// AppendJSON appends the JSON of q to b, the bytes MarshalJSON returns.
func (q Quantity) AppendJSON(b []byte) []byte {
	if q.Unit == "" && q.Value.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, `{"value":`...)
	b = appendJSONString(b, q.Value.String())
	b = append(b, `,"unit":`...)
	b = appendJSONString(b, string(q.Unit))
	return append(b, '}')
}

// UnmarshalJSON decodes {"value":"20","unit":"kg"}; the unit may be any
// spelling ParseUnit accepts and the value must be a JSON string. Any other
// key is an error.
func (q *Quantity) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*q = Quantity{}
		return nil
	}
	var raw struct {
		Value json.RawMessage `json:"value"`
		Unit  string          `json:"unit"`
	}
	if err := strictUnmarshal(b, &raw); err != nil {
		return fmt.Errorf("duty: quantity must be {\"value\":\"…\",\"unit\":\"…\"}: %w", err)
	}
	var v string
	if err := json.Unmarshal(raw.Value, &v); err != nil {
		return &InvalidQuantityError{Input: string(raw.Value), Reason: "value must be a JSON string"}
	}
	d, err := parseDecimal(v)
	if err != nil {
		return &InvalidQuantityError{Input: v, Reason: "value is not a decimal number"}
	}
	u, err := ParseUnit(raw.Unit)
	if err != nil {
		return err
	}
	*q = Quantity{Value: d, Unit: u}
	return nil
}

// InvalidQuantityError reports quantity text that cannot be read. It
// matches ErrInvalidQuantity with errors.Is (and ErrInvalidUnit when the
// unit was the problem).
type InvalidQuantityError struct {
	Input  string
	Reason string
	err    error
}

func (e *InvalidQuantityError) Error() string {
	return fmt.Sprintf("duty: invalid quantity %q: %s", clip(e.Input), e.Reason)
}

// Is reports whether target is ErrInvalidQuantity.
func (e *InvalidQuantityError) Is(target error) bool { return target == ErrInvalidQuantity }

// Unwrap returns the underlying unit error, if any.
func (e *InvalidQuantityError) Unwrap() error { return e.err }
