package rules

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A rule without loops whose cost grows with the input's strings: 40
// concatenations of a 10 KB description on each of 1000 lines. The static
// estimate (strings of MaxStringSize bytes) lets it compile; at run time the
// first line costs about 0.1 × 10 KB × (2 + 3 + ... + 40) ≈ 840,000, over the
// rule's limit of DefaultCostBudget, so it stops there with a *CostError
// naming the rule instead of allocating gigabytes over 1000 lines.
func TestRuntimeCostLimitWithoutLoops(t *testing.T) {
	cat := strings.TrimSuffix(strings.Repeat("line.description + ", 40), " + ")
	p := mustParse(t, packWith(rule("CONCAT", "line", "size("+cat+") > 0")))
	book, err := Compile(testEnv(t), p)
	require.NoError(t, err)
	s := testShipment(1000)
	desc := strings.Repeat("d", 10<<10)
	for i := range s.Lines {
		s.Lines[i].Description = desc
	}
	start := time.Now()
	fs, err := book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: s})
	elapsed := time.Since(start)
	var ce *CostError
	require.True(t, errors.As(err, &ce), "got %v", err)
	assert.Equal(t, "CONCAT", ce.Rule)
	assert.Empty(t, fs, "stopped on the first line")
	assert.Less(t, elapsed, 500*time.Millisecond)
}

// 300 always-true line rules on 100 lines would make 30,000 findings. With
// an evaluation budget of 10,000 (each run costs at least 1) the evaluation
// stops with ErrBudgetExceeded; with a findings cap of 500 it stops at the
// 501st finding.
func TestEvaluationBudget(t *testing.T) {
	var rs []string
	for i := 0; i < 300; i++ {
		rs = append(rs, rule(fmt.Sprintf("R%d", i), "line", "true"))
	}
	p := mustParse(t, packWith(strings.Join(rs, ",")))
	in := Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: testShipment(100)}

	book, err := CompileWith(testEnv(t), []*Pack{p}, WithEvalBudget(10_000))
	require.NoError(t, err)
	fs, err := book.Evaluate(context.Background(), in)
	var ce *CostError
	require.True(t, errors.As(err, &ce), "got %v", err)
	assert.ErrorIs(t, err, ErrBudgetExceeded)
	// `true` costs 0 in CEL, so each run costs 1: exactly 10,000 runs fit.
	assert.Len(t, fs, 10_000)

	book, err = CompileWith(testEnv(t), []*Pack{p}, WithMaxFindings(500))
	require.NoError(t, err)
	fs, err = book.Evaluate(context.Background(), in)
	assert.ErrorIs(t, err, ErrTooManyFindings)
	assert.Len(t, fs, 500)

	// The defaults stop the same pack on 100 lines × 300 rules = 30,000
	// findings, over DefaultMaxFindings (25,000).
	book, err = Compile(testEnv(t), p)
	require.NoError(t, err)
	fs, err = book.Evaluate(context.Background(), in)
	assert.ErrorIs(t, err, ErrTooManyFindings)
	assert.Len(t, fs, DefaultMaxFindings)

	// A shared Budget bounds several evaluations together (the importer
	// rules of each candidate of one decision): 300 runs of cost 1 each on
	// one line leave 100 of 700 after two evaluations; the third fails.
	p1 := mustParse(t, `{"pack": "u", "country": "DE", "version": "1", "effective": {"from": "2026-01-01"}, "rules": [`+
		strings.ReplaceAll(strings.Join(rs, ","), `"scope": "line"`, `"scope": "importer"`)+`]}`)
	book, err = CompileWith(testEnv(t), []*Pack{p1}, WithEvalBudget(700))
	require.NoError(t, err)
	bu := book.NewBudget()
	imp := testShipment(0).Seller
	for i := 0; i < 2; i++ {
		_, err = book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: testShipment(0),
			Importer: &imp, Scope: ScopeImporter, Budget: bu})
		require.NoError(t, err, "evaluation %d", i)
	}
	_, err = book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: testShipment(0),
		Importer: &imp, Scope: ScopeImporter, Budget: bu})
	assert.ErrorIs(t, err, ErrBudgetExceeded)
}

// matches() takes a literal pattern, checked when the pack compiles; a
// pattern from the input is a compile error naming the rule.
func TestMatchesLiteralOnly(t *testing.T) {
	env := testEnv(t)
	for _, c := range []struct{ when, msg string }{
		{"line.sku.matches(line.description)", "matches() takes a string literal pattern"},
		{"matches(line.sku, shipment.id)", "matches() takes a string literal pattern"},
		{"line.sku.matches('a' + line.hs)", "matches() takes a string literal pattern"},
		{"line.sku.matches('(')", "invalid regular expression '('"},
	} {
		_, err := Compile(env, mustParse(t, packWith(rule("M", "line", c.when))))
		var e *Error
		require.True(t, errors.As(err, &e), "%s: got %v", c.when, err)
		assert.Equal(t, "M", e.Rule)
		assert.Contains(t, e.Msg, c.msg, c.when)
	}
	book, err := Compile(env, mustParse(t, packWith(rule("M", "line", "line.sku.matches('^TS$') && matches(line.hs, '^6109')"))))
	require.NoError(t, err)
	fs, err := book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: testShipment(2)})
	require.NoError(t, err)
	assert.Len(t, fs, 2)
}

func TestDecimalLiteralPlausible(t *testing.T) {
	_, err := Compile(testEnv(t), mustParse(t, packWith(rule("D", "line", "line.unit_price.amount > decimal('1234567890123456789012345')"))))
	var e *Error
	require.True(t, errors.As(err, &e), "%v", err)
	assert.Contains(t, e.Msg, "more than 20 significant digits")
	_, err = Compile(testEnv(t), mustParse(t, packWith(rule("D", "line", "line.unit_price.amount > decimal('2500.50')"))))
	assert.NoError(t, err)
}

// A rule whose worst case is at most 128 at the size hints runs without
// the cost tracker. On strings far beyond the hints it still does one
// comparison per line, so it completes (in time linear in the input) and
// each run is charged its worst case: 1 for each of the two variable and
// two field reads, and for the comparison a tenth of a string of
// MaxStringSize bytes, rounded up (103): 107, plus 1 for the run.
func TestUntrackedRuleOnLongStrings(t *testing.T) {
	p := mustParse(t, packWith(rule("EQ", "line", "line.description == line.sku")))
	book, err := Compile(testEnv(t), p)
	require.NoError(t, err)
	require.False(t, book.packs[0].scoped[1][0].tracked)
	s := testShipment(10)
	long := strings.Repeat("d", 1<<20)
	for i := range s.Lines {
		s.Lines[i].Description, s.Lines[i].SKU = long, long
	}
	bu := book.NewBudget()
	fs, err := book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: s, Budget: bu})
	require.NoError(t, err)
	assert.Len(t, fs, 10)
	cost, _ := bu.Used()
	assert.Equal(t, uint64(10*(107+1)), cost)
}

// Evaluations sharing a Budget reuse the shipment's CEL view only when
// given the same pointer: another shipment is read afresh.
func TestBudgetSharedShipment(t *testing.T) {
	p := mustParse(t, packWith(rule("B2C", "importer", "shipment.buyer.kind == 'consumer' && importer.kind == 'business'")))
	book, err := Compile(testEnv(t), p)
	require.NoError(t, err)
	bu := book.NewBudget()
	b2c, b2b := testShipment(1), testShipment(1)
	b2b.Buyer.Kind = "business"
	eval := func(s *tShipment) int {
		fs, err := book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: s,
			Importer: &s.Seller, Scope: ScopeImporter, Budget: bu})
		require.NoError(t, err)
		return len(fs)
	}
	assert.Equal(t, 1, eval(b2c))
	assert.Equal(t, 1, eval(b2c), "the same shipment, its view reused")
	assert.Equal(t, 0, eval(b2b), "another shipment, read afresh")
	assert.Equal(t, 1, eval(b2c))
}

// A Budget shared by Books of two Envs does not carry one Env's view of
// the shipment into the other's evaluation.
func TestBudgetSharedAcrossEnvs(t *testing.T) {
	src := packWith(rule("B2C", "shipment", "shipment.buyer.kind == 'consumer'"))
	a, err := Compile(testEnv(t), mustParse(t, src))
	require.NoError(t, err)
	b, err := Compile(testEnv(t), mustParse(t, src))
	require.NoError(t, err)
	bu := a.NewBudget()
	s := testShipment(1)
	for _, book := range []*Book{a, b, a} {
		fs, err := book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: s, Budget: bu})
		require.NoError(t, err)
		assert.Len(t, fs, 1)
		assert.Same(t, book.env.vars[VarShipment], bu.ship.st)
	}
}
