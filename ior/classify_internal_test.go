package ior

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestErrorKindsAgree holds ErrorCodeOf and Classify to their one table:
// each sentinel, wrapped, gives its row's code and class.
func TestErrorKindsAgree(t *testing.T) {
	for _, k := range errorKinds {
		err := fmt.Errorf("wrapped: %w", k.target)
		if k.code != "" {
			assert.Equal(t, k.code, ErrorCodeOf(err), "%v", k.target)
		}
		want := k.class
		if want == "" {
			want = ClassInternal
		}
		assert.Equal(t, want, Classify(err), "%v", k.target)
	}
}
