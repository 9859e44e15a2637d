package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The quote prints its warnings; --strict refuses it; --hs checks its
// value.
func TestQuoteWarningsAndStrict(t *testing.T) {
	out, errs, code := runCLI(t, "quote", "../../examples/shipments/de-tshirts.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Warnings (")
	assert.Contains(t, out, "--strict refuses such a quote")

	_, errs, code = runCLI(t, "quote", "../../examples/shipments/de-tshirts.json", "--strict")
	assert.NotEqual(t, 0, code)
	assert.Contains(t, errs, "strict mode")

	_, errs, code = runCLI(t, "quote", "../../examples/shipments/de-tshirts.json", "--hs", "median")
	assert.NotEqual(t, 0, code)
	assert.Contains(t, errs, "--hs")
}
