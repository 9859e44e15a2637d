package duty_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// maTable is a made-up schedule (17.5% on T-shirts, 40% on wine): it tests
// the arithmetic of the Moroccan profile, not Morocco's tariff (none is
// embedded).
func maTable(t *testing.T) *duty.Table {
	t.Helper()
	tb := duty.NewTable()
	require.NoError(t, tb.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "17.5%"), Source: "test"}))
	require.NoError(t, tb.Add("2204.21", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "40%"), Source: "test"}))
	return tb
}

// Morocco: CIF valuation; TPI 0.25% of the customs value; VAT 20% on the
// customs value + duty + TPI. An online purchase of any value pays all of
// them (no low-value relief since 2022-07-01).
func TestMAQuote(t *testing.T) {
	c := calculator(t, duty.WithSchedule("MA", maTable(t)))
	a := run(t, c, duty.Entry{Destination: "MA", Date: duty.MustDate("2026-12-01"), Mode: "courier", Consumer: true,
		Freight: duty.MustMoney("100", "MAD"),
		Lines:   []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("1000", "MAD")}}})
	// CIF: 1,000 + 100 = 1,100.
	eqm(t, "1100", a.CustomsValue, "customs value (CIF)")
	// Duty 17.5% x 1,100 = 192.50.
	eqm(t, "192.50", a.Totals.Duty, "duty")
	// TPI 0.25% x 1,100 = 2.75.
	require.Len(t, a.Fees, 1)
	assert.Equal(t, "MA_TPI", a.Fees[0].Code)
	eqm(t, "2.75", a.Totals.Fees, "TPI")
	v := taxOf(t, a, 0, "VAT")
	// VAT base 1,100 + 192.50 + 2.75 = 1,295.25; VAT 20% = 259.05.
	eqm(t, "1295.25", v.Base, "VAT base")
	eqm(t, "259.05", v.Amount, "VAT")
	// Total 192.50 + 2.75 + 259.05 = 454.30.
	eqm(t, "454.30", a.Totals.Total, "total")
	for _, d := range a.DeMinimis {
		assert.False(t, d.Met, "a sale is not a gift: %s not met", d.Code)
	}
}

// A gift between private persons of MAD 1,250 or less is free of duty,
// VAT and TPI; at MAD 1,250.01 it pays in full.
func TestMAGift(t *testing.T) {
	c := calculator(t, duty.WithSchedule("MA", maTable(t)))
	gift := func(value string) duty.Assessment {
		return run(t, c, duty.Entry{Destination: "MA", Date: duty.MustDate("2026-12-01"), Mode: "post", Consumer: true, Gift: true,
			Lines: []duty.EntryLine{{HS: "6109.10.00", Origin: "FR", Value: duty.MustMoney(value, "MAD")}}})
	}
	a := gift("1250")
	eqm(t, "0", a.Totals.Duty, "duty relieved")
	eqm(t, "0", a.Totals.Tax, "VAT relieved")
	eqm(t, "0", a.Totals.Fees, "TPI relieved")
	eqm(t, "0", a.Totals.Total, "total")

	a = gift("1250.01")
	// Duty 17.5% x 1,250.01 = 218.75175 -> 218.75.
	eqm(t, "218.75", a.Totals.Duty, "duty")
	// TPI 0.25% x 1,250.01 = 3.125025 -> 3.13.
	eqm(t, "3.13", a.Totals.Fees, "TPI")
	// VAT 20% x (1,250.01 + 218.75 + 3.13 = 1,471.89) = 294.378 -> 294.38.
	eqm(t, "294.38", a.Totals.Tax, "VAT")
}

// Wine in a gift is not covered: its line pays duty and VAT, the T-shirt
// line is relieved. The TPI relief covers the whole consignment.
func TestMAGiftExcludesAlcohol(t *testing.T) {
	c := calculator(t, duty.WithSchedule("MA", maTable(t)))
	a := run(t, c, duty.Entry{Destination: "MA", Date: duty.MustDate("2026-12-01"), Mode: "post", Consumer: true, Gift: true,
		Lines: []duty.EntryLine{
			{HS: "6109.10.00", Origin: "FR", Value: duty.MustMoney("300", "MAD")},
			{HS: "2204.21.00", Origin: "FR", Value: duty.MustMoney("200", "MAD")},
		}})
	// Wine: duty 40% x 200 = 80; VAT 20% x (200 + 80) = 56.
	eqm(t, "80", a.Totals.Duty, "duty on the wine only")
	eqm(t, "56", a.Totals.Tax, "VAT on the wine only")
	eqm(t, "136", a.Totals.Total, "total")
	assert.Equal(t, []int{1}, notModelledLines(a, "MA_TIC"), "the wine line is flagged for TIC")
}
