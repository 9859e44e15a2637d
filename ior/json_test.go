package ior_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/iorkit/iorkit/ior"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// jsonFiller fills the types of a quote, a decision and a plan with
// random values (testkit.Filler), amounts of every size in a few
// currencies or unset, dates or zero, and plan errors of every kind.
func jsonFiller(seed uint64, full bool) *testkit.Filler {
	return &testkit.Filler{R: rand.New(rand.NewPCG(seed, 29)), Full: full, Custom: map[reflect.Type]func(*rand.Rand, bool) reflect.Value{
		reflect.TypeFor[decimal.Decimal](): func(r *rand.Rand, _ bool) reflect.Value { return reflect.ValueOf(testkit.Decimal(r)) },
		reflect.TypeFor[duty.Money](): func(r *rand.Rand, full bool) reflect.Value {
			cur := []string{"EUR", "JPY", "KWD", "USD", ""}[r.IntN(5)]
			if cur == "" && !full {
				return reflect.ValueOf(duty.Money{})
			}
			if cur == "" {
				cur = "GBP"
			}
			m, err := duty.NewMoney(testkit.Decimal(r), cur)
			if err != nil {
				panic(err)
			}
			return reflect.ValueOf(m)
		},
		reflect.TypeFor[duty.Date](): func(r *rand.Rand, full bool) reflect.Value {
			if !full && r.IntN(3) == 0 {
				return reflect.ValueOf(duty.Date{})
			}
			return reflect.ValueOf(duty.DateOf(time.Date(1990+r.IntN(60), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)))
		},
		reflect.TypeFor[error](): func(r *rand.Rand, full bool) reflect.Value {
			errs := []error{nil, &ior.PlanError{Code: "missing_rate", Class: "missing_data", Message: "no <rate> & \u2028"},
				fmt.Errorf("quote: %w", duty.ErrMissingRate), errors.New("plain \"error\""), (*ior.PlanError)(nil)}
			e := errs[r.IntN(len(errs))]
			if full && e == nil {
				e = errs[2]
			}
			v := reflect.New(reflect.TypeFor[error]()).Elem()
			if e != nil {
				v.Set(reflect.ValueOf(e))
			}
			return v
		},
	}}
}

// planReference is the JSON of m as MarketPlan.MarshalJSON wrote it
// through encoding/json before it was written by hand: the fields, with
// Err as a *PlanError under "error".
func planReference(m ior.MarketPlan) any {
	type quote ior.Quote // the reflection encoding of the fields
	type decision ior.Decision
	j := struct {
		Destination string         `json:"destination"`
		Decision    *decision      `json:"decision,omitempty"`
		Quote       *quote         `json:"quote,omitempty"`
		DDP         bool           `json:"ddp_by_seller"`
		Error       *ior.PlanError `json:"error,omitempty"`
	}{Destination: m.Destination, Decision: (*decision)(m.Decision), Quote: (*quote)(m.Quote), DDP: m.DDP}
	if m.Err != nil {
		var pe *ior.PlanError
		if !errors.As(m.Err, &pe) {
			pe = &ior.PlanError{Code: ior.ErrorCodeOf(m.Err), Class: ior.Classify(m.Err), Message: m.Err.Error()}
		}
		j.Error = pe
	}
	return j
}

func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// checkJSONAppenders fills a Quote, a Decision and a MarketPlan and
// compares each AppendJSON (after a prefix, which it must keep) and
// MarketPlan.MarshalJSON with encoding/json.
func checkJSONAppenders(t *testing.T, f *testkit.Filler) {
	t.Helper()
	var q ior.Quote
	f.Fill(&q)
	sameJSON(t, "["+marshal(t, q), string(q.AppendJSON([]byte("["))))
	var d ior.Decision
	f.Fill(&d)
	sameJSON(t, "["+marshal(t, d), string(d.AppendJSON([]byte("["))))
	var m ior.MarketPlan
	f.Fill(&m)
	want := marshal(t, planReference(m))
	sameJSON(t, "["+want, string(m.AppendJSON([]byte("["))))
	got, err := m.MarshalJSON()
	require.NoError(t, err)
	sameJSON(t, want, string(got))
	sameJSON(t, want, marshal(t, m))
}

// sameJSON fails with where and why the encoders differ.
func sameJSON(t *testing.T, want, got string) {
	t.Helper()
	if d := testkit.JSONDiff(want, got); d != "" {
		t.Fatal(d)
	}
}

// TestAppendJSONMatchesEncodingJSON holds the hand-written encoders of
// Quote, Decision and MarketPlan (and of every type they hold) to
// encoding/json: on values with every exported field set, which fails as
// soon as a field is added to a type and not to its encoder, and on
// random values (nil and empty slices, nil pointers, omitted fields,
// strings encoding/json escapes, amounts of every size).
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	t.Run("every field", func(t *testing.T) {
		f := jsonFiller(1, true)
		for range 50 {
			checkJSONAppenders(t, f)
		}
	})
	t.Run("random", func(t *testing.T) {
		f := jsonFiller(2, false)
		for range 500 {
			checkJSONAppenders(t, f)
		}
	})
	t.Run("quotes", func(t *testing.T) {
		e := euEngine(t)
		for _, n := range []int{1, 10, 100} {
			q, err := e.Quote(context.Background(), cart(t, n))
			require.NoError(t, err)
			require.Equal(t, marshal(t, q), string(q.AppendJSON(nil)))
		}
	})
}

func FuzzAppendJSON(f *testing.F) {
	f.Add(uint64(1), false)
	f.Add(uint64(2), true)
	f.Fuzz(func(t *testing.T, seed uint64, full bool) {
		checkJSONAppenders(t, jsonFiller(seed, full))
	})
}

// Every example shipment of the golden files, quoted, decided and planned
// over every destination: the hand-written encoders give encoding/json's
// bytes (the golden files themselves go through json.MarshalIndent).
func TestAppendJSONOnGoldenShipments(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	ctx := context.Background()
	dests := e.Destinations()
	for stem, s := range goldenShipments(t) {
		if q, err := e.Quote(ctx, s); err == nil {
			require.Equal(t, marshal(t, q), string(q.AppendJSON(nil)), stem)
		}
		if d, err := e.Decide(ctx, s); err == nil {
			require.Equal(t, marshal(t, d), string(d.AppendJSON(nil)), stem)
		}
		plans, err := e.Plan(ctx, s, dests)
		require.NoError(t, err)
		for _, m := range plans {
			require.Equal(t, marshal(t, planReference(m)), string(m.AppendJSON(nil)), "%s %s", stem, m.Destination)
		}
	}
}
