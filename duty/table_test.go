package duty

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(s string) Date { return MustDate(s) }

const tableCSV = `hs,kind,rate,origins,program,from,to,source
# apparel
6109,mfn,20%,,,2020-01-01,,heading rate
6109.10.00,mfn,16.5%,,,2020-01-01,2025-12-31,old line rate
6109.10.00,mfn,16%,,,2026-01-01,,new line rate
6109,preferential,Free,CA MX,S,2020-07-01,,USMCA
6109.10,preferential,5%,KR,KR,2012-03-15,2025-12-31,KORUS
6109.10,preferential,Free,KR,KR,2026-01-01,,KORUS staged
61,additional,7.5%,CN,9903.88.15,2019-09-01,,Section 301 list 4A
6109.10.00.12,additional,Free,CN,9903.88.15,2019-09-01,,excluded line
7208,additional,50%,,9903.81.87,2025-06-04,,Section 232 steel
7208,mfn,Free,,,,,HTS
8703,additional,25%,,9903.94.01,2025-04-03,,Section 232 autos
`

func TestTableLookup(t *testing.T) {
	tb, err := ReadTable(strings.NewReader(tableCSV))
	require.NoError(t, err)
	assert.Equal(t, 11, tb.Len())

	ms, err := tb.Measures("6109.10.00.40", "CN", day("2026-03-01"))
	require.NoError(t, err)
	require.Len(t, ms, 2)
	assert.Equal(t, MFN, ms[0].Kind)
	assert.Equal(t, "16%", ms[0].Rate.String())
	assert.Equal(t, "6109100000"[:8], ms[0].HS)
	assert.Equal(t, Additional, ms[1].Kind)
	assert.Equal(t, "7.5%", ms[1].Rate.String())

	// the older line rate before 2026; a sub-line cancels the layer
	ms, err = tb.Measures("6109 10 00 12", "CN", day("2024-06-30"))
	require.NoError(t, err)
	require.Len(t, ms, 2)
	assert.Equal(t, "16.5%", ms[0].Rate.String())
	assert.Equal(t, "Free", ms[1].Rate.String())
	assert.Equal(t, "6109100012", ms[1].HS)

	// heading rate on a sibling line; USMCA preference from the heading
	ms, err = tb.Measures("610990", "MX", day("2026-03-01"))
	require.NoError(t, err)
	require.Len(t, ms, 2)
	assert.Equal(t, "20%", ms[0].Rate.String())
	assert.Equal(t, Preferential, ms[1].Kind)
	assert.Equal(t, "S", ms[1].Program)

	// KORUS: same program, same prefix, dated rows
	ms, err = tb.Measures("6109100040", "KR", day("2025-01-01"))
	require.NoError(t, err)
	require.Len(t, ms, 2)
	assert.Equal(t, "5%", ms[1].Rate.String())

	// any origin: everything in force
	ms, err = tb.Measures("6109100040", "", day("2026-03-01"))
	require.NoError(t, err)
	assert.Len(t, ms, 4)
}

func TestTableErrors(t *testing.T) {
	tb, err := ReadTable(strings.NewReader(tableCSV))
	require.NoError(t, err)

	_, err = tb.Measures("0101.21.00", "US", day("2026-01-01"))
	var uc *UnknownCodeError
	require.ErrorAs(t, err, &uc)
	assert.Equal(t, "0101.21.00", uc.HS)
	assert.ErrorIs(t, err, ErrUnknownCode)
	assert.Contains(t, err.Error(), "0101.21.00")

	_, err = tb.Measures("6109.10", "US", day("2010-01-01"))
	var nf *NoMeasureInForceError
	require.ErrorAs(t, err, &nf)
	assert.ErrorIs(t, err, ErrNotInForce)
	assert.Contains(t, err.Error(), "2010-01-01")

	for _, bad := range []string{"61", "61a9", "12345678901", ""} {
		_, err = tb.Measures(bad, "US", day("2026-01-01"))
		assert.ErrorIs(t, err, ErrInvalidCode, bad)
	}

	// in force but not for this origin: empty, no error
	tb2 := NewTable()
	require.NoError(t, tb2.Add("4202", Measure{Kind: Preferential, Origins: []string{"CA"}}))
	ms, err := tb2.Measures("420221", "CN", day("2026-01-01"))
	require.NoError(t, err)
	assert.Empty(t, ms)

	assert.Error(t, tb2.Add("4202", Measure{}))
	assert.Error(t, tb2.Add("4202", Measure{Kind: MFN, From: day("2026-01-02"), To: day("2026-01-01")}))
	assert.ErrorIs(t, tb2.Add("x", Measure{Kind: MFN}), ErrInvalidCode)
}

func TestReadTableErrors(t *testing.T) {
	cases := []struct {
		in     string
		row    int
		column string
	}{
		{"hs,kind,rate\n6109,bogus,5%\n", 2, "kind"},
		{"hs,kind,rate\n6109,mfn,5%\n61x9,mfn,5%\n", 3, "hs"},
		{"hs,kind,rate\n6109,mfn,five\n", 2, "rate"},
		{"hs,kind,rate,origins\n6109,mfn,5%,UK\n", 2, "origins"},
		{"hs,kind,rate,origins\n6109,preferential,5%,\n", 2, "origins"},
		{"hs,kind,rate,from\n6109,mfn,5%,2026-13-01\n", 2, "from"},
		{"hs,kind,rate,from,to\n6109,mfn,5%,2026-02-01,2026-01-01\n", 2, "to"},
		{"hs,kind\n6109,mfn\n", 1, "rate"},
		{"hs,kind,rate,hs\n", 1, "hs"},
		{"", 1, ""},
	}
	for _, c := range cases {
		_, err := ReadTable(strings.NewReader(c.in))
		var te *TableError
		require.ErrorAs(t, err, &te, c.in)
		assert.Equal(t, c.row, te.Row, c.in)
		assert.Equal(t, c.column, te.Column, c.in)
		assert.ErrorIs(t, err, ErrInvalidTable)
	}
	_, err := ReadTable(strings.NewReader("hs,kind,rate,origins\n6109,mfn,5%,UK\n"))
	assert.ErrorIs(t, err, ErrInvalidCountry)
	assert.Contains(t, err.Error(), "row 2")
}

func TestReadTableBOMAndInto(t *testing.T) {
	tb, err := ReadTable(strings.NewReader("\uFEFFhs,kind,rate\n6109,mfn,5%\n\n"))
	require.NoError(t, err)
	_, err = ReadTable(strings.NewReader("hs,kind,rate,origins,program,excludes\n6109,additional,10%,CN,9903.01.25,9903.81\n"), IntoTable(tb))
	require.NoError(t, err)
	ms, err := tb.Measures("610910", "CN", day("2026-01-01"))
	require.NoError(t, err)
	require.Len(t, ms, 2)
	assert.Equal(t, []string{"9903.81"}, ms[1].Excludes)
	assert.Equal(t, []string{"6109"}, tb.Prefixes())
}

func FuzzReadTable(f *testing.F) {
	f.Add(tableCSV)
	f.Add("hs,kind,rate\n6109,mfn,5%\n")
	f.Add("\uFEFFhs,kind,rate,from,to\n6109,mfn,Free,2026-01-01,2025-01-01\n")
	f.Add("hs,kind,rate\n\"61\"09,mfn,5%\n")
	f.Fuzz(func(t *testing.T, in string) {
		tb, err := ReadTable(strings.NewReader(in))
		if err != nil {
			if !errors.Is(err, ErrInvalidTable) {
				t.Fatalf("error %v does not match ErrInvalidTable", err)
			}
			return
		}
		for _, p := range tb.Prefixes() {
			_, _ = tb.Measures(p+"0000000000"[:max(0, 4-len(p))], "CN", day("2026-01-01"))
		}
	})
}

func BenchmarkTableLookup(b *testing.B) {
	tb, err := ReadTable(strings.NewReader(tableCSV))
	require.NoError(b, err)
	on := day("2026-03-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tb.Measures("6109.10.00.40", "CN", on); err != nil {
			b.Fatal(err)
		}
	}
}

func TestReadTableRateForms(t *testing.T) {
	const in = `hs,kind,rate,origins,program,from,to,source
0402.10.05,mfn,3.3¢/kg,,,2026-01-01,,HTS
2204.21.50,mfn,6.3¢/liter,,,2026-01-01,,HTS
2204.21.50,preferential,2.8¢/liter,JO,JO,2026-01-01,,HTS
9102.11.45,mfn,40¢ each + 8.5% on the case + 2.8% on the strap + 5.3% on the battery,,,2026-01-01,,HTS
0102.29.10,mfn,10.20 % + 93.10 EUR / 100 kg,,,2021-01-01,,UK
2401.10.95,preferential,13.80 % MIN 13.00 GBP / 100 kg MAX 15.00 GBP / 100 kg,VN,VN,2021-01-01,,UK
8471.30,mfn,$1.035/kg + 2.6%,,,2026-01-01,,CA sample
`
	tb, err := ReadTable(strings.NewReader(in), TableCurrency("CAD"))
	require.NoError(t, err)
	assert.Equal(t, 7, tb.Len())
	ms, err := tb.Measures("8471.30.00", "", day("2026-03-01"))
	require.NoError(t, err)
	assert.Equal(t, []string{"CAD"}, ms[0].Rate.Currencies())

	// Choosing between specific rates needs the quantities.
	ms, err = tb.Measures("2204.21.50", "JO", day("2026-03-01"))
	require.NoError(t, err)
	q, err := ParseQuantity("100 l")
	require.NoError(t, err)
	c, err := Choose(ms, "JO", Basis{Value: MustMoney("500", "CAD"), Quantities: []Quantity{q}}, ChoiceOptions{})
	require.NoError(t, err)
	assert.True(t, c.Preference)
	// Without the volume the preference cannot be computed: MFN stays (its
	// own Apply will name the missing quantity), and the step says why.
	c, err = Choose(ms, "JO", Basis{Value: MustMoney("500", "CAD")}, ChoiceOptions{})
	require.NoError(t, err)
	assert.False(t, c.Preference)
	assert.Contains(t, c.Steps[1].Reason, "cannot compute this preference")
}
