package testkit

import (
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEndless(t *testing.T) {
	b := make([]byte, 3)
	// Two reads, each filling the buffer: it never reports io.EOF.
	for range 2 {
		n, err := Endless('x').Read(b)
		require.NoError(t, err)
		assert.Equal(t, 3, n)
		assert.Equal(t, "xxx", string(b))
	}
	got, err := io.ReadAll(io.LimitReader(Endless(' '), 5))
	require.NoError(t, err)
	assert.Equal(t, "     ", string(got))
}

func TestOpen(t *testing.T) {
	f := Open(t, "testkit.go")
	assert.Equal(t, "testkit.go", f.Name())
}
