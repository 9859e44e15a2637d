package duty

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// addDec must give decimal.Add's value and exponent, which decide how many
// places an amount prints with.
func TestAddDec(t *testing.T) {
	d := decimal.RequireFromString
	cases := []struct{ a, b decimal.Decimal }{
		{decimal.Zero, d("1.50")},   // 0 (exponent 1) + 1.50 = 1.50
		{d("1.50"), decimal.Zero},   // 1.50
		{d("1.50"), d("0.0000")},    // a zero with more places: 1.5000
		{d("0.000"), d("2.5")},      // 2.500
		{d("0.00"), d("0")},         // 0.00
		{d("1.25"), d("-1.25")},     // 0.00
		{d("7"), d("0.35")},         // 7.35
		{decimal.Decimal{}, d("3")}, // the zero Decimal: 3
	}
	want := []string{"1.50", "1.50", "1.5000", "2.500", "0.00", "0.00", "7.35", "3"}
	for i, c := range cases {
		got := addDec(c.a, c.b)
		assert.Equal(t, want[i], got.StringFixed(-got.Exponent()), "%s + %s", c.a, c.b)
		assert.Equal(t, c.a.Add(c.b).Exponent(), got.Exponent(), "%s + %s", c.a, c.b)
	}
}

// roundHalfUp must give decimal.Round's value and exponent.
func TestRoundHalfUp(t *testing.T) {
	d := decimal.RequireFromString
	for _, c := range []struct {
		in     string
		places int32
		want   string
	}{
		{"1.005", 2, "1.01"}, {"-1.005", 2, "-1.01"}, {"1.0049", 2, "1.00"},
		{"0.5", 0, "1"}, {"-0.5", 0, "-1"}, {"0.49", 0, "0"},
		{"5", 2, "5.00"}, {"1234.5", -2, "1200"}, {"1250", -2, "1300"},
		{"4056", -3, "4000"}, {"0.0000000000000000001", 2, "0.00"},
	} {
		got := roundHalfUp(d(c.in), c.places)
		assert.Equal(t, c.want, got.StringFixed(max(0, -got.Exponent())), c.in)
		assert.Equal(t, -c.places, got.Exponent(), c.in)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		x := decimal.New(r.Int64()>>r.IntN(64)*int64(1-2*r.IntN(2)), int32(r.IntN(30)-20))
		places := int32(r.IntN(30) - 8)
		want, got := x.Round(places), roundHalfUp(x, places)
		require.True(t, want.Equal(got), "%s %d: %s vs %s", x, places, want, got)
		require.Equal(t, want.Exponent(), got.Exponent(), "%s %d", x, places)
	}
}

// randDec returns a decimal with a coefficient of up to about 21 digits
// (so that some operations leave 64 bits) and an exponent from -20 to 4.
func randDec(r *rand.Rand) decimal.Decimal {
	c := decimal.New(r.Int64()>>r.IntN(64), 0)
	if r.IntN(4) == 0 {
		c = c.Mul(decimal.New(r.Int64N(1000), 0)) // beyond 18 digits
	}
	if r.IntN(2) == 0 {
		c = c.Neg()
	}
	if r.IntN(10) == 0 {
		c = decimal.New(0, 0)
	}
	return decimal.NewFromBigInt(c.BigInt(), int32(r.IntN(25)-20))
}

// same requires got to be want: the same value and the same exponent, so
// the same figure when printed.
func same(t *testing.T, want, got decimal.Decimal, msg string, args ...any) {
	t.Helper()
	what := fmt.Sprintf(msg, args...)
	require.True(t, want.Equal(got), "value: want %s got %s; %s", want, got, what)
	require.Equal(t, want.Exponent(), got.Exponent(), "exponent of %s; %s", want, what)
}

// Every fast operation must give shopspring/decimal's value and exponent,
// on everyday figures and on figures beyond 64 bits (the exact fallback).
func TestFixMatchesDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 17))
	modes := []RoundingMode{HalfUp, HalfEven, Down, Up}
	for range 60000 {
		a, b := randDec(r), randDec(r)
		same(t, a.Add(b), addDec(a, b), "%s + %s", a, b)
		same(t, a.Sub(b), subDec(a, b), "%s - %s", a, b)
		same(t, a.Mul(b), mulDec(a, b), "%s × %s", a, b)
		places := int32(r.IntN(30) - 6)
		for _, m := range modes {
			var want decimal.Decimal
			switch m {
			case HalfUp:
				want = a.Round(places)
			case HalfEven:
				want = a.RoundBank(places)
			case Down:
				want = a.RoundDown(places)
			case Up:
				want = a.RoundUp(places)
			}
			same(t, want, m.round(a, places), "%s rounded %s to %d", a, m, places)
		}
		x, okx := fixOf(a)
		y, oky := fixOf(b)
		if okx && oky {
			require.Equal(t, a.Cmp(b), x.cmp(y), "cmp %s %s", a, b)
			require.Equal(t, a.Cmp(b), -y.cmp(x), "cmp %s %s", b, a)
		}
	}
}

// Half-way cases, which random figures rarely hit, and the bounds of 64
// bits.
func TestFixEdges(t *testing.T) {
	d := decimal.RequireFromString
	for _, c := range []struct {
		in     string
		places int32
	}{
		{"2.5", 0}, {"3.5", 0}, {"-2.5", 0}, {"-3.5", 0}, {"0.125", 2}, {"0.135", 2}, {"-0.125", 2},
		{"1.0001", 2}, {"-1.0001", 2}, {"0.004", 2}, {"-0.004", 2}, {"25", -1}, {"35", -1}, {"999999999999999999", -1},
		{"999999999999999999.5", 0}, {"0.999999999999999999", 17}, {"123", 17}, {"1", 18}, {"1", 19},
	} {
		a := d(c.in)
		same(t, a.Round(c.places), HalfUp.round(a, c.places), "%s half up %d", a, c.places)
		same(t, a.RoundBank(c.places), HalfEven.round(a, c.places), "%s half even %d", a, c.places)
		same(t, a.RoundDown(c.places), Down.round(a, c.places), "%s down %d", a, c.places)
		same(t, a.RoundUp(c.places), Up.round(a, c.places), "%s up %d", a, c.places)
	}
	big := d("999999999999999999") // 18 digits: the largest fix
	for _, c := range []struct{ a, b decimal.Decimal }{
		{big, d("1")}, {big, d("-1")}, {big.Neg(), d("-1")}, {big, d("0.1")}, {big, big}, {d("1e-20"), big},
		{d("9223372036854775807"), d("1")}, {d("-9223372036854775808"), d("-1")}, {d("1000000000"), d("1000000000")},
	} {
		same(t, c.a.Add(c.b), addDec(c.a, c.b), "%s + %s", c.a, c.b)
		same(t, c.a.Sub(c.b), subDec(c.a, c.b), "%s - %s", c.a, c.b)
		same(t, c.a.Mul(c.b), mulDec(c.a, c.b), "%s × %s", c.a, c.b)
	}
	_, ok := fixOf(d("1000000000000000000")) // 19 digits
	assert.False(t, ok)
	_, ok = fix{maxFix, 0}.add(fix{1, 0})
	assert.False(t, ok, "a sum over 18 digits leaves the fast path")
	_, ok = fix{1_000_000_000, 0}.mul(fix{1_000_000_000, 0})
	assert.False(t, ok, "10^18 has 19 digits")
}

// A decSum must end where repeated addDec ends, value and exponent,
// whether it stays in 64 bits or not.
func TestDecSum(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	for range 20000 {
		start := randDec(r)
		if r.IntN(3) == 0 {
			start = decimal.Zero
		}
		want, s := start, sumFrom(start)
		for range r.IntN(12) {
			x := randDec(r)
			if r.IntN(3) == 0 {
				x = decimal.New(r.Int64N(100000), -2) // everyday amounts
			}
			want = addDec(want, x)
			s.add(x)
		}
		same(t, want, s.value(), "sum from %s", start)
	}
}

// A lazy product and its rounding must be the decimal product and its
// rounding by the profile's Rounding, value and exponent.
func TestLazyDecMatchesDecimal(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 34))
	eur := MustMoney("0", "EUR")
	jpy := MustMoney("0", "JPY")
	roundings := []*Rounding{nil, {Places: 2, Mode: HalfUp}, {Places: 0, Mode: Down}, {Places: 2, Mode: HalfEven},
		{Places: -2, Mode: Up}, {Mode: HalfUp, Increment: decimal.RequireFromString("0.05")}}
	for range 30000 {
		a, b, f := randDec(r), randDec(r), randDec(r)
		shift := int32(r.IntN(5) - 3)
		x := lazyMul(a, b, shift)
		want := a.Mul(b).Shift(shift)
		same(t, want, x.dec(), "%s × %s shifted %d", a, b, shift)
		require.Equal(t, want.Exponent(), x.exp())
		same(t, want.Mul(f), x.mul(f).dec(), "%s × %s × %s", a, b, f)
		for _, m := range []Money{eur, jpy} {
			for _, rd := range roundings {
				w := rd.apply(m.with(want))
				got := x.roundWith(rd, m, m.MinorUnits())
				same(t, w.amount, got.amount, "%s × %s rounded %v in %s", a, b, rd, m.Currency())
				require.Equal(t, m.Currency(), got.Currency())
			}
		}
	}
}

// A plain ad valorem rate gives through applyExact what Rate.Apply gives.
func TestApplyExactMatchesApply(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	k := &calc{cur: "EUR", zeroM: MustMoney("0", "EUR")}
	for _, text := range []string{"12%", "0%", "2.5%", "Free", "17.25%", "3.7% + 1.2 EUR / 100 kg", "10% MIN 2 EUR / kg"} {
		rate, err := ParseRate(text)
		require.NoError(t, err)
		for range 2000 {
			v := decimal.New(r.Int64N(100_000_000), -int32(r.IntN(5)))
			b := Basis{Value: k.money(v), Quantities: []Quantity{{Value: decimal.New(r.Int64N(1000)+1, 0), Unit: "kg"}}}
			m := Measure{Rate: rate}
			want, werr := rate.Apply(b)
			x, err := k.applyExact(m, b)
			if werr != nil {
				require.Error(t, err)
				continue
			}
			require.NoError(t, err, text)
			same(t, want.Amount(), x.dec(), "%s of %s", text, v)
		}
	}
}
