package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/iorkit/iorkit/duty"
)

// ErrInvalidPack is matched (errors.Is) by every *Error produced while
// parsing, compiling or linting a pack.
var ErrInvalidPack = errors.New("rules: invalid pack")

// ErrorCode classifies an *Error. The values are stable: tools may branch
// on them and show them (docs/rules.md lists them). An ErrorCode is itself
// an error, so errors.Is(err, rules.CodeUnknownField) tells whether any
// problem of an ErrorList has that code.
type ErrorCode string

// Error implements error, so that a code can be the target of errors.Is;
// it is the code itself, so that a code prints as itself.
func (c ErrorCode) Error() string { return string(c) }

// The codes of *Error, from reading a file to compiling its expressions.
const (
	// CodeRead: the pack file or directory could not be read.
	CodeRead ErrorCode = "read"
	// CodeTooLarge: the file is larger than a pack may be (4 MiB).
	CodeTooLarge ErrorCode = "too_large"
	// CodeSyntax: not one JSON object (syntax error, data after it, nesting
	// too deep).
	CodeSyntax ErrorCode = "syntax"
	// CodeWrongType: a JSON value of the wrong type (a number where a
	// string is expected, an object where an array is).
	CodeWrongType ErrorCode = "wrong_type"
	// CodeUnknownField: a key the format does not have (often misspelt:
	// the message suggests the nearest).
	CodeUnknownField ErrorCode = "unknown_field"
	// CodeExclusiveEnd: a period's end spelled as if exclusive (until,
	// end, before...): the end is "to", the last day in force.
	CodeExclusiveEnd ErrorCode = "exclusive_end"
	// CodeDuplicateField: a key given twice in one object.
	CodeDuplicateField ErrorCode = "duplicate_field"
	// CodeMissingField: a required key is absent.
	CodeMissingField ErrorCode = "missing_field"
	// CodeInvalidValue: a value outside its set or form (a kind, severity,
	// scope, country, date, code, name or id that is not valid; an empty
	// title, reference, version or when).
	CodeInvalidValue ErrorCode = "invalid_value"
	// CodeInvalidPeriod: effective.to before effective.from.
	CodeInvalidPeriod ErrorCode = "invalid_period"
	// CodeDuplicatePack: two packs of one name compiled together.
	CodeDuplicatePack ErrorCode = "duplicate_pack"
	// CodeDuplicateRule: a rule id used twice, in one pack or across packs
	// compiled together.
	CodeDuplicateRule ErrorCode = "duplicate_rule"
	// CodeNoEnv: Compile was given no Env.
	CodeNoEnv ErrorCode = "no_env"
	// CodeScopeUnavailable: the rule's scope needs a variable the Env does
	// not declare.
	CodeScopeUnavailable ErrorCode = "scope_unavailable"
	// CodeExprSyntax: the CEL expression does not parse.
	CodeExprSyntax ErrorCode = "expr_syntax"
	// CodeExprType: the expression parses but does not type-check (an
	// undeclared variable, a misspelt field, no function for those argument
	// types, decimal() of something other than a string literal).
	CodeExprType ErrorCode = "expr_type"
	// CodeNotBool: the expression's type is not bool.
	CodeNotBool ErrorCode = "not_bool"
	// CodeCost: the expression's worst-case cost exceeds the budget.
	CodeCost ErrorCode = "cost"
	// CodeProgram: CEL could not estimate or build the program (a fault in
	// the Env rather than in the pack).
	CodeProgram ErrorCode = "program"
)

// ErrorCodes lists every ErrorCode, in the order of the documentation.
func ErrorCodes() []ErrorCode {
	return []ErrorCode{CodeRead, CodeTooLarge, CodeSyntax, CodeWrongType, CodeUnknownField,
		CodeExclusiveEnd, CodeDuplicateField, CodeMissingField, CodeInvalidValue, CodeInvalidPeriod, CodeDuplicatePack,
		CodeDuplicateRule, CodeNoEnv, CodeScopeUnavailable, CodeExprSyntax, CodeExprType, CodeNotBool,
		CodeCost, CodeProgram}
}

// Error is one problem in a rule pack: a JSON syntax error, a missing or
// invalid field, a duplicate rule id, a CEL expression that does not
// compile, or a rule whose worst-case cost exceeds the budget. It carries
// enough to point an author at the spot: the file, the pack and rule, the
// line and column in the file, and for expression errors the position inside
// the expression and the offending name.
type Error struct {
	Code   ErrorCode // what kind of problem (stable; see the Code constants)
	File   string    // file name, when known (ParseFile, Lint)
	Pack   string    // pack name, when known
	Rule   string    // rule id, when the problem is in a rule
	Field  string    // JSON field, e.g. "when", "finding.code"
	Line   int       // 1-based line in the file; 0 when unknown
	Column int       // 1-based column (bytes) in the file; 0 when unknown
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

// Is makes errors.Is(err, ErrInvalidPack) true, and errors.Is(err, code)
// true for the error's own Code.
func (e *Error) Is(target error) bool {
	if c, ok := target.(ErrorCode); ok {
		return c == e.Code
	}
	// A pack over its size limit is also the module's one limit error
	// (duty.ErrInputLimit), like every other reader's.
	return target == ErrInvalidPack || (e.Code == CodeTooLarge && target == duty.ErrInputLimit)
}

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

// Sentinels of the run-time errors of Evaluate, for errors.Is.
var (
	// ErrRuleFailed is matched by *EvalError.
	ErrRuleFailed = errors.New("rules: rule failed")
	// ErrNoPack is matched by *NoPackError.
	ErrNoPack = errors.New("rules: no rule pack")
	// ErrInvalidInput is matched by *InputError.
	ErrInvalidInput = errors.New("rules: invalid input")
)

// EvalError is returned by Evaluate when a rule fails at run time for a
// reason other than cost: it reads a field of an absent (null) object, its
// condition is null, it indexes past the end of a list, divides by zero...
// It names the pack, the rule and the line, and says what went wrong in
// plain words: CEL's own error, whose text names CEL internals, is not
// part of it. It matches ErrRuleFailed.
type EvalError struct {
	Pack, Rule string
	Line       int    // 0-based line index for line rules, -1 otherwise
	Msg        string // what went wrong
}

// Error implements error.
func (e *EvalError) Error() string {
	if e.Line >= 0 {
		return fmt.Sprintf("rules: pack %s: rule %s: line %d: %s", e.Pack, e.Rule, e.Line, e.Msg)
	}
	return fmt.Sprintf("rules: pack %s: rule %s: %s", e.Pack, e.Rule, e.Msg)
}

// Is reports whether target is ErrRuleFailed.
func (e *EvalError) Is(target error) bool { return target == ErrRuleFailed }

// NoPackError is returned by Evaluate when no pack in the Book covers the
// destination on the date: an empty result would wrongly suggest that the
// country has no requirements.
type NoPackError struct {
	Destination string
	Date        duty.Date
}

// Error implements error.
func (e *NoPackError) Error() string {
	return fmt.Sprintf("rules: no rule pack covers destination %q on %s", clip(e.Destination), e.Date)
}

// Is reports whether target is ErrNoPack.
func (e *NoPackError) Is(target error) bool { return target == ErrNoPack }
