package hts

import (
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSampleUSAgainstHTS checks every US row of the embedded sample tariff
// against the 2026 Revision 3 schedule it was copied from.
func TestSampleUSAgainstHTS(t *testing.T) {
	s := load2026(t)
	samples, err := duty.SampleSchedules()
	require.NoError(t, err)
	us := samples["US"]
	require.NotNil(t, us)
	on := day("2026-06-01")
	checked := 0
	for _, p := range us.Prefixes() {
		want, err := us.Measures(p, "", on)
		require.NoError(t, err, p)
		got, err := s.Measures(p, "", on)
		require.NoError(t, err, p)
		var general string
		progs := map[string]bool{}
		for _, m := range got {
			switch {
			case m.Kind == duty.MFN && m.Program == "":
				general = m.Rate.String()
			case m.Kind == duty.Preferential && m.Rate.IsFree():
				progs[m.Program] = true
			}
		}
		for _, m := range want {
			switch m.Kind {
			case duty.MFN:
				assert.Equal(t, general, m.Rate.String(), "sample US %s", p)
			case duty.Preferential:
				assert.True(t, progs["S"], "sample US %s: USMCA Free not in the special column", p)
			}
			checked++
		}
	}
	assert.Greater(t, checked, 60)
}
