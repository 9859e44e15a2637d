package hts

import (
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/jsonpath"
	"github.com/iorkit/iorkit/internal/limits"
)

// Line is one row of the USITC export, as printed.
type Line struct {
	Number      string     // "6109.10.00.40"; empty for a superior text row
	Indent      int        // depth in the nomenclature
	Description string     //
	Units       []string   // units of quantity, e.g. ["doz.", "kg"]
	General     string     // column 1 general rate text
	Special     string     // column 1 special rate text with programme codes
	Other       string     // column 2 rate text
	Footnotes   []Footnote // JSON export only
	Quota       string     // quota quantity
	Additional  string     // additional duties text
}

// Footnote is a footnote of the JSON export.
type Footnote struct {
	Columns []string `json:"columns"`
	Value   string   `json:"value"`
	Type    string   `json:"type"`
}

// ErrInvalidExport is matched by every error of ReadCSV and ReadJSON.
var ErrInvalidExport = errors.New("hts: invalid USITC export")

// FormatError reports a row of the export that cannot be read: the row
// (CSV line, or 1-based index of the JSON record), the field and the value.
// It matches ErrInvalidExport.
type FormatError struct {
	Row   int
	Field string
	Value string
	Err   error
}

func (e *FormatError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("hts: row %d: %v", e.Row, e.Err)
	}
	return fmt.Sprintf("hts: row %d, field %q, value %q: %v", e.Row, e.Field, jsonpath.Clip(e.Value), e.Err)
}

// Is reports whether target is ErrInvalidExport.
func (e *FormatError) Is(target error) bool { return target == ErrInvalidExport }

// Unwrap returns the cause.
func (e *FormatError) Unwrap() error { return e.Err }

// ErrUnreadableRate is matched by the error a lookup returns when the rate
// of the line found is text the duty rate parser cannot read.
var ErrUnreadableRate = errors.New("hts: unreadable rate")

// RateTextError reports a rate of the schedule that duty.ParseRate could
// not read, with the line and column it is in. It matches
// ErrUnreadableRate and unwraps to the parse error.
type RateTextError struct {
	Number string // HTS number of the line
	Column string // "general", "special" or "other"
	Text   string
	Err    error
}

func (e *RateTextError) Error() string {
	return fmt.Sprintf("hts: %s %s rate %q cannot be read: %v", e.Number, e.Column, jsonpath.Clip(e.Text), e.Err)
}

// Is reports whether target is ErrUnreadableRate.
func (e *RateTextError) Is(target error) bool { return target == ErrUnreadableRate }

// Unwrap returns the parse error.
func (e *RateTextError) Unwrap() error { return e.Err }

// ErrAmbiguousCode is duty.ErrAmbiguousCode, matched by
// *AmbiguousCodeError.
var ErrAmbiguousCode = duty.ErrAmbiguousCode

// AmbiguousCodeError is duty.AmbiguousCodeError: a code shorter than a
// tariff line (e.g. a 6-digit subheading) whose lines carry different
// rates; the caller must classify to one of Lines or choose a strategy
// (duty.ResolveHS).
type AmbiguousCodeError = duty.AmbiguousCodeError

// Option changes how an export is read.
type Option func(*config)

type config struct {
	source       string
	effective    duty.Date
	programs     map[string]Program
	maxBytes     int64
	descriptions bool
}

// DefaultMaxBytes bounds the export ReadCSV and ReadJSON read (the full
// JSON export is about 30 MB); change it with MaxBytes. One field (a cell,
// a JSON string) may hold at most duty.MaxFieldBytes.
const DefaultMaxBytes = limits.HTSBytes

// MaxBytes replaces DefaultMaxBytes; zero or less means no limit (only for
// trusted files).
func MaxBytes(n int64) Option { return func(c *config) { c.maxBytes = n } }

func readConfig(opts []Option) config {
	c := config{programs: map[string]Program{}, maxBytes: DefaultMaxBytes}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// Source names the revision in every measure's Source, e.g. "USITC HTS
// 2026 Revision 3". Default: "USITC HTS export".
func Source(name string) Option { return func(c *config) { c.source = name } }

// Effective sets the first day the revision's rates are in force (the From
// of every measure; zero by default, i.e. open).
func Effective(day duty.Date) Option { return func(c *config) { c.effective = day } }

// WithPrograms adds programmes or replaces built-in ones by code, e.g. the
// AGOA (D) beneficiary list that the built-in table does not carry.
func WithPrograms(ps ...Program) Option {
	return func(c *config) {
		for _, p := range ps {
			c.programs[p.Code] = p
		}
	}
}

// ReadCSV reads the USITC CSV export (header HTS Number, Indent,
// Description, Unit of Quantity, General Rate of Duty, Special Rate of
// Duty, Column 2 Rate of Duty, Quota Quantity, Additional Duties; a UTF-8
// byte-order mark is skipped; the unit column holds a JSON array).
//
// Quoting is strict (RFC 4180): a stray quote is a *FormatError with its
// line and column, because a lenient reader merges the rows that follow it
// and reads wrong rates from them. The input is bounded (DefaultMaxBytes,
// MaxBytes; duty.MaxFieldBytes per cell): over a limit the error wraps a
// *duty.LimitError.
func ReadCSV(r io.Reader, opts ...Option) (*Schedule, error) {
	cfg := readConfig(opts)
	sum := sha256.New()
	cr := csv.NewReader(limits.Reader(io.TeeReader(r, sum), cfg.maxBytes, "hts: export"))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, csvFormatError(1, "reading the header: ", err)
	}
	header = slices.Clone(header) // the reader reuses its record
	want := []string{"HTS Number", "Indent", "Description", "Unit of Quantity", "General Rate of Duty",
		"Special Rate of Duty", "Column 2 Rate of Duty", "Quota Quantity", "Additional Duties"}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))] = i
	}
	for _, w := range want[:7] {
		if _, ok := col[w]; !ok {
			return nil, &FormatError{Row: 1, Field: w, Err: errors.New("missing column")}
		}
	}
	var lines []Line
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvFormatError(0, "", err)
		}
		row, _ := cr.FieldPos(0)
		if err := limits.Record("hts: export", row, header, rec, duty.MaxFieldBytes); err != nil {
			return nil, &FormatError{Row: row, Err: err}
		}
		get := func(name string) string {
			i, ok := col[name]
			if !ok || i >= len(rec) {
				return ""
			}
			return rec[i]
		}
		l := Line{
			Number: strings.TrimSpace(get("HTS Number")), Description: get("Description"),
			General: strings.TrimSpace(get("General Rate of Duty")), Special: get("Special Rate of Duty"),
			Other: strings.TrimSpace(get("Column 2 Rate of Duty")), Quota: get("Quota Quantity"),
			Additional: get("Additional Duties"),
		}
		if l.Indent, err = indent(get("Indent")); err != nil {
			return nil, &FormatError{Row: row, Field: "Indent", Value: get("Indent"), Err: err}
		}
		if u := strings.TrimSpace(get("Unit of Quantity")); u != "" {
			if l.Units, err = units(u); err != nil {
				return nil, &FormatError{Row: row, Field: "Unit of Quantity", Value: u, Err: errors.New("want a JSON array of strings")}
			}
		}
		lines = append(lines, l)
	}
	return withSum(build(lines, func(i int) int { return i + 2 }, opts))(sum)
}

type jsonLine struct {
	HTSNo       string          `json:"htsno"`
	Indent      json.RawMessage `json:"indent"`
	Description string          `json:"description"`
	Units       []string        `json:"units"`
	General     string          `json:"general"`
	Special     string          `json:"special"`
	Other       string          `json:"other"`
	Footnotes   []Footnote      `json:"footnotes"`
	Quota       *string         `json:"quotaQuantity"`
	Additional  *string         `json:"additionalDuties"`
	Additional2 *string         `json:"addiitionalDuties"` // sic: USITC's key
}

// ReadJSON reads the USITC JSON export (an array of records with htsno,
// indent, description, units, general, special, other, footnotes,
// quotaQuantity, additionalDuties and USITC's misspelled
// addiitionalDuties).
//
// The input is bounded (DefaultMaxBytes, MaxBytes; duty.MaxFieldBytes per
// string): over a limit the error wraps a *duty.LimitError.
func ReadJSON(r io.Reader, opts ...Option) (*Schedule, error) {
	cfg := readConfig(opts)
	sum := sha256.New()
	dec := json.NewDecoder(limits.Reader(io.TeeReader(r, sum), cfg.maxBytes, "hts: export"))
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('[') {
		return nil, &FormatError{Row: 0, Err: errors.New("want a JSON array of records")}
	}
	var lines []Line
	for dec.More() {
		var j jsonLine
		if err := dec.Decode(&j); err != nil {
			return nil, &FormatError{Row: len(lines) + 1, Err: err}
		}
		if err := j.checkLengths(); err != nil {
			return nil, &FormatError{Row: len(lines) + 1, Err: err}
		}
		l := Line{Number: strings.TrimSpace(j.HTSNo), Description: j.Description, Units: j.Units,
			General: strings.TrimSpace(j.General), Special: j.Special, Other: strings.TrimSpace(j.Other), Footnotes: j.Footnotes}
		if j.Quota != nil {
			l.Quota = *j.Quota
		}
		switch {
		case j.Additional != nil && *j.Additional != "":
			l.Additional = *j.Additional
		case j.Additional2 != nil:
			l.Additional = *j.Additional2
		}
		in := strings.Trim(string(j.Indent), `"`)
		if l.Indent, err = indent(in); err != nil {
			return nil, &FormatError{Row: len(lines) + 1, Field: "indent", Value: in, Err: err}
		}
		lines = append(lines, l)
	}
	if _, err := dec.Token(); err != nil {
		return nil, &FormatError{Row: len(lines), Err: fmt.Errorf("unterminated array: %w", err)}
	}
	return withSum(build(lines, func(i int) int { return i + 1 }, opts))(sum)
}

// checkLengths bounds the strings of one record.
func (j *jsonLine) checkLengths() error {
	fields := []struct {
		name string
		v    *string
	}{{"htsno", &j.HTSNo}, {"description", &j.Description}, {"general", &j.General}, {"special", &j.Special},
		{"other", &j.Other}, {"quotaQuantity", j.Quota}, {"additionalDuties", j.Additional}, {"addiitionalDuties", j.Additional2}}
	for _, f := range fields {
		if f.v != nil {
			if err := limits.Field("hts: export", f.name, *f.v, duty.MaxFieldBytes); err != nil {
				return err
			}
		}
	}
	if err := limits.Field("hts: export", "indent", string(j.Indent), duty.MaxFieldBytes); err != nil {
		return err
	}
	for _, u := range j.Units {
		if err := limits.Field("hts: export", "units", u, duty.MaxFieldBytes); err != nil {
			return err
		}
	}
	for _, fn := range j.Footnotes {
		if err := limits.Field("hts: export", "footnotes", fn.Value, duty.MaxFieldBytes); err != nil {
			return err
		}
	}
	return nil
}

// csvFormatError turns an error of the CSV reader into a *FormatError with
// the line and column of a syntax error (such as a stray quote).
func csvFormatError(row int, prefix string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &FormatError{Row: pe.Line, Err: fmt.Errorf("%sline %d, column %d: %w", prefix, pe.Line, pe.Column, pe.Err)}
	}
	if prefix != "" {
		err = fmt.Errorf("%s%w", prefix, err)
	}
	return &FormatError{Row: row, Err: err}
}

// units reads the JSON array of strings of the unit column, with a fast
// path for the plain form USITC writes (["No.","kg"]).
func units(s string) ([]string, error) {
	if len(s) >= 2 && s[0] == '[' && s[len(s)-1] == ']' && !strings.ContainsAny(s, "\\\n") {
		body := strings.TrimSpace(s[1 : len(s)-1])
		if body == "" {
			return []string{}, nil
		}
		parts := strings.Split(body, ",")
		ok := true
		for i, p := range parts {
			p = strings.TrimSpace(p)
			if len(p) < 2 || p[0] != '"' || p[len(p)-1] != '"' || strings.Contains(p[1:len(p)-1], `"`) {
				ok = false
				break
			}
			parts[i] = p[1 : len(p)-1]
		}
		if ok {
			return parts, nil
		}
	}
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, err
	}
	return out, nil
}

func indent(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "null" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 20 {
		return 0, errors.New("want an indent 0 to 20")
	}
	return n, nil
}

// groups splits the special column, with duty.ParsePreferences (which
// knows the column's oddities, such as "(PA (PA)") and, when that fails on
// one group, with specialGroups so that the other groups still count.
// Results are cached by text: the column repeats a few hundred texts.
func (s *builder) groups(text string) []specialGroup {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	if g, ok := s.groupCache[text]; ok {
		return g
	}
	var out []specialGroup
	prefs, err := duty.ParsePreferences(text)
	if err != nil {
		out = specialGroups(text)
	} else {
		for _, p := range prefs {
			if p.Reference != nil || len(p.Programs) == 0 {
				continue
			}
			out = append(out, specialGroup{rate: p.Text, codes: p.Programs})
		}
	}
	if s.groupCache == nil {
		s.groupCache = map[string][]specialGroup{}
	}
	s.groupCache[text] = out
	return out
}

type specialGroup struct {
	rate  string
	codes []string
}

// specialGroups splits special-column text such as
// "Free (A+,AU,BH) 3.4% (KR)" into rate and programme codes. Groups that
// refer elsewhere ("See 9822.05.20 (P)") are skipped.
func specialGroups(s string) []specialGroup {
	var out []specialGroup
	rest := s
	for {
		open := strings.IndexByte(rest, '(')
		if open < 0 {
			return out
		}
		end := strings.IndexByte(rest[open:], ')')
		if end < 0 {
			return out
		}
		rate := strings.Join(strings.Fields(rest[:open]), " ")
		codes := strings.Split(rest[open+1:open+end], ",")
		rest = rest[open+end+1:]
		if rate == "" || strings.HasPrefix(strings.ToLower(rate), "see") {
			continue
		}
		g := specialGroup{rate: rate}
		for _, c := range codes {
			if c = strings.TrimSpace(c); c != "" {
				g.codes = append(g.codes, c)
			}
		}
		out = append(out, g)
	}
}

// withSum keeps the hash of the input a schedule was read from.
func withSum(s *Schedule, err error) func(hash.Hash) (*Schedule, error) {
	return func(h hash.Hash) (*Schedule, error) {
		if s != nil {
			s.sum = h
		}
		return s, err
	}
}

// Fingerprint is a hex SHA-256 of what the schedule was read from: the
// export's bytes, the layer and gap files added to it, and the options
// that change its measures (Source, Effective, programs). It is
// duty.Fingerprinter, so ior puts it in quote ids. "" for a schedule not
// read by ReadCSV or ReadJSON.
func (s *Schedule) Fingerprint() string {
	if s == nil || s.sum == nil {
		return ""
	}
	h := sha256.New()
	h.Write(s.sum.Sum(nil))
	fmt.Fprintf(h, "%q|%s|%t|%v", s.cfg.source, s.cfg.effective, s.cfg.descriptions, s.cfg.programs)
	return hex.EncodeToString(h.Sum(nil))
}

// tee feeds what r yields to the schedule's fingerprint.
func (s *Schedule) tee(r io.Reader) io.Reader {
	if s.sum == nil {
		return r
	}
	return io.TeeReader(r, s.sum)
}
