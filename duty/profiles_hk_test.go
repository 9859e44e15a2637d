package duty_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// hkTable is a made-up schedule: Hong Kong has no customs tariff, so the
// caller gives its lines a Free measure (or an excise measure of its own).
func hkTable(t *testing.T) *duty.Table {
	t.Helper()
	tb := duty.NewTable()
	require.NoError(t, tb.Add("8518.30", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "Free"), Source: "test"}))
	require.NoError(t, tb.Add("2402.20", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "Free"), Source: "test"}))
	return tb
}

// Hong Kong: a free port, no customs tariff and no VAT or GST (C&ED), so
// a parcel of any value pays nothing and no threshold is tested.
func TestHKQuote(t *testing.T) {
	c := calculator(t, duty.WithSchedule("HK", hkTable(t)))
	for _, value := range []string{"100", "1000000"} {
		a := run(t, c, duty.Entry{Destination: "HK", Date: duty.MustDate("2026-12-01"), Mode: "courier",
			Freight: duty.MustMoney("50", "HKD"),
			Lines:   []duty.EntryLine{{HS: "8518.30.00", Origin: "CN", Value: duty.MustMoney(value, "HKD")}}})
		// FOB: the customs value is the goods value, freight left out.
		eqm(t, value, a.CustomsValue, "customs value (FOB) of "+value)
		eqm(t, "0", a.Totals.Duty, "duty")
		eqm(t, "0", a.Totals.Tax, "no VAT or GST")
		eqm(t, "0", a.Totals.Total, "total")
		assert.Empty(t, a.Lines[0].Taxes, "no tax line")
		assert.Empty(t, a.DeMinimis, "no threshold")
	}
}

// Cigarettes are a dutiable commodity whose excise is not computed: the
// line is flagged NOT_MODELLED, a headphone line is not.
func TestHKDutiableCommoditiesFlagged(t *testing.T) {
	c := calculator(t, duty.WithSchedule("HK", hkTable(t)))
	a := run(t, c, duty.Entry{Destination: "HK", Date: duty.MustDate("2026-12-01"), Mode: "air", Lines: []duty.EntryLine{
		{HS: "8518.30.00", Origin: "CN", Value: duty.MustMoney("500", "HKD")},
		{HS: "2402.20.00", Origin: "GB", Value: duty.MustMoney("500", "HKD")},
	}})
	assert.Equal(t, []int{1}, notModelledLines(a, "HK_DUTIABLE_COMMODITIES"), "only the cigarette line")
}
