// Package testkit holds the few helpers the tests of several packages of
// iorkit share, so that each is written once: an endless reader for the
// input bounds and an Open that closes with the test.
package testkit

import (
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// Endless returns an io.Reader of fill bytes that never ends, like
// /dev/zero: the input of every "an endless input ends at the limit" test.
func Endless(fill byte) io.Reader { return endless(fill) }

type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// Open opens path for reading, failing the test when it cannot, and closes
// it when the test ends.
func Open(t testing.TB, path string) *os.File {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}
