package duty

import (
	"fmt"
	"strings"
)

// ReferenceKind classifies rate text that refers elsewhere instead of
// stating a rate.
type ReferenceKind uint8

// The kinds of reference the US HTS prints in its rate columns.
const (
	// RefNote: "See additional U.S. note 1".
	RefNote ReferenceKind = iota + 1
	// RefProvision: another heading or subheading gives the rate ("See
	// 9822.04.25", "The rate provided for beneficiary countries in heading
	// 9822.05.10", "The duty rate provided for originating goods of Korea in
	// such subheading").
	RefProvision
	// RefApplicableRate: the rate of another article applies ("The rate
	// applicable to each garment in the ensemble if separately entered").
	RefApplicableRate
	// RefValuation: a duty on a special value ("A duty upon the value of the
	// repairs or alterations (see U.S. note 3 of this subchapter)").
	RefValuation
)

var referenceKindNames = map[ReferenceKind]string{
	RefNote: "note", RefProvision: "provision", RefApplicableRate: "applicable_rate", RefValuation: "valuation",
}

// String names the kind: "note", "provision", "applicable_rate",
// "valuation".
func (k ReferenceKind) String() string {
	if n, ok := referenceKindNames[k]; ok {
		return n
	}
	return fmt.Sprintf("ReferenceKind(%d)", uint8(k))
}

// RateReferenceError is what ParseRate returns for text that refers to
// another provision instead of giving a rate. Loaders classify it with
// errors.As and resolve Target themselves. It matches ErrRateReference
// (and not ErrInvalidRate: the text is well formed).
type RateReferenceError struct {
	Input  string
	Kind   ReferenceKind
	Target string // the note or provision referred to, when the text names one ("additional U.S. note 1", "9822.04.25")
}

// Error describes the problem with its input.
func (e *RateReferenceError) Error() string {
	if e.Target != "" {
		return fmt.Sprintf("duty: rate %q refers to %s (%s), not a rate", clip(e.Input), e.Target, e.Kind)
	}
	return fmt.Sprintf("duty: rate %q refers elsewhere (%s), not a rate", clip(e.Input), e.Kind)
}

// Is reports whether target is ErrRateReference.
func (e *RateReferenceError) Is(target error) bool { return target == ErrRateReference }

// classifyReference recognises reference text by its opening words; nil
// when the text does not read as a reference.
func classifyReference(s string) *RateReferenceError {
	low := asciiLower(normSpace(s))
	switch {
	case strings.HasPrefix(low, "see "):
		t := normSpace(s)[4:]
		if strings.Contains(low, "note") {
			return &RateReferenceError{Kind: RefNote, Target: t}
		}
		return &RateReferenceError{Kind: RefProvision, Target: t}
	case strings.HasPrefix(low, "a duty "):
		return &RateReferenceError{Kind: RefValuation, Target: noteTarget(s)}
	case strings.HasPrefix(low, "the rate ") || strings.HasPrefix(low, "the duty "):
		if strings.Contains(low, "provided") {
			return &RateReferenceError{Kind: RefProvision, Target: headingTarget(s)}
		}
		return &RateReferenceError{Kind: RefApplicableRate, Target: headingTarget(s)}
	}
	return nil
}

// noteTarget returns "U.S. note 3" from "... (see U.S. note 3 of this
// subchapter)".
func noteTarget(s string) string {
	n := normSpace(s)
	i := strings.Index(asciiLower(n), "u.s. note ")
	if i < 0 {
		return ""
	}
	rest := n[i+len("u.s. note "):]
	j := 0
	for j < len(rest) && (isDigit(rest[j]) || isLetter(rest[j]) && j > 0 && isDigit(rest[j-1])) {
		j++
	}
	if j == 0 {
		return ""
	}
	return n[i:i+len("u.s. note ")] + rest[:j]
}

// headingTarget returns the first heading or subheading number ("2009",
// "9822.05.10") after the word "heading", or "".
func headingTarget(s string) string {
	n := normSpace(s)
	i := strings.Index(asciiLower(n), "heading ")
	if i < 0 {
		return ""
	}
	rest := n[i+len("heading "):]
	j := 0
	for j < len(rest) && (isDigit(rest[j]) || rest[j] == '.' && j+1 < len(rest) && isDigit(rest[j+1])) {
		j++
	}
	return rest[:j]
}

// asciiLower lowers A-Z only, so that byte offsets in the result are
// offsets in s whatever the input holds.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
