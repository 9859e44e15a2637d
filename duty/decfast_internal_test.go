package duty

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
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
