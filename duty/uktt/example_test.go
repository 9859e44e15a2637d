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
