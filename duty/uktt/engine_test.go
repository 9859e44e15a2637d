package uktt_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/uktt"
	"github.com/iorkit/iorkit/internal/shareddata"
	"github.com/iorkit/iorkit/ior"
)

func beef(dest, hs, cur, price string, date duty.Date) ior.Shipment {
	return ior.Shipment{
		ID: "uktt-1", Date: date, Origin: "US", Destination: dest,
		Incoterm: ior.DDP, Mode: ior.Courier,
		Seller: ior.Party{Name: "Prairie Meats Inc", Country: "US", Kind: ior.Business},
		Buyer:  ior.Party{Name: "Butcher Ltd", Country: dest, Kind: ior.Business, LocalEntity: true},
		Lines: []ior.Line{{SKU: "B-1", Description: "Bison carcases", HS: hs, Origin: "US",
			Quantity:  duty.Quantity{Value: decimal.NewFromInt(4), Unit: duty.Item},
			UnitPrice: duty.MustMoney(price, cur),
			NetWeight: duty.Quantity{Value: decimal.NewFromInt(1000), Unit: duty.Kilogram}}},
		Freight:   duty.MustMoney("0", cur),
		Insurance: duty.MustMoney("0", cur),
	}
}

func codes(ws []duty.Warning) []string {
	out := []string{}
	for _, w := range ws {
		out = append(out, string(w.Code))
	}
	return out
}

// A GB quote priced from a UK service schedule and HMRC's monthly rates
// as the tariff publishes them: each charge names the service and the day
// the document was fetched; what the quote cannot decide (here a
// suspension for goods its footnote lists) is a warning, not a choice.
func TestEngineGB(t *testing.T) {
	s := uktt.NewSchedule()
	f, err := os.Open("testdata/api_commodity_0201100099.json")
	require.NoError(t, err)
	defer f.Close()
	require.NoError(t, s.AddCommodity(f, uktt.AsOf(duty.MustDate("2025-03-10"))))
	rf, err := os.Open("testdata/api_exchange_rates_2025-3_monthly.json")
	require.NoError(t, err)
	defer rf.Close()
	rates, err := uktt.ReadMonthlyRates(rf)
	require.NoError(t, err)

	eng, err := ior.NewEngine(ior.WithSchedule("GB", s), ior.WithRates(rates))
	require.NoError(t, err)
	q, err := eng.Quote(context.Background(), beef("GB", "0201100099", "USD", "1250.00", duty.MustDate("2025-03-10")))
	require.NoError(t, err)
	// 4 x 1250 USD = 5000 USD; at 1.25 USD per pound: 5000 x 0.8 = 4000 GBP
	assert.Equal(t, "4000.00 GBP", q.CustomsValue.String())
	require.Len(t, q.Lines, 1)
	d := q.Lines[0].Duties
	require.Len(t, d, 1)
	// 12% x 4000 = 480; 147 GBP x 1000 kg / 100 kg = 1470; 480 + 1470 = 1950
	assert.Equal(t, "1950.00 GBP", d[0].Amount.String())
	assert.Contains(t, d[0].Source, "UK Online Trade Tariff, UK service as of 2025-03-10, commodity 0201100099, measure 1 (103 Third country duty")
	assert.Equal(t, []string{"MEASURE_CONDITION"}, codes(q.Warnings))
	assert.Contains(t, q.Warnings[0].Message, "112 Autonomous tariff suspension at 2%")
	require.NotEmpty(t, q.FX)
	assert.Contains(t, q.FX[0].Source, "HMRC monthly exchange rates for customs, 2025-03")

	// strict mode refuses it
	_, err = eng.Quote(context.Background(), beef("GB", "0201100099", "USD", "1250.00", duty.MustDate("2025-03-10")), ior.Strict())
	assert.ErrorIs(t, err, duty.ErrStrict)
}

// An EU quote priced from the XI service: the EU's third-country duty in
// EUR as Northern Ireland applies it, for every member state.
func TestEngineEU(t *testing.T) {
	dir := shareddata.Path(t, "uk_api")
	s := uktt.NewSchedule(uktt.ForService(uktt.XI))
	f, err := os.Open(filepath.Join(dir, "xi_commodity_0201100021_2025-02-11.json"))
	require.NoError(t, err)
	defer f.Close()
	require.NoError(t, s.AddCommodity(f, uktt.AsOf(duty.MustDate("2025-02-11"))))
	eng, err := ior.NewEngine(ior.WithSchedule("EU", s))
	require.NoError(t, err)
	q, err := eng.Quote(context.Background(), beef("DE", "0201100021", "EUR", "1250.00", duty.MustDate("2025-02-11")))
	require.NoError(t, err)
	d := q.Lines[0].Duties
	require.Len(t, d, 1)
	// 12.8% x 5000 = 640; 176.8 EUR x 1000 kg / 100 kg = 1768; 640 + 1768 = 2408
	assert.Equal(t, "2408.00 EUR", d[0].Amount.String())
	assert.Contains(t, d[0].Source, "XI service (EU measures as applied in Northern Ireland) as of 2025-02-11, commodity 0201100021")
	assert.NotContains(t, codes(q.Warnings), "REFERENCE_TARIFF")
	assert.NotContains(t, codes(q.Warnings), "SAMPLE_TARIFF")
}

// 2924297099 has two third-country duties split by additional code: a
// quote without the goods' code is charged the higher one and says so
// (ADDITIONAL_CODE, refused in strict mode); with the code, that rate.
func TestEngineAdditionalCode(t *testing.T) {
	dir := shareddata.Path(t, "uk_api")
	load := func(opts ...uktt.Option) *uktt.Schedule {
		s := uktt.NewSchedule(opts...)
		f, err := os.Open(filepath.Join(dir, "uk_commodity_2924297099_2025-07-14.json"))
		require.NoError(t, err)
		defer f.Close()
		require.NoError(t, s.AddCommodity(f, uktt.AsOf(duty.MustDate("2025-07-14"))))
		return s
	}
	ship := beef("GB", "2924297099", "GBP", "250.00", duty.MustDate("2025-07-14"))
	ship.Lines[0].Description = "Cyclic amide"
	ship.Lines[0].Origin = "CN"

	eng, err := ior.NewEngine(ior.WithSchedule("GB", load()))
	require.NoError(t, err)
	q, err := eng.Quote(context.Background(), ship)
	require.NoError(t, err)
	// 4 x 250 = 1000 GBP; the higher rate, 2501 "Other": 6% = 60.00
	assert.Equal(t, "60.00 GBP", q.Lines[0].Duties[0].Amount.String())
	assert.Contains(t, codes(q.Warnings), "ADDITIONAL_CODE")
	_, err = eng.Quote(context.Background(), ship, ior.Strict())
	var se *duty.StrictError
	require.ErrorAs(t, err, &se)
	assert.True(t, se.Has(duty.AdditionalCode))

	// the goods are on the INN list: code 2500, 0%
	eng, err = ior.NewEngine(ior.WithSchedule("GB", load(uktt.WithAdditionalCodes(map[string][]string{"2924297099": {"2500"}}))))
	require.NoError(t, err)
	q, err = eng.Quote(context.Background(), ship)
	require.NoError(t, err)
	assert.Equal(t, "0.00 GBP", q.Lines[0].Duties[0].Amount.String())
	assert.NotContains(t, codes(q.Warnings), "ADDITIONAL_CODE")
	assert.Contains(t, codes(q.Warnings), "MEASURE_CONDITION") // the suspensions for goods their footnotes list
}
