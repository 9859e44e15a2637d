package ior_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
)

// loadShipment reads a shipment fixture from testdata.
func loadShipment(t testing.TB, name string) ior.Shipment {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	var s ior.Shipment
	require.NoError(t, json.Unmarshal(b, &s))
	return s
}

func TestShipmentDecodeDesignSample(t *testing.T) {
	s := loadShipment(t, "shipment_de.json")
	require.NoError(t, s.Validate())

	assert.Equal(t, "order-1001", s.ID)
	assert.Equal(t, "2026-03-01", s.Date.String())
	assert.Equal(t, "US", s.Origin)
	assert.Equal(t, "DE", s.Destination)
	assert.Equal(t, ior.DDP, s.Incoterm)
	assert.Equal(t, ior.Courier, s.Mode)
	assert.Equal(t, ior.Business, s.Seller.Kind)
	assert.True(t, s.Seller.Willing())
	assert.True(t, s.Seller.Has("EIN"))
	assert.False(t, s.Seller.Has("EORI"))
	assert.Equal(t, ior.Consumer, s.Buyer.Kind)
	assert.True(t, s.Buyer.Willing(), "accepts_import_risk not stated counts as willing")
	assert.Nil(t, s.Consignee)
	assert.Empty(t, s.Affiliates)
	require.Len(t, s.IORProviders, 1)
	p := s.IORProviders[0]
	assert.True(t, p.LocalEntity)
	require.NotNil(t, p.Fee)
	assert.True(t, p.Fee.Percent.Equal(decimal.RequireFromString("2.5")))
	require.NotNil(t, p.Fee.Minimum)
	assert.Equal(t, "150.00 EUR", p.Fee.Minimum.String())
	require.Len(t, s.Lines, 1)
	l := s.Lines[0]
	assert.Equal(t, "6109.10", l.HS)
	assert.Equal(t, "100 item", l.Quantity.String())
	assert.Equal(t, "5.00 EUR", l.UnitPrice.String())
	assert.Equal(t, "20 kg", l.NetWeight.String())
	assert.Equal(t, "500.00 EUR", l.Value().String()) // 100 × 5.00
	assert.Equal(t, "EUR", s.Currency())
	assert.Equal(t, "50.00 EUR", s.Freight.String())
	assert.Equal(t, "0.00 EUR", s.Insurance.String())
	assert.Nil(t, s.ClaimPreference)
}

func TestShipmentJSONRoundTrip(t *testing.T) {
	first := loadShipment(t, "shipment_de.json")
	b1, err := json.Marshal(first)
	require.NoError(t, err)
	var second ior.Shipment
	require.NoError(t, json.Unmarshal(b1, &second), string(b1))
	assertSameShipment(t, first, second)

	b2, err := json.Marshal(second)
	require.NoError(t, err)
	assert.JSONEq(t, string(b1), string(b2))
	assert.Equal(t, string(b1), string(b2), "encoding is stable byte for byte")

	// Money keeps its string form: amounts never become JSON numbers.
	var raw map[string]any
	require.NoError(t, json.Unmarshal(b1, &raw))
	assert.Equal(t, map[string]any{"amount": "50.00", "currency": "EUR"}, raw["freight"])
	assert.Equal(t, "2026-03-01", raw["date"])
}

func TestShipmentJSONRoundTripWithoutOptionalFields(t *testing.T) {
	// No net weight, no freight or insurance, no providers: the zero values
	// encode as null and read back as zero values.
	in := `{"id":"x","date":"2026-01-15","origin":"CN","destination":"US","incoterm":"DAP","mode":"post",
		"seller":{"name":"S","country":"CN","kind":"business"},
		"buyer":{"name":"B","country":"US","kind":"consumer"},
		"lines":[{"hs":"8471300100","origin":"CN","quantity":{"value":"1","unit":"No."},
		"unit_price":{"amount":"120","currency":"USD"}}]}`
	var first ior.Shipment
	require.NoError(t, json.Unmarshal([]byte(in), &first))
	require.NoError(t, first.Validate())
	b, err := json.Marshal(first)
	require.NoError(t, err)
	var second ior.Shipment
	require.NoError(t, json.Unmarshal(b, &second), string(b))
	require.NoError(t, second.Validate())
	assertSameShipment(t, first, second)
	assert.Equal(t, duty.Quantity{}, second.Lines[0].NetWeight)
	assert.Equal(t, duty.Money{}, second.Freight)
}

// assertSameShipment compares two shipments by value: amounts and
// quantities numerically (12.5 equals 12.50), everything else exactly.
func assertSameShipment(t *testing.T, a, b ior.Shipment) {
	t.Helper()
	ja, err := json.Marshal(a)
	require.NoError(t, err)
	jb, err := json.Marshal(b)
	require.NoError(t, err)
	assert.JSONEq(t, string(ja), string(jb))
	assert.Equal(t, a.Date, b.Date)
	assert.True(t, a.Freight.Equal(b.Freight))
	require.Len(t, b.Lines, len(a.Lines))
	for i := range a.Lines {
		assert.True(t, a.Lines[i].UnitPrice.Equal(b.Lines[i].UnitPrice))
		assert.True(t, a.Lines[i].Quantity.Value.Equal(b.Lines[i].Quantity.Value))
		assert.Equal(t, a.Lines[i].Quantity.Unit, b.Lines[i].Quantity.Unit)
	}
}

func TestShipmentJSONRefusesFloatAmounts(t *testing.T) {
	b, err := os.ReadFile("testdata/shipment_de.json")
	require.NoError(t, err)
	var raw map[string]any
	require.NoError(t, json.Unmarshal(b, &raw))
	raw["freight"] = map[string]any{"amount": 50.0, "currency": "EUR"}
	b, err = json.Marshal(raw)
	require.NoError(t, err)
	var s ior.Shipment
	err = json.Unmarshal(b, &s)
	require.Error(t, err)
	assert.ErrorIs(t, err, duty.ErrInvalidAmount)
}

func TestPartyWilling(t *testing.T) {
	no, yes := false, true
	assert.True(t, ior.Party{}.Willing())
	assert.True(t, ior.Party{AcceptsImportRisk: &yes}.Willing())
	assert.False(t, ior.Party{AcceptsImportRisk: &no}.Willing())
	assert.Equal(t, "", ior.Shipment{}.Currency())
}

func TestNormalizeHS(t *testing.T) {
	cases := []struct {
		in   string
		want string
		ok   bool
	}{
		{"6109.10", "610910", true},
		{"8471.30.0100", "8471300100", true},
		{"8471 30 01", "84713001", true},
		{"84A1", "", false},
		{"12345", "12345", false},
		{"12345678901", "12345678901", false},
		{"", "", false},
		{"6109-10", "", false},
	}
	for _, c := range cases {
		got, ok := ior.NormalizeHS(c.in)
		assert.Equal(t, c.ok, ok, c.in)
		if c.ok {
			assert.Equal(t, c.want, got, c.in)
		}
	}
}

// FuzzShipmentJSON: decoding any bytes into a Shipment and validating it
// never panics; a shipment that decodes and validates encodes, decodes
// again to an equal shipment (same JSON byte for byte) that still validates.
func FuzzShipmentJSON(f *testing.F) {
	for _, name := range []string{"shipment_de.json", "invalid/many_problems.json"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"date":"2026-02-30"}`))
	f.Add([]byte(`{"lines":[{"quantity":{"value":"1","unit":"DTN"},"unit_price":{"amount":"1","currency":"JPY"}}]}`))
	f.Add([]byte(`{"incoterm":"ddp","mode":"ocean","freight":{"amount":12.5,"currency":"EUR"}}`))
	f.Add([]byte(`{"ior_providers":[{"name":"P","country":"DE","kind":"business","fee":{"percent":"1e3"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s ior.Shipment
		if err := json.Unmarshal(data, &s); err != nil {
			return
		}
		if err := s.Validate(); err != nil {
			var ve *ior.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("Validate returned %T %v", err, err)
			}
			_ = err.Error()
			return
		}
		b1, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("encode a valid shipment: %v", err)
		}
		var s2 ior.Shipment
		if err := json.Unmarshal(b1, &s2); err != nil {
			t.Fatalf("decode %s: %v", b1, err)
		}
		if err := s2.Validate(); err != nil {
			t.Fatalf("re-decoded shipment no longer validates: %v\n%s", err, b1)
		}
		b2, err := json.Marshal(s2)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b1, b2) {
			t.Fatalf("round trip changed the shipment:\n%s\n%s", b1, b2)
		}
		if s.Date != s2.Date || s.Currency() != s2.Currency() || len(s.Lines) != len(s2.Lines) {
			t.Fatalf("round trip changed the shipment: %+v vs %+v", s, s2)
		}
		for i := range s.Lines {
			if !s.Lines[i].Value().Equal(s2.Lines[i].Value()) {
				t.Fatalf("line %d value %s became %s", i, s.Lines[i].Value(), s2.Lines[i].Value())
			}
		}
	})
}
