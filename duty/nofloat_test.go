package duty_test

import (
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNoFloatOnMoneyPaths proves the design's first invariant: no float32
// or float64 (nor shopspring's float constructors and accessors) in any
// non-test Go file of the module. Comments are not code, so the scanner
// skips them; reflect.Float64, a kind that decoders check to refuse
// numbers, is not a float value.
func TestNoFloatOnMoneyPaths(t *testing.T) {
	root, files := moduleGoFiles(t)
	banned := map[string]bool{"float32": true, "float64": true, "NewFromFloat": true, "NewFromFloat32": true,
		"NewFromFloatWithExponent": true, "InexactFloat64": true, "Float64": true}
	var found []string
	for _, path := range files {
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		fset := token.NewFileSet()
		var s scanner.Scanner
		s.Init(fset.AddFile(path, -1, len(src)), src, nil, 0)
		var prev, prev2 string // the two tokens before: "reflect" "." marks a reflect.Kind, not a value
		for {
			pos, tok, lit := s.Scan()
			if tok == token.EOF {
				break
			}
			kind := prev2 == "reflect" && prev == "."
			prev2, prev = prev, lit
			if tok == token.PERIOD {
				prev = "."
			}
			if tok == token.IDENT && banned[lit] && !kind {
				rel, _ := filepath.Rel(root, path)
				found = append(found, rel+": "+fset.Position(pos).String()+": "+lit)
			}
		}
	}
	assert.Empty(t, found, "float on a money path")
}
