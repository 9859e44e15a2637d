package ior

import (
	"context"
	"fmt"
	"sort"

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
func (e *Engine) Plan(s Shipment, destinations ...string) ([]MarketPlan, error) {
	if len(destinations) == 0 {
		return nil, fmt.Errorf("ior: Plan needs at least one destination")
	}
	seen := map[string]bool{}
	out := make([]MarketPlan, 0, len(destinations))
	for _, d := range destinations {
		if seen[d] {
			continue
		}
		seen[d] = true
		if err := duty.ValidateCountry(d); err != nil {
			return nil, fmt.Errorf("ior: plan destination: %w", err)
		}
		out = append(out, e.planOne(s, d))
	}
	return out, nil
}

func (e *Engine) planOne(s Shipment, dest string) MarketPlan {
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
	d, err := e.decide(context.Background(), t)
	if err != nil {
		m.Error = err.Error()
		return m
	}
	m.Decision = &d
	m.DDP = d.Importer != nil && (d.Importer.Role == RoleSeller || d.Importer.Role == RoleAffiliate)
	imp, notes := e.importerFromDecision(t, d)
	q, err := e.quote(t, imp, notes)
	if err != nil {
		m.Error = err.Error()
		return m
	}
	m.Quote = &q
	return m
}

// Destinations lists the countries the engine has a profile for, sorted.
func (e *Engine) Destinations() []string {
	out := e.calc.Profiles().Countries()
	sort.Strings(out)
	return out
}
