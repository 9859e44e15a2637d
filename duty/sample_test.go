package duty

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSampleSchedules(t *testing.T) {
	s, err := SampleSchedules()
	require.NoError(t, err)
	for area, tb := range s {
		assert.Contains(t, SampleAreas(), area)
		assert.Greater(t, tb.Len(), 5, area)
		for _, p := range tb.Prefixes() {
			if len(p) < 4 {
				continue
			}
			ms, err := tb.Measures(p, "", day("2026-06-01"))
			require.NoError(t, err, "%s %s", area, p)
			for _, m := range ms {
				assert.True(t, strings.HasPrefix(m.Source, SampleLabel), m.Source)
				assert.False(t, m.From.IsZero(), "%s %s has no date", area, p)
			}
		}
	}
	// SampleAreas lists exactly the areas with rows.
	areas := make([]string, 0, len(s))
	for a := range s {
		areas = append(areas, a)
	}
	assert.ElementsMatch(t, areas, SampleAreas())
	for _, a := range []string{"US", "EU", "GB", "JP", "AU"} {
		require.Contains(t, s, a)
	}

	on := day("2026-06-01")
	ms, err := s["US"].Measures("6109.10.00.40", "MX", on)
	require.NoError(t, err)
	require.Len(t, ms, 2)
	assert.Equal(t, "16.5%", ms[0].Rate.String())
	assert.Equal(t, Preferential, ms[1].Kind)

	ms, err = s["GB"].Measures("6109100010", "DE", on)
	require.NoError(t, err)
	require.Len(t, ms, 2)
	assert.Equal(t, "12%", ms[0].Rate.String())
	assert.Equal(t, "TCA", ms[1].Program)

	_, err = s["US"].Measures("0101.21.00", "CN", on)
	assert.ErrorIs(t, err, ErrUnknownCode)
	_, err = s["US"].Measures("6109.10.00", "CN", day("2025-06-01"))
	assert.ErrorIs(t, err, ErrNotInForce)
}

func TestReadSampleErrors(t *testing.T) {
	_, err := readSample(strings.NewReader("hs,kind\n"))
	assert.ErrorIs(t, err, ErrInvalidTable)
	_, err = readSample(strings.NewReader("area,hs,kind,rate,source\nUS,6109,mfn,5%,x\nUS,6109,bogus,5%,x\n"))
	var te *TableError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 3, te.Row)
	assert.Equal(t, "kind", te.Column)
	assert.Contains(t, err.Error(), "area US")
}
