package duty_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// notModelledCodes lists the NOT_MODELLED rules an assessment names.
func notModelledCodes(a duty.Assessment) []string {
	var out []string
	for _, w := range a.Warnings {
		if w.Code == duty.NotModelled {
			out = append(out, w.Subject)
		}
	}
	return out
}

// Brazil, embedded profile (duty/data/profiles/br.json). The figures are
// checked against the worked example of UOL Economia, 2025-07-29 ("E-mail
// cobrando taxa das blusinhas pode ser golpe", computed with Antonio
// Rodrigues, IBET-RS, at USD 1 = BRL 5.52 of 2025-07-24): a Remessa
// Conforme purchase of USD 50 pays II 20% = USD 10 and ICMS 17% = USD
// 12.29, total USD 72.29 = BRL 399.04; one of USD 100 pays II 60% less
// USD 20 = USD 40 and ICMS 17% = USD 28.67, total USD 168.67 = BRL 931.05
// (the article rounds in dollars; iorkit computes in reais).
func TestBRRemessaConforme(t *testing.T) {
	c := calculator(t, duty.WithRates(duty.FixedRates{"USD/BRL": dec("5.52")}))
	br := func(region, date, usd string, regs ...string) duty.Assessment {
		return run(t, c, duty.Entry{Destination: "BR", Region: region, Date: duty.MustDate(date), Mode: "courier", Consumer: true,
			SellerRegistrations: regs, Lines: []duty.EntryLine{ln(t, "610910", "CN", usd, "USD", "35%")}})
	}

	// USD 50 = BRL 276.00 (CIF, no separate freight), São Paulo (17%):
	//   II 20% x 276.00 = 55.20
	//   ICMS base (276.00 + 55.20) / (1 - 0.17) = 331.20 / 0.83 = 399.036144...
	//   ICMS 17% x 399.036144... = 67.836144... -> 67.84 (UOL: USD 12.29 x 5.52 = 67.84)
	//   goods + II + ICMS = 276.00 + 55.20 + 67.84 = 399.04 (UOL: BRL 399.04)
	a := br("BR-SP", "2025-07-29", "50", "REMESSA_CONFORME")
	eqm(t, "55.20", a.Totals.Duty, "RC USD 50: II 20%")
	icms := taxOf(t, a, 0, "ICMS")
	eqm(t, "67.84", icms.Amount, "RC USD 50: ICMS 17% por dentro")
	eqm(t, "399.04", icms.Base, "grossed-up base")
	eqm(t, "0", taxOf(t, a, 0, "PIS").Amount, "no PIS under RTS")
	eqm(t, "0", taxOf(t, a, 0, "COFINS").Amount, "no COFINS under RTS")
	eqm(t, "123.04", a.Totals.Total, "II + ICMS")
	// Under RTS, nothing of the general-import rules is flagged.
	assert.Empty(t, notModelledCodes(a), "RTS quote in a state with a sourced rate")

	// USD 100 = BRL 552.00, São Paulo:
	//   II 60% x 552.00 = 331.20, less USD 20 = BRL 110.40: 220.80 (UOL: USD 40)
	//   ICMS base (552.00 + 220.80) / 0.83 = 931.084337...
	//   ICMS 17% x 931.084337... = 158.284337... -> 158.28 (UOL: USD 28.67 ~ BRL 158.26)
	b := br("BR-SP", "2025-07-29", "100", "REMESSA_CONFORME")
	eqm(t, "220.80", b.Totals.Duty, "RC USD 100: II 60% less USD 20")
	eqm(t, "158.28", taxOf(t, b, 0, "ICMS").Amount, "RC USD 100: ICMS")

	// Minas Gerais moved to 20% from 2025-04-01; USD 50:
	//   ICMS base 331.20 / 0.80 = 414.00; ICMS 20% x 414.00 = 82.80
	eqm(t, "82.80", taxOf(t, br("BR-MG", "2025-07-29", "50", "REMESSA_CONFORME"), 0, "ICMS").Amount, "MG 20%")
	// ... and was at 17% before: 67.84 as in São Paulo.
	eqm(t, "67.84", taxOf(t, br("BR-MG", "2024-10-01", "50", "REMESSA_CONFORME"), 0, "ICMS").Amount, "MG 17% in 2024")

	// A seller outside Remessa Conforme: RTS 60%, no deduction, USD 50:
	//   II 60% x 276.00 = 165.60
	//   ICMS base (276.00 + 165.60) / 0.83 = 532.048192...; 17% = 90.448192... -> 90.45
	n := br("BR-SP", "2025-07-29", "50")
	eqm(t, "165.60", n.Totals.Duty, "RTS 60%")
	eqm(t, "90.45", taxOf(t, n, 0, "ICMS").Amount, "RTS ICMS")

	// Roraima (sources disagree on 17% or 20%): no ICMS charge, and the
	// quote says so.
	r := br("BR-RR", "2025-07-29", "50", "REMESSA_CONFORME")
	eqm(t, "0", r.Totals.Tax, "RR: ICMS not charged")
	assert.Contains(t, notModelledCodes(r), "BR_ICMS_RTS_RO_RR")
	// No state given: no ICMS, flagged.
	assert.Contains(t, notModelledCodes(br("", "2025-07-29", "50", "REMESSA_CONFORME")), "BR_ICMS_RTS_NO_STATE")
	// Wine is outside the RTS (IN RFB 1.737/2017): the ordinary
	// assessment, USD 50 = BRL 276.00: II at the line's 27% = 74.52; PIS
	// 2.1% = 5.796 -> 5.80; COFINS 9.65% = 26.634 -> 26.63; no ICMS, and
	// the quote flags IPI and ICMS as not modelled.
	w := run(t, c, duty.Entry{Destination: "BR", Region: "BR-SP", Date: duty.MustDate("2025-07-29"), Mode: "courier", Consumer: true,
		SellerRegistrations: []string{"REMESSA_CONFORME"}, Lines: []duty.EntryLine{ln(t, "220421", "FR", "50", "USD", "27%")}})
	eqm(t, "74.52", w.Totals.Duty, "wine: ordinary II")
	eqm(t, "32.43", w.Totals.Tax, "wine: PIS + COFINS")
	assert.Contains(t, notModelledCodes(w), "BR_IPI")
	assert.Contains(t, notModelledCodes(w), "BR_ICMS_GENERAL")

	// A state code that does not exist is an error.
	_, err := c.Calculate(context.Background(), duty.Entry{Destination: "BR", Region: "BR-XX", Date: duty.MustDate("2025-07-29"), Mode: "courier",
		Lines: []duty.EntryLine{ln(t, "610910", "CN", "50", "USD", "35%")}})
	require.ErrorIs(t, err, duty.ErrInvalidRegion)
}

// Brazil outside the simplified regime (ocean freight, a business buyer):
// II from the line's rate, PIS 2.1% and COFINS 9.65% on the customs value
// (Lei 10.865/2004 arts. 7 and 8); IPI and ICMS are not modelled and the
// quote says so. USD 1,000 = BRL 5,520.00:
//
//	II 10% x 5,520.00 = 552.00
//	PIS 2.1% x 5,520.00 = 115.92
//	COFINS 9.65% x 5,520.00 = 532.68
func TestBRGeneralImport(t *testing.T) {
	c := calculator(t, duty.WithRates(duty.FixedRates{"USD/BRL": dec("5.52")}))
	a := run(t, c, duty.Entry{Destination: "BR", Region: "BR-SP", Date: duty.MustDate("2026-03-01"), Mode: "ocean",
		Lines: []duty.EntryLine{ln(t, "940360", "CN", "1000", "USD", "10%")}})
	eqm(t, "552.00", a.Totals.Duty, "II")
	eqm(t, "115.92", taxOf(t, a, 0, "PIS").Amount, "PIS")
	eqm(t, "532.68", taxOf(t, a, 0, "COFINS").Amount, "COFINS")
	eqm(t, "648.60", a.Totals.Tax, "no ICMS outside RTS")
	codes := notModelledCodes(a)
	assert.Contains(t, codes, "BR_IPI")
	assert.Contains(t, codes, "BR_ICMS_GENERAL")
	assert.Contains(t, codes, "BR_SISCOMEX_FEES")
	assert.NotContains(t, codes, "BR_ICMS_RTS_NO_STATE")

	// The same goods by courier to a consumer above USD 3,000: no regime
	// applies. USD 3,001 = BRL 16,565.52: II 10% = 1,656.552 -> 1,656.55.
	b := run(t, c, duty.Entry{Destination: "BR", Region: "BR-SP", Date: duty.MustDate("2026-03-01"), Mode: "courier", Consumer: true,
		SellerRegistrations: []string{"REMESSA_CONFORME"}, Lines: []duty.EntryLine{ln(t, "940360", "CN", "3001", "USD", "10%")}})
	eqm(t, "1656.55", b.Totals.Duty, "above USD 3,000: ordinary II")
	for _, o := range b.DeMinimis {
		assert.False(t, o.Met, o.Code)
	}
}

// under_regimes and outside_regimes must name thresholds of the profile.
func TestUnderRegimesChecked(t *testing.T) {
	p := duty.Profile{Country: "BR", Currency: "BRL", Valuation: duty.CIF, From: duty.MustDate("2026-01-01"), Sources: []string{"test"},
		Taxes: []duty.TaxRule{{Code: "ICMS", Name: "ICMS", Rate: dec("17"), UnderRegimes: []string{"NOPE"},
			From: duty.MustDate("2026-01-01"), Source: "test"}}}
	_, err := duty.NewProfiles(p)
	require.ErrorIs(t, err, duty.ErrInvalidProfile)
	assert.ErrorContains(t, err, "under_regimes")

	p.Taxes[0].UnderRegimes = nil
	p.NotModelled = []duty.NotModelledRule{{Code: "X", Note: "x", OutsideRegimes: []string{"NOPE"}}}
	_, err = duty.NewProfiles(p)
	require.ErrorIs(t, err, duty.ErrInvalidProfile)
	assert.ErrorContains(t, err, "outside_regimes")
}
