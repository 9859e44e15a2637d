// Package rules reads, checks and runs country requirement packs: the
// registrations, representatives, licences, certifications, documents, tax
// registrations, importer restrictions and prohibitions a destination puts
// on an import, written as data that compliance teams can read and change
// without touching Go code.
//
// # Packs
//
// A pack is a JSON file for one destination country, or "EU" for all 27
// member states:
//
//	{
//	  "pack": "us-import",
//	  "country": "US",
//	  "version": "2026.1",
//	  "effective": {"from": "2025-01-01"},
//	  "sources": [{"title": "47 CFR Part 2", "url": "https://...", "accessed": "2026-11-25"}],
//	  "rules": [{
//	    "id": "US-FCC",
//	    "scope": "line",
//	    "when": "hs_in(line.hs, ['8517.13', '8517.14'])",
//	    "finding": {"kind": "certification", "code": "FCC", "severity": "blocking",
//	                "title": "FCC equipment authorization", "detail": "...",
//	                "reference": "47 CFR 2.1203"}
//	  }]
//	}
//
// Every field except effective.to, sources, finding.detail is required;
// unknown fields are errors. effective.to is the pack's last day in force
// (inclusive, as every period in iorkit); an end spelled otherwise
// (until, end, expires...) is refused with that reason. Kinds, severities and scopes are closed sets
// (see Kind, Severity, Scope); codes are upper-case and stable so callers can
// act on them; every rule names its legal or official source in reference.
// Parse reports every problem with its line and column in the file.
// DefaultPacks holds the embedded packs, one per destination with a
// country profile.
//
// # Environment
//
// Rules are CEL expressions over the caller's Go types. NewEnv declares the
// variables: "shipment" (every scope), "line" (line rules) and "importer"
// (importer rules: the candidate importer of record). Struct fields are seen
// under their JSON names. Values map as follows:
//
//	Go                                 CEL
//	string and named string types      string
//	bool, ints, uints                  bool, int, uint
//	*bool, *string, *int               nullable (compare with null)
//	decimal.Decimal                    decimal (opaque, exact)
//	duty.Money                         duty.Money {amount: decimal, currency: string}
//	duty.Quantity                      duty.Quantity {value: decimal, unit: string}
//	duty.Date and other text types     string, e.g. '2026-03-01' (compare as text)
//	structs, *structs                  objects (a nil pointer is null)
//	slices                             lists, read in place without copying
//
// The ior package declares its Shipment, Line and Party this way
// (ior.NewRulesEnv); the type names in CEL are fixed aliases such as
// ior.Shipment, never Go package paths.
//
// # Functions
//
//	decimal('2500')                      an exact decimal; the argument must be
//	                                     a string literal, checked when compiling
//	a < b, <=, >, >=, ==, !=             on two decimals only: comparing a
//	                                     decimal with a double or a string does
//	                                     not compile
//	hs_prefix(line.hs, '8517.13')        HS prefix match on digits (dots and
//	                                     spaces ignored on both sides)
//	hs_in(line.hs, ['8517', '8525'])     hs_prefix against any of a list
//	lines_hs_in(shipment, ['8517.13'])   some line of the shipment is under
//	                                     one of the prefixes (as hs_in); the
//	                                     prefixes must be a list literal of
//	                                     HS digits (2 to 12, dots and spaces
//	                                     allowed), checked when compiling;
//	                                     it costs one per line and prefix
//	has_registration(party, 'EORI')      the party holds a registration of that
//	                                     scheme (case-insensitive)
//	eu_member(country)                   the country is an EU member state
//	goods_value(shipment)                the sum of quantity × unit price over
//	                                     the lines, exactly, as duty.Money; the
//	                                     zero Money (currency "") when the
//	                                     lines' currencies differ
//
// plus the CEL standard library (in, size, startsWith, matches, exists,
// all...). matches() takes its pattern as a string literal, checked and
// compiled (RE2) with the pack: a pattern taken from the input does not
// compile. There is no other money arithmetic in rules: goods_value is the
// one sum, for value thresholds written in law, and it converts nothing; a
// rule checks its currency first. Conversions, duties and de minimis tests
// are computed in Go (package duty).
//
// # Compiling
//
// Compile type-checks every rule up front: a misspelt field, a wrong type,
// a syntax error, a non-bool condition or a rule id used twice is an Error
// naming the pack, the rule, the line and column in the file and in the
// expression and the offending name; all errors come back at once as an
// ErrorList. Lint does the same for a directory and adds each rule's
// estimated cost, for `iorkit rules lint`.
//
// # Cost
//
// Each rule's worst case is estimated when compiling, with size hints: a
// shipment has at most MaxLines lines, other lists MaxListSize items,
// strings MaxStringSize bytes. A rule whose estimate exceeds the budget
// (DefaultCostBudget, or WithCostBudget) does not compile: nested loops over
// lines are refused. A rule also carries the budget at run time
// (cel.CostLimit), because the estimate assumes strings of MaxStringSize
// bytes and the input's may be longer; rules that loop also stop when the
// context is done. So a shipment larger than the hints cannot make a rule
// run away either: Evaluate returns a CostError naming the rule.
//
// lines_hs_in is the one iorkit function whose cost depends on the input:
// MaxLines × len(prefixes) in the estimate, and the shipment's lines ×
// len(prefixes) (at least 1) at run time, whether or not a line matches
// early. A shipment or importer rule asks about the goods with it instead
// of shipment.lines.exists(l, hs_in(l.hs, [...])), which costs over the
// budget at MaxLines lines.
//
// The exception is a rule without loops whose worst case, as the run-time
// tracker counts it at the size hints, is at most 128 (an HS guard, a
// registration check, comparisons with literals: most rules). The limit
// could never stop it on an input within the hints, and on a larger one
// it holds at most one operation whose cost grows with a string (and no
// loop), so its cost grows no faster than the input it reads. It
// runs without the tracker, which makes it about a third cheaper, and each
// run is charged its worst case (at least its actual cost).
//
// One evaluation has a budget too, shared by every rule on every line (and,
// with Input.Budget, by the evaluations of every candidate importer of one
// decision): DefaultEvalBudget of CEL cost (each run counts its actual cost,
// or the worst case of a rule run without the tracker, plus one) and
// DefaultMaxFindings findings (WithEvalBudget, WithMaxFindings). Going over
// either is a CostError matching ErrBudgetExceeded or ErrTooManyFindings.
//
// # Evaluating
//
// A Book indexes its rules by destination and scope in Go before any CEL
// runs, and checks line rules' HS-code guards (a top-level hs_in or
// hs_prefix on line.hs) in Go, once per distinct value of the field, so
// most lines never reach CEL. A Book is immutable and safe for concurrent
// use; Evaluate reads the inputs in place, and evaluations sharing a
// Budget (a decision's shipment and candidates) share one view of the
// shipment.
//
// # Errors
//
// Parse, Compile and Lint return ErrorList (errors.As finds each *Error;
// errors.Is(err, ErrInvalidPack) holds). Each *Error has a stable Code
// (CodeUnknownField, CodeExprType, CodeCost...; docs/rules.md lists them),
// and a code is itself an error: errors.Is(err, CodeUnknownField). Values
// quoted from a pack are clipped to about 100 bytes.
//
// Evaluate returns *NoPackError (ErrNoPack) when no pack covers the
// destination on the date (an empty result would suggest the country has
// no requirements), *InputError (ErrInvalidInput) for inputs of the wrong
// Go type, *CostError when a rule is stopped (it unwraps to the context's
// error when the context is done), and *EvalError (ErrRuleFailed) when a
// rule fails: it names the pack, rule and line and says what went wrong in
// plain words, never in CEL's internal type names.
package rules
