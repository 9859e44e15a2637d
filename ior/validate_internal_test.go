package ior

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// validHS accepts exactly the codes NormalizeHS accepts.
func TestValidHSAgreesWithNormalizeHS(t *testing.T) {
	for _, hs := range []string{"", "6109", "61091", "610910", "6109.10", "6109.10.00", "6109 10 00 10", "61091000101",
		"6109.10.00.1.0", "6109.1O", "6109-10", "..", " 610910 ", "61.09.10", "12345678901", "١٢٣٤٥٦", "6109.10\x00"} {
		_, want := NormalizeHS(hs)
		assert.Equal(t, want, validHS(hs), "%q", hs)
	}
}
