package duty_test

import (
	"fmt"

	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundParts(t *testing.T) {
	m := func(s string) duty.Money { return duty.MustMoney(s, "EUR") }
	strs := func(ms []duty.Money) []string {
		out := make([]string, len(ms))
		for i, x := range ms {
			out[i] = x.String()
		}
		return out
	}
	cases := []struct {
		name  string
		parts []duty.Money
		want  []string
		total string
	}{
		// Three thirds of 10: exact sum 10.00; floors 3.33 ×3 = 9.99; one
		// cent missing goes to the first of three equal remainders.
		{"thirds", []duty.Money{m("3.333333"), m("3.333333"), m("3.333334")}, []string{"3.33 EUR", "3.33 EUR", "3.34 EUR"}, "10.00 EUR"},
		// 1.005 + 2.005: sum 3.010 → 3.01; floors 1.00 + 2.00 = 3.00; one
		// cent to the larger remainder (equal: the first).
		{"halves", []duty.Money{m("1.005"), m("2.005")}, []string{"1.01 EUR", "2.00 EUR"}, "3.01 EUR"},
		// Already exact parts never move.
		{"exact", []duty.Money{m("1.10"), m("2.20"), m("0.004")}, []string{"1.10 EUR", "2.20 EUR", "0.00 EUR"}, "3.30 EUR"},
		// A negative adjustment: -0.004 floors to -0.01 with remainder
		// 0.006; 5.004 floors to 5.00 with remainder 0.004. Sum 5.000 →
		// 5.00; floors 4.99; the cent goes to the larger remainder.
		{"negative", []duty.Money{m("5.004"), m("-0.004")}, []string{"5.00 EUR", "0.00 EUR"}, "5.00 EUR"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, total, err := duty.RoundParts(c.parts)
			require.NoError(t, err)
			assert.Equal(t, c.want, strs(got))
			assert.Equal(t, c.total, total.String())
			sum, err := duty.Sum(got...)
			require.NoError(t, err)
			assert.True(t, sum.Equal(total), "parts %v sum to %s, total %s", strs(got), sum, total)
		})
	}
}

func TestRoundPartsErrors(t *testing.T) {
	_, _, err := duty.RoundParts(nil)
	assert.ErrorIs(t, err, duty.ErrDivisionByZero)
	_, _, err = duty.RoundParts([]duty.Money{duty.MustMoney("1", "EUR"), duty.MustMoney("1", "USD")})
	assert.ErrorIs(t, err, duty.ErrCurrencyMismatch)
}

func ExampleRoundParts() {
	// Three equal shares of 10 EUR converted exactly: shown rounded, they
	// still add up to the shown total.
	parts, total, _ := duty.RoundParts([]duty.Money{
		duty.MustMoney("3.333333", "EUR"), duty.MustMoney("3.333333", "EUR"), duty.MustMoney("3.333334", "EUR"),
	})
	fmt.Println(parts, total)
	// Output: [3.33 EUR 3.33 EUR 3.34 EUR] 10.00 EUR
}
