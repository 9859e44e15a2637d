package uktt

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A measure in EUR is stored once and converted by the month at lookup:
// 200 EUR measures and 20,000 monthly rates (issue 18, item 7) load and
// answer in well under a second, where splitting each measure by month
// took 54 s and 4.6 GB.
func TestEURMeasuresStoredOnce(t *testing.T) {
	const nMeasures, nRates = 200, 20000
	rates := make([]ExchangeRate, nRates)
	first := duty.MustDate("0400-01-01")
	for i := range rates {
		// 0.80, 0.81, ... 0.99 then again: rate i is 0.80 + (i mod 20)/100
		rates[i] = ExchangeRate{From: first.AddDate(0, i, 0), Rate: duty.MustMoney(fmt.Sprintf("0.%d", 80+i%20), "GBP").Amount()}
	}
	countries := allCountries()
	require.GreaterOrEqual(t, len(countries), nMeasures)
	var sb strings.Builder
	sb.WriteString(`{"goods_nomenclature_item_id": "0102291010", "import_measures": [`)
	sb.WriteString(`{"id": 1, "effective_start_date": "0400-01-01", "duty_expression": {"base": "10.00 % + 93.10 EUR / 100 kg"}, "measure_type": {"id": "103"}, "geographical_area": {"id": "1011"}}`)
	for i := 1; i < nMeasures; i++ {
		fmt.Fprintf(&sb, `, {"id": %d, "effective_start_date": "0400-01-01", "duty_expression": {"base": "%d.00 EUR / 100 kg"}, "measure_type": {"id": "142"}, "geographical_area": {"id": %q}}`, i+1, i, countries[i])
	}
	sb.WriteString(`]}`)

	done := make(chan struct{})
	var s *Schedule
	var err error
	var ms []duty.Measure
	go func() {
		defer close(done)
		s = NewSchedule(WithExchangeRates(rates))
		if err = s.AddCommodity(strings.NewReader(sb.String())); err != nil {
			return
		}
		// month 12,345 after January 400: rate index 12345, 0.80 + 5/100 = 0.85
		ms, err = s.Measures("0102291010", countries[7], first.AddDate(0, 12345, 14))
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("200 EUR measures x 20,000 monthly rates: not done in 5 s")
	}
	require.NoError(t, err)
	assert.Equal(t, nMeasures, s.Len(), "each measure stored once")
	// 93.10 x 0.85 = 79.135; 7 x 0.85 = 5.95
	assert.Equal(t, []string{"mfn 1011 10% + 79.135 GBP/100kg", "preferential " + countries[7] + " 5.95 GBP/100kg"}, summary(ms))
}
