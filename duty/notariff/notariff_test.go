package notariff_test

import (
	"os"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/notariff"
	"github.com/iorkit/iorkit/internal/shareddata"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var day = duty.MustDate("2026-03-01")

func open(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(shareddata.Path(t, "no_tariff", name))
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

func schedule(t *testing.T, mfn duty.Schedule) *notariff.Schedule {
	t.Helper()
	nom, err := notariff.ReadNomenclature(open(t, "customstariffstructure.json"))
	require.NoError(t, err)
	prefs, err := notariff.ReadPreferences(open(t, "ratetradeagreements.json"))
	require.NoError(t, err)
	lands, err := notariff.ReadCountries(open(t, "medlemsland.json"))
	require.NoError(t, err)
	s, err := notariff.NewSchedule(nom, prefs, lands, mfn)
	require.NoError(t, err)
	return s
}

func TestNomenclature(t *testing.T) {
	nom, err := notariff.ReadNomenclature(open(t, "customstariffstructure.json"))
	require.NoError(t, err)
	// 7,436 commodity lines (shared/data/SOURCES.md).
	assert.Equal(t, 7436, nom.Len())
	l, ok := nom.Line("01012100")
	require.True(t, ok)
	assert.Equal(t, "010121", l.HS)
	assert.Equal(t, "Pure-bred breeding animals", l.Description)
	assert.Equal(t, []string{"01012902", "01012908"}, nom.Under("010129"))
}

// Without the ordinary duty, a line is known but has no rate: an error
// matching duty.ErrUnknownCode.
func TestMFNNotLoaded(t *testing.T) {
	s := schedule(t, nil)
	_, err := s.Measures("6109.10.00", "CN", day)
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
	var me *notariff.MFNNotLoadedError
	assert.ErrorAs(t, err, &me)
	_, err = s.Measures("9999.99.99", "CN", day)
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
	assert.NotErrorAs(t, err, &me)
}

func kinds(ms []duty.Measure) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		if m.Kind == duty.Preferential {
			out[m.Program] = m.Rate.String()
		}
	}
	return out
}

// ratetradeagreements.json, 61091000: FREE for EU, GB, EEA...; 10.7% for
// HK, GCC, CO, CR, PA; NA (none) for GSP. DE is in TEF and TOES (EU,
// EEA), HK in THK, CN in TGS2 (GSP, no preference here).
func TestPreferences(t *testing.T) {
	// The MFN table is the caller's; this one is a test stand-in.
	mfn, err := duty.ReadTable(strings.NewReader("hs,kind,rate,origins,program,from,to,source\n" +
		"61091000,mfn,10.7%,,,,,test stand-in for tollavgiftssats (not a Norwegian figure)\n" +
		"02011000,mfn,344 NOK / kg,,,,,test stand-in for tollavgiftssats (not a Norwegian figure)\n"))
	require.NoError(t, err)
	s := schedule(t, mfn)

	ms, err := s.Measures("6109.10.00", "DE", day)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"EU": "Free", "EEA": "Free"}, kinds(ms))

	ms, err = s.Measures("61091000", "HK", day)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"HK": "10.7%"}, kinds(ms))

	ms, err = s.Measures("61091000", "CN", day)
	require.NoError(t, err)
	assert.Empty(t, kinds(ms))
	assert.Len(t, ms, 1)

	// 02011000 (bovine carcases): 29.05 NOK per kg for GSP and others,
	// FREE for GSP-LDC. CN is in TGS2 (GSP): 29.05 x 100 kg = 2,905.00 NOK.
	ms, err = s.Measures("02011000", "CN", day)
	require.NoError(t, err)
	var gsp duty.Measure
	for _, m := range ms {
		if m.Program == "GSP" {
			gsp = m
		}
	}
	require.Equal(t, "GSP", gsp.Program)
	amt, err := gsp.Rate.Apply(duty.Basis{Value: duty.MustMoney("10000", "NOK"),
		Quantities: []duty.Quantity{{Value: decimal.NewFromInt(100), Unit: duty.Unit("kg")}}})
	require.NoError(t, err)
	assert.Equal(t, "2905.00 NOK", amt.Round().String())
	// BD is in TGS1 (least developed): FREE.
	ms, err = s.Measures("02011000", "BD", day)
	require.NoError(t, err)
	assert.Equal(t, "Free", kinds(ms)["GSP-LDC"])

	lines, err := s.LinesUnder("0101.29")
	require.NoError(t, err)
	assert.Equal(t, []string{"01012902", "01012908"}, lines)
}

func TestReadErrors(t *testing.T) {
	for name, in := range map[string]string{
		"not json": "{",
		"bad id":   `{"version":"1","sections":[{"type":"commodity","id":"123"}]}`,
		"none":     `{"version":"1","sections":[]}`,
		"twice":    `{"version":"1","sections":[{"type":"commodity","id":"01012100"},{"type":"commodity","id":"01012100"}]}`,
	} {
		_, err := notariff.ReadNomenclature(strings.NewReader(in))
		assert.ErrorIs(t, err, notariff.ErrInvalidFile, name)
	}
	_, err := notariff.ReadNomenclature(strings.NewReader(`{"version":"1","sections":[]}`), notariff.MaxBytes(3))
	assert.ErrorIs(t, err, notariff.ErrInvalidFile)
	assert.ErrorIs(t, err, duty.ErrInputLimit, "an input over its limit is the module's one limit error")
	for name, in := range map[string]string{
		"bad id":     `{"commodities":[{"id":"1","rateTradeAgreements":[]}]}`,
		"classifier": `{"commodities":[{"id":"01012100","rateTradeAgreements":[{"customDuty":{"classifier":"X"},"landCodes":["EU"]}]}]}`,
		"type":       `{"commodities":[{"id":"01012100","rateTradeAgreements":[{"customDuty":{"value":1,"type":"pr.l"},"landCodes":["EU"]}]}]}`,
		"negative":   `{"commodities":[{"id":"01012100","rateTradeAgreements":[{"customDuty":{"value":-1,"type":"%"},"landCodes":["EU"]}]}]}`,
		"no lands":   `{"commodities":[{"id":"01012100","rateTradeAgreements":[{"customDuty":{"classifier":"FREE"},"landCodes":[]}]}]}`,
		"none":       `{"commodities":[]}`,
	} {
		_, err := notariff.ReadPreferences(strings.NewReader(in))
		assert.ErrorIs(t, err, notariff.ErrInvalidFile, name)
	}
	for name, in := range map[string]string{
		"code": `{"medlemsland":[{"landkode":"xx","landgrupper":[]}]}`,
		"date": `{"medlemsland":[{"landkode":"DE","landgrupper":[{"landgruppekode":"TEF","fomdato":"1.1.1990"}]}]}`,
		"none": `{"medlemsland":[]}`,
	} {
		_, err := notariff.ReadCountries(strings.NewReader(in))
		assert.ErrorIs(t, err, notariff.ErrInvalidFile, name)
	}
	_, err = notariff.NewSchedule(nil, nil, nil, nil)
	assert.Error(t, err)
}
