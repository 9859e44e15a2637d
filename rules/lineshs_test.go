package rules

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func evalIDs(t *testing.T, book *Book, s *tShipment, imp *tParty) []string {
	t.Helper()
	in := Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: s}
	if imp != nil {
		in.Importer, in.Scope = imp, ScopeImporter
	}
	got, err := book.Evaluate(context.Background(), in)
	require.NoError(t, err)
	var ids []string
	for _, f := range got {
		ids = append(ids, f.Rule)
	}
	return ids
}

func TestLinesHSIn(t *testing.T) {
	book, err := Compile(testEnv(t), mustParse(t, packWith(
		rule("DOTTED", "shipment", "lines_hs_in(shipment, ['8517.13', '8525.60'])")+","+
			rule("UNDOTTED", "shipment", "lines_hs_in(shipment, ['851713'])")+","+
			rule("SPACED", "shipment", "lines_hs_in(shipment, ['85 17'])")+","+
			rule("IMP", "importer", "lines_hs_in(shipment, ['8517.13']) && !has_registration(importer, 'QA')"))))
	require.NoError(t, err)

	// T-shirts only (6109.10): quiet.
	s := testShipment(3)
	assert.Empty(t, evalIDs(t, book, s, nil))
	// A smartphone written undotted on the last line: every prefix form
	// matches 85171300 (digits compared, dots and spaces ignored).
	s.Lines[2].HS = "85171300"
	assert.Equal(t, []string{"DOTTED", "UNDOTTED", "SPACED"}, evalIDs(t, book, s, nil))
	// Written dotted: the same.
	s.Lines[2].HS = "8517.13.00"
	assert.Equal(t, []string{"DOTTED", "UNDOTTED", "SPACED"}, evalIDs(t, book, s, nil))
	// A wired phone (8517.18): only the 4-digit prefix matches.
	s.Lines[2].HS = "8517.18"
	assert.Equal(t, []string{"SPACED"}, evalIDs(t, book, s, nil))
	// A transmitter (8525.60.00) matches the second prefix of DOTTED.
	s.Lines[2].HS = "8525.60.00"
	assert.Equal(t, []string{"DOTTED"}, evalIDs(t, book, s, nil))
	// A code shorter than the prefix does not match it.
	s.Lines[2].HS = "8517"
	assert.Equal(t, []string{"SPACED"}, evalIDs(t, book, s, nil))
	// No lines: quiet.
	assert.Empty(t, evalIDs(t, book, testShipment(0), nil))

	// Importer scope: fires until the importer holds the registration.
	s.Lines[2].HS = "8517.13"
	imp := s.Buyer
	assert.Equal(t, []string{"IMP"}, evalIDs(t, book, s, &imp))
	imp.Registrations = []tRegistration{{Scheme: "qa", ID: "QA-1"}}
	assert.Empty(t, evalIDs(t, book, s, &imp))
}

// The estimate is one per line and prefix at MaxLines lines: 1000 × 11 =
// 11,000 for a list of 11 prefixes, within DefaultCostBudget (100,000),
// while the same test written with exists() and hs_in is refused. At run
// time the call is charged lines × prefixes: 1000 × 11 = 11,000 on a
// shipment of MaxLines lines where none matches, and 3 × 11 = 33 on 3
// lines, whether or not a line matches.
func TestLinesHSInCost(t *testing.T) {
	const list = "['8517.11', '8517.13', '8517.14', '8517.18', '8517.61', '8517.62', '8517.69', '8525.50', '8525.60', '8526.10', '8526.92']"
	env := testEnv(t)
	p := mustParse(t, packWith(rule("ANY", "shipment", "lines_hs_in(shipment, "+list+")")))
	book, err := Compile(env, p)
	require.NoError(t, err)
	costs := book.Costs()
	require.Len(t, costs, 1)
	// The call's 1000 × 11 = 11,000, plus CEL's 10 for building the list
	// literal and 1 for reading shipment: 11,011.
	assert.Equal(t, uint64(11_011), costs[0].Max)
	assert.LessOrEqual(t, costs[0].Max, DefaultCostBudget)

	_, err = Compile(env, mustParse(t, packWith(rule("LOOP", "shipment", "shipment.lines.exists(l, hs_in(l.hs, "+list+"))"))))
	assert.ErrorIs(t, err, CodeCost)

	// Run-time charge, read from the evaluation's budget: a Budget of
	// exactly the cost plus one (each run counts one more) suffices, one
	// less does not.
	spend := func(s *tShipment, limit uint64) error {
		b, err := CompileWith(env, []*Pack{p}, WithEvalBudget(limit))
		require.NoError(t, err)
		_, err = b.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: s})
		return err
	}
	full := testShipment(MaxLines)
	// 1000 lines × 11 prefixes = 11,000 for the call, plus the run's 1
	// and the variable read: a budget of 11,000 is not enough.
	require.NoError(t, spend(full, DefaultEvalBudget))
	assert.ErrorIs(t, spend(full, 11_000), ErrBudgetExceeded, "1000 lines × 11 prefixes = 11,000, plus the run")
	small := testShipment(3)
	small.Lines[0].HS = "8517.13" // matches at once: still charged 3 × 11 = 33
	assert.ErrorIs(t, spend(small, 33), ErrBudgetExceeded)
	require.NoError(t, spend(small, 33+1+cheapOverhead(t, env)))
}

// cheapOverhead is what a run of lines_hs_in(shipment, [one prefix]) costs
// on a shipment without lines beyond its call's 1, plus the run's 1: the
// list literal and the variable read.
func cheapOverhead(t *testing.T, env *Env) uint64 {
	t.Helper()
	p := mustParse(t, packWith(rule("ANY", "shipment", "lines_hs_in(shipment, ['8517'])")))
	for n := uint64(1); n < 50; n++ {
		b, err := CompileWith(env, []*Pack{p}, WithEvalBudget(n))
		require.NoError(t, err)
		if _, err := b.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: testShipment(0)}); err == nil {
			// n = call (1) + run (1) + overhead
			return n - 2
		}
	}
	t.Fatal("no budget under 50 fits")
	return 0
}

// The prefixes are literal HS digits, checked when the pack compiles, with
// the position of the offending element in the expression.
func TestLinesHSInLiteralOnly(t *testing.T) {
	env := testEnv(t)
	for _, c := range []struct {
		when, msg string
		col       int
	}{
		{"lines_hs_in(shipment, [shipment.id])", "takes its prefixes as a list of HS digits", 32}, // at the '.' of the select
		{"lines_hs_in(shipment, shipment.lines.map(l, l.hs))", "takes its prefixes as a list of HS digits", 0},
		{"lines_hs_in(shipment, ['8517', '85xx'])", "invalid HS prefix '85xx'", 32},
		{"lines_hs_in(shipment, ['8'])", "invalid HS prefix '8'", 24},
		{"lines_hs_in(shipment, ['8517-13'])", "invalid HS prefix '8517-13'", 24},
		{"lines_hs_in(shipment, ['1234567890123'])", "invalid HS prefix", 24},
		{"lines_hs_in(shipment, [])", "at least one HS prefix", 23},
	} {
		_, err := Compile(env, mustParse(t, packWith(rule("H", "shipment", c.when))))
		var e *Error
		require.True(t, errors.As(err, &e), "%s: got %v", c.when, err)
		assert.Equal(t, "H", e.Rule)
		assert.Equal(t, CodeExprType, e.Code)
		assert.Contains(t, e.Msg, c.msg, c.when)
		assert.Equal(t, 1, e.ExprLine, c.when)
		if c.col > 0 {
			assert.Equal(t, c.col, e.ExprColumn, c.when)
		}
	}
	_, err := Compile(env, mustParse(t, packWith(rule("H", "shipment", "lines_hs_in(shipment, ['85 17', '8525.60.00', '01'])"))))
	assert.NoError(t, err)
	// Lint reports the same error with the file's position, and the cost
	// of the rule that compiles: 1000 lines × 2 prefixes = 2,000 for the
	// call, plus 10 for the list literal and 1 for reading shipment.
	rep, err := Lint(env, fstest.MapFS{"t.json": {Data: []byte(packWith(
		rule("BAD", "shipment", "lines_hs_in(shipment, ['85xx'])") + "," +
			rule("GOOD", "importer", "lines_hs_in(shipment, ['8517', '8525'])")))}})
	require.NoError(t, err)
	require.Len(t, rep.Errors, 1)
	assert.Equal(t, "BAD", rep.Errors[0].Rule)
	assert.Equal(t, "t.json", rep.Errors[0].File)
	assert.Contains(t, rep.Errors[0].Msg, "invalid HS prefix '85xx'")
	require.Len(t, rep.Packs, 1)
	require.Len(t, rep.Packs[0].Rules, 1)
	assert.Equal(t, uint64(2_011), rep.Packs[0].Rules[0].Max)
}

// lines_hs_in(shipment, P) is shipment.lines.exists(l, hs_in(l.hs, P)) on
// random shipments and prefix lists (the exists form run with a budget
// large enough for it).
func TestLinesHSInMatchesExists(t *testing.T) {
	env := testEnv(t)
	r := rand.New(rand.NewPCG(1, 2))
	digits := func(n int) string {
		b := make([]byte, 0, n+3)
		for i := 0; i < n; i++ {
			if i > 0 && i%2 == 0 && r.IntN(2) == 0 {
				b = append(b, '.')
			}
			// Few distinct digits so that prefixes often match.
			b = append(b, byte('0'+r.IntN(3)))
		}
		return string(b)
	}
	for iter := 0; iter < 200; iter++ {
		var list string
		n := 1 + r.IntN(4)
		for i := 0; i < n; i++ {
			if i > 0 {
				list += ", "
			}
			list += "'" + digits(2+r.IntN(5)) + "'"
		}
		p := mustParse(t, packWith(
			rule("F", "shipment", "lines_hs_in(shipment, ["+list+"])")+","+
				rule("E", "shipment", "shipment.lines.exists(l, hs_in(l.hs, ["+list+"]))")))
		book, err := CompileWith(env, []*Pack{p}, WithCostBudget(1_000_000))
		require.NoError(t, err)
		s := testShipment(r.IntN(5))
		for i := range s.Lines {
			s.Lines[i].HS = digits(r.IntN(9))
		}
		got := evalIDs(t, book, s, nil)
		fires := func(id string) bool {
			for _, g := range got {
				if g == id {
					return true
				}
			}
			return false
		}
		assert.Equal(t, fires("E"), fires("F"), "prefixes [%s], lines %v", list, s.Lines)
	}
}
