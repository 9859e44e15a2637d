package rules

import (
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/types"
	"github.com/iorkit/iorkit/duty"
)

// guard is a condition on one string field of the line that a line rule
// needs in order to fire: the field has one of the prefixes (HS codes) or
// equals one of the values. Guards are read from the rule's checked AST, from
// top-level conjuncts with literal arguments:
//
//	hs_prefix(line.hs, '8517')    hs_in(line.hs, ['8517', '8525'])
//	line.origin == 'KP'           line.origin in ['IR', 'CU']
//
// A disjunction whose sides both have a guard on the same field, of the
// same kind, is guarded by their union (hs_in(line.hs, ['8517.13']) ||
// (hs_prefix(line.hs, '8518') && ...) needs the HS code under 8517.13 or
// 8518).
//
// Evaluate checks guards in Go and skips the CEL call when one fails, which
// is sound because that conjunct, and so the whole condition, is false (a
// disjunction is false when both sides are, whatever errors they hold).
type guard struct {
	field  string
	prefix bool // HS prefix match (hs_prefix, hs_in) rather than equality
	values []string
	// whole: the guard is its conjunct entire (not a union read from a
	// disjunction, whose sides may test more).
	whole bool
	// lead, for a prefix guard, marks the first two digits (as 10*d1+d2)
	// some prefix can start with: a code whose first two digits are not
	// marked matches none, which match tells without comparing each
	// prefix. nil when some prefix has fewer than two leading digits.
	lead *[100]bool
}

// indexed returns g with lead set (see guard.lead).
func (g guard) indexed() guard {
	if !g.prefix {
		return g
	}
	var lead [100]bool
	for _, p := range g.values {
		n, ok := leadDigits(p)
		if !ok {
			return g
		}
		lead[n] = true
	}
	g.lead = &lead
	return g
}

// leadDigits reads the first two characters of an HS code that are not
// dots or spaces (the ones HSHasPrefix skips) as 10*d1+d2, when both are
// digits.
func leadDigits(s string) (int, bool) {
	n, k := 0, 0
	for i := 0; i < len(s) && k < 2; i++ {
		c := s[i]
		if c == '.' || c == ' ' {
			continue
		}
		if c < '0' || c > '9' {
			return 0, false
		}
		n, k = n*10+int(c-'0'), k+1
	}
	return n, k == 2
}

func (g guard) match(v string) bool {
	if g.lead != nil {
		// Every prefix starts with two digits: a code that does not start
		// with one of those pairs starts with none of the prefixes
		// (HSHasPrefix compares the same characters in the same order).
		if n, ok := leadDigits(v); !ok || !g.lead[n] {
			return false
		}
	}
	for _, p := range g.values {
		if g.prefix && duty.HSHasPrefix(v, p) || !g.prefix && v == p {
			return true
		}
	}
	return false
}

// lineGuards extracts the guards of a line rule.
func lineGuards(e ast.Expr) []guard {
	var out []guard
	for _, c := range conjuncts(e, nil) {
		if c.Kind() != ast.CallKind {
			continue
		}
		call := c.AsCall()
		args := call.Args()
		if len(args) != 2 {
			continue
		}
		switch call.FunctionName() {
		case "hs_prefix":
			if f, ok := lineField(args[0]); ok {
				if s, ok := stringLiteral(args[1]); ok {
					out = append(out, guard{field: f, prefix: true, values: []string{s}, whole: true})
				}
			}
		case "hs_in":
			if f, ok := lineField(args[0]); ok {
				if l, ok := stringList(args[1]); ok {
					out = append(out, guard{field: f, prefix: true, values: l, whole: true})
				}
			}
		case "_==_":
			a, b := args[0], args[1]
			if _, ok := lineField(b); ok {
				a, b = b, a
			}
			if f, ok := lineField(a); ok {
				if s, ok := stringLiteral(b); ok {
					out = append(out, guard{field: f, values: []string{s}, whole: true})
				}
			}
		case "@in":
			if f, ok := lineField(args[0]); ok {
				if l, ok := stringList(args[1]); ok {
					out = append(out, guard{field: f, values: l, whole: true})
				}
			}
		case "_||_":
			if g, ok := orGuard(args[0], args[1]); ok {
				out = append(out, g)
			}
		}
	}
	return out
}

// orGuard is the union of a guard of each side of a || on the same field
// and of the same kind: the line must match one side's guard to fire.
func orGuard(a, b ast.Expr) (guard, bool) {
	ga, gb := lineGuards(a), lineGuards(b)
	for _, x := range ga {
		for _, y := range gb {
			if x.field == y.field && x.prefix == y.prefix {
				values := append(append(make([]string, 0, len(x.values)+len(y.values)), x.values...), y.values...)
				return guard{field: x.field, prefix: x.prefix, values: values}, true
			}
		}
	}
	return guard{}, false
}

func stringList(e ast.Expr) ([]string, bool) {
	if e.Kind() != ast.ListKind {
		return nil, false
	}
	var out []string
	for _, el := range e.AsList().Elements() {
		s, ok := stringLiteral(el)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
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

// lineField recognises `line.<field>` and returns the field name.
func lineField(e ast.Expr) (string, bool) {
	if e.Kind() != ast.SelectKind {
		return "", false
	}
	sel := e.AsSelect()
	op := sel.Operand()
	if sel.IsTestOnly() || op.Kind() != ast.IdentKind || op.AsIdent() != VarLine {
		return "", false
	}
	return sel.FieldName(), true
}

func stringLiteral(e ast.Expr) (string, bool) {
	if e.Kind() != ast.LiteralKind {
		return "", false
	}
	s, ok := e.AsLiteral().(types.String)
	return string(s), ok
}

// hasComprehension reports whether the expression loops (all, exists,
// map, filter...). Only such rules need context checks, and they always
// run under the cost tracker (see untrackedMaxCost).
func hasComprehension(a *ast.AST) bool {
	return len(ast.MatchDescendants(ast.NavigateAST(a), func(e ast.NavigableExpr) bool {
		return e.Kind() == ast.ComprehensionKind
	})) > 0
}
