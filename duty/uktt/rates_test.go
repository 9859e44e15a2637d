package uktt

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/shareddata"
	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var _ duty.SourcedRates = (*MonthlyRates)(nil)

func TestMonthlyRates(t *testing.T) {
	m, err := ReadMonthlyRates(testkit.Open(t, "testdata/api_exchange_rates_2025-3_monthly.json"))
	require.NoError(t, err)
	on := day("2025-03-17")
	r, err := m.Rate("GBP", "EUR", on)
	require.NoError(t, err)
	assert.Equal(t, "1.2", r.String())
	// 1 / 1.25 = 0.8 exactly
	r, err = m.Rate("USD", "GBP", on)
	require.NoError(t, err)
	assert.Equal(t, "0.8", r.String())
	// 1 / 1.2 = 0.8333... to 20 places
	r, err = m.Rate("EUR", "GBP", on)
	require.NoError(t, err)
	assert.Equal(t, "0.83333333333333333333", r.String())
	// 120 EUR at 1.2 EUR per pound is 100 GBP to the penny
	gbp, _, err := duty.Convert(duty.MustMoney("120", "EUR"), "GBP", m, on)
	require.NoError(t, err)
	assert.Equal(t, "100.00 GBP", gbp.Round().String())
	r, err = m.Rate("GBP", "GBP", on)
	require.NoError(t, err)
	assert.Equal(t, "1", r.String())
	// no cross rates, no other months
	_, err = m.Rate("USD", "EUR", on)
	assert.ErrorIs(t, err, duty.ErrMissingRate)
	_, err = m.Rate("USD", "GBP", day("2025-04-01"))
	assert.ErrorIs(t, err, duty.ErrMissingRate)
	_, err = m.Rate("JPY", "GBP", on)
	assert.ErrorIs(t, err, duty.ErrMissingRate)
	assert.Equal(t, "HMRC monthly exchange rates for customs, 2025-03 (UK Online Trade Tariff /exchange_rates, published 2025-02-19)", m.Source("USD", "GBP", on))
	assert.Equal(t, []string{"2025-03-01"}, dates(m.Months()))
	info, err := m.RateInfo("USD", "GBP", on)
	require.NoError(t, err)
	assert.Equal(t, "0.8", info.Rate.String())
	assert.Equal(t, "2025-03-01", info.Day.String())
	assert.Equal(t, "2025-03-31", info.ValidTo.String())
	assert.Equal(t, "HMRC monthly exchange rates for customs, 2025-03 (UK Online Trade Tariff /exchange_rates, published 2025-02-19): 1 GBP = 1.25 USD", info.Source)
}

func dates(ts []duty.Date) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.String())
	}
	return out
}

func TestMonthlyRatesErrors(t *testing.T) {
	for _, c := range []struct{ in, path string }{
		{`{"data":{"type":"exchange_rate_period_list","attributes":{"year":2022}}}`, "data.type"},
		{`{"data":{"type":"exchange_rate_collection","attributes":{"year":"2025","month":"13","type":"monthly"}}}`, "data.attributes.month"},
		{`{"data":{"type":"exchange_rate_collection","attributes":{"year":"2025","month":"3","type":"average"}}}`, "data.attributes.type"},
		{`{"data":{"type":"exchange_rate_collection","attributes":{"year":"2025","month":"3"}},"included":[{"type":"exchange_rate","attributes":{"currency_code":"USD","rate":"-1"}}]}`, "included[0].attributes.rate"},
		{`{"data":{"type":"exchange_rate_collection","attributes":{"year":"2025","month":"3"}},"included":[{"type":"exchange_rate","attributes":{"currency_code":"usd","rate":"1"}}]}`, "included[0].attributes.currency_code"},
		{`{"data":{"type":"exchange_rate_collection","attributes":{"year":"2025","month":"3"}},"included":[{"type":"exchange_rate","attributes":{"currency_code":"USD","rate":"1.2","validity_start_date":"2025-04-01"}}]}`, "included[0].attributes.validity_start_date"},
		{`{"data":{"type":"exchange_rate_collection","attributes":{"year":"2025","month":"3"}},"included":[{"type":"exchange_rate","attributes":{"currency_code":"USD","rate":"1.2"}},{"type":"exchange_rate","attributes":{"currency_code":"USD","rate":"1.3"}}]}`, "included[1].attributes.rate"},
		{`{"data":{"type":"exchange_rate_collection","attributes":{"year":"2025","month":"3"}},"included":[]}`, "included"},
		{`{"data":`, ""},
	} {
		_, err := ReadMonthlyRates(strings.NewReader(c.in))
		var de *DocumentError
		require.ErrorAs(t, err, &de, c.in)
		assert.Equal(t, c.path, de.Path, c.in)
		assert.ErrorIs(t, err, ErrInvalidDocument)
	}
}

func TestRecordedMonthlyRates(t *testing.T) {
	dir := shareddata.Path(t, "uk_api")
	m, err := ReadMonthlyRates(testkit.Open(t, filepath.Join(dir, "uk_exchange_rates_2023-9_monthly.json")))
	require.NoError(t, err)
	on := day("2023-09-20")
	r, err := m.Rate("GBP", "EUR", on)
	require.NoError(t, err)
	assert.Equal(t, "1.1683", r.String())
	r, err = m.Rate("GBP", "USD", on)
	require.NoError(t, err)
	assert.Equal(t, "1.2631", r.String())
	// 1263.10 USD / 1.2631 USD per pound = 1000.00 GBP
	gbp, _, err := duty.Convert(duty.MustMoney("1263.10", "USD"), "GBP", m, on)
	require.NoError(t, err)
	assert.Equal(t, "1000.00 GBP", gbp.Round().String())
	assert.Contains(t, m.Source("USD", "GBP", on), "2023-09 (UK Online Trade Tariff /exchange_rates, published 2023-08-23)")
}

func TestForGB(t *testing.T) {
	m, err := ReadMonthlyRates(testkit.Open(t, "testdata/api_exchange_rates_2025-3_monthly.json"))
	require.NoError(t, err)
	base := duty.FixedRates{"USD/GBP": duty.MustMoney("0.7", "GBP").Amount(), "USD/EUR": duty.MustMoney("0.9", "EUR").Amount()}
	r := ForGB(m, base)
	march, april := duty.MustDate("2025-03-17"), duty.MustDate("2025-04-02")
	gb := r.ForDestination("GB")
	// March: HMRC's 1.25 USD per pound, 1 / 1.25 = 0.8
	x, err := gb.Rate("USD", "GBP", march)
	require.NoError(t, err)
	assert.Equal(t, "0.8", x.String())
	// April is not held: the base rate
	x, err = gb.Rate("USD", "GBP", april)
	require.NoError(t, err)
	assert.Equal(t, "0.7", x.String())
	// other destinations, and no destination: the base
	x, err = r.ForDestination("DE").Rate("USD", "EUR", march)
	require.NoError(t, err)
	assert.Equal(t, "0.9", x.String())
	x, err = r.Rate("USD", "GBP", march)
	require.NoError(t, err)
	assert.Equal(t, "0.7", x.String())
	_, err = gb.Rate("JPY", "GBP", march)
	assert.ErrorIs(t, err, duty.ErrMissingRate)
}
