package notariff_test

import (
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/notariff"
	"github.com/stretchr/testify/assert"
)

// Nil and zero values answer with errors or empty results, never a panic.
func TestNilAndZeroValues(t *testing.T) {
	var n *notariff.Nomenclature
	assert.Equal(t, 0, n.Len())
	_, ok := n.Line("01012100")
	assert.False(t, ok)
	assert.Nil(t, n.Under("0101"))
	var p *notariff.Preferences
	assert.Nil(t, p.For("01012100"))
	var c *notariff.Countries
	assert.False(t, c.In("DE", "TEF", duty.MustDate("2026-01-01")))
	for _, s := range []*notariff.Schedule{nil, {}} {
		_, err := s.Measures("01012100", "DE", duty.MustDate("2026-01-01"))
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		_, err = s.LinesUnder("0101")
		assert.ErrorIs(t, err, duty.ErrUninitialized)
	}
}
