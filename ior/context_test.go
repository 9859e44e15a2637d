package ior_test

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/iorkit/iorkit/ior"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countdownCtx is a context that reports itself cancelled from its n-th
// Err call on, and counts the calls made after that: it shows where the
// library looks at the context and that it stops soon after.
type countdownCtx struct {
	context.Context
	n     atomic.Int64
	after atomic.Int64
}

func newCountdown(n int64) *countdownCtx {
	c := &countdownCtx{Context: context.Background()}
	c.n.Store(n)
	return c
}

func (c *countdownCtx) Err() error {
	if c.n.Add(-1) < 0 {
		c.after.Add(1)
		return context.Canceled
	}
	return nil
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	e := defaultEngine(t)
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	_, err := e.Quote(ctx, s)
	assert.ErrorIs(t, err, context.Canceled)
	_, err = e.Decide(ctx, s)
	assert.ErrorIs(t, err, context.Canceled)
	_, err = e.Plan(ctx, s, []string{"DE", "FR"})
	assert.ErrorIs(t, err, context.Canceled)

	past, cancel2 := context.WithDeadline(context.Background(), time.Unix(0, 0))
	defer cancel2()
	_, err = e.Quote(past, s)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestNilContext(t *testing.T) {
	e := defaultEngine(t)
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	var nilCtx context.Context
	_, err := e.Quote(nilCtx, s)
	assert.Error(t, err)
	_, err = e.Decide(nilCtx, s)
	assert.Error(t, err)
	_, err = e.Plan(nilCtx, s, []string{"DE"})
	assert.Error(t, err)
}

// Cancelling at every point a call looks at the context: each call either
// answers in full or stops with context.Canceled, and having seen the
// cancellation it looks at the context at most a few more times (it stops
// within one line's work, not at the end of the shipment).
func TestCancelMidway(t *testing.T) {
	e := defaultEngine(t)
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	for len(s.Lines) < 20 {
		s.Lines = append(s.Lines, s.Lines[0])
	}
	complete := map[string]bool{}
	calls := map[string]func(context.Context) error{
		"quote": func(ctx context.Context) error { _, err := e.Quote(ctx, s); return err },
		"decide": func(ctx context.Context) error {
			_, err := e.Decide(ctx, s)
			return err
		},
		"plan": func(ctx context.Context) error {
			_, err := e.Plan(ctx, s, []string{"DE", "FR", "US"}, ior.Partial())
			return err
		},
	}
	for name, call := range calls {
		stopped := 0
		for n := int64(0); n < 5000; n++ {
			ctx := newCountdown(n)
			err := call(ctx)
			if err == nil {
				complete[name] = true
				break
			}
			require.ErrorIs(t, err, context.Canceled, "%s stopped after %d checks", name, n)
			// Plan answers destinations on up to GOMAXPROCS goroutines: each
			// in flight stops within its own few looks, and the dispatch
			// loop and the end look once more.
			limit := int64(3)
			if name == "plan" {
				limit = 3*int64(runtime.GOMAXPROCS(0)) + 2
			}
			assert.LessOrEqual(t, ctx.after.Load(), limit, "%s looked at a cancelled context too often", name)
			stopped++
		}
		assert.True(t, complete[name], "%s never completed", name)
		// The per-line loops look at the context: with 20 lines there are
		// more than 20 points at which a quote can stop.
		if name == "quote" {
			assert.Greater(t, stopped, 20)
		}
	}
}

// Partial is per call: the same engine answers a partial quote with it and
// an error without it.
func TestPartialPerCall(t *testing.T) {
	e := euEngine(t)
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	extra := s.Lines[0]
	extra.HS = "9999.99"
	s.Lines = append(s.Lines, extra)
	_, err := e.Quote(context.Background(), s)
	require.Error(t, err)
	q, err := e.Quote(context.Background(), s, ior.Partial())
	require.NoError(t, err)
	assert.True(t, q.Incomplete)
	assert.False(t, q.Lines[1].Calculable)
	// nil options are ignored.
	_, err = e.Quote(context.Background(), s, nil)
	require.Error(t, err)
}
