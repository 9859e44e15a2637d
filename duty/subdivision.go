package duty

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// subdivisions are the ISO 3166-2 subdivision codes of the countries whose
// embedded profiles charge by region, so that a destination region can be
// checked against the list and not only its shape: "CA-0N" (a zero for the
// letter O) must be an error, not a quote with GST instead of Ontario's HST.
//
// Source: ISO 3166-2:CA, the 10 provinces and 3 territories of Canada (ISO
// Online Browsing Platform, https://www.iso.org/obp/ui/#iso:code:3166:CA),
// as in force since NU was added in 1999 and NL renamed in 2002.
//
// ISO 3166-2:BR: the 26 states and the Distrito Federal of Brazil (ISO
// Online Browsing Platform, https://www.iso.org/obp/ui/#iso:code:3166:BR;
// the codes are the states' postal abbreviations, BR-DF for the federal
// district); the list was not re-read online in this session.
var subdivisions = map[string][]string{
	"BR": {"BR-AC", "BR-AL", "BR-AM", "BR-AP", "BR-BA", "BR-CE", "BR-DF", "BR-ES", "BR-GO", "BR-MA", "BR-MG", "BR-MS", "BR-MT",
		"BR-PA", "BR-PB", "BR-PE", "BR-PI", "BR-PR", "BR-RJ", "BR-RN", "BR-RO", "BR-RR", "BR-RS", "BR-SC", "BR-SE", "BR-SP", "BR-TO"},
	"CA": {"CA-AB", "CA-BC", "CA-MB", "CA-NB", "CA-NL", "CA-NS", "CA-NT", "CA-NU", "CA-ON", "CA-PE", "CA-QC", "CA-SK", "CA-YT"},
}

// ErrInvalidRegion is matched by *InvalidRegionError.
var ErrInvalidRegion = errors.New("duty: invalid region")

// InvalidRegionError reports a region that is not an ISO 3166-2
// subdivision of its country.
type InvalidRegionError struct {
	Region string
	Known  []string // the subdivisions of the country, when listed
}

func (e *InvalidRegionError) Error() string {
	if len(e.Known) > 0 {
		return fmt.Sprintf("duty: region %q is not an ISO 3166-2 subdivision of %s (want one of %s)",
			clip(e.Region), e.Known[0][:2], strings.Join(e.Known, ", "))
	}
	return fmt.Sprintf("duty: region %q is not an ISO 3166-2 subdivision code (CC-XXX, e.g. CA-ON)", clip(e.Region))
}

// Is reports whether target is ErrInvalidRegion.
func (e *InvalidRegionError) Is(target error) bool { return target == ErrInvalidRegion }

// ValidateRegion checks an ISO 3166-2 subdivision code: its shape (a
// country code, "-", 1 to 3 upper-case letters or digits), and, for the
// countries whose profiles charge by region (Subdivisions), that it is one
// of that country's subdivisions.
func ValidateRegion(region string) error {
	cc, sub, ok := strings.Cut(region, "-")
	if !ok || len(sub) < 1 || len(sub) > 3 || ValidateCountry(cc) != nil {
		return &InvalidRegionError{Region: region}
	}
	for _, c := range sub {
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return &InvalidRegionError{Region: region}
		}
	}
	if known, listed := subdivisions[cc]; listed && !slices.Contains(known, region) {
		return &InvalidRegionError{Region: region, Known: slices.Clone(known)}
	}
	return nil
}

// Subdivisions returns the ISO 3166-2 subdivision codes ValidateRegion
// checks a region of country against, or nil when the country's are not
// listed (only its shape is checked).
func Subdivisions(country string) []string { return slices.Clone(subdivisions[country]) }
