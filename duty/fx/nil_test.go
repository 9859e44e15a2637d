package fx_test

import (
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/fx"
	"github.com/stretchr/testify/assert"
)

// Nil and zero values answer with errors, never a panic.
func TestNilAndZeroValues(t *testing.T) {
	day := duty.MustDate("2026-04-10")
	for _, e := range []*fx.ECB{nil, {}} {
		assert.True(t, e.First().IsZero())
		assert.True(t, e.Last().IsZero())
		assert.Empty(t, e.Currencies())
		_, _, err := e.Quote("USD", day)
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		_, err = e.Daily().RateInfo("USD", "EUR", day)
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		_, err = e.EUCustoms().Rate("USD", "EUR", day)
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		assert.Equal(t, e, e.Merge(nil))
	}
	for _, h := range []*fx.HMRC{nil, {}} {
		assert.True(t, h.First().IsZero())
		assert.True(t, h.Last().IsZero())
		m, _ := h.Month(day)
		assert.Nil(t, m)
		_, err := h.Monthly().RateInfo("USD", "GBP", day)
		assert.ErrorIs(t, err, duty.ErrUninitialized)
	}
	var m *fx.HMRCMonth
	_, ok := m.Rate("USD")
	assert.False(t, ok)
	assert.Nil(t, m.Currencies())
	_, err := fx.NewHMRC(nil)
	assert.Error(t, err)
	_, err = fx.NewCustoms(&fx.ECB{}, nil)
	assert.Error(t, err)
	for _, c := range []*fx.Customs{nil, {}} {
		_, err := c.Rate("USD", "EUR", day)
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		_, err = c.RateInfo("USD", "EUR", day)
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		_, err = c.ForDestination("DE").Rate("USD", "EUR", day)
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		_, err = c.ForDestination("GB").Rate("USD", "GBP", day)
		assert.ErrorIs(t, err, duty.ErrUninitialized)
	}
}
