package ior

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/iorkit/iorkit/duty"
	"github.com/shopspring/decimal"
)

// Role is the capacity in which a party acts as importer of record.
type Role string

// Importer roles.
const (
	RoleSeller      Role = "seller"
	RoleAffiliate   Role = "affiliate"
	RoleBuyer       Role = "buyer"
	RoleConsignee   Role = "consignee"
	RoleIORProvider Role = "ior_provider"
)

// Importer is the party acting as importer of record and its role.
type Importer struct {
	Role  Role  `json:"role"`
	Party Party `json:"party"`
	// Basis says how the importer was chosen.
	Basis string `json:"basis,omitempty"`
}

// Quote is the landed cost of a shipment in its destination: customs
// value, duties, taxes and fees per line and in total, who pays what, and
// how every figure was reached.
type Quote struct {
	// ID is a SHA-256 of the shipment, the data versions and the date: the
	// same inputs always give the same id (and the same quote bytes).
	ID               string    `json:"id"`
	ShipmentID       string    `json:"shipment_id"`
	Date             duty.Date `json:"date"`
	Destination      string    `json:"destination"`
	Region           string    `json:"destination_region,omitempty"`
	Currency         string    `json:"currency"`
	ShipmentCurrency string    `json:"shipment_currency"`
	Incoterm         Incoterm  `json:"incoterm"`
	Importer         *Importer `json:"importer"`
	// Actions are what the importer still has to do before the goods can
	// clear (registrations, representatives, certificates), from Decide.
	Actions []Finding `json:"actions"`
	// Blocked is true when a prohibition (sanctions, banned goods) stops
	// the import whoever imports it; the quote is then only indicative.
	Blocked      bool                    `json:"blocked,omitempty"`
	Valuation    duty.Valuation          `json:"valuation"`
	CustomsValue duty.Money              `json:"customs_value"`
	DeMinimis    []duty.DeMinimisOutcome `json:"de_minimis"`
	Lines        []QuoteLine             `json:"lines"`
	Fees         []duty.Charge           `json:"fees"`
	// Adjustments are the declaration's rounding of totals (see
	// duty.Assessment.Adjustments); totals = lines + fees + adjustments.
	Adjustments []duty.Charge `json:"adjustments,omitempty"`
	// Services are the carrier's and broker's charges given with the
	// shipment (Shipment.ServiceCharges), apart from the state charges:
	// not in Totals, but in the VAT base where the destination's law says.
	Services []duty.Charge `json:"services,omitempty"`
	Totals   duty.Totals   `json:"totals"`
	// TotalsInShipmentCurrency converts the totals back to the shipment's
	// currency when a rate for that direction was given (absent otherwise).
	TotalsInShipmentCurrency *duty.Totals `json:"totals_in_shipment_currency,omitempty"`
	Payers                   Payers       `json:"payers"`
	FX                       []duty.FXUse `json:"fx"`
	// RecoverableTax is import VAT/GST paid at the border that the importer,
	// a business registered for VAT in the destination, can deduct: it is
	// paid but is not a cost to that importer. Absent otherwise.
	RecoverableTax *duty.Money `json:"recoverable_tax,omitempty"`
	// Range is the spread of duty and tax when lines give alternative HS
	// codes or origins: the quote itself is the expected case.
	Range      *Range `json:"range,omitempty"`
	Incomplete bool   `json:"incomplete,omitempty"`
	// Warnings lists every figure used beyond what its data asserts, with
	// a stable code (duty.SampleTariff, duty.StaleData...; see
	// docs/data.md). A quote with no warning is one iorkit stands behind.
	// With the Strict option (or WithStrict) such a quote is a
	// *duty.StrictError instead.
	Warnings []duty.Warning `json:"warnings"`
	Notes    []string       `json:"notes,omitempty"`
	Data     string         `json:"data"`
	Trace    []duty.Step    `json:"trace"`
}

// QuoteLine is one line of a quote.
type QuoteLine struct {
	Index        int           `json:"index"`
	SKU          string        `json:"sku"`
	Description  string        `json:"description"`
	HS           string        `json:"hs"`
	Origin       string        `json:"origin"`
	Value        duty.Money    `json:"value"`
	CustomsValue duty.Money    `json:"customs_value"`
	Duties       []duty.Charge `json:"duties"`
	Taxes        []duty.Charge `json:"taxes"`
	Duty         duty.Money    `json:"duty"`
	Tax          duty.Money    `json:"tax"`
	Calculable   bool          `json:"calculable"`
	Reason       string        `json:"reason,omitempty"`
}

// Payers is what each side of the sale pays or collects, in the quote's
// currency: JSON {"seller": {"at_import", "at_sale", "charges"},
// "buyer": {...}}.
type Payers struct {
	Seller Payer `json:"seller"`
	Buyer  Payer `json:"buyer"`
}

// Of returns what side pays (the buyer's for any side but SellerSide).
func (p Payers) Of(side Side) Payer {
	if side == SellerSide {
		return p.Seller
	}
	return p.Buyer
}

// of is Of for changing the side's payer.
func (p *Payers) of(side Side) *Payer {
	if side == SellerSide {
		return &p.Seller
	}
	return &p.Buyer
}

// Payer is what one side of the sale pays or collects under the Incoterm.
type Payer struct {
	// AtImport is what this side pays to clear the goods (duty, border tax,
	// fees, an IOR provider's fee).
	AtImport duty.Money `json:"at_import"`
	// AtSale is tax this side collects from the buyer at the sale and
	// remits (IOSS, UK VAT, AU GST, VOEC...): the seller's, or zero.
	AtSale duty.Money `json:"at_sale"`
	// Charges names each charge this side pays or collects ("line 0 MFN",
	// "line 0 VAT collected at sale", "MPF"); the amounts are on the lines.
	Charges []string `json:"charges"`
}

// Quote computes the landed cost of the shipment in its destination. The
// shipment is validated first; what the engine cannot know (an HS code
// missing from the schedule, an exchange rate not given, a date outside the
// data) is an error naming the line and the missing thing, unless the
// call has the Partial option.
//
// ctx reaches rule evaluation and the per-line work: once it is cancelled
// or past its deadline, Quote returns ctx.Err() wrapped
// (errors.Is(err, context.Canceled)) within one line's work.
func (e *Engine) Quote(ctx context.Context, s Shipment, opts ...CallOption) (Quote, error) {
	cfg, err := e.callSetup(ctx, opts)
	if err != nil {
		return Quote{}, err
	}
	if err := s.Validate(); err != nil {
		return Quote{}, err
	}
	if s.hasAlternatives() {
		return e.quoteRange(ctx, cfg, s)
	}
	d, err := e.decideForQuote(ctx, s)
	if err != nil {
		return Quote{}, err
	}
	return e.quoteWith(ctx, cfg, s, d)
}

// quoteWith prices the shipment for the decision d.
func (e *Engine) quoteWith(ctx context.Context, cfg callConfig, s Shipment, d Decision) (Quote, error) {
	imp, notes := importerFromDecision(s, d)
	q, err := e.quote(ctx, cfg, s, imp, notes)
	if err != nil {
		return Quote{}, err
	}
	q.Actions, q.Blocked = d.Actions, d.Blocked
	return q, nil
}

func (e *Engine) quote(ctx context.Context, cfg callConfig, s Shipment, imp *Importer, notes []string) (Quote, error) {
	sc := entryScratches.Get().(*entryScratch)
	a, err := e.calc.Calculate(ctx, entryOf(s, sc), cfg.calcOptions()...)
	sc.release()
	if err != nil {
		if ctx.Err() != nil {
			return Quote{}, stopped(err)
		}
		return Quote{}, err
	}
	q := Quote{
		ShipmentID: s.ID, Date: s.Date, Destination: s.Destination, Region: s.DestinationRegion,
		Currency: a.Currency, ShipmentCurrency: s.Currency(), Incoterm: s.Incoterm, Importer: imp,
		Valuation: a.Valuation, CustomsValue: a.CustomsValue, DeMinimis: a.DeMinimis, Fees: a.Fees, Adjustments: a.Adjustments, Services: a.Services,
		Totals: a.Totals, FX: a.FX, Incomplete: a.Incomplete, Warnings: a.Warnings, Notes: notes, Data: e.dataLabel(), Trace: a.Trace,
	}
	q.Lines = make([]QuoteLine, 0, len(a.Lines))
	for i := range a.Lines {
		l, sl := &a.Lines[i], &s.Lines[i] // in place: large structs
		q.Lines = append(q.Lines, QuoteLine{Index: i, SKU: sl.SKU, Description: sl.Description, HS: l.HS, Origin: l.Origin,
			Value: l.Value, CustomsValue: l.CustomsValue, Duties: l.Duties, Taxes: l.Taxes, Duty: l.Duty, Tax: l.Tax,
			Calculable: l.Calculable, Reason: l.Reason})
	}
	side := s.Incoterm.ImportPayer()
	if imp != nil {
		if rs := roleSide(imp.Role); rs != "" && rs != side {
			// The importer pays at import; the Incoterm's side may owe it
			// back under the contract, which a quote cannot settle.
			q.Notes = append(q.Notes, fmt.Sprintf("the importer (%s) pays the import charges although %s puts them on the %s", imp.Role, s.Incoterm, side))
			side = rs
		}
	}
	if q.Payers, err = payers(side, a); err != nil {
		return Quote{}, err
	}
	if err := e.providerFee(&q, imp); err != nil {
		return Quote{}, err
	}
	if imp != nil && imp.Party.Kind == Business && imp.Party.VATRegistered && q.Totals.TaxAtBorder.IsPositive() {
		r := q.Totals.TaxAtBorder
		q.RecoverableTax = &r
		q.Notes = append(q.Notes, fmt.Sprintf("import tax %s is recoverable by %s, a VAT-registered business importer: paid, but not a cost", r, imp.Party.Name))
	}
	if a.Incomplete {
		q.Notes = append(q.Notes, "incomplete: some lines could not be assessed; their charges are not in the totals")
	}
	// Back into the shipment's currency last, so every fee is in.
	if q.ShipmentCurrency != q.Currency && e.rates != nil {
		if t, ok := convertTotals(q.Totals, q.ShipmentCurrency, duty.RatesFor(e.rates, s.Destination), s.Date); ok {
			q.TotalsInShipmentCurrency = &t.Totals
			day := t.info.Day
			if day.IsZero() {
				day = s.Date
			}
			q.FX = append(q.FX, duty.FXUse{From: q.Currency, To: q.ShipmentCurrency, Rate: t.info.Rate.String(), Date: day, Source: t.info.Source})
			if t.info.Caveat != "" {
				msg := t.info.Note
				if msg == "" {
					msg = "exchange rate " + q.Currency + "/" + q.ShipmentCurrency + " of " + day.String() + " used for the totals in the shipment's currency"
				}
				q.Warnings = append(q.Warnings, duty.Warning{Code: t.info.Caveat, Message: msg, Subject: q.Currency + "/" + q.ShipmentCurrency, Edition: day.String()})
			}
		}
	}
	if q.Warnings == nil {
		q.Warnings = []duty.Warning{}
	}
	if (cfg.strict || e.strict) && len(q.Warnings) > 0 {
		return Quote{}, &duty.StrictError{Warnings: q.Warnings}
	}
	q.ID, err = quoteID(&s, q.Data, q.FX, cfg)
	if err != nil {
		return Quote{}, err
	}
	return q, nil
}

// providerFee adds an IOR provider's fee (percent of the customs value,
// with its minimum) as a fee line when a provider imports.
func (e *Engine) providerFee(q *Quote, imp *Importer) error {
	if imp == nil || imp.Role != RoleIORProvider || imp.Party.Fee == nil {
		return nil
	}
	f := imp.Party.Fee
	amt := q.CustomsValue.Mul(f.Percent).Mul(decimal.New(1, -2))
	rate := f.Percent.String() + "%"
	note := ""
	if f.Minimum != nil {
		mn, _, err := duty.Convert(*f.Minimum, q.Currency, duty.RatesFor(e.rates, q.Destination), q.Date)
		if err != nil {
			return fmt.Errorf("ior: IOR provider %s fee minimum: %w", imp.Party.Name, err)
		}
		rate += " min " + f.Minimum.String()
		if amt.Amount().LessThan(mn.Amount()) {
			amt, note = mn, "minimum applies"
		}
	}
	amt = amt.Round()
	q.Fees = append(q.Fees, duty.Charge{Kind: "fee", Code: "IOR_PROVIDER", Name: "Importer-of-record service (" + imp.Party.Name + ")",
		Rate: rate, Base: q.CustomsValue, Amount: amt, Source: "the provider's offer (shipment ior_providers fee)",
		Collection: duty.AtBorder, Note: note})
	var err error
	if q.Totals.Fees, err = q.Totals.Fees.Add(amt); err != nil {
		return fmt.Errorf("ior: IOR provider fee: %w", err)
	}
	if q.Totals.Total, err = q.Totals.Total.Add(amt); err != nil {
		return fmt.Errorf("ior: IOR provider fee: %w", err)
	}
	// A provider acts for the side the Incoterm names.
	p := q.Payers.of(q.Incoterm.ImportPayer())
	if p.AtImport, err = p.AtImport.Add(amt); err != nil {
		return fmt.Errorf("ior: IOR provider fee: %w", err)
	}
	p.Charges = append(p.Charges, "IOR_PROVIDER")
	if len(q.Trace) == cap(q.Trace) {
		// The assessment's trace is sized to its own steps: one more
		// without append's doubling.
		q.Trace = append(make([]duty.Step, 0, len(q.Trace)+1), q.Trace...)
	}
	q.Trace = append(q.Trace, duty.Step{Step: "fee", What: "importer-of-record provider fee", Rate: rate, Base: q.CustomsValue, Amount: amt, Source: imp.Party.Name})
	return nil
}

type rated struct {
	duty.Totals
	info duty.RateInfo
}

func convertTotals(t duty.Totals, to string, rates duty.Rates, on duty.Date) (rated, bool) {
	var out rated
	var err error
	if _, out.info, err = duty.ConvertInfo(t.Total, to, rates, on); err != nil {
		return rated{}, false
	}
	conv := func(m duty.Money) (duty.Money, bool) {
		v, err := duty.NewMoney(m.Amount().Mul(out.info.Rate), to)
		if err != nil {
			return duty.Money{}, false
		}
		return v.Round(), true
	}
	var ok bool
	for _, p := range []struct{ src, dst *duty.Money }{
		{&t.Duty, &out.Duty}, {&t.Tax, &out.Tax}, {&t.TaxAtBorder, &out.TaxAtBorder}, {&t.TaxAtSale, &out.TaxAtSale},
		{&t.Fees, &out.Fees}, {&t.Total, &out.Total},
	} {
		if *p.dst, ok = conv(*p.src); !ok {
			return rated{}, false
		}
	}
	return out, true
}

// payers splits the assessment between seller and buyer: importSide pays
// every import charge (the Incoterm's side: the seller under DDP, the buyer
// otherwise, unless the decision made the other side the importer). Tax
// collected at the point of sale is collected by the seller (or its
// marketplace) from the buyer in the price, whatever the rule.
func payers(importSide Side, a duty.Assessment) (Payers, error) {
	zero, err := duty.Zero(a.Currency)
	if err != nil {
		return Payers{}, fmt.Errorf("ior: payers: %w", err)
	}
	n := 2*len(a.Lines) + len(a.Fees) // a duty and a tax a line, the fees
	p := Payers{
		Seller: Payer{AtImport: zero, AtSale: a.Totals.TaxAtSale, Charges: make([]string, 0, n)},
		Buyer:  Payer{AtImport: zero, AtSale: zero, Charges: []string{}},
	}
	seller, imp := &p.Seller, p.of(importSide)
	// What is paid at import is every border charge: the totals' duty, tax
	// at the border and fees (declaration adjustments included in them).
	if imp.AtImport, err = duty.Sum(a.Totals.Duty, a.Totals.TaxAtBorder, a.Totals.Fees); err != nil {
		return Payers{}, fmt.Errorf("ior: payers: %w", err)
	}
	// The names of the line charges ("line 0 MFN") are written into one
	// buffer and become substrings of one string: one allocation, not one
	// a charge.
	type name struct {
		to         *Payer
		start, end int
	}
	// Both lists start on the stack, enough for a cart of about 16 lines.
	var nameArr [32]name
	var bufArr [384]byte
	names, buf := nameArr[:0], bufArr[:0]
	for li := range a.Lines {
		l := &a.Lines[li] // in place: lines and charges are large structs
		for di := range l.Duties {
			d := &l.Duties[di]
			if d.Collection == duty.AtBorder {
				start := len(buf)
				buf = append(strconv.AppendInt(append(buf, "line "...), int64(l.Index), 10), ' ')
				buf = append(buf, d.Code...)
				names = append(names, name{imp, start, len(buf)})
			}
		}
		for ti := range l.Taxes {
			t := &l.Taxes[ti]
			if t.Collection != duty.AtBorder && t.Collection != duty.AtSale {
				continue
			}
			start := len(buf)
			buf = append(strconv.AppendInt(append(buf, "line "...), int64(l.Index), 10), ' ')
			buf = append(buf, t.Code...)
			to := imp
			if t.Collection == duty.AtSale {
				buf, to = append(buf, " collected at sale"...), seller
			}
			names = append(names, name{to, start, len(buf)})
		}
	}
	all := string(buf)
	for _, n := range names {
		n.to.Charges = append(n.to.Charges, all[n.start:n.end])
	}
	for _, f := range a.Fees {
		if f.Collection == duty.AtBorder {
			imp.Charges = append(imp.Charges, f.Code)
		}
	}
	for _, x := range a.Adjustments {
		imp.Charges = append(imp.Charges, x.Code)
	}
	return p, nil
}

// importerFromDecision names the importer of record for the quote: the
// decision's when rule packs cover the destination, else the Incoterm's
// (the seller under DDP, the buyer under the other rules), said so in the
// notes.
func importerFromDecision(s Shipment, d Decision) (*Importer, []string) {
	if d.covered {
		var notes []string
		if d.Blocked {
			notes = append(notes, "blocked: "+strings.Join(d.Reasons, "; "))
		}
		if d.Importer == nil {
			notes = append(notes, "no eligible importer of record: "+strings.Join(d.Reasons, "; "))
		}
		return d.Importer, notes
	}
	if s.Incoterm.ImportPayer() == SellerSide {
		return &Importer{Role: RoleSeller, Party: s.Seller, Basis: "incoterm " + string(s.Incoterm)},
			[]string{"importer of record taken from the Incoterm (DDP: the seller): no rule pack covers " + s.Destination}
	}
	return &Importer{Role: RoleBuyer, Party: s.Buyer, Basis: "incoterm " + string(s.Incoterm)},
		[]string{"importer of record taken from the Incoterm (" + string(s.Incoterm) + ": the buyer): no rule pack covers " + s.Destination}
}
