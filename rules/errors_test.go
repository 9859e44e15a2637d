package rules

import (
	"context"
	"errors"
	"github.com/iorkit/iorkit/duty"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every code a caller may branch on is reachable and matches with
// errors.Is; the codes of an ErrorList are all visible.
func TestErrorCodes(t *testing.T) {
	parseErr := func(src string) error {
		_, err := Parse(strings.NewReader(src))
		return err
	}
	compileErr := func(packs ...string) error {
		var ps []*Pack
		for _, src := range packs {
			ps = append(ps, mustParse(t, src))
		}
		_, err := Compile(testEnv(t), ps...)
		return err
	}
	cases := []struct {
		name string
		err  error
		code ErrorCode
	}{
		{"syntax", parseErr(`{"pack": `), CodeSyntax},
		{"too large", parseErr(strings.Repeat(" ", maxPackSize+1)), CodeTooLarge},
		{"wrong type", parseErr(`{"pack": 1}`), CodeWrongType},
		{"unknown field", parseErr(`{"pakc": "t"}`), CodeUnknownField},
		{"exclusive end", parseErr(`{"pack": "t", "country": "DE", "version": "1", "effective": {"from": "2026-01-01", "until": "2027-01-01"}, "rules": []}`), CodeExclusiveEnd},
		{"duplicate field", parseErr(`{"pack": "t", "pack": "u"}`), CodeDuplicateField},
		{"missing field", parseErr(`{"pack": "t"}`), CodeMissingField},
		{"invalid value", parseErr(packWith(rule("R1", "order", "true"))), CodeInvalidValue},
		{"invalid period", parseErr(`{"pack": "t", "country": "DE", "version": "1", "effective": {"from": "2026-01-01", "to": "2025-01-01"}, "rules": []}`), CodeInvalidPeriod},
		{"duplicate rule in pack", parseErr(packWith(rule("R1", "shipment", "true") + "," + rule("R1", "shipment", "true"))), CodeDuplicateRule},
		{"duplicate pack", compileErr(packWith(""), packWith("")), CodeDuplicatePack},
		{"duplicate rule across packs", compileErr(packWith(rule("R1", "shipment", "true")),
			strings.Replace(packWith(rule("R1", "shipment", "true")), `"t"`, `"u"`, 1)), CodeDuplicateRule},
		{"expr syntax", compileErr(packWith(rule("R1", "shipment", "shipment.origin =="))), CodeExprSyntax},
		{"expr type", compileErr(packWith(rule("R1", "shipment", "shipment.orgin == 'CN'"))), CodeExprType},
		{"not bool", compileErr(packWith(rule("R1", "shipment", "shipment.origin"))), CodeNotBool},
		{"cost", compileErr(packWith(rule("R1", "shipment", "shipment.lines.exists(a, shipment.lines.exists(b, a.hs != b.hs))"))), CodeCost},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Error(t, c.err)
			assert.ErrorIs(t, c.err, ErrInvalidPack)
			assert.ErrorIs(t, c.err, c.code)
			// Only an oversized pack is the module's limit error.
			assert.Equal(t, c.code == CodeTooLarge, errors.Is(c.err, duty.ErrInputLimit))
			var e *Error
			require.ErrorAs(t, c.err, &e)
			var list ErrorList
			require.ErrorAs(t, c.err, &list)
			codes := make([]ErrorCode, len(list))
			for i, e := range list {
				codes[i] = e.Code
			}
			assert.Contains(t, codes, c.code)
			for _, other := range ErrorCodes() {
				if !assert.ObjectsAreEqual(other, c.code) && !containsCode(codes, other) {
					assert.NotErrorIs(t, c.err, other)
				}
			}
		})
	}
	_, err := Compile(nil)
	assert.ErrorIs(t, err, CodeNoEnv)
}

func containsCode(codes []ErrorCode, c ErrorCode) bool {
	for _, x := range codes {
		if x == c {
			return true
		}
	}
	return false
}

// docs/rules.md lists every code, and nothing else in its code table.
func TestErrorCodesDocumented(t *testing.T) {
	b, err := os.ReadFile("../docs/rules.md")
	require.NoError(t, err)
	doc := string(b)
	_, table, ok := strings.Cut(doc, "## Error codes")
	require.True(t, ok, "docs/rules.md has no \"## Error codes\" section")
	table, _, _ = strings.Cut(table, "\n## ")
	var documented []ErrorCode
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z_]+)` \\|").FindAllStringSubmatch(table, -1) {
		documented = append(documented, ErrorCode(m[1]))
	}
	assert.Equal(t, ErrorCodes(), documented)
}

// A pack error quotes at most about 100 bytes of a bad value.
func TestPackErrorsClipInput(t *testing.T) {
	long := strings.Repeat("x", 5000)
	for _, src := range []string{
		`{"` + long + `": 1}`,
		`{"pack": "` + long + `", "country": "DE", "version": "1", "effective": {"from": "2026-01-01"}, "rules": []}`,
		packWith(rule(long, "shipment", "true")),
		packWith(rule("R1", long, "true")),
		packWith(rule("R1", "shipment", "shipment."+long+" == 'x'")),
	} {
		p, err := Parse(strings.NewReader(src))
		if err == nil {
			_, err = Compile(testEnv(t), p)
		}
		require.Error(t, err)
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.Less(t, len(e.Error()), 700, e.Error())
		assert.NotContains(t, e.Error(), strings.Repeat("x", 101))
		assert.LessOrEqual(t, len(e.Name), 103)
		assert.LessOrEqual(t, len(e.Rule), 103)
		assert.LessOrEqual(t, len(e.Pack), 103)
	}
}

// A rule that fails at run time is named, with a plain message: never
// CEL's internal type names.
func TestEvalErrorPlain(t *testing.T) {
	cases := []struct{ when, want string }{
		{"shipment.consignee.country == 'DE'", `reads field "country" of an absent (null) object`},
		{"shipment.buyer.accepts_import_risk", "the condition is null"},
		{"shipment.consignee.registrations.exists(r, r.scheme == 'X')", `reads field "registrations" of an absent (null) object`},
		{"dyn(shipment.buyer.accepts_import_risk) > 1", "given values of types it does not take"},
		{"shipment.lines[5].hs == 'x'", "index out of bounds"},
	}
	for _, c := range cases {
		t.Run(c.when, func(t *testing.T) {
			book, err := Compile(testEnv(t), mustParse(t, packWith(rule("R1", "shipment", c.when))))
			require.NoError(t, err)
			_, err = book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: testShipment(1)})
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrRuleFailed)
			var ee *EvalError
			require.ErrorAs(t, err, &ee)
			assert.Equal(t, "t", ee.Pack)
			assert.Equal(t, "R1", ee.Rule)
			assert.Equal(t, -1, ee.Line)
			assert.Contains(t, ee.Msg, c.want)
			for _, internal := range []string{"structpb", "NullValue", "null_type", "no such overload", "types."} {
				assert.NotContains(t, err.Error(), internal)
			}
		})
	}
}

func TestRuntimeSentinels(t *testing.T) {
	book, err := Compile(testEnv(t), mustParse(t, packWith(rule("S1", "shipment", "true"))))
	require.NoError(t, err)
	_, err = book.Evaluate(context.Background(), Input{Destination: "FR", Date: date(2026, 3, 1), Shipment: testShipment(1)})
	assert.ErrorIs(t, err, ErrNoPack)
	_, err = book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: "nope"})
	assert.ErrorIs(t, err, ErrInvalidInput)
	assert.False(t, errors.Is(err, ErrRuleFailed))
}

func TestPackFingerprint(t *testing.T) {
	a := mustParse(t, packWith(rule("R1", "shipment", "true")))
	b := mustParse(t, packWith(rule("R1", "shipment", "true")))
	c := mustParse(t, packWith(rule("R1", "shipment", "false")))
	assert.Len(t, a.Fingerprint(), 64)
	assert.Equal(t, a.Fingerprint(), b.Fingerprint())
	assert.NotEqual(t, a.Fingerprint(), c.Fingerprint())
	built := &Pack{Name: "go", Country: "DE", Version: "1"}
	assert.Len(t, built.Fingerprint(), 64)
}
