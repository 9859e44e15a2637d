package hts

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// The fingerprint names what the schedule was read from: the same file
// and options give the same one; another option or a layer file added
// give another.
func TestFingerprint(t *testing.T) {
	read := func(opts ...Option) *Schedule {
		f, err := os.Open(filepath.Join("testdata", "mini.csv"))
		require.NoError(t, err)
		defer f.Close()
		s, err := ReadCSV(f, opts...)
		require.NoError(t, err)
		return s
	}
	a, b := read(), read()
	var _ duty.Fingerprinter = a
	assert.Len(t, a.Fingerprint(), 64)
	assert.Equal(t, a.Fingerprint(), b.Fingerprint())
	assert.NotEqual(t, a.Fingerprint(), read(Source("USITC HTS 2026 Revision 9")).Fingerprint())
	before := a.Fingerprint()
	layers, err := os.Open(filepath.Join("..", "..", "examples", "layers", "us_2026.csv"))
	require.NoError(t, err)
	defer layers.Close()
	require.NoError(t, a.AddLayers(layers))
	assert.NotEqual(t, before, a.Fingerprint())
	var none *Schedule
	assert.Empty(t, none.Fingerprint())
}
