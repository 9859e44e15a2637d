package duty_test

import (
	"context"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Lines of one HS code share the tariff lookup and, when no preference is
// compared, the choice of measures: lines that differ in origin, in the
// claim of a preference or in value must still get their own duty.
func TestCalculateLinesOfOneCode(t *testing.T) {
	tb := duty.NewTable()
	for _, m := range []duty.Measure{
		{Kind: duty.MFN, Rate: mustRate("16.5%"), Source: "test"},
		{Kind: duty.MFN, Rate: mustRate("90%"), Program: "column2", Origins: []string{"RU"}, Source: "test"},
		{Kind: duty.Preferential, Rate: mustRate("Free"), Program: "S", Origins: []string{"MX"}, Source: "test"},
	} {
		require.NoError(t, tb.Add("6109.10", m))
	}
	c, err := duty.NewCalculator(duty.WithSchedule("US", tb))
	require.NoError(t, err)
	no := false
	e := duty.Entry{Destination: "US", Date: duty.MustDate("2026-03-01"), Mode: "courier", ShippedFrom: "MX"}
	for _, l := range []struct {
		origin, value string
		claim         *bool
	}{{"MX", "1000.00", nil}, {"MX", "1000.00", &no}, {"MX", "2000.00", nil}, {"RU", "1000.00", nil}, {"CN", "1000.00", nil}, {"CN", "3000.00", nil}, {"RU", "100.00", nil}} {
		e.Lines = append(e.Lines, duty.EntryLine{HS: "6109.10.00", Origin: l.origin, Value: duty.MustMoney(l.value, "USD"), ClaimPreference: l.claim})
	}
	a, err := c.Calculate(context.Background(), e)
	require.NoError(t, err)
	// MX claims S (Free); MX without the claim pays 16.5% × 1000.00 =
	// 165.00; RU pays column 2, 90% × 1000.00 = 900.00 and 90% × 100.00 =
	// 90.00; CN pays 16.5%: 165.00 and 16.5% × 3000.00 = 495.00.
	want := []struct{ code, duty string }{
		{"PREF", "0.00 USD"}, {"MFN", "165.00 USD"}, {"PREF", "0.00 USD"}, {"MFN", "900.00 USD"},
		{"MFN", "165.00 USD"}, {"MFN", "495.00 USD"}, {"MFN", "90.00 USD"},
	}
	require.Len(t, a.Lines, len(want))
	for i, w := range want {
		require.NotEmpty(t, a.Lines[i].Duties, "line %d", i)
		assert.Equal(t, w.code, a.Lines[i].Duties[0].Code, "line %d", i)
		assert.Equal(t, w.duty, a.Lines[i].Duty.String(), "line %d", i)
	}
}
