package rules_test

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/rules"
)

// FuzzParseCompile: any text give a pack or an ErrorList of *rules.Error with a
// position, never a panic; a pack that parses compiles or fails with
// *rules.Error values too.
func FuzzParseCompile(f *testing.F) {
	_ = fs.WalkDir(rules.DefaultPacks(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			if b, err := fs.ReadFile(rules.DefaultPacks(), p); err == nil {
				f.Add(string(b))
			}
		}
		return nil
	})
	f.Add(`{"pack": "t", "country": "DE", "version": "1", "effective": {"from": "2026-01-01"}, "rules": []}`)
	f.Add(`{"pack": "t", "country": "EU", "version": "1", "effective": {"from": "2026-01-01", "to": "2027-01-01"},
 "rules": [{"id": "R1", "scope": "line", "when": "line.unit_price.amount > decimal('2500')",
  "finding": {"kind": "document", "code": "X", "title": "t", "severity": "info", "reference": "r"}}]}`)
	env, err := ior.NewRulesEnv()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		p, err := rules.Parse(strings.NewReader(in))
		if err != nil {
			var e *rules.Error
			if !errors.As(err, &e) || !errors.Is(err, rules.ErrInvalidPack) {
				t.Fatalf("parse error %T %v is not a *rules.Error", err, err)
			}
			if e.Line < 1 {
				t.Fatalf("parse error without a line: %v", err)
			}
			checkCodes(t, err)
			return
		}
		if _, err := rules.Compile(env, p); err != nil {
			var e *rules.Error
			if !errors.As(err, &e) || !errors.Is(err, rules.ErrInvalidPack) {
				t.Fatalf("compile error %T %v is not a *rules.Error", err, err)
			}
			checkCodes(t, err)
		}
	})
}

// checkCodes: every problem of an ErrorList has one of the documented
// codes, and a message that repeats at most about 100 bytes of a value.
func checkCodes(t *testing.T, err error) {
	t.Helper()
	var list rules.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("%T is not an ErrorList", err)
	}
	for _, e := range list {
		if !slices.Contains(rules.ErrorCodes(), e.Code) {
			t.Fatalf("error without a documented code (%q): %v", e.Code, e)
		}
		if len(e.Name) > 100+len("…") || len(e.Rule) > 100+len("…") || len(e.Pack) > 100+len("…") {
			t.Fatalf("error repeats a long value: %v", e)
		}
	}
}
