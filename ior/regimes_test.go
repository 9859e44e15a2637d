package ior_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
)

// A gift needs private persons on both sides.
func TestGiftValidation(t *testing.T) {
	s := readShipment(t, "../examples/shipments/gb-b2c-parcel.json")
	s.Gift = true
	err := s.Validate()
	require.Error(t, err)
	assert.True(t, errors.Is(err, ior.ErrInvalidValue))
	assert.Contains(t, err.Error(), "gift")
	s.Seller.Kind, s.Seller.Registrations = ior.Consumer, nil
	assert.NoError(t, s.Validate())
}

// The shipment's gift flag and the buyer's VAT registration reach the
// GB profile: a GBP 30 gift is free of duty and VAT (nibusinessinfo.co.uk:
// gifts of GBP 39 or less); a GBP 120 consignment to a UK VAT-registered
// business is reverse-charged (GOV.UK, Charging VAT on goods sold direct
// to customers in the UK): no VAT in the quote's totals.
func TestQuoteGiftAndB2BReverseCharge(t *testing.T) {
	e := euEngine(t, ior.WithSchedule("GB", table(t, "4202.21,mfn,3%,,,2020-01-01,,UKGT 4202 21 (test)\n")))
	s := readShipment(t, "../examples/shipments/gb-b2c-parcel.json")
	s.Seller.Kind, s.Seller.Registrations, s.Gift = ior.Consumer, nil, true
	s.Lines[0].UnitPrice = duty.MustMoney("30.00", "GBP")
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	assert.True(t, q.Totals.Total.IsZero(), "a gift of 30: %s", q.Totals.Total)

	b := readShipment(t, "../examples/shipments/gb-b2c-parcel.json")
	b.Buyer.Kind, b.Buyer.VATRegistered = ior.Business, true
	q, err = e.Quote(context.Background(), b)
	require.NoError(t, err)
	// Goods 120 <= 135: no duty; VAT 20% of 132 (with freight) = 26.40,
	// accounted for by the buyer: not in the totals.
	assert.True(t, q.Totals.Tax.IsZero(), "reverse charge: %s", q.Totals.Tax)
	assert.True(t, q.Totals.Duty.IsZero(), "duty relief: %s", q.Totals.Duty)
}
