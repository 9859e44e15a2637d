package duty_test

import (
	"context"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
)

// Nil and zero values return errors (or empty answers), never panic.
func TestNilReceivers(t *testing.T) {
	on := duty.MustDate("2026-03-01")
	var tb *duty.Table
	_, err := tb.Measures("6109.10", "CN", on)
	assert.ErrorIs(t, err, duty.ErrUninitialized)
	assert.ErrorIs(t, tb.Add("6109", duty.Measure{Kind: duty.MFN}), duty.ErrUninitialized)
	assert.Zero(t, tb.Len())
	assert.Nil(t, tb.Prefixes())
	_, ok := tb.Overlap("6109", duty.Measure{Kind: duty.MFN})
	assert.False(t, ok)

	// The zero Table is an empty, usable table.
	var zt duty.Table
	_, err = zt.Measures("6109.10", "CN", on)
	assert.ErrorIs(t, err, duty.ErrUnknownCode)

	var ps *duty.Profiles
	_, err = ps.For("DE", on)
	assert.ErrorIs(t, err, duty.ErrUninitialized)
	assert.Nil(t, ps.Countries())
	_, err = ps.With()
	assert.ErrorIs(t, err, duty.ErrUninitialized)
	// The zero Profiles is an empty set.
	var zp duty.Profiles
	_, err = zp.For("DE", on)
	assert.ErrorIs(t, err, duty.ErrNoProfile)

	var c *duty.Calculator
	_, err = c.Calculate(context.Background(), duty.Entry{})
	assert.ErrorIs(t, err, duty.ErrUninitialized)
	assert.Nil(t, c.Profiles())
	_, _, found := c.Schedule(duty.Profile{Country: "DE"})
	assert.False(t, found)
	var zc duty.Calculator
	_, err = zc.Calculate(context.Background(), duty.Entry{})
	assert.ErrorIs(t, err, duty.ErrUninitialized)
	assert.Contains(t, err.Error(), "duty.NewCalculator")
}
