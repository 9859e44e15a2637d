package ior_test

import (
	"context"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
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

// A broker's fee given with the shipment is shown apart and enters the GB
// VAT base (GOV.UK, Working out the VAT value: customs clearance charges
// are incidental expenses). The parcel: a bag of GBP 150 (over GBP 135),
// freight 12, duty 3% of CIF 162 = 4.86; brokerage 2% of the goods = 3.00,
// at least GBP 10 -> 10.00; VAT 20% of (162 + 4.86 + 10) = 35.372 -> 35.37.
func TestQuoteServiceCharges(t *testing.T) {
	e := euEngine(t, ior.WithSchedule("GB", table(t, "4202.21,mfn,3%,,,2020-01-01,,UKGT 4202 21 (test)\n")))
	s := readShipment(t, "../examples/shipments/gb-b2c-parcel.json")
	s.Lines[0].UnitPrice = duty.MustMoney("150.00", "GBP")
	ten := duty.MustMoney("10", "GBP")
	s.ServiceCharges = []ior.ServiceCharge{{Code: "brokerage", Kind: duty.ServiceClearance, Percent: decimal.New(2, 0), Minimum: &ten}}
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	require.Len(t, q.Services, 1)
	assert.Equal(t, "10.00 GBP", q.Services[0].Amount.String())
	assert.Equal(t, "4.86 GBP", q.Totals.Duty.String())
	assert.Equal(t, "35.37 GBP", q.Totals.TaxAtBorder.String())
	assert.Equal(t, "40.23 GBP", q.Totals.Total.String(), "state charges only")

	s.ServiceCharges = []ior.ServiceCharge{{Code: "", Kind: "tip"}}
	err = s.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "service_charges[0].kind")
	assert.Contains(t, err.Error(), "service_charges[0].code")
}

// The port region must be a subdivision of the destination, and it reaches
// the calculator: a German parcel cannot be released in CA-ON.
func TestPortRegionValidation(t *testing.T) {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.PortRegion = "CA-ON"
	err := s.Validate()
	require.Error(t, err)
	assert.True(t, errors.Is(err, ior.ErrInvalidRegion))
	assert.Contains(t, err.Error(), "port_region")
	s.PortRegion = "DE-BY"
	assert.NoError(t, s.Validate())
}

// A line's strength (abv) with its volume reaches the GB Alcohol Duty:
// six 70 cl bottles of whisky at 40% for GBP 25 each, by post from the US
// with GBP 12 freight (CIF). Litres of pure alcohol: 4.2 l × 40% = 1.68;
// duty exceeding 22% ABV from 2026-02-01: 1.68 × GBP 33.99 = 57.1032 ->
// 57.10 (GOV.UK rates uprated by RPI 3.66%); customs duty 0% (the test
// tariff); VAT 20% × (150 + 12 + 57.10) = 43.82, at the border (alcohol
// is outside the GBP 135 arrangements).
func TestQuoteGBAlcoholDuty(t *testing.T) {
	e := euEngine(t, ior.WithSchedule("GB", table(t, "2208.30,mfn,0%,,,2020-01-01,,UKGT 2208 30 (test)\n")))
	s := readShipment(t, "../examples/shipments/gb-b2c-parcel.json")
	s.Date = duty.MustDate("2026-11-25")
	s.Lines[0].HS, s.Lines[0].Description = "2208.30", "Scotch whisky 70 cl"
	s.Lines[0].Quantity = duty.Quantity{Value: decimal.New(6, 0), Unit: duty.Item}
	s.Lines[0].UnitPrice = duty.MustMoney("25.00", "GBP")
	s.Lines[0].Quantities = []duty.Quantity{{Value: decimal.RequireFromString("4.2"), Unit: duty.Litre}}
	s.Lines[0].ABV = decimal.New(40, 0)
	require.NoError(t, s.Validate())
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	assert.Equal(t, "57.10", q.Totals.Duty.Amount().StringFixed(2))
	assert.Equal(t, "43.82", q.Totals.Tax.Amount().StringFixed(2))

	s.Lines[0].ABV = decimal.New(101, 0)
	err = s.Validate()
	require.Error(t, err)
	assert.True(t, errors.Is(err, ior.ErrInvalidValue))
	assert.Contains(t, err.Error(), "lines[0].abv")
}
