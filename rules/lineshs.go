package rules

import (
	"reflect"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/common/types/traits"

	"github.com/iorkit/iorkit/duty"
)

// linesHSInName is the name of the CEL function lines_hs_in(shipment,
// ['8517', '8525.60']): true when some line of the shipment has an HS code
// under one of the prefixes, compared as hs_in compares them
// (duty.HSHasPrefix: digits only, dots and spaces ignored on both sides).
// It lets a shipment or importer rule ask about the goods without a loop
// over the lines (shipment.lines.exists(l, hs_in(l.hs, [...])) costs more
// than DefaultCostBudget at MaxLines lines).
//
// The prefixes must be a list literal of HS prefixes (digits, with dots
// or spaces between them; at least two digits, a chapter, and at most
// twelve), checked when the pack compiles: a list taken from the input or
// a prefix such as '85xx' is an Error with its position.
//
// Its cost is one per line and prefix: MaxLines × len(prefixes) in the
// compile-time estimate (11,000 for 11 prefixes), and the shipment's
// number of lines × len(prefixes) at run time (at least 1), whether or
// not a line matches early.
//
// It exists when the shipment has a `lines` list of the line type and the
// line type has a string field `hs`.
const linesHSInName = "lines_hs_in"

// Bounds of one lines_hs_in prefix, in digits.
const (
	minHSPrefixDigits = 2
	maxHSPrefixDigits = 12
)

// linesHSInFunc declares lines_hs_in (see linesHSInName) and records its
// overload id in e.linesHSInID, for the run-time cost tracker.
func linesHSInFunc(e *Env) []cel.EnvOption {
	ship, line := e.vars[VarShipment], e.vars[VarLine]
	if ship == nil || line == nil || e.linesIndex == nil {
		return nil
	}
	hs, ok := line.rt.FieldByName(fieldGoName(line.rt, "hs"))
	if !ok || hs.Type.Kind() != reflect.String {
		return nil
	}
	linesIdx, hsIdx := e.linesIndex, hs.Index
	id := linesHSInName + "_" + strings.NewReplacer(".", "_").Replace(ship.name) + "_list"
	e.linesHSInID = id
	return []cel.EnvOption{cel.Function(linesHSInName,
		cel.Overload(id, []*cel.Type{ship.celType, cel.ListType(cel.StringType)}, cel.BoolType,
			cel.BinaryBinding(func(a, b ref.Val) ref.Val {
				o, ok1 := a.(*object)
				l, ok2 := b.(traits.Lister)
				if !ok1 || !ok2 {
					return types.NewErr("no such overload")
				}
				n := int64(l.Size().(types.Int))
				prefixes := make([]string, 0, n)
				for i := int64(0); i < n; i++ {
					p, ok := l.Get(types.Int(i)).(types.String)
					if !ok {
						return types.NewErr("lines_hs_in: prefixes must be strings")
					}
					prefixes = append(prefixes, string(p))
				}
				return types.Bool(linesHSIn(o.v.FieldByIndex(linesIdx), hsIdx, prefixes))
			})))}
}

// linesHSIn reports whether some line of lines (a slice of line structs
// or of pointers to them; nil pointers are skipped) has, in its field at
// hsIdx, an HS code under one of prefixes.
func linesHSIn(lines reflect.Value, hsIdx []int, prefixes []string) bool {
	for i := 0; i < lines.Len(); i++ {
		l := lines.Index(i)
		if l.Kind() == reflect.Pointer {
			if l.IsNil() {
				continue
			}
			l = l.Elem()
		}
		hs := l.FieldByIndex(hsIdx).String()
		for _, p := range prefixes {
			if duty.HSHasPrefix(hs, p) {
				return true
			}
		}
	}
	return false
}

// linesHSInEstimate is the compile-time cost of one lines_hs_in call with
// a list of n prefixes: one per line and prefix, at MaxLines lines.
func linesHSInEstimate(args []cost.AstNode) *cost.CallEstimate {
	n := uint64(MaxListSize)
	if len(args) == 2 {
		if sz := args[1].ComputedSize(); sz != nil {
			n = sz.Max
		}
	}
	return cost.NewCallEstimate(cost.Estimate{Min: 1, Max: max(1, MaxLines*n)}, nil)
}

// linesHSInTracker is the run-time cost of one lines_hs_in call: the
// shipment's lines × the prefixes, at least 1 (see linesHSInName).
func (e *Env) linesHSInTracker() cost.TrackerOption {
	linesIdx := e.linesIndex
	return cost.OverloadTracker(e.linesHSInID, func(args []ref.Val, _ ref.Val) *uint64 {
		c := uint64(1)
		if len(args) == 2 {
			o, ok1 := args[0].(*object)
			l, ok2 := args[1].(traits.Sizer)
			if ok1 && ok2 {
				n, _ := l.Size().(types.Int)
				if k := uint64(o.v.FieldByIndex(linesIdx).Len()) * uint64(max(n, 0)); k > c {
					c = k
				}
			}
		}
		return &c
	})
}

// hsPrefixLiterals checks at compile time that every lines_hs_in call
// takes its prefixes as a non-empty list literal of HS prefixes: a list
// read from the shipment would let the input choose what a rule means,
// and its cost, which the estimate bounds by the literal's length, would
// be unknown.
type hsPrefixLiterals struct{}

func (hsPrefixLiterals) Name() string { return "iorkit.hs_prefix_literals" }

func (hsPrefixLiterals) Validate(_ *cel.Env, _ cel.ValidatorConfig, a *ast.AST, iss *cel.Issues) {
	const want = "lines_hs_in() takes its prefixes as a list of HS digits such as ['8517.13', '8525'], not a value from the input"
	for _, call := range ast.MatchDescendants(ast.NavigateAST(a), ast.FunctionMatcher(linesHSInName)) {
		args := call.AsCall().Args()
		if len(args) != 2 {
			continue
		}
		arg := args[1]
		if arg.Kind() != ast.ListKind {
			iss.ReportErrorAtID(arg.ID(), want)
			continue
		}
		elems := arg.AsList().Elements()
		if len(elems) == 0 {
			iss.ReportErrorAtID(arg.ID(), "lines_hs_in() needs at least one HS prefix")
			continue
		}
		for _, el := range elems {
			s, ok := stringLiteral(el)
			if !ok {
				iss.ReportErrorAtID(el.ID(), want)
				continue
			}
			if !validHSPrefix(s) {
				iss.ReportErrorAtID(el.ID(), "invalid HS prefix '%s': expected %d to %d digits, with dots or spaces between them, such as '8517.13'", clip(s), minHSPrefixDigits, maxHSPrefixDigits)
			}
		}
	}
}

// validHSPrefix reports whether s is minHSPrefixDigits to
// maxHSPrefixDigits digits, with dots and spaces (the characters
// duty.HSHasPrefix skips) between or around them.
func validHSPrefix(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' || c == ' ':
		default:
			return false
		}
	}
	return digits >= minHSPrefixDigits && digits <= maxHSPrefixDigits
}
