package duty

import (
	"errors"
	"fmt"
	"strings"
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
	return 0, &NameError{Kind: "measure kind", Value: s, Want: "mfn, preferential or additional"}
}

// Measure is one duty line of a schedule.
type Measure struct {
	Kind    MeasureKind
	Rate    Rate
	Program string   // preference programme or legal basis code, e.g. "S" (USMCA), "TCA", "9903.88.03"
	Origins []string // countries the measure applies to; empty = all origins
	Source  string   // legal or official source of the figure
	From    Date     // first day in force (zero = open)
	To      Date     // last day in force, inclusive (zero = open)
	HS      string   // the code the measure is set on (as matched)
	// Excludes names the programs (legal headings) this measure displaces
	// when both would apply to one line: the stacking rules of additional
	// duties, e.g. a Section 232 autos layer excludes the steel layer. An
	// entry also matches every program below it ("9903.81" matches
	// "9903.81.90").
	Excludes []string
	// Base is the value the ad valorem part of Rate is charged on; empty
	// means the line's customs value.
	Base ValueBase
	// Provenance. A schedule sets Caveat when the measure is not current,
	// official data in force: SampleTariff (the embedded sample),
	// ReferenceTariff (an older official edition used for want of the
	// current one), StaleData (a figure past its known period). Edition
	// names the data ("UK Global Tariff 2021", "EU CET 2020"); Note, when
	// set, is the warning's message (otherwise one is made from Caveat and
	// Edition). The calculator turns the Caveat of every measure it applies
	// into a Warning on the line. Empty Caveat: the schedule stands behind
	// the figure.
	Caveat  WarningCode
	Edition string
	Note    string
}

// ValueBase names the value an ad valorem rate is charged on when it is
// not the whole customs value of the line.
type ValueBase string

// MetalContentValue: the value of the steel, aluminium or copper content of
// a derivative article, the base of the US Section 232 duties on
// derivatives since June 2025 (Proclamation 10947). The caller supplies
// that value; without it the duty cannot be computed.
const MetalContentValue ValueBase = "metal_content"

// InForce reports whether the measure applies on day on.
func (m Measure) InForce(on Date) bool {
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
	Measures(hs string, origin string, on Date) ([]Measure, error)
}

// Schedule errors. Lookups return the typed errors below, which match these
// sentinels with errors.Is.
var (
	// ErrUnknownCode: no measure of the schedule is set on the code or on
	// any of its prefixes.
	ErrUnknownCode = errors.New("duty: unknown HS code")
	// ErrNotInForce: the code is known but no measure is in force on the
	// date asked.
	ErrNotInForce = errors.New("duty: no measure in force")
	// ErrInvalidCode: text that is not an HS code (4 to 10 digits, dots and
	// spaces ignored).
	ErrInvalidCode = errors.New("duty: invalid HS code")
)

// UnknownCodeError reports an HS code for which a schedule has no measure.
// It matches ErrUnknownCode.
type UnknownCodeError struct {
	HS string // the code as given
}

func (e *UnknownCodeError) Error() string {
	return fmt.Sprintf("duty: no measure for HS code %q (nor for any prefix of it)", clip(e.HS))
}

// Is reports whether target is ErrUnknownCode.
func (e *UnknownCodeError) Is(target error) bool { return target == ErrUnknownCode }

// NoMeasureInForceError reports a known code whose measures are all outside
// their validity on Date. It matches ErrNotInForce.
type NoMeasureInForceError struct {
	HS   string
	Date Date
}

func (e *NoMeasureInForceError) Error() string {
	return fmt.Sprintf("duty: no measure for HS code %q is in force on %s", clip(e.HS), e.Date)
}

// Is reports whether target is ErrNotInForce.
func (e *NoMeasureInForceError) Is(target error) bool { return target == ErrNotInForce }

// InvalidCodeError reports text that is not an HS code. It matches
// ErrInvalidCode.
type InvalidCodeError struct {
	HS  string
	Msg string
}

func (e *InvalidCodeError) Error() string {
	return fmt.Sprintf("duty: %q is not an HS code: %s", clip(e.HS), e.Msg)
}

// Is reports whether target is ErrInvalidCode.
func (e *InvalidCodeError) Is(target error) bool { return target == ErrInvalidCode }

// NormalizeHS returns the digits of an HS code with dots and spaces
// removed. It accepts 2 to 10 digits (a chapter, a heading, a subheading or
// a national line) and returns an *InvalidCodeError otherwise.
func NormalizeHS(hs string) (string, error) {
	var buf [10]byte
	n, err := normalizeHS(hs, &buf, 2)
	if err != nil {
		return "", err
	}
	return string(buf[:n]), nil
}

// normalizeHS writes the digits of hs into buf without allocating on
// success and checks that there are at least min of them.
func normalizeHS(hs string, buf *[10]byte, min int) (int, error) {
	n := 0
	for i := 0; i < len(hs); i++ {
		c := hs[i]
		switch {
		case c == '.' || c == ' ':
		case c >= '0' && c <= '9':
			if n == len(buf) {
				return 0, &InvalidCodeError{HS: hs, Msg: "more than 10 digits"}
			}
			buf[n] = c
			n++
		default:
			return 0, &InvalidCodeError{HS: hs, Msg: fmt.Sprintf("unexpected %q: want digits, dots and spaces", rune(c))}
		}
	}
	if n < min {
		return 0, &InvalidCodeError{HS: hs, Msg: fmt.Sprintf("%d digits: want %d to 10", n, min)}
	}
	return n, nil
}

// HSHasPrefix reports whether code hs starts with prefix, comparing digits
// only: "8517.13.00" has the prefixes "8517", "85 17" and "851713". It does
// not allocate.
func HSHasPrefix(hs, prefix string) bool {
	i, j := 0, 0
	for j < len(prefix) {
		if prefix[j] == '.' || prefix[j] == ' ' {
			j++
			continue
		}
		for i < len(hs) && (hs[i] == '.' || hs[i] == ' ') {
			i++
		}
		if i >= len(hs) || hs[i] != prefix[j] {
			return false
		}
		i++
		j++
	}
	return true
}

// LineLister is implemented by schedules that can list their tariff lines
// below a code, so that a code shorter than the schedule's lines (a 6-digit
// subheading where the schedule sets rates on 8- or 10-digit lines) can be
// resolved. Every schedule of iorkit implements it where its data is
// complete (Table, hts.Schedule; the sample tariff does not, since it lists
// only some lines).
//
// The calculator calls LinesUnder before Measures. When it returns lines,
// the calculator looks each up with Measures: a single line is the code's
// own (no warning); if several all have the same measures for the line's
// origin and date, the code resolves to them, flagged HS_RESOLVED.
// Otherwise the call's strategy decides (ResolveHS): by default HSHighest,
// the line with the highest duty (a quote never below what the goods may
// owe), flagged HS_RESOLVED with the range of duties; HSLowest the lowest,
// likewise; HSStrict an *AmbiguousCodeError listing the lines. Strict mode
// refuses every HS_RESOLVED.
type LineLister interface {
	// LinesUnder returns the normalized codes of the tariff lines that lie
	// below code hs (longer codes starting with its digits), sorted, when
	// hs is shorter than the schedule's lines there. It returns nil when hs
	// is itself a tariff line or lies below one (a statistical suffix):
	// such a code needs no resolution, and when the schedule does not know
	// the code (Measures then says so). A schedule may list hs itself among
	// the lines when measures set on hs or a prefix of it cover goods of hs
	// that none of the longer lines lists.
	LinesUnder(hs string) ([]string, error)
}

// ErrAmbiguousCode is matched by *AmbiguousCodeError.
var ErrAmbiguousCode = errors.New("duty: code too short to choose a rate")

// AmbiguousCodeError reports a code shorter than the schedule's lines
// whose lines carry different measures: the caller must classify the goods
// to one of Lines, or choose a strategy (ResolveHS). It matches
// ErrAmbiguousCode.
type AmbiguousCodeError struct {
	HS    string
	Lines []string // the candidate lines (at most 20 listed)
	More  int      // how many more lines there are
}

func (e *AmbiguousCodeError) Error() string {
	more := ""
	if e.More > 0 {
		more = fmt.Sprintf(" and %d more", e.More)
	}
	return fmt.Sprintf("duty: HS code %q covers tariff lines with different rates (%s%s): give the full line, or resolve with the highest or lowest duty",
		e.HS, strings.Join(e.Lines, ", "), more)
}

// Is reports whether target is ErrAmbiguousCode.
func (e *AmbiguousCodeError) Is(target error) bool { return target == ErrAmbiguousCode }

// HSStrategy says how a code shorter than the schedule's lines resolves
// when its lines carry different measures.
type HSStrategy string

// HS resolution strategies.
const (
	// HSStrict: an *AmbiguousCodeError listing the candidate lines.
	HSStrict HSStrategy = "strict"
	// HSHighest: the line with the highest duty, flagged HS_RESOLVED with
	// the range of duties (the default).
	HSHighest HSStrategy = "highest"
	// HSLowest: the line with the lowest duty, flagged likewise.
	HSLowest HSStrategy = "lowest"
)

// ParseHSStrategy reads strict, highest or lowest.
func ParseHSStrategy(s string) (HSStrategy, error) {
	switch v := HSStrategy(s); v {
	case HSStrict, HSHighest, HSLowest:
		return v, nil
	}
	return "", &NameError{Kind: "HS strategy", Value: string(s), Want: "strict, highest or lowest"}
}

// Caveated is implemented by schedules that know what their data leaves
// out for some goods: additional duties known to exist for an origin
// whose product lists are not loaded (LAYERS_NOT_LOADED), rules not
// modelled (NOT_MODELLED). After a successful lookup of a line the
// calculator adds each warning Caveats returns to the line.
type Caveated interface {
	Caveats(hs, origin string, on Date) []Warning
}
