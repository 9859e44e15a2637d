package hts_test

import (
	"fmt"
	"os"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/hts"
)

func ExampleReadCSV() {
	f, err := os.Open("testdata/mini.csv") // a USITC CSV export
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	s, err := hts.ReadCSV(f, hts.Source("USITC HTS (fixture)"))
	if err != nil {
		fmt.Println(err)
		return
	}
	on := duty.MustDate("2026-03-01")
	for _, origin := range []string{"CN", "JP", "KR"} {
		ms, err := s.Measures("4202.92.31.20", origin, on)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, m := range ms {
			fmt.Println(origin, m.Kind, m.HS, m.Program, m.Rate)
		}
	}
	// Output:
	// CN mfn 42029231  17.6%
	// JP mfn 42029231  17.6%
	// JP preferential 42029231 JP 4%
	// KR mfn 42029231  17.6%
	// KR preferential 42029231 KR Free
}
