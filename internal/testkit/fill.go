package testkit

import (
	"math/rand/v2"
	"reflect"

	"github.com/shopspring/decimal"
)

// Filler sets the exported fields of a value, recursively, from a random
// source: the values on which the hand-written JSON encoders of duty and
// ior are compared with encoding/json. A field added to a type is filled
// like the others, so an encoder that does not write it fails the
// comparison.
type Filler struct {
	R *rand.Rand
	// Full sets every field: non-empty strings, true, non-zero integers,
	// non-nil pointers, slices of one or two elements. Otherwise each is
	// random, including nil and empty slices, nil pointers and zero values.
	Full bool
	// Custom makes the values of types whose fields are unexported or
	// that need valid contents (amounts, dates, errors), by type.
	Custom map[reflect.Type]func(r *rand.Rand, full bool) reflect.Value
}

// Strings are the texts Fill draws from: plain ASCII, and every kind of
// character encoding/json escapes or replaces.
func Strings() []string {
	return []string{"", "plain", "EUR", "6109.10", "line 0 MFN", `quo"te`, `back\slash`, "<b>&amp;</b>",
		"tab\there\nnew\rline\bbell\fform", "nul\x00 and \x1f and \x7f", "≤ 150 € – Zoll", "日本語", "bad \xff\xfe utf8",
		"cut \xe2\x82", "\u2028 and \u2029", "emoji 😀", "'single' and /slash/"}
}

// Decimal draws an amount for a Custom maker, one of four kinds with equal
// chance: hundredths from -500.00 to 499.99, any non-negative int64 at an
// exponent from -30 to 9, an integer below 1,000 times 10^0 to 10^5, or
// zero.
func Decimal(r *rand.Rand) decimal.Decimal {
	switch r.IntN(4) {
	case 0:
		return decimal.New(r.Int64N(100000)-50000, -2)
	case 1:
		return decimal.New(r.Int64(), int32(r.IntN(40)-30))
	case 2:
		return decimal.New(r.Int64N(1000), int32(r.IntN(6)))
	}
	return decimal.Zero
}

// Fill sets the value ptr points to.
func (f *Filler) Fill(ptr any) {
	v := reflect.ValueOf(ptr).Elem()
	v.Set(f.value(v.Type(), 0))
}

func (f *Filler) value(t reflect.Type, depth int) reflect.Value {
	if c, ok := f.Custom[t]; ok {
		return c(f.R, f.Full)
	}
	v := reflect.New(t).Elem()
	switch t.Kind() {
	case reflect.String:
		ss := Strings()
		s := ss[f.R.IntN(len(ss))]
		if f.Full && s == "" {
			s = "x"
		}
		v.SetString(s)
	case reflect.Bool:
		v.SetBool(f.Full || f.R.IntN(2) == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n := f.R.Int64N(2001) - 1000
		if f.Full && n == 0 {
			n = 7
		}
		v.SetInt(n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(f.R.Uint64N(1000) + 1)
	case reflect.Pointer:
		if f.Full || f.R.IntN(3) > 0 {
			p := reflect.New(t.Elem())
			p.Elem().Set(f.value(t.Elem(), depth+1))
			v.Set(p)
		}
	case reflect.Slice:
		n := 1 + f.R.IntN(2)
		if !f.Full {
			switch k := f.R.IntN(4); {
			case k == 0 || depth > 4:
				return v // nil
			case k == 1:
				n = 0
			}
		}
		s := reflect.MakeSlice(t, n, n)
		for i := range n {
			s.Index(i).Set(f.value(t.Elem(), depth+1))
		}
		v.Set(s)
	case reflect.Struct:
		for i := range t.NumField() {
			if sf := t.Field(i); sf.IsExported() {
				v.Field(i).Set(f.value(sf.Type, depth+1))
			}
		}
	}
	return v
}

// JSONDiff describes where got first differs from want (the JSON
// encoding/json gives), with the bytes around it, and what to do: a field
// added to a type and not to its hand-written encoder shows here as a key
// missing from got. It returns "" when they are equal.
func JSONDiff(want, got string) string {
	if want == got {
		return ""
	}
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	around := func(s string) string {
		from, to := max(0, i-80), min(len(s), i+80)
		return s[from:i] + "⟦" + s[i:to] + "⟧"
	}
	return "the hand-written JSON encoder differs from encoding/json at byte " + itoa(i) +
		" (the differing part in ⟦⟧):\n want: " + around(want) + "\n got:  " + around(got) +
		"\nA field added to a type must be added to its encoder too (ior/json.go, duty/jsonfast.go), in the order of the struct, with its tag's omitempty."
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
