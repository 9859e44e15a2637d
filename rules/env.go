package rules

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/ast"
	"cel.dev/cel-go/common/operators"
	"cel.dev/cel-go/common/overloads"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/iorkit/iorkit/duty"
)

// Var declares one input variable of the rules: its CEL name, the Go
// struct type whose values it holds, and the CEL type name the type is
// known by. The names are fixed by scope:
//
//	"shipment" — every scope
//	"line"     — line rules
//	"importer" — importer rules (the candidate importer of record)
//
// Fields are exposed under their JSON names (the `json` struct tag; the Go
// field name when there is no tag; `json:"-"` hides a field). Alias names
// the type in CEL, e.g. "ior.Shipment"; nested struct types take the
// alias's namespace and their Go type name ("ior.Party"), so expressions
// never depend on Go package paths.
type Var struct {
	Name  string
	Type  reflect.Type
	Alias string
}

// Env is the CEL environment rules are compiled in: the declared input
// types, the iorkit functions and one variable set per scope. An Env is
// immutable and safe for concurrent use; build it once.
type Env struct {
	prov   *provider
	scopes map[Scope]*cel.Env
	vars   map[string]*structType
	// linesIndex is the Go field index of the shipment's `lines` field when
	// it is a slice of the line type (Input.Lines defaults to it).
	linesIndex []int
	// shipT, lineT, impT are vars' entries, read by every evaluation.
	shipT, lineT, impT *structType
	// linesHSInID is the overload id of lines_hs_in, "" when the types do
	// not offer it (see linesHSInName).
	linesHSInID string
}

// varType is vars[name] for the three variable names, without a map
// lookup.
func (e *Env) varType(name string) *structType {
	switch name {
	case VarShipment:
		return e.shipT
	case VarLine:
		return e.lineT
	case VarImporter:
		return e.impT
	}
	return e.vars[name]
}

// Variable names, one per scope (see Var).
const (
	VarShipment = "shipment"
	VarLine     = "line"
	VarImporter = "importer"
)

// MaxLines is the size hint for shipment lines used by the static cost
// estimate: a shipment holds at most this many lines. Other lists (parties,
// registrations) are assumed to hold at most MaxListSize items and strings
// at most MaxStringSize bytes.
const (
	MaxLines      = 1000
	MaxListSize   = 100
	MaxStringSize = 1024
)

// NewEnv builds the CEL environment from the caller's Go types. "shipment"
// is required; without "line" or "importer" rules of that scope do not
// compile.
func NewEnv(vars ...Var) (*Env, error) {
	p, err := newProvider()
	if err != nil {
		return nil, err
	}
	e := &Env{prov: p, scopes: map[Scope]*cel.Env{}, vars: map[string]*structType{}}
	for _, v := range vars {
		switch v.Name {
		case VarShipment, VarLine, VarImporter:
		default:
			return nil, fmt.Errorf("rules: NewEnv: unknown variable %q (expected shipment, line or importer)", v.Name)
		}
		if v.Type == nil || v.Alias == "" {
			return nil, fmt.Errorf("rules: NewEnv: variable %q needs a Type and an Alias", v.Name)
		}
		if _, dup := e.vars[v.Name]; dup {
			return nil, fmt.Errorf("rules: NewEnv: variable %q declared twice", v.Name)
		}
		rt := v.Type
		for rt.Kind() == reflect.Pointer {
			rt = rt.Elem()
		}
		p.names[rt] = v.Alias
		e.vars[v.Name] = nil
	}
	if _, ok := e.vars[VarShipment]; !ok {
		return nil, fmt.Errorf("rules: NewEnv: the %q variable is required", VarShipment)
	}
	for _, v := range vars {
		st, err := p.register(v.Type, v.Alias)
		if err != nil {
			return nil, fmt.Errorf("rules: NewEnv: variable %q: %w", v.Name, err)
		}
		e.vars[v.Name] = st
	}
	e.shipT, e.lineT, e.impT = e.vars[VarShipment], e.vars[VarLine], e.vars[VarImporter]
	if lt := e.vars[VarLine]; lt != nil {
		st := e.vars[VarShipment]
		if f, ok := st.rt.FieldByName(fieldGoName(st.rt, "lines")); ok && f.Type.Kind() == reflect.Slice &&
			(f.Type.Elem() == lt.rt || f.Type.Elem() == reflect.PointerTo(lt.rt)) {
			e.linesIndex = f.Index
		}
	}
	opts := []cel.EnvOption{
		cel.CustomTypeAdapter(p),
		cel.CustomTypeProvider(p),
		cel.ASTValidators(decimalLiterals{}, regexLiterals{}, hsPrefixLiterals{}),
		cel.ParserExpressionSizeLimit(4096),
	}
	opts = append(opts, functions(e)...)
	base, err := cel.NewEnv(opts...)
	if err != nil {
		return nil, fmt.Errorf("rules: NewEnv: %w", err)
	}
	for scope, names := range map[Scope][]string{
		ScopeShipment: {VarShipment},
		ScopeLine:     {VarShipment, VarLine},
		ScopeImporter: {VarShipment, VarImporter},
	} {
		var vs []cel.EnvOption
		ok := true
		for _, n := range names {
			st := e.vars[n]
			if st == nil {
				ok = false
				break
			}
			vs = append(vs, cel.Variable(n, st.celType))
		}
		if !ok {
			continue
		}
		se, err := base.Extend(vs...)
		if err != nil {
			return nil, fmt.Errorf("rules: NewEnv: scope %s: %w", scope, err)
		}
		e.scopes[scope] = se
	}
	return e, nil
}

// functions declares the iorkit CEL functions (see the package
// documentation for their contracts).
func functions(e *Env) []cel.EnvOption {
	decT := decimalCEL
	// The standard comparison operators dispatch to traits.Comparer, which
	// Decimal implements; declaring the overloads makes them type-check for
	// decimal operands only.
	cmp := func(name, id string) cel.EnvOption {
		return cel.Function(name, cel.Overload(id, []*cel.Type{decT, decT}, cel.BoolType))
	}
	opts := []cel.EnvOption{
		cel.Function("decimal",
			cel.Overload("decimal_string", []*cel.Type{cel.StringType}, decT,
				cel.UnaryBinding(func(v ref.Val) ref.Val {
					s, ok := v.(types.String)
					if !ok {
						return types.NewErr("no such overload")
					}
					d, err := duty.ParseDecimal(string(s))
					if err != nil {
						return types.NewErr("decimal: invalid literal %q", string(s))
					}
					return Decimal{d}
				}))),
		cmp(operators.Less, "less_decimal"),
		cmp(operators.LessEquals, "less_equals_decimal"),
		cmp(operators.Greater, "greater_decimal"),
		cmp(operators.GreaterEquals, "greater_equals_decimal"),
		cel.Function("hs_prefix",
			cel.Overload("hs_prefix_string_string", []*cel.Type{cel.StringType, cel.StringType}, cel.BoolType,
				cel.BinaryBinding(func(a, b ref.Val) ref.Val {
					hs, ok1 := a.(types.String)
					pre, ok2 := b.(types.String)
					if !ok1 || !ok2 {
						return types.NewErr("no such overload")
					}
					return types.Bool(duty.HSHasPrefix(string(hs), string(pre)))
				}))),
		cel.Function("hs_in",
			cel.Overload("hs_in_string_list", []*cel.Type{cel.StringType, cel.ListType(cel.StringType)}, cel.BoolType,
				cel.BinaryBinding(func(a, b ref.Val) ref.Val {
					hs, ok := a.(types.String)
					l, ok2 := b.(interface {
						ref.Val
						Size() ref.Val
						Get(ref.Val) ref.Val
					})
					if !ok || !ok2 {
						return types.NewErr("no such overload")
					}
					n := int64(l.Size().(types.Int))
					for i := int64(0); i < n; i++ {
						if pre, ok := l.Get(types.Int(i)).(types.String); ok && duty.HSHasPrefix(string(hs), string(pre)) {
							return types.True
						}
					}
					return types.False
				}))),
		cel.Function("eu_member",
			cel.Overload("eu_member_string", []*cel.Type{cel.StringType}, cel.BoolType,
				cel.UnaryBinding(func(v ref.Val) ref.Val {
					s, ok := v.(types.String)
					if !ok {
						return types.NewErr("no such overload")
					}
					return types.Bool(EUMember(string(s)))
				}))),
	}
	opts = append(opts, goodsValueFunc(e)...)
	opts = append(opts, linesHSInFunc(e)...)
	// has_registration is declared for every struct type with a
	// `registrations` list whose items have a `scheme` string.
	for _, st := range sortedTypes(e.prov) {
		f, ok := st.fields["registrations"]
		if !ok || f.celType.Kind() != types.ListKind {
			continue
		}
		elem := f.celType.Parameters()[0]
		es, ok := e.prov.byName[elem.TypeName()]
		if !ok || es.fields["scheme"] == nil || es.fields["scheme"].celType != types.StringType {
			continue
		}
		regs, scheme := f, es.fields["scheme"]
		id := "has_registration_" + strings.NewReplacer(".", "_").Replace(st.name) + "_string"
		opts = append(opts, cel.Function("has_registration",
			cel.Overload(id, []*cel.Type{st.celType, cel.StringType}, cel.BoolType,
				cel.BinaryBinding(func(a, b ref.Val) ref.Val {
					o, ok1 := a.(*object)
					want, ok2 := b.(types.String)
					if !ok1 || !ok2 {
						if a == types.NullValue {
							return types.False
						}
						return types.NewErr("no such overload")
					}
					rv := regs.get(o.v)
					l, ok := rv.(*list)
					if !ok {
						return types.False
					}
					for i := 0; i < l.v.Len(); i++ {
						item, ok := l.elem(l.v.Index(i)).(*object)
						if !ok {
							continue
						}
						if s, ok := scheme.get(item.v).(types.String); ok && strings.EqualFold(string(s), string(want)) {
							return types.True
						}
					}
					return types.False
				}))))
	}
	return opts
}

func sortedTypes(p *provider) []*structType {
	names := make([]string, 0, len(p.byName))
	for n := range p.byName {
		names = append(names, n)
	}
	sortStrings(names)
	out := make([]*structType, len(names))
	for i, n := range names {
		out[i] = p.byName[n]
	}
	return out
}

// EUMember reports whether country (ISO 3166-1 alpha-2) is a member state of
// the European Union (duty.IsEUMember); a pack whose country is "EU"
// applies to each.
func EUMember(country string) bool { return duty.IsEUMember(country) }

// decimalLiterals checks at compile time that every decimal(...) call has
// a string literal argument in plain decimal notation.
type decimalLiterals struct{}

func (decimalLiterals) Name() string { return "iorkit.decimal_literals" }

func (decimalLiterals) Validate(_ *cel.Env, _ cel.ValidatorConfig, a *ast.AST, iss *cel.Issues) {
	for _, call := range ast.MatchDescendants(ast.NavigateAST(a), ast.FunctionMatcher("decimal")) {
		args := call.AsCall().Args()
		if len(args) != 1 {
			continue
		}
		arg := args[0]
		if arg.Kind() != ast.LiteralKind {
			iss.ReportErrorAtID(arg.ID(), "decimal() takes a string literal such as decimal('2500')")
			continue
		}
		s, ok := arg.AsLiteral().(types.String)
		if !ok {
			iss.ReportErrorAtID(arg.ID(), "decimal() takes a string literal such as decimal('2500')")
			continue
		}
		d, err := duty.ParseDecimal(string(s))
		if err != nil {
			iss.ReportErrorAtID(arg.ID(), "invalid decimal literal '%s': expected plain decimal notation such as '2500' or '0.5'", string(s))
			continue
		}
		// The plausibility bound of every figure iorkit reads from data.
		if digits := len(strings.TrimLeft(d.Coefficient().String(), "-")); digits > duty.MaxFigureDigits {
			iss.ReportErrorAtID(arg.ID(), "implausible decimal literal '%s': more than %d significant digits", string(s), duty.MaxFigureDigits)
		}
	}
}

// regexLiterals checks at compile time that every matches() call takes its
// pattern as a string literal that compiles (RE2). A pattern read from the
// shipment would be compiled on every evaluation, at a cost the rule's
// budget does not see, and would let the input choose what a rule means.
// Literal patterns are compiled once, when the program is built
// (cel.OptOptimize).
type regexLiterals struct{}

func (regexLiterals) Name() string { return "iorkit.regex_literals" }

func (regexLiterals) Validate(_ *cel.Env, _ cel.ValidatorConfig, a *ast.AST, iss *cel.Issues) {
	for _, call := range ast.MatchDescendants(ast.NavigateAST(a), ast.FunctionMatcher(overloads.Matches)) {
		c := call.AsCall()
		args := c.Args()
		var pat ast.Expr
		switch {
		case c.IsMemberFunction() && len(args) == 1:
			pat = args[0]
		case !c.IsMemberFunction() && len(args) == 2:
			pat = args[1]
		default:
			continue
		}
		s, ok := stringLiteral(pat)
		if !ok {
			iss.ReportErrorAtID(pat.ID(), "matches() takes a string literal pattern such as matches('^[0-9]{10}$'), not a value from the input")
			continue
		}
		if _, err := regexp.Compile(s); err != nil {
			iss.ReportErrorAtID(pat.ID(), "invalid regular expression '%s': %v", s, err)
		}
	}
}
