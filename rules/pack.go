package rules

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/iorkit/iorkit/internal/period"

	"github.com/iorkit/iorkit/duty"
)

// maxPackSize bounds what Parse reads, so a runaway file cannot exhaust
// memory. Real packs are a few tens of kilobytes.
const maxPackSize = 4 << 20

// Pack is one country's (or the EU's) set of import requirements as rules.
// Packs are data: compliance teams edit the JSON, not Go code.
type Pack struct {
	Name      string   `json:"pack"`      // unique name, e.g. "us-import"
	Country   string   `json:"country"`   // ISO 3166-1 alpha-2, or "EU" for every member state
	Version   string   `json:"version"`   // the pack's own version, e.g. "2026.1"
	Effective Period   `json:"effective"` // dates the pack applies to
	Sources   []Source `json:"sources"`   // where the pack's facts come from
	Rules     []Rule   `json:"rules"`

	// File is the name the pack was read from (ParseFile, Lint), used in
	// error messages; empty for Parse.
	File string `json:"-"`

	data       []byte // the source text, to turn offsets into line:column
	lineStarts []int  // offsets at which each line of data starts
	sum        string // Fingerprint of a parsed pack, set by Parse
}

// Fingerprint is a hex SHA-256 of the pack: of the text it was parsed
// from (computed once, by Parse), or, for a Pack built in Go, of its JSON
// encoding. ior puts the fingerprints of the caller's packs in quote ids.
func (p *Pack) Fingerprint() string {
	if p == nil {
		return ""
	}
	if p.sum != "" {
		return p.sum
	}
	b, err := json.Marshal(p)
	if err != nil {
		b = []byte(err.Error()) // plain data: does not happen
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Period is a range of days, both ends inclusive: From is the first day
// in force and To the last (as everywhere in iorkit). A zero To means
// open-ended. In a pack file, an end spelled otherwise than "to" (until,
// end, expires...) is an error, so a file written for an exclusive end is
// not misread by a day.
type Period struct {
	From duty.Date `json:"from"`
	To   duty.Date `json:"to,omitzero"`
}

// Contains reports whether the day falls in the period.
func (p Period) Contains(on duty.Date) bool {
	return !on.Before(p.From) && (p.To.IsZero() || !on.After(p.To))
}

// Source is a document a pack relies on.
type Source struct {
	Title    string    `json:"title"`
	URL      string    `json:"url"`
	Accessed duty.Date `json:"accessed,omitzero"` // the day the source was read
}

// Rule is one requirement: when the CEL condition holds for the scope's
// inputs, the finding applies.
type Rule struct {
	ID      string  `json:"id"`    // unique within a Book, e.g. "US-FCC-RADIO"
	Scope   Scope   `json:"scope"` // shipment, line or importer
	When    string  `json:"when"`  // CEL expression returning bool
	Finding Finding `json:"finding"`

	line, col         int // position of the rule object in the file
	whenOff           int // byte offset of the "when" string in the file
	whenRaw           bool
	whenLine, whenCol int
}

// Scope says what a rule looks at and how often it runs.
type Scope string

// The scopes. A shipment rule runs once per shipment and sees `shipment`; a
// line rule runs once per line and sees `line` and `shipment`; an importer
// rule runs once per candidate importer and sees `importer` and `shipment`.
const (
	ScopeShipment Scope = "shipment"
	ScopeLine     Scope = "line"
	ScopeImporter Scope = "importer"
)

// Kind classifies what a finding asks for.
type Kind string

// The finding kinds.
const (
	KindRegistration    Kind = "registration"     // an importer registration (EORI, IEC, RADAR...)
	KindRepresentative  Kind = "representative"   // a representative or agent to appoint
	KindLicence         Kind = "licence"          // an import licence or permit
	KindCertification   Kind = "certification"    // product conformity (FCC, CE, ANATEL...)
	KindDocument        Kind = "document"         // a document to present (invoice, packing list...)
	KindTaxRegistration Kind = "tax_registration" // VAT/GST registration or scheme (IOSS, VOEC...)
	KindIORRestriction  Kind = "ior_restriction"  // who may act as importer at all
	KindProhibition     Kind = "prohibition"      // goods that may not be imported
)

// Severity says how a finding affects an import.
type Severity string

// The severities, from least to most serious.
const (
	SeverityInfo     Severity = "info"     // worth knowing, nothing to do
	SeverityRequired Severity = "required" // must be done before import
	SeverityBlocking Severity = "blocking" // the import cannot proceed as planned
)

// Finding is what a rule reports when it fires. In a pack it is the
// template; Evaluate fills in Rule and Line.
type Finding struct {
	Rule      string   `json:"rule"`
	Kind      Kind     `json:"kind"`
	Code      string   `json:"code"` // upper-case and stable, e.g. "EORI"
	Title     string   `json:"title"`
	Detail    string   `json:"detail,omitempty"`
	Severity  Severity `json:"severity"`
	Reference string   `json:"reference"` // the legal or official source
	// Line is the 0-based index of the shipment line a line rule fired on;
	// nil for shipment and importer rules.
	Line *int `json:"line,omitempty"`
	// Pack is the name of the pack the rule belongs to.
	Pack string `json:"-"`
}

var (
	codePattern = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,63}$`)
	idPattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$`)
)

func validKind(k Kind) bool {
	switch k {
	case KindRegistration, KindRepresentative, KindLicence, KindCertification, KindDocument,
		KindTaxRegistration, KindIORRestriction, KindProhibition:
		return true
	}
	return false
}

func validSeverity(s Severity) bool {
	return s == SeverityInfo || s == SeverityRequired || s == SeverityBlocking
}

func validScope(s Scope) bool {
	return s == ScopeShipment || s == ScopeLine || s == ScopeImporter
}

// Parse reads one pack in the JSON format described in the package
// documentation. Unknown fields, missing required fields, bad values and
// duplicate rule ids are errors; the returned error is an ErrorList whose
// entries give the line and column in the file. The expressions are not
// compiled: that needs an Env (see Compile).
func Parse(r io.Reader) (*Pack, error) { return parse("", r) }

// ParseFile is Parse for a named input: the name appears in error messages.
func ParseFile(name string, r io.Reader) (*Pack, error) { return parse(name, r) }

func parse(name string, r io.Reader) (*Pack, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxPackSize+1))
	if err != nil {
		return nil, ErrorList{{Code: CodeRead, File: name, Msg: "reading pack: " + err.Error()}}
	}
	if len(data) > maxPackSize {
		return nil, ErrorList{{Code: CodeTooLarge, File: name, Msg: fmt.Sprintf("pack larger than %d bytes", maxPackSize)}}
	}
	sum := sha256.Sum256(data)
	p := &Pack{File: name, data: data, lineStarts: lineStarts(data), sum: hex.EncodeToString(sum[:])}
	root, err := parseTree(data)
	if err != nil {
		oe := err.(*offsetError)
		e := p.errAt(oe.off, CodeSyntax, "", "", oe.msg)
		return nil, ErrorList{e}
	}
	d := &decoder{p: p}
	d.pack(root)
	if len(d.errs) > 0 {
		sort.SliceStable(d.errs, func(i, j int) bool {
			a, b := d.errs[i], d.errs[j]
			return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
		})
		return nil, d.errs
	}
	return p, nil
}

func (p *Pack) errAt(off int, code ErrorCode, rule, field, msg string) *Error {
	line, col := p.lineCol(off)
	return &Error{Code: code, File: p.File, Pack: clip(p.Name), Rule: clip(rule), Field: field, Line: line, Column: col, Msg: msg}
}

type decoder struct {
	p    *Pack
	errs ErrorList
	rule string
}

// fail reports a problem at n. String arguments are inputs: they are
// clipped so that a message never repeats a huge value.
func (d *decoder) fail(n *node, code ErrorCode, field, format string, args ...any) {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = clip(s)
		}
	}
	d.errs = append(d.errs, d.p.errAt(n.off, code, d.rule, field, fmt.Sprintf(format, args...)))
}

// fields walks an object, calling set for each known key and reporting
// unknown and missing keys.
func (d *decoder) fields(n *node, path string, required []string, set map[string]func(*node)) {
	if n.kind != '{' {
		d.fail(n, CodeWrongType, path, "expected an object, found %s", kindName(n.kind))
		return
	}
	seen := map[string]bool{}
	for i, k := range n.keys {
		f, ok := set[k]
		full := join(path, k)
		if !ok && path == "effective" && period.Refused(k) {
			d.errs = append(d.errs, d.p.errAt(n.kOffs[i], CodeExclusiveEnd, d.rule, full, period.Message(k)))
			d.errs[len(d.errs)-1].Name = k
			continue
		}
		if !ok {
			known := make([]string, 0, len(set))
			for name := range set {
				known = append(known, name)
			}
			msg := fmt.Sprintf("unknown field %q (expected one of %s)", clip(k), strings.Join(sortStrings(known), ", "))
			for _, name := range known {
				if editDistance(k, name) <= 2 {
					msg += fmt.Sprintf("; did you mean %q?", name)
					break
				}
			}
			d.errs = append(d.errs, d.p.errAt(n.kOffs[i], CodeUnknownField, d.rule, clip(full), msg))
			d.errs[len(d.errs)-1].Name = clip(k)
			continue
		}
		if seen[k] {
			d.errs = append(d.errs, d.p.errAt(n.kOffs[i], CodeDuplicateField, d.rule, full, "field given twice"))
			continue
		}
		seen[k] = true
		f(n.vals[i])
	}
	for _, k := range required {
		if !seen[k] {
			d.fail(n, CodeMissingField, join(path, k), "missing required field %q", k)
		}
	}
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func (d *decoder) str(dst *string, field string) func(*node) {
	return func(n *node) {
		if n.kind != 's' {
			d.fail(n, CodeWrongType, field, "expected a string, found %s", kindName(n.kind))
			return
		}
		// Layout (newline, tab) is allowed where text may span lines.
		layout := field == "when" || field == "finding.detail"
		if r, ok := badRune(n.str, layout); ok {
			d.fail(n, CodeInvalidValue, field, "contains the control or formatting character %U: pack text must not carry terminal escapes, NUL or bidirectional overrides", r)
			return
		}
		*dst = n.str
	}
}

// badRune finds the first rune of s that pack text must not hold: a
// control character (ANSI escape sequences start with ESC; NUL truncates
// C strings), a Unicode format character (the bidirectional overrides of
// "Trojan source", zero-width joiners), or U+FFFD (invalid UTF-8 is read
// as it). With layout, newline, carriage return and tab are allowed.
func badRune(s string, layout bool) (rune, bool) {
	for _, r := range s {
		if layout && (r == '\n' || r == '\t' || r == '\r') {
			continue
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			return r, true
		}
	}
	return 0, false
}

func (d *decoder) date(dst *duty.Date, field string, optional bool) func(*node) {
	return func(n *node) {
		if n.kind == '0' && optional {
			return
		}
		if n.kind != 's' {
			d.fail(n, CodeWrongType, field, "expected a date string YYYY-MM-DD, found %s", kindName(n.kind))
			return
		}
		if n.str == "" && optional {
			return
		}
		t, err := duty.ParseDate(n.str)
		if err != nil {
			d.fail(n, CodeInvalidValue, field, "invalid date %q: expected YYYY-MM-DD", n.str)
			return
		}
		*dst = t
	}
}

func (d *decoder) pack(n *node) {
	p := d.p
	var rulesNode *node
	// The name is read first so that later errors can name the pack.
	if n.kind == '{' {
		for i, k := range n.keys {
			if k == "pack" && n.vals[i].kind == 's' {
				p.Name = n.vals[i].str
			}
		}
	}
	d.fields(n, "", []string{"pack", "country", "version", "effective", "rules"}, map[string]func(*node){
		"pack":    d.str(&p.Name, "pack"),
		"country": d.str(&p.Country, "country"),
		"version": d.str(&p.Version, "version"),
		"effective": func(v *node) {
			d.fields(v, "effective", []string{"from"}, map[string]func(*node){
				"from": d.date(&p.Effective.From, "effective.from", false),
				"to":   d.date(&p.Effective.To, "effective.to", true),
			})
		},
		"sources": func(v *node) {
			if v.kind != '[' {
				d.fail(v, CodeWrongType, "sources", "expected an array, found %s", kindName(v.kind))
				return
			}
			for _, it := range v.items {
				var s Source
				d.fields(it, "sources", []string{"title"}, map[string]func(*node){
					"title":    d.str(&s.Title, "sources.title"),
					"url":      d.str(&s.URL, "sources.url"),
					"accessed": d.date(&s.Accessed, "sources.accessed", true),
				})
				p.Sources = append(p.Sources, s)
			}
		},
		"rules": func(v *node) { rulesNode = v },
	})
	if n.kind != '{' {
		return
	}
	d.check(n, "", "pack", p.Name != "" && idPattern.MatchString(p.Name), "pack name %q must be 1-128 letters, digits, '.', '_' or '-'", p.Name)
	d.check(n, "", "country", p.Country == "EU" || duty.ValidCountry(p.Country), "country %q is neither an ISO 3166-1 alpha-2 code nor \"EU\"", p.Country)
	d.check(n, "", "version", p.Version != "", "version must not be empty")
	if !p.Effective.To.IsZero() && p.Effective.To.Before(p.Effective.From) {
		d.fail(n, CodeInvalidPeriod, "effective.to", "effective.to %s (the last day in force) is before effective.from %s", p.Effective.To, p.Effective.From)
	}
	if rulesNode == nil {
		return
	}
	if rulesNode.kind != '[' {
		d.fail(rulesNode, CodeWrongType, "rules", "expected an array, found %s", kindName(rulesNode.kind))
		return
	}
	ids := map[string]int{}
	for _, rn := range rulesNode.items {
		r := d.ruleFrom(rn)
		if r == nil {
			continue
		}
		if prev, dup := ids[r.ID]; dup {
			e := p.errAt(rn.off, CodeDuplicateRule, r.ID, "id", fmt.Sprintf("duplicate rule id %q (first defined at line %d)", clip(r.ID), prev))
			e.Name = clip(r.ID)
			d.errs = append(d.errs, e)
			continue
		}
		ids[r.ID] = r.line
		p.Rules = append(p.Rules, *r)
	}
}

// check reports a failed validation of the key of object n, pointing at the
// key's value when present. path is the JSON path of n ("" at the top).
func (d *decoder) check(n *node, path, key string, ok bool, format string, args ...any) {
	if !ok {
		for i, k := range n.keys {
			if k == key {
				d.fail(n.vals[i], CodeInvalidValue, join(path, key), format, args...)
				return
			}
		}
		d.fail(n, CodeInvalidValue, join(path, key), format, args...)
	}
}

func (d *decoder) ruleFrom(n *node) *Rule {
	r := &Rule{}
	r.line, r.col = d.p.lineCol(n.off)
	if n.kind == '{' {
		for i, k := range n.keys {
			if k == "id" && n.vals[i].kind == 's' {
				r.ID = n.vals[i].str
			}
		}
	}
	d.rule = r.ID
	defer func() { d.rule = "" }()
	before := len(d.errs)
	var scope, kind, severity string
	var whenNode *node
	d.fields(n, "", []string{"id", "scope", "when", "finding"}, map[string]func(*node){
		"id":    d.str(&r.ID, "id"),
		"scope": d.str(&scope, "scope"),
		"when": func(v *node) {
			whenNode = v
			d.str(&r.When, "when")(v)
		},
		"finding": func(v *node) {
			d.fields(v, "finding", []string{"kind", "code", "title", "severity", "reference"}, map[string]func(*node){
				"kind":      d.str(&kind, "finding.kind"),
				"code":      d.str(&r.Finding.Code, "finding.code"),
				"title":     d.str(&r.Finding.Title, "finding.title"),
				"detail":    d.str(&r.Finding.Detail, "finding.detail"),
				"severity":  d.str(&severity, "finding.severity"),
				"reference": d.str(&r.Finding.Reference, "finding.reference"),
			})
			if v.kind != '{' {
				return
			}
			f := fieldNode(v)
			d.check(v, "finding", "kind", kind == "" || validKind(Kind(kind)), "unknown kind %q (expected registration, representative, licence, certification, document, tax_registration, ior_restriction or prohibition)", kind)
			d.check(v, "finding", "severity", severity == "" || validSeverity(Severity(severity)), "unknown severity %q (expected info, required or blocking)", severity)
			d.check(v, "finding", "code", r.Finding.Code == "" && f["code"] == nil || codePattern.MatchString(r.Finding.Code), "code %q must be upper-case letters, digits and '_', starting with a letter", r.Finding.Code)
			d.check(v, "finding", "title", f["title"] == nil || strings.TrimSpace(r.Finding.Title) != "", "title must not be empty")
			d.check(v, "finding", "reference", f["reference"] == nil || strings.TrimSpace(r.Finding.Reference) != "", "reference must name the legal or official source")
		},
	})
	if n.kind != '{' {
		return nil
	}
	d.check(n, "", "id", r.ID == "" && fieldNode(n)["id"] == nil || idPattern.MatchString(r.ID), "rule id %q must be 1-128 letters, digits, '.', '_' or '-'", r.ID)
	d.check(n, "", "scope", scope == "" || validScope(Scope(scope)), "unknown scope %q (expected shipment, line or importer)", scope)
	if whenNode != nil && whenNode.kind == 's' {
		d.check(n, "", "when", strings.TrimSpace(r.When) != "", "when must be a CEL expression returning bool")
		r.whenOff = whenNode.off
		r.whenRaw = rawStringAt(d.p.data, whenNode.off, r.When)
		r.whenLine, r.whenCol = d.p.lineCol(whenNode.off)
	}
	r.Scope = Scope(scope)
	r.Finding.Kind = Kind(kind)
	r.Finding.Severity = Severity(severity)
	r.Finding.Rule = r.ID
	r.Finding.Pack = d.p.Name
	if len(d.errs) > before {
		return nil
	}
	return r
}

func fieldNode(n *node) map[string]*node {
	m := make(map[string]*node, len(n.keys))
	for i, k := range n.keys {
		m[k] = n.vals[i]
	}
	return m
}
