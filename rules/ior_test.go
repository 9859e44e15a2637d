package rules_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/rules"
)

// TestEmbeddedRulesOnIORTypes runs every embedded rule's cases against the
// ior shipment model, the types the Engine evaluates.
func TestEmbeddedRulesOnIORTypes(t *testing.T) {
	env, err := ior.NewRulesEnv()
	require.NoError(t, err)
	book, err := rules.CompileFS(env, rules.DefaultPacks())
	require.NoError(t, err)
	on := duty.MustDate("2026-03-01")
	for _, c := range rules.LoadCases(t) {
		t.Run(c.Rule, func(t *testing.T) {
			for _, side := range []struct {
				name  string
				patch map[string]any
				want  bool
			}{{"fires", c.Fires, true}, {"quiet", c.Quiet, false}} {
				sj, ij := rules.CaseInput(t, c.Destination, side.patch)
				var s ior.Shipment
				require.NoError(t, json.Unmarshal(sj, &s), side.name)
				var imp ior.Party
				require.NoError(t, json.Unmarshal(ij, &imp), side.name)
				got, err := book.Evaluate(context.Background(), rules.Input{Destination: c.Destination, Date: on, Shipment: &s, Importer: &imp})
				require.NoError(t, err, side.name)
				fired := false
				for _, f := range got {
					fired = fired || f.Rule == c.Rule
				}
				assert.Equal(t, side.want, fired, "%s: %s", side.name, sj)
			}
		})
	}
}

// TestIORTypesInCEL checks how the ior types read in CEL: the civil date as
// a string, named string types as strings, an absent claim_preference as
// null, money and quantities with decimal amounts.
func TestIORTypesInCEL(t *testing.T) {
	env, err := ior.NewRulesEnv()
	require.NoError(t, err)
	src := `{"pack": "t", "country": "DE", "version": "1", "effective": {"from": "2026-01-01"}, "rules": [
	 {"id": "T1", "scope": "shipment", "when": "shipment.date == '2026-03-01' && shipment.incoterm == 'DDP' && shipment.mode == 'courier' && shipment.claim_preference == null && shipment.consignee == null",
	  "finding": {"kind": "document", "code": "T", "title": "t", "severity": "info", "reference": "r"}},
	 {"id": "T2", "scope": "line", "when": "line.unit_price.amount == decimal('5') && line.unit_price.currency == 'EUR' && line.quantity.value > decimal('99.5') && line.quantity.unit == 'item'",
	  "finding": {"kind": "document", "code": "T", "title": "t", "severity": "info", "reference": "r"}},
	 {"id": "T3", "scope": "importer", "when": "importer.kind == 'business' && has_registration(importer, 'eori') && importer.accepts_import_risk == true",
	  "finding": {"kind": "document", "code": "T", "title": "t", "severity": "info", "reference": "r"}}]}`
	p, err := rules.Parse(stringsReader(src))
	require.NoError(t, err)
	book, err := rules.Compile(env, p)
	require.NoError(t, err)
	var s ior.Shipment
	require.NoError(t, json.Unmarshal([]byte(`{"id": "x", "date": "2026-03-01", "origin": "US", "destination": "DE", "incoterm": "DDP", "mode": "courier",
	 "seller": {"name": "A", "country": "US", "kind": "business", "accepts_import_risk": true, "registrations": [{"scheme": "EORI", "id": "DE1"}]},
	 "buyer": {"name": "B", "country": "DE", "kind": "consumer"},
	 "lines": [{"sku": "1", "description": "shirt", "hs": "6109.10", "origin": "CN", "quantity": {"value": "100", "unit": "item"},
	            "unit_price": {"amount": "5.00", "currency": "EUR"}, "net_weight": {"value": "2", "unit": "kg"}}],
	 "freight": {"amount": "1", "currency": "EUR"}, "insurance": {"amount": "0", "currency": "EUR"}}`), &s))
	got, err := book.Evaluate(context.Background(), rules.Input{Destination: "DE", Date: s.Date, Shipment: &s, Importer: &s.Seller})
	require.NoError(t, err)
	var ids []string
	for _, f := range got {
		ids = append(ids, f.Rule)
	}
	assert.Equal(t, []string{"T1", "T2", "T3"}, ids)
}

// TestDecideWithDefaultPacks runs the ior Engine, which evaluates the
// embedded packs by default, on the example shipment of wireless
// headphones to the US.
func TestDecideWithDefaultPacks(t *testing.T) {
	packs, err := rules.ParseFS(rules.DefaultPacks())
	require.NoError(t, err)
	eng, err := ior.NewEngine(ior.WithoutDefaultPacks(), ior.WithPacks(packs...))
	require.NoError(t, err)
	b, err := os.ReadFile("../examples/shipments/us-headphones.json")
	require.NoError(t, err)
	var s ior.Shipment
	require.NoError(t, json.Unmarshal(b, &s))
	d, err := eng.Decide(context.Background(), s)
	require.NoError(t, err)
	var fcc *rules.Finding
	for i, f := range d.Findings {
		if f.Code == "FCC" {
			fcc = &d.Findings[i]
		}
	}
	require.NotNil(t, fcc, "%+v", d.Findings)
	require.NotNil(t, fcc.Line)
	assert.Equal(t, 0, *fcc.Line)
	assert.Equal(t, rules.SeverityBlocking, fcc.Severity)
}

// TestEngineDefaultsUseEmbeddedPacks checks that an Engine with its
// defaults evaluates the embedded packs.
func TestEngineDefaultsUseEmbeddedPacks(t *testing.T) {
	eng, err := ior.NewEngine()
	require.NoError(t, err)
	b, err := os.ReadFile("../examples/shipments/us-headphones.json")
	require.NoError(t, err)
	var s ior.Shipment
	require.NoError(t, json.Unmarshal(b, &s))
	d, err := eng.Decide(context.Background(), s)
	require.NoError(t, err)
	codes := map[string]bool{}
	for _, f := range d.Findings {
		codes[f.Code] = true
	}
	assert.True(t, codes["FCC"], "%+v", d.Findings)
}
