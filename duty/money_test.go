package duty_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestParseMoneyAccepts(t *testing.T) {
	cases := []struct {
		amount, currency, want string
	}{
		{"1234.56", "EUR", "1234.56 EUR"},
		{"0", "EUR", "0.00 EUR"},        // padded to EUR's 2 minor digits
		{"-0.5", "EUR", "-0.50 EUR"},    // sign kept, padded
		{"+7", "USD", "7.00 USD"},       // explicit plus sign
		{".5", "EUR", "0.50 EUR"},       // leading dot
		{"12.345", "EUR", "12.345 EUR"}, // more precision than the minor unit is kept
		{"100", "JPY", "100 JPY"},       // JPY has no minor digits
		{"1.5", "KWD", "1.500 KWD"},     // KWD has three
	}
	for _, c := range cases {
		t.Run(c.amount+c.currency, func(t *testing.T) {
			m, err := duty.ParseMoney(c.amount, c.currency)
			require.NoError(t, err)
			assert.Equal(t, c.want, m.String())
			assert.Equal(t, c.currency, m.Currency())
		})
	}
}

func TestParseMoneyRefuses(t *testing.T) {
	for _, s := range []string{"1e3", " 1", "1 ", "1,000", "NaN", "Inf", "", "--1", "-", ".", "+-1", "1.2.3", "0x10", "１"} {
		t.Run(s, func(t *testing.T) {
			_, err := duty.ParseMoney(s, "EUR")
			require.Error(t, err)
			assert.ErrorIs(t, err, duty.ErrInvalidAmount)
			var ae *duty.InvalidAmountError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, s, ae.Amount)
		})
	}
	_, err := duty.ParseMoney("1", "eur")
	assert.ErrorIs(t, err, duty.ErrInvalidCurrency)
	_, err = duty.ParseMoney("1", "HRK")
	assert.ErrorIs(t, err, duty.ErrInvalidCurrency)
	assert.Panics(t, func() { duty.MustMoney("1e3", "EUR") })
}

func TestNewMoneyAndZero(t *testing.T) {
	m, err := duty.NewMoney(d("2.5"), "EUR")
	require.NoError(t, err)
	assert.Equal(t, "2.50 EUR", m.String())
	_, err = duty.NewMoney(d("2.5"), "XXX1")
	assert.ErrorIs(t, err, duty.ErrInvalidCurrency)
	z, err := duty.Zero("JPY")
	require.NoError(t, err)
	assert.True(t, z.IsZero())
	assert.Equal(t, "0 JPY", z.String())
	_, err = duty.Zero("")
	assert.ErrorIs(t, err, duty.ErrInvalidCurrency)
	assert.Equal(t, "0", duty.Money{}.String())
}

func TestParseDecimal(t *testing.T) {
	v, err := duty.ParseDecimal("-12.50")
	require.NoError(t, err)
	assert.True(t, v.Equal(d("-12.5")))
	_, err = duty.ParseDecimal("1e3")
	assert.ErrorIs(t, err, duty.ErrInvalidAmount)
}

func TestMoneyArithmetic(t *testing.T) {
	a := duty.MustMoney("10.10", "EUR")
	b := duty.MustMoney("0.95", "EUR")

	sum, err := a.Add(b) // 10.10 + 0.95 = 11.05
	require.NoError(t, err)
	assert.Equal(t, "11.05 EUR", sum.String())

	diff, err := b.Sub(a) // 0.95 - 10.10 = -9.15
	require.NoError(t, err)
	assert.Equal(t, "-9.15 EUR", diff.String())
	assert.True(t, diff.IsNegative())

	// 10.10 × 0.19 = 1.9190 exactly: Mul does not round.
	assert.Equal(t, "1.9190 EUR", a.Mul(d("0.19")).String())
	assert.Equal(t, "-10.10 EUR", a.Neg().String())

	// 10.00 / 3 = 3.333… → 3.33 at two places; 20.00 / 3 = 6.666… → 6.67.
	q, err := duty.MustMoney("10.00", "EUR").Div(d("3"), 2)
	require.NoError(t, err)
	assert.Equal(t, "3.33 EUR", q.String())
	q, err = duty.MustMoney("20.00", "EUR").Div(d("3"), 2)
	require.NoError(t, err)
	assert.Equal(t, "6.67 EUR", q.String())
	// -0.05 / 2 = -0.025 → half away from zero → -0.03.
	q, err = duty.MustMoney("-0.05", "EUR").Div(d("2"), 2)
	require.NoError(t, err)
	assert.Equal(t, "-0.03 EUR", q.String())

	_, err = a.Div(decimal.Zero, 2)
	assert.ErrorIs(t, err, duty.ErrDivisionByZero)

	c, err := a.Cmp(b)
	require.NoError(t, err)
	assert.Equal(t, 1, c)
	c, err = b.Cmp(a)
	require.NoError(t, err)
	assert.Equal(t, -1, c)
	c, err = duty.MustMoney("12.5", "EUR").Cmp(duty.MustMoney("12.50", "EUR"))
	require.NoError(t, err)
	assert.Equal(t, 0, c)

	assert.True(t, duty.MustMoney("12.5", "EUR").Equal(duty.MustMoney("12.50", "EUR")))
	assert.False(t, duty.MustMoney("12.5", "EUR").Equal(duty.MustMoney("12.5", "USD")))
	assert.True(t, duty.MustMoney("0.01", "EUR").IsPositive())
}

func TestMoneyCurrencyMismatch(t *testing.T) {
	eur := duty.MustMoney("1", "EUR")
	usd := duty.MustMoney("1", "USD")
	_, errAdd := eur.Add(usd)
	_, errSub := eur.Sub(usd)
	_, errCmp := eur.Cmp(usd)
	_, errSum := duty.Sum(eur, usd)
	for _, err := range []error{errAdd, errSub, errCmp, errSum} {
		require.Error(t, err)
		assert.ErrorIs(t, err, duty.ErrCurrencyMismatch)
		var me *duty.CurrencyMismatchError
		require.True(t, errors.As(err, &me))
		assert.Equal(t, "EUR", me.A)
		assert.Equal(t, "USD", me.B)
		assert.Contains(t, err.Error(), `"EUR" and "USD"`)
	}
}

func TestMoneyRound(t *testing.T) {
	cases := []struct {
		amount, cur string
		mode        duty.RoundingMode
		want        string
	}{
		// Half away from zero at the minor unit.
		{"1.005", "EUR", duty.HalfUp, "1.01 EUR"},
		{"-1.005", "EUR", duty.HalfUp, "-1.01 EUR"},
		{"1.0049", "EUR", duty.HalfUp, "1.00 EUR"},
		{"2.5", "JPY", duty.HalfUp, "3 JPY"},
		{"-2.5", "JPY", duty.HalfUp, "-3 JPY"},
		{"0.5", "JPY", duty.HalfUp, "1 JPY"},
		{"1.0005", "KWD", duty.HalfUp, "1.001 KWD"},
		{"1.0004", "KWD", duty.HalfUp, "1.000 KWD"},
		// Half to even: 1.005 → 1.00 (0 even), 1.015 → 1.02 (2 even), 2.5 JPY → 2, 3.5 JPY → 4.
		{"1.005", "EUR", duty.HalfEven, "1.00 EUR"},
		{"1.015", "EUR", duty.HalfEven, "1.02 EUR"},
		{"-1.005", "EUR", duty.HalfEven, "-1.00 EUR"},
		{"2.5", "JPY", duty.HalfEven, "2 JPY"},
		{"3.5", "JPY", duty.HalfEven, "4 JPY"},
		{"1.0051", "EUR", duty.HalfEven, "1.01 EUR"}, // not a tie
		// Down truncates toward zero.
		{"1.999", "EUR", duty.Down, "1.99 EUR"},
		{"-1.999", "EUR", duty.Down, "-1.99 EUR"},
		{"2.9", "JPY", duty.Down, "2 JPY"},
		// Up goes away from zero.
		{"1.001", "EUR", duty.Up, "1.01 EUR"},
		{"-1.001", "EUR", duty.Up, "-1.01 EUR"},
		{"1.00", "EUR", duty.Up, "1.00 EUR"},
		{"2.1", "JPY", duty.Up, "3 JPY"},
	}
	for _, c := range cases {
		t.Run(c.amount+c.cur+c.mode.String(), func(t *testing.T) {
			m := duty.MustMoney(c.amount, c.cur)
			got := m.RoundWith(c.mode)
			assert.Equal(t, c.want, got.String())
			if c.mode == duty.HalfUp {
				assert.Equal(t, c.want, m.Round().String())
			}
		})
	}
}

func TestMoneyRoundToNegativePlaces(t *testing.T) {
	cases := []struct {
		amount string
		places int32
		mode   duty.RoundingMode
		want   string
	}{
		// Japan: taxable value rounded down to 1,000 yen.
		{"123456", -3, duty.Down, "123000 JPY"},
		{"123999", -3, duty.Down, "123000 JPY"},
		{"999", -3, duty.Down, "0 JPY"},
		{"123456", -3, duty.Up, "124000 JPY"},
		{"123000", -3, duty.Up, "123000 JPY"},
		{"123500", -3, duty.HalfUp, "124000 JPY"},
		{"123499", -3, duty.HalfUp, "123000 JPY"},
		{"122500", -3, duty.HalfEven, "122000 JPY"}, // 122 is even
		{"123500", -3, duty.HalfEven, "124000 JPY"}, // 124 is even
		{"-123456", -3, duty.Down, "-123000 JPY"},
		{"1234.5678", 1, duty.Down, "1234.5 JPY"},
		{"45", -2, duty.Up, "100 JPY"},
	}
	for _, c := range cases {
		got := duty.MustMoney(c.amount, "JPY").RoundTo(c.places, c.mode)
		assert.Equal(t, c.want, got.String(), "%s to %d %s", c.amount, c.places, c.mode)
	}
	// EUR to whole euros down: 1234.56 → 1234.00, printed with EUR's two digits.
	assert.Equal(t, "1234.00 EUR", duty.MustMoney("1234.56", "EUR").RoundTo(0, duty.Down).String())
}

func TestRoundingModeNames(t *testing.T) {
	for _, m := range []duty.RoundingMode{duty.HalfUp, duty.HalfEven, duty.Down, duty.Up} {
		got, err := duty.ParseRoundingMode(m.String())
		require.NoError(t, err)
		assert.Equal(t, m, got)
		b, err := json.Marshal(m)
		require.NoError(t, err)
		var back duty.RoundingMode
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, m, back)
	}
	assert.Equal(t, `"half_even"`, mustJSON(t, duty.HalfEven))
	_, err := duty.ParseRoundingMode("ceiling")
	assert.Error(t, err)
	var m duty.RoundingMode
	assert.Error(t, json.Unmarshal([]byte(`1`), &m))
	assert.Equal(t, "RoundingMode(9)", duty.RoundingMode(9).String())
	// A bare decimal: 2.345 half up at 2 → 2.35.
	assert.True(t, duty.HalfUp.Round(d("2.345"), 2).Equal(d("2.35")))
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func TestMoneyJSON(t *testing.T) {
	// "12.50" keeps its trailing zero; 12.5 is padded to EUR's two digits.
	assert.Equal(t, `{"amount":"12.50","currency":"EUR"}`, mustJSON(t, duty.MustMoney("12.50", "EUR")))
	assert.Equal(t, `{"amount":"12.50","currency":"EUR"}`, mustJSON(t, duty.MustMoney("12.5", "EUR")))
	assert.Equal(t, `{"amount":"1500","currency":"JPY"}`, mustJSON(t, duty.MustMoney("1500", "JPY")))
	assert.Equal(t, `{"amount":"0.125","currency":"KWD"}`, mustJSON(t, duty.MustMoney("0.125", "KWD")))
	assert.Equal(t, `null`, mustJSON(t, duty.Money{}))

	for _, m := range []duty.Money{
		duty.MustMoney("12.50", "EUR"), duty.MustMoney("-0.01", "USD"),
		duty.MustMoney("1500", "JPY"), duty.MustMoney("1.2345", "KWD"), {},
	} {
		b, err := json.Marshal(m)
		require.NoError(t, err)
		var back duty.Money
		require.NoError(t, json.Unmarshal(b, &back))
		assert.True(t, m.Equal(back), "%s → %s → %s", m, b, back)
		assert.Equal(t, m.String(), back.String())
	}

	var m duty.Money
	require.NoError(t, json.Unmarshal([]byte(`{"amount":"12.50","currency":"EUR"}`), &m))
	assert.Equal(t, "12.50 EUR", m.String())

	// A numeric amount may already have been a float: refused.
	err := json.Unmarshal([]byte(`{"amount":12.5,"currency":"EUR"}`), &m)
	require.Error(t, err)
	assert.ErrorIs(t, err, duty.ErrInvalidAmount)
	assert.Contains(t, err.Error(), "12.5")

	for _, bad := range []string{
		`{"amount":"1e3","currency":"EUR"}`,
		`{"amount":"12.50","currency":"eur"}`,
		`{"amount":"12.50"}`,
		`{"currency":"EUR"}`,
		`"12.50 EUR"`,
		`[]`,
	} {
		assert.Error(t, json.Unmarshal([]byte(bad), &m), bad)
	}
}

// FuzzParseMoney: ParseMoney never panics; what it accepts prints, re-parses
// and JSON-encodes back to an equal amount.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1234.56", "-0.5", "+7", ".5", "1.", "0", "1e3", " 1", "1,000", "NaN", "", "--1", "12.50", "-", "00012.3400"} {
		for _, c := range []string{"EUR", "JPY", "KWD"} {
			f.Add(s, c)
		}
	}
	f.Add("1", "eur")
	f.Add("1", "HRK")
	f.Fuzz(func(t *testing.T, amount, currency string) {
		m, err := duty.ParseMoney(amount, currency)
		if err != nil {
			if m != (duty.Money{}) {
				t.Fatalf("error %v with a non-zero Money %v", err, m)
			}
			return
		}
		if m.Currency() != currency {
			t.Fatalf("currency %q, want %q", m.Currency(), currency)
		}
		s := m.String()
		amt, cur, ok := strings.Cut(s, " ")
		if !ok || cur != currency {
			t.Fatalf("String() = %q", s)
		}
		back, err := duty.ParseMoney(amt, cur)
		if err != nil || !back.Equal(m) {
			t.Fatalf("%q → %q → %v, %v", amount, s, back, err)
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var j duty.Money
		if err := json.Unmarshal(b, &j); err != nil || !j.Equal(m) || j.String() != s {
			t.Fatalf("%q → %s → %v, %v", amount, b, j, err)
		}
		// Rounding never panics and lands on the minor unit.
		for _, mode := range []duty.RoundingMode{duty.HalfUp, duty.HalfEven, duty.Down, duty.Up} {
			r := m.RoundWith(mode)
			if !r.Amount().Equal(r.Amount().Round(m.MinorUnits())) {
				t.Fatalf("%s rounded %s to %s", m, mode, r)
			}
		}
	})
}

// TestParseMoneyBounds: amounts are bounded by digits, not by text length,
// so that every accepted amount is accepted again once printed (found by
// FuzzParseMoney: a 62-digit amount printed with ".00" was refused).
func TestParseMoneyBounds(t *testing.T) {
	big := strings.Repeat("9", 64)
	m, err := duty.ParseMoney(big, "KWD")
	require.NoError(t, err)
	back, err := duty.ParseMoney(strings.TrimSuffix(m.String(), " KWD"), "KWD") // 64 nines + ".000"
	require.NoError(t, err)
	assert.True(t, back.Equal(m))
	_, err = duty.ParseMoney(strings.Repeat("9", 65), "EUR")
	assert.ErrorIs(t, err, duty.ErrInvalidAmount)
	_, err = duty.ParseMoney("0."+strings.Repeat("1", 65), "EUR")
	assert.ErrorIs(t, err, duty.ErrInvalidAmount)
	// Leading zeros are not significant.
	_, err = duty.ParseMoney(strings.Repeat("0", 100)+"1", "EUR")
	assert.NoError(t, err)
	_, err = duty.ParseMoney(strings.Repeat("0", 300), "EUR")
	assert.ErrorIs(t, err, duty.ErrInvalidAmount)
}
