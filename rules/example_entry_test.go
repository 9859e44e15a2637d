package rules_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing/fstest"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/rules"
)

// NewEnv declares the variables rules see, from the caller's Go types.
// A rule of a scope whose variable is not declared does not compile.
func ExampleNewEnv() {
	env, err := rules.NewEnv(rules.Var{Name: rules.VarShipment, Type: reflect.TypeFor[Order](), Alias: "shop.Order"})
	if err != nil {
		fmt.Println(err)
		return
	}
	pack, _ := rules.Parse(strings.NewReader(examplePack))
	_, err = rules.Compile(env, pack)
	fmt.Println(errors.Is(err, rules.CodeScopeUnavailable))
	// Output:
	// true
}

// ParseFile is Parse with a file name for the error messages. Each
// problem has a Code; errors.Is finds a code among all of them.
func ExampleParseFile() {
	bad := strings.Replace(examplePack, `"severity": "blocking"`, `"sevrity": "blocking"`, 1)
	_, err := rules.ParseFile("us.json", strings.NewReader(bad))
	var list rules.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Println(e.Code, e)
		}
	}
	fmt.Println(errors.Is(err, rules.CodeUnknownField), errors.Is(err, rules.CodeSyntax))
	// Output:
	// missing_field rules: us.json:8:17: pack example: rule EX-FCC: finding.severity: missing required field "severity"
	// unknown_field rules: us.json:9:18: pack example: rule EX-FCC: finding.sevrity: unknown field "sevrity" (expected one of code, detail, kind, reference, severity, title); did you mean "severity"?
	// true false
}

// ParseFS reads every pack of a directory; CompileFS also compiles them.
func ExampleParseFS() {
	fsys := fstest.MapFS{"us/example.json": {Data: []byte(examplePack)}}
	packs, err := rules.ParseFS(fsys)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(packs[0].File, packs[0].Name, len(packs[0].Rules))
	book, err := rules.CompileFS(exampleEnv(), fsys)
	fmt.Println(len(book.Packs()), err)
	// Output:
	// us/example.json example 2
	// 1 <nil>
}

// CompileWith takes options: here a cost budget too small for the
// pack's line rules (each a worst case over up to MaxLines lines).
func ExampleCompileWith() {
	pack, _ := rules.Parse(strings.NewReader(examplePack))
	_, err := rules.CompileWith(exampleEnv(), []*rules.Pack{pack}, rules.WithCostBudget(1))
	fmt.Println(errors.Is(err, rules.CodeCost))
	_, err = rules.CompileWith(exampleEnv(), []*rules.Pack{pack}, rules.WithCostBudget(rules.DefaultCostBudget))
	fmt.Println(err)
	// Output:
	// true
	// <nil>
}

// Book.Costs gives each rule's estimated cost, Book.Packs the packs.
func ExampleBook_Costs() {
	pack, _ := rules.Parse(strings.NewReader(examplePack))
	book, err := rules.Compile(exampleEnv(), pack)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range book.Costs() {
		fmt.Println(c.Pack, c.Rule, c.Max <= rules.DefaultCostBudget)
	}
	fmt.Println(book.Packs()[0].Name, book.Packs()[0].Version)
	// Output:
	// example EX-FCC true
	// example EX-HIGH-VALUE true
	// example 1
}

// Book.Covers tells whether a destination has a pack in force on the day:
// Evaluate refuses one that has none (an empty answer would suggest no
// requirements).
func ExampleBook_Covers() {
	pack, _ := rules.Parse(strings.NewReader(examplePack))
	book, _ := rules.Compile(exampleEnv(), pack)
	fmt.Println(book.Covers("US", duty.MustDate("2026-03-01")), book.Covers("US", duty.MustDate("2025-12-31")), book.Covers("CA", duty.MustDate("2026-03-01")))
	_, err := book.Evaluate(context.Background(), rules.Input{Destination: "CA", Date: duty.MustDate("2026-03-01"), Shipment: &Order{}})
	fmt.Println(errors.Is(err, rules.ErrNoPack))
	// Output:
	// true false false
	// true
}

// A Budget bounds the work of several evaluations together (WithEvalBudget
// and WithMaxFindings set its limits); Used tells what they drew.
func ExampleBook_NewBudget() {
	pack, _ := rules.Parse(strings.NewReader(examplePack))
	book, _ := rules.CompileWith(exampleEnv(), []*rules.Pack{pack}, rules.WithMaxFindings(1), rules.WithEvalBudget(rules.DefaultEvalBudget))
	order := &Order{Destination: "US", Items: []Item{{HS: "8517.13", Price: duty.MustMoney("3000", "USD")}}}
	bu := book.NewBudget()
	_, err := book.Evaluate(context.Background(), rules.Input{Destination: "US", Date: duty.MustDate("2026-03-01"), Shipment: order, Budget: bu})
	_, findings := bu.Used()
	fmt.Println(errors.Is(err, rules.ErrTooManyFindings), findings)
	// Output:
	// true 1
}

// WithEvalBudget bounds the run-time cost of the evaluations of a Book.
func ExampleWithEvalBudget() {
	pack, _ := rules.Parse(strings.NewReader(examplePack))
	book, _ := rules.CompileWith(exampleEnv(), []*rules.Pack{pack}, rules.WithEvalBudget(1))
	order := &Order{Destination: "US", Items: []Item{{HS: "6109.10", Price: duty.MustMoney("5", "USD")}, {HS: "8517.13", Price: duty.MustMoney("5", "USD")}}}
	_, err := book.Evaluate(context.Background(), rules.Input{Destination: "US", Date: duty.MustDate("2026-03-01"), Shipment: order})
	var ce *rules.CostError
	fmt.Println(errors.As(err, &ce), errors.Is(err, rules.ErrBudgetExceeded))
	// Output:
	// true true
}

// Period.Contains: both ends are days in force.
func ExamplePeriod_Contains() {
	p := rules.Period{From: duty.MustDate("2026-01-01"), To: duty.MustDate("2026-12-31")}
	fmt.Println(p.Contains(duty.MustDate("2026-12-31")), p.Contains(duty.MustDate("2027-01-01")))
	// Output:
	// true false
}

// EUMember is the test behind eu_member() in rules.
func ExampleEUMember() {
	fmt.Println(rules.EUMember("IE"), rules.EUMember("NO"))
	// Output:
	// true false
}

// ErrorCodes lists every code an *Error can carry (docs/rules.md explains
// each).
func ExampleErrorCodes() {
	codes := rules.ErrorCodes()
	fmt.Println(codes[0], codes[len(codes)-1])
	// Output:
	// read program
}

// LintReport.OK tells whether every pack parsed and compiled.
func ExampleLintReport_OK() {
	rep, err := rules.Lint(exampleEnv(), fstest.MapFS{"ok.json": {Data: []byte(examplePack)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.OK(), len(rep.Packs))
	// Output:
	// true 1
}

// CompileFS parses and compiles every pack of a directory in one step.
func ExampleCompileFS() {
	book, err := rules.CompileFS(exampleEnv(), fstest.MapFS{"us.json": {Data: []byte(examplePack)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range book.Packs() {
		fmt.Println(p.Name, p.Country, p.Version, len(p.Rules))
	}
	// Output:
	// example US 1 2
}

// LintReport.String is what `iorkit rules lint` prints.
func ExampleLintReport_String() {
	rep, err := rules.Lint(exampleEnv(), fstest.MapFS{"us.json": {Data: []byte(examplePack)}})
	if err != nil {
		fmt.Println(err)
		return
	}
	out := rep.String()
	fmt.Println(strings.HasPrefix(out, "us.json: pack example (US, version 1): 2 rules"), strings.HasSuffix(out, "ok: 1 packs, budget 100000 per rule\n"))
	// Output:
	// true true
}

// A pack's fingerprint is a hash of its text: ior puts the fingerprints
// of the caller's packs in quote ids.
func ExamplePack_Fingerprint() {
	a, _ := rules.Parse(strings.NewReader(examplePack))
	b, _ := rules.Parse(strings.NewReader(strings.Replace(examplePack, `"version": "1"`, `"version": "2"`, 1)))
	fmt.Println(len(a.Fingerprint()), a.Fingerprint() == b.Fingerprint())
	// Output:
	// 64 false
}

// WithMaxFindings bounds the findings of the evaluations sharing a Budget;
// Used tells the cost and findings drawn so far.
func ExampleWithMaxFindings() {
	pack, _ := rules.Parse(strings.NewReader(examplePack))
	book, _ := rules.CompileWith(exampleEnv(), []*rules.Pack{pack}, rules.WithMaxFindings(10))
	bu := book.NewBudget()
	order := &Order{Destination: "US", Items: []Item{{HS: "8517.13", Price: duty.MustMoney("5", "USD")}}}
	fs, err := book.Evaluate(context.Background(), rules.Input{Destination: "US", Date: duty.MustDate("2026-03-01"), Shipment: order, Budget: bu})
	cost, findings := bu.Used()
	fmt.Println(len(fs), err, findings, cost > 0)
	// Output:
	// 1 <nil> 1 true
}
