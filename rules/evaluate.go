package rules

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/interpreter"
	"github.com/iorkit/iorkit/duty"
)

// Input is what one evaluation looks at.
type Input struct {
	// Destination (ISO 3166-1 alpha-2) selects the packs: the country's own
	// and, for an EU member state, the "EU" pack.
	Destination string
	// Date selects the packs in effect (Pack.Effective).
	Date duty.Date
	// Shipment is a value or, better, a pointer of the Go type declared
	// for "shipment". A pointer avoids a copy.
	Shipment any
	// Lines is a slice of the Go type declared for "line" (or of pointers to
	// it). When nil, the shipment's `lines` field is used if it has that
	// type.
	Lines any
	// Importer is the candidate importer of record (the Go type declared
	// for "importer", or a pointer to it). When nil, importer rules do not
	// run.
	Importer any
	// Scope, when set, runs only the rules of that scope; for example
	// ScopeImporter to check each candidate without repeating the shipment
	// and line rules.
	Scope Scope
	// Budget, when set, is drawn on by this evaluation and shared with
	// every other that is given it, so that the evaluations of one decision
	// (the shipment and line rules, then each candidate importer) have one
	// bound together. When nil, the evaluation has a budget of its own
	// (Book.NewBudget).
	Budget *Budget
}

// Budget is the work one or more evaluations may still do: CEL cost (the
// actual cost of each rule run, or for a cheap rule run without the
// tracker its worst case, plus one per run) and findings. Make one
// with Book.NewBudget for a set of evaluations that belong together, and
// pass it in Input.Budget. A Budget is not safe for concurrent use.
//
// Evaluations that share a Budget and are given the shipment by the same
// pointer read it once: each field the rules read is converted for the
// first of them and reused by the others, so the shipment must not change
// between them.
type Budget struct {
	cost, maxCost uint64
	findings, max int
	// ship is the CEL view of the shipment the last evaluation was given
	// by pointer (at shipAt), which the next one given the same pointer
	// reuses, with the fields it has already converted.
	ship   *object
	shipAt uintptr
	// act is the activation of the evaluation under way, one for all
	// the evaluations sharing the Budget (they run one after another).
	act activation
}

// NewBudget returns a fresh budget with the Book's limits
// (DefaultEvalBudget and DefaultMaxFindings unless changed with
// WithEvalBudget and WithMaxFindings).
func (b *Book) NewBudget() *Budget {
	return &Budget{cost: b.evalBudget, maxCost: b.evalBudget, findings: b.maxFindings, max: b.maxFindings}
}

// Used returns the cost and the number of findings drawn from the budget
// so far.
func (bu *Budget) Used() (cost uint64, findings int) {
	return bu.maxCost - bu.cost, bu.max - bu.findings
}

// ErrBudgetExceeded is matched (errors.Is) by the *CostError of an
// evaluation that used up its Budget's cost.
var ErrBudgetExceeded = errors.New("rules: evaluation budget exceeded")

// ErrTooManyFindings is matched (errors.Is) by the *CostError of an
// evaluation that would return more findings than its Budget allows.
var ErrTooManyFindings = errors.New("rules: too many findings")

// spend draws the cost of one rule run; false when the budget is used up.
func (bu *Budget) spend(cost uint64) bool {
	cost++ // the run itself, so that rules of cost 0 still count
	if cost > bu.cost {
		bu.cost = 0
		return false
	}
	bu.cost -= cost
	return true
}

// activation is the fixed set of variables a rule sees. One is made per
// Evaluate call and reused for every rule and line.
type activation struct {
	shipment, line, importer ref.Val
}

func (a *activation) ResolveName(name string) (any, bool) {
	switch name {
	case VarShipment:
		return a.shipment, a.shipment != nil
	case VarLine:
		return a.line, a.line != nil
	case VarImporter:
		return a.importer, a.importer != nil
	}
	return nil, false
}

func (a *activation) Parent() interpreter.Activation { return nil }

// Covers reports whether some pack in the Book applies to the destination
// on the date.
func (b *Book) Covers(destination string, date duty.Date) bool {
	if b == nil {
		return false
	}
	for _, cp := range b.byDest[destination] {
		if cp.pack.Effective.Contains(date) {
			return true
		}
	}
	return false
}

// Evaluate runs the rules of the packs in effect for in.Destination on
// in.Date and returns the findings of the rules that fire, in pack order
// (by name), then scope (shipment, line, importer), then file order; a line
// rule yields one finding per line it fires on, in line order.
//
// It stops with a *CostError when a rule exceeds its cost budget, when the
// evaluation uses up its Budget (ErrBudgetExceeded) or would return more
// findings than it allows (ErrTooManyFindings), or when ctx is done; with
// a *NoPackError when no pack covers the destination on that
// date, and with an *EvalError when a rule fails (for example an input of
// the wrong Go type). Findings gathered before an error are returned with
// it.
func (b *Book) Evaluate(ctx context.Context, in Input) ([]Finding, error) {
	if b == nil || b.env == nil {
		return nil, errNilBook
	}
	if ctx == nil {
		return nil, errors.New("rules: Evaluate: nil context (use context.Background())")
	}
	var pbuf [4]*compiledPack // a destination has its own pack and, in the EU, the EU's
	packs := pbuf[:0]
	for _, cp := range b.byDest[in.Destination] {
		if cp.pack.Effective.Contains(in.Date) {
			packs = append(packs, cp)
		}
	}
	if len(packs) == 0 {
		return nil, &NoPackError{Destination: in.Destination, Date: in.Date}
	}
	bu := in.Budget
	if bu == nil {
		bu = b.NewBudget()
	}
	act := &bu.act
	*act = activation{}
	ship, err := b.shipment(in.Shipment, bu)
	if err != nil {
		return nil, err
	}
	act.shipment = ship
	var lines reflect.Value
	run := func(s Scope) bool { return in.Scope == "" || in.Scope == s }
	if run(ScopeLine) && b.env.varType(VarLine) != nil {
		lines, err = b.lines(in, ship)
		if err != nil {
			return nil, err
		}
	}
	if run(ScopeImporter) && in.Importer != nil {
		if act.importer, err = b.value(VarImporter, in.Importer); err != nil {
			return nil, err
		}
	}
	var buf [16]hit
	out := buf[:0]
	ls := lineState{lines: lines, lt: b.env.varType(VarLine)}
	ls.ptr = lines.IsValid() && lines.Type().Elem().Kind() == reflect.Pointer
	for _, cp := range packs {
		if run(ScopeShipment) {
			for _, cr := range cp.scoped[0] {
				if out, err = cr.eval(ctx, bu, act, -1, out); err != nil {
					return findings(out, 0), err
				}
			}
		}
		if run(ScopeLine) && lines.IsValid() {
			for _, cr := range cp.scoped[1] {
				if out, err = ls.evalRule(ctx, cr, bu, act, out); err != nil {
					return findings(out, 0), err
				}
			}
			act.line = nil
		}
		if act.importer != nil {
			for _, cr := range cp.scoped[2] {
				if out, err = cr.eval(ctx, bu, act, -1, out); err != nil {
					return findings(out, 0), err
				}
			}
		}
	}
	// Room for the findings of the importer rules that did not run, one
	// each at most, so that a caller adding those of a candidate importer
	// (as a decision does) does not copy these.
	spare := 0
	if in.Importer == nil && run(ScopeImporter) {
		for _, cp := range packs {
			spare += len(cp.scoped[2])
		}
	}
	return findings(out, spare), nil
}

// hit is a rule that fired, on a line (or -1).
type hit struct {
	cr   *compiledRule
	line int
}

// findings makes the findings of the hits, in one slice of their exact
// size (and room for spare more), and the line numbers they point to in
// another.
func findings(hits []hit, spare int) []Finding {
	if len(hits) == 0 {
		return nil
	}
	out := make([]Finding, len(hits), len(hits)+spare)
	var lines []int
	for i, h := range hits {
		out[i] = h.cr.finding
		if h.line >= 0 {
			if lines == nil {
				n := 0
				for _, h := range hits[i:] {
					if h.line >= 0 {
						n++
					}
				}
				lines = make([]int, n)
			}
			lines[0] = h.line
			out[i].Line = &lines[0]
			lines = lines[1:]
		}
	}
	return out
}

// lineState is what one evaluation has read of its lines, shared by every
// line rule of every pack: the guarded fields' values (read once, as Go
// strings) and the lines as CEL objects (made on first use, so that a
// field the rules share is converted once).
type lineState struct {
	lines reflect.Value
	ptr   bool // lines holds pointers (a nil one is skipped)
	lt    *structType
	cols  []*column // by field.idx; nil until a guard reads the field
	objs  []*object // by line; nil until a rule runs CEL on the line
	// scratch: the guards' verdict on each distinct value of their
	// field, for the rule at hand (see evalRule).
	scratch []bool
	offs    []int
	memo    []memoRun
}

// column is one string field of every line, with each line's value
// numbered by its first occurrence, so that a guard is checked once per
// distinct value rather than once per line.
type column struct {
	ids      []int32  // by line: the index of its value in distinct
	distinct []string // each value once, in order of first occurrence
}

// memoRun is the memoised CEL run of an onlyGuards rule for one distinct
// value of its guarded field.
type memoRun struct {
	r    runResult
	done bool
}

func (ls *lineState) column(idx int) *column {
	if ls.cols == nil {
		ls.cols = make([]*column, len(ls.lt.names))
	}
	if c := ls.cols[idx]; c != nil {
		return c
	}
	f := ls.lt.fields[ls.lt.names[idx]]
	c := &column{ids: make([]int32, ls.lines.Len())}
	var index map[string]int32 // only once there are many distinct values
	for i := range c.ids {
		v := lineString(f, ls.lines, i)
		id := int32(-1)
		if index != nil {
			if n, ok := index[v]; ok {
				id = n
			}
		} else {
			for n, d := range c.distinct {
				if d == v {
					id = int32(n)
					break
				}
			}
		}
		if id < 0 {
			id = int32(len(c.distinct))
			c.distinct = append(c.distinct, v)
			if index != nil {
				index[v] = id
			} else if len(c.distinct) > 16 {
				index = make(map[string]int32, len(c.distinct))
				for n, d := range c.distinct {
					index[d] = int32(n)
				}
			}
		}
		c.ids[i] = id
	}
	ls.cols[idx] = c
	return c
}

// object returns line i (not a nil pointer) as a CEL object, made on first
// use.
func (ls *lineState) object(i int) *object {
	if ls.objs == nil {
		ls.objs = make([]*object, ls.lines.Len())
	}
	if o := ls.objs[i]; o != nil {
		return o
	}
	lv := ls.lines.Index(i)
	if ls.ptr {
		lv = lv.Elem()
	}
	o := newObject(ls.lt, lv)
	ls.objs[i] = o
	return o
}

// evalRule runs one line rule on every line its guards let through: the
// guards are first checked on each distinct value of their field, so a
// rule none of whose values pass costs nothing per line.
func (ls *lineState) evalRule(ctx context.Context, cr *compiledRule, bu *Budget, act *activation, out []hit) ([]hit, error) {
	ls.scratch, ls.offs = ls.scratch[:0], ls.offs[:0]
	for gi, g := range cr.guards {
		col := ls.column(cr.guardIdx[gi])
		ls.offs = append(ls.offs, len(ls.scratch))
		pass := false
		for _, v := range col.distinct {
			m := g.match(v)
			ls.scratch = append(ls.scratch, m)
			pass = pass || m
		}
		if !pass {
			return out, nil // no line passes this guard
		}
	}
	// An onlyGuards rule with one guard runs CEL once per distinct value of
	// the guarded field; with several, once per distinct combination.
	var memo1 *column
	var memoN map[string]runResult
	if cr.onlyGuards && len(cr.guards) > 0 {
		if len(cr.guards) == 1 {
			memo1 = ls.cols[cr.guardIdx[0]]
			if cap(ls.memo) < len(memo1.distinct) {
				ls.memo = make([]memoRun, len(memo1.distinct))
			}
			ls.memo = ls.memo[:len(memo1.distinct)]
			clear(ls.memo)
		} else {
			memoN = map[string]runResult{}
		}
	}
	var err error
lines:
	for i := 0; i < ls.lines.Len(); i++ {
		for gi := range cr.guards {
			if !ls.scratch[ls.offs[gi]+int(ls.cols[cr.guardIdx[gi]].ids[i])] {
				continue lines
			}
		}
		if ls.ptr && ls.lines.Index(i).IsNil() {
			continue
		}
		if err := ctx.Err(); err != nil {
			return out, &CostError{Pack: cr.pack.Name, Rule: cr.rule.ID, Err: err}
		}
		var r runResult
		switch {
		case memo1 != nil:
			m := &ls.memo[memo1.ids[i]]
			if !m.done {
				act.line = ls.object(i)
				m.r, m.done = cr.run(ctx, act), true
			}
			r = m.r
		case memoN != nil:
			key := ls.guardKey(cr, i)
			var ok bool
			if r, ok = memoN[key]; !ok {
				act.line = ls.object(i)
				r = cr.run(ctx, act)
				memoN[key] = r
			}
		default:
			act.line = ls.object(i)
			r = cr.run(ctx, act)
		}
		if out, err = cr.settle(ctx, bu, r, i, out); err != nil {
			return out, err
		}
	}
	return out, nil
}

func (cr *compiledRule) eval(ctx context.Context, bu *Budget, act *activation, line int, out []hit) ([]hit, error) {
	if err := ctx.Err(); err != nil {
		return out, &CostError{Pack: cr.pack.Name, Rule: cr.rule.ID, Err: err}
	}
	r := cr.run(ctx, act)
	return cr.settle(ctx, bu, r, line, out)
}

// runResult is what one CEL run of a rule gives.
type runResult struct {
	v    ref.Val
	cost uint64
	err  error
}

func (cr *compiledRule) run(ctx context.Context, act *activation) runResult {
	if !cr.tracked {
		v, _, err := cr.prg.Eval(act)
		return runResult{v: v, cost: cr.runMax, err: err}
	}
	var v ref.Val
	var det *cel.EvalDetails
	var err error
	if cr.loops {
		v, det, err = cr.prg.ContextEval(ctx, act)
	} else {
		v, det, err = cr.prg.Eval(act)
	}
	var cost uint64
	if det != nil && det.ActualCost() != nil {
		cost = *det.ActualCost()
	}
	return runResult{v: v, cost: cost, err: err}
}

// settle turns a run into a finding or an error and spends its cost.
func (cr *compiledRule) settle(ctx context.Context, bu *Budget, r runResult, line int, out []hit) ([]hit, error) {
	v, cost, err := r.v, r.cost, r.err
	if err != nil {
		if ctx.Err() != nil || isCostLimit(err) {
			return out, &CostError{Pack: cr.pack.Name, Rule: cr.rule.ID, Err: err}
		}
		return out, &EvalError{Pack: cr.pack.Name, Rule: cr.rule.ID, Line: line, Msg: plainMessage(err)}
	}
	if !bu.spend(cost) {
		return out, &CostError{Pack: cr.pack.Name, Rule: cr.rule.ID,
			Err: fmt.Errorf("%w (%d for all rules, lines and candidates together)", ErrBudgetExceeded, bu.maxCost)}
	}
	fired, ok := v.(types.Bool)
	if !ok {
		msg := "the condition is not true or false"
		if v == types.NullValue {
			msg = "the condition is null (an optional value that is absent), not true or false: compare it, e.g. x == true"
		}
		return out, &EvalError{Pack: cr.pack.Name, Rule: cr.rule.ID, Line: line, Msg: msg}
	}
	if !fired {
		return out, nil
	}
	if bu.findings <= 0 {
		return out, &CostError{Pack: cr.pack.Name, Rule: cr.rule.ID,
			Err: fmt.Errorf("%w (at most %d)", ErrTooManyFindings, bu.max)}
	}
	bu.findings--
	return append(out, hit{cr, line}), nil
}

// plainMessage says what a CEL run-time error means without CEL's type
// names (structpb.NullValue, null_type, overload ids).
func plainMessage(err error) string {
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "reads field "):
		return clip(msg)
	case strings.HasPrefix(msg, "no such overload"):
		return "an operator or function was given values of types it does not take (often an absent, null value)"
	case strings.HasPrefix(msg, "no such key"), strings.HasPrefix(msg, "no such field"):
		return strings.Replace(msg, "no such", "no", 1)
	}
	for _, internal := range []string{"structpb.", "types.", "null_type", "ref.Val", "google.protobuf"} {
		if strings.Contains(msg, internal) {
			return "the expression failed on a value of an unexpected type (often an absent, null value)"
		}
	}
	return clip(msg)
}

func isCostLimit(err error) bool {
	var ce interpreter.EvalCancelledError
	if errors.As(err, &ce) {
		return true
	}
	return errors.Is(err, interpreter.InterruptError{})
}

// shipment is value(VarShipment, v), reusing the object of the last
// evaluation on bu when it was given the same pointer (and a Book of the
// same Env: a Budget may be shared by Books).
func (b *Book) shipment(v any, bu *Budget) (ref.Val, error) {
	rv := reflect.ValueOf(v)
	if bu.ship != nil && rv.Kind() == reflect.Pointer && rv.Pointer() == bu.shipAt &&
		bu.ship.st == b.env.varType(VarShipment) && bu.ship.v.Type() == rv.Type().Elem() {
		return bu.ship, nil
	}
	val, err := b.value(VarShipment, v)
	if err != nil {
		return nil, err
	}
	if rv.Kind() == reflect.Pointer {
		bu.ship, bu.shipAt = val.(*object), rv.Pointer()
	}
	return val, nil
}

// value adapts an input of the declared Go type (or a pointer to it).
func (b *Book) value(name string, v any) (ref.Val, error) {
	st := b.env.varType(name)
	if st == nil {
		return nil, &EvalError{Line: -1, Msg: fmt.Sprintf("the Env declares no %q variable", name)}
	}
	if v == nil {
		return nil, &InputError{Var: name, Want: st.rt, Got: nil}
	}
	rv := reflect.ValueOf(v)
	switch {
	case rv.Type() == reflect.PointerTo(st.rt):
		if rv.IsNil() {
			return nil, &InputError{Var: name, Want: st.rt, Got: rv.Type()}
		}
		return newObject(st, rv.Elem()), nil
	case rv.Type() == st.rt:
		cp := reflect.New(st.rt).Elem()
		cp.Set(rv)
		return newObject(st, cp), nil
	}
	return nil, &InputError{Var: name, Want: st.rt, Got: rv.Type()}
}

func (b *Book) lines(in Input, ship ref.Val) (reflect.Value, error) {
	lt := b.env.varType(VarLine)
	ok := func(t reflect.Type) bool {
		return t.Kind() == reflect.Slice && (t.Elem() == lt.rt || t.Elem() == reflect.PointerTo(lt.rt))
	}
	if in.Lines != nil {
		rv := reflect.ValueOf(in.Lines)
		if !ok(rv.Type()) {
			return reflect.Value{}, &InputError{Var: VarLine, Want: reflect.SliceOf(lt.rt), Got: rv.Type()}
		}
		return rv, nil
	}
	if idx := b.env.linesIndex; idx != nil {
		return ship.(*object).v.FieldByIndex(idx), nil
	}
	return reflect.Value{}, nil
}

func fieldGoName(rt reflect.Type, jsonField string) string {
	for _, sf := range reflect.VisibleFields(rt) {
		if n, skip := jsonName(sf); !skip && n == jsonField && sf.IsExported() {
			return sf.Name
		}
	}
	return ""
}

// InputError is returned by Evaluate when an input is missing or not of
// the Go type declared in the Env.
type InputError struct {
	Var       string
	Want, Got reflect.Type
}

// Is reports whether target is ErrInvalidInput.
func (e *InputError) Is(target error) bool { return target == ErrInvalidInput }

// Error implements error.
func (e *InputError) Error() string {
	if e.Got == nil {
		return fmt.Sprintf("rules: input %q is missing (want %v)", e.Var, e.Want)
	}
	return fmt.Sprintf("rules: input %q has type %v, want %v or *%v", e.Var, e.Got, e.Want, e.Want)
}

// guardKey is the values of line i's guarded fields, for an onlyGuards
// rule with several guards.
func (ls *lineState) guardKey(cr *compiledRule, i int) string {
	var b strings.Builder
	for _, idx := range cr.guardIdx {
		c := ls.cols[idx]
		b.WriteString(c.distinct[c.ids[i]])
		b.WriteByte(0)
	}
	return b.String()
}

// lineString reads one string field of line i, for the guards ("" for a
// nil pointer).
func lineString(f *field, lines reflect.Value, i int) string {
	lv := lines.Index(i)
	if lv.Kind() == reflect.Pointer {
		if lv.IsNil() {
			return ""
		}
		lv = lv.Elem()
	}
	// A Go string field is what CEL sees (types.String of it), read
	// without boxing it into a CEL value.
	if f.index != nil {
		if fv := lv.FieldByIndex(f.index); fv.Kind() == reflect.String {
			return fv.String()
		}
	}
	if s, ok := f.get(lv).(types.String); ok {
		return string(s)
	}
	return ""
}
