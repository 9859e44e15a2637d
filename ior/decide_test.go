package ior_test

import (
	"strings"
	"testing"

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
	e, err := ior.NewEngine(ior.WithPacks(p))
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
	d, err := brEngine(t).Decide(brShipment(t))
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
	d, err := brEngine(t).Decide(s)
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
	d, err := brEngine(t).Decide(s)
	require.NoError(t, err)
	require.NotNil(t, d.Importer)
	require.Len(t, d.Actions, 1)
	assert.Equal(t, "RADAR", d.Actions[0].Code)
}

// A line of North Korean origin blocks the shipment whoever imports.
func TestDecideBlocked(t *testing.T) {
	s := brShipment(t)
	s.Lines[0].Origin = "KP"
	d, err := brEngine(t).Decide(s)
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
	d, err := brEngine(t).Decide(s)
	require.NoError(t, err)
	require.NotNil(t, d.Importer)
	assert.Equal(t, ior.RoleIORProvider, d.Importer.Role)
	assert.Equal(t, ior.RoleBuyer, d.Alternatives[0].Role)
	assert.Contains(t, d.Alternatives[0].Reasons[0], "does not accept import risk")
}
