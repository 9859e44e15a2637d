package duty

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed data/iso3166.txt
var iso3166Text string

var countryTable = sync.OnceValue(func() map[string]bool {
	t := make(map[string]bool, 250)
	for _, line := range strings.Split(iso3166Text, "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, c := range strings.Fields(line) {
			t[c] = true
		}
	}
	return t
})

// ValidCountry reports whether code is an officially assigned ISO 3166-1
// alpha-2 country code (upper case). Reserved codes such as "UK", "EU",
// "XK" or "SU" are not countries here; use ValidateCountry for an error
// that says what was given.
func ValidCountry(code string) bool {
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		return countryTable()[code] // false unless the table holds such a code
	}
	i := int(code[0]-'A')*26 + int(code[1]-'A')
	return countryBits()[i/64]&(1<<(i%64)) != 0
}

// countryBits holds countryTable's two-letter upper-case codes as a bit
// set indexed by (first letter)×26 + (second letter): validation runs on
// every line of every quote, and a bit test costs less than a map lookup.
var countryBits = sync.OnceValue(func() *[11]uint64 {
	var b [11]uint64 // 26×26 = 676 bits
	for c := range countryTable() {
		if len(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' {
			i := int(c[0]-'A')*26 + int(c[1]-'A')
			b[i/64] |= 1 << (i % 64)
		}
	}
	return &b
})

// ValidateCountry returns an *InvalidCountryError unless code is an
// officially assigned ISO 3166-1 alpha-2 code.
func ValidateCountry(code string) error {
	if ValidCountry(code) {
		return nil
	}
	return &InvalidCountryError{Code: code}
}

// InvalidCountryError reports a code that is not an ISO 3166-1 alpha-2
// country code. It matches ErrInvalidCountry with errors.Is.
type InvalidCountryError struct {
	Code string
}

func (e *InvalidCountryError) Error() string {
	hint := ""
	switch {
	case e.Code == "UK":
		hint = " (the ISO code of the United Kingdom is GB)"
	case e.Code == "EU":
		hint = " (EU is a customs union, not a country: name the member state)"
	case e.Code == "XK":
		hint = " (XK is a user-assigned code for Kosovo, not part of ISO 3166-1)"
	case e.Code == "SU":
		hint = " (SU, the Soviet Union, is withdrawn: name the successor state)"
	case len(e.Code) == 2 && strings.ToUpper(e.Code) != e.Code:
		hint = " (codes are upper case)"
	case len(e.Code) == 3:
		hint = " (use the alpha-2 code, not alpha-3)"
	}
	return fmt.Sprintf("duty: %q is not an ISO 3166-1 alpha-2 country code%s", clip(e.Code), hint)
}

// Is reports whether target is ErrInvalidCountry.
func (e *InvalidCountryError) Is(target error) bool { return target == ErrInvalidCountry }
