package ior_test

import (
	"context"
	"testing"

	"github.com/iorkit/iorkit/ior"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sample shipment (100 T-shirts at 5.00 EUR, freight 50.00: customs
// value 550.00 EUR, VAT 19%) under three classifications, by hand:
//
//	6109.10 (12%): duty 66.00, VAT 19% × 616.00 = 117.04, total 183.04
//	8518.30 (2%):  duty 11.00, VAT 19% × 561.00 = 106.59, total 117.59
//	9999.99:       in no tariff: unpriced
func TestQuoteRangeHSAlternatives(t *testing.T) {
	s := loadShipment(t, "shipment_de.json")
	s.Lines[0].HSAlternatives = []string{"8518.30", "9999.99"}
	q, err := euEngine(t).Quote(context.Background(), s)
	require.NoError(t, err)
	require.NotNil(t, q.Range)
	r := q.Range
	assert.Equal(t, "183.04 EUR", q.Totals.Total.String(), "the quote is the expected case")
	assert.Equal(t, "183.04 EUR", r.Expected.Total.String())
	assert.Equal(t, "117.59 EUR", r.Min.Total.String())
	assert.Equal(t, "11.00 EUR", r.Min.Duty.String())
	assert.Equal(t, "106.59 EUR", r.Min.Tax.String())
	assert.Equal(t, "183.04 EUR", r.Max.Total.String())
	assert.Equal(t, []ior.Choice{{Line: 0, HS: "8518.30", Origin: "CN"}}, r.Min.Choices)
	assert.Equal(t, []ior.Choice{{Line: 0, HS: "6109.10", Origin: "CN"}}, r.Max.Choices)
	require.Len(t, r.Unpriced, 1)
	assert.Equal(t, "9999.99", r.Unpriced[0].HS)
	assert.NotEmpty(t, r.Unpriced[0].Reason)
}

// An unknown origin with two candidates. The table gives Vietnamese
// T-shirts 0% under the EU-Vietnam agreement: duty 0, VAT 19% × 550.00 =
// 104.50. Chinese ones pay 12%: 183.04 in all (above). The first listed
// origin is the expected one.
func TestQuoteRangeUnknownOrigin(t *testing.T) {
	eu := table(t, "6109.10,mfn,12%,,,2020-01-01,,CN 2026 6109 10 00 (test)\n"+
		"6109.10,preferential,0%,VN,EVFTA,2020-08-01,,Regulation (EU) 2020/1157 (test)\n")
	eng, err := ior.NewEngine(ior.WithSchedule("EU", eu), ior.WithoutSampleTariff())
	require.NoError(t, err)
	s := loadShipment(t, "shipment_de.json")
	s.Lines[0].Origin = ""
	s.Lines[0].OriginAlternatives = []string{"CN", "VN"}
	q, err := eng.Quote(context.Background(), s)
	require.NoError(t, err)
	r := q.Range
	require.NotNil(t, r)
	assert.Equal(t, "183.04 EUR", r.Expected.Total.String())
	assert.Equal(t, "104.50 EUR", r.Min.Total.String())
	assert.Equal(t, "VN", r.Min.Choices[0].Origin)
	assert.Equal(t, "CN", r.Max.Choices[0].Origin)
	assert.Empty(t, r.Unpriced)
}

func TestQuoteRangeErrors(t *testing.T) {
	s := loadShipment(t, "shipment_de.json")
	s.Lines[0].Origin = ""
	_, err := euEngine(t).Quote(context.Background(), s)
	assert.ErrorIs(t, err, ior.ErrRequired, "an unknown origin needs candidates")

	s = loadShipment(t, "shipment_de.json")
	s.Lines[0].HSAlternatives = []string{"12"}
	_, err = euEngine(t).Quote(context.Background(), s)
	assert.ErrorIs(t, err, ior.ErrInvalidHS)

	// Every candidate outside the tariff: the quote fails as without
	// alternatives.
	s = loadShipment(t, "shipment_de.json")
	s.Lines[0].HS = "9999.98"
	s.Lines[0].HSAlternatives = []string{"9999.99"}
	_, err = euEngine(t).Quote(context.Background(), s)
	assert.Equal(t, ior.ClassUncovered, ior.Classify(err))
}
