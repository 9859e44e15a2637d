package duty

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// jsonFiller fills duty's types with random values: amounts of every
// size and exponent in a few currencies (or unset), dates or zero.
func jsonFiller(seed uint64, full bool) *testkit.Filler {
	return &testkit.Filler{R: rand.New(rand.NewPCG(seed, 13)), Full: full, Custom: map[reflect.Type]func(*rand.Rand, bool) reflect.Value{
		reflect.TypeFor[decimal.Decimal](): func(r *rand.Rand, _ bool) reflect.Value { return reflect.ValueOf(testkit.Decimal(r)) },
		reflect.TypeFor[Money](): func(r *rand.Rand, full bool) reflect.Value {
			cur := []string{"EUR", "JPY", "KWD", "USD", "", "X<Y"}[r.IntN(6)]
			if full && cur == "" {
				cur = "GBP"
			}
			if cur == "" {
				return reflect.ValueOf(Money{})
			}
			return reflect.ValueOf(Money{amount: testkit.Decimal(r), currency: cur})
		},
		reflect.TypeFor[Date](): func(r *rand.Rand, full bool) reflect.Value {
			if !full && r.IntN(3) == 0 {
				return reflect.ValueOf(Date{})
			}
			return reflect.ValueOf(Date{t: time.Date(1990+r.IntN(60), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)})
		},
		reflect.TypeFor[Quantity](): func(r *rand.Rand, full bool) reflect.Value {
			if !full && r.IntN(4) == 0 {
				return reflect.ValueOf(Quantity{})
			}
			return reflect.ValueOf(Quantity{Value: testkit.Decimal(r), Unit: []Unit{"kg", "l", "pcs", "<u>"}[r.IntN(4)]})
		},
	}}
}

// reference is what encoding/json writes for v, by reflection over the
// fields where the type has no MarshalJSON of its own, and for Step,
// Money, Date and Quantity from the format their doc comments give.
func reference(t *testing.T, v any) string {
	t.Helper()
	var ref any = v
	switch x := v.(type) {
	case Step:
		ref = plainStep(x)
	case Money:
		ref = nil
		if x.currency != "" {
			ref = struct {
				Amount   string `json:"amount"`
				Currency string `json:"currency"`
			}{x.amount.StringFixed(max(x.MinorUnits(), -x.amount.Exponent())), x.currency}
		}
	case Date:
		ref = nil
		if !x.IsZero() {
			ref = x.t.Format(time.DateOnly)
		}
	case Quantity:
		ref = nil
		if x.Unit != "" || !x.Value.IsZero() {
			ref = struct {
				Value string `json:"value"`
				Unit  string `json:"unit"`
			}{x.Value.String(), string(x.Unit)}
		}
	}
	b, err := json.Marshal(ref)
	require.NoError(t, err)
	return string(b)
}

// stepReference is a Step as its doc comment gives it in JSON, for
// encoding/json by reflection: an unset Base or Amount left out.
type stepReference struct {
	Step   string `json:"step"`
	Line   *int   `json:"line,omitempty"`
	What   string `json:"what"`
	Rate   string `json:"rate,omitempty"`
	Base   *Money `json:"base,omitempty"`
	Amount *Money `json:"amount,omitempty"`
	Source string `json:"source,omitempty"`
}

// plainStep is s as a stepReference.
func plainStep(s Step) stepReference {
	p := stepReference{Step: s.Step, Line: s.Line, What: s.What, Rate: s.Rate, Source: s.Source}
	if s.Base.Currency() != "" {
		p.Base = &s.Base
	}
	if s.Amount.Currency() != "" {
		p.Amount = &s.Amount
	}
	return p
}

// TestAppendJSONMatchesEncodingJSON compares every AppendJSON of the
// package with encoding/json on random values (and on values with every
// field set, so that a field added to a type and not to its AppendJSON
// fails here), and each MarshalJSON with its AppendJSON.
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	check := func(t *testing.T, f *testkit.Filler) {
		for _, c := range []struct {
			v      any
			append func(b []byte, v any) []byte
		}{
			{new(Charge), func(b []byte, v any) []byte { return v.(Charge).AppendJSON(b) }},
			{new(Totals), func(b []byte, v any) []byte { return v.(Totals).AppendJSON(b) }},
			{new(DeMinimisOutcome), func(b []byte, v any) []byte { return v.(DeMinimisOutcome).AppendJSON(b) }},
			{new(ExcludedLine), func(b []byte, v any) []byte { return v.(ExcludedLine).AppendJSON(b) }},
			{new(FXUse), func(b []byte, v any) []byte { return v.(FXUse).AppendJSON(b) }},
			{new(Warning), func(b []byte, v any) []byte { return v.(Warning).AppendJSON(b) }},
			{new(Step), func(b []byte, v any) []byte { return v.(Step).AppendJSON(b) }},
			{new(Money), func(b []byte, v any) []byte { return v.(Money).AppendJSON(b) }},
			{new(Date), func(b []byte, v any) []byte { return v.(Date).AppendJSON(b) }},
			{new(Quantity), func(b []byte, v any) []byte { return v.(Quantity).AppendJSON(b) }},
		} {
			f.Fill(c.v)
			v := reflect.ValueOf(c.v).Elem().Interface()
			want := reference(t, v)
			got := string(c.append([]byte("prefix"), v))
			if d := testkit.JSONDiff("prefix"+want, got); d != "" {
				t.Fatalf("%T: %s", v, d)
			}
			if m, ok := v.(json.Marshaler); ok {
				b, err := m.MarshalJSON()
				require.NoError(t, err)
				require.Equal(t, want, string(b), "%T %#v", v, v)
			}
		}
	}
	t.Run("every field", func(t *testing.T) {
		f := jsonFiller(1, true)
		for range 200 {
			check(t, f)
		}
	})
	t.Run("random", func(t *testing.T) {
		f := jsonFiller(2, false)
		for range 3000 {
			check(t, f)
		}
	})
}

func FuzzAppendJSON(f *testing.F) {
	f.Add(uint64(1), false)
	f.Add(uint64(2), true)
	f.Fuzz(func(t *testing.T, seed uint64, full bool) {
		fl := jsonFiller(seed, full)
		var c Charge
		fl.Fill(&c)
		require.Equal(t, reference(t, c), string(c.AppendJSON(nil)))
		var o DeMinimisOutcome
		fl.Fill(&o)
		require.Equal(t, reference(t, o), string(o.AppendJSON(nil)))
		var s Step
		fl.Fill(&s)
		require.Equal(t, reference(t, s), string(s.AppendJSON(nil)))
	})
}

// Dates are written digit by digit for years 0 to 9999 and by
// time.Format otherwise: the same text either way (null for the zero
// Date).
func TestAppendDateYears(t *testing.T) {
	for _, y := range []int{-1, 0, 1, 9, 10, 99, 100, 999, 1000, 2026, 9999, 10000, 123456} {
		for _, md := range [][2]int{{1, 1}, {9, 30}, {10, 9}, {12, 31}} {
			d := Date{t: time.Date(y, time.Month(md[0]), md[1], 0, 0, 0, 0, time.UTC)}
			want, err := json.Marshal(d.t.Format(time.DateOnly))
			require.NoError(t, err)
			if d.IsZero() { // 0001-01-01 is the zero Date
				want = []byte("null")
			}
			require.Equal(t, string(want), string(d.AppendJSON(nil)), "%d-%v", y, md)
		}
	}
}

// minorUnits reads the index by letters for every code of the table and
// the table itself for anything else.
func TestMinorUnitsByLetters(t *testing.T) {
	for code, info := range currencyTable() {
		require.Equal(t, info.Minor, minorUnits(code), code)
	}
	for _, code := range []string{"", "EU", "EURO", "eur", "E1R", "ZZZ", "[[[", "@@@"} {
		require.Equal(t, int32(2), minorUnits(code), code)
	}
}
