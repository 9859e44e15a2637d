package ior

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/iorkit/iorkit/duty"
)

// MarketPlan is the decision and the quote for one destination of a plan.
// Err says why the destination could not be planned (no profile, no rate,
// a code missing from its tariff...); the other destinations still are.
type MarketPlan struct {
	Destination string    `json:"destination"`
	Decision    *Decision `json:"decision,omitempty"`
	Quote       *Quote    `json:"quote,omitempty"`
	// DDP reports whether the seller's side can import (the seller or its
	// affiliate is the decision's importer), so the seller can sell DDP
	// without a third party.
	DDP   bool   `json:"ddp_by_seller"`
	Error string `json:"error,omitempty"`
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
		return nil, fmt.Errorf("ior: Plan needs at least one destination")
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
	workers := min(runtime.GOMAXPROCS(0), len(dests))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = e.planOne(ctx, cfg, s, dests[i])
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

func (e *Engine) planOne(ctx context.Context, cfg callConfig, s Shipment, dest string) MarketPlan {
	m := MarketPlan{Destination: dest}
	t := s
	t.Destination, t.DestinationRegion, t.Consignee = dest, "", nil
	t.Buyer = Party{Name: s.Buyer.Name, Country: dest, Kind: s.Buyer.Kind, AcceptsImportRisk: s.Buyer.AcceptsImportRisk}
	t.IORProviders = nil
	for _, p := range s.IORProviders {
		if p.Country == dest {
			t.IORProviders = append(t.IORProviders, p)
		}
	}
	if err := t.Validate(); err != nil {
		m.Error = err.Error()
		return m
	}
	d, err := e.decide(ctx, t)
	if err != nil {
		m.Error = err.Error()
		return m
	}
	m.Decision = &d
	m.DDP = d.Importer != nil && (d.Importer.Role == RoleSeller || d.Importer.Role == RoleAffiliate)
	q, err := e.quoteWith(ctx, cfg, t, d)
	if err != nil {
		m.Error = err.Error()
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
