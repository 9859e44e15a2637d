package ior_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A test pack for BR written from the facts in docs: only a Brazilian
// entity holding RADAR may import (Siscomex; a foreign exporter cannot
// clear), and goods of North Korean origin are blocked.
const brPack = `{"pack": "test-br", "country": "BR", "version": "t1", "effective": {"from": "2025-01-01"},
 "sources": [{"title": "Receita Federal, RADAR (IN RFB 1984/2020)", "url": "https://www.gov.br/receitafederal"}],
 "rules": [
  {"id": "BR-RESIDENT", "scope": "importer", "when": "!importer.local_entity",
   "finding": {"kind": "ior_restriction", "code": "RESIDENT_ONLY", "title": "Only a Brazilian entity may import", "severity": "blocking", "reference": "IN RFB 1984/2020"}},
  {"id": "BR-RADAR", "scope": "importer", "when": "importer.local_entity && !has_registration(importer, 'RADAR')",
   "finding": {"kind": "registration", "code": "RADAR", "title": "Register in RADAR (Siscomex)", "severity": "required", "reference": "IN RFB 1984/2020"}},
  {"id": "BR-KP", "scope": "line", "when": "line.origin == 'KP'",
   "finding": {"kind": "prohibition", "code": "SANCTIONS", "title": "Goods of North Korean origin", "severity": "blocking", "reference": "UNSC Res. 2397 (2017)"}}
 ]}`

func brEngine(t *testing.T) *ior.Engine {
	t.Helper()
	p, err := rules.Parse(strings.NewReader(brPack))
	require.NoError(t, err)
	e, err := ior.NewEngine(ior.WithPacks(p), ior.WithoutDefaultPacks(), ior.WithoutDefaultRates())
	require.NoError(t, err)
	return e
}

func brShipment(t *testing.T) ior.Shipment {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.Destination = "BR"
	s.Buyer.Country = "BR"
	s.IORProviders = nil
	return s
}

// DDP into a resident-only country: the seller (US, no local entity) is
// ruled out, no provider is offered, the consumer buyer is not a local
// entity in the pack's sense either: nobody is eligible, and the decision
// says what would make someone eligible.
func TestDecideNobodyEligible(t *testing.T) {
	d, err := brEngine(t).Decide(context.Background(), brShipment(t))
	require.NoError(t, err)
	assert.Nil(t, d.Importer)
	assert.False(t, d.Blocked)
	require.Len(t, d.Alternatives, 2)
	assert.Equal(t, ior.RoleSeller, d.Alternatives[0].Role)
	assert.False(t, d.Alternatives[0].Eligible)
	assert.Contains(t, d.Alternatives[0].Reasons[0], "RESIDENT_ONLY")
	assert.Contains(t, strings.Join(d.Reasons, "\n"), "engage a local importer-of-record provider established in BR")
}

// A Brazilian provider with RADAR is chosen under DDP when the seller is
// not eligible; the seller appears as an ineligible alternative.
func TestDecideProviderChosen(t *testing.T) {
	s := brShipment(t)
	s.IORProviders = []ior.Party{{Name: "Importa BR Ltda", Country: "BR", Kind: ior.Business, LocalEntity: true,
		Registrations: []ior.Registration{{Scheme: "RADAR", ID: "123"}}}}
	d, err := brEngine(t).Decide(context.Background(), s)
	require.NoError(t, err)
	require.NotNil(t, d.Importer)
	assert.Equal(t, ior.RoleIORProvider, d.Importer.Role)
	assert.Equal(t, "Importa BR Ltda", d.Importer.Party.Name)
	assert.Empty(t, d.Actions)
	assert.Equal(t, ior.RoleSeller, d.Alternatives[0].Role)
	assert.False(t, d.Alternatives[0].Eligible)
}

// A local provider without RADAR is eligible with an action to take.
func TestDecideActions(t *testing.T) {
	s := brShipment(t)
	s.IORProviders = []ior.Party{{Name: "Nova Ltda", Country: "BR", Kind: ior.Business, LocalEntity: true}}
	d, err := brEngine(t).Decide(context.Background(), s)
	require.NoError(t, err)
	require.NotNil(t, d.Importer)
	require.Len(t, d.Actions, 1)
	assert.Equal(t, "RADAR", d.Actions[0].Code)
}

// A line of North Korean origin blocks the shipment whoever imports.
func TestDecideBlocked(t *testing.T) {
	s := brShipment(t)
	s.Lines[0].Origin = "KP"
	d, err := brEngine(t).Decide(context.Background(), s)
	require.NoError(t, err)
	assert.True(t, d.Blocked)
	require.NotEmpty(t, d.Findings)
	require.NotNil(t, d.Findings[0].Line)
	assert.Equal(t, 0, *d.Findings[0].Line)
	assert.Contains(t, d.Reasons[0], "SANCTIONS (line 0)")
}

// A buyer refusing import risk under DAP is passed over for the next
// candidate.
func TestDecideBuyerRefusesRisk(t *testing.T) {
	s := brShipment(t)
	s.Incoterm = ior.DAP
	no := false
	s.Buyer = ior.Party{Name: "Loja Ltda", Country: "BR", Kind: ior.Business, LocalEntity: true, AcceptsImportRisk: &no,
		Registrations: []ior.Registration{{Scheme: "RADAR", ID: "9"}}}
	s.IORProviders = []ior.Party{{Name: "Importa BR Ltda", Country: "BR", Kind: ior.Business, LocalEntity: true,
		Registrations: []ior.Registration{{Scheme: "RADAR", ID: "123"}}}}
	d, err := brEngine(t).Decide(context.Background(), s)
	require.NoError(t, err)
	require.NotNil(t, d.Importer)
	assert.Equal(t, ior.RoleIORProvider, d.Importer.Role)
	assert.Equal(t, ior.RoleBuyer, d.Alternatives[0].Role)
	assert.Contains(t, d.Alternatives[0].Reasons[0], "does not accept import risk")
}

// When the provider imports, its fee is a fee line: 2.5% of the customs
// value 550.00 EUR is 13.75, under the EUR 150 minimum, so 150.00. The
// duty and VAT of the DE sample (66.00 + 117.04) come on top: total 333.04.
// The provider (VAT-registered business) can recover the 117.04 VAT.
func TestQuoteWithProviderFee(t *testing.T) {
	const dePack = `{"pack": "test-de", "country": "DE", "version": "t1", "effective": {"from": "2025-01-01"},
 "sources": [{"title": "UCC Art. 170(2)", "url": "https://eur-lex.europa.eu/eli/reg/2013/952/oj"}],
 "rules": [
  {"id": "EU-ESTABLISHED", "scope": "importer", "when": "importer.country != shipment.destination && !has_registration(importer, 'INDIRECT_REPRESENTATIVE')",
   "finding": {"kind": "ior_restriction", "code": "INDIRECT_REPRESENTATIVE", "title": "A declarant not established in the EU needs an indirect customs representative", "severity": "blocking", "reference": "Regulation (EU) No 952/2013, Art. 170(2)"}}
 ]}`
	p, err := rules.Parse(strings.NewReader(dePack))
	require.NoError(t, err)
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.IORProviders[0].VATRegistered = true
	e, err := ior.NewEngine(ior.WithPacks(p), ior.WithoutDefaultPacks())
	require.NoError(t, err)
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	require.NotNil(t, q.Importer)
	assert.Equal(t, ior.RoleIORProvider, q.Importer.Role)
	require.Len(t, q.Fees, 1)
	assert.Equal(t, "150.00 EUR", q.Fees[0].Amount.String())
	assert.Equal(t, "333.04 EUR", q.Totals.Total.String())
	assert.Equal(t, "333.04 EUR", q.Payers.Seller.AtImport.String())
	require.NotNil(t, q.RecoverableTax)
	assert.Equal(t, "117.04 EUR", q.RecoverableTax.String())
}

// Plan over several markets: the same goods and seller. DE has no pack (the
// Incoterm decides: the seller, DDP); BR's pack rules everyone out and the
// BR quote lacks the EUR/BRL rate (an error for that market only), GB lacks
// the EUR/GBP rate.
func TestPlan(t *testing.T) {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	e := brEngine(t)
	plans, err := e.Plan(context.Background(), s, []string{"DE", "BR", "GB", "DE"})
	require.NoError(t, err)
	require.Len(t, plans, 3)
	assert.Equal(t, "DE", plans[0].Destination)
	require.NotNil(t, plans[0].Quote)
	assert.Equal(t, "183.04 EUR", plans[0].Quote.Totals.Total.String())
	assert.True(t, plans[0].DDP)
	assert.Equal(t, "BR", plans[1].Destination)
	require.NotNil(t, plans[1].Decision)
	assert.Nil(t, plans[1].Decision.Importer)
	assert.False(t, plans[1].DDP)
	assert.ErrorIs(t, plans[1].Err, duty.ErrMissingRate) // no EUR/BRL rate given: the quote is an error, the decision stands
	assert.ErrorContains(t, plans[1].Err, "EUR/BRL")
	assert.Equal(t, "GB", plans[2].Destination)
	assert.ErrorIs(t, plans[2].Err, duty.ErrMissingRate)
	assert.ErrorContains(t, plans[2].Err, "EUR/GBP")
	_, err = e.Plan(context.Background(), s, []string{"UK"})
	require.Error(t, err)

	// In JSON an error is its code and message; read back, it is a
	// *PlanError that still matches its code.
	b, err := json.Marshal(plans[2])
	require.NoError(t, err)
	var doc struct {
		Error struct{ Code, Class, Message string } `json:"error"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	assert.Equal(t, "missing_rate", doc.Error.Code)
	assert.Equal(t, "data_not_covered", doc.Error.Class)
	assert.Equal(t, plans[2].Err.Error(), doc.Error.Message)
	var back ior.MarketPlan
	require.NoError(t, json.Unmarshal(b, &back))
	var pe *ior.PlanError
	require.ErrorAs(t, back.Err, &pe)
	assert.ErrorIs(t, back.Err, ior.CodeMissingRate)
	assert.Equal(t, ior.CodeMissingRate, ior.ErrorCodeOf(back.Err))
	assert.Equal(t, ior.ClassUncovered, ior.Classify(back.Err))
	b, err = json.Marshal(plans[0])
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"error"`)
}

func TestErrorCodeOf(t *testing.T) {
	assert.Equal(t, ior.ErrorCode(""), ior.ErrorCodeOf(nil))
	assert.Equal(t, ior.CodeCanceled, ior.ErrorCodeOf(fmt.Errorf("x: %w", context.Canceled)))
	assert.Equal(t, ior.CodeNoProfile, ior.ErrorCodeOf(&duty.NoProfileError{Country: "BR"}))
	assert.Equal(t, ior.CodeNoPack, ior.ErrorCodeOf(&rules.NoPackError{Destination: "BR"}))
	assert.Equal(t, ior.CodeRuleFailed, ior.ErrorCodeOf(&rules.EvalError{Pack: "p", Rule: "R"}))
	assert.Equal(t, ior.CodeInvalidShipment, ior.ErrorCodeOf(ior.Shipment{}.Validate()))
	assert.Equal(t, ior.CodeOther, ior.ErrorCodeOf(errors.New("x")))
}
