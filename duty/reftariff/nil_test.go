package reftariff

import (
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
)

func TestNilSchedule(t *testing.T) {
	var s *Schedule
	_, err := s.Measures("6109100010", "CN", duty.MustDate("2026-03-01"))
	assert.ErrorIs(t, err, duty.ErrUninitialized)
	assert.Zero(t, s.Len())
	assert.Empty(t, s.Lines(""))
	assert.Empty(t, s.Unreadable())
	assert.Zero(t, s.Edition())
	// The zero Schedule is empty: every code unknown.
	var z Schedule
	_, err = z.Measures("6109100010", "CN", duty.MustDate("2026-03-01"))
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
}
