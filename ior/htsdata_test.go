//go:build !iorkit_nohtsdata

package ior_test

import (
	"context"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The default US schedule is the embedded HTS: a Chinese T-shirt pays the
// general rate and the Section 301 list 4A layer, and the quote says what
// it assumed (the FY2026 MPF after its review date).
func TestQuoteEmbeddedHTS(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	s := readShipment(t, "../examples/shipments/us-headphones.json")
	s.Date = duty.MustDate("2026-12-01")
	s.Mode = ior.Air
	s.Lines[1].Origin = "CN"
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	// Line 1: 3 × 20.00 = 60.00; 16.5% = 9.90 (6109.10.00) and 7.5% = 4.50
	// (9903.88.15): 14.40. Line 0: 8518.30.20 Free.
	assert.Equal(t, "0.00 USD", q.Lines[0].Duty.String())
	assert.Equal(t, "14.40 USD", q.Lines[1].Duty.String())
	require.Len(t, q.Lines[1].Duties, 2)
	assert.Equal(t, "ADD", q.Lines[1].Duties[1].Code)
	require.Len(t, q.Warnings, 1)
	assert.Equal(t, duty.StaleData, q.Warnings[0].Code)

	// A Chinese plastic article: Section 301 list membership of chapter 39
	// is not in the data.
	s.Lines[1].HS = "3926.90.99"
	q, err = e.Quote(context.Background(), s)
	require.NoError(t, err)
	var codes []duty.WarningCode
	for _, w := range q.Warnings {
		codes = append(codes, w.Code)
	}
	assert.Contains(t, codes, duty.LayersNotLoaded)

	// With a US schedule of the caller's, the embedded one is not used.
	own, err := ior.NewEngine(ior.WithSchedule("US", usTable(t)))
	require.NoError(t, err)
	s = readShipment(t, "../examples/shipments/us-headphones.json")
	s.Mode = ior.Air
	q, err = own.Quote(context.Background(), s, ior.Strict())
	require.NoError(t, err)
	assert.Equal(t, "9.90 USD", q.Totals.Duty.String(), "16.5% of 60.00 from the caller's table")
}
