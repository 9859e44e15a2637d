package rules

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func compileErr(t *testing.T, src string) *Error {
	t.Helper()
	p, err := Parse(strings.NewReader(src))
	if err == nil {
		_, err = Compile(testEnv(t), p)
	}
	require.Error(t, err)
	var e *Error
	require.True(t, errors.As(err, &e), "error %v is not a *rules.Error", err)
	assert.ErrorIs(t, err, ErrInvalidPack)
	return e
}

func TestClassicMistakes(t *testing.T) {
	t.Run("misspelt field", func(t *testing.T) {
		e := compileErr(t, packWith(rule("R1", "shipment", "shipment.orgin == 'CN'")))
		assert.Equal(t, "t", e.Pack)
		assert.Equal(t, "R1", e.Rule)
		assert.Equal(t, "orgin", e.Name)
		assert.Equal(t, 1, e.ExprLine)
		assert.Equal(t, 9, e.ExprColumn)
		assert.Equal(t, 2, e.Line)
		assert.Equal(t, 63, e.Column) // the "." before orgin
		assert.Contains(t, e.Error(), "undefined field 'orgin'")
	})
	t.Run("misspelt variable", func(t *testing.T) {
		e := compileErr(t, packWith(rule("R1", "shipment", "shipmnt.origin == 'CN'")))
		assert.Equal(t, "shipmnt", e.Name)
	})
	t.Run("variable outside its scope", func(t *testing.T) {
		e := compileErr(t, packWith(rule("R1", "shipment", "line.hs == '8517'")))
		assert.Equal(t, "line", e.Name)
	})
	t.Run("wrong type", func(t *testing.T) {
		e := compileErr(t, packWith(rule("R1", "line", "line.unit_price.amount > 2500.0")))
		assert.Contains(t, e.Msg, "no matching overload")
		assert.Equal(t, "R1", e.Rule)
	})
	t.Run("decimal compared with a string", func(t *testing.T) {
		e := compileErr(t, packWith(rule("R1", "line", "line.unit_price.amount == '2500'")))
		assert.Contains(t, e.Msg, "no matching overload")
	})
	t.Run("bad decimal literal", func(t *testing.T) {
		e := compileErr(t, packWith(rule("R1", "line", "line.unit_price.amount > decimal('2,500')")))
		assert.Contains(t, e.Msg, "invalid decimal literal '2,500'")
		assert.Equal(t, 34, e.ExprColumn)
	})
	t.Run("decimal of a non-literal", func(t *testing.T) {
		e := compileErr(t, packWith(rule("R1", "line", "line.unit_price.amount > decimal(line.sku)")))
		assert.Contains(t, e.Msg, "string literal")
	})
	t.Run("syntax error", func(t *testing.T) {
		e := compileErr(t, packWith(rule("R1", "shipment", "shipment.origin == 'CN' &&")))
		assert.Contains(t, e.Msg, "Syntax error")
		assert.Equal(t, 1, e.ExprLine)
	})
	t.Run("non-bool result", func(t *testing.T) {
		e := compileErr(t, packWith(rule("R1", "shipment", "shipment.origin")))
		assert.Contains(t, e.Msg, "condition must be bool, found string")
	})
	t.Run("duplicate rule id", func(t *testing.T) {
		e := compileErr(t, packWith(rule("R1", "shipment", "true")+","+rule("R1", "shipment", "false")))
		assert.Contains(t, e.Msg, `duplicate rule id "R1" (first defined at line 2)`)
		assert.Equal(t, 3, e.Line)
	})
	t.Run("duplicate rule id across packs", func(t *testing.T) {
		a := mustParse(t, packWith(rule("R1", "shipment", "true")))
		b := mustParse(t, strings.Replace(packWith(rule("R1", "shipment", "true")), `"pack": "t"`, `"pack": "u"`, 1))
		_, err := Compile(testEnv(t), a, b)
		var e *Error
		require.True(t, errors.As(err, &e))
		assert.Contains(t, e.Msg, "also in pack t")
	})
	t.Run("JSON syntax error", func(t *testing.T) {
		e := compileErr(t, "{\n  \"pack\": \"t\",\n  \"country\" \"DE\"}")
		assert.Equal(t, 3, e.Line)
		assert.Contains(t, e.Msg, "syntax error")
	})
	t.Run("unknown field", func(t *testing.T) {
		_, err := Parse(strings.NewReader(strings.Replace(packWith(rule("R1", "shipment", "true")), `"severity"`, `"sevrity"`, 1)))
		var list ErrorList
		require.True(t, errors.As(err, &list))
		var e *Error
		for _, x := range list {
			if x.Name == "sevrity" {
				e = x
			}
		}
		require.NotNil(t, e, "%v", list)
		assert.Contains(t, e.Msg, `did you mean "severity"?`)
		assert.Equal(t, "R1", e.Rule)
		assert.Contains(t, e.Error(), `unknown field "sevrity"`)
	})
	t.Run("bad kind", func(t *testing.T) {
		e := compileErr(t, strings.Replace(packWith(rule("R1", "shipment", "true")), `"document"`, `"doc"`, 1))
		assert.Contains(t, e.Msg, `unknown kind "doc"`)
	})
	t.Run("lower-case code", func(t *testing.T) {
		e := compileErr(t, strings.Replace(packWith(rule("R1", "shipment", "true")), `"X"`, `"x"`, 1))
		assert.Equal(t, "finding.code", e.Field)
	})
}

func TestErrorListReportsEverything(t *testing.T) {
	p := mustParse(t, packWith(rule("R1", "shipment", "shipment.a")+","+rule("R2", "shipment", "shipment.b")))
	_, err := Compile(testEnv(t), p)
	var list ErrorList
	require.True(t, errors.As(err, &list))
	require.Len(t, list, 2)
	assert.Equal(t, "R2", list[1].Rule)
}

func TestRunawayRuleRefusedAtCompile(t *testing.T) {
	p := mustParse(t, packWith(rule("NESTED", "shipment",
		"shipment.lines.exists(a, shipment.lines.exists(b, shipment.lines.exists(c, a.hs == b.hs && b.hs == c.hs)))")))
	_, err := Compile(testEnv(t), p)
	var e *Error
	require.True(t, errors.As(err, &e))
	assert.Contains(t, e.Msg, "exceeds the budget")
	assert.Equal(t, "NESTED", e.Rule)
}

func TestRunawayRuleStoppedAtRuntime(t *testing.T) {
	// Allowed by a generous static budget, the rule runs over 2000 lines
	// (twice the size hint) and must be stopped, not hang.
	p := mustParse(t, packWith(rule("NESTED", "shipment",
		"shipment.lines.exists(a, shipment.lines.exists(b, a.hs != b.hs))")))
	book, err := CompileWith(testEnv(t), []*Pack{p}, WithCostBudget(1<<40))
	require.NoError(t, err)
	s := testShipment(3000)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = book.Evaluate(ctx, Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: s})
	var ce *CostError
	require.True(t, errors.As(err, &ce), "got %v", err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 2*time.Second)
}

func date(y, m, d int) duty.Date {
	return duty.DateOf(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC))
}

func TestRuntimeCostLimit(t *testing.T) {
	// The rule's static estimate fits a budget sized for 1000 lines, but
	// the shipment carries far more: the run-time limit stops it.
	p := mustParse(t, packWith(rule("ALL", "shipment", "shipment.lines.all(l, hs_prefix(l.hs, '6109'))")))
	book, err := CompileWith(testEnv(t), []*Pack{p}, WithCostBudget(20_000))
	require.NoError(t, err)
	_, err = book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: testShipment(50_000)})
	var ce *CostError
	require.True(t, errors.As(err, &ce), "got %v", err)
	assert.Equal(t, "ALL", ce.Rule)
}

func TestBookConcurrentUse(t *testing.T) {
	p := mustParse(t, packWith(rule("L1", "line", "hs_prefix(line.hs, '6109')")+","+rule("S1", "shipment", "shipment.origin == 'US'")))
	book, err := Compile(testEnv(t), p)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				got, err := book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: testShipment(3)})
				assert.NoError(t, err)
				assert.Len(t, got, 4)
			}
		}()
	}
	wg.Wait()
}

func TestNoPack(t *testing.T) {
	book, err := Compile(testEnv(t), mustParse(t, packWith(rule("S1", "shipment", "true"))))
	require.NoError(t, err)
	_, err = book.Evaluate(context.Background(), Input{Destination: "FR", Date: date(2026, 3, 1), Shipment: testShipment(1)})
	var np *NoPackError
	require.True(t, errors.As(err, &np))
	_, err = book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2025, 3, 1), Shipment: testShipment(1)})
	require.True(t, errors.As(err, &np))
}

func TestInputTypeChecked(t *testing.T) {
	book, err := Compile(testEnv(t), mustParse(t, packWith(rule("S1", "shipment", "true"))))
	require.NoError(t, err)
	_, err = book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: "nope"})
	var ie *InputError
	require.True(t, errors.As(err, &ie))
}
