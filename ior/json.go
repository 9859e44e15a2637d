package ior

import (
	"errors"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/jsonw"
)

// The JSON of a quote, a decision and a plan is written by hand into one
// buffer: the bytes encoding/json writes from the fields and their tags
// (field order, omitempty, null for nil slices and pointers, HTML
// characters escaped), without reflection and without the validation
// and copy encoding/json makes of the output of every MarshalJSON (of
// each amount, date and trace step). json_test.go holds the encoders to
// encoding/json on random values of every type and with every field set,
// so a field added to a type and not here fails the test.
//
// Quote and Decision have AppendJSON but no MarshalJSON on purpose:
// json.Marshal validates and compacts whatever a MarshalJSON returns, and
// over a whole quote that pass alone costs more than encoding it by
// reflection (docs/benchmarks.md), so json.Marshal(q) stays as fast as
// it was and callers who want the fast path call AppendJSON.

// AppendJSON appends to b the JSON of q: the bytes json.Marshal(q)
// gives, about five times faster and in one allocation at most.
func (q Quote) AppendJSON(b []byte) []byte {
	return appendQuote(grow(b, quoteSize(&q)), &q)
}

// AppendJSON appends to b the JSON of d: the bytes json.Marshal(d)
// gives.
func (d Decision) AppendJSON(b []byte) []byte { return appendDecision(b, &d) }

// AppendJSON appends to b the JSON of m: the bytes MarshalJSON gives.
func (m MarketPlan) AppendJSON(b []byte) []byte {
	n := 512
	if m.Quote != nil {
		n += quoteSize(m.Quote)
	}
	return appendMarketPlan(grow(b, n), &m)
}

// grow returns b with room for n more bytes: at least twice its
// capacity when it must move, so that appending many plans stays linear.
func grow(b []byte, n int) []byte {
	if cap(b)-len(b) >= n {
		return b
	}
	return append(make([]byte, 0, max(len(b)+n, 2*cap(b))), b...)
}

// quoteSize estimates the length of a quote's JSON, so that its buffer
// grows once at most.
func quoteSize(q *Quote) int {
	// about 0.9 KB a line, 0.25 KB a trace step, 0.7 KB a finding (a
	// 10-line quote of the benchmarks: 28 KB)
	n := 2048 + 900*len(q.Lines) + 256*len(q.Trace) + 700*len(q.Actions) + 400*(len(q.DeMinimis)+len(q.Fees)+len(q.Warnings))
	if q.Range != nil {
		n += 1024
	}
	return n
}

func appendStrings(b []byte, ss []string) []byte { return jsonw.Strings(b, ss) }

func appendQuote(b []byte, q *Quote) []byte {
	b = append(b, `{"id":`...)
	b = jsonw.String(b, q.ID)
	b = append(b, `,"shipment_id":`...)
	b = jsonw.String(b, q.ShipmentID)
	b = append(b, `,"date":`...)
	b = q.Date.AppendJSON(b)
	b = append(b, `,"destination":`...)
	b = jsonw.String(b, q.Destination)
	if q.Region != "" {
		b = append(b, `,"destination_region":`...)
		b = jsonw.String(b, q.Region)
	}
	b = append(b, `,"currency":`...)
	b = jsonw.String(b, q.Currency)
	b = append(b, `,"shipment_currency":`...)
	b = jsonw.String(b, q.ShipmentCurrency)
	b = append(b, `,"incoterm":`...)
	b = jsonw.String(b, string(q.Incoterm))
	b = append(b, `,"importer":`...)
	b = appendImporter(b, q.Importer)
	b = append(b, `,"actions":`...)
	b = jsonw.Slice(b, q.Actions, appendFinding)
	if q.Blocked {
		b = append(b, `,"blocked":true`...)
	}
	b = append(b, `,"valuation":`...)
	b = jsonw.String(b, string(q.Valuation))
	b = append(b, `,"customs_value":`...)
	b = q.CustomsValue.AppendJSON(b)
	b = append(b, `,"de_minimis":`...)
	b = jsonw.Slice(b, q.DeMinimis, func(b []byte, o *duty.DeMinimisOutcome) []byte { return o.AppendJSON(b) })
	b = append(b, `,"lines":`...)
	b = jsonw.Slice(b, q.Lines, appendQuoteLine)
	b = append(b, `,"fees":`...)
	b = jsonw.Slice(b, q.Fees, appendCharge)
	if len(q.Adjustments) > 0 {
		b = append(b, `,"adjustments":`...)
		b = jsonw.Slice(b, q.Adjustments, appendCharge)
	}
	if len(q.Services) > 0 {
		b = append(b, `,"services":`...)
		b = jsonw.Slice(b, q.Services, appendCharge)
	}
	b = append(b, `,"totals":`...)
	b = q.Totals.AppendJSON(b)
	if q.TotalsInShipmentCurrency != nil {
		b = append(b, `,"totals_in_shipment_currency":`...)
		b = q.TotalsInShipmentCurrency.AppendJSON(b)
	}
	b = append(b, `,"payers":{"seller":`...)
	b = appendPayer(b, &q.Payers.Seller)
	b = append(b, `,"buyer":`...)
	b = appendPayer(b, &q.Payers.Buyer)
	b = append(b, `},"fx":`...)
	b = jsonw.Slice(b, q.FX, func(b []byte, f *duty.FXUse) []byte { return f.AppendJSON(b) })
	if q.RecoverableTax != nil {
		b = append(b, `,"recoverable_tax":`...)
		b = q.RecoverableTax.AppendJSON(b)
	}
	if q.Range != nil {
		b = append(b, `,"range":`...)
		b = appendRange(b, q.Range)
	}
	if q.Incomplete {
		b = append(b, `,"incomplete":true`...)
	}
	b = append(b, `,"warnings":`...)
	b = jsonw.Slice(b, q.Warnings, func(b []byte, w *duty.Warning) []byte { return w.AppendJSON(b) })
	if len(q.Notes) > 0 {
		b = append(b, `,"notes":`...)
		b = appendStrings(b, q.Notes)
	}
	b = append(b, `,"data":`...)
	b = jsonw.String(b, q.Data)
	b = append(b, `,"trace":`...)
	b = jsonw.Slice(b, q.Trace, func(b []byte, s *duty.Step) []byte { return s.AppendJSON(b) })
	return append(b, '}')
}

func appendCharge(b []byte, c *duty.Charge) []byte { return c.AppendJSON(b) }

func appendQuoteLine(b []byte, l *QuoteLine) []byte {
	b = append(b, `{"index":`...)
	b = jsonw.Int(b, l.Index)
	b = append(b, `,"sku":`...)
	b = jsonw.String(b, l.SKU)
	b = append(b, `,"description":`...)
	b = jsonw.String(b, l.Description)
	b = append(b, `,"hs":`...)
	b = jsonw.String(b, l.HS)
	b = append(b, `,"origin":`...)
	b = jsonw.String(b, l.Origin)
	b = append(b, `,"value":`...)
	b = l.Value.AppendJSON(b)
	b = append(b, `,"customs_value":`...)
	b = l.CustomsValue.AppendJSON(b)
	b = append(b, `,"duties":`...)
	b = jsonw.Slice(b, l.Duties, appendCharge)
	b = append(b, `,"taxes":`...)
	b = jsonw.Slice(b, l.Taxes, appendCharge)
	b = append(b, `,"duty":`...)
	b = l.Duty.AppendJSON(b)
	b = append(b, `,"tax":`...)
	b = l.Tax.AppendJSON(b)
	b = append(b, `,"calculable":`...)
	b = jsonw.Bool(b, l.Calculable)
	if l.Reason != "" {
		b = append(b, `,"reason":`...)
		b = jsonw.String(b, l.Reason)
	}
	return append(b, '}')
}

func appendPayer(b []byte, p *Payer) []byte {
	b = append(b, `{"at_import":`...)
	b = p.AtImport.AppendJSON(b)
	b = append(b, `,"at_sale":`...)
	b = p.AtSale.AppendJSON(b)
	b = append(b, `,"charges":`...)
	b = appendStrings(b, p.Charges)
	return append(b, '}')
}

func appendImporter(b []byte, imp *Importer) []byte {
	if imp == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"role":`...)
	b = jsonw.String(b, string(imp.Role))
	b = append(b, `,"party":`...)
	b = appendParty(b, &imp.Party)
	if imp.Basis != "" {
		b = append(b, `,"basis":`...)
		b = jsonw.String(b, imp.Basis)
	}
	return append(b, '}')
}

func appendParty(b []byte, p *Party) []byte {
	b = append(b, `{"name":`...)
	b = jsonw.String(b, p.Name)
	b = append(b, `,"country":`...)
	b = jsonw.String(b, p.Country)
	if p.Region != "" {
		b = append(b, `,"region":`...)
		b = jsonw.String(b, p.Region)
	}
	b = append(b, `,"kind":`...)
	b = jsonw.String(b, string(p.Kind))
	b = append(b, `,"local_entity":`...)
	b = jsonw.Bool(b, p.LocalEntity)
	b = append(b, `,"vat_registered":`...)
	b = jsonw.Bool(b, p.VATRegistered)
	if p.AcceptsImportRisk != nil {
		b = append(b, `,"accepts_import_risk":`...)
		b = jsonw.Bool(b, *p.AcceptsImportRisk)
	}
	if len(p.Registrations) > 0 {
		b = append(b, `,"registrations":`...)
		b = jsonw.Slice(b, p.Registrations, func(b []byte, r *Registration) []byte {
			b = append(b, `{"scheme":`...)
			b = jsonw.String(b, r.Scheme)
			b = append(b, `,"id":`...)
			b = jsonw.String(b, r.ID)
			return append(b, '}')
		})
	}
	if p.Fee != nil {
		b = append(b, `,"fee":{"percent":`...)
		// encoding/json writes what Decimal.MarshalJSON returns, which
		// never fails; it is called so that its format stays its own.
		pc, _ := p.Fee.Percent.MarshalJSON()
		b = append(b, pc...)
		if p.Fee.Minimum != nil {
			b = append(b, `,"minimum":`...)
			b = p.Fee.Minimum.AppendJSON(b)
		}
		b = append(b, '}')
	}
	return append(b, '}')
}

func appendFinding(b []byte, f *Finding) []byte {
	b = append(b, `{"rule":`...)
	b = jsonw.String(b, f.Rule)
	b = append(b, `,"kind":`...)
	b = jsonw.String(b, string(f.Kind))
	b = append(b, `,"code":`...)
	b = jsonw.String(b, f.Code)
	b = append(b, `,"title":`...)
	b = jsonw.String(b, f.Title)
	if f.Detail != "" {
		b = append(b, `,"detail":`...)
		b = jsonw.String(b, f.Detail)
	}
	b = append(b, `,"severity":`...)
	b = jsonw.String(b, string(f.Severity))
	b = append(b, `,"reference":`...)
	b = jsonw.String(b, f.Reference)
	if f.Line != nil {
		b = append(b, `,"line":`...)
		b = jsonw.Int(b, *f.Line)
	}
	return append(b, '}')
}

func appendRange(b []byte, r *Range) []byte {
	b = append(b, `{"min":`...)
	b = appendScenario(b, &r.Min)
	b = append(b, `,"expected":`...)
	b = appendScenario(b, &r.Expected)
	b = append(b, `,"max":`...)
	b = appendScenario(b, &r.Max)
	if len(r.Unpriced) > 0 {
		b = append(b, `,"unpriced":`...)
		b = jsonw.Slice(b, r.Unpriced, appendChoice)
	}
	return append(b, '}')
}

func appendScenario(b []byte, s *Scenario) []byte {
	b = append(b, `{"duty":`...)
	b = s.Duty.AppendJSON(b)
	b = append(b, `,"tax":`...)
	b = s.Tax.AppendJSON(b)
	b = append(b, `,"fees":`...)
	b = s.Fees.AppendJSON(b)
	b = append(b, `,"total":`...)
	b = s.Total.AppendJSON(b)
	b = append(b, `,"choices":`...)
	b = jsonw.Slice(b, s.Choices, appendChoice)
	return append(b, '}')
}

func appendChoice(b []byte, c *Choice) []byte {
	b = append(b, `{"line":`...)
	b = jsonw.Int(b, c.Line)
	b = append(b, `,"hs":`...)
	b = jsonw.String(b, c.HS)
	b = append(b, `,"origin":`...)
	b = jsonw.String(b, c.Origin)
	if c.Reason != "" {
		b = append(b, `,"reason":`...)
		b = jsonw.String(b, c.Reason)
	}
	return append(b, '}')
}

func appendDecision(b []byte, d *Decision) []byte {
	b = append(b, `{"importer":`...)
	b = appendImporter(b, d.Importer)
	b = append(b, `,"blocked":`...)
	b = jsonw.Bool(b, d.Blocked)
	b = append(b, `,"actions":`...)
	b = jsonw.Slice(b, d.Actions, appendFinding)
	b = append(b, `,"findings":`...)
	b = jsonw.Slice(b, d.Findings, appendFinding)
	b = append(b, `,"alternatives":`...)
	b = jsonw.Slice(b, d.Alternatives, appendCandidate)
	b = append(b, `,"reasons":`...)
	b = appendStrings(b, d.Reasons)
	return append(b, '}')
}

func appendCandidate(b []byte, c *Candidate) []byte {
	b = append(b, `{"role":`...)
	b = jsonw.String(b, string(c.Role))
	b = append(b, `,"party":`...)
	b = appendParty(b, &c.Party)
	b = append(b, `,"eligible":`...)
	b = jsonw.Bool(b, c.Eligible)
	b = append(b, `,"reasons":`...)
	b = appendStrings(b, c.Reasons)
	b = append(b, `,"actions":`...)
	b = jsonw.Slice(b, c.Actions, appendFinding)
	return append(b, '}')
}

// appendMarketPlan writes a plan entry, Err as {"code", "class",
// "message"} under "error".
func appendMarketPlan(b []byte, m *MarketPlan) []byte {
	b = append(b, `{"destination":`...)
	b = jsonw.String(b, m.Destination)
	if m.Decision != nil {
		b = append(b, `,"decision":`...)
		b = appendDecision(b, m.Decision)
	}
	if m.Quote != nil {
		b = append(b, `,"quote":`...)
		b = appendQuote(b, m.Quote)
	}
	b = append(b, `,"ddp_by_seller":`...)
	b = jsonw.Bool(b, m.DDP)
	if pe := planError(m.Err); pe != nil {
		b = append(b, `,"error":{"code":`...)
		b = jsonw.String(b, string(pe.Code))
		b = append(b, `,"class":`...)
		b = jsonw.String(b, string(pe.Class))
		b = append(b, `,"message":`...)
		b = jsonw.String(b, pe.Message)
		b = append(b, '}')
	}
	return append(b, '}')
}

// planError is err as its code, class and message (nil for nil).
func planError(err error) *PlanError {
	if err == nil {
		return nil
	}
	var pe *PlanError
	if !errors.As(err, &pe) {
		pe = &PlanError{Code: ErrorCodeOf(err), Class: Classify(err), Message: err.Error()}
	}
	return pe
}
