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

// Books, newspapers and periodicals pay the 11% rate (Skatturinn, Gjöld
// við innflutning); a book by post of ISK 5,000 with ISK 1,000 freight:
// CIF 6,000, duty free, VAT 11% x 6,000 = 660. A T-shirt in the same
// consignment keeps 24%.
func TestISReducedRateBooks(t *testing.T) {
	tb := isTable(t)
	require.NoError(t, tb.Add("4901.99", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "Free"), Source: "test"}))
	c := calculator(t, duty.WithSchedule("IS", tb))
	a := run(t, c, duty.Entry{Destination: "IS", Date: duty.MustDate("2026-12-01"), Mode: "post",
		Freight: duty.MustMoney("1000", "ISK"),
		Lines:   []duty.EntryLine{{HS: "4901.99.00", Origin: "GB", Value: duty.MustMoney("5000", "ISK")}}})
	eqm(t, "6000", a.CustomsValue, "CIF")
	eqm(t, "660", taxOf(t, a, 0, "VAT").Amount, "VAT 11% on a book")
	// Book 5,000 and T-shirt 5,000, freight 2,000 shared by value (1,000
	// each): book VAT 11% x 6,000 = 660; T-shirt duty 10% x 6,000 = 600,
	// VAT 24% x 6,600 = 1,584.
	a = run(t, c, duty.Entry{Destination: "IS", Date: duty.MustDate("2026-12-01"), Mode: "post",
		Freight: duty.MustMoney("2000", "ISK"),
		Lines: []duty.EntryLine{
			{HS: "4901.99.00", Origin: "GB", Value: duty.MustMoney("5000", "ISK")},
			{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("5000", "ISK")},
		}})
	eqm(t, "660", taxOf(t, a, 0, "VAT").Amount, "book VAT")
	eqm(t, "1584", taxOf(t, a, 1, "VAT").Amount, "T-shirt VAT")
}
