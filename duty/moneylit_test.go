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

// Every Money of package duty is built by NewMoney, which checks the
// currency, or derived from one (Money.with keeps a checked currency): no
// other function writes a Money literal with fields. A literal elsewhere
// could carry a currency nobody checked.
func TestMoneyBuiltByOneConstructor(t *testing.T) {
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	allowed := map[string]bool{"NewMoney": true, "with": true}
	var found []string
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		require.NoError(t, err)
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			name := "package level"
			if ok {
				name = fn.Name.Name
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				cl, ok := n.(*ast.CompositeLit)
				if !ok || len(cl.Elts) == 0 {
					return true
				}
				if id, ok := cl.Type.(*ast.Ident); ok && id.Name == "Money" && !allowed[name] {
					found = append(found, fset.Position(cl.Pos()).String()+" in "+name)
				}
				return true
			})
		}
	}
	assert.Empty(t, found, "build Money with NewMoney, or derive it with Money.with")
}
