package rules

import (
	"context"
	"fmt"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/require"
)

func packWith(rules string) string {
	return `{"pack": "t", "country": "DE", "version": "1", "effective": {"from": "2026-01-01"},
 "rules": [` + rules + `]}`
}

func rule(id, scope, when string) string {
	return fmt.Sprintf(`{"id": %q, "scope": %q, "when": %q,
  "finding": {"kind": "document", "code": "X", "title": "t", "severity": "info", "reference": "r"}}`, id, scope, when)
}

func TestEvaluateBasics(t *testing.T) {
	env := testEnv(t)
	p := mustParse(t, packWith(
		rule("S1", "shipment", "shipment.incoterm == 'DDP' && shipment.date == '2026-03-01'")+","+
			rule("L1", "line", "hs_prefix(line.hs, '610910') && line.unit_price.amount < decimal('10') && line.quantity.unit == 'item'")+","+
			rule("L2", "line", "line.unit_price.amount > decimal('2500')")+","+
			rule("I1", "importer", "!importer.local_entity && has_registration(importer, 'ein') && importer.accepts_import_risk == true")+","+
			rule("S2", "shipment", "shipment.consignee == null && !has(shipment.consignee) && eu_member(shipment.destination)")+","+
			rule("S3", "shipment", "shipment.lines.exists(l, l.origin == 'CN') && shipment.freight.currency == 'EUR' && hs_in('8517.13', ['85', '61'])"),
	))
	book, err := Compile(env, p)
	require.NoError(t, err)
	s := testShipment(2)
	got, err := book.Evaluate(context.Background(), Input{Destination: "DE", Date: duty.MustDate("2026-03-01"), Shipment: s, Importer: &s.Seller})
	require.NoError(t, err)
	var ids []string
	for _, f := range got {
		id := f.Rule
		if f.Line != nil {
			id += fmt.Sprint("@", *f.Line)
		}
		ids = append(ids, id)
	}
	require.Equal(t, []string{"S1", "S2", "S3", "L1@0", "L1@1", "I1"}, ids)
}
