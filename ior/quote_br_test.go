package ior_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
)

// A Remessa Conforme purchase quoted through the engine: the seller's
// registration REMESSA_CONFORME reaches the calculator, the state in
// destination_region selects the ICMS rate. 10 T-shirts at EUR 4.00 +
// freight EUR 10.00 = EUR 50.00 CIF; at EUR 1 = BRL 6 and USD 1 = BRL 5:
//
//	customs value 50.00 x 6 = BRL 300.00 = USD 60.00: the band above USD 50
//	II 60% x 300.00 = 180.00, less USD 20 = BRL 100.00: 80.00
//	ICMS (São Paulo, 17%) base (300.00 + 80.00) / 0.83 = 457.831325...
//	ICMS 17% x 457.831325... = 77.831325... -> 77.83
func TestQuoteBRRemessaConforme(t *testing.T) {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.Destination, s.DestinationRegion = "BR", "BR-SP"
	s.Buyer.Country = "BR"
	s.IORProviders = nil
	s.Seller.Registrations = []ior.Registration{{Scheme: "remessa_conforme", ID: "RC-1"}}
	s.Lines[0].Quantity.Value = mustDec("10")
	s.Lines[0].UnitPrice = duty.MustMoney("4.00", "EUR")
	s.Freight = duty.MustMoney("10.00", "EUR")
	e, err := ior.NewEngine(ior.WithRates(duty.FixedRates{"EUR/BRL": mustDec("6"), "USD/BRL": mustDec("5")}))
	require.NoError(t, err)
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	assert.Equal(t, "80.00 BRL", q.Totals.Duty.String())
	assert.Equal(t, "77.83 BRL", q.Totals.Tax.String())

	// Without the registration: the simplified regime at 60%, no
	// deduction: II 180.00; ICMS (300.00 + 180.00) / 0.83 x 17% =
	// 98.313253... -> 98.31.
	s.Seller.Registrations = nil
	q, err = e.Quote(context.Background(), s)
	require.NoError(t, err)
	assert.Equal(t, "180.00 BRL", q.Totals.Duty.String())
	assert.Equal(t, "98.31 BRL", q.Totals.Tax.String())
}
