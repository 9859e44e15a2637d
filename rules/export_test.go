package rules

import "testing"

// Exported for the external tests (package rules_test), which run the
// embedded packs against the real ior types.

type PackCase = packCase

func LoadCases(t testing.TB) []PackCase { return loadCases(t) }

func CaseInput(t testing.TB, dest string, patch map[string]any) ([]byte, []byte) {
	return caseInput(t, dest, patch)
}
