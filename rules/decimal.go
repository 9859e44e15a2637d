package rules

import (
	"fmt"
	"reflect"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"
	"github.com/shopspring/decimal"
)

// Decimal is the CEL value of an exact decimal number: money amounts and
// quantities. It is opaque to CEL: it compares with other decimals (==, !=,
// <, <=, >, >=) and with nothing else, so a rule cannot compare an amount
// with a double by accident. Arithmetic on money stays in Go.
type Decimal struct {
	D decimal.Decimal
}

var _ traits.Comparer = Decimal{}

// ConvertToNative implements ref.Val.
func (d Decimal) ConvertToNative(t reflect.Type) (any, error) {
	switch t {
	case decimalRT:
		return d.D, nil
	case reflect.TypeFor[string]():
		return d.D.String(), nil
	}
	return nil, fmt.Errorf("rules: cannot convert decimal to %v", t)
}

// ConvertToType implements ref.Val. string(d) gives its decimal text.
func (d Decimal) ConvertToType(t ref.Type) ref.Val {
	switch t.TypeName() {
	case types.TypeType.TypeName():
		return decimalCEL
	case DecimalTypeName:
		return d
	case types.StringType.TypeName():
		return types.String(d.D.String())
	}
	return types.NewErr("rules: cannot convert decimal to %s", t.TypeName())
}

// Equal implements ref.Val: numeric equality, so 2.50 == 2.5.
func (d Decimal) Equal(other ref.Val) ref.Val {
	o, ok := other.(Decimal)
	return types.Bool(ok && d.D.Equal(o.D))
}

// Compare implements traits.Comparer.
func (d Decimal) Compare(other ref.Val) ref.Val {
	o, ok := other.(Decimal)
	if !ok {
		return types.ValOrErr(other, "no such overload")
	}
	return types.Int(d.D.Cmp(o.D))
}

// decimalRuntime is the run-time type of Decimal values. The checker sees
// the opaque decimalCEL; at run time the standard comparison operators
// dispatch on the Comparer trait, which opaque types cannot carry.
var decimalRuntime = types.NewObjectType(DecimalTypeName, traits.ComparerType)

// Type implements ref.Val.
func (d Decimal) Type() ref.Type { return decimalRuntime }

// Value implements ref.Val.
func (d Decimal) Value() any { return d.D }
