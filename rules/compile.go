package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/jsonpath"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/cost"
	"cel.dev/cel-go/common/types"
)

// DefaultCostBudget is the largest worst-case cost, as estimated by CEL
// with the size hints MaxLines, MaxListSize and MaxStringSize, that one rule
// may have. A rule that looks at every line of a full shipment a few times
// costs a few tens of thousands; one that compares every line with every
// other line costs millions and is refused. The same figure bounds the
// actual cost of every evaluation of every rule at run time (cel.CostLimit):
// the estimate assumes strings of MaxStringSize bytes, while the strings of
// a shipment may be longer, so a rule that is cheap on paper still stops,
// with a *CostError naming it, when the input makes it expensive. (A rule
// without loops whose worst case is at most 128 runs without the limit,
// which could not stop it: see Cost in the package documentation.)
const DefaultCostBudget uint64 = 100_000

// DefaultEvalBudget bounds the work of one evaluation (Evaluate, or every
// Evaluate call sharing one Budget): the sum, over every rule run on every
// line and every candidate importer, of the rule's actual CEL cost (its
// worst case for a rule run without the tracker, see untrackedMaxCost)
// plus one for the run itself. The embedded packs spend from under 1,000
// to about 55,000 on a shipment of MaxLines lines (their conditions on the
// HS code and origin are checked before CEL runs); 30,000 rules on 100
// lines would spend over 3,000,000.
const DefaultEvalBudget uint64 = 1_000_000

// DefaultMaxFindings bounds the findings of one evaluation: room for 25
// line rules firing on every one of MaxLines lines.
const DefaultMaxFindings = 25_000

// CompileOption configures Compile.
type CompileOption func(*compileConfig)

type compileConfig struct {
	budget      uint64
	evalBudget  uint64
	maxFindings int
}

// WithCostBudget replaces DefaultCostBudget for the rules of a Book.
func WithCostBudget(n uint64) CompileOption {
	return func(c *compileConfig) { c.budget = n }
}

// WithEvalBudget replaces DefaultEvalBudget for the evaluations of a Book.
func WithEvalBudget(n uint64) CompileOption {
	return func(c *compileConfig) { c.evalBudget = n }
}

// WithMaxFindings replaces DefaultMaxFindings for the evaluations of a
// Book.
func WithMaxFindings(n int) CompileOption {
	return func(c *compileConfig) { c.maxFindings = n }
}

// Book is a compiled set of packs, indexed by destination and scope.
// It is immutable and safe for concurrent use: compile once, evaluate many
// times.
type Book struct {
	env         *Env
	packs       []*compiledPack
	byDest      map[string][]*compiledPack
	budget      uint64
	evalBudget  uint64
	maxFindings int
}

// errNilBook is what Evaluate returns on a nil or zero *Book.
var errNilBook = &duty.UninitializedError{Type: "*rules.Book", Constructor: "rules.Compile"}

type compiledPack struct {
	pack   *Pack
	scoped [3][]*compiledRule // by scopeIndex
}

type compiledRule struct {
	pack    *Pack
	rule    *Rule
	prg     cel.Program
	cost    cost.Estimate
	finding Finding
	loops   bool // has comprehensions: evaluated with ctx checks
	// tracked: the program runs under CEL's run-time cost tracker, with
	// the rule's cost limit, and each run is charged its actual cost.
	// Otherwise (see untrackedMaxCost) each run is charged runMax.
	tracked bool
	runMax  uint64  // worst case as the tracker counts it, at the size hints
	guards  []guard // line rules: conditions on line fields checked in Go first
	// guardIdx: the line field of each guard (field.idx)
	guardIdx []int
	// onlyGuards: every conjunct of the condition is one of guards, so the
	// condition reads nothing but the guarded line fields and literals:
	// its result and cost are those of the first line with the same
	// values of those fields (Evaluate reuses them).
	onlyGuards bool
}

func scopeIndex(s Scope) int {
	switch s {
	case ScopeShipment:
		return 0
	case ScopeLine:
		return 1
	}
	return 2
}

// RuleCost is the static cost estimate of one compiled rule.
type RuleCost struct {
	Pack, Rule string
	Scope      Scope
	Min, Max   uint64 // CEL's estimate of the cheapest and the worst case
}

// Compile type-checks every rule of the packs in env and returns the Book.
// Every problem is reported, not just the first: the error is an ErrorList
// of *Error, each naming the pack, the rule, the line and column in the file
// and in the expression, and the offending name when there is one. A rule
// whose condition is not bool, or whose worst-case cost exceeds the budget,
// is an error; so is a rule id used twice in the Book.
func Compile(env *Env, packs ...*Pack) (*Book, error) {
	return CompileWith(env, packs, nil...)
}

// CompileWith is Compile with options.
func CompileWith(env *Env, packs []*Pack, opts ...CompileOption) (*Book, error) {
	b, _, err := compile(env, packs, opts)
	return b, err
}

func compile(env *Env, packs []*Pack, opts []CompileOption) (*Book, []RuleCost, error) {
	cfg := compileConfig{budget: DefaultCostBudget, evalBudget: DefaultEvalBudget, maxFindings: DefaultMaxFindings}
	for _, o := range opts {
		o(&cfg)
	}
	if env == nil || env.prov == nil {
		return nil, nil, ErrorList{{Code: CodeNoEnv, Msg: "Compile: nil or zero Env (build it with NewEnv)"}}
	}
	b := &Book{env: env, byDest: map[string][]*compiledPack{}, budget: cfg.budget,
		evalBudget: cfg.evalBudget, maxFindings: cfg.maxFindings}
	var errs ErrorList
	var costs []RuleCost
	ids := map[string]string{}
	names := map[string]bool{}
	for _, p := range packs {
		if p == nil {
			continue
		}
		if names[p.Name] {
			errs = append(errs, &Error{Code: CodeDuplicatePack, File: p.File, Pack: clip(p.Name), Line: 1, Column: 1, Name: clip(p.Name), Msg: fmt.Sprintf("pack %q given twice", clip(p.Name))})
			continue
		}
		names[p.Name] = true
		cp := &compiledPack{pack: p}
		for i := range p.Rules {
			r := &p.Rules[i]
			if prev, dup := ids[r.ID]; dup {
				errs = append(errs, &Error{Code: CodeDuplicateRule, File: p.File, Pack: clip(p.Name), Rule: clip(r.ID), Field: "id", Line: r.line, Column: r.col, Name: clip(r.ID),
					Msg: fmt.Sprintf("duplicate rule id %q (also in pack %s)", clip(r.ID), clip(prev))})
				continue
			}
			ids[r.ID] = p.Name
			cr, rc, err := compileRule(env, p, r, cfg.budget)
			if rc != nil {
				costs = append(costs, *rc)
			}
			if err != nil {
				errs = append(errs, err...)
				continue
			}
			cp.scoped[scopeIndex(r.Scope)] = append(cp.scoped[scopeIndex(r.Scope)], cr)
		}
		b.packs = append(b.packs, cp)
	}
	if len(errs) > 0 {
		return nil, costs, errs
	}
	sort.SliceStable(b.packs, func(i, j int) bool { return b.packs[i].pack.Name < b.packs[j].pack.Name })
	for _, cp := range b.packs {
		if cp.pack.Country == "EU" {
			for _, c := range duty.EUMembers() {
				b.byDest[c] = append(b.byDest[c], cp)
			}
			continue
		}
		b.byDest[cp.pack.Country] = append(b.byDest[cp.pack.Country], cp)
	}
	return b, costs, nil
}

func compileRule(env *Env, p *Pack, r *Rule, budget uint64) (*compiledRule, *RuleCost, ErrorList) {
	fail := func(code ErrorCode, msg string) ErrorList {
		return ErrorList{{Code: code, File: p.File, Pack: clip(p.Name), Rule: clip(r.ID), Field: "when", Line: r.whenLine, Column: r.whenCol, Msg: msg}}
	}
	ce, ok := env.scopes[r.Scope]
	if !ok {
		return nil, nil, fail(CodeScopeUnavailable, fmt.Sprintf("scope %q is not available: the Env declares no %q variable", r.Scope, scopeVar(r.Scope)))
	}
	// Parse and check apart, so that the error code tells a syntax error
	// from a type error.
	code := CodeExprSyntax
	checked, iss := ce.Parse(r.When)
	if iss == nil || iss.Err() == nil {
		code = CodeExprType
		checked, iss = ce.Check(checked)
	}
	if iss != nil && iss.Err() != nil {
		var out ErrorList
		for _, ce := range iss.Errors() {
			e := &Error{Code: code, File: p.File, Pack: clip(p.Name), Rule: clip(r.ID), Field: "when", Msg: jsonpath.ClipWithin(scopeVarMessage(ce.Message), r.When)}
			e.ExprLine, e.ExprColumn = ce.Location.Line(), ce.Location.Column()+1
			e.Line, e.Column = r.whenLine, r.whenCol
			if r.whenRaw && e.ExprLine == 1 {
				e.Column = r.whenCol + 1 + byteOffset(r.When, ce.Location.Column())
			}
			e.Name = clip(offendingName(ce.Message))
			out = append(out, e)
		}
		return nil, nil, out
	}
	if !checked.OutputType().IsExactType(types.BoolType) {
		return nil, nil, fail(CodeNotBool, fmt.Sprintf("condition must be bool, found %s", checked.OutputType()))
	}
	est, err := ce.EstimateCost(checked, sizeHints{})
	if err != nil {
		return nil, nil, fail(CodeProgram, "estimating cost: "+err.Error())
	}
	rc := &RuleCost{Pack: p.Name, Rule: r.ID, Scope: r.Scope, Min: est.Min, Max: est.Max}
	if est.Max > budget {
		return nil, rc, fail(CodeCost, fmt.Sprintf("worst-case cost %d exceeds the budget of %d (with up to %d lines of %d-byte strings); avoid nested loops over lines", est.Max, budget, MaxLines, MaxStringSize))
	}
	loops := hasComprehension(checked.NativeRep())
	// The worst case as the run-time tracker counts it (iorkit's functions
	// cost 1 there, whatever their compile-time estimate), at the same
	// sizes.
	run, err := ce.EstimateCost(checked, runtimeSizeHints{})
	if err != nil {
		return nil, nil, fail(CodeProgram, "estimating cost: "+err.Error())
	}
	// Every program has a run-time cost limit, not only those that loop:
	// the cost of string operations grows with the input's strings, which
	// the estimate bounds at MaxStringSize. Except a cheap one (see
	// untrackedMaxCost), which the limit could not stop.
	tracked := loops || run.Max > untrackedMaxCost || run.Max > budget
	popts := []cel.ProgramOption{cel.EvalOptions(cel.OptOptimize)}
	if tracked {
		popts = append(popts, cel.CostLimit(budget))
		if env.linesHSInID != "" {
			popts = append(popts, cel.CostTrackerOptions(env.linesHSInTracker()))
		}
	}
	if loops {
		popts = append(popts, cel.InterruptCheckFrequency(64))
	}
	prg, err := ce.Program(checked, popts...)
	if err != nil {
		return nil, rc, fail(CodeProgram, "building program: "+err.Error())
	}
	f := r.Finding
	f.Rule, f.Pack = r.ID, p.Name
	cr := &compiledRule{pack: p, rule: r, prg: prg, cost: est, finding: f, loops: loops, tracked: tracked, runMax: run.Max}
	if r.Scope == ScopeLine {
		lt := env.vars[VarLine]
		whole := 0
		for _, g := range lineGuards(checked.NativeRep().Expr()) {
			// Only plain string fields can be read in Go the way CEL sees them.
			if f := lt.fields[g.field]; f != nil && f.celType == types.StringType {
				cr.guards = append(cr.guards, g.indexed())
				cr.guardIdx = append(cr.guardIdx, f.idx)
				if g.whole {
					whole++
				}
			}
		}
		cr.onlyGuards = !loops && whole > 0 && whole == len(cr.guards) &&
			whole == len(conjuncts(checked.NativeRep().Expr(), nil))
	}
	return cr, rc, nil
}

func scopeVar(s Scope) string {
	switch s {
	case ScopeLine:
		return VarLine
	case ScopeImporter:
		return VarImporter
	}
	return VarShipment
}

// byteOffset converts a 0-based rune column on the first line into bytes.
func byteOffset(s string, runes int) int {
	off := 0
	for i := 0; i < runes && off < len(s); i++ {
		_, sz := utf8.DecodeRuneInString(s[off:])
		off += sz
	}
	return off
}

// scopeVarMessage drops CEL's spelling suggestion from the message about
// a variable used outside its scope ("undeclared reference to 'line'" in
// an importer rule): CEL would suggest a function whose name starts alike
// (lines_hs_in), which is not what the author meant.
func scopeVarMessage(msg string) string {
	if n := offendingName(msg); n == VarShipment || n == VarLine || n == VarImporter {
		if i := strings.Index(msg, " (did you mean "); i >= 0 {
			return msg[:i]
		}
	}
	return msg
}

var quoted = regexp.MustCompile(`'([^']+)'`)

// offendingName picks the identifier a CEL message is about, e.g.
// "undeclared reference to 'shipmnt'" or "undefined field 'orgin'".
func offendingName(msg string) string {
	for _, prefix := range []string{"undeclared reference to", "undefined field", "found no matching overload for"} {
		if i := strings.Index(msg, prefix); i >= 0 {
			if m := quoted.FindStringSubmatch(msg[i:]); m != nil {
				return m[1]
			}
		}
	}
	return ""
}

// untrackedMaxCost is the largest worst-case cost, as the run-time tracker
// counts it at the size hints (MaxStringSize, MaxListSize, MaxLines), of a
// rule that runs without the tracker. Such a rule has no loop, so its
// worst case is a sum over the nodes of its expression, and the tracker
// could never stop it on an input within the hints (every shipment ior has
// validated): its actual cost is at most this worst case, far below any
// cost limit. Each of its runs is charged that worst case from the Budget
// (its exact cost when the best and worst cases are equal, as for an HS
// guard; more than the actual otherwise), so budgets bound evaluations as
// before. On an input beyond the hints (a caller of Evaluate with longer
// strings) such a rule still cannot run away: every operation the tracker
// prices by the length of a string costs more than 100 at MaxStringSize (a
// tenth of the length), so the rule holds at most one of them, and no loop
// and no chain of concatenations: its cost, as the tracker would count it,
// grows no faster than the input it reads.
//
// Without the tracker a run allocates nothing for cost accounting, and the
// rules most evaluations run (HS guards, importer registrations, field
// comparisons with literals) cost a third less.
const untrackedMaxCost = 128

// sizeHints bounds the inputs for the static cost estimate: lists named
// "lines" hold at most MaxLines items, other lists MaxListSize, strings
// MaxStringSize bytes.
type sizeHints struct{}

func (sizeHints) EstimateSize(n cost.AstNode) *cost.SizeEstimate {
	t := n.Type()
	if t == nil {
		return nil
	}
	if t.Kind() == types.OpaqueKind && t.TypeName() == DecimalTypeName {
		// Decimals compare in constant time for cost purposes.
		return &cost.SizeEstimate{Min: 1, Max: 1}
	}
	if len(n.Path()) == 0 {
		return nil
	}
	switch t.Kind() {
	case types.ListKind:
		path := n.Path()
		if path[len(path)-1] == "lines" {
			return &cost.SizeEstimate{Min: 0, Max: MaxLines}
		}
		return &cost.SizeEstimate{Min: 0, Max: MaxListSize}
	case types.StringKind:
		return &cost.SizeEstimate{Min: 0, Max: MaxStringSize}
	}
	return nil
}

func (sizeHints) EstimateCallCost(function, overloadID string, target *cost.AstNode, args []cost.AstNode) *cost.CallEstimate {
	switch {
	case strings.HasPrefix(overloadID, "has_registration_"):
		return cost.NewCallEstimate(cost.Estimate{Min: 1, Max: 2 * MaxListSize}, nil)
	case overloadID == "hs_in_string_list":
		return cost.NewCallEstimate(cost.Estimate{Min: 1, Max: 2 * MaxListSize}, nil)
	case strings.HasPrefix(overloadID, linesHSInName+"_"):
		return linesHSInEstimate(args)
	case overloadID == "decimal_string":
		return cost.NewCallEstimate(cost.Estimate{Min: 1, Max: 2}, &cost.SizeEstimate{Min: 1, Max: 1})
	case overloadID == "hs_prefix_string_string", overloadID == "eu_member_string",
		strings.HasSuffix(overloadID, "_decimal"):
		return cost.NewCallEstimate(cost.Estimate{Min: 1, Max: 2}, nil)
	}
	return nil
}

// Costs returns the static cost estimate of every rule in the Book, in pack
// order (by name) and file order within a pack.
func (b *Book) Costs() []RuleCost {
	if b == nil {
		return nil
	}
	var out []RuleCost
	for _, cp := range b.packs {
		byID := map[string]*compiledRule{}
		for _, rules := range cp.scoped {
			for _, cr := range rules {
				byID[cr.rule.ID] = cr
			}
		}
		for _, r := range cp.pack.Rules {
			if cr := byID[r.ID]; cr != nil {
				out = append(out, RuleCost{Pack: cp.pack.Name, Rule: r.ID, Scope: r.Scope, Min: cr.cost.Min, Max: cr.cost.Max})
			}
		}
	}
	return out
}

// Packs returns the packs in the Book, sorted by name. The packs must not
// be modified.
func (b *Book) Packs() []*Pack {
	if b == nil {
		return nil
	}
	out := make([]*Pack, len(b.packs))
	for i, cp := range b.packs {
		out[i] = cp.pack
	}
	return out
}

// runtimeSizeHints are sizeHints without the compile-time estimates of
// iorkit's functions: the run-time tracker counts each call of those as 1
// (their work is bounded by the lists they read, at most MaxListSize or
// MaxLines items), and so does the estimator without a hint. The
// exception is lines_hs_in, which the tracker charges one per line and
// prefix (see linesHSInName): its estimate is the same as at compile time.
type runtimeSizeHints struct{ sizeHints }

func (runtimeSizeHints) EstimateCallCost(_, overloadID string, _ *cost.AstNode, args []cost.AstNode) *cost.CallEstimate {
	if strings.HasPrefix(overloadID, linesHSInName+"_") {
		return linesHSInEstimate(args)
	}
	return nil
}
