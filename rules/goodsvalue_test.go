package rules

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

func TestGoodsValue(t *testing.T) {
	book, err := Compile(testEnv(t), mustParse(t, packWith(
		rule("AT-MOST", "shipment", "goods_value(shipment).currency == 'EUR' && goods_value(shipment).amount <= decimal('1000')")+","+
			rule("ABOVE", "shipment", "goods_value(shipment).currency == 'EUR' && goods_value(shipment).amount > decimal('1000')")+","+
			rule("UNKNOWN", "shipment", "goods_value(shipment).currency == ''"))))
	require.NoError(t, err)
	fired := func(s *tShipment) []string {
		got, err := book.Evaluate(context.Background(), Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: s})
		require.NoError(t, err)
		var ids []string
		for _, f := range got {
			ids = append(ids, f.Rule)
		}
		return ids
	}
	// Two lines of 100 items at EUR 5.00: 2 × 100 × 5.00 = 1000.00, at the threshold.
	s := testShipment(2)
	assert.Equal(t, []string{"AT-MOST"}, fired(s))
	// One more item on the second line: 100 × 5.00 + 101 × 5.00 = 1005.00.
	q, err := duty.ParseQuantity("101 item")
	require.NoError(t, err)
	s.Lines[1].Quantity = q
	assert.Equal(t, []string{"ABOVE"}, fired(s))
	// Lines in two currencies: nothing is converted, the value is unknown.
	s.Lines[1].UnitPrice = duty.MustMoney("5.00", "USD")
	assert.Equal(t, []string{"UNKNOWN"}, fired(s))
	// No lines: unknown too.
	assert.Equal(t, []string{"UNKNOWN"}, fired(testShipment(0)))
}
