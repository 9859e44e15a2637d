package htsdata_test

import (
	"fmt"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/hts/htsdata"
)

// Load returns the embedded HTS 2026 Revision 3 with its layers; Caveats
// names the additional duties whose product lists are not in the data.
func ExampleLoad() {
	s, err := htsdata.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	on := duty.MustDate("2026-12-01")
	ms, err := s.Measures("6109.10.00.40", "CN", on)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range ms {
		fmt.Println(m.Kind, m.Program, m.Rate)
	}
	for _, w := range s.Caveats("9503.00.00", "CN", on) {
		fmt.Println(w.Code, w.Subject)
	}
	// Output:
	// mfn  16.5%
	// additional 9903.88.15 7.5%
	// LAYERS_NOT_LOADED ADD 9903.88
}
