package duty_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// doTable is a made-up schedule (20% on sweaters, 20% on rum): it tests
// the arithmetic of the Dominican profile, not the Dominican tariff (no
// tariff is embedded).
func doTable(t *testing.T) *duty.Table {
	t.Helper()
	tb := duty.NewTable()
	require.NoError(t, tb.Add("6110.20", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "20%"), Source: "test"}))
	require.NoError(t, tb.Add("2208.40", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "20%"), Source: "test"}))
	return tb
}

// doCalc prices USD at a test rate of DOP 60, so USD 200 is DOP 12,000.
func doCalc(t *testing.T) *duty.Calculator {
	t.Helper()
	return calculator(t, duty.WithSchedule("DO", doTable(t)), duty.WithRates(duty.FixedRates{"USD/DOP": dec("60")}))
}

func doEntry(mode string, consumer bool, hs, value, freight string) duty.Entry {
	e := duty.Entry{Destination: "DO", Date: duty.MustDate("2026-06-01"), Mode: mode, ShippedFrom: "US", Consumer: consumer,
		Lines: []duty.EntryLine{{HS: hs, Origin: "CN", Value: duty.MustMoney(value, "DOP")}}}
	if freight != "" {
		e.Freight = duty.MustMoney(freight, "DOP")
	}
	return e
}

// An ordinary import: CIF, ITBIS 18% on CIF + tariff, the arithmetic of
// the Cámara de Santiago FAQ ("CIF + 20% tariff ... multiplied by 1.18").
func TestDOQuote(t *testing.T) {
	e := doEntry("ocean", false, "6110.20.00", "100000", "8000")
	e.Insurance = duty.MustMoney("2000", "DOP")
	a := run(t, doCalc(t), e)
	// CIF: 100,000 + 8,000 + 2,000 = 110,000.
	eqm(t, "110000", a.CustomsValue, "customs value (CIF)")
	// Tariff 20% x 110,000 = 22,000.
	eqm(t, "22000", a.Totals.Duty, "tariff")
	// ITBIS 18% x (110,000 + 22,000 = 132,000) = 23,760; (CIF + tariff)
	// x 1.18 = 155,760, of which 23,760 is ITBIS.
	v := taxOf(t, a, 0, "ITBIS")
	eqm(t, "132000", v.Base, "ITBIS base")
	eqm(t, "23760", v.Amount, "ITBIS")
	eqm(t, "45760", a.Totals.Total, "total")
}

// A personal courier parcel of USD 200 FOB or less pays nothing
// (Decreto 402-05); a cent more, or a business parcel, pays in full. The
// relief is confirmed to 2025-03-06 only: STALE_DATA.
func TestDOCourier200(t *testing.T) {
	c := doCalc(t)
	// Goods DOP 12,000 = USD 200, freight 1,200 (not compared: FOB).
	a := run(t, c, doEntry("courier", true, "6110.20.00", "12000", "1200"))
	eqm(t, "0", a.Totals.Total, "USD 200 parcel")
	assert.True(t, hasWarning(a, duty.StaleData, ""), "STALE_DATA")
	assert.True(t, hasWarning(a, duty.NotModelled, "DO_COURIER_DGA_FEE"), "the DGA fee is flagged")

	// Goods DOP 12,000.60 = USD 200.01, freight 1,199.40: CIF 13,200;
	// tariff 20% = 2,640; ITBIS 18% x 15,840 = 2,851.20; total 5,491.20.
	a = run(t, c, doEntry("courier", true, "6110.20.00", "12000.60", "1199.40"))
	eqm(t, "2640", a.Totals.Duty, "tariff above USD 200")
	eqm(t, "5491.2", a.Totals.Total, "total above USD 200")

	// The USD 200 parcel sold to a business: CIF 12,000 + 1,200 =
	// 13,200; tariff 20% = 2,640; ITBIS 18% x 15,840 = 2,851.20; total
	// 5,491.20.
	a = run(t, c, doEntry("courier", false, "6110.20.00", "12000", "1200"))
	eqm(t, "5491.2", a.Totals.Total, "business parcel")
}

// Rum: the selective consumption tax is flagged, not computed.
func TestDOSelectiveTaxFlagged(t *testing.T) {
	a := run(t, doCalc(t), doEntry("air", false, "2208.40.00", "10000", ""))
	assert.True(t, hasWarning(a, duty.NotModelled, "DO_SELECTIVE_TAX"))
	// Tariff 2,000; ITBIS 18% x 12,000 = 2,160; total 4,160 (ISC left out).
	eqm(t, "4160", a.Totals.Total, "total without ISC")
}
