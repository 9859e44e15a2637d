package duty_test

import (
	"sort"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The EU union of the embedded profiles and the member list used by tables
// and rule packs name the same 27 states.
func TestEUMembersMatchProfiles(t *testing.T) {
	ps, err := duty.DefaultProfiles()
	require.NoError(t, err)
	var inProfiles []string
	for _, c := range ps.Countries() {
		p, err := ps.For(c, duty.MustDate("2026-11-25"))
		require.NoError(t, err)
		if p.Union == "EU" {
			inProfiles = append(inProfiles, c)
		}
	}
	want := duty.EUMembers()
	sort.Strings(want)
	assert.Equal(t, want, inProfiles)
	assert.Len(t, want, 27)
	assert.True(t, duty.IsEUMember("GR"))
	assert.False(t, duty.IsEUMember("GB"))
	assert.False(t, duty.IsEUMember("EL"))
}

func TestHSHasPrefix(t *testing.T) {
	for _, tc := range []struct {
		hs, prefix string
		want       bool
	}{
		{"8517.13.00", "8517", true},
		{"8517.13.00", "85 17", true},
		{"8517.13.00", "851713", true},
		{"851713", "8517.13", true},
		{"8517.13.00", "8518", false},
		{"8517", "851713", false},
		{"8517", "", true},
	} {
		assert.Equal(t, tc.want, duty.HSHasPrefix(tc.hs, tc.prefix), "%s %s", tc.hs, tc.prefix)
	}
}
