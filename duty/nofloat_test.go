package duty_test

import (
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(root, "go.mod"))
	require.NoError(t, err, "the test runs from duty/, one level below the module root")
	banned := map[string]bool{"float32": true, "float64": true, "NewFromFloat": true, "NewFromFloat32": true,
		"NewFromFloatWithExponent": true, "InexactFloat64": true, "Float64": true}
	var found []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
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
		return nil
	})
	require.NoError(t, err)
	assert.Empty(t, found, "float on a money path")
}
