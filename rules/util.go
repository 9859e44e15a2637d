package rules

import (
	"sort"

	"github.com/iorkit/iorkit/internal/jsonpath"
)

// clip shortens an input quoted in an error (see jsonpath.Clip).
func clip(s string) string { return jsonpath.Clip(s) }

func sortStrings(s []string) []string {
	sort.Strings(s)
	return s
}

// editDistance is the Levenshtein distance, for "did you mean" hints.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
