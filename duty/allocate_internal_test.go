package duty

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The 64-bit path and the decimal path of Allocate must agree to the
// minor unit on every input the 64-bit path accepts.
func TestAllocateSmallMatchesBig(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for n := 0; n < 3000; n++ {
		lines := 1 + rng.Intn(30)
		if n%10 == 0 {
			lines = 33 + rng.Intn(200) // over 32 shares: sorted, not insertion-sorted
		}
		weights := make([]decimal.Decimal, lines)
		sum := decimal.Zero
		for i := range weights {
			// Mostly cent values, sometimes zero, sometimes with more places.
			switch rng.Intn(5) {
			case 0:
				weights[i] = decimal.Zero
			case 1:
				weights[i] = decimal.New(rng.Int63n(1_000_000_000), -int32(rng.Intn(6)))
			default:
				weights[i] = decimal.New(rng.Int63n(10_000_000), -2)
			}
			sum = sum.Add(weights[i])
		}
		if sum.IsZero() {
			continue
		}
		places := int32([]int{0, 2, 3}[rng.Intn(3)])
		units := decimal.New(rng.Int63n(100_000_000), 0)
		neg := rng.Intn(4) == 0
		small, ok := allocateSmall(units, weights, places, neg, MustMoney("0", "EUR"))
		require.True(t, ok, "case %d", n)
		big := allocateBig(units, weights, sum, places, neg, MustMoney("0", "EUR"))
		require.Len(t, small, len(big))
		for i := range big {
			require.True(t, small[i].Amount().Equal(big[i].Amount()), fmt.Sprintf("case %d line %d: %s vs %s", n, i, small[i], big[i]))
		}
	}
}

// Figures too large or too fine for 64 bits take the decimal path.
func TestAllocateSmallDeclines(t *testing.T) {
	_, ok := allocateSmall(decimal.New(1, 19), []decimal.Decimal{decimal.New(1, 0)}, 2, false, MustMoney("0", "EUR"))
	require.False(t, ok)
	_, ok = allocateSmall(decimal.New(5, 0), []decimal.Decimal{decimal.New(1, -13)}, 2, false, MustMoney("0", "EUR"))
	require.False(t, ok)
	_, ok = allocateSmall(decimal.New(5, 0), []decimal.Decimal{decimal.New(9, 18), decimal.New(9, 18)}, 2, false, MustMoney("0", "EUR"))
	require.False(t, ok)
}
