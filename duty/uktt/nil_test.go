package uktt

import (
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
)

func TestNilSchedule(t *testing.T) {
	for _, s := range []*Schedule{nil, {}} {
		_, err := s.Measures("6109100010", "CN", duty.MustDate("2026-03-01"))
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		_, err = s.MeasuresFor("6109100010", "CN", duty.MustDate("2026-03-01"), "C999")
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		assert.ErrorIs(t, s.AddCommodity(strings.NewReader("{}")), duty.ErrUninitialized)
		assert.Empty(t, s.Skipped())
	}
}
