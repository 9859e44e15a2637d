package uktt

import (
	"bytes"
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

func noteCodes(ns []Note) []string {
	out := []string{}
	for _, n := range ns {
		out = append(out, n.Code+" "+n.Rate)
	}
	return out
}

func kgBasis(t *testing.T, value, cur, kg string) duty.Basis {
	q, err := duty.ParseQuantity(kg + " kg")
	require.NoError(t, err)
	return duty.Basis{Value: duty.MustMoney(value, cur), Quantities: []duty.Quantity{q}}
}

// The invented JSON:API fixture: every role a measure can play.
func TestAPIFixture(t *testing.T) {
	s := NewSchedule(WithExchangeRates([]ExchangeRate{{From: day("2025-03-01"), Rate: duty.MustMoney("0.85", "GBP").Amount()}}))
	require.NoError(t, s.AddCommodity(testkit.Open(t, "testdata/api_commodity_0201100099.json"), AsOf(duty.MustDate("2025-03-10"))))
	assert.Equal(t, []string{"0201100099"}, s.Codes())
	assert.Equal(t, 6, s.Len()) // VAT left out

	on := day("2025-03-10")
	ms, err := s.Measures("0201.10.00.99", "US", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12% + 147 GBP/100kg"}, summary(ms))
	assert.Equal(t, "UK Online Trade Tariff, UK service as of 2025-03-10, commodity 0201100099, measure 1 (103 Third country duty, 1011 ERGA OMNES, regulation S.I. 2020/1430)", ms[0].Source)
	// 12% of 5000 = 600; 147 GBP x 1000 kg / 100 kg = 1470; 600 + 1470 = 2070
	d, err := ms[0].Rate.Apply(kgBasis(t, "5000", "GBP", "1000"))
	require.NoError(t, err)
	assert.Equal(t, "2070.00 GBP", d.Round().String())
	ns, err := s.Notes("0201100099", "US", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"DUTY_RELIEF 2%"}, noteCodes(ns)) // the suspension is reported, not applied
	// and becomes a warning of the measure charged
	assert.Equal(t, duty.MeasureCondition, ms[0].Caveat)
	assert.Equal(t, ns[0].Message, ms[0].Note)

	// the group 1013 preference: DE yes, FR excluded, ends 2025-06-30
	ms, err = s.Measures("0201100099", "DE", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12% + 147 GBP/100kg", "preferential 1013 0%"}, summary(ms))
	ms, err = s.Measures("0201100099", "FR", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12% + 147 GBP/100kg"}, summary(ms))
	ms, err = s.Measures("0201100099", "DE", day("2025-07-01"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12% + 147 GBP/100kg"}, summary(ms))

	// the quota is a note with its order number and definition
	ns, err = s.Notes("0201100099", "CA", on)
	require.NoError(t, err)
	require.Equal(t, []string{"TARIFF_QUOTA 0%", "DUTY_RELIEF 2%"}, noteCodes(ns))
	assert.Contains(t, ns[0].Message, "tariff quota 050333 at 0% for origin CA")
	assert.Contains(t, ns[0].Message, "period 2025-01-01 to 2025-12-31, status Open, balance 232000.0 Kilogram (kg)")
	ms, err = s.Measures("0201100099", "CA", on)
	require.NoError(t, err)
	assert.Equal(t, duty.TariffQuota, ms[0].Caveat)
	assert.Equal(t, ns[0].Message+"; also: "+ns[1].Message, ms[0].Note)

	// the additional duty on Russian goods is applied, its waiver reported
	ms, err = s.Measures("0201100099", "RU", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12% + 147 GBP/100kg", "additional 695 35%"}, summary(ms))
	ns, err = s.Notes("0201100099", "RU", on)
	require.NoError(t, err)
	require.Equal(t, []string{"MEASURE_CONDITION ", "DUTY_RELIEF 2%"}, noteCodes(ns))
	assert.Contains(t, ns[0].Message, "with document 9014: measure not applicable; otherwise: apply the mentioned duty")
	assert.Equal(t, duty.MeasureCondition, ms[1].Caveat)
	assert.Equal(t, ns[0].Message, ms[1].Note)

	// a EUR amount of the UK service, converted at lookup:
	// 100 EUR x 0.85 = 85 GBP per 100 kg in March 2025
	ms, err = s.Measures("0201100099", "MA", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12% + 147 GBP/100kg", "preferential MA 10% + 85 GBP/100kg"}, summary(ms))
	assert.Contains(t, ms[1].Source, "EUR converted at 0.85 GBP (tariff rate from 2025-03-01)")
	// April: no rate known, the amount stays in EUR
	ms, err = s.Measures("0201100099", "MA", day("2025-04-02"))
	require.NoError(t, err)
	assert.Equal(t, "preferential MA 10% + 100 EUR/100kg", summary(ms)[1])

	_, err = s.Measures("0201100098", "MA", on)
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
	_, err = s.Measures("0201100099", "MA", day("2020-01-01"))
	assert.ErrorIs(t, err, duty.ErrNotInForce)

	sk := s.Skipped()
	require.Len(t, sk, 1)
	assert.Equal(t, "305 Value added tax", sk[0].Type)

	// a second document for the code replaces the first
	require.NoError(t, s.AddCommodity(testkit.Open(t, "testdata/api_commodity_0201100099.json"), AsOf(duty.MustDate("2025-03-11"))))
	assert.Equal(t, 6, s.Len())
	assert.Equal(t, "UK Online Trade Tariff, UK service, 1 code as of 2025-03-11", s.Edition())

	// an XI schedule refuses a UK document
	err = NewSchedule(ForService(XI)).AddCommodity(testkit.Open(t, "testdata/api_commodity_0201100099.json"))
	var de *DocumentError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, "data.meta.duty_calculator.source", de.Path)
}

func TestAPIErrors(t *testing.T) {
	base, err := os.ReadFile("testdata/api_commodity_0201100099.json")
	require.NoError(t, err)
	for _, c := range []struct{ old, new, path string }{
		{`"goods_nomenclature_item_id":"0201100099"`, `"goods_nomenclature_item_id":"02011"`, "data.attributes.goods_nomenclature_item_id"},
		{`"type":"commodity"`, `"type":"footnote"`, "data.type"},
		{`{"id":"2","type":"measure"},`, `{"id":"22","type":"measure"},`, "data.relationships.import_measures.data[1]"},
		{`"effective_start_date":"2021-01-01T00:00:00.000Z","effective_end_date":null,"vat"`, `"effective_start_date":"soon","effective_end_date":null,"vat"`, "included[measure 1].effective_start_date"},
		{`"effective_end_date":"2025-06-30T23:59:59.000Z"`, `"effective_end_date":"2020-06-30T23:59:59.000Z"`, "included[measure 2].effective_end_date"},
		{`"measure_type":{"data":{"id":"103","type":"measure_type"}}`, `"measure_type":{"data":{"id":"999","type":"measure_type"}}`, "included[measure 1].relationships.measure_type"},
	} {
		in := strings.Replace(string(base), c.old, c.new, 1)
		require.NotEqual(t, string(base), in, c.old)
		err := NewSchedule().AddCommodity(strings.NewReader(in))
		var de *DocumentError
		require.ErrorAs(t, err, &de, c.new)
		assert.Equal(t, c.path, de.Path, c.new)
		assert.ErrorIs(t, err, ErrInvalidDocument)
	}
	// an MFN expression the grammar cannot read: the document reads, the
	// lookup says why; an unreadable preference is a note
	in := strings.Replace(string(base), `"base":"12.00 % + 147.00 GBP / 100 kg"`, `"base":"twelve"`, 1)
	in = strings.Replace(in, `"base":"10.00 % + 100.00 EUR / 100 kg"`, `"base":"NIHIL"`, 1)
	s := NewSchedule()
	require.NoError(t, s.AddCommodity(strings.NewReader(in)))
	_, err = s.Measures("0201100099", "US", day("2025-03-10"))
	var re *RateError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "twelve", re.Expr)
	assert.ErrorIs(t, err, duty.ErrInvalidRate)
	in = strings.Replace(string(base), `"base":"10.00 % + 100.00 EUR / 100 kg"`, `"base":"NIHIL"`, 1)
	s = NewSchedule()
	require.NoError(t, s.AddCommodity(strings.NewReader(in)))
	ms, err := s.Measures("0201100099", "MA", day("2025-03-10"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12% + 147 GBP/100kg"}, summary(ms))
	assert.Contains(t, ms[0].Note, `142 Tariff preference (MA Morocco) "NIHIL": the duty expression cannot be read`)
	// an endless reader ends at the size limit
	err = NewSchedule(MaxDocumentSize(1 << 16)).AddCommodity(testkit.Endless(' '))
	assert.ErrorIs(t, err, duty.ErrInputLimit)
	assert.ErrorIs(t, err, ErrInvalidDocument)
	// a string over MaxFieldSize
	long := strings.Replace(string(base), `"description":"Invented fixture`, `"description":"`+strings.Repeat("x", MaxFieldSize+1), 1)
	err = NewSchedule().AddCommodity(strings.NewReader(long))
	var le *duty.LimitError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "data.attributes.description", le.What)
	// the whole fixture under a limit just below its size
	err = NewSchedule(MaxDocumentSize(int64(len(base) - 1))).AddCommodity(bytes.NewReader(base))
	assert.ErrorIs(t, err, duty.ErrInputLimit)
	require.NoError(t, NewSchedule(MaxDocumentSize(int64(len(base)))).AddCommodity(bytes.NewReader(base)))
}

func recorded(t *testing.T, name string, svc Service, opts ...DocOption) *Schedule {
	t.Helper()
	dir := shareddata.Path(t, "uk_api")
	s := NewSchedule(ForService(svc))
	require.NoError(t, s.AddCommodity(testkit.Open(t, filepath.Join(dir, name)), opts...), name)
	return s
}

// 0201100021, bison carcases: a compound MFN duty (ad valorem plus a
// specific amount per 100 kg) and quotas; the UK and XI services give the
// GBP and EUR rates they publish.
func TestRecordedBison(t *testing.T) {
	on := day("2025-02-11")
	uk := recorded(t, "uk_commodity_0201100021_2025-02-11.json", UK, AsOf(duty.MustDate("2025-02-11")))
	xi := recorded(t, "xi_commodity_0201100021_2025-02-11.json", XI, AsOf(duty.MustDate("2025-02-11")))

	ms, err := uk.Measures("0201100021", "US", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12% + 147 GBP/100kg"}, summary(ms))
	assert.Equal(t, "UK Online Trade Tariff, UK service as of 2025-02-11, commodity 0201100021, measure 20000065 (103 Third country duty, 1011 ERGA OMNES, regulation S.I. 2020/1430)", ms[0].Source)
	// 1000 kg worth 5000 GBP: 12% x 5000 = 600 plus 147 x 10 = 1470: 2070 GBP
	d, err := ms[0].Rate.Apply(kgBasis(t, "5000", "GBP", "1000"))
	require.NoError(t, err)
	assert.Equal(t, "2070.00 GBP", d.Round().String())

	ms, err = xi.Measures("0201100021", "US", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12.8% + 176.8 EUR/100kg"}, summary(ms))
	assert.Contains(t, ms[0].Source, "XI service (EU measures as applied in Northern Ireland) as of 2025-02-11, commodity 0201100021, measure 2049567 (103 Third country duty")
	// 1000 kg worth 5000 EUR: 12.8% x 5000 = 640 plus 176.8 x 10 = 1768: 2408 EUR
	d, err = ms[0].Rate.Apply(kgBasis(t, "5000", "EUR", "1000"))
	require.NoError(t, err)
	assert.Equal(t, "2408.00 EUR", d.Round().String())

	// Turkey: the preference keeps the specific part (0% + 147 GBP / 100 kg)
	ms, err = uk.Measures("0201100021", "TR", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12% + 147 GBP/100kg", "preferential TR 0% + 147 GBP/100kg"}, summary(ms))
	ms, err = xi.Measures("0201100021", "TR", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12.8% + 176.8 EUR/100kg", "preferential TR 0% + 176.8 EUR/100kg"}, summary(ms))

	// Canada: four quotas at 0%, reported with their order numbers, none applied
	ms, err = uk.Measures("0201100021", "CA", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12% + 147 GBP/100kg"}, summary(ms))
	ns, err := uk.Notes("0201100021", "CA", on)
	require.NoError(t, err)
	var orders []string
	for _, n := range ns {
		require.Equal(t, NoteQuota, n.Code)
		orders = append(orders, strings.Fields(strings.TrimPrefix(n.Message, "tariff quota "))[0])
	}
	assert.Equal(t, []string{"050351", "054002", "050333", "058400"}, orders)

	// Japan: the CPTPP preference (granted with document 9081 only) is a
	// note; the EPA preference applies
	ms, err = uk.Measures("0201100021", "JP", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12% + 147 GBP/100kg", "preferential JP 0%"}, summary(ms))
	ns, err = uk.Notes("0201100021", "JP", on)
	require.NoError(t, err)
	require.Len(t, ns, 1)
	assert.Contains(t, ns[0].Message, "142 Tariff preference (2052 CPTPP Japan) at 0% applies only under conditions")

	// Jersey: its own third-country duty next to erga omnes; duty.Choose
	// takes the one naming the origin
	ms, err = uk.Measures("0201100021", "JE", on)
	require.NoError(t, err)
	c, err := duty.Choose(ms, "JE", kgBasis(t, "5000", "GBP", "1000"), duty.ChoiceOptions{})
	require.NoError(t, err)
	assert.Equal(t, "0%", c.Base.Rate.String())
	assert.Equal(t, "1080", c.Base.Program)
}

// 2924297099: two third-country duties split by additional code (2500 =
// 0% for substances on the INN list, 2501 = 6% UK / 6.5% XI for the
// others): without the goods' code the lookup asks for it.
func TestRecordedAdditionalCodes(t *testing.T) {
	on := day("2025-07-14")
	for _, c := range []struct {
		file  string
		svc   Service
		other string
	}{
		{"uk_commodity_2924297099_2025-07-14.json", UK, "6%"},
		{"xi_commodity_2924297099_2025-07-14.json", XI, "6.5%"},
	} {
		s := recorded(t, c.file, c.svc)
		// by default the higher rate, flagged ADDITIONAL_CODE with both codes
		ms, err := s.Measures("2924297099", "CN", on)
		require.NoError(t, err)
		assert.Equal(t, []string{"mfn 1011 " + c.other}, summary(ms), c.file)
		assert.Equal(t, duty.AdditionalCode, ms[0].Caveat)
		assert.Contains(t, ms[0].Note, "the highest is charged (2500 = 0% (")
		assert.Contains(t, ms[0].Note, "2501 = "+c.other+" (Other))")
		// asked for
		s = recorded(t, c.file, c.svc)
		s.askCodes = true
		_, err = s.Measures("2924297099", "CN", on)
		var ace *AdditionalCodeError
		require.ErrorAs(t, err, &ace, c.file)
		assert.Equal(t, "103 Third country duty", ace.Type)
		require.Len(t, ace.Choices, 2)
		assert.Equal(t, "2500", ace.Choices[0].Code)
		assert.Equal(t, "0%", ace.Choices[0].Rate.String())
		assert.Equal(t, "2501", ace.Choices[1].Code)
		assert.Equal(t, c.other, ace.Choices[1].Rate.String())
		assert.Equal(t, "Other", ace.Choices[1].Description)
		assert.Contains(t, err.Error(), "2501 = "+c.other+" (Other)")

		ms, err = s.MeasuresFor("2924297099", "CN", on, "2501")
		require.NoError(t, err)
		assert.Equal(t, []string{"mfn 1011 " + c.other}, summary(ms), c.file)
		// no ADDITIONAL_CODE now; the suspension (for goods its footnote
		// lists) is still a warning
		assert.Equal(t, duty.MeasureCondition, ms[0].Caveat)
		assert.Contains(t, ms[0].Note, "Suspension")
		assert.Contains(t, ms[0].Source, "additional code 2501", c.file)
		ms, err = s.MeasuresFor("2924297099", "CN", on, "2500")
		require.NoError(t, err)
		assert.Equal(t, []string{"mfn 1011 0%"}, summary(ms), c.file)
	}
	// UK: the Channel Islands have a third-country duty of their own, no
	// code needed; the suspensions are notes
	s := recorded(t, "uk_commodity_2924297099_2025-07-14.json", UK)
	ms, err := s.Measures("2924297099", "GG", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1080 0%"}, summary(ms))
	ns, err := s.Notes("2924297099", "GG", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"DUTY_RELIEF 0%", "DUTY_RELIEF 0%"}, noteCodes(ns))
	assert.Contains(t, ns[0].Type, "112 Autonomous tariff suspension")
	// Russia: the 35% additional duty on top, with its waiver reported
	ms, err = s.MeasuresFor("2924297099", "RU", on, "2501")
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 6%", "additional 695 35%"}, summary(ms))
	s2 := NewSchedule(WithAdditionalCodes(map[string][]string{"2924297099": {"2501"}}))
	require.NoError(t, s2.AddCommodity(testkit.Open(t, filepath.Join(shareddata.Path(t, "uk_api"), "uk_commodity_2924297099_2025-07-14.json"))))
	ms, err = s2.Measures("2924297099", "IN", on)
	require.NoError(t, err)
	assert.Equal(t, "mfn 1011 6%", summary(ms)[0])
}

// The response filtered to origin Andorra lists Andorra's measures only.
func TestRecordedFiltered(t *testing.T) {
	on := day("2025-07-14")
	s := recorded(t, "uk_commodity_6911100090_AD_2025-07-14.json", UK, FilteredTo("AD"))
	ms, err := s.Measures("6911100090", "AD", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 1011 12%", "preferential AD 0%"}, summary(ms))
	assert.Contains(t, ms[0].Source, "(filtered to origin AD)")
	_, err = s.Measures("6911100090", "CN", on)
	var fe *FilteredError
	require.ErrorAs(t, err, &fe)
	assert.ErrorIs(t, err, ErrFiltered)
	assert.Equal(t, "AD", fe.Filter)
	sk := map[string]string{}
	for _, k := range s.Skipped() {
		sk[k.Type] = k.Reason
	}
	assert.Equal(t, "tax, not a customs duty", sk["305 Value added tax"])
}

// 0101300000, horses: the UK and XI third-country duties.
func TestRecordedHorses(t *testing.T) {
	on := day("2025-07-14")
	uk := recorded(t, "uk_commodity_0101300000_2025-07-14.json", UK)
	xi := recorded(t, "xi_commodity_0101300000_2025-07-14.json", XI)
	ms, err := uk.Measures("0101300000", "US", on)
	require.NoError(t, err)
	assert.Equal(t, "mfn 1011 6%", summary(ms)[0])
	ms, err = xi.Measures("0101300000", "US", on)
	require.NoError(t, err)
	assert.Equal(t, "mfn 1011 7.7%", summary(ms)[0])
}

func TestRecordedAreas(t *testing.T) {
	dir := shareddata.Path(t, "uk_api")
	areas, err := ReadAreas(testkit.Open(t, filepath.Join(dir, "uk_geographical_area_1013_2025-07-14.json")))
	require.NoError(t, err)
	assert.Len(t, areas["1013"], 27) // the 27 member states; "EU" itself is not a country
	assert.Contains(t, areas["1013"], "DE")
	countries, err := ReadAreas(testkit.Open(t, filepath.Join(dir, "uk_geographical_areas_countries_2025-07-14.json")))
	require.NoError(t, err)
	assert.Empty(t, countries)
}
