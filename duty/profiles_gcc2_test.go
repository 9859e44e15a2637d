package duty_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// gccTable is a made-up schedule at the GCC Common External Tariff's
// general rate (5%) and the tobacco rate (100%): it tests the arithmetic
// of the Qatari and Kuwaiti profiles, not their tariffs (none is embedded).
func gccTable(t *testing.T) *duty.Table {
	t.Helper()
	tb := duty.NewTable()
	require.NoError(t, tb.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "5%"), Source: "test"}))
	require.NoError(t, tb.Add("2402.20", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "100%"), Source: "test"}))
	return tb
}

// Qatar: CIF valuation under the GCC Common Customs Law and no VAT, so the
// quote is the duty alone.
func TestQAQuote(t *testing.T) {
	c := calculator(t, duty.WithSchedule("QA", gccTable(t)))
	a := run(t, c, duty.Entry{Destination: "QA", Date: duty.MustDate("2026-12-01"), Mode: "courier",
		Freight: duty.MustMoney("150", "QAR"), Insurance: duty.MustMoney("10", "QAR"),
		Lines: []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("2000", "QAR")}}})
	// CIF: goods 2,000 + freight 150 + insurance 10 = 2,160.
	eqm(t, "2160", a.CustomsValue, "customs value (CIF)")
	// Duty 5% x 2,160 = 108.
	eqm(t, "108", a.Totals.Duty, "duty")
	// No VAT: tax 0, total = duty = 108.
	eqm(t, "0", a.Totals.Tax, "no VAT")
	assert.Empty(t, a.Lines[0].Taxes, "no tax line")
	eqm(t, "108", a.Totals.Total, "total")
	assert.Empty(t, a.DeMinimis, "no threshold is modelled")
	// A business entry is not flagged for the personal-parcel exemption.
	assert.Empty(t, notModelledLines(a, "QA_PERSONAL_PARCEL_EXEMPTION"))
}

// A consumer's parcel is flagged: the personal-parcel exemption (limit
// unconfirmed) is not modelled; the cigarette line is flagged for excise,
// the T-shirt line is not.
func TestQAFlags(t *testing.T) {
	c := calculator(t, duty.WithSchedule("QA", gccTable(t)))
	a := run(t, c, duty.Entry{Destination: "QA", Date: duty.MustDate("2026-12-01"), Mode: "post", Consumer: true,
		Lines: []duty.EntryLine{
			{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("300", "QAR")},
			{HS: "2402.20.00", Origin: "GB", Value: duty.MustMoney("200", "QAR")},
		}})
	// Duty 5% x 300 = 15 and 100% x 200 = 200; total 215.
	eqm(t, "215", a.Totals.Duty, "duty")
	eqm(t, "215", a.Totals.Total, "total")
	assert.Equal(t, []int{-1}, notModelledLines(a, "QA_PERSONAL_PARCEL_EXEMPTION"), "entry-level flag for a consumer")
	assert.Equal(t, []int{1}, notModelledLines(a, "QA_EXCISE"), "only the cigarette line")
}

// Kuwait: CIF valuation and no VAT; the KWD has three decimals (fils).
func TestKWQuote(t *testing.T) {
	c := calculator(t, duty.WithSchedule("KW", gccTable(t)))
	a := run(t, c, duty.Entry{Destination: "KW", Date: duty.MustDate("2026-12-01"), Mode: "air",
		Freight: duty.MustMoney("12.345", "KWD"),
		Lines:   []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("250.000", "KWD")}}})
	// CIF: 250.000 + 12.345 = 262.345.
	eqm(t, "262.345", a.CustomsValue, "customs value (CIF)")
	// Duty 5% x 262.345 = 13.11725, half up to the fils: 13.117.
	eqm(t, "13.117", a.Totals.Duty, "duty")
	eqm(t, "0", a.Totals.Tax, "no VAT")
	eqm(t, "13.117", a.Totals.Total, "total")
	assert.Empty(t, notModelledLines(a, "KW_PERSONAL_SHIPMENT_EXEMPTION"), "business entry not flagged")
}

// A Kuwaiti consumer's shipment is flagged for the KWD 100 exemption of
// customs instruction 94/2020, whose status is unconfirmed, and pays the
// duty in full: 5% x 80.000 = 4.000.
func TestKWPersonalShipmentFlagged(t *testing.T) {
	c := calculator(t, duty.WithSchedule("KW", gccTable(t)))
	a := run(t, c, duty.Entry{Destination: "KW", Date: duty.MustDate("2026-12-01"), Mode: "courier", Consumer: true,
		Lines: []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("80.000", "KWD")}}})
	eqm(t, "4", a.Totals.Duty, "duty")
	eqm(t, "4", a.Totals.Total, "total")
	assert.Equal(t, []int{-1}, notModelledLines(a, "KW_PERSONAL_SHIPMENT_EXEMPTION"))
}

// Dates before the profiles' conservative start are not quoted.
func TestQAKWBeforeFrom(t *testing.T) {
	c := calculator(t, duty.WithSchedule("QA", gccTable(t)), duty.WithSchedule("KW", gccTable(t)))
	for _, d := range []struct{ dest, cur string }{{"QA", "QAR"}, {"KW", "KWD"}} {
		_, err := c.Calculate(context.Background(), duty.Entry{Destination: d.dest, Date: duty.MustDate("2024-12-31"), Mode: "air",
			Lines: []duty.EntryLine{{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("10", d.cur)}}})
		assert.ErrorIs(t, err, duty.ErrNoProfile, d.dest)
	}
}
