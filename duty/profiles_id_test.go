package duty_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// idTable is a made-up schedule: it tests the arithmetic of the Indonesian
// profile, not Indonesia's tariff (no national tariff is embedded).
func idTable(t *testing.T) *duty.Table {
	t.Helper()
	tb := duty.NewTable()
	require.NoError(t, tb.Add("8518.30", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "10%"), Source: "test"}))
	require.NoError(t, tb.Add("6109.10", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "30%"), Source: "test"}))
	require.NoError(t, tb.Add("9102.11", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "10%"), Source: "test"}))
	require.NoError(t, tb.Add("4901.99", duty.Measure{Kind: duty.MFN, Rate: pRate(t, "5%"), Source: "test"}))
	return tb
}

func idCalc(t *testing.T) *duty.Calculator {
	t.Helper()
	// USD 1 = IDR 16,000 (a test rate).
	return calculator(t, duty.WithSchedule("ID", idTable(t)), duty.WithRates(duty.FixedRates{"USD/IDR": dec("16000")}))
}

func idEntry(mode, hs, goods, freight string) duty.Entry {
	return duty.Entry{Destination: "ID", Date: duty.MustDate("2026-06-01"), Mode: mode, Consumer: true,
		Freight: duty.MustMoney(freight, "IDR"),
		Lines:   []duty.EntryLine{{HS: hs, Origin: "CN", Value: duty.MustMoney(goods, "IDR")}}}
}

// A consignment of FOB USD 2 (IDR 32,000) by courier: no import duty up to
// FOB USD 3, PPN collected (Bea Cukai; PMK 96/2023).
// CIF 32,000 + 16,000 = 48,000; PPN 12% x 11/12 = 11% x 48,000 = 5,280
// on the line, and the declaration's PPN rounded up to the thousand
// rupiah: 6,000 (an adjustment of 720).
func TestIDConsignmentUpToUSD3(t *testing.T) {
	a := run(t, idCalc(t), idEntry("courier", "8518.30.00", "32000", "16000"))
	eqm(t, "48000", a.CustomsValue, "customs value (CIF)")
	eqm(t, "0", a.Totals.Duty, "no duty up to FOB USD 3")
	v := taxOf(t, a, 0, "PPN")
	eqm(t, "48000", v.Base, "PPN base")
	eqm(t, "5280", v.Amount, "PPN of the line")
	eqm(t, "6000", a.Totals.Tax, "PPN of the declaration, rounded up to the thousand")
	eqm(t, "6000", a.Totals.Total, "total")
	assert.NotContains(t, notModelledCodes(a), "ID_PPH22_IMPORT", "no PPh on consignments")
}

// FOB USD 50 (IDR 800,000), freight IDR 80,000, by courier: the 7.5%
// consignment duty replaces the tariff's 10% (PMK 4/2025).
// CIF 880,000; duty 7.5% x 880,000 = 66,000; PPN 11% x (880,000 +
// 66,000) = 11% x 946,000 = 104,060 (= 12% x 11/12 x 946,000 = 12% x
// 867,166.67 = 104,060), rounded up to the thousand for the declaration:
// 105,000; total 66,000 + 105,000 = 171,000.
func TestIDConsignmentFlat7_5(t *testing.T) {
	a := run(t, idCalc(t), idEntry("courier", "8518.30.00", "800000", "80000"))
	eqm(t, "880000", a.CustomsValue, "customs value (CIF)")
	eqm(t, "66000", a.Totals.Duty, "7.5% consignment duty")
	v := taxOf(t, a, 0, "PPN")
	eqm(t, "946000", v.Base, "PPN base")
	eqm(t, "104060", v.Amount, "PPN of the line")
	eqm(t, "105000", a.Totals.Tax, "PPN of the declaration")
	eqm(t, "171000", a.Totals.Total, "total")
	assert.NotContains(t, notModelledCodes(a), "ID_PPH22_IMPORT", "no PPh on consignments up to USD 1,500")

	// By post, at exactly FOB USD 1,500 (IDR 24,000,000), no freight: duty
	// 7.5% x 24,000,000 = 1,800,000; PPN 11% x 25,800,000 = 2,838,000.
	b := run(t, idCalc(t), idEntry("post", "8518.30.00", "24000000", "0"))
	eqm(t, "1800000", b.Totals.Duty, "7.5% at USD 1,500")
	eqm(t, "2838000", taxOf(t, b, 0, "PPN").Amount, "PPN at USD 1,500")
}

// Above FOB USD 1,500 (USD 1,600 = IDR 25,600,000) the consignment pays
// the tariff: duty 10% (test rate) x 25,600,000 = 2,560,000; PPN 11% x
// 28,160,000 = 3,097,600; PPh 22, then due, is flagged NOT_MODELLED.
func TestIDAboveUSD1500(t *testing.T) {
	a := run(t, idCalc(t), idEntry("courier", "8518.30.00", "25600000", "0"))
	assert.Empty(t, metThresholds(a), "no consignment regime above USD 1,500")
	eqm(t, "2560000", a.Totals.Duty, "tariff duty")
	eqm(t, "3097600", taxOf(t, a, 0, "PPN").Amount, "PPN")
	assert.Contains(t, notModelledCodes(a), "ID_PPH22_IMPORT")

	// Air cargo (not a consignment) of USD 50: tariff duty 10% x 800,000
	// = 80,000; PPN 11% x 880,000 = 96,800; PPh 22 flagged.
	c := run(t, idCalc(t), idEntry("air", "8518.30.00", "800000", "0"))
	eqm(t, "80000", c.Totals.Duty, "air cargo duty")
	eqm(t, "96800", taxOf(t, c, 0, "PPN").Amount, "air cargo PPN")
	assert.Contains(t, notModelledCodes(c), "ID_PPH22_IMPORT")
}

// Before PMK 4/2025 (in force 2025-03-05) textiles (chapter 61) were
// among the goods a consignment paid at the MFN rates (PMK 96/2023 Art.
// 29(4)-(5)): on 2025-02-01 a T-shirt of FOB USD 2 (IDR 32,000), freight
// 16,000, pays duty 30% (test MFN rate) x 48,000 = 14,400 and PPN 11% x
// 62,400 = 6,864; the declaration's totals rounded up to the thousand:
// 15,000 + 7,000 = 22,000. The line is flagged NOT_MODELLED (its PPh 22
// is not computed).
func TestIDConsignmentMFNGoods(t *testing.T) {
	e := idEntry("courier", "6109.10.00", "32000", "16000")
	e.Date = duty.MustDate("2025-02-01")
	a := run(t, idCalc(t), e)
	eqm(t, "14400", a.Lines[0].Duty, "MFN duty on textiles")
	eqm(t, "6864", taxOf(t, a, 0, "PPN").Amount, "PPN")
	eqm(t, "22000", a.Totals.Total, "total, rounded up per levy")
	assert.Contains(t, notModelledCodes(a), "ID_CONSIGNMENT_MFN_GOODS")
	assert.NotContains(t, notModelledCodes(a), "ID_CONSIGNMENT_PPH_5")
}

// From 2025-03-05 (PMK 4/2025) those goods pay, in a consignment of FOB
// USD 1,500 or less, a single duty of 0% (books), 15% (watches,
// cosmetics, iron and steel) or 25% (bags, textiles, footwear, bicycles)
// in place of the MFN rate; other goods the 7.5% (customs office summary
// of PMK 4/2025; DDTCNews quoting DJBC). A courier consignment on
// 2026-06-01, no freight, of a T-shirt IDR 32,000 (USD 2), a watch
// 160,000 (USD 10), a book 80,000 (USD 5) and a speaker 800,000 (USD
// 50): goods 1,072,000 = USD 67.
//
//	T-shirt 25% x 32,000 = 8,000 (the test MFN rate, 30%, would give 9,600)
//	watch 15% x 160,000 = 24,000 (test MFN 10%: 16,000)
//	book 0 (test MFN 5%: 4,000)
//	speaker 7.5% x 800,000 = 60,000
//	duty 92,000 (already a whole thousand)
//	PPN 11% x (40,000 + 184,000 + 80,000 + 860,000 = 1,164,000) = 128,040,
//	rounded up to 129,000; total 92,000 + 129,000 = 221,000.
//
// The 5% PPh of the T-shirt and the watch is flagged, not computed.
func TestIDConsignmentCommodityRates(t *testing.T) {
	c := idCalc(t)
	a := run(t, c, duty.Entry{Destination: "ID", Date: duty.MustDate("2026-06-01"), Mode: "courier", Consumer: true,
		Lines: []duty.EntryLine{
			{HS: "6109.10.00", Origin: "CN", Value: duty.MustMoney("32000", "IDR")},
			{HS: "9102.11.00", Origin: "CN", Value: duty.MustMoney("160000", "IDR")},
			{HS: "4901.99.00", Origin: "CN", Value: duty.MustMoney("80000", "IDR")},
			{HS: "8518.30.00", Origin: "CN", Value: duty.MustMoney("800000", "IDR")},
		}})
	eqm(t, "8000", a.Lines[0].Duty, "T-shirt 25%")
	eqm(t, "24000", a.Lines[1].Duty, "watch 15%")
	eqm(t, "0", a.Lines[2].Duty, "book 0%")
	eqm(t, "60000", a.Lines[3].Duty, "speaker 7.5%")
	eqm(t, "92000", a.Totals.Duty, "duty")
	eqm(t, "129000", a.Totals.Tax, "PPN, rounded up to the thousand")
	eqm(t, "221000", a.Totals.Total, "total")
	codes := notModelledCodes(a)
	assert.NotContains(t, codes, "ID_CONSIGNMENT_MFN_GOODS")
	assert.NotContains(t, codes, "ID_PPH22_IMPORT", "within the consignment regimes")
	assert.Equal(t, []int{0, 1}, notModelledLines(a, "ID_CONSIGNMENT_PPH_5"), "PPh 5% flagged on the T-shirt and the watch")

	// A T-shirt alone of FOB USD 2: no USD 3 relief for these goods
	// (iorkit's reading), 25% x 32,000 = 8,000; PPN 11% x 40,000 = 4,400,
	// rounded up to 5,000.
	a = run(t, c, idEntry("courier", "6109.10.00", "32000", "0"))
	eqm(t, "8000", a.Totals.Duty, "25% from the first dollar")
	eqm(t, "5000", a.Totals.Tax, "PPN")

	// Above FOB USD 1,500 (USD 1,600 = IDR 25,600,000) the consignment
	// regimes end: MFN 30% = 7,680,000; PPh 22 flagged.
	a = run(t, c, idEntry("courier", "6109.10.00", "25600000", "0"))
	eqm(t, "7680000", a.Totals.Duty, "MFN above USD 1,500")
	assert.Contains(t, notModelledCodes(a), "ID_PPH22_IMPORT")
}

// Bea Cukai's worked example (Bea Cukai Lampung, "Hitung Pungutan Barang
// Bawaan Penumpang", https://bclampung.beacukai.go.id/artikel/hitung-pungutan-barang-bawaan-penumpang/):
// the dutiable excess of USD 250 at Rp15,000 = customs value 3,750,000;
// duty 10% = 375,000; import value 4,125,000; PPN 11% = 453,750, published
// as Rp454,000 ("dibulatkan jumlahnya ribuan keatas"); PPh 15% = 619,000
// is not computed by iorkit (flagged). The USD 500 passenger allowance is
// not modelled: the entry carries the excess, and the line its 10% rate.
func TestIDWorkedBeaCukaiExample(t *testing.T) {
	a := run(t, idCalc(t), duty.Entry{Destination: "ID", Date: duty.MustDate("2026-06-01"), Mode: "air", Consumer: true,
		Lines: []duty.EntryLine{ln(t, "4202.21.00", "FR", "3750000", "IDR", "10%")}})
	eqm(t, "375000", a.Totals.Duty, "duty, as published")
	v := taxOf(t, a, 0, "PPN")
	eqm(t, "4125000", v.Base, "import value, as published")
	eqm(t, "453750", v.Amount, "PPN of the line, before rounding")
	eqm(t, "454000", a.Totals.Tax, "PPN, as published")
	eqm(t, "829000", a.Totals.Total, "duty + PPN (the published 1,448,000 less PPh 619,000)")
	assert.Contains(t, notModelledCodes(a), "ID_PPH22_IMPORT")
}

// PPN at 12% of 11/12 applies from 2025-01-01 (PMK 131/2024); earlier
// dates are not embedded.
func TestIDBefore2025(t *testing.T) {
	_, err := idCalc(t).Calculate(context.Background(), duty.Entry{Destination: "ID", Date: duty.MustDate("2024-12-31"), Mode: "courier",
		Lines: []duty.EntryLine{{HS: "8518.30.00", Origin: "CN", Value: duty.MustMoney("32000", "IDR")}}})
	assert.ErrorIs(t, err, duty.ErrNoProfile)
}

// metThresholds lists the codes of the thresholds an assessment met.
func metThresholds(a duty.Assessment) []string {
	var out []string
	for _, d := range a.DeMinimis {
		if d.Met {
			out = append(out, d.Code)
		}
	}
	return out
}
