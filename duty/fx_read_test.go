package duty_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadFixedRates(t *testing.T) {
	r, err := duty.ReadFixedRates(strings.NewReader(`{"USD/EUR": "0.92", "EUR/GBP": "0.8575"}`))
	require.NoError(t, err)
	assert.Equal(t, "0.92", r["USD/EUR"].String())
	assert.Equal(t, "0.8575", r["EUR/GBP"].String())

	for _, c := range []struct{ in, key, msg string }{
		{`{"USDEUR": "0.92"}`, "USDEUR", `want "FROM/TO"`},
		{`{"usd/eur": "0.92"}`, "usd/eur", "want upper case"},
		{`{"USD/EUX": "0.92"}`, "USD/EUX", "not an active ISO 4217 code"},
		{`{"USD/USD": "1"}`, "USD/USD", "a currency to itself"},
		{`{"USD/EUR": 0.92}`, "USD/EUR", "want the rate as a JSON string"},
		{`{"USD/EUR": "0,92"}`, "USD/EUR", "not a decimal number"},
		{`{"USD/EUR": "0"}`, "USD/EUR", "implausible"},
		{`{"USD/EUR": "-0.92"}`, "USD/EUR", "implausible"},
		{`{"USD/EUR": "92000000"}`, "USD/EUR", "implausible"},
		{`{"USD/EUR": "0.92", "USD/EUR": "0.93"}`, "USD/EUR", "given twice"},
		{`{"USD/EUR": "0.92"} {}`, "", "unexpected data after"},
		{`["USD/EUR"]`, "", "want a JSON object"},
		{`{"USD/EUR": "0.92"`, "", "not valid JSON"},
	} {
		_, err := duty.ReadFixedRates(strings.NewReader(c.in))
		var re *duty.RatesError
		require.True(t, errors.As(err, &re), "%s: %v", c.in, err)
		assert.ErrorIs(t, err, duty.ErrInvalidRates)
		assert.Equal(t, c.key, re.Key, c.in)
		assert.Contains(t, err.Error(), c.msg, c.in)
	}
	_, err = duty.ReadFixedRates(io.MultiReader(strings.NewReader(`{"USD/EUR": "`), testkit.Endless('0')))
	assert.ErrorIs(t, err, duty.ErrInputLimit)
}

// FuzzReadFixedRates: any bytes give rates or a *RatesError, never a panic;
// every rate accepted is plausible and keyed by two valid codes.
func FuzzReadFixedRates(f *testing.F) {
	f.Add(`{"USD/EUR": "0.92", "EUR/GBP": "0.8575"}`)
	f.Add(`{"USD/EUR": 0.92}`)
	f.Add(`{"usd/eur": "1"}`)
	f.Add(`{"USD/EUR": "0.92"} x`)
	f.Add(`{"USD/JPY": "1e3"}`)
	f.Fuzz(func(t *testing.T, in string) {
		r, err := duty.ReadFixedRates(strings.NewReader(in))
		if err != nil {
			var re *duty.RatesError
			if !errors.As(err, &re) {
				t.Fatalf("error is %T, not *RatesError: %v", err, err)
			}
			return
		}
		for k, v := range r {
			from, to, _ := strings.Cut(k, "/")
			if _, err := duty.LookupCurrency(from); err != nil {
				t.Fatalf("accepted key %q", k)
			}
			if _, err := duty.LookupCurrency(to); err != nil {
				t.Fatalf("accepted key %q", k)
			}
			if v.LessThan(duty.MinPlausibleRate()) || v.GreaterThan(duty.MaxPlausibleRate()) {
				t.Fatalf("accepted rate %s for %s", v, k)
			}
		}
	})
}
