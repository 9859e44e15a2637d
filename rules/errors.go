package rules

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalidPack is matched (errors.Is) by every *Error produced while
// parsing, compiling or linting a pack.
var ErrInvalidPack = errors.New("rules: invalid pack")

// Error is one problem in a rule pack: a JSON syntax error, a missing or
// invalid field, a duplicate rule id, a CEL expression that does not
// compile, or a rule whose worst-case cost exceeds the budget. It carries
// enough to point an author at the spot: the file, the pack and rule, the
// line and column in the file, and for expression errors the position inside
// the expression and the offending name.
type Error struct {
	File   string // file name, when known (ParseFile, Lint)
	Pack   string // pack name, when known
	Rule   string // rule id, when the problem is in a rule
	Field  string // JSON field, e.g. "when", "finding.code"
	Line   int    // 1-based line in the file; 0 when unknown
	Column int    // 1-based column (bytes) in the file; 0 when unknown
	// ExprLine and ExprColumn locate the problem inside the CEL expression
	// (1-based) for compile errors; zero otherwise.
	ExprLine, ExprColumn int
	Name                 string // the offending identifier or field, when known
	Msg                  string // what is wrong and what was expected
}

// Error implements error.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("rules: ")
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:%d:", e.Line, e.Column)
	}
	if b.Len() > len("rules: ") {
		b.WriteByte(' ')
	}
	if e.Pack != "" {
		fmt.Fprintf(&b, "pack %s: ", e.Pack)
	}
	if e.Rule != "" {
		fmt.Fprintf(&b, "rule %s: ", e.Rule)
	}
	if e.Field != "" {
		if e.ExprLine > 0 {
			fmt.Fprintf(&b, "%s %d:%d: ", e.Field, e.ExprLine, e.ExprColumn)
		} else {
			fmt.Fprintf(&b, "%s: ", e.Field)
		}
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Is makes errors.Is(err, ErrInvalidPack) true.
func (e *Error) Is(target error) bool { return target == ErrInvalidPack }

// ErrorList is every problem found in one Parse, Compile or Lint call, in
// file order. errors.As(err, &e) with e of type *Error finds the first.
type ErrorList []*Error

// Error implements error.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "rules: no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	if len(l) == 2 {
		fmt.Fprintf(&b, "%s (and 1 more error)", l[0].Error())
	} else {
		fmt.Fprintf(&b, "%s (and %d more errors)", l[0].Error(), len(l)-1)
	}
	return b.String()
}

// Unwrap returns the individual errors so errors.As and errors.Is see them.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// err returns nil for an empty list, so callers can `return list.err()`.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// CostError is returned by Evaluate when a rule stopped because it went over
// its runtime cost limit (DefaultCostBudget), the evaluation used up its
// Budget (ErrBudgetExceeded) or would return too many findings
// (ErrTooManyFindings), or the context was done. Rule names the rule that
// was running.
type CostError struct {
	Pack, Rule string
	Err        error // the underlying CEL or context error
}

// Error implements error.
func (e *CostError) Error() string {
	return fmt.Sprintf("rules: pack %s: rule %s: evaluation stopped: %v", e.Pack, e.Rule, e.Err)
}

// Unwrap returns the cause (context.DeadlineExceeded, context.Canceled,
// ErrBudgetExceeded, ErrTooManyFindings or the CEL cost-limit error).
func (e *CostError) Unwrap() error { return e.Err }

// EvalError is returned by Evaluate when a rule fails at run time for a
// reason other than cost, for example an input of the wrong Go type.
type EvalError struct {
	Pack, Rule string
	Line       int // 0-based line index for line rules, -1 otherwise
	Err        error
}

// Error implements error.
func (e *EvalError) Error() string {
	if e.Line >= 0 {
		return fmt.Sprintf("rules: pack %s: rule %s: line %d: %v", e.Pack, e.Rule, e.Line, e.Err)
	}
	return fmt.Sprintf("rules: pack %s: rule %s: %v", e.Pack, e.Rule, e.Err)
}

// Unwrap returns the cause.
func (e *EvalError) Unwrap() error { return e.Err }

// NoPackError is returned by Evaluate when no pack in the Book covers the
// destination on the date: an empty result would wrongly suggest that the
// country has no requirements.
type NoPackError struct {
	Destination string
	Date        string // YYYY-MM-DD
}

// Error implements error.
func (e *NoPackError) Error() string {
	return fmt.Sprintf("rules: no rule pack covers destination %q on %s", e.Destination, e.Date)
}
