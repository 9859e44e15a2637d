package hts

import (
	"errors"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func miniSchedule(t *testing.T) *Schedule {
	t.Helper()
	s, err := ReadCSV(testkit.Open(t, "testdata/mini.csv"))
	require.NoError(t, err)
	return s
}

func TestLayerGaps(t *testing.T) {
	s := miniSchedule(t)
	require.NoError(t, s.AddLayerGaps(strings.NewReader("heading,what,origins,hs,except,from,to,source\n"+
		"9903.88,301 may apply,CN,*,61 62,2018-07-06,,USTR\n"+
		"9903.76,232 furniture may apply,,9403,,,2026-06-30,proclamation\n")))
	on := duty.MustDate("2026-03-01")
	ws := s.Caveats("4202.92.31", "CN", on)
	require.Len(t, ws, 1)
	assert.Equal(t, duty.LayersNotLoaded, ws[0].Code)
	assert.Equal(t, "ADD 9903.88", ws[0].Subject)
	assert.Equal(t, "301 may apply (USTR)", ws[0].Message)
	assert.Empty(t, s.Caveats("4202.92.31", "VN", on), "another origin")
	assert.Empty(t, s.Caveats("6109.10.00", "CN", on), "an excepted chapter")
	assert.Empty(t, s.Caveats("9903.88.15", "CN", on), "* is chapters 01 to 97")
	assert.Empty(t, s.Caveats("4202.92.31", "CN", duty.MustDate("2018-07-05")), "before from")
	assert.Len(t, s.Caveats("9403.60.80", "DE", on), 1, "every origin")
	assert.Empty(t, s.Caveats("9403.60.80", "DE", duty.MustDate("2026-07-01")), "after to (inclusive)")
	assert.Empty(t, s.Caveats("bad", "CN", on))
}

func TestLayerGapsErrors(t *testing.T) {
	s := miniSchedule(t)
	for _, tc := range []struct{ csv, column string }{
		{"heading,what,hs,source,until\n", "until"},
		{"heading,what,hs\n", "source"},
		{"heading,what,hs,source\n,x,*,src\n", "heading"},
		{"heading,what,hs,source\n9903,,*,src\n", "what"},
		{"heading,what,hs,source\n9903,x,,src\n", "hs"},
		{"heading,what,hs,source\n9903,x,61x,src\n", "hs"},
		{"heading,what,origins,hs,source\n9903,x,XX,*,src\n", "origins"},
		{"heading,what,hs,from,source\n9903,x,*,2026-13-01,src\n", "from"},
	} {
		err := s.AddLayerGaps(strings.NewReader(tc.csv))
		require.Error(t, err, tc.csv)
		assert.ErrorIs(t, err, ErrInvalidLayers, tc.csv)
		var le *LayerError
		require.True(t, errors.As(err, &le), tc.csv)
		assert.Equal(t, tc.column, le.Column, tc.csv)
	}
	var nilS *Schedule
	assert.Error(t, nilS.AddLayerGaps(strings.NewReader("")))
	assert.Nil(t, nilS.Caveats("6109", "CN", duty.MustDate("2026-03-01")))
}

// Descriptions are dropped at load unless asked for; everything else of
// a row is kept.
func TestKeepDescriptions(t *testing.T) {
	s := miniSchedule(t)
	withText, err := ReadCSV(testkit.Open(t, "testdata/mini.csv"), KeepDescriptions())
	require.NoError(t, err)
	require.Equal(t, withText.Len(), s.Len())
	a, ok := s.Line("4202.92.31")
	require.True(t, ok)
	b, ok := withText.Line("4202.92.31")
	require.True(t, ok)
	assert.Empty(t, a.Description)
	assert.Equal(t, "Of man-made fibers", b.Description)
	b.Description = ""
	assert.Equal(t, b, a)
	assert.Len(t, s.Lines(), s.Len())
}

// TestLayerGapsBounds: the gap reader shares the layer reader's bounds and
// row numbers (it had neither the per-cell limit nor the row of a CSV
// syntax error).
func TestLayerGapsBounds(t *testing.T) {
	s := miniSchedule(t)
	big := strings.Repeat("x", duty.MaxFieldBytes+1)
	err := s.AddLayerGaps(strings.NewReader("heading,what,hs,source\n9903.88," + big + ",*,USTR\n"))
	require.Error(t, err)
	assert.ErrorIs(t, err, duty.ErrInputLimit)
	var le *LayerError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, 2, le.Row)

	// A bare quote inside an unquoted field on the third line.
	err = s.AddLayerGaps(strings.NewReader("heading,what,hs,source\n9903.88,a,*,USTR\n9903.88,b\"c,*,USTR\n"))
	require.ErrorAs(t, err, &le)
	assert.Equal(t, 3, le.Row)
}
