package ior_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
)

// validBase is the DESIGN.md sample with three lines, so that a problem
// can be planted on lines[2].
func validBase(t *testing.T) ior.Shipment {
	t.Helper()
	s := loadShipment(t, "shipment_de.json")
	l := s.Lines[0]
	l2, l3 := l, l
	l2.SKU, l2.HS = "TS-2", "6109.90"
	l3.SKU, l3.HS = "LP-1", "8471.30.0100"
	s.Lines = append(s.Lines, l2, l3)
	require.NoError(t, s.Validate())
	return s
}

func problems(t *testing.T, err error) []*ior.FieldError {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, ior.ErrInvalidShipment)
	var ve *ior.ValidationError
	require.ErrorAs(t, err, &ve)
	return ve.Problems
}

func TestValidateEachProblem(t *testing.T) {
	eur := func(s string) duty.Money { return duty.MustMoney(s, "EUR") }
	cases := []struct {
		name   string
		change func(s *ior.Shipment)
		msg    string
		target error
	}{
		{"missing date", func(s *ior.Shipment) { s.Date = duty.Date{} },
			`date: is required (YYYY-MM-DD)`, ior.ErrRequired},
		{"missing origin", func(s *ior.Shipment) { s.Origin = "" },
			`origin: is required (an ISO 3166-1 alpha-2 country code)`, ior.ErrRequired},
		{"origin UK", func(s *ior.Shipment) { s.Origin = "UK" },
			`origin: "UK" is not an ISO 3166-1 alpha-2 country code (the ISO code of the United Kingdom is GB)`, duty.ErrInvalidCountry},
		{"destination DEU", func(s *ior.Shipment) { s.Destination = "DEU" },
			`destination: "DEU" is not an ISO 3166-1 alpha-2 country code (use the alpha-2 code, not alpha-3)`, duty.ErrInvalidCountry},
		{"destination EU", func(s *ior.Shipment) { s.Destination = "EU" },
			`destination: "EU" is not an ISO 3166-1 alpha-2 country code (EU is a customs union, not a country: name the member state)`, duty.ErrInvalidCountry},
		{"destination is origin", func(s *ior.Shipment) { s.Destination = "US" },
			`destination: "US" is the origin country: an import needs goods to cross a border`, ior.ErrInvalidValue},
		{"region of another country", func(s *ior.Shipment) { s.DestinationRegion = "CA-ON" },
			`destination_region: "CA-ON" is not a subdivision of DE`, ior.ErrInvalidRegion},
		{"malformed region", func(s *ior.Shipment) { s.DestinationRegion = "Bavaria" },
			`destination_region: "Bavaria" is not an ISO 3166-2 subdivision code (e.g. CA-ON)`, ior.ErrInvalidRegion},
		{"region without subdivision", func(s *ior.Shipment) { s.DestinationRegion = "DE-" },
			`destination_region: "DE-" is not an ISO 3166-2 subdivision code (e.g. CA-ON)`, ior.ErrInvalidRegion},
		{"incoterm DDU", func(s *ior.Shipment) { s.Incoterm = "DDU" },
			`incoterm: "DDU" is not an Incoterms 2020 rule (want EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR or CIF)`, ior.ErrInvalidIncoterm},
		{"missing incoterm", func(s *ior.Shipment) { s.Incoterm = "" },
			`incoterm: is required (an Incoterms 2020 rule such as DAP or DDP)`, ior.ErrRequired},
		{"mode sea", func(s *ior.Shipment) { s.Mode = "sea" },
			`mode: "sea" is not a mode of transport (want courier, post, air, ocean, road or rail)`, ior.ErrInvalidMode},
		{"missing mode", func(s *ior.Shipment) { s.Mode = "" },
			`mode: is required (courier, post, air, ocean, road or rail)`, ior.ErrRequired},
		{"missing kind", func(s *ior.Shipment) { s.Buyer.Kind = "" },
			`buyer.kind: is required (business or consumer)`, ior.ErrRequired},
		{"invalid kind", func(s *ior.Shipment) { s.Seller.Kind = "company" },
			`seller.kind: "company" is not a party kind (want business or consumer)`, ior.ErrInvalidKind},
		{"missing buyer country", func(s *ior.Shipment) { s.Buyer.Country = "" },
			`buyer.country: is required (an ISO 3166-1 alpha-2 country code)`, ior.ErrRequired},
		{"consignee country lower case", func(s *ior.Shipment) {
			s.Consignee = &ior.Party{Name: "C", Country: "de", Kind: ior.Business}
		}, `consignee.country: "de" is not an ISO 3166-1 alpha-2 country code (codes are upper case)`, duty.ErrInvalidCountry},
		{"affiliate without kind", func(s *ior.Shipment) {
			s.Affiliates = []ior.Party{{Name: "Acme GmbH", Country: "DE"}}
		}, `affiliates[0].kind: is required (business or consumer)`, ior.ErrRequired},
		{"HS with a letter", func(s *ior.Shipment) { s.Lines[2].HS = "84A1" },
			`lines[2].hs: "84A1" is not an HS code (6 to 10 digits, dots allowed)`, ior.ErrInvalidHS},
		{"HS too short", func(s *ior.Shipment) { s.Lines[2].HS = "12345" },
			`lines[2].hs: "12345" is not an HS code (6 to 10 digits, dots allowed)`, ior.ErrInvalidHS},
		{"HS too long", func(s *ior.Shipment) { s.Lines[2].HS = "12345678901" },
			`lines[2].hs: "12345678901" is not an HS code (6 to 10 digits, dots allowed)`, ior.ErrInvalidHS},
		{"missing HS", func(s *ior.Shipment) { s.Lines[1].HS = "" },
			`lines[1].hs: is required (6 to 10 digits, e.g. 6109.10)`, ior.ErrRequired},
		{"line origin SU", func(s *ior.Shipment) { s.Lines[1].Origin = "SU" },
			`lines[1].origin: "SU" is not an ISO 3166-1 alpha-2 country code (SU, the Soviet Union, is withdrawn: name the successor state)`, duty.ErrInvalidCountry},
		{"missing quantity", func(s *ior.Shipment) { s.Lines[0].Quantity = duty.Quantity{} },
			`lines[0].quantity: is required ({"value":"…","unit":"…"})`, ior.ErrRequired},
		{"unknown quantity unit", func(s *ior.Shipment) { s.Lines[0].Quantity.Unit = "stone" },
			`lines[0].quantity.unit: "stone" is not a known unit (e.g. item, kg, l)`, duty.ErrInvalidUnit},
		{"zero quantity", func(s *ior.Shipment) { s.Lines[0].Quantity.Value = decimal.Zero },
			`lines[0].quantity.value: "0" must be positive`, ior.ErrInvalidValue},
		{"negative quantity", func(s *ior.Shipment) { s.Lines[0].Quantity.Value = decimal.NewFromInt(-3) },
			`lines[0].quantity.value: "-3" must be positive`, ior.ErrInvalidValue},
		{"negative price", func(s *ior.Shipment) { s.Lines[1].UnitPrice = eur("-5.00") },
			`lines[1].unit_price.amount: "-5.00" must not be negative`, ior.ErrInvalidValue},
		{"missing price", func(s *ior.Shipment) { s.Lines[1].UnitPrice = duty.Money{} },
			`lines[1].unit_price: is required ({"amount":"…","currency":"…"})`, ior.ErrRequired},
		{"mixed currencies in lines", func(s *ior.Shipment) { s.Lines[1].UnitPrice = duty.MustMoney("5.00", "USD") },
			`lines[1].unit_price.currency: "USD" differs from the shipment's currency EUR`, ior.ErrMixedCurrency},
		{"freight in another currency", func(s *ior.Shipment) { s.Freight = duty.MustMoney("50.00", "USD") },
			`freight.currency: "USD" differs from the shipment's currency EUR`, ior.ErrMixedCurrency},
		{"negative insurance", func(s *ior.Shipment) { s.Insurance = eur("-1") },
			`insurance.amount: "-1.00" must not be negative`, ior.ErrInvalidValue},
		{"net weight in litres", func(s *ior.Shipment) {
			s.Lines[0].NetWeight = duty.Quantity{Value: decimal.NewFromInt(20), Unit: duty.Litre}
		},
			`lines[0].net_weight.unit: "l" is not a unit of mass`, duty.ErrIncompatibleUnits},
		{"negative net weight", func(s *ior.Shipment) { s.Lines[0].NetWeight.Value = decimal.NewFromInt(-1) },
			`lines[0].net_weight.value: "-1" must not be negative`, ior.ErrInvalidValue},
		{"no lines", func(s *ior.Shipment) { s.Lines = nil },
			`lines: is required: a shipment has at least one line`, ior.ErrRequired},
		{"too many lines", func(s *ior.Shipment) {
			l := s.Lines[0]
			s.Lines = make([]ior.Line, ior.MaxLines+1)
			for i := range s.Lines {
				s.Lines[i] = l
			}
		}, `lines: has 1001 lines: at most 1000 per shipment (split it)`, ior.ErrTooManyLines},
		{"missing registration scheme", func(s *ior.Shipment) { s.Seller.Registrations[0].Scheme = "" },
			`seller.registrations[0].scheme: is required (e.g. EORI, EIN, IEC)`, ior.ErrRequired},
		{"missing registration id", func(s *ior.Shipment) { s.IORProviders[0].Registrations[0].ID = "" },
			`ior_providers[0].registrations[0].id: is required`, ior.ErrRequired},
		{"negative fee percent", func(s *ior.Shipment) {
			s.IORProviders[0].Fee.Percent = decimal.RequireFromString("-2.5")
		}, `ior_providers[0].fee.percent: "-2.5" must be between 0 and 100`, ior.ErrInvalidValue},
		{"negative fee minimum", func(s *ior.Shipment) {
			m := eur("-150")
			s.IORProviders[0].Fee.Minimum = &m
		}, `ior_providers[0].fee.minimum.amount: "-150.00" must not be negative`, ior.ErrInvalidValue},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := validBase(t)
			c.change(&s)
			err := s.Validate()
			ps := problems(t, err)
			msgs := make([]string, len(ps))
			for i, p := range ps {
				msgs[i] = p.Error()
			}
			require.Equal(t, []string{c.msg}, msgs)
			assert.ErrorIs(t, err, c.target)
			assert.ErrorIs(t, ps[0], c.target)
			assert.Equal(t, "ior: invalid shipment: "+c.msg, err.Error())
		})
	}
}

func TestValidateFieldErrorCarriesPathAndValue(t *testing.T) {
	s := validBase(t)
	s.Lines[2].HS = "84A1"
	err := s.Validate()
	var fe *ior.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "lines[2].hs", fe.Path)
	assert.Equal(t, "84A1", fe.Value)
	assert.Equal(t, ior.ErrInvalidHS, fe.Err)
	assert.True(t, errors.Is(err, ior.ErrInvalidHS))
	assert.False(t, errors.Is(err, ior.ErrInvalidMode))
}

// A huge bad value is quoted clipped, in the error and in FieldError.Value.
func TestValidateClipsLongValues(t *testing.T) {
	long := strings.Repeat("9", 5000)
	s := validBase(t)
	s.Lines[0].HS = long
	s.Incoterm = ior.Incoterm(strings.Repeat("X", 5000))
	s.Destination = strings.Repeat("Z", 5000)
	err := s.Validate()
	require.ErrorIs(t, err, ior.ErrInvalidShipment)
	for _, p := range problems(t, err) {
		assert.LessOrEqual(t, len(p.Value), 100+len("…"), p.Path)
		assert.Less(t, len(p.Error()), 400, p.Path)
	}
	var decoded ior.Shipment
	err = json.Unmarshal([]byte(`{"lines": [{"unit_price": {"amount": "`+long+`x", "currency": "EUR"}}]}`), &decoded)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), strings.Repeat("9", 101))
}

// TestValidateReportsEveryProblem decodes a shipment with many problems
// and checks that Validate lists all of them, in field order.
func TestValidateReportsEveryProblem(t *testing.T) {
	s := loadShipment(t, "invalid/many_problems.json")
	ps := problems(t, s.Validate())
	got := make([]string, len(ps))
	for i, p := range ps {
		got[i] = p.Error()
	}
	golden, err := os.ReadFile("testdata/invalid/many_problems.golden")
	require.NoError(t, err)
	want := strings.Split(strings.TrimSpace(string(golden)), "\n")
	assert.Equal(t, want, got)

	err = s.Validate()
	for _, target := range []error{
		ior.ErrRequired, duty.ErrInvalidCountry, ior.ErrInvalidRegion, ior.ErrInvalidIncoterm,
		ior.ErrInvalidMode, ior.ErrInvalidKind, ior.ErrInvalidValue, ior.ErrInvalidHS,
		ior.ErrMixedCurrency, duty.ErrIncompatibleUnits,
	} {
		assert.ErrorIs(t, err, target)
	}
	assert.NotErrorIs(t, err, ior.ErrTooManyLines)
}

func TestValidateTooManyLinesStopsAtTheBound(t *testing.T) {
	// A huge shipment reports the count once and checks only the first
	// MaxLines lines, so the report stays bounded.
	s := validBase(t)
	bad := s.Lines[0]
	bad.HS = "x"
	s.Lines = make([]ior.Line, 5000)
	for i := range s.Lines {
		s.Lines[i] = bad
	}
	ps := problems(t, s.Validate())
	require.Len(t, ps, 1+ior.MaxLines)
	assert.ErrorIs(t, ps[0], ior.ErrTooManyLines)
	assert.Equal(t, fmt.Sprintf("lines[%d].hs", ior.MaxLines-1), ps[len(ps)-1].Path)
}

func TestValidateIncotermFromJSON(t *testing.T) {
	b, err := os.ReadFile("testdata/shipment_de.json")
	require.NoError(t, err)
	var raw map[string]any
	require.NoError(t, json.Unmarshal(b, &raw))
	raw["incoterm"] = "DDU"
	b, err = json.Marshal(raw)
	require.NoError(t, err)
	var s ior.Shipment
	require.NoError(t, json.Unmarshal(b, &s))
	err = s.Validate()
	assert.ErrorIs(t, err, ior.ErrInvalidIncoterm)
	assert.Contains(t, err.Error(), `incoterm: "DDU" is not an Incoterms 2020 rule`)
}
