package uktt_test

import (
	"fmt"
	"os"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/uktt"
)

func Example() {
	ratesFile, _ := os.Open("testdata/exchange_rates.json")
	defer ratesFile.Close()
	rates, err := uktt.ReadExchangeRates(ratesFile)
	if err != nil {
		fmt.Println(err)
		return
	}
	areasFile, _ := os.Open("testdata/areas.json")
	defer areasFile.Close()
	areas, err := uktt.ReadAreas(areasFile)
	if err != nil {
		fmt.Println(err)
		return
	}
	s := uktt.NewSchedule(uktt.WithExchangeRates(rates), uktt.WithAreas(areas))
	doc, _ := os.Open("testdata/commodity_6109100010.json")
	defer doc.Close()
	if err := s.AddCommodity(doc); err != nil {
		fmt.Println(err)
		return
	}
	on := duty.MustDate("2021-01-15")
	for _, origin := range []string{"US", "FR", "IN"} {
		ms, err := s.Measures("6109.10.00.10", origin, on)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, m := range ms {
			fmt.Println(origin, m.Kind, m.Program, m.Rate)
		}
	}
	// Output:
	// US mfn 1011 12%
	// FR mfn 1011 12%
	// FR preferential 1013 0%
	// IN mfn 1011 12%
	// IN preferential 2020 2% + 1.35 GBP/100kg
}

// A raw /api/v2/commodities response: the measures a GB quote uses, and the
// warnings they carry for what the quote cannot decide (a quota for
// Canadian goods, a suspension for goods named in its footnote).
func ExampleSchedule_AddCommodity() {
	f, err := os.Open("testdata/api_commodity_0201100099.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	s := uktt.NewSchedule()
	if err := s.AddCommodity(f, uktt.AsOf(duty.MustDate("2025-03-10"))); err != nil {
		fmt.Println(err)
		return
	}
	on := duty.MustDate("2025-03-10")
	for _, origin := range []string{"DE", "CA"} {
		ms, err := s.Measures("0201100099", origin, on)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, m := range ms {
			fmt.Println(origin, m.Kind, m.Program, m.Rate, m.Caveat)
		}
	}
	notes, _ := s.Notes("0201100099", "CA", on)
	for _, n := range notes {
		fmt.Println(n.Code, n.Rate)
	}
	// Output:
	// DE mfn 1011 12% + 147 GBP/100kg MEASURE_CONDITION
	// DE preferential 1013 0% MEASURE_CONDITION
	// CA mfn 1011 12% + 147 GBP/100kg TARIFF_QUOTA
	// TARIFF_QUOTA 0%
	// DUTY_RELIEF 2%
}

// HMRC's monthly rates as the tariff publishes them, as a duty.Rates.
func ExampleReadMonthlyRates() {
	f, err := os.Open("testdata/api_exchange_rates_2025-3_monthly.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	rates, err := uktt.ReadMonthlyRates(f)
	if err != nil {
		fmt.Println(err)
		return
	}
	gbp, _, err := duty.Convert(duty.MustMoney("500.00", "USD"), "GBP", rates, duty.MustDate("2025-03-17"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(gbp.Round())
	// Output:
	// 400.00 GBP
}
