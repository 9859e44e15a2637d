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
