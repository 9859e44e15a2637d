package uktt

import (
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
)

func TestNilSchedule(t *testing.T) {
	on := duty.MustDate("2026-03-01")
	for _, s := range []*Schedule{nil, {}} {
		_, err := s.Measures("6109100010", "CN", on)
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		_, err = s.MeasuresFor("6109100010", "CN", on, "C999")
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		_, err = s.Notes("6109100010", "CN", on)
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		assert.ErrorIs(t, s.AddCommodity(strings.NewReader("{}")), duty.ErrUninitialized)
		assert.Empty(t, s.Skipped())
		assert.Empty(t, s.Codes())
		assert.Zero(t, s.Len())
	}
	var m *MonthlyRates
	assert.ErrorIs(t, m.Read(strings.NewReader("{}")), duty.ErrUninitialized)
	_, err := m.Rate("EUR", "GBP", on)
	assert.ErrorIs(t, err, duty.ErrMissingRate)
	assert.Empty(t, m.Months())
	assert.Empty(t, m.Source("EUR", "GBP", on))
}
