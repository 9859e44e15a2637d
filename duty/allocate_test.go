package duty_test

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

func ds(ss ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i] = d(s)
	}
	return out
}

func strs(ms []duty.Money) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.String()
	}
	return out
}

func TestAllocateAwkwardSplits(t *testing.T) {
	cases := []struct {
		name    string
		total   duty.Money
		weights []decimal.Decimal
		want    []string
	}{
		// 1000 cents / 3 = 333.33 each; floors 333×3 = 999; the one cent left
		// goes to the first of the tied remainders.
		{"ten euros over three", duty.MustMoney("10.00", "EUR"), ds("1", "1", "1"),
			[]string{"3.34 EUR", "3.33 EUR", "3.33 EUR"}},
		// One line takes everything.
		{"one line of a cent", duty.MustMoney("0.01", "EUR"), ds("5"),
			[]string{"0.01 EUR"}},
		// 1 cent over two equal lines: 0.5 each, the first wins the tie.
		{"a cent over two", duty.MustMoney("0.01", "EUR"), ds("1", "1"),
			[]string{"0.01 EUR", "0.00 EUR"}},
		// 1000 JPY / 3: 333.33…; one yen left goes to the first line.
		{"JPY total", duty.MustMoney("1000", "JPY"), ds("1", "1", "1"),
			[]string{"334 JPY", "333 JPY", "333 JPY"}},
		// 100 JPY by 1:2: exact 33.33 and 66.67; floors 33 + 66 = 99, the yen
		// left goes to the larger remainder (0.67, the second line).
		{"JPY one to two", duty.MustMoney("100", "JPY"), ds("1", "2"),
			[]string{"33 JPY", "67 JPY"}},
		// A zero weight gets nothing; the others share: 10.00 by 1:0:1.
		{"weights with zero", duty.MustMoney("10.00", "EUR"), ds("1", "0", "1"),
			[]string{"5.00 EUR", "0.00 EUR", "5.00 EUR"}},
		// 10.00 by 0:1:0:2 → 3.333… and 6.666…; floors 333 + 666 = 999 cents,
		// the cent left goes to the larger remainder (0.67, the fourth line).
		{"zeros and unequal", duty.MustMoney("10.00", "EUR"), ds("0", "1", "0", "2"),
			[]string{"0.00 EUR", "3.33 EUR", "0.00 EUR", "6.67 EUR"}},
		// Negative total: the same split with the sign.
		{"negative total", duty.MustMoney("-10.00", "EUR"), ds("1", "1", "1"),
			[]string{"-3.34 EUR", "-3.33 EUR", "-3.33 EUR"}},
		// KWD has three minor digits: 1.000 / 3 → 0.334, 0.333, 0.333.
		{"KWD", duty.MustMoney("1.000", "KWD"), ds("1", "1", "1"),
			[]string{"0.334 KWD", "0.333 KWD", "0.333 KWD"}},
		// Fractional weights (prices): 50.00 freight by line values 12.5, 37.5
		// → 1/4 and 3/4 → 12.50 and 37.50.
		{"by value", duty.MustMoney("50.00", "EUR"), ds("12.5", "37.5"),
			[]string{"12.50 EUR", "37.50 EUR"}},
		// Zero total: every part zero.
		{"zero total", duty.MustMoney("0", "EUR"), ds("1", "2"),
			[]string{"0.00 EUR", "0.00 EUR"}},
		// 0.05 over seven lines: 5 cents / 7 = 0.714… each, floors 0, all tied:
		// the first five lines get a cent each.
		{"fewer cents than lines", duty.MustMoney("0.05", "EUR"), ds("1", "1", "1", "1", "1", "1", "1"),
			[]string{"0.01 EUR", "0.01 EUR", "0.01 EUR", "0.01 EUR", "0.01 EUR", "0.00 EUR", "0.00 EUR"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			parts, err := duty.Allocate(c.total, c.weights)
			require.NoError(t, err)
			assert.Equal(t, c.want, strs(parts))
			sum, err := duty.Sum(parts...)
			require.NoError(t, err)
			assert.True(t, sum.Equal(c.total), "sum %s != %s", sum, c.total)
		})
	}
}

func TestAllocateErrors(t *testing.T) {
	ten := duty.MustMoney("10.00", "EUR")
	_, err := duty.Allocate(ten, nil)
	assert.ErrorIs(t, err, duty.ErrDivisionByZero)
	_, err = duty.Allocate(ten, ds("0", "0"))
	assert.ErrorIs(t, err, duty.ErrDivisionByZero)
	_, err = duty.Allocate(ten, ds("1", "-1"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "weight 1 is negative (-1)")
	// 10.005 EUR is finer than a cent: the caller rounds first.
	_, err = duty.Allocate(duty.MustMoney("10.005", "EUR"), ds("1"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "round it first")
}

func TestSum(t *testing.T) {
	s, err := duty.Sum(duty.MustMoney("1.10", "EUR"), duty.MustMoney("2.205", "EUR"), duty.MustMoney("-0.3", "EUR"))
	require.NoError(t, err)
	assert.Equal(t, "3.005 EUR", s.String()) // 1.10 + 2.205 - 0.30
	_, err = duty.Sum()
	assert.Error(t, err)
}

// TestAllocateRandomCarts checks the two invariants on random carts: the
// parts sum to the total exactly, and each part is within one minor unit of
// its exact share total × w / Σw.
func TestAllocateRandomCarts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2026))
	currencies := []string{"EUR", "JPY", "KWD", "USD"}
	for n := 0; n < 2000; n++ {
		cur := currencies[rng.IntN(len(currencies))]
		info, err := duty.LookupCurrency(cur)
		require.NoError(t, err)
		units := rng.Int64N(10_000_000) - 1_000_000 // some negatives
		total, err := duty.NewMoney(decimal.New(units, -info.Minor), cur)
		require.NoError(t, err)
		lines := 1 + rng.IntN(40)
		weights := make([]decimal.Decimal, lines)
		sumW := decimal.Zero
		for i := range weights {
			switch rng.IntN(5) {
			case 0:
				weights[i] = decimal.Zero
			case 1:
				weights[i] = decimal.New(rng.Int64N(1000), -3) // 0.000–0.999
			default:
				weights[i] = decimal.New(rng.Int64N(1_000_000), -2)
			}
			sumW = sumW.Add(weights[i])
		}
		if sumW.IsZero() {
			weights[0] = decimal.NewFromInt(1)
			sumW = weights[0]
		}
		parts, err := duty.Allocate(total, weights)
		require.NoError(t, err)
		require.Len(t, parts, lines)
		sum, err := duty.Sum(parts...)
		require.NoError(t, err)
		require.True(t, sum.Equal(total), "cart %d: parts sum to %s, total %s", n, sum, total)
		minor := decimal.New(1, -info.Minor)
		for i, p := range parts {
			require.Equal(t, cur, p.Currency())
			require.True(t, p.Amount().Equal(p.Amount().Round(info.Minor)), "part %s finer than the minor unit", p)
			exact := total.Amount().Mul(weights[i]).DivRound(sumW, 30)
			require.True(t, p.Amount().Sub(exact).Abs().LessThan(minor),
				"cart %d line %d: part %s, exact share %s", n, i, p, exact)
			if weights[i].IsZero() {
				require.True(t, p.IsZero(), "a zero weight got %s", p)
			}
		}
	}
}
