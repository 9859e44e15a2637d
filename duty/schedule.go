package duty

import (
	"fmt"
	"time"
)

// MeasureKind says what a measure is: the MFN (third-country) duty, a
// preferential duty for some origins, or an additional duty layered on top.
type MeasureKind uint8

// Measure kinds.
const (
	MFN MeasureKind = iota + 1
	Preferential
	Additional
)

var measureKindNames = map[MeasureKind]string{MFN: "mfn", Preferential: "preferential", Additional: "additional"}

// String returns mfn, preferential or additional.
func (k MeasureKind) String() string {
	if n, ok := measureKindNames[k]; ok {
		return n
	}
	return fmt.Sprintf("MeasureKind(%d)", uint8(k))
}

// ParseMeasureKind reads mfn, preferential or additional.
func ParseMeasureKind(s string) (MeasureKind, error) {
	for k, n := range measureKindNames {
		if n == s {
			return k, nil
		}
	}
	return 0, fmt.Errorf("duty: measure kind %q: want mfn, preferential or additional", s)
}

// Measure is one duty line of a schedule.
type Measure struct {
	Kind    MeasureKind
	Rate    Rate
	Program string    // preference programme or legal basis code, e.g. "S" (USMCA), "TCA", "9903.88.03"
	Origins []string  // countries the measure applies to; empty = all origins
	Source  string    // legal or official source of the figure
	From    time.Time // first day in force (zero = open)
	To      time.Time // last day in force (zero = open)
	HS      string    // the code the measure is set on (as matched)
}

// InForce reports whether the measure applies on day on.
func (m Measure) InForce(on time.Time) bool {
	if !m.From.IsZero() && on.Before(m.From) {
		return false
	}
	if !m.To.IsZero() && on.After(m.To) {
		return false
	}
	return true
}

// Covers reports whether the measure applies to goods of origin.
func (m Measure) Covers(origin string) bool {
	if len(m.Origins) == 0 {
		return true
	}
	for _, o := range m.Origins {
		if o == origin {
			return true
		}
	}
	return false
}

// Schedule is one destination's tariff: the measures in force for goods of
// an HS code and origin on a date.
type Schedule interface {
	Measures(hs string, origin string, on time.Time) ([]Measure, error)
}
