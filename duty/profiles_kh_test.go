package duty_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// khTable is a made-up schedule: it tests the arithmetic of the Cambodian
// profile, not Cambodia's tariff (no national tariff is embedded).
func khTable(t *testing.T) *duty.Table {
	t.Helper()
	tb := duty.NewTable()
	require.NoError(t, tb.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "35%"), Source: "test"}))
	require.NoError(t, tb.Add("2204.21", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "35%"), Source: "test"}))
	return tb
}

// Cambodia: CIF valuation; VAT 10% on CIF + customs duty (GDCE: VAT 10%
// flat rate; base per trade sources).
func TestKHQuote(t *testing.T) {
	c := calculator(t, duty.WithSchedule("KH", khTable(t)))
	a := run(t, c, duty.Entry{Destination: "KH", Date: duty.MustDate("2026-12-01"), Mode: "air",
		Freight:   duty.MustMoney("40000", "KHR"),
		Insurance: duty.MustMoney("10000", "KHR"),
		Lines:     []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("400000", "KHR")}}})
	// CIF: 400,000 + 40,000 + 10,000 = 450,000.
	eqm(t, "450000", a.CustomsValue, "customs value (CIF)")
	// Duty 35% (test rate) x 450,000 = 157,500.
	eqm(t, "157500", a.Totals.Duty, "duty")
	v := taxOf(t, a, 0, "VAT")
	// VAT base 450,000 + 157,500 = 607,500; VAT 10% = 60,750.
	eqm(t, "607500", v.Base, "VAT base")
	eqm(t, "60750", v.Amount, "VAT")
	// Total 157,500 + 60,750 = 218,250.
	eqm(t, "218250", a.Totals.Total, "total")
	assert.Empty(t, notModelledCodes(a), "air cargo of T-shirts: nothing flagged")
}

// The reported USD 50 express de minimis is not applied: a courier entry
// is assessed in full and flagged; wine is flagged for its special tax.
// Wine of KHR 100,000 by courier: duty 35% = 35,000; VAT 10% x 135,000 =
// 13,500.
func TestKHFlags(t *testing.T) {
	c := calculator(t, duty.WithSchedule("KH", khTable(t)))
	a := run(t, c, duty.Entry{Destination: "KH", Date: duty.MustDate("2026-12-01"), Mode: "courier",
		Lines: []duty.EntryLine{{HS: "2204.21.00", Origin: "FR", Value: duty.MustMoney("100000", "KHR")}}})
	assert.Empty(t, a.DeMinimis, "no threshold")
	eqm(t, "35000", a.Totals.Duty, "duty")
	eqm(t, "13500", taxOf(t, a, 0, "VAT").Amount, "VAT")
	assert.ElementsMatch(t, []string{"KH_EXPRESS_DE_MINIMIS", "KH_SPECIAL_TAX"}, notModelledCodes(a))

	// The MEF circular names postal express mail (EMS) too: a postal
	// T-shirt of KHR 100,000 is flagged and assessed in full, duty 35%
	// (the test rate) = 35,000 and VAT 10% x 135,000 = 13,500.
	a = run(t, c, duty.Entry{Destination: "KH", Date: duty.MustDate("2026-12-01"), Mode: "post",
		Lines: []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("100000", "KHR")}}})
	eqm(t, "35000", a.Totals.Duty, "duty")
	eqm(t, "13500", a.Totals.Tax, "VAT")
	assert.Equal(t, []string{"KH_EXPRESS_DE_MINIMIS"}, notModelledCodes(a))
}

// Dates before 2026-01-01 are not covered.
func TestKHBefore2026(t *testing.T) {
	c := calculator(t, duty.WithSchedule("KH", khTable(t)))
	_, err := c.Calculate(context.Background(), duty.Entry{Destination: "KH", Date: duty.MustDate("2025-12-31"), Mode: "air",
		Lines: []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("1000", "KHR")}}})
	assert.ErrorIs(t, err, duty.ErrNoProfile)
}
