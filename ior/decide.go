package ior

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/iorkit/iorkit/rules"
)

// Finding is a requirement a rule pack reported: a registration,
// representative, licence, certification, document, tax registration,
// importer restriction or prohibition.
type Finding = rules.Finding

// Candidate is a party that could act as importer of record, in the role
// it would take.
type Candidate struct {
	Role     Role      `json:"role"`
	Party    Party     `json:"party"`
	Eligible bool      `json:"eligible"`
	Reasons  []string  `json:"reasons"`
	Actions  []Finding `json:"actions"`
	rank     int
	order    int
	findings []Finding // importer-scope findings of this candidate
}

// Decision says who should import the shipment, what it still has to do,
// and why each other candidate was or was not chosen.
type Decision struct {
	Importer *Importer `json:"importer"`
	Blocked  bool      `json:"blocked"`
	// Actions are the findings to act on (the shipment's, then the
	// importer's); they may share storage with Findings, as a Quote's
	// share it with its decision: copy a slice before changing it.
	Actions      []Finding   `json:"actions"`
	Findings     []Finding   `json:"findings"`
	Alternatives []Candidate `json:"alternatives"`
	Reasons      []string    `json:"reasons"`
	// covered: a rule pack covered the destination on the date, so the
	// decision, not the Incoterm alone, names the importer.
	covered bool
}

// candidates lists the parties in the order the Incoterm prefers: under
// DDP the seller's side first (the seller, its affiliates, then IOR
// providers acting for it, then the buyer's side); under the other rules
// the buyer's side first (the buyer, a consignee who is not the buyer, then
// providers, then the seller's side).
func candidates(s Shipment) []Candidate {
	consignee := s.Consignee != nil && (s.Consignee.Name != s.Buyer.Name || s.Consignee.Country != s.Buyer.Country)
	n := 2 + len(s.Affiliates) + len(s.IORProviders)
	if consignee {
		n++
	}
	out := make([]Candidate, 0, n)
	add := func(rank int, role Role, p Party) {
		out = append(out, Candidate{Role: role, Party: p, rank: rank, order: len(out)})
	}
	buyer := func(rank int) {
		add(rank, RoleBuyer, s.Buyer)
		if consignee {
			add(rank, RoleConsignee, *s.Consignee)
		}
	}
	providers := func(rank int) {
		for _, p := range s.IORProviders {
			add(rank, RoleIORProvider, p)
		}
	}
	affiliates := func(rank int) {
		for _, a := range s.Affiliates {
			add(rank, RoleAffiliate, a)
		}
	}
	if s.Incoterm.ImportPayer() == SellerSide {
		add(0, RoleSeller, s.Seller)
		affiliates(1)
		providers(2)
		buyer(3)
	} else {
		buyer(0)
		providers(1)
		add(2, RoleSeller, s.Seller)
		affiliates(3)
	}
	return out
}

// Decide chooses the importer of record: the first candidate in the
// Incoterm's order that is willing and that no blocking rule rules out,
// preferring the one with fewer actions among candidates of equal rank
// (several affiliates or providers). A shipment- or line-level blocking
// prohibition (sanctions, prohibited goods) blocks the shipment whoever
// imports. When nobody is eligible the decision says what would make
// someone eligible.
//
// Rule evaluation honours ctx: once it is cancelled or past its deadline,
// Decide returns ctx.Err() wrapped (errors.Is(err, context.Canceled)).
// No current CallOption changes a decision; they are accepted so that the
// three entry points take the same options.
func (e *Engine) Decide(ctx context.Context, s Shipment, opts ...CallOption) (Decision, error) {
	if _, err := e.callSetup(ctx, opts); err != nil {
		return Decision{}, err
	}
	if err := s.Validate(); err != nil {
		return Decision{}, err
	}
	return e.decide(ctx, s)
}

// actions are the n findings to act on: those of the shipment (the first
// len(fs)-imp) that are required or blocking but not a prohibition, then
// the chosen importer's that are required (its only actions: a blocking
// one would have ruled it out). When they are one run of fs they are that
// run, sharing its storage (as a quote shares them with its decision);
// otherwise a slice of their exact size.
func actions(fs []Finding, n, imp int) []Finding {
	if n == 0 {
		return []Finding{}
	}
	isAction := func(k int) bool {
		f := &fs[k]
		if k >= len(fs)-imp {
			return f.Severity == rules.SeverityRequired
		}
		return f.Severity == rules.SeverityRequired || f.Severity == rules.SeverityBlocking && f.Kind != rules.KindProhibition
	}
	first := 0
	for first < len(fs) && !isAction(first) {
		first++
	}
	if first+n <= len(fs) {
		run := true
		for k := first; k < first+n && run; k++ {
			run = isAction(k)
		}
		if run {
			return fs[first : first+n : first+n]
		}
	}
	out := make([]Finding, 0, n)
	for k := range fs {
		if isAction(k) {
			out = append(out, fs[k])
		}
	}
	return out
}

// actionsOf is the number of actions of candidate i (none when i < 0).
func actionsOf(cands []Candidate, i int) int {
	if i < 0 {
		return 0
	}
	return len(cands[i].Actions)
}

func (e *Engine) decide(ctx context.Context, s Shipment) (Decision, error) {
	return e.decideFor(ctx, s, false)
}

// decideForQuote is decide for a quote, which reads of the decision only
// the importer, the actions, Blocked and (when blocked or without an
// importer) the reasons: candidates ranked after the first eligible one
// cannot be chosen, so their importer rules are not run and they are left
// out of Alternatives, which a quote does not show; nor are the reasons
// of eligible candidates, or the decision's when it has an importer and
// is not blocked, written.
func (e *Engine) decideForQuote(ctx context.Context, s Shipment) (Decision, error) {
	return e.decideFor(ctx, s, true)
}

func (e *Engine) decideFor(ctx context.Context, s Shipment, forQuote bool) (Decision, error) {
	d := Decision{Actions: []Finding{}, Findings: []Finding{}, Alternatives: []Candidate{}, Reasons: []string{}}
	shipActions := 0 // shipment and line findings that are actions
	in := rules.Input{Destination: s.Destination, Date: s.Date, Shipment: &s, Lines: s.Lines}
	covered := e.book != nil && e.book.Covers(s.Destination, s.Date)
	if covered {
		// One budget for the whole decision: the shipment and line rules
		// and the importer rules of every candidate.
		in.Budget = e.book.NewBudget()
	}
	d.covered = covered
	if covered {
		// Shipment and line rules once (no importer yet: importer rules do
		// not run).
		fs, err := e.book.Evaluate(ctx, in)
		if err != nil {
			return Decision{}, evalErr(ctx, err)
		}
		if len(fs) > 0 {
			d.Findings = fs // this call's own: no copy
		}
		for _, f := range d.Findings {
			switch {
			case f.Severity == rules.SeverityBlocking && f.Kind == rules.KindProhibition:
				// A prohibition (sanctions, banned goods) stops the import
				// whoever the importer is.
				d.Blocked = true
				where := ""
				if f.Line != nil {
					where = fmt.Sprintf(" (line %d)", *f.Line)
				}
				d.Reasons = append(d.Reasons, fmt.Sprintf("blocked by %s%s: %s [%s]", f.Code, where, f.Title, f.Reference))
			case f.Severity == rules.SeverityBlocking || f.Severity == rules.SeverityRequired:
				// A blocking certification or document must be in hand
				// before the goods can be released: an action, whoever
				// imports (collected below, once the importer's are known).
				shipActions++
			}
		}
	} else {
		d.Reasons = append(d.Reasons, fmt.Sprintf("no rule pack covers %s on %s: requirements unknown, importer chosen by Incoterm and willingness only", s.Destination, s.Date))
	}
	cands := candidates(s)
	eligibleRank := -1 // the rank of the first eligible candidate
	for i := range cands {
		if err := ctx.Err(); err != nil {
			return Decision{}, stopped(err)
		}
		c := &cands[i]
		if i > 0 && eligibleRank < 0 && cands[i-1].Eligible {
			eligibleRank = cands[i-1].rank
		}
		if forQuote && eligibleRank >= 0 && c.rank > eligibleRank {
			// Candidates come in rank order and the choice never goes
			// past the first eligible one's rank (see below).
			cands = cands[:i]
			break
		}
		c.Reasons, c.Actions = []string{}, []Finding{}
		if !c.Party.Willing() {
			c.Reasons = append(c.Reasons, "does not accept import risk (accepts_import_risk: false)")
			continue
		}
		c.Eligible = true
		if !covered {
			c.Reasons = append(c.Reasons, "no requirements known for "+s.Destination)
			continue
		}
		in.Scope, in.Importer = rules.ScopeImporter, &c.Party
		fs, err := e.book.Evaluate(ctx, in)
		if err != nil {
			return Decision{}, evalErr(ctx, err)
		}
		c.findings = fs
		required := 0
		for _, f := range fs {
			if f.Severity == rules.SeverityRequired {
				required++
			}
		}
		// When every finding is an action, the actions are the findings
		// (c.findings is read, never changed, and never handed out).
		same := required > 0 && required == len(fs)
		switch {
		case same:
			c.Actions = fs
		case required > 0:
			c.Actions = make([]Finding, 0, required)
		}
		for _, f := range fs {
			switch f.Severity {
			case rules.SeverityBlocking:
				c.Eligible = false
				c.Reasons = append(c.Reasons, fmt.Sprintf("%s: %s [%s]", f.Code, f.Title, f.Reference))
			case rules.SeverityRequired:
				if !same {
					c.Actions = append(c.Actions, f)
				}
			}
		}
		if c.Eligible && !forQuote { // an eligible candidate's reasons show only in a decision
			if len(c.Actions) == 0 {
				c.Reasons = append(c.Reasons, "meets every importer requirement of the packs")
			} else {
				codes := make([]string, len(c.Actions))
				for j, a := range c.Actions {
					codes[j] = a.Code
				}
				c.Reasons = append(c.Reasons, "eligible once it completes: "+strings.Join(codes, ", "))
			}
		}
	}
	shipFindings := len(d.Findings)
	best := -1
	for i, c := range cands {
		if !c.Eligible {
			continue
		}
		if best < 0 || (c.rank == cands[best].rank && len(c.Actions) < len(cands[best].Actions)) {
			best = i
		}
		if best >= 0 && c.rank > cands[best].rank {
			break
		}
	}
	if best >= 0 {
		c := cands[best]
		d.Importer = &Importer{Role: c.Role, Party: c.Party, Basis: "decision"}
		// The shipment's findings, then the importer's (in the room
		// Evaluate leaves for them).
		d.Findings = append(d.Findings, c.findings...)
		// A quote with an importer shows the reasons only when blocked
		// (importerFromDecision).
		if !forQuote || d.Blocked {
			d.Reasons = append(d.Reasons, string(c.Role)+" "+strconv.Quote(c.Party.Name)+" imports: first eligible candidate under "+
				string(s.Incoterm)+" ("+string(s.Incoterm.ImportPayer())+" side first)")
			if c.rank > 0 {
				d.Reasons = append(d.Reasons, "preferred candidates were not eligible: see alternatives")
			}
			if side := roleSide(c.Role); side != "" && side != s.Incoterm.ImportPayer() {
				d.Reasons = append(d.Reasons, fmt.Sprintf("the %s's side imports although %s puts import clearance on the %s: agree another Incoterm (e.g. %s) or engage an importer-of-record provider",
					side, s.Incoterm, s.Incoterm.ImportPayer(), map[Side]string{BuyerSide: "DAP", SellerSide: "DDP"}[side]))
			}
		}
	} else {
		d.Reasons = append(d.Reasons, "no candidate is eligible to import into "+s.Destination)
		d.Reasons = append(d.Reasons, suggestions(s, cands)...)
	}
	d.Actions = actions(d.Findings, shipActions+actionsOf(cands, best), len(d.Findings)-shipFindings)
	// The other candidates, in their order (candidates lists them so):
	// the chosen one taken out of cands in place.
	if best >= 0 {
		copy(cands[best:], cands[best+1:])
		cands = cands[:len(cands)-1]
	}
	if len(cands) > 0 {
		d.Alternatives = cands
	}
	return d, nil
}

// roleSide is the side of the sale a role acts for: providers act for the
// side that engages them, which the Incoterm's importer side is taken to be.
func roleSide(r Role) Side {
	switch r {
	case RoleBuyer, RoleConsignee:
		return BuyerSide
	case RoleSeller, RoleAffiliate:
		return SellerSide
	}
	return ""
}

// suggestions say what would make someone eligible.
func suggestions(s Shipment, cands []Candidate) []string {
	// The blocking findings that ruled candidates out, each once, in code
	// order so the text is stable.
	blocking := map[string]Finding{}
	for _, c := range cands {
		for _, f := range c.findings {
			if f.Severity == rules.SeverityBlocking {
				blocking[f.Code] = f
			}
		}
	}
	codes := make([]string, 0, len(blocking))
	for code := range blocking {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	var out []string
	for _, code := range codes {
		out = append(out, fmt.Sprintf("to import into %s a party must satisfy %s (%s): engage a local importer-of-record provider established in %s that does, or import through a local affiliate",
			s.Destination, code, blocking[code].Title, s.Destination))
	}
	if len(s.IORProviders) == 0 {
		out = append(out, "no ior_providers were offered: add a local importer-of-record provider to the shipment")
	}
	return out
}

// evalErr is a rule evaluation's error; when the context stopped it, the
// error says so first (ctx.Err() stays reachable through errors.Is).
func evalErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return stopped(err)
	}
	return err
}
