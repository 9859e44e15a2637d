package duty_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// geTable is a made-up schedule at Georgia's 12% band for T-shirts and
// tea: it tests the arithmetic of the Georgian profile, not Georgia's
// tariff (none is embedded).
func geTable(t *testing.T) *duty.Table {
	t.Helper()
	tb := duty.NewTable()
	require.NoError(t, tb.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "12%"), Source: "test"}))
	require.NoError(t, tb.Add("0902.30", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "12%"), Source: "test"}))
	return tb
}

func geParcel(t *testing.T, c *duty.Calculator, mode string, lines ...duty.EntryLine) duty.Assessment {
	t.Helper()
	return run(t, c, duty.Entry{Destination: "GE", Date: duty.MustDate("2026-12-01"), Mode: mode, Consumer: true, Lines: lines})
}

// Georgia: CIF; VAT 18% on the customs value + duty. A commercial
// consignment by sea pays both.
func TestGEQuote(t *testing.T) {
	c := calculator(t, duty.WithSchedule("GE", geTable(t)))
	a := run(t, c, duty.Entry{Destination: "GE", Date: duty.MustDate("2026-12-01"), Mode: "ocean",
		Freight: duty.MustMoney("500", "GEL"),
		Lines:   []duty.EntryLine{{HS: "6109.10.00", Origin: "TR", Value: duty.MustMoney("10000", "GEL")}}})
	// CIF 10,000 + 500 = 10,500; duty 12% = 1,260.
	eqm(t, "10500", a.CustomsValue, "customs value (CIF)")
	eqm(t, "1260", a.Totals.Duty, "duty")
	v := taxOf(t, a, 0, "VAT")
	// VAT 18% x (10,500 + 1,260 = 11,760) = 2,116.80.
	eqm(t, "11760", v.Base, "VAT base")
	eqm(t, "2116.80", v.Amount, "VAT")
	eqm(t, "3376.80", a.Totals.Total, "total 1,260 + 2,116.80")
	assert.False(t, deMinimisMet(a, "GE_PARCEL_300"), "not a parcel mode")
}

// A parcel of GEL 300 or less of goods of chapters 28-97 is free of duty
// and VAT; at GEL 300.01 it pays both.
func TestGEParcel300(t *testing.T) {
	c := calculator(t, duty.WithSchedule("GE", geTable(t)))
	a := geParcel(t, c, "courier", duty.EntryLine{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("300", "GEL")})
	assert.True(t, deMinimisMet(a, "GE_PARCEL_300"))
	eqm(t, "0", a.Totals.Total, "relieved")

	a = geParcel(t, c, "post", duty.EntryLine{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("300.01", "GEL")})
	assert.False(t, deMinimisMet(a, "GE_PARCEL_300"))
	// Duty 12% x 300.01 = 36.0012 -> 36.00; VAT 18% x 336.01 = 60.4818 -> 60.48.
	eqm(t, "36", a.Totals.Duty, "duty")
	eqm(t, "60.48", a.Totals.Tax, "VAT")
	eqm(t, "96.48", a.Totals.Total, "total")
}

// Tea (chapter 09) is outside the postal exemption: in a GEL 200 parcel
// its line pays duty and VAT while the T-shirt line is relieved.
func TestGEParcelExcludesChapters01To27(t *testing.T) {
	c := calculator(t, duty.WithSchedule("GE", geTable(t)))
	a := geParcel(t, c, "post",
		duty.EntryLine{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("150", "GEL")},
		duty.EntryLine{HS: "0902.30.00", Origin: "CN", Value: duty.MustMoney("50", "GEL")})
	assert.True(t, deMinimisMet(a, "GE_PARCEL_300"))
	// Tea: duty 12% x 50 = 6; VAT 18% x 56 = 10.08; total 16.08.
	eqm(t, "6", a.Totals.Duty, "duty on the tea")
	eqm(t, "10.08", a.Totals.Tax, "VAT on the tea")
	eqm(t, "16.08", a.Totals.Total, "total")
}

// The Revenue Service fee on parcels over GEL 300 is flagged, not charged.
func TestGEServiceFeeFlagged(t *testing.T) {
	c := calculator(t, duty.WithSchedule("GE", geTable(t)))
	a := geParcel(t, c, "courier", duty.EntryLine{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("400", "GEL")})
	assert.True(t, hasWarning(a, duty.NotModelled, "GE_CUSTOMS_SERVICE_FEE"))
	a = geParcel(t, c, "courier", duty.EntryLine{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("300", "GEL")})
	assert.False(t, hasWarning(a, duty.NotModelled, "GE_CUSTOMS_SERVICE_FEE"))
}
