package duty

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// Preference is one group of the US HTS special column: a rate and the
// preference program codes it applies to ("Free (A+,AU,BH)" gives Free for
// A+, AU and BH). When the text refers elsewhere ("See 9822.04.25 (AU)"),
// Reference is set and Rate is the zero Rate, which must not be used as
// a rate.
type Preference struct {
	Rate      Rate
	Reference *RateReferenceError
	Programs  []string // program codes as printed: "A+", "AU", "A*", "S+"
	Text      string   // the rate text of the group, spaces collapsed
}

// ParsePreferences reads the US HTS special column: rate groups each
// followed by the program codes in parentheses, e.g.
// "Free (A,AU,BH,CL) 9.3¢/pf.liter (JO)" or "Free (A+,AU) See 9822.04.25
// (AU)". Stray spaces and line breaks are ignored, and parentheses that do
// not hold program codes ("(see U.S. note 3 of this subchapter)") belong
// to the rate text. Text without any code group ("Free") gives one
// Preference with no Programs. Rate text is read by ParseRate with opts;
// malformed text is a *RateSyntaxError whose Pos is in s.
func ParsePreferences(s string, opts ...ParseOption) ([]Preference, error) {
	if !utf8.ValidString(s) {
		return nil, &RateSyntaxError{Input: s, Pos: invalidUTF8(s), Msg: "text is not valid UTF-8"}
	}
	var out []Preference
	start := 0
	for k := 0; k < len(s); k++ {
		if s[k] != '(' {
			continue
		}
		end := strings.IndexByte(s[k:], ')')
		if end < 0 {
			break
		}
		end += k
		if inner := strings.LastIndexByte(s[k:end], '('); inner > 0 {
			// "(PA (PA)": a doubled opening parenthesis in the source.
			k += inner
		}
		codes, ok := programCodes(s[k+1 : end])
		if !ok {
			k = end
			continue
		}
		p, err := preference(s, start, k, opts)
		if err != nil {
			return nil, err
		}
		p.Programs = codes
		out = append(out, p)
		start = end + 1
		k = end
	}
	if rest := strings.TrimSpace(s[start:]); rest != "" || len(out) == 0 {
		if len(out) > 0 {
			return nil, &RateSyntaxError{Input: s, Pos: start + strings.Index(s[start:], rest), Msg: "expected program codes in parentheses after the rate"}
		}
		p, err := preference(s, start, len(s), opts)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

func preference(s string, from, to int, opts []ParseOption) (Preference, error) {
	text := s[from:to]
	r, err := ParseRate(text, opts...)
	var ref *RateReferenceError
	var syn *RateSyntaxError
	switch {
	case err == nil:
		return Preference{Rate: r, Text: normSpace(text)}, nil
	case errors.As(err, &ref):
		ref.Input = normSpace(text)
		return Preference{Reference: ref, Text: normSpace(text)}, nil
	case errors.As(err, &syn):
		return Preference{}, &RateSyntaxError{Input: s, Pos: from + syn.Pos, Msg: syn.Msg}
	}
	return Preference{}, err
}

// programCodes reads "A+,AU, BH"; false when the text is not a list of
// program codes. Slips of the source are tolerated: a trailing comma, a
// missing comma ("E IL") and a stray full stop (".OM").
func programCodes(s string) ([]string, bool) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	if len(fields) == 0 {
		return nil, false
	}
	out := make([]string, 0, len(fields))
	for _, f := range fields {
		c := strings.Trim(f, ".")
		if !isProgramCode(c) {
			return nil, false
		}
		out = append(out, c)
	}
	return out, true
}

func isProgramCode(c string) bool {
	if len(c) == 0 || len(c) > 4 || c[0] < 'A' || c[0] > 'Z' {
		return false
	}
	for i := 1; i < len(c); i++ {
		switch ch := c[i]; {
		case ch >= 'A' && ch <= 'Z', ch >= '0' && ch <= '9':
		case (ch == '+' || ch == '*') && i == len(c)-1:
		default:
			return false
		}
	}
	return true
}
