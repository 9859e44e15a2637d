package hts

import (
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/shareddata"
	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func with2026Layers(t *testing.T) *Schedule {
	t.Helper()
	s, err := ReadCSV(testkit.Open(t, shareddata.Path(t, "usitc_hts", "usitc_hts_2026_revision_3.csv")), Source("USITC HTS 2026 Revision 3"))
	require.NoError(t, err)
	require.NoError(t, s.AddLayers(testkit.Open(t, "../../examples/layers/us_2026.csv")))
	return s
}

type stepView struct {
	used   []string
	setAsd []string
}

func choose(t *testing.T, s *Schedule, hs, origin, on string) (duty.Choice, stepView) {
	t.Helper()
	ms, err := s.Measures(hs, origin, day(on))
	require.NoError(t, err, hs)
	c, err := duty.Choose(ms, origin, duty.Basis{Value: duty.MustMoney("1000", "USD")}, duty.ChoiceOptions{})
	require.NoError(t, err, hs)
	var v stepView
	for _, st := range c.Steps {
		name := st.Measure.Kind.String()
		if st.Measure.Program != "" {
			name = st.Measure.Program
		}
		name += " " + st.Measure.Rate.String()
		if st.Used {
			v.used = append(v.used, name)
		} else {
			v.setAsd = append(v.setAsd, name+": "+st.Reason)
		}
	}
	return c, v
}

func TestLayerStacking2026(t *testing.T) {
	s := with2026Layers(t)

	// T-shirt from China: MFN + s.122 + s.301 list 4A.
	_, v := choose(t, s, "6109.10.00.40", "CN", "2026-03-01")
	assert.Equal(t, []string{"mfn 16.5%", "9903.03.01 10%", "9903.88.15 7.5%"}, v.used)

	// After the s.122 period only s.301 remains; before it too.
	_, v = choose(t, s, "6109.10.00.40", "CN", "2026-07-24")
	assert.Equal(t, []string{"mfn 16.5%", "9903.88.15 7.5%"}, v.used)
	_, v = choose(t, s, "6109.10.00.40", "CN", "2026-02-23")
	assert.Equal(t, []string{"mfn 16.5%", "9903.88.15 7.5%"}, v.used)

	// Mexico: USMCA preference and the s.122 exemption for USMCA goods.
	c, v := choose(t, s, "6109.10.00.40", "MX", "2026-03-01")
	assert.True(t, c.Preference)
	assert.Equal(t, []string{"S Free", "9903.03.08 Free"}, v.used)
	assert.Contains(t, v.setAsd, "9903.03.01 10%: excluded by 9903.03.08 (HTSUS 9903.03.08 (products of Mexico, U.S. note 2(aa)(vii): USMCA-originating goods; claim only with USMCA origin))")

	// Guatemala: CAFTA-DR textiles exempt from s.122.
	_, v = choose(t, s, "6109.10.00.40", "GT", "2026-03-01")
	assert.Equal(t, []string{"P Free", "9903.03.09 Free"}, v.used)

	// Steel from Germany: s.232 at 50%, s.122 set aside.
	_, v = choose(t, s, "7208.10.30.00", "DE", "2026-03-01")
	assert.Equal(t, []string{"mfn Free", "9903.81.87 50%"}, v.used)
	require.Len(t, v.setAsd, 1)
	assert.Contains(t, v.setAsd[0], "9903.03.01 10%: excluded by 9903.81.87")

	// Cars from Japan: s.232 autos, s.122 set aside.
	_, v = choose(t, s, "8703.23.01", "JP", "2026-03-01")
	assert.Equal(t, []string{"mfn 2.5%", "9903.94.01 25%"}, v.used)

	// Books: informational materials.
	_, v = choose(t, s, "4901.99.00", "GB", "2026-03-01")
	assert.Equal(t, []string{"mfn Free", "9903.03.11 Free"}, v.used)

	// A laptop from Viet Nam: only the surcharge (the Annex exemptions are
	// not in the example file).
	_, v = choose(t, s, "8471.30.01.00", "VN", "2026-03-01")
	assert.Equal(t, []string{"mfn Free", "9903.03.01 10%"}, v.used)
}

func TestHeadingText(t *testing.T) {
	s, err := ReadJSON(testkit.Open(t, shareddata.Path(t, "usitc_hts", "usitc_hts_ch99_2026-04.json")))
	require.NoError(t, err)
	for _, c := range []struct{ heading, rate, base string }{
		{"9903.88.15", "7.5%", ""},
		{"9903.88.01", "25%", ""},
		{"9903.03.01", "10%", ""},
		{"9903.03.07", "Free", ""},
		{"9903.81.87", "50%", ""},
		{"9903.81.91", "50%", "metal_content"},
		{"9903.85.08", "50%", "metal_content"},
	} {
		h, err := s.Heading(c.heading)
		require.NoError(t, err, c.heading)
		assert.Equal(t, c.rate, h.Rate.String(), c.heading)
		assert.Equal(t, c.base, string(h.Base), c.heading)
	}
	_, err = s.Heading("0101.21.00")
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
}

func TestLayersFromHeadingAndErrors(t *testing.T) {
	s, err := ReadCSV(testkit.Open(t, "testdata/mini.csv"))
	require.NoError(t, err)
	require.NoError(t, s.AddLayers(strings.NewReader("origins,hs,heading,source\nCN,4202.92,9903.88.15,USTR list 4A (fixture)\n")))
	ms, err := s.Measures("4202.92.31.20", "CN", day("2026-03-01"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 17.6%", "additional 9903.88.15 7.5%"}, summary(ms))

	err = s.AddLayers(strings.NewReader("origins,hs,heading\nCN,4202,9903.88.15\n"))
	var le *LayerError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "source", le.Column)
	assert.Equal(t, 1, le.Row)
	for _, c := range []struct{ in, column string }{
		{"origins,hs,heading,source\nCN,4202,,x\n", "heading"},
		{"origins,hs,heading,source\nXX,4202,9903.88.15,x\n", "origins"},
		{"origins,hs,heading,source\nCN,42A2,9903.88.15,x\n", "hs"},
		{"origins,hs,heading,source\nCN,,9903.88.15,x\n", "hs"},
		{"origins,hs,heading,source\nCN,4202,9903.99.99,x\n", "heading"},
		{"origins,hs,heading,rate,source\nCN,4202,9903.88.15,lots,x\n", "rate"},
		{"origins,hs,heading,from,source\nCN,4202,9903.88.15,2026-02-30,x\n", "from"},
		{"origins,hs,heading,base,source\nCN,4202,9903.88.15,weight,x\n", "base"},
		{"origins,hs,heading,from,to,source\nCN,4202,9903.88.15,2026-02-01,2026-01-01,x\n", "to"},
	} {
		err := s.AddLayers(strings.NewReader(c.in))
		var le *LayerError
		require.ErrorAs(t, err, &le, c.in)
		assert.Equal(t, c.column, le.Column, c.in)
		assert.Equal(t, 2, le.Row, c.in)
		assert.ErrorIs(t, err, ErrInvalidLayers)
	}
}

// A layer's "to" is its last day in force; a column named like an
// exclusive end is refused.
func TestLayerToIsLastDay(t *testing.T) {
	s, err := ReadCSV(testkit.Open(t, "testdata/mini.csv"))
	require.NoError(t, err)
	require.NoError(t, s.AddLayers(strings.NewReader("origins,hs,heading,rate,from,to,source\nCN,4202.92,9903.88.15,7.5%,2026-01-01,2026-06-30,fixture\n")))
	ms, err := s.Measures("4202.92.31.20", "CN", day("2026-06-30"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 17.6%", "additional 9903.88.15 7.5%"}, summary(ms))
	ms, err = s.Measures("4202.92.31.20", "CN", day("2026-07-01"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 17.6%"}, summary(ms))

	err = s.AddLayers(strings.NewReader("origins,hs,heading,rate,from,until,source\nCN,4202.92,9903.88.15,7.5%,2026-01-01,2026-07-01,fixture\n"))
	var le *LayerError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "until", le.Column)
	assert.Equal(t, 1, le.Row)
	assert.Contains(t, err.Error(), `"to"`)
}

// A programme's To is its last day in force: NP (Nepal) ends 2025-12-31.
func TestProgramToIsLastDay(t *testing.T) {
	s, err := ReadCSV(testkit.Open(t, "testdata/mini.csv"))
	require.NoError(t, err)
	ms, err := s.Measures("4202.92.90", "NP", day("2025-12-31"))
	require.NoError(t, err)
	assert.Contains(t, summary(ms), "preferential NP Free")
	ms, err = s.Measures("4202.92.90", "NP", day("2026-01-01"))
	require.NoError(t, err)
	assert.NotContains(t, summary(ms), "preferential NP Free")
}
