package duty

import (
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
