package reftariff

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/iorkit/iorkit/internal/limits"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/jsonpath"
)

//go:generate go run ./internal/gen data/global-uk-tariff.csv.gz

//go:embed data/global-uk-tariff.csv.gz
var ukgtGz []byte

// Edition names one rate column of the UK Global Tariff file: whose
// tariff it is, of which year, in which currency its amounts are, and from
// which day it can apply.
type Edition struct {
	// Area is the destination area the edition is the tariff of: "EU"
	// (every member state) or "GB".
	Area string
	// Column is the CSV column holding the rates, e.g. "cet_duty_rate".
	Column string
	// Currency is what "$" and "¢" would stand for; the file names EUR
	// and GBP in its amounts, so this only guards the grammar's default.
	Currency string
	// Name is the edition as quotes and warnings show it, e.g. "EU Common
	// Customs Tariff 2020 (CN 2020)".
	Name string
	// From is the first day the edition's rates can apply (zero: open).
	// The UK Global Tariff starts on 2021-01-01; the 2020 CET is an older
	// edition used for later days as a reference.
	From duty.Date
	// Source is the official source of the rates, cited in every measure.
	Source string
}

// The two editions of the embedded file. Both come from the UK Department
// for International Trade's "Check the future UK global tariff" download
// (uktrade/global-uk-tariff, commit ab1e6029 of 2021-01-27, the final
// archived version), Crown copyright, Open Government Licence v3.0.
// They are functions, so that no caller can change the editions the
// embedded schedules are read with.

// CET2020 is the EU Common External Tariff (erga omnes third-country duty,
// Council Regulation (EEC) No 2658/87 Annex I) as in force in 2020, on the
// CN 2020 nomenclature.
func CET2020() Edition { return cet2020 }

// UKGT2021 is the UK Global Tariff as legislated for 1 January 2021 (later
// amendments are not in it).
func UKGT2021() Edition { return ukgt2021 }

var (
	cet2020 = Edition{
		Area: "EU", Column: "cet_duty_rate", Currency: "EUR",
		Name:   "EU Common Customs Tariff 2020 (CN 2020)",
		Source: "EU Common Customs Tariff as in force in 2020 (Council Regulation (EEC) No 2658/87, Annex I, CN 2020), column cet_duty_rate of the UK DIT global-uk-tariff.csv (uktrade/global-uk-tariff ab1e6029, 2021-01-27; OGL v3.0)",
	}
	ukgt2021 = Edition{
		Area: "GB", Column: "ukgt_duty_rate", Currency: "GBP",
		Name:   "UK Global Tariff 2021",
		From:   duty.MustDate("2021-01-01"),
		Source: "UK Global Tariff as legislated for 1 January 2021, column ukgt_duty_rate of the UK DIT global-uk-tariff.csv (uktrade/global-uk-tariff ab1e6029, 2021-01-27; OGL v3.0)",
	}
)

// EmbeddedEdition names the embedded file (its archive date and SHA-256
// prefix; a test holds it equal to the file). It enters the quote ids of
// ior.NewEngine, so a refreshed file changes ids.
const EmbeddedEdition = "DIT global-uk-tariff.csv 2021-01-27 sha256:3ae78c2c"

// MaxInput is the most bytes ReadCSV reads unless MaxBytes says
// otherwise: the 2021 file is 2.4 MB.
const MaxInput = 32 << 20

// Option changes how ReadCSV reads.
type Option func(*config)

type config struct{ max int64 }

// MaxBytes sets the most bytes ReadCSV accepts (MaxInput by default); a
// longer input is an error, not a truncation.
func MaxBytes(n int64) Option { return func(c *config) { c.max = n } }

// Errors of this package match these sentinels with errors.Is.
var (
	// ErrInvalidFile: the CSV is not in the UK Global Tariff format.
	ErrInvalidFile = errors.New("reftariff: invalid tariff file")
	// ErrUnreadableRate: the code is in the edition but its rate text is
	// not in the grammar duty.ParseRate reads (seasonal rates, a few
	// agricultural units): the line cannot be priced, and is not a guess.
	ErrUnreadableRate = errors.New("reftariff: rate text cannot be read")
)

// FileError reports a problem in the file: the line (1-based, the header is
// line 1), the column and the value. It matches ErrInvalidFile and unwraps
// to the cause.
type FileError struct {
	Line   int
	Column string
	Value  string
	Err    error
}

func (e *FileError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("reftariff: line %d: %v", e.Line, e.Err)
	}
	return fmt.Sprintf("reftariff: line %d, column %s, value %q: %v", e.Line, e.Column, jsonpath.Clip(e.Value), e.Err)
}

// Is reports whether target is ErrInvalidFile.
func (e *FileError) Is(target error) bool { return target == ErrInvalidFile }

// Unwrap returns the cause.
func (e *FileError) Unwrap() error { return e.Err }

// RateTextError is what Measures returns for a line whose rate text the
// grammar cannot read. It matches ErrUnreadableRate and unwraps to the
// parse error.
type RateTextError struct {
	Code    string // the line of the edition
	Edition string // Edition.Name
	Text    string
	Err     error
}

func (e *RateTextError) Error() string {
	return fmt.Sprintf("reftariff: %s line %s: rate %q cannot be read: %v", e.Edition, e.Code, jsonpath.Clip(e.Text), e.Err)
}

// Is reports whether target is ErrUnreadableRate.
func (e *RateTextError) Is(target error) bool { return target == ErrUnreadableRate }

// Unwrap returns the parse error.
func (e *RateTextError) Unwrap() error { return e.Err }

// line is one tariff line of an edition.
type line struct {
	code string
	text string // the rate as written
	rate duty.Rate
	seas seasonal // a seasonal rate (rate unset)
	err  error    // the parse error when the text cannot be read
}

// Schedule is one edition of the file as a duty.Schedule: one MFN measure
// per tariff line (8-digit CN codes and the 10-digit lines the file lists),
// open-ended from the edition's From day. It is immutable and safe for
// concurrent use.
type Schedule struct {
	ed    Edition
	lines []line         // sorted by code
	index map[string]int // code -> position in lines
}

// ReadCSV reads one edition (ed.Column) of a file in the UK Global Tariff
// CSV format: a header naming at least commodity and the edition's column,
// then one row per tariff line, commodity an 8- or 10-digit code. Every
// rate is parsed with duty.ParseRate; a rate the grammar cannot read keeps
// its line known and makes Measures return a *RateTextError for it. Input
// is bounded (MaxInput, or MaxBytes); errors are *FileError values naming
// the line, the column and the value.
func ReadCSV(r io.Reader, ed Edition, opts ...Option) (*Schedule, error) {
	cfg := config{max: MaxInput}
	for _, o := range opts {
		o(&cfg)
	}
	if ed.Column == "" {
		return nil, &FileError{Line: 1, Column: "edition", Err: errors.New("the edition names no rate column")}
	}
	if ed.Area != "EU" {
		if err := duty.ValidateCountry(ed.Area); err != nil {
			return nil, &FileError{Line: 1, Column: "edition", Value: ed.Area, Err: err}
		}
	}
	cur := ed.Currency
	if cur == "" {
		cur = "EUR"
	}
	data, err := limits.ReadAll(r, cfg.max, "reference tariff CSV")
	if err != nil {
		return nil, &FileError{Err: err}
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &FileError{Line: 1, Err: errors.New("empty input: want a header with commodity and " + ed.Column)}
	}
	if err != nil {
		return nil, csvErr(err)
	}
	codeCol, rateCol := -1, -1
	for i, h := range header {
		switch strings.TrimPrefix(strings.TrimSpace(h), "\ufeff") {
		case "commodity":
			codeCol = i
		case ed.Column:
			rateCol = i
		}
	}
	if codeCol < 0 {
		return nil, &FileError{Line: 1, Column: "commodity", Err: errors.New("missing column")}
	}
	if rateCol < 0 {
		return nil, &FileError{Line: 1, Column: ed.Column, Err: errors.New("missing column")}
	}
	s := &Schedule{ed: ed, index: make(map[string]int, 12000)}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvErr(err)
		}
		n, _ := cr.FieldPos(0)
		if codeCol >= len(rec) || rateCol >= len(rec) {
			return nil, &FileError{Line: n, Err: fmt.Errorf("%d fields: want at least %d", len(rec), max(codeCol, rateCol)+1)}
		}
		code := strings.TrimSpace(rec[codeCol])
		if !isCode(code) {
			return nil, &FileError{Line: n, Column: "commodity", Value: code, Err: errors.New("want an 8- or 10-digit code")}
		}
		if _, dup := s.index[code]; dup {
			return nil, &FileError{Line: n, Column: "commodity", Value: code, Err: errors.New("code appears twice")}
		}
		text := strings.TrimSpace(rec[rateCol])
		if text == "" {
			return nil, &FileError{Line: n, Column: ed.Column, Err: errors.New("empty rate")}
		}
		// cloned: a field of the record keeps the whole row (and its
		// description) alive
		l := line{code: strings.Clone(code), text: strings.Clone(text)}
		l.rate, l.err = duty.ParseRate(text, duty.InCurrency(cur))
		if l.err != nil && strings.Contains(text, "(") {
			if seas, err := parseSeasonal(l.text, cur); err == nil {
				l.seas, l.err = seas, nil
			}
		}
		s.index[code] = len(s.lines)
		s.lines = append(s.lines, l)
	}
	if len(s.lines) == 0 {
		return nil, &FileError{Line: 2, Err: errors.New("no tariff lines")}
	}
	sort.Slice(s.lines, func(i, j int) bool { return s.lines[i].code < s.lines[j].code })
	// a new map keyed by the cloned codes (the keys of the first one keep
	// the rows alive)
	s.index = make(map[string]int, len(s.lines))
	for i, l := range s.lines {
		s.index[l.code] = i
	}
	return s, nil
}

func isCode(s string) bool {
	if len(s) != 8 && len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &FileError{Line: pe.Line, Column: fmt.Sprintf("#%d", pe.Column), Err: pe.Err}
	}
	return &FileError{Err: err}
}

// Edition returns the edition the schedule holds.
func (s *Schedule) Edition() Edition {
	if s == nil {
		return Edition{}
	}
	return s.ed
}

// Len returns the number of tariff lines.
func (s *Schedule) Len() int {
	if s == nil {
		return 0
	}
	return len(s.lines)
}

// errNilSchedule is what Measures returns on a nil *Schedule; the zero
// Schedule is an empty one (every code unknown).
var errNilSchedule = &duty.UninitializedError{Type: "*reftariff.Schedule", Constructor: "reftariff.ReadCSV"}

// Lines returns the codes of the tariff lines under prefix (digits; dots
// and spaces ignored), sorted; all lines for an empty prefix.
func (s *Schedule) Lines(prefix string) []string {
	if s == nil {
		return nil
	}
	if strings.ContainsAny(prefix, ". ") {
		prefix = strings.Map(func(r rune) rune {
			if r == '.' || r == ' ' {
				return -1
			}
			return r
		}, prefix)
	}
	return s.linesUnder(prefix)
}

// linesUnder is Lines for a prefix of digits only.
func (s *Schedule) linesUnder(p string) []string {
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i].code >= p })
	var out []string
	for ; i < len(s.lines) && strings.HasPrefix(s.lines[i].code, p); i++ {
		out = append(out, s.lines[i].code)
	}
	return out
}

// LinesUnder implements duty.LineLister, so that a code shorter than the
// edition's lines (a 6-digit subheading, a heading) can be resolved: it
// returns the tariff lines below hs, sorted. Those are the 8-digit lines
// and the 10-digit lines the file lists without their 8-digit line; a
// 10-digit line under a listed 8-digit line (an end-use or suspension
// subdivision) is a line of its own only when asked for by its code. It
// returns nil when hs is a line or lies below one (Measures answers), and
// when no line lies below hs (Measures then reports the unknown code).
func (s *Schedule) LinesUnder(hs string) ([]string, error) {
	code, err := duty.NormalizeHS(hs)
	if err != nil {
		return nil, err
	}
	if _, ok := s.index[code]; ok {
		return nil, nil
	}
	if len(code) >= 8 {
		if _, ok := s.index[code[:8]]; ok {
			return nil, nil
		}
	}
	var out []string
	for _, c := range s.linesUnder(code) {
		if len(c) == 10 {
			if _, ok := s.index[c[:8]]; ok {
				continue
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// Unreadable returns the lines whose rate text duty.ParseRate cannot read,
// as *RateTextError values in code order.
func (s *Schedule) Unreadable() []*RateTextError {
	if s == nil {
		return nil
	}
	var out []*RateTextError
	for _, l := range s.lines {
		if l.err != nil {
			out = append(out, s.textErr(l))
		}
	}
	return out
}

func (s *Schedule) textErr(l line) *RateTextError {
	return &RateTextError{Code: l.code, Edition: s.ed.Name, Text: l.text, Err: l.err}
}

// Measures returns the MFN measure of the tariff line of code hs: the line
// itself (8 or 10 digits), or for a 10-digit code the 8-digit line it
// falls under. A code that is not a line of the edition (a code of a later
// nomenclature such as HS 2022, or a code shorter than the lines under it)
// is a *duty.UnknownCodeError: the schedule never maps codes between
// editions. A line whose rate text cannot be read gives a *RateTextError;
// a day before the edition's From a *duty.NoMeasureInForceError. The
// measure applies to every origin; its Source names the edition and the
// line.
func (s *Schedule) Measures(hs, origin string, on duty.Date) ([]duty.Measure, error) {
	if s == nil {
		return nil, errNilSchedule
	}
	code, err := duty.NormalizeHS(hs)
	if err != nil {
		return nil, err
	}
	if len(code) < 4 {
		return nil, &duty.InvalidCodeError{HS: hs, Msg: fmt.Sprintf("%d digits: want 4 to 10", len(code))}
	}
	i, ok := s.index[code]
	if !ok && len(code) == 10 {
		i, ok = s.index[code[:8]]
	}
	if !ok {
		return nil, &duty.UnknownCodeError{HS: hs}
	}
	l := s.lines[i]
	if !s.ed.From.IsZero() && on.Before(s.ed.From) {
		return nil, &duty.NoMeasureInForceError{HS: hs, Date: on}
	}
	if l.err != nil {
		return nil, s.textErr(l)
	}
	m := duty.Measure{
		Kind: duty.MFN, Rate: l.rate, HS: l.code, From: s.ed.From,
		Source:  "REFERENCE " + s.ed.Name + ", line " + l.code + " (" + l.text + "): " + s.ed.Source,
		Caveat:  duty.ReferenceTariff,
		Edition: s.ed.Name,
	}
	if l.seas != nil {
		season, from, to, ok := l.seas.at(on)
		if !ok {
			return nil, &duty.NoMeasureInForceError{HS: hs, Date: on}
		}
		m.Rate = season.rate
		if from.After(s.ed.From) {
			m.From = from
		}
		m.To = to
		m.Source = "REFERENCE " + s.ed.Name + ", line " + l.code + " (" + l.text + "; the season of " + season.text + "): " + s.ed.Source
	}
	return []duty.Measure{m}, nil
}

// The embedded editions, each read once per process on first use.
var (
	embeddedEU = sync.OnceValues(func() (*Schedule, error) { return readEmbedded(cet2020) })
	embeddedGB = sync.OnceValues(func() (*Schedule, error) { return readEmbedded(ukgt2021) })
)

// EU returns the embedded EU reference schedule (CET2020), read from the
// embedded file on first use and shared afterwards (a Schedule is
// immutable).
func EU() (*Schedule, error) {
	return embeddedEU()
}

// GB returns the embedded GB reference schedule (UKGT2021), read on first
// use and shared afterwards.
func GB() (*Schedule, error) {
	return embeddedGB()
}

func readEmbedded(ed Edition) (*Schedule, error) {
	zr, err := gzip.NewReader(bytes.NewReader(ukgtGz))
	if err != nil {
		return nil, fmt.Errorf("reftariff: embedded file: %w", err)
	}
	s, err := ReadCSV(zr, ed)
	if err != nil {
		return nil, fmt.Errorf("reftariff: embedded file, %s: %w", ed.Name, err)
	}
	return s, nil
}

// EmbeddedFile returns the embedded UK Global Tariff CSV, decompressed:
// byte-identical to the official download.
func EmbeddedFile() (io.Reader, error) {
	return gzip.NewReader(bytes.NewReader(ukgtGz))
}
