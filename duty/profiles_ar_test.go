package duty_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// arTable is a made-up schedule of one line at 16%: it tests the
// arithmetic of the Argentine profile, not the Mercosur common tariff (no
// tariff is embedded).
func arTable(t *testing.T) *duty.Table {
	t.Helper()
	tb := duty.NewTable()
	require.NoError(t, tb.Add("8518.30", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "16%"), Source: "test"}))
	return tb
}

// arCalc prices USD at a test rate of ARS 1,000, so USD 400 is ARS 400,000.
func arCalc(t *testing.T) *duty.Calculator {
	t.Helper()
	return calculator(t, duty.WithSchedule("AR", arTable(t)), duty.WithRates(duty.FixedRates{"USD/ARS": dec("1000")}))
}

func arEntry(mode string, consumer bool, value, freight string) duty.Entry {
	e := duty.Entry{Destination: "AR", Date: duty.MustDate("2026-06-01"), Mode: mode, ShippedFrom: "US", Consumer: consumer,
		Lines: []duty.EntryLine{{HS: "8518.30.00", Origin: "CN", Value: duty.MustMoney(value, "ARS")}}}
	if freight != "" {
		e.Freight = duty.MustMoney(freight, "ARS")
	}
	return e
}

// An ordinary import: CIF (AFIP), duty on CIF, statistics fee 3% of CIF,
// IVA 21% on CIF + duty + fee. The arithmetic follows the worked example
// of elinsignia.com (base IVA = CIF + ad valorem duty + statistics fee).
func TestARQuote(t *testing.T) {
	e := arEntry("ocean", false, "1000000", "100000")
	e.Insurance = duty.MustMoney("10000", "ARS")
	a := run(t, arCalc(t), e)
	// CIF: 1,000,000 + 100,000 + 10,000 = 1,110,000.
	eqm(t, "1110000", a.CustomsValue, "customs value (CIF)")
	// Duty 16% x 1,110,000 = 177,600.
	eqm(t, "177600", a.Totals.Duty, "duty")
	// Statistics fee 3% x 1,110,000 = 33,300.
	te, ok := feeOf(a, "AR_TASA_ESTADISTICA")
	require.True(t, ok)
	eqm(t, "33300", te.Amount, "tasa de estadística")
	// IVA base 1,110,000 + 177,600 + 33,300 = 1,320,900; 21% = 277,389.
	v := taxOf(t, a, 0, "IVA")
	eqm(t, "1320900", v.Base, "IVA base")
	eqm(t, "277389", v.Amount, "IVA")
	// Total 177,600 + 33,300 + 277,389 = 488,289.
	eqm(t, "488289", a.Totals.Total, "total")
	// A business import: the perceptions are flagged, not added.
	assert.True(t, hasWarning(a, duty.NotModelled, "AR_IMPORT_PERCEPTIONS"))
}

// A personal courier consignment of goods up to USD 400 FOB pays neither
// duty nor statistics fee (Decreto 1065/2024); IVA stays due on CIF.
func TestARCourierUpTo400(t *testing.T) {
	// Goods ARS 400,000 = USD 400, freight 20,000 (not compared: FOB).
	a := run(t, arCalc(t), arEntry("courier", true, "400000", "20000"))
	eqm(t, "0", a.Totals.Duty, "no duty")
	te, ok := feeOf(a, "AR_TASA_ESTADISTICA")
	require.True(t, ok, "the fee is shown, relieved")
	eqm(t, "0", te.Amount, "no statistics fee")
	// IVA 21% x CIF 420,000 = 88,200.
	eqm(t, "88200", taxOf(t, a, 0, "IVA").Amount, "IVA")
	eqm(t, "88200", a.Totals.Total, "total")
	// The relief is confirmed to 2025-01-02 only: the quote says so.
	assert.True(t, hasWarning(a, duty.StaleData, ""), "STALE_DATA")
}

// Above USD 400, or not sold to a consumer, the consignment pays in full;
// above USD 400 the quote says the relief of the excess is not modelled.
func TestARCourierAbove400(t *testing.T) {
	// Goods ARS 400,010 = USD 400.01, no freight. Duty 16% = 64,001.60;
	// fee 3% = 12,000.30; IVA 21% x (400,010 + 64,001.60 + 12,000.30 =
	// 476,011.90) = 99,962.499 -> 99,962.50; total 175,964.40.
	a := run(t, arCalc(t), arEntry("courier", true, "400010", ""))
	eqm(t, "64001.6", a.Totals.Duty, "duty")
	eqm(t, "99962.5", taxOf(t, a, 0, "IVA").Amount, "IVA")
	eqm(t, "175964.4", a.Totals.Total, "total")
	assert.True(t, hasWarning(a, duty.NotModelled, "AR_COURIER_400_EXCESS"))

	// USD 300 sold to a business: duty 16% x 300,000 = 48,000; fee 9,000;
	// IVA 21% x 357,000 = 74,970; total 131,970.
	a = run(t, arCalc(t), arEntry("courier", false, "300000", ""))
	eqm(t, "48000", a.Totals.Duty, "business duty")
	eqm(t, "131970", a.Totals.Total, "business total")
}

// A postal parcel is assessed as an ordinary import and flagged: the
// door-to-door regime is not modelled.
func TestARPostFlagged(t *testing.T) {
	a := run(t, arCalc(t), arEntry("post", true, "100000", ""))
	assert.True(t, hasWarning(a, duty.NotModelled, "AR_POSTAL_PUERTA_A_PUERTA"))
	// Duty 16,000; fee 3,000; IVA 21% x 119,000 = 24,990; total 43,990.
	eqm(t, "43990", a.Totals.Total, "ordinary assessment")
}

// The statistics fee is in force to 2027-12-31 (Decreto 1140/2024): a
// later date is refused rather than guessed.
func TestARStatisticsFeeEnds(t *testing.T) {
	e := arEntry("ocean", false, "100000", "")
	e.Date = duty.MustDate("2028-01-05")
	_, err := arCalc(t).Calculate(t.Context(), e)
	assert.ErrorIs(t, err, duty.ErrDataExpired)
}
