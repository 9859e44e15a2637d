//go:build !iorkit_nohtsdata

package ior

import (
	"sync"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/hts/htsdata"
)

// embeddedUS loads the embedded US tariff (package htsdata: HTS 2026
// Revision 3 with its layers) once per process, on the first US quote of
// any engine; engines only look it up. Build with the tag iorkit_nohtsdata
// to leave it out (see htsdata_off.go).
var embeddedUS = sync.OnceValues(func() (duty.Schedule, error) {
	s, err := htsdata.Load()
	if err != nil {
		return nil, err
	}
	return s, nil
})

// embeddedUSLabel names the embedded US tariff in the quote id.
const embeddedUSLabel = "us:" + htsdata.Edition
