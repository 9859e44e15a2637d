package fx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"github.com/iorkit/iorkit/internal/limits"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/iorkit/iorkit/duty"
	"github.com/shopspring/decimal"
)

// MaxInput is the most bytes a reader of this package reads unless
// MaxBytes says otherwise (the ECB history CSV of 1999-2026 is 1.9 MB).
const MaxInput = 64 << 20

// Option changes how a reader reads.
type Option func(*config)

type config struct{ max int64 }

// MaxBytes sets the most bytes a reader accepts (MaxInput by default); a
// longer input is an error, not a truncation.
func MaxBytes(n int64) Option { return func(c *config) { c.max = n } }

func newConfig(opts []Option) config {
	c := config{max: MaxInput}
	for _, o := range opts {
		o(&c)
	}
	return c
}

// ErrInvalidFile is matched by every error of the readers of this package.
var ErrInvalidFile = errors.New("fx: invalid exchange-rate file")

// FileError reports a problem in a rate file: the line (1-based, 0 when
// not known), the field and the value. It matches ErrInvalidFile and
// unwraps to the cause.
type FileError struct {
	File  string // "ECB CSV", "ECB XML", "HMRC XML"
	Line  int
	Field string
	Value string
	Err   error
}

func (e *FileError) Error() string {
	var b strings.Builder
	b.WriteString("fx: ")
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, " line %d", e.Line)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, ", %s %q", e.Field, e.Value)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

// Is reports whether target is ErrInvalidFile.
func (e *FileError) Is(target error) bool { return target == ErrInvalidFile }

// Unwrap returns the cause.
func (e *FileError) Unwrap() error { return e.Err }

// ECB holds euro foreign exchange reference rates of the European Central
// Bank: for each publication day, how many units of each currency 1 EUR
// buys. It is immutable and safe for concurrent use. Values are kept
// packed (about 2.3 MB for the 1999-2026 history).
type ECB struct {
	days []duty.Date    // ascending
	curs []string       // column currencies
	col  map[string]int // currency -> column
	vals []packed       // len(days)*len(curs), row-major; 0 = not quoted
	src  string         // what the data is, for sources
}

// packed is a positive decimal: mantissa<<5 | scale (scale < 32).
type packed int64

func (p packed) decimal() decimal.Decimal {
	return decimal.New(int64(p>>5), -int32(p&31))
}

// parsePacked reads a plain positive decimal ("1.0321", "186.75").
func parsePacked(s string) (packed, bool) {
	var m int64
	scale, dot, digits := 0, false, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.' && !dot:
			dot = true
		case c >= '0' && c <= '9':
			if digits == 17 {
				return 0, false
			}
			m = m*10 + int64(c-'0')
			digits++
			if dot {
				scale++
			}
		default:
			return 0, false
		}
	}
	if digits == 0 || m == 0 || scale > 31 {
		return 0, false
	}
	return packed(m<<5 | int64(scale)), true
}

// Source is the attribution the ECB asks for, used in rate sources.
const Source = "ECB euro foreign exchange reference rates"

// ReadECBCSV reads the ECB's CSV files: the history (eurofxref-hist.csv,
// "Date,USD,JPY,...", ISO dates, newest first, N/A for a currency not
// quoted, a trailing comma on every line) and the daily file
// (eurofxref.csv, "Date, USD, ...", "13 April 2026"). Input is bounded
// (MaxInput or MaxBytes); errors are *FileError values.
func ReadECBCSV(r io.Reader, opts ...Option) (*ECB, error) {
	cfg := newConfig(opts)
	data, err := limits.ReadAll(r, cfg.max, "ECB CSV")
	if err != nil {
		return nil, &FileError{File: "ECB CSV", Err: err}
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	fail := func(line int, field, value string, err error) error {
		return &FileError{File: "ECB CSV", Line: line, Field: field, Value: value, Err: err}
	}
	e := &ECB{col: map[string]int{}, src: Source}
	n := 0
	var (
		fields []string
		vals   []packed // row-major, in file order
		days   []duty.Date
	)
	for sc.Scan() {
		n++
		text := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields = fields[:0]
		for rest := text; ; {
			i := strings.IndexByte(rest, ',')
			if i < 0 {
				fields = append(fields, strings.TrimSpace(rest))
				break
			}
			fields = append(fields, strings.TrimSpace(rest[:i]))
			rest = rest[i+1:]
		}
		// the trailing comma of every ECB line
		if len(fields) > 1 && fields[len(fields)-1] == "" {
			fields = fields[:len(fields)-1]
		}
		if len(e.curs) == 0 {
			if len(fields) < 2 || fields[0] != "Date" {
				return nil, fail(n, "header", text, errors.New(`want "Date," then currency codes`))
			}
			for _, c := range fields[1:] {
				if len(c) != 3 || strings.ToUpper(c) != c {
					return nil, fail(n, "currency", c, errors.New("want a three-letter code"))
				}
				if _, dup := e.col[c]; dup {
					return nil, fail(n, "currency", c, errors.New("appears twice"))
				}
				e.col[c] = len(e.curs)
				e.curs = append(e.curs, c)
			}
			continue
		}
		if len(fields) != len(e.curs)+1 {
			return nil, fail(n, "", "", fmt.Errorf("%d fields: want %d", len(fields), len(e.curs)+1))
		}
		day, err := parseECBDay(fields[0])
		if err != nil {
			return nil, fail(n, "Date", fields[0], err)
		}
		for i, f := range fields[1:] {
			if f == "N/A" || f == "" {
				vals = append(vals, 0)
				continue
			}
			p, ok := parsePacked(f)
			if !ok {
				return nil, fail(n, e.curs[i], f, errors.New("want a positive decimal or N/A"))
			}
			vals = append(vals, p)
		}
		days = append(days, day)
	}
	if err := sc.Err(); err != nil {
		return nil, fail(n, "", "", err)
	}
	if len(e.curs) == 0 {
		return nil, fail(1, "", "", errors.New("empty input: want a header such as Date,USD,JPY"))
	}
	if len(days) == 0 {
		return nil, fail(2, "", "", errors.New("no rates"))
	}
	// Rows ascending by day: the history file is newest first.
	order := make([]int, len(days))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return days[order[i]].Before(days[order[j]]) })
	w := len(e.curs)
	e.days = make([]duty.Date, len(days))
	e.vals = make([]packed, 0, len(vals))
	for i, o := range order {
		if i > 0 && days[o] == e.days[i-1] {
			return nil, fail(0, "Date", days[o].String(), errors.New("day appears twice"))
		}
		e.days[i] = days[o]
		e.vals = append(e.vals, vals[o*w:(o+1)*w]...)
	}
	return e, nil
}

func parseECBDay(s string) (duty.Date, error) {
	if d, err := duty.ParseDate(s); err == nil {
		return d, nil
	}
	t, err := time.Parse("2 January 2006", s)
	if err != nil {
		return duty.Date{}, errors.New("want YYYY-MM-DD or 13 April 2026")
	}
	return duty.DateOf(t), nil
}

// ReadECBXML reads the ECB's XML files (eurofxref-daily.xml,
// eurofxref-hist.xml, eurofxref-hist-90d.xml): a gesmes:Envelope holding
// Cube elements with a time attribute, each holding Cube elements with
// currency and rate attributes. Input is bounded (MaxInput or MaxBytes);
// errors are *FileError values.
func ReadECBXML(r io.Reader, opts ...Option) (*ECB, error) {
	cfg := newConfig(opts)
	data, err := limits.ReadAll(r, cfg.max, "ECB XML")
	if err != nil {
		return nil, &FileError{File: "ECB XML", Err: err}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	fail := func(field, value string, err error) error {
		line, _ := dec.InputPos()
		return &FileError{File: "ECB XML", Line: line, Field: field, Value: value, Err: err}
	}
	type entry struct {
		day duty.Date
		cur string
		val packed
	}
	var (
		entries []entry
		day     duty.Date
		inDay   bool
		root    bool
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fail("", "", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if !root {
				if t.Name.Local != "Envelope" {
					return nil, fail("root", t.Name.Local, errors.New("want gesmes:Envelope"))
				}
				root = true
				continue
			}
			if t.Name.Local != "Cube" {
				continue
			}
			var tm, cur, rate string
			for _, a := range t.Attr {
				switch a.Name.Local {
				case "time":
					tm = a.Value
				case "currency":
					cur = a.Value
				case "rate":
					rate = a.Value
				}
			}
			switch {
			case tm != "":
				d, err := duty.ParseDate(tm)
				if err != nil {
					return nil, fail("time", tm, errors.New("want YYYY-MM-DD"))
				}
				day, inDay = d, true
			case cur != "":
				if !inDay {
					return nil, fail("currency", cur, errors.New("rate outside a Cube with a time"))
				}
				if len(cur) != 3 || strings.ToUpper(cur) != cur {
					return nil, fail("currency", cur, errors.New("want a three-letter code"))
				}
				p, ok := parsePacked(rate)
				if !ok {
					return nil, fail("rate", rate, errors.New("want a positive decimal"))
				}
				entries = append(entries, entry{day, cur, p})
			}
		}
	}
	if len(entries) == 0 {
		return nil, fail("", "", errors.New("no rates"))
	}
	e := &ECB{col: map[string]int{}, src: Source}
	dayIdx := map[duty.Date]int{}
	for _, en := range entries {
		if _, ok := e.col[en.cur]; !ok {
			e.col[en.cur] = len(e.curs)
			e.curs = append(e.curs, en.cur)
		}
		if _, ok := dayIdx[en.day]; !ok {
			dayIdx[en.day] = 0
			e.days = append(e.days, en.day)
		}
	}
	sort.Slice(e.days, func(i, j int) bool { return e.days[i].Before(e.days[j]) })
	for i, d := range e.days {
		dayIdx[d] = i
	}
	e.vals = make([]packed, len(e.days)*len(e.curs))
	for _, en := range entries {
		i := dayIdx[en.day]*len(e.curs) + e.col[en.cur]
		if e.vals[i] != 0 {
			return nil, fail("currency", en.cur, fmt.Errorf("quoted twice on %s", en.day))
		}
		e.vals[i] = en.val
	}
	return e, nil
}

// First and Last return the first and the last publication day.
// (The zero Date for a nil or empty ECB.)
func (e *ECB) First() duty.Date {
	if e.empty() {
		return duty.Date{}
	}
	return e.days[0]
}

func (e *ECB) empty() bool { return e == nil || len(e.days) == 0 || len(e.curs) == 0 }

var errNilECB = &duty.UninitializedError{Type: "*fx.ECB", Constructor: "fx.ReadECBCSV, fx.ReadECBXML or fx.EmbeddedECB"}

// Last returns the last publication day of the data.
func (e *ECB) Last() duty.Date {
	if e.empty() {
		return duty.Date{}
	}
	return e.days[len(e.days)-1]
}

// Currencies returns the currencies of the data, in file order.
func (e *ECB) Currencies() []string {
	if e == nil {
		return nil
	}
	return append([]string(nil), e.curs...)
}

// Merge returns the rates of e and of newer, newer's quotes winning on a
// day both have: the embedded history plus a daily file, for example.
func (e *ECB) Merge(newer *ECB) *ECB {
	switch {
	case newer.empty():
		return e
	case e.empty():
		return newer
	}
	out := &ECB{col: map[string]int{}, src: e.src}
	for _, src := range []*ECB{e, newer} {
		for _, c := range src.curs {
			if _, ok := out.col[c]; !ok {
				out.col[c] = len(out.curs)
				out.curs = append(out.curs, c)
			}
		}
	}
	idx := map[duty.Date]int{}
	for _, src := range []*ECB{e, newer} {
		for _, d := range src.days {
			if _, ok := idx[d]; !ok {
				idx[d] = 0
				out.days = append(out.days, d)
			}
		}
	}
	sort.Slice(out.days, func(i, j int) bool { return out.days[i].Before(out.days[j]) })
	for i, d := range out.days {
		idx[d] = i
	}
	out.vals = make([]packed, len(out.days)*len(out.curs))
	for _, src := range []*ECB{e, newer} {
		for di, d := range src.days {
			row := idx[d] * len(out.curs)
			for ci, c := range src.curs {
				if v := src.vals[di*len(src.curs)+ci]; v != 0 {
					out.vals[row+out.col[c]] = v
				}
			}
		}
	}
	return out
}

// Quote returns the reference rate of currency cur (units per 1 EUR) of
// the last publication day on or before on, with that day. EUR is 1. A
// currency the data does not hold, not quoted that day (a legacy currency
// such as BGN after 2025-12-31) or a day before the data is a
// *duty.MissingRateError: an older quote is never carried forward past a
// day the ECB published without it.
func (e *ECB) Quote(cur string, on duty.Date) (decimal.Decimal, duty.Date, error) {
	if e.empty() {
		return decimal.Decimal{}, duty.Date{}, errNilECB
	}
	i := sort.Search(len(e.days), func(i int) bool { return e.days[i].After(on) }) - 1
	if cur == "EUR" {
		if i < 0 {
			return decimal.Decimal{}, duty.Date{}, &duty.MissingRateError{From: "EUR", To: cur, On: on}
		}
		return decimal.New(1, 0), e.days[i], nil
	}
	c, ok := e.col[cur]
	if !ok {
		return decimal.Decimal{}, duty.Date{}, &duty.MissingRateError{From: "EUR", To: cur, On: on}
	}
	if i >= 0 {
		if v := e.vals[i*len(e.curs)+c]; v != 0 {
			return v.decimal(), e.days[i], nil
		}
	}
	return decimal.Decimal{}, duty.Date{}, &duty.MissingRateError{From: "EUR", To: cur, On: on}
}
