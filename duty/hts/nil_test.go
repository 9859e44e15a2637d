package hts

import (
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/stretchr/testify/assert"
)

func TestNilSchedule(t *testing.T) {
	for _, s := range []*Schedule{nil, {}} {
		_, err := s.Measures("6109.10", "CN", duty.MustDate("2026-03-01"))
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		_, err = s.Heading("9903.88.15")
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		assert.ErrorIs(t, s.AddLayers(strings.NewReader("hs,heading,source\n")), duty.ErrUninitialized)
		assert.Empty(t, s.Lines())
		_, ok := s.Line("6109")
		assert.False(t, ok)
		assert.Empty(t, s.Unreadable())
		assert.Empty(t, Diff(s, nil))
	}
}

// The programme tables are returned as copies: changing one changes
// nothing in the package.
func TestProgramTablesAreCopies(t *testing.T) {
	c := Column2()
	assert.NotEmpty(t, c)
	c[0].Origins[0] = "XX"
	c[0].Code = "XX"
	assert.NotEqual(t, "XX", Column2()[0].Code)
	assert.NotEqual(t, "XX", Column2()[0].Origins[0])
	p := Programs()
	p[0].Origins = append(p[0].Origins[:0], "XX")
	assert.NotEqual(t, p[0].Origins, Programs()[0].Origins)
	l := LayerColumns()
	l[0] = "XX"
	assert.NotEqual(t, "XX", LayerColumns()[0])
}

func TestGapColumnsCopyAndRefusedEnd(t *testing.T) {
	g := GapColumns()
	g[0] = "XX"
	assert.NotEqual(t, "XX", GapColumns()[0])
	s, err := ReadCSV(testkit.Open(t, "testdata/mini.csv"))
	assert.NoError(t, err)
	err = s.AddLayerGaps(strings.NewReader("heading,what,hs,from,until,source\n9903.88,x,*,2026-01-01,2026-02-01,y\n"))
	var le *LayerError
	assert.ErrorAs(t, err, &le)
	assert.Contains(t, err.Error(), `"to"`)
}
