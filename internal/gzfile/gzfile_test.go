package gzfile

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompressFile(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "a.csv")
	require.NoError(t, os.WriteFile(src, []byte("hs,rate\n0101,free\n"), 0o644))
	dst := filepath.Join(dir, "a.csv.gz")
	require.NoError(t, CompressFile(src, dst))
	b, err := os.ReadFile(dst)
	require.NoError(t, err)
	zr, err := gzip.NewReader(bytes.NewReader(b))
	require.NoError(t, err)
	assert.Empty(t, zr.Name, "no name in the header")
	assert.True(t, zr.ModTime.IsZero(), "no time in the header")
	got, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, "hs,rate\n0101,free\n", string(got))
	again, err := Compress([]byte("hs,rate\n0101,free\n"))
	require.NoError(t, err)
	assert.Equal(t, b, again, "the same input gives the same bytes")
}
