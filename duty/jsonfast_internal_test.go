package duty

import (
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fast appenders must give encoding/json's bytes and StringFixed's
// digits for every input: they are checked against them directly.

func TestAppendFixedMatchesStringFixed(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	cases := []decimal.Decimal{decimal.Zero, decimal.RequireFromString("-0.001"), decimal.RequireFromString("123456789012345678"),
		decimal.RequireFromString("1234567890123456789012"), decimal.RequireFromString("0.000000000000000000001"),
		decimal.New(5, 3), decimal.New(-5, -30)}
	for range 20000 {
		cases = append(cases, decimal.New(r.Int64N(1<<62)-(1<<61), int32(r.IntN(30)-20)))
	}
	for _, d := range cases {
		for places := int32(0); places <= 8; places++ {
			want := d.StringFixed(places)
			got := string(appendFixed(nil, d, places))
			require.Equal(t, want, got, "%s places %d", d, places)
		}
	}
}

func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{"", "plain", `quo"te`, `back\slash`, "tab\there", "<b>&amp;</b>", "≤ 150 €", "nul\x00", "bad \xff utf8", "\u2028"} {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendJSONString(nil, s)), s)
	}
}

func TestFastJSONMatchesReflection(t *testing.T) {
	line := 3
	money := []Money{{}, MustMoney("12.5", "EUR"), MustMoney("-0.004", "JPY"), MustMoney("1234567890123456789012.3456", "USD"), MustMoney("7", "KWD")}
	for _, m := range money {
		got, err := json.Marshal(m)
		require.NoError(t, err)
		want := []byte("null")
		if m.currency != "" {
			want, err = json.Marshal(moneyJSON{Amount: m.amount.StringFixed(max(m.MinorUnits(), -m.amount.Exponent())), Currency: m.currency})
			require.NoError(t, err)
		}
		assert.Equal(t, string(want), string(got))
	}
	for _, d := range []Date{{}, MustDate("2026-12-01")} {
		got, err := json.Marshal(d)
		require.NoError(t, err)
		want := []byte("null")
		if !d.IsZero() {
			want, _ = json.Marshal(d.String())
		}
		assert.Equal(t, string(want), string(got))
	}
	for _, s := range []Step{
		{Step: "duty", Line: &line, What: "MFN duty", Rate: "12%", Base: MustMoney("550", "EUR"), Amount: MustMoney("66", "EUR"), Source: "CN 2026 <6109>"},
		{Step: "total", What: "total = duty + tax + fees", Amount: MustMoney("1", "EUR")},
		{Step: "de_minimis", What: "goods ≤ 150 €"},
	} {
		got, err := json.Marshal(s)
		require.NoError(t, err)
		want, err := json.Marshal(plainStep(s))
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got))
	}
}
