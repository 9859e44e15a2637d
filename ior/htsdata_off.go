//go:build iorkit_nohtsdata

package ior

import "github.com/iorkit/iorkit/duty"

// Built with the tag iorkit_nohtsdata: no embedded US tariff (the binary
// leaves package htsdata out); the sample tariff answers for the US unless
// a schedule is given with WithSchedule.
var embeddedUS func() (duty.Schedule, error)

const embeddedUSLabel = ""
