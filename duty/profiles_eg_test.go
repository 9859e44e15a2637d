package duty_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// egTable is a made-up schedule (30% on T-shirts, free smartphones and
// cigarettes): it tests the arithmetic of the Egyptian profile, not
// Egypt's tariff (none is embedded).
func egTable(t *testing.T) *duty.Table {
	t.Helper()
	tb := duty.NewTable()
	require.NoError(t, tb.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "30%"), Source: "test"}))
	require.NoError(t, tb.Add("8517.13", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "Free"), Source: "test"}))
	require.NoError(t, tb.Add("2402.20", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "Free"), Source: "test"}))
	return tb
}

// Egypt: CIF valuation (Customs Law 207/2020 Art. 16); VAT 14% on the
// customs value + duty.
func TestEGQuote(t *testing.T) {
	c := calculator(t, duty.WithSchedule("EG", egTable(t)))
	a := run(t, c, duty.Entry{Destination: "EG", Date: duty.MustDate("2026-12-01"), Mode: "air",
		Freight: duty.MustMoney("800", "EGP"), Insurance: duty.MustMoney("200", "EGP"),
		Lines: []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("10000", "EGP")}}})
	// CIF: 10,000 + 800 + 200 = 11,000.
	eqm(t, "11000", a.CustomsValue, "customs value (CIF)")
	// Duty 30% x 11,000 = 3,300.
	eqm(t, "3300", a.Totals.Duty, "duty")
	v := taxOf(t, a, 0, "VAT")
	// VAT base 11,000 + 3,300 = 14,300; VAT 14% = 2,002.
	eqm(t, "14300", v.Base, "VAT base")
	eqm(t, "2002", v.Amount, "VAT")
	// Total 3,300 + 2,002 = 5,302.
	eqm(t, "5302", a.Totals.Total, "total")
}

// No low-value relief: a parcel of EGP 50 pays VAT (14% x 50 = 7); the
// phone line is flagged for the mobile-phone charges and the cigarette
// line for the schedule tax, each on its own line.
func TestEGSmallParcelAndFlags(t *testing.T) {
	c := calculator(t, duty.WithSchedule("EG", egTable(t)))
	a := run(t, c, duty.Entry{Destination: "EG", Date: duty.MustDate("2026-12-01"), Mode: "post", Consumer: true,
		Lines: []duty.EntryLine{
			{HS: "8517.13.00", Origin: "CN", Value: duty.MustMoney("50", "EGP")},
			{HS: "2402.20.00", Origin: "GB", Value: duty.MustMoney("100", "EGP")},
		}})
	assert.Empty(t, a.DeMinimis, "no threshold")
	eqm(t, "7", taxOf(t, a, 0, "VAT").Amount, "VAT on EGP 50")
	// 14% x 100 = 14.
	eqm(t, "14", taxOf(t, a, 1, "VAT").Amount, "VAT on the cigarettes")
	eqm(t, "21", a.Totals.Total, "total 7 + 14")
	assert.Equal(t, []int{0}, notModelledLines(a, "EG_MOBILE_PHONE_CHARGES"))
	assert.Equal(t, []int{1}, notModelledLines(a, "EG_SCHEDULE_TAX"))
}
