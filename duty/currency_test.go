package duty_test

import (
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

func TestLookupCurrencyRecentCodes(t *testing.T) {
	// Codes introduced after x/text's 2017 data.
	for _, c := range []string{"VES", "MRU", "SLE", "ZWG", "VED", "XCG", "STN"} {
		info, err := duty.LookupCurrency(c)
		require.NoError(t, err, c)
		assert.Equal(t, c, info.Code)
		assert.Len(t, info.Numeric, 3)
		assert.NotEmpty(t, info.Name)
	}
}

func TestLookupCurrencyWithdrawn(t *testing.T) {
	// HRK: Croatia adopted the euro on 2023-01-01; BGN: Bulgaria on 2026-01-01.
	for _, c := range []string{"HRK", "BGN", "VEF", "MRO", "ZWL", "ANG", "eur", "EURO", "", "XXX1"} {
		_, err := duty.LookupCurrency(c)
		require.Error(t, err, c)
		assert.ErrorIs(t, err, duty.ErrInvalidCurrency)
		var ce *duty.InvalidCurrencyError
		require.ErrorAs(t, err, &ce)
		assert.Equal(t, c, ce.Code)
		assert.Contains(t, err.Error(), "not an active ISO 4217")
	}
}

func TestLookupCurrencyMinorUnits(t *testing.T) {
	// ISO 4217 List One: JPY 0, KRW 0, EUR 2, USD 2, GBP 2, KWD 3, BHD 3, TND 3.
	want := map[string]int32{"JPY": 0, "KRW": 0, "EUR": 2, "USD": 2, "GBP": 2, "KWD": 3, "BHD": 3, "TND": 3}
	for c, minor := range want {
		info, err := duty.LookupCurrency(c)
		require.NoError(t, err, c)
		assert.Equal(t, minor, info.Minor, c)
		assert.Equal(t, minor, duty.MustMoney("1", c).MinorUnits(), c)
	}
	info, err := duty.LookupCurrency("EUR")
	require.NoError(t, err)
	assert.Equal(t, "978", info.Numeric)
	assert.Equal(t, "Euro", info.Name)
}

func TestCurrencies(t *testing.T) {
	cs := duty.Currencies()
	assert.True(t, sort.StringsAreSorted(cs))
	assert.Greater(t, len(cs), 150)
	assert.Contains(t, cs, "EUR")
	assert.Contains(t, cs, "XCG")
	assert.NotContains(t, cs, "HRK")
	assert.NotContains(t, cs, "BGN")
	for _, c := range cs {
		_, err := duty.LookupCurrency(c)
		assert.NoError(t, err, c)
	}
	// The slice is the caller's: changing it does not change the table.
	cs[0] = "ZZZ"
	assert.NotEqual(t, "ZZZ", duty.Currencies()[0])
}
