package rules_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type badPack struct {
	file  string
	want  string // the exact message
	line  int    // position in the file of the first *rules.Error
	field string
	rule  string
	code  rules.ErrorCode
}

func checkFirst(t *testing.T, err error, c badPack) {
	t.Helper()
	require.Error(t, err)
	assert.EqualError(t, err, c.want)
	assert.ErrorIs(t, err, rules.ErrInvalidPack)
	var e *rules.Error
	require.True(t, errors.As(err, &e), "%T is not a *rules.Error", err)
	assert.Equal(t, c.line, e.Line)
	assert.Equal(t, c.field, e.Field)
	assert.Equal(t, c.rule, e.Rule)
	assert.Equal(t, c.code, e.Code)
	assert.ErrorIs(t, err, c.code)
}

func TestBadPacksParse(t *testing.T) {
	cases := []badPack{
		{"empty.json", `rules: 1:1: unexpected end of file`, 1, "", "", rules.CodeSyntax},
		{"array.json", `rules: 1:1: expected an object, found array`, 1, "", "", rules.CodeWrongType},
		{"trailing.json", `rules: 5:4: unexpected data after the top-level object`, 5, "", "", rules.CodeSyntax},
		{"rules_object.json", `rules: 3:3: syntax error: invalid character '{'`, 3, "", "", rules.CodeSyntax},
		{"country_xx.json", `rules: 1:26: pack t: country: country "XX" is neither an ISO 3166-1 alpha-2 code nor "EU"`, 1, "country", "", rules.CodeInvalidValue},
		{"country_lower.json", `rules: 1:26: pack t: country: country "de" is neither an ISO 3166-1 alpha-2 code nor "EU"`, 1, "country", "", rules.CodeInvalidValue},
		{"version_empty.json", `rules: 1:43: pack t: version: version must not be empty`, 1, "version", "", rules.CodeInvalidValue},
		{"effective_date.json", `rules: 1:70: pack t: effective.from: invalid date "2026-13-01": expected YYYY-MM-DD`, 1, "effective.from", "", rules.CodeInvalidValue},
		{"pack_name_empty.json", `rules: 1:10: pack: pack name "" must be 1-128 letters, digits, '.', '_' or '-'`, 1, "pack", "", rules.CodeInvalidValue},
		{"scope.json", `rules: 3:25: pack t: rule R1: scope: unknown scope "order" (expected shipment, line or importer)`, 3, "scope", "R1", rules.CodeInvalidValue},
		{"severity.json", `rules: 4:75: pack t: rule R1: finding.severity: unknown severity "fatal" (expected info, required or blocking)`, 4, "finding.severity", "R1", rules.CodeInvalidValue},
		{"kind.json", `rules: 4:24: pack t: rule R1: finding.kind: unknown kind "doc" (expected registration, representative, licence, certification, document, tax_registration, ior_restriction or prohibition)`, 4, "finding.kind", "R1", rules.CodeInvalidValue},
		{"code_lower.json", `rules: 4:44: pack t: rule R1: finding.code: code "x-1" must be upper-case letters, digits and '_', starting with a letter`, 4, "finding.code", "R1", rules.CodeInvalidValue},
		{"when_empty.json", `rules: 3:45: pack t: rule R1: when: when must be a CEL expression returning bool`, 3, "when", "R1", rules.CodeInvalidValue},
		{"when_number.json", `rules: 3:45: pack t: rule R1: when: expected a string, found number`, 3, "when", "R1", rules.CodeWrongType},
		{"title_empty.json", `rules: 4:58: pack t: rule R1: finding.title: title must not be empty`, 4, "finding.title", "R1", rules.CodeInvalidValue},
		{"reference_empty.json", `rules: 4:96: pack t: rule R1: finding.reference: reference must name the legal or official source`, 4, "finding.reference", "R1", rules.CodeInvalidValue},
		{"unknown_field.json", `rules: 4:15: pack t: rule R1: finding.severity: missing required field "severity" (and 1 more error)`, 4, "finding.severity", "R1", rules.CodeMissingField},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", "bad", c.file))
			require.NoError(t, err)
			defer f.Close()
			p, err := rules.Parse(f)
			assert.Nil(t, p)
			checkFirst(t, err, c)
		})
	}
}

// Packs that parse but do not compile against the ior types: the error
// of ior.NewEngine names the pack, the rule, the position in the file and
// in the expression, and the offending name.
func TestBadPacksCompile(t *testing.T) {
	cases := []badPack{
		{"compile_misspelt_field.json", `ior: rule packs: rules: 3:54: pack t: rule R1: when 1:9: undefined field 'orgin'`, 3, "when", "R1", rules.CodeExprType},
		{"compile_decimal_vs_double.json", `ior: rule packs: rules: 3:65: pack t: rule R1: when 1:24: found no matching overload for '_>_' applied to '(decimal, double)'`, 3, "when", "R1", rules.CodeExprType},
		{"compile_not_bool.json", `ior: rule packs: rules: 3:45: pack t: rule R1: when: condition must be bool, found string`, 3, "when", "R1", rules.CodeNotBool},
		{"compile_syntax.json", `ior: rule packs: rules: 3:72: pack t: rule R1: when 1:27: Syntax error: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}`, 3, "when", "R1", rules.CodeExprSyntax},
		{"compile_undeclared_function.json", `ior: rule packs: rules: 3:54: pack t: rule R1: when 1:9: undeclared reference to 'nosuchfn'`, 3, "when", "R1", rules.CodeExprType},
		{"compile_line_in_importer.json", `ior: rule packs: rules: 3:46: pack t: rule R1: when 1:1: undeclared reference to 'line'`, 3, "when", "R1", rules.CodeExprType},
		{"compile_bad_decimal.json", `ior: rule packs: rules: 3:75: pack t: rule R1: when 1:34: invalid decimal literal '2,500': expected plain decimal notation such as '2500' or '0.5'`, 3, "when", "R1", rules.CodeExprType},
		{"compile_runaway.json", `ior: rule packs: rules: 3:45: pack t: rule R1: when: worst-case cost 217006006003 exceeds the budget of 100000 (with up to 1000 lines of 1024-byte strings); avoid nested loops over lines`, 3, "when", "R1", rules.CodeCost},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", "bad", c.file))
			require.NoError(t, err)
			defer f.Close()
			p, err := rules.Parse(f)
			require.NoError(t, err)
			e, err := ior.NewEngine(ior.WithPacks(p))
			assert.Nil(t, e)
			checkFirst(t, err, c)
		})
	}
}
