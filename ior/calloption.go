package ior

import (
	"context"
	"errors"
	"fmt"

	"github.com/iorkit/iorkit/duty"
)

// CallOption configures one Decide, Quote or Plan call: what a caller
// decides per request (a partial quote, and later the strictness of the
// answer), where Option configures the Engine and its data once.
//
// New per-call choices are added as further CallOption constructors; the
// signatures of Decide, Quote and Plan do not change.
type CallOption func(*callConfig) error

// callConfig holds what the CallOptions of one call set. Its zero value is
// the default answer: complete quotes, errors for what cannot be assessed.
type callConfig struct {
	// partial: lines that cannot be assessed are marked, not an error.
	partial bool
	// strict: a quote with warnings is an error.
	strict bool
	// hs: how a short HS code with lines of different duties resolves.
	hs duty.HSStrategy
}

// ResolveHS sets how a line's HS code shorter than the destination
// schedule's lines resolves when those lines carry different duties:
// duty.HSHighest (the default: the line with the highest duty, so the
// quote is never below what the goods may owe) or duty.HSLowest, flagged
// HS_RESOLVED with the range of duties and the lines; duty.HSStrict, an
// error listing the candidate lines (errors.Is(err,
// duty.ErrAmbiguousCode)). A code whose lines all carry the same measures
// resolves whatever the strategy, flagged HS_RESOLVED when there are
// several. Strict refuses every HS_RESOLVED.
func ResolveHS(s duty.HSStrategy) CallOption {
	return func(c *callConfig) error {
		if _, err := duty.ParseHSStrategy(string(s)); err != nil {
			return fmt.Errorf("ior: ResolveHS: %w", err)
		}
		c.hs = s
		return nil
	}
}

// Strict makes Quote (and the quotes of Plan) refuse an estimate: a quote
// that would carry warnings (sample or reference rates, stale figures,
// aged exchange rates, resolved short codes, rules not modelled) is a
// *duty.StrictError listing them (errors.Is(err, duty.ErrStrict)) instead.
// WithStrict makes it the engine's default. Decide ignores it.
func Strict() CallOption {
	return func(c *callConfig) error { c.strict = true; return nil }
}

// Partial lets Quote (and the quotes of Plan) answer when some lines cannot
// be assessed: those lines are marked not calculable with the reason and
// the quote is flagged incomplete. Without it, such a line is an error.
// Decide ignores it.
func Partial() CallOption {
	return func(c *callConfig) error { c.partial = true; return nil }
}

// errNilEngine is what the methods of a nil or zero *Engine return.
var errNilEngine = &duty.UninitializedError{Type: "*ior.Engine", Constructor: "ior.NewEngine"}

// callSetup checks the engine and the context and applies the call
// options: every public entry point starts with it.
func (e *Engine) callSetup(ctx context.Context, opts []CallOption) (callConfig, error) {
	var cfg callConfig
	if e == nil || e.calc == nil {
		return cfg, errNilEngine
	}
	if ctx == nil {
		return cfg, errors.New("ior: nil context (use context.Background())")
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(&cfg); err != nil {
			return cfg, err
		}
	}
	if err := ctx.Err(); err != nil {
		return cfg, stopped(err)
	}
	return cfg, nil
}

// stopped wraps a context's error so errors.Is(err, context.Canceled) (or
// context.DeadlineExceeded) holds.
func stopped(err error) error { return fmt.Errorf("ior: stopped: %w", err) }

// calcOptions are the duty options of one call.
func (c callConfig) calcOptions() []duty.CallOption {
	var out []duty.CallOption
	if c.partial {
		out = append(out, duty.Partial())
	}
	if c.hs != "" {
		out = append(out, duty.ResolveHS(c.hs))
	}
	return out
}
