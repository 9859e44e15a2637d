package period

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRefused(t *testing.T) {
	for _, n := range []string{"until", "Until", " end ", "expires", "valid-to", "Valid Until", "before"} {
		assert.True(t, Refused(n), n)
	}
	for _, n := range []string{"to", "from", "source", "endpoint", ""} {
		assert.False(t, Refused(n), n)
	}
	assert.Contains(t, Message("until"), `"to"`)
}
