package duty_test

import (
	"context"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A cancelled context stops Calculate with the context's error; a context
// cancelled while the lines are worked stops it within a line.
func TestCalculateCancelled(t *testing.T) {
	tb := duty.NewTable()
	require.NoError(t, tb.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: mustRate("16.5%"), Source: "test"}))
	c, err := duty.NewCalculator(duty.WithSchedule("US", tb))
	require.NoError(t, err)
	e := duty.Entry{Destination: "US", Date: duty.MustDate("2026-03-01"), Mode: "courier", ShippedFrom: "VN"}
	for range 10 {
		e.Lines = append(e.Lines, duty.EntryLine{HS: "6109.10.00", Origin: "VN", Value: duty.MustMoney("10.00", "USD")})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.Calculate(ctx, e)
	assert.ErrorIs(t, err, context.Canceled)

	_, err = c.Calculate(context.Background(), e)
	require.NoError(t, err)
}

// Partial is per call: a code the schedule lacks is an error without it and
// a line marked not calculable with it.
func TestCalculatePartialPerCall(t *testing.T) {
	tb := duty.NewTable()
	require.NoError(t, tb.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: mustRate("16.5%"), Source: "test"}))
	c, err := duty.NewCalculator(duty.WithSchedule("US", tb))
	require.NoError(t, err)
	e := duty.Entry{Destination: "US", Date: duty.MustDate("2026-03-01"), Mode: "courier", ShippedFrom: "VN",
		Lines: []duty.EntryLine{
			{HS: "6109.10.00", Origin: "VN", Value: duty.MustMoney("10.00", "USD")},
			{HS: "9999.99.00", Origin: "VN", Value: duty.MustMoney("10.00", "USD")},
		}}
	_, err = c.Calculate(context.Background(), e)
	require.Error(t, err)
	a, err := c.Calculate(context.Background(), e, duty.Partial())
	require.NoError(t, err)
	assert.True(t, a.Incomplete)
	assert.True(t, a.Lines[0].Calculable)
	assert.False(t, a.Lines[1].Calculable)
}
