package duty_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// No package of the module's public API exports a mutable variable: a
// caller could change a table the library reads (a slice, a map, a date)
// for every other caller in the process. Lists are functions returning
// copies; only error sentinels (Err...) are variables.
func TestNoExportedMutableVariables(t *testing.T) {
	root, files := moduleGoFiles(t, "internal", "cmd", "examples")
	var found []string
	fset := token.NewFileSet()
	for _, path := range files {
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		if f.Name.Name == "main" {
			continue
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, spec := range g.Specs {
				for _, n := range spec.(*ast.ValueSpec).Names {
					if n.IsExported() && !strings.HasPrefix(n.Name, "Err") {
						rel, _ := filepath.Rel(root, fset.Position(n.Pos()).Filename)
						found = append(found, rel+": "+n.Name)
					}
				}
			}
		}
	}
	assert.Empty(t, found, "export a function returning a copy instead")
}
