package duty_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Ad valorem duty never decreases when the value grows, and is exactly
// value × percent / 100 (worked here with decimal, not by the package).
// A compound rate (specific + ad valorem) on a fixed quantity grows with
// the value too, and a MIN/MAX clause keeps it monotonic.
func TestAdValoremMonotonic(t *testing.T) {
	percents := map[string]string{"2.5%": "2.5", "12%": "12", "16.5%": "16.5", "6.8%": "6.8", "Free": "0", "32%": "32"}
	compound := []string{"4.4¢/kg + 6%", "12.8 % + 176.8 EUR / 100 kg", "12.000 % MIN 2.000 EUR DTN MAX 3.000 EUR DTN"}
	hundred := decimal.NewFromInt(100)
	for text, pct := range percents {
		r, err := duty.ParseRate(text)
		require.NoError(t, err, text)
		p := decimal.RequireFromString(pct)
		rnd := rand.New(rand.NewPCG(7, uint64(len(text))))
		prev := decimal.Zero
		v := decimal.Zero
		for i := range 300 {
			v = v.Add(decimal.New(rnd.Int64N(5_000_00), -2)) // grows by 0 to 4,999.99
			got, err := r.Apply(duty.Basis{Value: duty.MustMoney(v.StringFixed(2), "EUR")})
			require.NoError(t, err, text)
			want := v.Mul(p).Div(hundred)
			assert.True(t, got.Amount().Equal(want), "%s on %s: got %s, want %s", text, v, got, want)
			assert.False(t, got.Amount().LessThan(prev), "%s step %d: %s after %s", text, i, got.Amount(), prev)
			prev = got.Amount()
		}
	}
	for _, text := range compound {
		r, err := duty.ParseRate(text)
		require.NoError(t, err, text)
		cur := "EUR"
		if text == "4.4¢/kg + 6%" {
			cur = "USD"
		}
		rnd := rand.New(rand.NewPCG(11, uint64(len(text))))
		q := []duty.Quantity{{Value: decimal.NewFromInt(20), Unit: duty.Kilogram}}
		prev := decimal.Zero
		v := decimal.Zero
		for i := range 300 {
			v = v.Add(decimal.New(rnd.Int64N(50_00), -2))
			got, err := r.Apply(duty.Basis{Value: duty.MustMoney(v.StringFixed(2), cur), Quantities: q})
			require.NoError(t, err, text)
			assert.False(t, got.Amount().LessThan(prev), fmt.Sprintf("%s step %d: %s after %s", text, i, got.Amount(), prev))
			prev = got.Amount()
		}
	}
}
