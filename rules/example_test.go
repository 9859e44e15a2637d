package rules_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing/fstest"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/rules"
)

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

// Order and Item are a caller's own types: any Go structs work, exposed to
// CEL under their JSON field names.
type Order struct {
	Destination string `json:"destination"`
	Items       []Item `json:"lines"`
}

type Item struct {
	HS    string     `json:"hs"`
	Price duty.Money `json:"unit_price"`
}

const examplePack = `{
  "pack": "example",
  "country": "US",
  "version": "1",
  "effective": {"from": "2026-01-01"},
  "rules": [
    {"id": "EX-FCC", "scope": "line", "when": "hs_prefix(line.hs, '8517')",
     "finding": {"kind": "certification", "code": "FCC", "title": "FCC equipment authorization",
                 "severity": "blocking", "reference": "47 CFR 2.1203"}},
    {"id": "EX-HIGH-VALUE", "scope": "line", "when": "line.unit_price.amount > decimal('2500')",
     "finding": {"kind": "document", "code": "COMMERCIAL_INVOICE", "title": "Formal entry invoice",
                 "severity": "required", "reference": "19 CFR 141.86"}}
  ]
}`

func exampleEnv() *rules.Env {
	env, err := rules.NewEnv(
		rules.Var{Name: rules.VarShipment, Type: reflect.TypeFor[Order](), Alias: "shop.Order"},
		rules.Var{Name: rules.VarLine, Type: reflect.TypeFor[Item](), Alias: "shop.Item"},
	)
	if err != nil {
		panic(err)
	}
	return env
}

// Compile a pack against your own Go types.
func ExampleCompile() {
	pack, err := rules.Parse(strings.NewReader(examplePack))
	if err != nil {
		fmt.Println(err)
		return
	}
	book, err := rules.Compile(exampleEnv(), pack)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range book.Costs() {
		fmt.Println(c.Rule, c.Scope)
	}
	// Output:
	// EX-FCC line
	// EX-HIGH-VALUE line
}

// Compile reports every mistake with the pack, the rule, the position in
// the file and in the expression, and the offending name.
func ExampleCompile_errors() {
	bad := strings.Replace(examplePack, "line.hs, '8517'", "line.hscode, '8517'", 1)
	pack, _ := rules.Parse(strings.NewReader(bad))
	_, err := rules.Compile(exampleEnv(), pack)
	var e *rules.Error
	if errors.As(err, &e) {
		fmt.Println(e.Rule, e.Name, e.Line, e.ExprColumn)
		fmt.Println(e)
	}
	// Output:
	// EX-FCC hscode 7 15
	// rules: 7:62: pack example: rule EX-FCC: when 1:15: undefined field 'hscode'
}

// Evaluate a Book on an order: a line rule reports the index of each line it
// fires on.
func ExampleBook_Evaluate() {
	pack, _ := rules.Parse(strings.NewReader(examplePack))
	book, _ := rules.Compile(exampleEnv(), pack)
	order := &Order{Destination: "US", Items: []Item{
		{HS: "6109.10", Price: duty.MustMoney("5.00", "USD")},
		{HS: "8517.13.00", Price: duty.MustMoney("2999.00", "USD")},
	}}
	findings, err := book.Evaluate(context.Background(), rules.Input{
		Destination: "US",
		Date:        duty.MustDate("2026-03-01"),
		Shipment:    order,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Println(f.Rule, f.Code, f.Severity, *f.Line)
	}
	// Output:
	// EX-FCC FCC blocking 1
	// EX-HIGH-VALUE COMMERCIAL_INVOICE required 1
}

// The embedded packs, compiled against the ior shipment model.
func ExampleDefaultPacks() {
	env, _ := ior.NewRulesEnv()
	book, err := rules.CompileFS(env, rules.DefaultPacks())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(book.Packs()), "packs")
	fmt.Println(book.Covers("FR", duty.MustDate("2026-03-01")))
	// Output:
	// 40 packs
	// true
}

// Lint a directory of packs (here an in-memory one; use os.DirFS(dir)).
func ExampleLint() {
	fsys := fstest.MapFS{
		"ok.json":  {Data: []byte(examplePack)},
		"bad.json": {Data: []byte(`{"pack": "bad", "country": "US", "version": "1", "effective": {"from": "2026-01-01"}, "rules": [{"id": "B1", "scope": "shipment", "when": "shipment.destination", "finding": {"kind": "document", "code": "B", "title": "b", "severity": "info", "reference": "r"}}]}`)},
	}
	rep, err := rules.Lint(exampleEnv(), fsys)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.OK())
	for _, e := range rep.Errors {
		fmt.Println(e)
	}
	for _, p := range rep.Packs {
		for _, r := range p.Rules {
			fmt.Println(p.File, r.Rule, r.Max > 0)
		}
	}
	// Output:
	// false
	// rules: bad.json:1:139: pack bad: rule B1: when: condition must be bool, found string
	// ok.json EX-FCC true
	// ok.json EX-HIGH-VALUE true
}

// Parse errors give the line and column in the file.
func ExampleParse() {
	_, err := rules.Parse(strings.NewReader("{\n  \"pack\": \"p\",\n  \"country\": \"XX\",\n  \"version\": \"1\",\n  \"effective\": {\"from\": \"2026-02-30\"},\n  \"rules\": []\n}"))
	var list rules.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Println(e)
		}
	}
	// Output:
	// rules: 3:14: pack p: country: country "XX" is neither an ISO 3166-1 alpha-2 code nor "EU"
	// rules: 5:25: pack p: effective.from: invalid date "2026-02-30": expected YYYY-MM-DD
}

var _ = os.DirFS
