package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed packs/*.json
var embedded embed.FS

// DefaultPacks returns the embedded country requirement packs: one per
// destination with a country profile ("EU" for the 27 member states), each
// rule carrying its legal or official source. Read them with ParseFS.
func DefaultPacks() fs.FS {
	sub, err := fs.Sub(embedded, "packs")
	if err != nil {
		// fs.Sub fails only on an invalid path, and "packs" is valid.
		panic(err)
	}
	return sub
}

// ParseFS parses every *.json file of fsys (walking subdirectories) in
// lexical order of their paths. Every problem in every file is reported in
// one ErrorList; the packs that parsed are returned with it.
func ParseFS(fsys fs.FS) ([]*Pack, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, ErrorList{{Code: CodeRead, Msg: "reading packs: " + err.Error()}}
	}
	sort.Strings(files)
	var packs []*Pack
	var errs ErrorList
	for _, name := range files {
		f, err := fsys.Open(name)
		if err != nil {
			errs = append(errs, &Error{Code: CodeRead, File: name, Msg: err.Error()})
			continue
		}
		p, err := ParseFile(name, f)
		f.Close()
		if err != nil {
			if l, ok := err.(ErrorList); ok {
				errs = append(errs, l...)
			} else {
				errs = append(errs, &Error{Code: CodeRead, File: name, Msg: err.Error()})
			}
			continue
		}
		packs = append(packs, p)
	}
	return packs, errs.err()
}

// CompileFS parses and compiles every pack of fsys, e.g.
// CompileFS(env, DefaultPacks()).
func CompileFS(env *Env, fsys fs.FS, opts ...CompileOption) (*Book, error) {
	packs, err := ParseFS(fsys)
	if err != nil {
		return nil, err
	}
	return CompileWith(env, packs, opts...)
}

// LintReport is what Lint found in a set of pack files: each pack with the
// estimated cost of each rule, and every error with its position.
type LintReport struct {
	Packs  []LintPack
	Errors ErrorList // empty when every pack compiles
	Budget uint64    // the cost budget each rule was checked against
}

// LintPack describes one pack that parsed.
type LintPack struct {
	File, Name, Country, Version string
	Rules                        []RuleCost // in file order; rules that failed to type-check are absent
}

// OK reports whether every pack parsed and compiled.
func (r *LintReport) OK() bool { return r != nil && len(r.Errors) == 0 }

// String renders the report as the `iorkit rules lint` command prints it:
// one line per error (file:line:col: pack: rule: message [code]), then one line
// per rule with its estimated worst-case cost.
func (r *LintReport) String() string {
	if r == nil {
		return ""
	}
	var b strings.Builder
	for _, e := range r.Errors {
		b.WriteString(e.Error())
		if e.Code != "" {
			fmt.Fprintf(&b, " [%s]", e.Code)
		}
		b.WriteByte('\n')
	}
	for _, p := range r.Packs {
		fmt.Fprintf(&b, "%s: pack %s (%s, version %s): %d rules\n", p.File, p.Name, p.Country, p.Version, len(p.Rules))
		for _, rc := range p.Rules {
			fmt.Fprintf(&b, "  %-40s %-8s cost %d..%d\n", rc.Rule, rc.Scope, rc.Min, rc.Max)
		}
	}
	if r.OK() {
		fmt.Fprintf(&b, "ok: %d packs, budget %d per rule\n", len(r.Packs), r.Budget)
	} else {
		fmt.Fprintf(&b, "%d errors\n", len(r.Errors))
	}
	return b.String()
}

// Lint parses and compiles every *.json pack of fsys (for a directory, pass
// os.DirFS(dir)) in env, collecting every error rather than stopping at
// the first, and estimates each rule's cost. The returned error is non-nil
// only when the report could not be produced at all; problems in packs are
// in LintReport.Errors.
func Lint(env *Env, fsys fs.FS, opts ...CompileOption) (*LintReport, error) {
	if env == nil || env.prov == nil {
		return nil, fmt.Errorf("rules: Lint: nil or zero Env (build it with NewEnv)")
	}
	cfg := compileConfig{budget: DefaultCostBudget}
	for _, o := range opts {
		o(&cfg)
	}
	rep := &LintReport{Budget: cfg.budget}
	packs, err := ParseFS(fsys)
	if err != nil {
		l, ok := err.(ErrorList)
		if !ok {
			return nil, err
		}
		rep.Errors = append(rep.Errors, l...)
	}
	_, costs, err := compile(env, packs, opts)
	if err != nil {
		rep.Errors = append(rep.Errors, err.(ErrorList)...)
	}
	byPack := map[string][]RuleCost{}
	for _, c := range costs {
		byPack[c.Pack] = append(byPack[c.Pack], c)
	}
	for _, p := range packs {
		rep.Packs = append(rep.Packs, LintPack{File: path.Clean(p.File), Name: p.Name, Country: p.Country, Version: p.Version, Rules: byPack[p.Name]})
	}
	return rep, nil
}
