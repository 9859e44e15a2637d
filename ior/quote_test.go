package ior_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func table(t testing.TB, csv string) *duty.Table {
	t.Helper()
	tb, err := duty.ReadTable(strings.NewReader("hs,kind,rate,origins,program,from,to,source\n" + csv))
	require.NoError(t, err)
	return tb
}

func readShipment(t testing.TB, path string) ior.Shipment {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var s ior.Shipment
	require.NoError(t, json.Unmarshal(b, &s))
	return s
}

func euEngine(t testing.TB, opts ...ior.Option) *ior.Engine {
	t.Helper()
	eu := table(t, "6109.10,mfn,12%,,,2020-01-01,,CN 2026 6109 10 00 (test)\n"+
		"6110.20,mfn,12%,,,2020-01-01,,CN 2026 6110 20 (test)\n"+
		"8518.30,mfn,2%,,,2020-01-01,,CN 2026 8518 30 (test)\n")
	e, err := ior.NewEngine(append([]ior.Option{ior.WithSchedule("EU", eu), ior.WithoutSampleTariff()}, opts...)...)
	require.NoError(t, err)
	return e
}

// The DESIGN.md sample: 100 T-shirts at 5.00 EUR, freight 50.00, DDP to DE.
// Worked by hand: customs value (CIF) = 500.00 + 50.00 = 550.00;
// duty 12% × 550.00 = 66.00; VAT 19% × (550.00 + 66.00) = 117.04;
// total 183.04, all paid by the seller under DDP.
func TestQuoteDESample(t *testing.T) {
	q, err := euEngine(t).Quote(context.Background(), readShipment(t, "../examples/shipments/de-tshirts.json"))
	require.NoError(t, err)
	assert.Equal(t, "EUR", q.Currency)
	assert.Equal(t, "550.00 EUR", q.CustomsValue.String())
	require.Len(t, q.Lines, 1)
	assert.Equal(t, "66.00 EUR", q.Lines[0].Duty.String())
	assert.Equal(t, "117.04 EUR", q.Lines[0].Tax.String())
	assert.Equal(t, "183.04 EUR", q.Totals.Total.String())
	assert.Equal(t, ior.RoleSeller, q.Importer.Role)
	assert.Equal(t, "183.04 EUR", q.Payers.Seller.AtImport.String())
	assert.Equal(t, "0.00 EUR", q.Payers.Buyer.AtImport.String())
	assert.True(t, strings.HasPrefix(q.ID, "q_"))
}

// US, FOB valuation, no VAT. Headphones (HTS 8518.30.20, Free) 2 × 149.00
// = 298.00, duty 0.00; T-shirts 3 × 20.00 = 60.00 at 16.5% = 9.90. Freight
// is not in the customs value (358.00). Informal entry (≤ USD 2,500): MPF
// FY2026 USD 2.69. Total 9.90 + 2.69 = 12.59, paid by the buyer (DAP).
func TestQuoteUSInformalEntry(t *testing.T) {
	us := table(t, "8518.30.20,mfn,Free,,,2026-01-01,,HTS 2026 (test)\n6109.10.00,mfn,16.5%,,,2026-01-01,,HTS 2026 (test)\n")
	e, err := ior.NewEngine(ior.WithSchedule("US", us), ior.WithoutSampleTariff())
	require.NoError(t, err)
	q, err := e.Quote(context.Background(), readShipment(t, "../examples/shipments/us-headphones.json"))
	require.NoError(t, err)
	assert.Equal(t, "358.00 USD", q.CustomsValue.String())
	assert.Equal(t, "0.00 USD", q.Lines[0].Duty.String())
	assert.Equal(t, "9.90 USD", q.Lines[1].Duty.String())
	require.Len(t, q.Fees, 1)
	assert.Equal(t, "MPF_INFORMAL", q.Fees[0].Code)
	assert.Equal(t, "2.69 USD", q.Fees[0].Amount.String())
	assert.Equal(t, "12.59 USD", q.Totals.Total.String())
	assert.Equal(t, "12.59 USD", q.Payers.Buyer.AtImport.String())
	assert.Equal(t, ior.RoleBuyer, q.Importer.Role)
}

// Freight 10.00 EUR over three lines of equal value: 3.34 + 3.33 + 3.33.
func TestQuoteAllocatesFreightExactly(t *testing.T) {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	l := s.Lines[0]
	l.Quantity.Value = l.Quantity.Value.Div(l.Quantity.Value) // 1 item at 5.00
	s.Lines = []ior.Line{l, l, l}
	s.Freight = duty.MustMoney("10.00", "EUR")
	q, err := euEngine(t).Quote(context.Background(), s)
	require.NoError(t, err)
	got := []string{q.Lines[0].CustomsValue.String(), q.Lines[1].CustomsValue.String(), q.Lines[2].CustomsValue.String()}
	assert.Equal(t, []string{"8.34 EUR", "8.33 EUR", "8.33 EUR"}, got)
	assert.Equal(t, "25.00 EUR", q.CustomsValue.String())
}

// From 2026-07-01 a B2C consignment of EUR 150 or less pays EUR 3 per
// distinct 6-digit subheading instead of the tariff rate. Two T-shirt lines
// (6109.10) and one jumper line (6110.20): 2 subheadings = 6.00 EUR.
// Goods 3 × 20.00 = 60.00, freight 6.00 split 2.00 each, CV 66.00.
// VAT 19% on (66.00 + 6.00) = 13.68, paid at the border by the buyer (DAP,
// seller not in IOSS).
func TestQuoteEUFlatDutyFromJuly2026(t *testing.T) {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.Date = duty.MustDate("2026-07-01")
	s.Incoterm = ior.DAP
	l := s.Lines[0]
	l.Quantity = duty.Quantity{Value: l.Quantity.Value.Div(l.Quantity.Value), Unit: duty.Item}
	l.UnitPrice = duty.MustMoney("20.00", "EUR")
	j := l
	j.HS = "6110.20"
	s.Lines = []ior.Line{l, l, j}
	s.Freight = duty.MustMoney("6.00", "EUR")
	q, err := euEngine(t).Quote(context.Background(), s)
	require.NoError(t, err)
	assert.Equal(t, "3.00 EUR", q.Lines[0].Duty.String())
	assert.Equal(t, "0.00 EUR", q.Lines[1].Duty.String())
	assert.Equal(t, "3.00 EUR", q.Lines[2].Duty.String())
	assert.Equal(t, "6.00 EUR", q.Totals.Duty.String())
	assert.Equal(t, "13.68 EUR", q.Totals.Tax.String())
	assert.Equal(t, "19.68 EUR", q.Totals.Total.String())
}

// Prices in GBP, destination DE: every amount is converted at the given
// rate and the rate is reported. 100 × 4.00 GBP = 400.00 GBP × 1.15 =
// 460.00 EUR; freight 40.00 GBP = 46.00 EUR; CV 506.00; duty 12% = 60.72;
// VAT 19% × 566.72 = 107.6768 → 107.68; total 168.40 EUR.
func TestQuoteConvertsCurrency(t *testing.T) {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.Lines[0].UnitPrice = duty.MustMoney("4.00", "GBP")
	s.Freight = duty.MustMoney("40.00", "GBP")
	s.Insurance = duty.MustMoney("0.00", "GBP")
	rates := duty.FixedRates{"GBP/EUR": mustDec("1.15"), "EUR/GBP": mustDec("0.87")}
	q, err := euEngine(t, ior.WithRates(rates)).Quote(context.Background(), s)
	require.NoError(t, err)
	assert.Equal(t, "506.00 EUR", q.CustomsValue.String())
	assert.Equal(t, "168.40 EUR", q.Totals.Total.String())
	require.NotNil(t, q.TotalsInShipmentCurrency)
	assert.Equal(t, "146.51 GBP", q.TotalsInShipmentCurrency.Total.String()) // 168.40 × 0.87 = 146.508
	assert.Equal(t, "GBP", q.FX[0].From)
	assert.Equal(t, "1.15", q.FX[0].Rate)
}

func TestQuoteMissingRateIsAnError(t *testing.T) {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.Lines[0].UnitPrice = duty.MustMoney("4.00", "GBP")
	s.Freight = duty.MustMoney("40.00", "GBP")
	s.Insurance = duty.MustMoney("0.00", "GBP")
	_, err := euEngine(t, ior.WithoutDefaultRates()).Quote(context.Background(), s)
	require.Error(t, err)
	assert.True(t, errors.Is(err, duty.ErrMissingRate))
	assert.Contains(t, err.Error(), "GBP/EUR")
}

func TestQuoteUnknownCodeNamesLine(t *testing.T) {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.Lines[0].HS = "9999.99"
	_, err := euEngine(t).Quote(context.Background(), s)
	require.Error(t, err)
	var le *duty.LineError
	require.True(t, errors.As(err, &le))
	assert.Equal(t, 0, le.Line)
	assert.Contains(t, err.Error(), "9999.99")

	q, err := euEngine(t).Quote(context.Background(), s, ior.Partial())
	require.NoError(t, err)
	assert.True(t, q.Incomplete)
	assert.False(t, q.Lines[0].Calculable)
	assert.NotEmpty(t, q.Lines[0].Reason)
}

func TestQuoteSameInputSameBytes(t *testing.T) {
	e := euEngine(t)
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	q1, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	q2, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	b1, _ := json.Marshal(q1)
	b2, _ := json.Marshal(q2)
	assert.Equal(t, string(b1), string(b2))
	s.Lines[0].UnitPrice = duty.MustMoney("5.01", "EUR")
	q3, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	assert.NotEqual(t, q1.ID, q3.ID)
}

func TestQuoteInvalidShipment(t *testing.T) {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.Lines[0].HS = "84A1"
	_, err := euEngine(t).Quote(context.Background(), s)
	require.Error(t, err)
	assert.True(t, errors.Is(err, ior.ErrInvalidHS))
	assert.Contains(t, err.Error(), `lines[0].hs: "84A1"`)
}

// The quote id hashes every field of the shipment: a field added to the
// types must be added to the hash (ior/hash.go), or equal ids could hide
// different inputs. The counts below are those the hash covers.
func TestQuoteIDCoversEveryField(t *testing.T) {
	assert.Equal(t, 19, reflect.TypeOf(ior.Shipment{}).NumField(), "update ior/hash.go: shipment")
	assert.Equal(t, 6, reflect.TypeOf(ior.ServiceCharge{}).NumField(), "update ior/hash.go: service charge")
	assert.Equal(t, 9, reflect.TypeOf(ior.Party{}).NumField(), "update ior/hash.go: party")
	assert.Equal(t, 13, reflect.TypeOf(ior.Line{}).NumField(), "update ior/hash.go: line")
	assert.Equal(t, 2, reflect.TypeOf(ior.Registration{}).NumField(), "update ior/hash.go: registration")
	assert.Equal(t, 2, reflect.TypeOf(ior.ProviderFee{}).NumField(), "update ior/hash.go: fee")

	e := euEngine(t)
	base := readShipment(t, "../examples/shipments/de-tshirts.json")
	q0, err := e.Quote(context.Background(), base)
	require.NoError(t, err)
	no := false
	changes := map[string]func(s *ior.Shipment){
		"id":          func(s *ior.Shipment) { s.ID = "other" },
		"seller name": func(s *ior.Shipment) { s.Seller.Name = "Other Inc" },
		"buyer risk":  func(s *ior.Shipment) { s.Buyer.AcceptsImportRisk = &no },
		"line sku":    func(s *ior.Shipment) { s.Lines[0].SKU = "X" },
		"net weight": func(s *ior.Shipment) {
			s.Lines[0].NetWeight.Value = s.Lines[0].NetWeight.Value.Add(s.Lines[0].NetWeight.Value)
		},
		"freight": func(s *ior.Shipment) { s.Freight = duty.MustMoney("51.00", "EUR") },
		"claim":   func(s *ior.Shipment) { s.ClaimPreference = &no },
		"service charge": func(s *ior.Shipment) {
			s.ServiceCharges = []ior.ServiceCharge{{Code: "brokerage", Kind: duty.ServiceClearance, Percent: decimal.New(2, 0)}}
		},
		"provider":    func(s *ior.Shipment) { s.IORProviders[0].Registrations[0].ID = "DE124" },
		"port region": func(s *ior.Shipment) { s.PortRegion = "DE-BY" },
		"abv":         func(s *ior.Shipment) { s.Lines[0].ABV = decimal.New(40, 0) },
		"hs alternatives": func(s *ior.Shipment) {
			s.Lines[0].HSAlternatives = []string{"6109.10"}
		},
	}
	for name, change := range changes {
		s := readShipment(t, "../examples/shipments/de-tshirts.json")
		change(&s)
		q, err := e.Quote(context.Background(), s)
		require.NoError(t, err, name)
		assert.NotEqual(t, q0.ID, q.ID, name)
	}
	// A gift is between private persons: compare two such shipments.
	priv := readShipment(t, "../examples/shipments/de-tshirts.json")
	priv.Seller.Kind, priv.Buyer.Kind, priv.IORProviders = ior.Consumer, ior.Consumer, nil
	qa, err := e.Quote(context.Background(), priv)
	require.NoError(t, err)
	priv.Gift = true
	qb, err := e.Quote(context.Background(), priv)
	require.NoError(t, err)
	assert.NotEqual(t, qa.ID, qb.ID, "gift")
}

// US Section 232 on a steel derivative is charged on the value of the
// metal content only, and a layer listed in another's excludes is set
// aside (the EO 14289 pattern). Line: 10 items at 100.00 USD = 1,000.00,
// steel content worth 400.00. MFN 2.5% × 1,000.00 = 25.00; s.232 50% ×
// 400.00 = 200.00; the s.122 surcharge is excluded by the s.232 layer.
// Informal entry (1,000.00 ≤ 2,500): MPF informal 2.69 (FY2026).
// Total 25.00 + 200.00 + 2.69 = 227.69.
func TestQuoteMetalContentLayer(t *testing.T) {
	us, err := duty.ReadTable(strings.NewReader("hs,kind,rate,origins,program,from,to,source,excludes,base\n" +
		"8302.41,mfn,2.5%,,,2026-01-01,,test MFN,,\n" +
		"8302.41,additional,50%,,9903.81.91,2026-01-01,,test s.232 derivative,9903.03.01,metal_content\n" +
		"8302.41,additional,10%,,9903.03.01,2026-02-24,2026-07-23,test s.122,,\n"))
	require.NoError(t, err)
	e, err := ior.NewEngine(ior.WithSchedule("US", us), ior.WithoutSampleTariff())
	require.NoError(t, err)
	s := readShipment(t, "../examples/shipments/us-headphones.json")
	s.Lines = s.Lines[:1]
	s.Lines[0].HS = "8302.41.60"
	s.Lines[0].Quantity.Value = mustDec("10")
	s.Lines[0].UnitPrice = duty.MustMoney("100.00", "USD")
	s.Lines[0].Parts = []duty.Part{{Name: "metal_content", Value: duty.MustMoney("400.00", "USD")}}
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	require.Len(t, q.Lines[0].Duties, 2)
	assert.Equal(t, "25.00 USD", q.Lines[0].Duties[0].Amount.String())
	assert.Equal(t, "200.00 USD", q.Lines[0].Duties[1].Amount.String())
	assert.Equal(t, "227.69 USD", q.Totals.Total.String())

	s.Lines[0].Parts = nil
	_, err = e.Quote(context.Background(), s)
	require.Error(t, err)
	assert.ErrorIs(t, err, duty.ErrMissingBasis)
	assert.Contains(t, err.Error(), "metal_content")
}
