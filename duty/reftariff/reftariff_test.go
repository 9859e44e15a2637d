package reftariff_test

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/reftariff"
	"github.com/iorkit/iorkit/internal/shareddata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var day = duty.MustDate("2026-12-01")

// The SHA-256 of global-uk-tariff.csv as recorded in shared/data/SOURCES.md
// (blob 8aa7ba57, 2,441,432 bytes) and docs/data.md.
const officialSHA256 = "3ae78c2c43b3a01ee4d2b2722d0b36c503d4684ddc2b4e42e344b345375f824c"

func TestEmbeddedIsTheOfficialFile(t *testing.T) {
	r, err := reftariff.EmbeddedFile()
	require.NoError(t, err)
	h := sha256.New()
	n, err := io.Copy(h, r)
	require.NoError(t, err)
	assert.Equal(t, int64(2441432), n)
	assert.Equal(t, officialSHA256, hex.EncodeToString(h.Sum(nil)))
	assert.True(t, strings.HasSuffix(reftariff.EmbeddedEdition, "sha256:"+officialSHA256[:8]))
}

func TestEmbeddedMatchesSharedFile(t *testing.T) {
	p := shareddata.Path(t, "uk_tariff", "global-uk-tariff.csv")
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	sum := sha256.Sum256(b)
	assert.Equal(t, officialSHA256, hex.EncodeToString(sum[:]))
}

func rateOf(t *testing.T, s duty.Schedule, hs string) duty.Measure {
	t.Helper()
	ms, err := s.Measures(hs, "CN", day)
	require.NoError(t, err, hs)
	require.Len(t, ms, 1, hs)
	assert.Equal(t, duty.MFN, ms[0].Kind)
	return ms[0]
}

func TestEUAndGBLines(t *testing.T) {
	eu, err := reftariff.EU()
	require.NoError(t, err)
	gb, err := reftariff.GB()
	require.NoError(t, err)
	// 11,830 data rows in the file (SOURCES.md), each a line of both.
	assert.Equal(t, 11830, eu.Len())
	assert.Equal(t, 11830, gb.Len())

	// Rows read by hand from the CSV:
	// 61091000 T-shirts of cotton, knitted: CET 12.0%, UKGT 12.0%.
	// 95030075 toys of plastics: CET 4.7%, UKGT 4.0%.
	// 42022100 handbags, leather outer: CET 3.0%, UKGT 2.0%.
	for _, c := range []struct{ hs, eu, gb string }{
		{"6109.10.00", "12%", "12%"},
		{"95030075", "4.7%", "4%"},
		{"4202.21.00", "3%", "2%"},
	} {
		e, g := rateOf(t, eu, c.hs), rateOf(t, gb, c.hs)
		want, _ := duty.ParseRate(c.eu)
		assert.Equal(t, want.String(), e.Rate.String(), c.hs)
		want, _ = duty.ParseRate(c.gb)
		assert.Equal(t, want.String(), g.Rate.String(), c.hs)
		assert.True(t, strings.HasPrefix(e.Source, "REFERENCE EU Common Customs Tariff 2020"), e.Source)
		assert.True(t, strings.HasPrefix(g.Source, "REFERENCE UK Global Tariff 2021"), g.Source)
		assert.Equal(t, duty.ReferenceTariff, e.Caveat)
		assert.Equal(t, "EU Common Customs Tariff 2020 (CN 2020)", e.Edition)
		assert.Equal(t, duty.ReferenceTariff, g.Caveat)
		assert.Equal(t, "UK Global Tariff 2021", g.Edition)
	}

	// Applied: 12% of 250.00 EUR = 30.00 EUR.
	m := rateOf(t, eu, "61091000")
	amt, err := m.Rate.Apply(duty.Basis{Value: duty.MustMoney("250.00", "EUR")})
	require.NoError(t, err)
	assert.Equal(t, "30.00 EUR", amt.Round().String())

	// 22042109 wine: CET "32.00 EUR / hl", UKGT "26.00 GBP/hl".
	// 150 l = 1.5 hl: 1.5 x 32 = 48.00 EUR; 1.5 x 26 = 39.00 GBP.
	b := func(cur string) duty.Basis {
		return duty.Basis{Value: duty.MustMoney("600", cur), Quantities: []duty.Quantity{{Value: decimalOf(t, "150"), Unit: mustUnit(t, "l")}}}
	}
	amt, err = rateOf(t, eu, "22042109").Rate.Apply(b("EUR"))
	require.NoError(t, err)
	assert.Equal(t, "48.00 EUR", amt.Round().String())
	amt, err = rateOf(t, gb, "22042109").Rate.Apply(b("GBP"))
	require.NoError(t, err)
	assert.Equal(t, "39.00 GBP", amt.Round().String())
}

func TestTenDigitCodes(t *testing.T) {
	eu, err := reftariff.EU()
	require.NoError(t, err)
	// 8511300010 (for use in civil aircraft) is its own line at 0.0%;
	// 8511300099 is not in the file and falls to 85113000 at 3.2%.
	assert.Equal(t, "0%", rateOf(t, eu, "8511300010").Rate.String())
	m := rateOf(t, eu, "8511300099")
	assert.Equal(t, "3.2%", m.Rate.String())
	assert.Equal(t, "85113000", m.HS)
}

func TestUnknownCodesAreNotGuessed(t *testing.T) {
	eu, err := reftariff.EU()
	require.NoError(t, err)
	// 8517.13.00 (smartphones) is an HS 2022 subheading: CN 2020 had
	// 8517.12.00. The edition does not know it.
	_, err = eu.Measures("8517.13.00", "CN", day)
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
	// A 6-digit code above 8-digit lines is not a line either.
	_, err = eu.Measures("6403.99", "CN", day)
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
	assert.Contains(t, eu.Lines("6403.99"), "64039998")
	// Not a code at all.
	_, err = eu.Measures("61x9", "CN", day)
	assert.ErrorIs(t, err, duty.ErrInvalidCode)
}

func TestUnreadableRateIsAnError(t *testing.T) {
	eu, err := reftariff.EU()
	require.NoError(t, err)
	// 08101000 (strawberries): CET "11.20% (01 JAN-31 APR, 01 AUG-31 DEC),
	// 12.80% MIN 2.4€/100kg/net (01 MAY-31 JUL)": there is no 31 April,
	// and no unit "100kg/net"; the line is known but not priced.
	_, err = eu.Measures("08101000", "NO", day)
	require.ErrorIs(t, err, reftariff.ErrUnreadableRate)
	var te *reftariff.RateTextError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "08101000", te.Code)
	assert.Contains(t, te.Text, "31 APR")
	assert.NotEmpty(t, eu.Unreadable())
}

// Seasonal rates apply by the day of the year.
func TestSeasonalRates(t *testing.T) {
	eu, err := reftariff.EU()
	require.NoError(t, err)
	gb, err := reftariff.GB()
	require.NoError(t, err)
	d := duty.MustDate
	// 03024100 (herrings), CET "15.00% (01 JAN-14 FEB, 16 JUN-31 DEC),
	// 0.00% (15 FEB-15 JUN)".
	for _, c := range []struct{ on, rate, from, to string }{
		{"2026-03-01", "0%", "2026-02-15", "2026-06-15"},
		{"2026-12-01", "15%", "2026-06-16", "2026-12-31"},
		{"2026-02-14", "15%", "2026-01-01", "2026-02-14"},
		{"2026-02-15", "0%", "2026-02-15", "2026-06-15"},
	} {
		ms, err := eu.Measures("03024100", "IS", d(c.on))
		require.NoError(t, err, c.on)
		assert.Equal(t, c.rate, ms[0].Rate.String(), c.on)
		assert.Equal(t, d(c.from), ms[0].From, c.on)
		assert.Equal(t, d(c.to), ms[0].To, c.on)
		assert.Equal(t, duty.ReferenceTariff, ms[0].Caveat)
	}
	// 07020000 (tomatoes), UKGT "8.00% (01 NOV - 14 MAY), 14.00% (15 MAY -
	// 31 OCT)": the 8% season runs over the new year.
	for _, c := range []struct{ on, rate, from, to string }{
		{"2026-12-01", "8%", "2026-11-01", "2027-05-14"},
		{"2026-03-01", "8%", "2025-11-01", "2026-05-14"},
		{"2026-06-01", "14%", "2026-05-15", "2026-10-31"},
	} {
		ms, err := gb.Measures("07020000", "MA", d(c.on))
		require.NoError(t, err, c.on)
		assert.Equal(t, c.rate, ms[0].Rate.String(), c.on)
		assert.Equal(t, d(c.from), ms[0].From, c.on)
		assert.Equal(t, d(c.to), ms[0].To, c.on)
	}
	// 07019050 (new potatoes), CET "9.60% (01 JAN-15 MAY), 13.40% (16
	// MAY-30 JUNE)": from July to December no season is given.
	_, err = eu.Measures("07019050", "EG", d("2026-08-01"))
	assert.ErrorIs(t, err, duty.ErrNotInForce)
	ms, err := eu.Measures("07019050", "EG", d("2026-06-30"))
	require.NoError(t, err)
	assert.Equal(t, "13.4%", ms[0].Rate.String())
}

func TestUKGTStartsIn2021(t *testing.T) {
	gb, err := reftariff.GB()
	require.NoError(t, err)
	_, err = gb.Measures("61091000", "CN", duty.MustDate("2020-12-31"))
	assert.ErrorIs(t, err, duty.ErrNotInForce)
	_, err = gb.Measures("61091000", "CN", duty.MustDate("2021-01-01"))
	assert.NoError(t, err)
}

func TestReadCSVNewerEdition(t *testing.T) {
	in := "commodity,description,cet_duty_rate,ukgt_duty_rate\n" +
		"61091000,T-shirts,12.0%,12.0%\n" +
		"85171300,Smartphones,0.0%,0.0%\n"
	ed := reftariff.Edition{Area: "EU", Column: "cet_duty_rate", Currency: "EUR", Name: "EU CN 2026 (test)", Source: "test"}
	s, err := reftariff.ReadCSV(strings.NewReader(in), ed)
	require.NoError(t, err)
	assert.Equal(t, 2, s.Len())
	assert.Equal(t, "0%", rateOf(t, s, "8517.13.00").Rate.String())
}

func TestReadCSVErrors(t *testing.T) {
	ed := reftariff.CET2020()
	for name, c := range map[string]struct{ in, col, val string }{
		"empty":        {"", "", ""},
		"no column":    {"commodity,ukgt_duty_rate\n61091000,12%\n", "cet_duty_rate", ""},
		"no commodity": {"code,cet_duty_rate\n61091000,12%\n", "commodity", ""},
		"bad code":     {"commodity,cet_duty_rate\n6109100,12%\n", "commodity", "6109100"},
		"letters":      {"commodity,cet_duty_rate\n6109100A,12%\n", "commodity", "6109100A"},
		"duplicate":    {"commodity,cet_duty_rate\n61091000,12%\n61091000,12%\n", "commodity", "61091000"},
		"empty rate":   {"commodity,cet_duty_rate\n61091000,\n", "cet_duty_rate", ""},
		"no lines":     {"commodity,cet_duty_rate\n", "", ""},
		"short row":    {"commodity,x,cet_duty_rate\n61091000\n", "", ""},
	} {
		_, err := reftariff.ReadCSV(strings.NewReader(c.in), ed)
		require.Error(t, err, name)
		assert.ErrorIs(t, err, reftariff.ErrInvalidFile, name)
		var fe *reftariff.FileError
		require.ErrorAs(t, err, &fe, name)
		assert.Equal(t, c.col, fe.Column, name)
		assert.Equal(t, c.val, fe.Value, name)
	}
	_, err := reftariff.ReadCSV(strings.NewReader("commodity,cet_duty_rate\n61091000,12%\n"), ed, reftariff.MaxBytes(10))
	assert.ErrorIs(t, err, reftariff.ErrInvalidFile)
	assert.ErrorIs(t, err, duty.ErrInputLimit, "an input over its limit is the module's one limit error")
	_, err = reftariff.ReadCSV(strings.NewReader("commodity,cet_duty_rate\n61091000,12%\n"), reftariff.Edition{Area: "XX", Column: "cet_duty_rate"})
	assert.ErrorIs(t, err, duty.ErrInvalidCountry)
}

func TestSwitzerland(t *testing.T) {
	ch := reftariff.Switzerland()
	ms, err := ch.Measures("6109.10", "CN", day)
	require.NoError(t, err)
	require.Len(t, ms, 1)
	assert.True(t, ms[0].Rate.IsFree())
	assert.Contains(t, ms[0].Source, "BBl 2021 2330")
	for _, hs := range []string{"2501.00", "9706.10"} {
		_, err := ch.Measures(hs, "US", day)
		assert.NoError(t, err, hs)
	}
	// Agricultural chapters and the mixed chapters 35 and 38 are unknown.
	for _, hs := range []string{"0101.21", "2401.10", "2208.30", "3501.10", "3824.99", "9801.00"} {
		_, err := ch.Measures(hs, "US", day)
		assert.ErrorIs(t, err, duty.ErrUnknownCode, hs)
	}
	// Not before 2024-01-01.
	_, err = ch.Measures("6109.10", "CN", duty.MustDate("2023-12-31"))
	assert.ErrorIs(t, err, duty.ErrNotInForce)
	_, err = ch.Measures("6109.10", "CN", duty.MustDate("2024-01-01"))
	assert.NoError(t, err)
}

func TestLinesUnder(t *testing.T) {
	eu, err := reftariff.EU()
	require.NoError(t, err)
	var _ duty.LineLister = eu
	// 8511.30: the 8-digit line 85113000; its 10-digit subdivisions
	// (8511300010 civil aircraft...) are not candidates.
	lines, err := eu.LinesUnder("8511.30")
	require.NoError(t, err)
	assert.Equal(t, []string{"85113000"}, lines)
	// A line, or a code below one: nothing to resolve.
	lines, err = eu.LinesUnder("85113000")
	require.NoError(t, err)
	assert.Nil(t, lines)
	lines, err = eu.LinesUnder("8511300099")
	require.NoError(t, err)
	assert.Nil(t, lines)
	// Unknown: nil, Measures reports it.
	lines, err = eu.LinesUnder("8517.13")
	require.NoError(t, err)
	assert.Nil(t, lines)
	// 6110.20: 61102010, 61102091, 61102099 (all 12% in the file).
	lines, err = eu.LinesUnder("6110.20")
	require.NoError(t, err)
	assert.Equal(t, []string{"61102010", "61102091", "61102099"}, lines)
	_, err = eu.LinesUnder("61x")
	assert.ErrorIs(t, err, duty.ErrInvalidCode)
}

// Units written as the file writes them: "% vol / hl", "1000 items",
// "1000kg" without a space.
func TestFileUnitSpellings(t *testing.T) {
	eu, err := reftariff.EU()
	require.NoError(t, err)
	gb, err := reftariff.GB()
	require.NoError(t, err)
	// 2204218595 (Madeira > 22% vol): CET "1.75 EUR / % vol / hl".
	// 1 hl at 22.5% vol = 22.5 litres of pure alcohol: 1.75 x 22.5 =
	// 39.375 -> 39.38 EUR.
	amt, err := rateOf(t, eu, "2204218595").Rate.Apply(duty.Basis{Value: duty.MustMoney("500", "EUR"),
		Quantities: []duty.Quantity{{Value: decimalOf(t, "22.5"), Unit: mustUnit(t, "lpa")}}})
	require.NoError(t, err)
	assert.Equal(t, "39.38 EUR", amt.Round().String())
	// 01051111 (chicks): UKGT "43.00 GBP/1000 items"; 5,000 chicks =
	// 5 x 43.00 = 215.00 GBP.
	amt, err = rateOf(t, gb, "01051111").Rate.Apply(duty.Basis{Value: duty.MustMoney("500", "GBP"),
		Quantities: []duty.Quantity{{Value: decimalOf(t, "5000"), Unit: mustUnit(t, "item")}}})
	require.NoError(t, err)
	assert.Equal(t, "215.00 GBP", amt.Round().String())
	// 10063021 (rice): UKGT "121.00 GBP/1000kg"; 2,500 kg = 2.5 t x 121 =
	// 302.50 GBP.
	amt, err = rateOf(t, gb, "10063021").Rate.Apply(duty.Basis{Value: duty.MustMoney("500", "GBP"),
		Quantities: []duty.Quantity{{Value: decimalOf(t, "2500"), Unit: mustUnit(t, "kg")}}})
	require.NoError(t, err)
	assert.Equal(t, "302.50 GBP", amt.Round().String())
	// What stays outside the grammar (seasonal rates, per kg of lactic
	// matter, per 100 kg net of sugar...).
	assert.Len(t, eu.Unreadable(), 17)
	assert.Len(t, gb.Unreadable(), 57)
}
