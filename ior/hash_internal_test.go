package ior

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The quote id formats decimals in place: the bytes must be those of
// Decimal.String, which the ids were defined with.
func TestAppendDecimalString(t *testing.T) {
	cases := map[string]decimal.Decimal{
		"0":                      decimal.New(0, -2),   // 0.00 trims to 0
		"5":                      decimal.New(500, -2), // 5.00
		"-0.05":                  decimal.New(-5, -2),
		"0.0012":                 decimal.New(12, -4),
		"123.4":                  decimal.New(12340, -2),
		"-9223372036854775808":   decimal.New(math.MinInt64, 0),
		"-0.000000000000000001":  decimal.New(-1, -18),
		"12000":                  decimal.New(12, 3),  // positive exponent: fallback
		"0.0000000000000000001":  decimal.New(1, -19), // beyond 18 places: fallback
		"1234567890123456789.12": decimal.RequireFromString("1234567890123456789.12"),
	}
	for want, d := range cases {
		assert.Equal(t, want, string(appendDecimalString([]byte{}, d)), want)
		assert.Equal(t, d.String(), string(appendDecimalString(nil, d)), want)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		c := r.Int64() >> r.IntN(64)
		if r.IntN(2) == 0 {
			c = -c
		}
		d := decimal.New(c, -int32(r.IntN(22)))
		require.Equal(t, d.String(), string(appendDecimalString([]byte("x"), d)[1:]), "%d e%d", c, d.Exponent())
	}
}

// dec and date write what str(String()) wrote, so quote ids do not change.
func TestIDWriterInPlace(t *testing.T) {
	var a, b idWriter
	d := decimal.RequireFromString("-1234.5600")
	day := duty.MustDate("2026-03-01")
	a.dec(d)
	a.date(day)
	a.date(duty.Date{})
	b.str(d.String())
	b.str(day.String())
	b.str("")
	assert.Equal(t, b.b, a.b)
}
