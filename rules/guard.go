package rules

import (
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
)

// hsGuard is a set of HS prefixes one of which a line's HS code must have
// for a line rule to fire. Guards are read from the rule's checked AST: a
// top-level conjunct `hs_in(line.hs, [...])` or `hs_prefix(line.hs, '...')`
// with literal prefixes. Evaluate checks guards in Go and skips the CEL call
// when one fails, which is sound because the conjunct would be false and so
// the whole condition.
type hsGuard []string

func (g hsGuard) match(hs string) bool {
	for _, p := range g {
		if hsHasPrefix(hs, p) {
			return true
		}
	}
	return false
}

// lineGuards extracts the HS guards of a line rule.
func lineGuards(e ast.Expr) []hsGuard {
	var out []hsGuard
	for _, c := range conjuncts(e, nil) {
		if c.Kind() != ast.CallKind {
			continue
		}
		call := c.AsCall()
		args := call.Args()
		if len(args) != 2 || !isLineHS(args[0]) {
			continue
		}
		switch call.FunctionName() {
		case "hs_prefix":
			if s, ok := stringLiteral(args[1]); ok {
				out = append(out, hsGuard{s})
			}
		case "hs_in":
			if args[1].Kind() != ast.ListKind {
				continue
			}
			var g hsGuard
			ok := true
			for _, el := range args[1].AsList().Elements() {
				s, isLit := stringLiteral(el)
				if !isLit {
					ok = false
					break
				}
				g = append(g, s)
			}
			if ok {
				out = append(out, g)
			}
		}
	}
	return out
}

func conjuncts(e ast.Expr, acc []ast.Expr) []ast.Expr {
	if e.Kind() == ast.CallKind && e.AsCall().FunctionName() == "_&&_" {
		for _, a := range e.AsCall().Args() {
			acc = conjuncts(a, acc)
		}
		return acc
	}
	return append(acc, e)
}

func isLineHS(e ast.Expr) bool {
	if e.Kind() != ast.SelectKind {
		return false
	}
	sel := e.AsSelect()
	op := sel.Operand()
	return sel.FieldName() == "hs" && !sel.IsTestOnly() && op.Kind() == ast.IdentKind && op.AsIdent() == VarLine
}

func stringLiteral(e ast.Expr) (string, bool) {
	if e.Kind() != ast.LiteralKind {
		return "", false
	}
	s, ok := e.AsLiteral().(types.String)
	return string(s), ok
}

// hasComprehension reports whether the expression loops (all, exists,
// map, filter...). Only such rules need run-time cost tracking and context
// checks: without a loop the cost is bounded by the expression's size.
func hasComprehension(a *ast.AST) bool {
	return len(ast.MatchDescendants(ast.NavigateAST(a), func(e ast.NavigableExpr) bool {
		return e.Kind() == ast.ComprehensionKind
	})) > 0
}
