package duty

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every DefaultProfiles call is its own set: equal to the embedded data,
// and changing a profile of one set (against For's advice) changes
// neither the embedded data read once per process nor another set.
func TestDefaultProfilesAreCopies(t *testing.T) {
	a, err := DefaultProfiles()
	require.NoError(t, err)
	b, err := DefaultProfiles()
	require.NoError(t, err)
	require.Equal(t, a.Countries(), b.Countries())
	for c, list := range a.byCountry {
		assert.Equal(t, b.byCountry[c], list, c)
	}
	de := a.byCountry["DE"][0]
	require.NotEmpty(t, de.Taxes)
	require.NotEmpty(t, de.Sources)
	code, src := de.Taxes[0].Code, de.Sources[0]
	de.Taxes[0].Code, de.Sources[0] = "CHANGED", "CHANGED"
	if len(de.Taxes[0].Reduced) > 0 {
		de.Taxes[0].Reduced[0].Name = "CHANGED"
	}
	c, err := DefaultProfiles()
	require.NoError(t, err)
	for _, set := range []*Profiles{b, c} {
		assert.Equal(t, code, set.byCountry["DE"][0].Taxes[0].Code)
		assert.Equal(t, src, set.byCountry["DE"][0].Sources[0])
		if r := set.byCountry["DE"][0].Taxes[0].Reduced; len(r) > 0 {
			assert.NotEqual(t, "CHANGED", r[0].Name)
		}
	}
	all, err := embeddedProfiles()
	require.NoError(t, err)
	for _, p := range all {
		if p.Country == "DE" {
			assert.Equal(t, code, p.Taxes[0].Code)
		}
	}
}

// TestForHandsOutCopies: a caller changing the profile For returns, or a
// profile after giving it to NewProfiles, changes neither the set nor its
// Fingerprint (For used to return the set's own slices).
func TestForHandsOutCopies(t *testing.T) {
	set, err := DefaultProfiles()
	require.NoError(t, err)
	fp := set.Fingerprint()
	on := MustDate("2026-03-01")
	de, err := set.For("DE", on)
	require.NoError(t, err)
	require.NotEmpty(t, de.Taxes)
	require.NotEmpty(t, de.Sources)
	code, src := de.Taxes[0].Code, de.Sources[0]
	de.Taxes[0].Code, de.Sources[0] = "CHANGED", "CHANGED"
	de.DeMinimis = append(de.DeMinimis[:0], Threshold{})

	again, err := set.For("DE", on)
	require.NoError(t, err)
	assert.Equal(t, code, again.Taxes[0].Code)
	assert.Equal(t, src, again.Sources[0])
	fresh := set.fp.Load()
	set.fp.Store(nil) // recompute from the data, not the cache
	assert.Equal(t, fp, set.Fingerprint())
	set.fp.Store(fresh)

	// The same for a profile changed after NewProfiles took it.
	mine := again
	own, err := NewProfiles(mine)
	require.NoError(t, err)
	mine.Taxes[0].Code = "CHANGED"
	got, err := own.For("DE", on)
	require.NoError(t, err)
	assert.Equal(t, code, got.Taxes[0].Code)
}
