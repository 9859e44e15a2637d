package duty_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

func TestTableFingerprint(t *testing.T) {
	read := func(csv string) *duty.Table {
		tb, err := duty.ReadTable(strings.NewReader("hs,kind,rate,origins\n" + csv))
		require.NoError(t, err)
		return tb
	}
	a := read("6109.10,mfn,12%,\n6110.20,mfn,12%,\n")
	b := read("6110.20,mfn,12%,\n6109.10,mfn,12%,\n")
	assert.Len(t, a.Fingerprint(), 64)
	assert.Equal(t, a.Fingerprint(), b.Fingerprint(), "the order of the prefixes does not matter")
	before := a.Fingerprint()
	require.NoError(t, a.Add("8518.30", duty.Measure{Kind: duty.MFN, Rate: mustRate("2%")}))
	assert.NotEqual(t, before, a.Fingerprint(), "Add changes it")
	assert.NotEqual(t, read("6109.10,mfn,12%,\n").Fingerprint(), read("6109.10,mfn,12%,CN\n").Fingerprint())
	var nilTable *duty.Table
	assert.Empty(t, nilTable.Fingerprint())
}

func TestProfilesFingerprint(t *testing.T) {
	a, err := duty.DefaultProfiles()
	require.NoError(t, err)
	b, err := duty.DefaultProfiles()
	require.NoError(t, err)
	assert.Len(t, a.Fingerprint(), 64)
	assert.Equal(t, a.Fingerprint(), b.Fingerprint())
	us, err := a.For("US", duty.MustDate("2026-03-01"))
	require.NoError(t, err)
	us.Name = "USA"
	c, err := a.With(us)
	require.NoError(t, err)
	assert.NotEqual(t, a.Fingerprint(), c.Fingerprint())
}
