package uktt

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/shareddata"
	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(s string) duty.Date { return duty.MustDate(s) }

func summary(ms []duty.Measure) []string {
	out := []string{}
	for _, m := range ms {
		out = append(out, m.Kind.String()+" "+m.Program+" "+m.Rate.String())
	}
	return out
}

func fixture(t *testing.T) *Schedule {
	rates, err := ReadExchangeRates(testkit.Open(t, "testdata/exchange_rates.json"))
	require.NoError(t, err)
	require.Len(t, rates, 2)
	areas, err := ReadAreas(testkit.Open(t, "testdata/areas.json"))
	require.NoError(t, err)
	assert.Equal(t, []string{"DE", "FR", "IE"}, areas["1013"])
	s := NewSchedule(WithExchangeRates(rates), WithAreas(areas), Source("UK tariff (fixture)"))
	require.NoError(t, s.AddCommodity(testkit.Open(t, "testdata/commodity_6109100010.json")))
	return s
}

func TestFixtureMeasures(t *testing.T) {
	s := fixture(t)
	cases := []struct {
		origin, on string
		want       []string
	}{
		{"US", "2021-03-01", []string{"mfn 1011 12%"}},
		{"DE", "2021-03-01", []string{"mfn 1011 12%", "preferential 1013 0%"}},
		// EUR converted at the month's rate: 1.50 EUR x 0.90 in January, x 0.88 from February.
		{"IN", "2021-01-15", []string{"mfn 1011 12%", "preferential 2020 2% + 1.35 GBP/100kg"}},
		{"IN", "2021-02-15", []string{"mfn 1011 12%", "preferential 2020 2% + 1.32 GBP/100kg"}},
		// beyond the last known month the EUR amount stays in EUR (no rate is assumed)
		{"IN", "2021-03-15", []string{"mfn 1011 12%", "preferential 2020 2% + 1.5 EUR/100kg"}},
		{"NG", "2021-01-15", []string{"mfn 1011 12%"}}, // excluded from the group
	}
	for _, c := range cases {
		ms, err := s.Measures("6109.10.00.10", c.origin, day(c.on))
		require.NoError(t, err)
		assert.Equal(t, c.want, summary(ms), "%s %s", c.origin, c.on)
	}
	// The company-specific anti-dumping duty depends on the exporter's
	// additional code: without one the lookup asks for it.
	ms, err := s.Measures("6109100010", "CN", day("2021-01-15"))
	require.NoError(t, err) // by default: the highest rate, flagged
	assert.Equal(t, []string{"mfn 1011 12%", "additional 552 31.2%"}, summary(ms))
	assert.Equal(t, duty.AdditionalCode, ms[1].Caveat)
	assert.Contains(t, ms[1].Note, "the highest is charged (C999 = 31.2% (Example Exporter Ltd))")
	strict := NewSchedule(RequireAdditionalCodes())
	require.NoError(t, strict.AddCommodity(testkit.Open(t, "testdata/commodity_6109100010.json")))
	_, err = strict.Measures("6109100010", "CN", day("2021-01-15"))
	var ace *AdditionalCodeError
	require.ErrorAs(t, err, &ace)
	assert.ErrorIs(t, err, ErrAdditionalCodeRequired)
	assert.Equal(t, "552 Definitive anti-dumping duty", ace.Type)
	require.Len(t, ace.Choices, 1)
	assert.Equal(t, "C999", ace.Choices[0].Code)
	ms, err = s.MeasuresFor("6109100010", "CN", day("2021-01-15"), "C999")
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12%", "additional 552 31.2%"}, summary(ms))
	assert.Empty(t, ms[1].Caveat)
	// safeguard from February
	ms, err = s.MeasuresFor("6109100010", "CN", day("2021-02-15"), "C999")
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12%", "additional 552 31.2%", "additional 696 25%"}, summary(ms))
	// another exporter's code of the same type: the measure does not apply
	ms, err = s.MeasuresFor("6109100010", "CN", day("2021-01-15"), "C998")
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12%"}, summary(ms))
	// the measure is for Chinese goods only: no code needed for others
	ms, err = s.Measures("6109100010", "US", day("2021-01-15"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12%"}, summary(ms))
	// codes given to the schedule for the commodity
	s2 := NewSchedule(WithExchangeRates(nil), WithAdditionalCodes(map[string][]string{"6109.10.00.10": {"C999"}}))
	require.NoError(t, s2.AddCommodity(testkit.Open(t, "testdata/commodity_6109100010.json")))
	ms, err = s2.Measures("6109100010", "CN", day("2021-01-15"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12%", "additional 552 31.2%"}, summary(ms))

	ms, err = s.Measures("6109100010", "IN", day("2021-01-15"))
	require.NoError(t, err)
	assert.Contains(t, ms[1].Source, "EUR converted at 0.9 GBP (tariff rate from 2021-01-01)")
	assert.Contains(t, ms[0].Source, "UK tariff (fixture), UK service, commodity 6109100010, measure 9001 (103 Third country duty")

	sk := s.Skipped()
	require.Len(t, sk, 1)
	assert.Equal(t, "tax, not a customs duty", sk[0].Reason)

	_, err = s.Measures("6109100090", "DE", day("2021-03-01"))
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
	_, err = s.Measures("6109100010", "DE", day("2020-03-01"))
	assert.ErrorIs(t, err, duty.ErrNotInForce)
}

func TestUnknownGroupSkipped(t *testing.T) {
	s := NewSchedule()
	require.NoError(t, s.AddCommodity(testkit.Open(t, "testdata/commodity_6109100010.json")))
	reasons := map[string]string{}
	for _, k := range s.Skipped() {
		reasons[k.Area+" "+k.Type] = k.Reason
	}
	assert.Contains(t, reasons["5050 696 Additional duties (safeguard)"], "members of area group 5050 unknown")
	assert.Contains(t, reasons["1013 142 Tariff preference"], "unknown")
}

func TestRealFixtures(t *testing.T) {
	dir := shareddata.Path(t, "uk_trade_tariff")
	rates, err := ReadExchangeRates(testkit.Open(t, filepath.Join(dir, "xi_monetary_exchange_rates.json")))
	require.NoError(t, err)
	assert.Len(t, rates, 67)
	areas, err := ReadAreas(testkit.Open(t, filepath.Join(dir, "xi_geographical_area_1013.json")))
	require.NoError(t, err)
	assert.Len(t, areas["1013"], 27)
	countries, err := ReadAreas(testkit.Open(t, filepath.Join(dir, "uk_geographical_areas_countries.json")))
	require.NoError(t, err)
	assert.Empty(t, countries) // countries are not groups

	s := NewSchedule(WithExchangeRates(rates), WithAreas(areas))
	for _, f := range []string{"uk_commodity_0102291010.json", "commodity_2401109591_2021.json", "commodity_7208100000_2021.json",
		"commodity_8903991000_2021.json", "uk_commodity_1516209821.json", "uk_commodity_0702000007.json"} {
		require.NoError(t, s.AddCommodity(testkit.Open(t, filepath.Join(dir, f))), f)
	}
	on := day("2021-03-15")
	get := func(hs, origin string) []string {
		ms, err := s.Measures(hs, origin, on)
		require.NoError(t, err, hs)
		return summary(ms)
	}
	// 10.20 % + 93.10 EUR / 100 kg at the March 2021 rate 0.87053.
	assert.Equal(t, []string{"mfn 1011 10.2% + 81.046343 GBP/100kg"}, get("0102291010", "BR"))
	// Tobacco: third-country duty and preferences by country and group.
	assert.Equal(t, []string{"mfn 1011 18 GBP/100kg", "preferential 2020 12.6 GBP/100kg",
		"preferential VN 13.8% MIN 13 GBP/100kg MAX 15 GBP/100kg"}, get("2401109591", "VN"))
	assert.Equal(t, []string{"mfn 1011 18 GBP/100kg", "preferential 1013 0%"}, get("2401109591", "DE"))
	assert.Equal(t, []string{"mfn 1011 18 GBP/100kg", "preferential SG 6.6% + 12 GBP/100kg MAX 18 GBP/100kg"}, get("2401109591", "SG"))
	// Steel: safeguard for the countries of group 5050.
	assert.Equal(t, []string{"mfn 1011 0%", "additional 696 25%"}, get("7208100000", "CN"))
	// Boats: the additional duty on US goods.
	assert.Equal(t, []string{"mfn 1011 0%", "additional 695 25%"}, get("8903991000", "US"))
	assert.Equal(t, []string{"mfn 1011 0%"}, get("8903991000", "JP"))
	// Cherry tomatoes: preference ending 2021-03-31.
	assert.Equal(t, []string{"mfn 1011 8%", "preferential MA 3.5%"}, get("0702000007", "MA"))
	ms, err := s.Measures("0702000007", "MA", day("2021-04-15"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 8%"}, summary(ms))

	// Biodiesel consigned from Canada: anti-dumping and countervailing
	// duties by exporter code; B999 ("Other") pays both, a named exporter
	// with an empty expression pays neither; without a code the lookup
	// asks for it.
	// (specific rates per tonne cannot be compared without the goods: the
	// lookup asks)
	_, err = s.Measures("1516209821", "CA", on)
	assert.ErrorIs(t, err, ErrAdditionalCodeRequired)
	ms, err = s.MeasuresFor("1516209821", "CA", on, "B999")
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 10.9%", "preferential CA 0%",
		"additional 552 144.1 GBP/t on biodiesel", "additional 554 198.33 GBP/t on biodiesel"}, summary(ms))
	ms, err = s.MeasuresFor("1516209821", "CA", on, "B107")
	require.NoError(t, err)
	assert.Len(t, ms, 2)
}

func TestReadErrors(t *testing.T) {
	s := NewSchedule()
	for _, c := range []struct{ in, path string }{
		{`{"goods_nomenclature_item_id": "61091"}`, "goods_nomenclature_item_id"},
		{`{"goods_nomenclature_item_id": "6109100010", "import_measures": [{"effective_start_date": "soon", "duty_expression": {"base": "2 %"}, "measure_type": {"id": "103"}, "geographical_area": {"id": "1011"}}]}`, "import_measures[0].effective_start_date"},
		{`{"goods_nomenclature_item_id": "6109100010", "import_measures": [{"effective_start_date": "2021-02-01", "effective_end_date": "2021-01-01", "duty_expression": {"base": "2 %"}, "measure_type": {"id": "103"}, "geographical_area": {"id": "1011"}}]}`, "import_measures[0].effective_end_date"},
		{`[`, ""},
	} {
		err := s.AddCommodity(strings.NewReader(c.in))
		var de *DocumentError
		require.ErrorAs(t, err, &de, c.in)
		assert.Equal(t, c.path, de.Path, c.in)
		assert.ErrorIs(t, err, ErrInvalidDocument)
	}
	_, err := ReadExchangeRates(strings.NewReader(`[{"attributes": {"child_monetary_unit_code": "GBP", "exchange_rate": "-1", "validity_start_date": "2021-01-01"}}]`))
	assert.ErrorIs(t, err, ErrInvalidDocument)
	_, err = ReadAreas(strings.NewReader(`{`))
	assert.ErrorIs(t, err, ErrInvalidDocument)
}

func FuzzRead(f *testing.F) {
	b, err := os.ReadFile("testdata/commodity_6109100010.json")
	require.NoError(f, err)
	f.Add(string(b))
	r, err := os.ReadFile("testdata/exchange_rates.json")
	require.NoError(f, err)
	f.Add(string(r))
	a, err := os.ReadFile("testdata/areas.json")
	require.NoError(f, err)
	f.Add(string(a))
	api, err := os.ReadFile("testdata/api_commodity_0201100099.json")
	require.NoError(f, err)
	f.Add(string(api))
	mr, err := os.ReadFile("testdata/api_exchange_rates_2025-3_monthly.json")
	require.NoError(f, err)
	f.Add(string(mr))
	rates, err := ReadExchangeRates(strings.NewReader(string(r)))
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, in string) {
		for _, read := range []func() error{
			func() error { _, err := ReadExchangeRates(strings.NewReader(in)); return err },
			func() error { _, err := ReadAreas(strings.NewReader(in)); return err },
			func() error { _, err := ReadMonthlyRates(strings.NewReader(in)); return err },
			func() error {
				s := NewSchedule(WithExchangeRates(rates))
				if err := s.AddCommodity(strings.NewReader(in)); err != nil {
					return err
				}
				for _, p := range s.Codes() {
					_, _ = s.MeasuresFor(p, "CN", day("2021-02-01"), "C999")
					_, _ = s.Notes(p, "CA", day("2025-03-10"))
				}
				return nil
			},
		} {
			if err := read(); err != nil && !errors.Is(err, ErrInvalidDocument) {
				t.Fatalf("error %v does not match ErrInvalidDocument", err)
			}
		}
	})
}
