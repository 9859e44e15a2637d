package duty_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

func TestParseQuantity(t *testing.T) {
	cases := []struct {
		in    string
		value string
		unit  duty.Unit
	}{
		{"100 kg", "100", duty.Kilogram},
		{"100kg", "100", duty.Kilogram},
		{"2.5 hl", "2.5", duty.Hectolitre},
		{"12 doz.", "12", duty.Dozen},
		{"3 l alc. 100%", "3", duty.LitrePure},
		{"4 100 kg", "4", duty.Quintal}, // four quintals (UK "100 kg")
		{"7 DTN", "7", duty.Quintal},
		{"1 1000 kg", "1", duty.Tonne},
		{"  0.75 LTR  ", "0.75", duty.Litre},
		{"10 p/st", "10", duty.Item},
		{"-1 kg", "-1", duty.Kilogram},
		{"5 % vol/hl", "5", duty.HectolitrePct},
	}
	for _, c := range cases {
		q, err := duty.ParseQuantity(c.in)
		require.NoError(t, err, c.in)
		assert.True(t, q.Value.Equal(d(c.value)), "%q: value %s", c.in, q.Value)
		assert.Equal(t, c.unit, q.Unit, c.in)
	}
}

func TestParseQuantityRefuses(t *testing.T) {
	cases := map[string]error{
		"":          duty.ErrInvalidQuantity,
		"kg":        duty.ErrInvalidQuantity,
		"100":       duty.ErrInvalidQuantity,
		"1e3 kg":    duty.ErrInvalidQuantity,
		"1,000 kg":  duty.ErrInvalidQuantity,
		"1.2.3 kg":  duty.ErrInvalidQuantity,
		". kg":      duty.ErrInvalidQuantity,
		"--1 kg":    duty.ErrInvalidQuantity,
		"100 stone": duty.ErrInvalidUnit,
	}
	for in, want := range cases {
		_, err := duty.ParseQuantity(in)
		require.Error(t, err, in)
		assert.ErrorIs(t, err, duty.ErrInvalidQuantity, in)
		assert.ErrorIs(t, err, want, in)
		var qe *duty.InvalidQuantityError
		require.ErrorAs(t, err, &qe)
		assert.Equal(t, in, qe.Input)
	}
}

func TestQuantityConvert(t *testing.T) {
	cases := []struct {
		from string
		to   duty.Unit
		want string
	}{
		{"100 g", duty.Kilogram, "0.1 kg"},
		{"2.5 t", duty.Kilogram, "2500 kg"},
		{"250 kg", duty.Quintal, "2.5 100kg"},                          // 250 / 100
		{"1 lb", duty.Kilogram, "0.45359237 kg"},                       // by definition
		{"0.45359237 kg", duty.Pound, "1 lb"},                          // and back, exactly
		{"1 ct", duty.Gram, "0.2 g"},                                   // 0.0002 kg / 0.001
		{"750 ml", duty.Litre, "0.75 l"},                               // 750 × 0.001
		{"3 hl", duty.Litre, "300 l"},                                  // 3 × 100
		{"1 m3", duty.Hectolitre, "10 hl"},                             // 1000 / 100
		{"3 dozen", duty.Item, "36 item"},                              // 3 × 12
		{"2 dozen_pair", duty.Pair, "24 pair"},                         // 2 × 24 items / 2
		{"1 gross", duty.Dozen, "12 dozen"},                            // 144 / 12
		{"2500 item", duty.Thousand, "2.5 1000items"},                  // 2500 / 1000
		{"10 pfl", duty.LitrePure, "5 lpa"},                            // 10 × 0.5
		{"40 %vol_hl", duty.LitrePure, "40 lpa"},                       // 40 % vol in 1 hl = 40 l pure
		{"1500 kWh", duty.MegawattHour, "1.5 MWh"},                     // 1500 × 0.001
		{"20 kg", duty.Kilogram, "20 kg"},                              // same unit, unchanged
		{"1 item", duty.Dozen, "0.0833333333333333333333333333 dozen"}, // 1/12 carried to 28 places
	}
	for _, c := range cases {
		q, err := duty.ParseQuantity(c.from)
		require.NoError(t, err, c.from)
		got, err := q.Convert(c.to)
		require.NoError(t, err, c.from)
		assert.Equal(t, c.want, got.String(), "%s → %s", c.from, c.to)
	}
}

func TestQuantityConvertAcrossDimensions(t *testing.T) {
	q := duty.Quantity{Value: d("20"), Unit: duty.Kilogram}
	_, err := q.Convert(duty.Litre)
	require.Error(t, err)
	assert.ErrorIs(t, err, duty.ErrIncompatibleUnits)
	var ie *duty.IncompatibleUnitsError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, duty.Kilogram, ie.From)
	assert.Equal(t, duty.Litre, ie.To)
	assert.Equal(t, "duty: cannot convert kg (mass) to l (volume)", err.Error())

	_, err = duty.Quantity{Value: d("1"), Unit: duty.LitrePure}.Convert(duty.Litre)
	assert.ErrorIs(t, err, duty.ErrIncompatibleUnits)

	_, err = q.Convert("furlong")
	assert.ErrorIs(t, err, duty.ErrInvalidUnit)
	_, err = duty.Quantity{Value: d("1"), Unit: "stone"}.Convert(duty.Kilogram)
	assert.ErrorIs(t, err, duty.ErrInvalidUnit)
}

func TestNewQuantity(t *testing.T) {
	q, err := duty.NewQuantity(decimal.NewFromInt(3), duty.Dozen)
	require.NoError(t, err)
	assert.Equal(t, "3 dozen", q.String())
	_, err = duty.NewQuantity(decimal.NewFromInt(3), "DTN") // a spelling, not a canonical unit
	assert.ErrorIs(t, err, duty.ErrInvalidUnit)
}

func TestQuantityJSON(t *testing.T) {
	assert.Equal(t, `{"value":"20","unit":"kg"}`, mustJSON(t, duty.Quantity{Value: d("20"), Unit: duty.Kilogram}))
	// Trailing zeros of a quantity carry no meaning and are dropped.
	assert.Equal(t, `{"value":"0.75","unit":"l"}`, mustJSON(t, duty.Quantity{Value: d("0.750"), Unit: duty.Litre}))

	for _, q := range []duty.Quantity{
		{Value: d("20"), Unit: duty.Kilogram}, {Value: d("2.5"), Unit: duty.Quintal},
		{Value: d("-0.001"), Unit: duty.HectolitrePct}, {Value: d("3"), Unit: duty.KilowattHour},
		{Value: d("1"), Unit: duty.DozenPair}, {Value: d("7"), Unit: duty.Thousand},
	} {
		b, err := json.Marshal(q)
		require.NoError(t, err)
		var back duty.Quantity
		require.NoError(t, json.Unmarshal(b, &back), string(b))
		assert.True(t, q.Value.Equal(back.Value), string(b))
		assert.Equal(t, q.Unit, back.Unit, string(b))
	}

	var q duty.Quantity
	require.NoError(t, json.Unmarshal([]byte(`{"value":"2","unit":"DTN"}`), &q))
	assert.Equal(t, "2 100kg", q.String())
	require.NoError(t, json.Unmarshal([]byte(`null`), &q))
	assert.Equal(t, duty.Quantity{}, q)

	err := json.Unmarshal([]byte(`{"value":20,"unit":"kg"}`), &q)
	assert.ErrorIs(t, err, duty.ErrInvalidQuantity)
	err = json.Unmarshal([]byte(`{"value":"2e1","unit":"kg"}`), &q)
	assert.ErrorIs(t, err, duty.ErrInvalidQuantity)
	err = json.Unmarshal([]byte(`{"value":"20","unit":"stone"}`), &q)
	assert.ErrorIs(t, err, duty.ErrInvalidUnit)
	assert.Error(t, json.Unmarshal([]byte(`"20 kg"`), &q))
}

// TestQuantityZeroJSON: the zero Quantity (an absent net weight) must
// survive an encode/decode round trip, as shipments re-encode it.
func TestQuantityZeroJSON(t *testing.T) {
	b, err := json.Marshal(duty.Quantity{})
	require.NoError(t, err)
	assert.Equal(t, "null", string(b))
	var back duty.Quantity
	require.NoError(t, json.Unmarshal(b, &back), string(b))
	assert.Equal(t, duty.Quantity{}, back)
}

// FuzzParseQuantity: ParseQuantity never panics; what it accepts prints and
// re-parses to the same quantity, survives JSON, and converts to its
// dimension's base unit and back to an equal value when the factor allows.
func FuzzParseQuantity(f *testing.F) {
	for _, s := range []string{
		"100 kg", "100kg", "2.5 hl", "12 doz.", "3 l alc. 100%", "4 100 kg", "7 DTN", "1 1000 kg",
		"0.75 LTR", "10 p/st", "-1 kg", "5 % vol/hl", "1 pf. liter", "kg", "100", "1e3 kg", "",
		"1.2.3 kg", ". kg", "+.5 MWh", "3 dozen_pair", "9 1000 p/st",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := duty.ParseQuantity(s)
		if err != nil {
			return
		}
		if !q.Unit.Valid() {
			t.Fatalf("%q parsed to unknown unit %q", s, q.Unit)
		}
		back, err := duty.ParseQuantity(q.String())
		if err != nil || !back.Value.Equal(q.Value) || back.Unit != q.Unit {
			t.Fatalf("%q → %q → %v, %v", s, q.String(), back, err)
		}
		b, err := json.Marshal(q)
		if err != nil {
			t.Fatal(err)
		}
		var j duty.Quantity
		if err := json.Unmarshal(b, &j); err != nil || !j.Value.Equal(q.Value) || j.Unit != q.Unit {
			t.Fatalf("%q → %s → %v, %v", s, b, j, err)
		}
		for _, u := range []duty.Unit{duty.Kilogram, duty.Litre, duty.Item, duty.LitrePure, duty.MegawattHour, duty.Metre, duty.SquareMetre} {
			c, err := q.Convert(u)
			if u.Dimension() != q.Unit.Dimension() {
				if err == nil {
					t.Fatalf("%s converted across dimensions to %s", q, c)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s to %s: %v", q, u, err)
			}
			// Base units have factor 1, so a unit whose factor is an integer
			// converts back exactly.
			f, _ := q.Unit.Factor()
			if f.IsInteger() {
				r, err := c.Convert(q.Unit)
				if err != nil || !r.Value.Equal(q.Value) {
					t.Fatalf("%s → %s → %v, %v", q, c, r, err)
				}
			}
		}
	})
}
