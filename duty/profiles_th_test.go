package duty_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// thTable is a made-up schedule: it tests the arithmetic of the Thai
// profile, not Thailand's tariff (no national tariff is embedded).
func thTable(t *testing.T) *duty.Table {
	t.Helper()
	tb := duty.NewTable()
	require.NoError(t, tb.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "10%"), Source: "test"}))
	require.NoError(t, tb.Add("2204.21", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "54%"), Source: "test"}))
	return tb
}

// Thailand: CIF valuation; VAT 7% on CIF + import duty (Thai Customs,
// Sample of Duty Assessment: "Base VAT = CIF value + Import duty + Fee +
// Excise tax + Interior tax"; no fee or excise here).
func TestTHQuote(t *testing.T) {
	c := calculator(t, duty.WithSchedule("TH", thTable(t)))
	a := run(t, c, duty.Entry{Destination: "TH", Date: duty.MustDate("2026-06-01"), Mode: "courier",
		Freight:   duty.MustMoney("150", "THB"),
		Insurance: duty.MustMoney("50", "THB"),
		Lines:     []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("1000", "THB")}}})
	// CIF: 1,000 + 150 + 50 = 1,200.
	eqm(t, "1200", a.CustomsValue, "customs value (CIF)")
	// Duty 10% (test rate) x 1,200 = 120.
	eqm(t, "120", a.Totals.Duty, "duty")
	v := taxOf(t, a, 0, "VAT")
	// VAT base 1,200 + 120 = 1,320; VAT 7% x 1,320 = 92.40.
	eqm(t, "1320", v.Base, "VAT base")
	eqm(t, "92.40", v.Amount, "VAT")
	// Total 120 + 92.40 = 212.40.
	eqm(t, "212.40", a.Totals.Total, "total")
	assert.False(t, hasWarning(a, duty.StaleData, ""), "the 7% decree runs to 2026-09-30")
}

// From 2026-01-01 the THB 1,500 duty exemption is gone (Customs
// Announcement 219/2568): a parcel of THB 300 pays duty and VAT.
func TestTHNoLowValueRelief(t *testing.T) {
	c := calculator(t, duty.WithSchedule("TH", thTable(t)))
	a := run(t, c, duty.Entry{Destination: "TH", Date: duty.MustDate("2026-01-01"), Mode: "post",
		Lines: []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("300", "THB")}}})
	assert.Empty(t, a.DeMinimis, "no threshold")
	// Duty 10% x 300 = 30; VAT 7% x 330 = 23.10; total 53.10.
	eqm(t, "30", a.Totals.Duty, "duty on THB 300")
	eqm(t, "23.10", taxOf(t, a, 0, "VAT").Amount, "VAT on THB 300")
	eqm(t, "53.10", a.Totals.Total, "total on THB 300")
}

// The Royal Decree keeping VAT at 7% ends on 2026-09-30 and no extension
// was found: a later quote still uses 7% and carries STALE_DATA.
func TestTHVATStaleAfterDecree(t *testing.T) {
	c := calculator(t, duty.WithSchedule("TH", thTable(t)))
	a := run(t, c, duty.Entry{Destination: "TH", Date: duty.MustDate("2026-10-01"), Mode: "courier",
		Lines: []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("1000", "THB")}}})
	// Duty 100; VAT 7% x 1,100 = 77.
	eqm(t, "77", taxOf(t, a, 0, "VAT").Amount, "VAT")
	assert.True(t, hasWarning(a, duty.StaleData, ""), "the decree's period has ended")
}

// Before 2026-01-01 (the THB 1,500 exemption) nothing is embedded.
func TestTHBefore2026(t *testing.T) {
	c := calculator(t, duty.WithSchedule("TH", thTable(t)))
	_, err := c.Calculate(context.Background(), duty.Entry{Destination: "TH", Date: duty.MustDate("2025-12-31"), Mode: "post",
		Lines: []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("300", "THB")}}})
	assert.ErrorIs(t, err, duty.ErrNoProfile)
}

// Wine: excise and interior tax are not computed, so the line is flagged
// NOT_MODELLED; duty 54% (test rate) x 1,000 = 540; VAT 7% x 1,540 =
// 107.80 (without the excise that would also be in its base).
func TestTHExciseFlagged(t *testing.T) {
	c := calculator(t, duty.WithSchedule("TH", thTable(t)))
	a := run(t, c, duty.Entry{Destination: "TH", Date: duty.MustDate("2026-06-01"), Mode: "courier", Lines: []duty.EntryLine{
		{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("1000", "THB")},
		{HS: "2204.21.00", Origin: "FR", Value: duty.MustMoney("1000", "THB")},
	}})
	assert.Equal(t, []int{1}, notModelledLines(a, "TH_EXCISE"), "only the wine line")
	eqm(t, "540", a.Lines[1].Duty, "wine duty")
	eqm(t, "107.80", taxOf(t, a, 1, "VAT").Amount, "wine VAT")
}
