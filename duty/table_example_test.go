package duty_test

import (
	"fmt"
	"strings"

	"github.com/iorkit/iorkit/duty"
)

func ExampleReadTable() {
	const rates = `hs,kind,rate,origins,program,from,to,source
6109.10.00,mfn,16.5%,,,2026-01-01,,USITC HTS 2026 Rev. 3 (General)
6109,preferential,Free,CA MX,S,2020-07-01,,USITC HTS 2026 Rev. 3 (Special: S)
`
	t, err := duty.ReadTable(strings.NewReader(rates))
	if err != nil {
		fmt.Println(err)
		return
	}
	on := duty.MustDate("2026-03-01")
	ms, _ := t.Measures("6109.10.00.12", "MX", on)
	for _, m := range ms {
		fmt.Println(m.Kind, m.HS, m.Rate, m.Program, m.Origins)
	}
	_, err = t.Measures("6110.20", "MX", on)
	fmt.Println(err)
	// Output:
	// mfn 61091000 16.5%  []
	// preferential 6109 Free S [CA MX]
	// duty: no measure for HS code "6110.20" (nor for any prefix of it)
}
