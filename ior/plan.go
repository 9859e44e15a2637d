package ior

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/iorkit/iorkit/duty"
)

// MarketPlan is the decision and the quote for one destination of a plan.
// Err says why the destination could not be planned, or could be decided
// but not quoted (no profile, no rate, a code missing from its tariff...);
// the other destinations still are. Test it with errors.Is and errors.As
// as any error of Decide or Quote (errors.Is(m.Err, duty.ErrMissingRate)).
//
// In JSON, Err is {"code", "class", "message"} under "error" (see
// ErrorCodeOf and Classify); decoding that JSON gives an Err of type
// *PlanError.
type MarketPlan struct {
	Destination string    `json:"destination"`
	Decision    *Decision `json:"decision,omitempty"`
	Quote       *Quote    `json:"quote,omitempty"`
	// DDP reports whether the seller's side can import (the seller or its
	// affiliate is the decision's importer), so the seller can sell DDP
	// without a third party.
	DDP bool  `json:"ddp_by_seller"`
	Err error `json:"-"`
}

// marketPlanJSON is MarketPlan as JSON: Err as its code, class and message.
type marketPlanJSON struct {
	Destination string     `json:"destination"`
	Decision    *Decision  `json:"decision,omitempty"`
	Quote       *Quote     `json:"quote,omitempty"`
	DDP         bool       `json:"ddp_by_seller"`
	Error       *PlanError `json:"error,omitempty"`
}

// MarshalJSON writes Err as {"code", "class", "message"}.
func (m MarketPlan) MarshalJSON() ([]byte, error) { return m.AppendJSON(nil), nil }

// UnmarshalJSON reads what MarshalJSON writes; Err becomes a *PlanError.
func (m *MarketPlan) UnmarshalJSON(b []byte) error {
	var j marketPlanJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*m = MarketPlan{Destination: j.Destination, Decision: j.Decision, Quote: j.Quote, DDP: j.DDP}
	if j.Error != nil {
		m.Err = j.Error
	}
	return nil
}

// PlanError is an error read back from a plan's JSON: its code, class
// and message. errors.Is(err, code) holds for its own ErrorCode, and
// Classify and ErrorCodeOf give back the class and code.
type PlanError struct {
	Code    ErrorCode  `json:"code"`
	Class   ErrorClass `json:"class"`
	Message string     `json:"message"`
}

func (e *PlanError) Error() string { return e.Message }

// Is reports whether target is the error's code.
func (e *PlanError) Is(target error) bool {
	c, ok := target.(ErrorCode)
	return ok && c == e.Code
}

// Plan answers Decide and Quote for the same goods and seller in several
// destinations, so a seller can see where it can sell DDP and what each
// market needs. For each destination the buyer is a party of the same kind
// established there, IOR providers established elsewhere are left out, and
// the consignee is dropped. Destinations are answered in the order given;
// duplicates are answered once.
//
// The options apply to every destination's decision and quote. ctx
// reaches each destination, its rule evaluation and its per-line work:
// once it is cancelled or past its deadline, Plan returns ctx.Err()
// wrapped (errors.Is(err, context.Canceled)) and no plans, rather than a
// plan whose remaining destinations all failed.
func (e *Engine) Plan(ctx context.Context, s Shipment, destinations []string, opts ...CallOption) ([]MarketPlan, error) {
	cfg, err := e.callSetup(ctx, opts)
	if err != nil {
		return nil, err
	}
	if len(destinations) == 0 {
		return nil, fmt.Errorf("ior: Plan needs at least one destination: %w", ErrRequired)
	}
	seen := map[string]bool{}
	dests := make([]string, 0, len(destinations))
	for _, d := range destinations {
		if seen[d] {
			continue
		}
		seen[d] = true
		if err := duty.ValidateCountry(d); err != nil {
			return nil, fmt.Errorf("ior: plan destination: %w", err)
		}
		dests = append(dests, d)
	}
	// Destinations are independent: they are planned on up to GOMAXPROCS
	// goroutines, each writing its own slot, so the result is in input
	// order and the same bytes as a serial run.
	out := make([]MarketPlan, len(dests))
	lines := s.checkLines() // the same lines for every destination
	workers := min(runtime.GOMAXPROCS(0), len(dests))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = e.planOne(ctx, cfg, s, dests[i], lines)
			}
		}()
	}
	for i := range dests {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	// A destination that failed because ctx stopped midway failed for the
	// caller's reason, not the destination's.
	if err := ctx.Err(); err != nil {
		return nil, stopped(err)
	}
	return out, nil
}

// planOne plans dest; lines are the problems of s.Lines (checkLines).
func (e *Engine) planOne(ctx context.Context, cfg callConfig, s Shipment, dest string, lines *checkedLines) MarketPlan {
	m := MarketPlan{Destination: dest}
	t := s
	t.Destination, t.DestinationRegion, t.PortRegion, t.Consignee = dest, "", "", nil
	t.Buyer = Party{Name: s.Buyer.Name, Country: dest, Kind: s.Buyer.Kind, AcceptsImportRisk: s.Buyer.AcceptsImportRisk}
	t.IORProviders = nil
	for _, p := range s.IORProviders {
		if p.Country == dest {
			t.IORProviders = append(t.IORProviders, p)
		}
	}
	if err := t.validate(lines); err != nil {
		m.Err = err
		return m
	}
	d, err := e.decide(ctx, t)
	if err != nil {
		m.Err = err
		return m
	}
	m.Decision = &d
	m.DDP = d.Importer != nil && (d.Importer.Role == RoleSeller || d.Importer.Role == RoleAffiliate)
	q, err := e.quoteWith(ctx, cfg, t, d)
	if err != nil {
		m.Err = err
		return m
	}
	m.Quote = &q
	return m
}

// Destinations lists the countries the engine has a profile for, sorted.
func (e *Engine) Destinations() []string {
	if e == nil {
		return nil
	}
	out := e.calc.Profiles().Countries()
	sort.Strings(out)
	return out
}
