package duty_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// isTable is a made-up schedule of two lines: it tests the arithmetic of the
// Icelandic profile, not Iceland's tariff (no national tariff is embedded).
func isTable(t *testing.T) *duty.Table {
	t.Helper()
	tb := duty.NewTable()
	require.NoError(t, tb.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "10%"), Source: "test"}))
	require.NoError(t, tb.Add("8471.30", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "Free"), Source: "test"}))
	return tb
}

// Iceland: CIF valuation, VAT 24% on customs value + duty, no de minimis
// (tollur.is: goods are dutiable whatever their value).
func TestISQuote(t *testing.T) {
	c := calculator(t, duty.WithSchedule("IS", isTable(t)))
	a := run(t, c, duty.Entry{Destination: "IS", Date: duty.MustDate("2026-12-01"), Mode: "courier",
		Freight: duty.MustMoney("2000", "ISK"),
		Lines:   []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("10000", "ISK")}}})
	// CIF: goods 10,000 + freight 2,000 = 12,000.
	eqm(t, "12000", a.CustomsValue, "customs value (CIF)")
	// Duty 10% x 12,000 = 1,200.
	eqm(t, "1200", a.Totals.Duty, "duty")
	v := taxOf(t, a, 0, "VAT")
	// VAT base 12,000 + 1,200 = 13,200; VAT 24% x 13,200 = 3,168.
	eqm(t, "13200", v.Base, "VAT base")
	eqm(t, "3168", v.Amount, "VAT")
	// Total 1,200 + 3,168 = 4,368.
	eqm(t, "4368", a.Totals.Total, "total")
}

// No threshold: parcels of ISK 100 and of ISK 4 pay VAT (no de minimis
// outcome at all).
func TestISNoDeMinimis(t *testing.T) {
	c := calculator(t, duty.WithSchedule("IS", isTable(t)))
	for _, tc := range []struct{ value, vat string }{
		{"100", "24"}, // 24% x 100
		{"4", "1"},    // 24% x 4 = 0.96 -> 1 (krona, half up)
	} {
		a := run(t, c, duty.Entry{Destination: "IS", Date: duty.MustDate("2026-12-01"), Mode: "post",
			Lines: []duty.EntryLine{{HS: "8471.30.00", Origin: "CN", Value: duty.MustMoney(tc.value, "ISK")}}})
		assert.Empty(t, a.DeMinimis, "Iceland has no value threshold")
		eqm(t, "0", a.Totals.Duty, "duty free line")
		eqm(t, tc.vat, taxOf(t, a, 0, "VAT").Amount, "VAT on ISK "+tc.value)
	}
}
