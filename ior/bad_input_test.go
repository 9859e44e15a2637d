package ior_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// deShipment is testdata/shipment_de.json with one replacement.
func deShipmentWith(t *testing.T, old, new string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/shipment_de.json")
	require.NoError(t, err)
	require.Contains(t, string(b), old)
	return []byte(strings.Replace(string(b), old, new, 1))
}

// Decoding: the error names the field path and the value.
func TestBadShipmentJSON(t *testing.T) {
	cases := []struct {
		old, new string
		want     string
		path     string
		sentinel error
	}{
		{`"2026-03-01"`, `"2026-02-30"`, `ior: shipment JSON: date: duty: "2026-02-30" is not a date (want YYYY-MM-DD)`, "date", duty.ErrInvalidDate},
		{`"2026-03-01"`, `20260301`, `ior: shipment JSON: date: duty: "20260301" is not a date (want YYYY-MM-DD)`, "date", duty.ErrInvalidDate},
		{`"amount": "5.00"`, `"amount": 5.00`, `ior: shipment JSON: lines[0].unit_price: duty: invalid amount 5.00: amount must be a JSON string`, "lines[0].unit_price", duty.ErrInvalidAmount},
		{`"amount": "5.00"`, `"amount": "5,00"`, `ior: shipment JSON: lines[0].unit_price: duty: "5,00" is not a decimal amount (expected digits with an optional sign and fraction, e.g. "1234.56")`, "lines[0].unit_price", duty.ErrInvalidAmount},
		{`"amount": "5.00"`, `"amount": "1e3"`, `ior: shipment JSON: lines[0].unit_price: duty: "1e3" is not a decimal amount (expected digits with an optional sign and fraction, e.g. "1234.56")`, "lines[0].unit_price", duty.ErrInvalidAmount},
		{`"amount": "50.00", "currency": "EUR"`, `"amount": "50.00", "currency": "EURO"`, `ior: shipment JSON: freight: duty: "EURO" is not an active ISO 4217 currency code`, "freight", duty.ErrInvalidCurrency},
		{`"unit": "item"`, `"unit": "items!"`, `ior: shipment JSON: lines[0].quantity: duty: unknown unit "items!"`, "lines[0].quantity", duty.ErrInvalidUnit},
		{`"value": "100"`, `"value": 100`, `ior: shipment JSON: lines[0].quantity: duty: invalid quantity "100": value must be a JSON string`, "lines[0].quantity", duty.ErrInvalidQuantity},
		{`"value": "100"`, `"value": "ten"`, `ior: shipment JSON: lines[0].quantity: duty: invalid quantity "ten": value is not a decimal number`, "lines[0].quantity", duty.ErrInvalidQuantity},
		{`"incoterm": "DDP"`, `"incoterm": 5`, `ior: shipment JSON: incoterm: ior: invalid incoterm: got 5, want a string such as "DDP"`, "incoterm", ior.ErrInvalidIncoterm},
		{`"local_entity": true`, `"local_entity": "yes"`, `ior: shipment JSON: ior_providers[0].local_entity: got JSON string "yes", want true or false`, "ior_providers[0].local_entity", nil},
		{`"accepts_import_risk": true`, `"accepts_import_risk": "true"`, `ior: shipment JSON: seller.accepts_import_risk: got JSON string "true", want true or false`, "seller.accepts_import_risk", nil},
		{`"percent": "2.5"`, `"percent": "2,5"`, `ior: shipment JSON: ior_providers[0].fee: percent: "2,5" is not a decimal number (plain digits, e.g. "2.5")`, "ior_providers[0].fee", ior.ErrInvalidValue},
		{`"registrations": [{"scheme": "EIN"`, `"registrations": {"scheme": "EIN"`, ``, "", nil}, // syntax error, see below
	}
	for _, c := range cases[:len(cases)-1] {
		t.Run(c.new, func(t *testing.T) {
			var s ior.Shipment
			err := json.Unmarshal(deShipmentWith(t, c.old, c.new), &s)
			require.Error(t, err)
			assert.EqualError(t, err, c.want)
			var fe *ior.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, c.path, fe.Path)
			if c.sentinel != nil {
				assert.ErrorIs(t, err, c.sentinel)
			}
		})
	}
	for _, c := range []struct{ file, want, path string }{
		{"hs_number.json", `ior: shipment JSON: lines[0].hs: got JSON number 6109.10, want a string`, "lines[0].hs"},
		{"lines_object.json", `ior: shipment JSON: lines: got JSON object {"hs": "6109.10"}, want an array`, "lines"},
	} {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "bad", c.file))
			require.NoError(t, err)
			var s ior.Shipment
			err = json.Unmarshal(b, &s)
			assert.EqualError(t, err, c.want)
			var fe *ior.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, c.path, fe.Path)
		})
	}
}

// Validate: every problem with its path and value, and its sentinel.
func TestBadShipmentValidate(t *testing.T) {
	cases := []struct {
		old, new string
		want     string
		sentinel error
	}{
		{`"incoterm": "DDP"`, `"incoterm": "DDX"`, `incoterm: "DDX" is not an Incoterms 2020 rule (want EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR or CIF)`, ior.ErrInvalidIncoterm},
		{`"mode": "courier"`, `"mode": "boat"`, `mode: "boat" is not a mode of transport (want courier, post, air, ocean, road or rail)`, ior.ErrInvalidMode},
		{`"origin": "US"`, `"origin": ""`, `origin: is required (an ISO 3166-1 alpha-2 country code)`, ior.ErrRequired},
		{`"destination": "DE"`, `"destination": "US"`, `destination: "US" is the origin country: an import needs goods to cross a border`, ior.ErrInvalidValue},
		{`"destination": "DE"`, `"destination": "EU"`, `destination: "EU" is not an ISO 3166-1 alpha-2 country code (EU is a customs union, not a country: name the member state)`, duty.ErrInvalidCountry},
		{`"destination_region": ""`, `"destination_region": "CA-ON"`, `destination_region: "CA-ON" is not a subdivision of DE`, ior.ErrInvalidRegion},
		{`"destination_region": ""`, `"destination_region": "DE_BY"`, `destination_region: "DE_BY" is not an ISO 3166-2 subdivision code (e.g. CA-ON)`, ior.ErrInvalidRegion},
		{`"kind": "consumer"`, `"kind": "person"`, `buyer.kind: "person" is not a party kind (want business or consumer)`, ior.ErrInvalidKind},
		{`"hs": "6109.10"`, `"hs": "6109"`, `lines[0].hs: "6109" is not an HS code (6 to 10 digits, dots allowed)`, ior.ErrInvalidHS},
		{`"hs": "6109.10"`, `"hs": ""`, `lines[0].hs: is required (6 to 10 digits, e.g. 6109.10)`, ior.ErrRequired},
		{`"origin": "CN"`, `"origin": "CHN"`, `lines[0].origin: "CHN" is not an ISO 3166-1 alpha-2 country code (use the alpha-2 code, not alpha-3)`, duty.ErrInvalidCountry},
		{`"value": "100"`, `"value": "-1"`, `lines[0].quantity.value: "-1" must be positive`, ior.ErrInvalidValue},
		{`"net_weight": {"value": "20", "unit": "kg"}`, `"net_weight": {"value": "20", "unit": "l"}`, `lines[0].net_weight.unit: "l" is not a unit of mass`, duty.ErrIncompatibleUnits},
		{`"amount": "5.00"`, `"amount": "-5.00"`, `lines[0].unit_price.amount: "-5.00" must not be negative`, ior.ErrInvalidValue},
		{`"amount": "50.00", "currency": "EUR"`, `"amount": "50.00", "currency": "USD"`, `freight.currency: "USD" differs from the shipment's currency EUR`, ior.ErrMixedCurrency},
		{`"percent": "2.5"`, `"percent": "-2.5"`, `ior_providers[0].fee.percent: "-2.5" must be between 0 and 100`, ior.ErrInvalidValue},
		{`"scheme": "EORI"`, `"scheme": ""`, `ior_providers[0].registrations[0].scheme: is required (e.g. EORI, EIN, IEC)`, ior.ErrRequired},
	}
	e, err := ior.NewEngine()
	require.NoError(t, err)
	for _, c := range cases {
		t.Run(c.new, func(t *testing.T) {
			var s ior.Shipment
			require.NoError(t, json.Unmarshal(deShipmentWith(t, c.old, c.new), &s))
			err := s.Validate()
			assert.EqualError(t, err, "ior: invalid shipment: "+c.want)
			assert.ErrorIs(t, err, ior.ErrInvalidShipment)
			assert.ErrorIs(t, err, c.sentinel)
			var fe *ior.FieldError
			require.ErrorAs(t, err, &fe)
			// Quote and Decide validate first and give the same error.
			_, qerr := e.Quote(context.Background(), s)
			assert.EqualError(t, qerr, err.Error())
			_, derr := e.Decide(context.Background(), s)
			assert.EqualError(t, derr, err.Error())
		})
	}
}

// What the engine cannot know is an error naming the line, the code, the
// date or the currency pair, never a silent zero.
func TestBadShipmentQuote(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	cases := []struct {
		name     string
		repl     [][2]string
		want     string
		sentinel error
	}{
		{"unknown code", [][2]string{{`"hs": "6109.10"`, `"hs": "9999.99"`}},
			`duty: line 0 (HS 9999.99): EU tariff: duty: no measure for HS code "9999.99" (nor for any prefix of it)`, duty.ErrUnknownCode},
		{"no profile", [][2]string{{`"destination": "DE"`, `"destination": "AQ"`}},
			`duty: no customs/tax profile for destination "AQ"`, duty.ErrNoProfile},
		{"date before the data", [][2]string{{`"2026-03-01"`, `"1990-03-01"`}},
			`duty: no profile of DE in force on 1990-03-01 (data covers 2021-07-01..(open))`, duty.ErrNoProfile},
		// The embedded ECB rates do not quote the dirham.
		{"no exchange rate", [][2]string{{`"currency": "EUR"`, `"currency": "AED"`}},
			`duty: line 0 (HS 6109.10): value: duty: no exchange rate AED/EUR for 2026-03-01 (give 1 AED in EUR)`, duty.ErrMissingRate},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b, err := os.ReadFile("testdata/shipment_de.json")
			require.NoError(t, err)
			in := string(b)
			for _, r := range c.repl {
				require.Contains(t, in, r[0])
				in = strings.ReplaceAll(in, r[0], r[1])
			}
			var s ior.Shipment
			require.NoError(t, json.Unmarshal([]byte(in), &s))
			require.NoError(t, s.Validate())
			_, err = e.Quote(context.Background(), s)
			assert.EqualError(t, err, c.want)
			assert.ErrorIs(t, err, c.sentinel)
		})
	}
}

// The golden file of a shipment with many problems: every one reported.
func TestBadShipmentManyProblems(t *testing.T) {
	b, err := os.ReadFile("testdata/bad/many_problems.json")
	require.NoError(t, err)
	var s ior.Shipment
	require.NoError(t, json.Unmarshal(b, &s))
	err = s.Validate()
	var ve *ior.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Problems, 21)
	golden, err := os.ReadFile("testdata/invalid/many_problems.golden")
	require.NoError(t, err)
	var lines []string
	for _, p := range ve.Problems {
		lines = append(lines, p.Error())
	}
	assert.Equal(t, strings.TrimSpace(string(golden)), strings.Join(lines, "\n"))
}
