package ior_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/iorkit/iorkit/ior"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func shipmentJSON(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../examples/shipments/de-tshirts.json")
	require.NoError(t, err)
	return string(b)
}

// A misspelt freight key used to be dropped: the quote came out lower and
// looked right. Every unknown key is now an error naming it.
func TestShipmentJSONUnknownField(t *testing.T) {
	src := shipmentJSON(t)
	for _, c := range []struct{ from, to, path string }{
		{`"freight"`, `"frieght"`, "frieght"},
		{`"sku"`, `"skew"`, "lines[0].skew"},
		{`"freight": {"amount": "50.00", "currency": "EUR"}`, `"freight": {"amount": "50.00", "currency": "EUR", "x": 1}`, "freight"},
	} {
		in := strings.Replace(src, c.from, c.to, 1)
		require.NotEqual(t, src, in, c.from)
		var s ior.Shipment
		err := json.Unmarshal([]byte(in), &s)
		require.Error(t, err, c.to)
		var fe *ior.FieldError
		require.True(t, errors.As(err, &fe), "%v", err)
		assert.Equal(t, c.path, fe.Path, "%v", err)
		_, err = ior.ReadShipment(strings.NewReader(in))
		require.True(t, errors.As(err, &fe), "%v", err)
		assert.Equal(t, c.path, fe.Path)
	}
	var s ior.Shipment
	err := json.Unmarshal([]byte(strings.Replace(src, `"freight"`, `"frieght"`, 1)), &s)
	assert.ErrorIs(t, err, ior.ErrUnknownField)
	assert.Contains(t, err.Error(), "frieght")
}

func TestReadShipment(t *testing.T) {
	src := shipmentJSON(t)
	s, err := ior.ReadShipment(strings.NewReader(src))
	require.NoError(t, err)
	assert.Equal(t, "DE", s.Destination)

	// Data after the document.
	_, err = ior.ReadShipment(strings.NewReader(src + `{"id":"second"}`))
	require.Error(t, err)
	// An endless input ends at the limit.
	_, err = ior.ReadShipment(io.MultiReader(strings.NewReader(`{"id":"`), testkit.Endless('x')))
	assert.ErrorIs(t, err, duty.ErrInputLimit)
	// A string over MaxStringBytes.
	long := strings.Repeat("x", ior.MaxStringBytes+1)
	_, err = ior.ReadShipment(strings.NewReader(strings.Replace(src, `"Cotton T-shirt"`, `"`+long+`"`, 1)))
	var le *duty.LimitError
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, "lines[0].description", le.What)
}

func TestValidateBoundsAndQuantities(t *testing.T) {
	base := readShipment(t, "../examples/shipments/de-tshirts.json")
	require.NoError(t, base.Validate())
	long := strings.Repeat("é", ior.MaxStringBytes) // 2 bytes each
	kg := func(v string) duty.Quantity {
		q, err := duty.ParseQuantity(v + " kg")
		require.NoError(t, err)
		return q
	}
	for _, c := range []struct {
		name   string
		change func(s *ior.Shipment)
		path   string
		err    error
	}{
		{"long description", func(s *ior.Shipment) { s.Lines[0].Description = long }, "lines[0].description", ior.ErrTooLong},
		{"long sku", func(s *ior.Shipment) { s.Lines[0].SKU = long }, "lines[0].sku", ior.ErrTooLong},
		{"long id", func(s *ior.Shipment) { s.ID = long }, "id", ior.ErrTooLong},
		{"long seller name", func(s *ior.Shipment) { s.Seller.Name = long }, "seller.name", ior.ErrTooLong},
		{"long hs", func(s *ior.Shipment) { s.Lines[0].HS = strings.Repeat("1", 2000) }, "lines[0].hs", ior.ErrTooLong},
		{"many registrations", func(s *ior.Shipment) {
			s.Seller.Registrations = make([]ior.Registration, ior.MaxListItems+1)
			for i := range s.Seller.Registrations {
				s.Seller.Registrations[i] = ior.Registration{Scheme: "EIN", ID: "1"}
			}
		}, "seller.registrations", ior.ErrTooLong},
		{"negative quantities[]", func(s *ior.Shipment) { s.Lines[0].Quantities = []duty.Quantity{kg("-1")} }, "lines[0].quantities[0].value", ior.ErrInvalidValue},
		{"quantities[] without unit", func(s *ior.Shipment) { s.Lines[0].Quantities = []duty.Quantity{{}} }, "lines[0].quantities[0].unit", ior.ErrRequired},
		{"negative part quantity", func(s *ior.Shipment) {
			s.Lines[0].Parts = []duty.Part{{Name: "case", Value: duty.MustMoney("1", "EUR"), Quantities: []duty.Quantity{kg("-2")}}}
		}, "lines[0].parts[0].quantities[0].value", ior.ErrInvalidValue},
		{"negative net weight", func(s *ior.Shipment) { s.Lines[0].NetWeight = kg("-20") }, "lines[0].net_weight.value", ior.ErrInvalidValue},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := readShipment(t, "../examples/shipments/de-tshirts.json")
			c.change(&s)
			err := s.Validate()
			var ve *ior.ValidationError
			require.True(t, errors.As(err, &ve), "%v", err)
			require.Len(t, ve.Problems, 1, "%v", err)
			assert.Equal(t, c.path, ve.Problems[0].Path)
			assert.ErrorIs(t, err, c.err)
			assert.Less(t, len(err.Error()), 300, "the message quotes the value clipped")
		})
	}
}

// "ioss" and "IOSS" are one scheme for the rules and the calculator alike:
// before, the rules accepted "ioss" while the calculator did not see an
// IOSS registration and moved the VAT from the point of sale to the
// border.
func TestRegistrationSchemeCase(t *testing.T) {
	e := euEngine(t)
	quote := func(scheme string) (string, string) {
		s := readShipment(t, "../examples/shipments/de-tshirts.json")
		// 10 T-shirts at 5.00 EUR: 50.00 EUR, within the 150 EUR IOSS limit.
		s.Lines[0].Quantity.Value = decimal.NewFromInt(10)
		s.Seller.Registrations = append(s.Seller.Registrations, ior.Registration{Scheme: scheme, ID: "IM2760000001"})
		q, err := e.Quote(context.Background(), s)
		require.NoError(t, err)
		b, _ := json.Marshal(q.Totals)
		p, _ := json.Marshal(q.Payers)
		return string(b), string(p)
	}
	upT, upP := quote("IOSS")
	loT, loP := quote("ioss")
	assert.Equal(t, upT, loT)
	assert.Equal(t, upP, loP)
	assert.True(t, ior.Party{Registrations: []ior.Registration{{Scheme: "ioss", ID: "x"}}}.Has(ior.SchemeIOSS))
}

// CA-0N (a zero for the letter O) has the shape of a region but is none:
// quoted, it got GST where Ontario charges HST. Regions of the countries
// whose profiles charge by region are checked against ISO 3166-2.
func TestDestinationRegionChecked(t *testing.T) {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.Destination, s.DestinationRegion = "CA", "CA-0N"
	err := s.Validate()
	var ve *ior.ValidationError
	require.True(t, errors.As(err, &ve), "%v", err)
	var found bool
	for _, p := range ve.Problems {
		if p.Path == "destination_region" {
			found = true
			assert.ErrorIs(t, p, ior.ErrInvalidRegion)
			assert.Contains(t, p.Error(), "is not an ISO 3166-2 subdivision of CA")
		}
	}
	assert.True(t, found, "%v", err)
	for _, ok := range []string{"CA-ON", "CA-QC", "CA-NU"} {
		assert.NoError(t, duty.ValidateRegion(ok))
	}
	assert.ErrorIs(t, duty.ValidateRegion("CA-XX"), duty.ErrInvalidRegion)
	assert.NoError(t, duty.ValidateRegion("DE-BY"), "countries without a listed set: shape only")
	assert.ErrorIs(t, duty.ValidateRegion("DE_BY"), duty.ErrInvalidRegion)
}
