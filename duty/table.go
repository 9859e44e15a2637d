package duty

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/iorkit/iorkit/internal/limits"
	"github.com/iorkit/iorkit/internal/period"
)

// Table is the in-memory Schedule: measures set on HS prefixes of 2 to 10
// digits, looked up by longest prefix.
//
// For a lookup of code c, origin o on day d, Table considers the measures
// set on every prefix of c (from c itself down to its 4-digit heading, then
// its chapter) that are in force on d and cover o. Among those of one kind
// and one program, only the ones on the longest prefix are kept: a measure
// on 6109.10.00 overrides one of the same kind and program on 6109. So a
// national line can carry its own MFN rate, a preference can be set on a
// whole heading, and a layer can be cancelled on a sub-line by a Free
// measure of the same program.
//
// A Table is safe for concurrent lookups once it is filled; Add must not
// run concurrently with anything else.
type Table struct {
	byPrefix map[string][]Measure
	lens     [11]bool // lens[n]: some prefix has n digits
	count    int
	// sorted caches the sorted prefixes for LinesUnder; Add clears it.
	sorted atomic.Pointer[[]string]
	// incomplete: the table lists only some lines (SetIncomplete).
	incomplete bool
	// fp caches Fingerprint; Add clears it.
	fp atomic.Pointer[string]
}

// NewTable returns an empty Table.
func NewTable() *Table { return &Table{byPrefix: make(map[string][]Measure)} }

// Add sets m on hsPrefix (2 to 10 digits; dots and spaces ignored). The
// measure's HS field is set to the normalized prefix. It returns an
// *InvalidCodeError for a bad prefix and an error for a measure without a
// kind or with To before From.
func (t *Table) Add(hsPrefix string, m Measure) error {
	if t == nil {
		return errNilTable
	}
	p, err := NormalizeHS(hsPrefix)
	if err != nil {
		return err
	}
	if _, ok := measureKindNames[m.Kind]; !ok {
		return fmt.Errorf("duty: measure on %s: kind %v: want MFN, Preferential or Additional", p, m.Kind)
	}
	if !m.From.IsZero() && !m.To.IsZero() && m.To.Before(m.From) {
		return fmt.Errorf("duty: measure on %s: ends %s before it starts %s", p, m.To, m.From)
	}
	if t.byPrefix == nil {
		t.byPrefix = make(map[string][]Measure)
	}
	m.HS = p
	t.byPrefix[p] = append(t.byPrefix[p], m)
	t.lens[len(p)] = true
	t.count++
	t.sorted.Store(nil)
	t.fp.Store(nil)
	return nil
}

// SetIncomplete says the table lists only some lines of its schedule (the
// embedded sample, a table of the lines a shop sells): LinesUnder then
// returns nil, so a code above the table's lines stays an unknown code
// instead of resolving among lines that may not be all there are.
func (t *Table) SetIncomplete() { t.incomplete = true }

// LinesUnder implements LineLister: the prefixes of the table that lie
// below hs and have no longer prefix below them, sorted; plus hs itself
// when a measure set on hs or on a prefix of it covers goods of hs the
// longer lines do not list. Nil when no prefix lies below hs, or when the
// table is incomplete (SetIncomplete).
func (t *Table) LinesUnder(hs string) ([]string, error) {
	var buf [10]byte
	n, err := normalizeHS(hs, &buf, 4)
	if err != nil {
		return nil, err
	}
	if t.incomplete {
		return nil, nil
	}
	longer := false
	for l := n + 1; l <= 10; l++ {
		longer = longer || t.lens[l]
	}
	if !longer {
		return nil, nil
	}
	sp := t.sorted.Load()
	if sp == nil {
		ps := t.Prefixes()
		sp = &ps
		t.sorted.Store(sp) // a race only builds the same slice twice
	}
	ps := *sp
	code := string(buf[:n])
	var out []string
	for i := sort.SearchStrings(ps, code); i < len(ps) && strings.HasPrefix(ps[i], code); i++ {
		p := ps[i]
		if len(p) == n {
			continue
		}
		if i+1 < len(ps) && strings.HasPrefix(ps[i+1], p) {
			continue // not a leaf: a longer line lies below it
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		return nil, nil
	}
	for l := n; l >= 2; l-- {
		if t.lens[l] {
			if _, ok := t.byPrefix[code[:l]]; ok {
				out = append([]string{code}, out...)
				break
			}
		}
	}
	return out, nil
}

// setCaveat marks every measure of the table as coming from edition, with
// the caveat code (SampleTariff, ReferenceTariff).
func (t *Table) setCaveat(code WarningCode, edition string) {
	for _, ms := range t.byPrefix {
		for i := range ms {
			ms[i].Caveat, ms[i].Edition = code, edition
		}
	}
}

// Len returns the number of measures in the table.
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return t.count
}

// errNilTable is what the methods of a nil *Table return. The zero Table
// is an empty, usable table.
var errNilTable = &UninitializedError{Type: "*duty.Table", Constructor: "duty.NewTable"}

// Prefixes returns the normalized prefixes that carry measures, sorted.
func (t *Table) Prefixes() []string {
	if t == nil {
		return nil
	}
	out := make([]string, 0, len(t.byPrefix))
	for p := range t.byPrefix {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Measures returns the measures in force on day on for goods of code hs (4
// to 10 digits, dots and spaces ignored) and origin (ISO 3166-1 alpha-2;
// "" means any origin: every measure in force is returned). The result is
// ordered MFN, preferential, additional, then by program; it is a new slice
// the caller may keep.
//
// Errors: *InvalidCodeError for text that is not a code, *UnknownCodeError
// when no measure is set on the code or any prefix of it,
// *NoMeasureInForceError when there are measures but none is in force on
// the date. A code whose measures are in force but none covers the origin
// gives an empty result and no error.
func (t *Table) Measures(hs, origin string, on Date) ([]Measure, error) {
	if t == nil {
		return nil, errNilTable
	}
	var buf [10]byte
	n, err := normalizeHS(hs, &buf, 4)
	if err != nil {
		return nil, err
	}
	var (
		// collected on the stack, copied once into an exact-size result
		stack   [12]Measure
		out     = stack[:0]
		known   bool
		inForce bool
		// keys of (kind, program) already served by a longer prefix
		seen [8]kindProgram
		ns   int
		more map[kindProgram]bool
	)
	for l := n; l >= 2; l-- {
		if !t.lens[l] {
			continue
		}
		ms, ok := t.byPrefix[string(buf[:l])]
		if !ok {
			continue
		}
		known = true
		start := len(out)
		for i := range ms {
			m := &ms[i]
			if !m.InForce(on) {
				continue
			}
			inForce = true
			if origin != "" && !m.Covers(origin) {
				continue
			}
			k := kindProgram{m.Kind, m.Program}
			if served(seen[:ns], more, k) {
				continue
			}
			out = append(out, *m)
		}
		for _, m := range out[start:] {
			k := kindProgram{m.Kind, m.Program}
			if ns < len(seen) {
				seen[ns] = k
				ns++
			} else {
				if more == nil {
					more = make(map[kindProgram]bool)
				}
				more[k] = true
			}
		}
	}
	switch {
	case !known:
		return nil, &UnknownCodeError{HS: hs}
	case !inForce:
		return nil, &NoMeasureInForceError{HS: hs, Date: on}
	}
	res := make([]Measure, len(out))
	copy(res, out)
	sortMeasures(res)
	return res, nil
}

type kindProgram struct {
	kind    MeasureKind
	program string
}

// served reports whether k was already matched on a longer prefix.
func served(seen []kindProgram, more map[kindProgram]bool, k kindProgram) bool {
	for _, s := range seen {
		if s == k {
			return true
		}
	}
	return more[k]
}

// sortMeasures orders by kind then program, keeping table order otherwise.
func sortMeasures(ms []Measure) {
	// insertion sort: results are short and this keeps lookups
	// allocation-free beyond the result slice
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && measureLess(&ms[j], &ms[j-1]); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func measureLess(a, b *Measure) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	return a.Program < b.Program
}

// ErrInvalidTable is matched by every error of ReadTable.
var ErrInvalidTable = errors.New("duty: invalid tariff table")

// TableError reports a problem in the CSV read by ReadTable: the row
// (1-based line of the record; the header is row 1), the column name and
// the value. It matches ErrInvalidTable and unwraps to the cause (e.g. an
// *InvalidCountryError or a rate syntax error).
type TableError struct {
	Row    int
	Column string
	Value  string
	Err    error
}

func (e *TableError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("duty: tariff table row %d: %v", e.Row, e.Err)
	}
	return fmt.Sprintf("duty: tariff table row %d, column %s, value %q: %v", e.Row, e.Column, clip(e.Value), e.Err)
}

// Is reports whether target is ErrInvalidTable.
func (e *TableError) Is(target error) bool { return target == ErrInvalidTable }

// Unwrap returns the cause.
func (e *TableError) Unwrap() error { return e.Err }

// TableOption changes how ReadTable reads a table.
type TableOption func(*tableConfig)

type tableConfig struct {
	rateOpts []ParseOption
	table    *Table
	maxBytes int64
}

// TableMaxBytes replaces the size limit of the input of ReadTable
// (DefaultTableMaxBytes). Zero or less means no limit: only for trusted
// files.
func TableMaxBytes(n int64) TableOption { return func(c *tableConfig) { c.maxBytes = n } }

// Input limits of the readers of this package. An input over a limit is a
// *LimitError; see docs/security.md for every limit of the module.
const (
	// DefaultTableMaxBytes bounds the CSV read by ReadTable (change it with
	// TableMaxBytes). A full national tariff in that format is under 10 MB.
	DefaultTableMaxBytes = limits.TableBytes
	// DefaultProfileMaxBytes bounds one document read by ReadProfiles.
	DefaultProfileMaxBytes = limits.ProfileBytes
	// MaxFieldBytes bounds one field of any input: a CSV cell, a JSON
	// string.
	MaxFieldBytes = limits.FieldBytes
)

// TableCurrency sets the currency that "$" and "¢" stand for in the rate
// column (USD when not given).
func TableCurrency(code string) TableOption {
	return func(c *tableConfig) { c.rateOpts = append(c.rateOpts, InCurrency(code)) }
}

// IntoTable makes ReadTable add the rows to t instead of a new table, so that
// several files (a schedule and a layer file) can make one table.
func IntoTable(t *Table) TableOption { return func(c *tableConfig) { c.table = t } }

// TableColumns is the header ReadTable expects (in any order; hs, kind and
// rate are required, the others optional). The optional columns excludes and
// base are also read; any other column is an error, so a misspelt column
// ("orgins") never silently widens a measure to every origin.
// Each call returns a new slice.
func TableColumns() []string { return slices.Clone(tableColumns) }

var tableColumns = []string{"hs", "kind", "rate", "origins", "program", "from", "to", "source"}

// tableExtraColumns are the optional columns not in tableColumns.
var tableExtraColumns = []string{"excludes", "base"}

// ReadTable reads a tariff table from CSV with the header
// hs,kind,rate,origins,program,from,to,source. kind is mfn, preferential or
// additional; rate is any text ParseRate reads; origins are ISO 3166-1
// alpha-2 codes separated by spaces (empty: all origins; EU stands for the
// 27 member states, see EUMembers); from and to are
// YYYY-MM-DD or empty (open), both inclusive: to is the last day in force.
// A column named like an exclusive end (until, end, expires...) is an
// error, so that a file written for that convention is not misread. An optional excludes column
// holds the programs an additional measure displaces, separated by spaces;
// an optional base column says what value the rate is charged on (empty or
// metal_content, see ValueBase).
// Lines starting with # are comments; a UTF-8 byte-order mark is skipped.
// Errors are *TableError values naming the row and the column.
//
// A table must say one thing for each code, kind, programme, origin and
// day: a row that repeats or overlaps another (same hs, kind and program,
// origins in common — empty meaning all — and days in common) is an error
// naming both rows, so that no duty or additional layer is ever charged
// twice. A column not listed above is an error. The input is bounded
// (DefaultTableMaxBytes, TableMaxBytes; MaxFieldBytes per cell): over a
// limit the error wraps a *LimitError.
func ReadTable(r io.Reader, opts ...TableOption) (*Table, error) {
	cfg := tableConfig{maxBytes: DefaultTableMaxBytes}
	for _, o := range opts {
		o(&cfg)
	}
	t := cfg.table
	if t == nil {
		t = NewTable()
	}
	cr := csv.NewReader(skipBOM(limits.Reader(r, cfg.maxBytes, "duty: tariff table")))
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &TableError{Row: 1, Err: errors.New("empty input: want the header " + strings.Join(tableColumns, ","))}
	}
	if err != nil {
		return nil, csvError(err)
	}
	header = slices.Clone(header) // the reader reuses its record
	if err := limits.Record("duty: tariff table", 1, nil, header, MaxFieldBytes); err != nil {
		return nil, &TableError{Row: 1, Err: err}
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if period.Refused(h) {
			return nil, &TableError{Row: 1, Column: h, Value: h, Err: errors.New(period.Message(h))}
		}
		if _, dup := col[h]; dup && h != "" {
			return nil, &TableError{Row: 1, Column: h, Value: h, Err: errors.New("column appears twice")}
		}
		if h != "" && !slices.Contains(tableColumns, h) && !slices.Contains(tableExtraColumns, h) {
			return nil, &TableError{Row: 1, Column: h, Value: header[i], Err: fmt.Errorf("unknown column: want %s (and optionally %s)",
				strings.Join(tableColumns, ","), strings.Join(tableExtraColumns, ","))}
		}
		col[h] = i
	}
	// rows[p][i] is the row of the i-th measure on prefix p read here; a
	// measure already in an IntoTable table has row 0.
	rows := map[string][]int{}
	for _, req := range []string{"hs", "kind", "rate"} {
		if _, ok := col[req]; !ok {
			return nil, &TableError{Row: 1, Column: req, Err: fmt.Errorf("missing column: want the header %s", strings.Join(tableColumns, ","))}
		}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		row, _ := cr.FieldPos(0)
		if err := limits.Record("duty: tariff table", row, header, rec, MaxFieldBytes); err != nil {
			return nil, &TableError{Row: row, Err: err}
		}
		get := func(name string) string {
			i, ok := col[name]
			if !ok || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		if isBlank(rec) {
			continue
		}
		m, hs, terr := tableRow(get, cfg.rateOpts)
		if terr != nil {
			terr.Row = row
			return nil, terr
		}
		p, _ := NormalizeHS(hs) // checked by tableRow
		if i := t.overlapping(p, m); i >= 0 {
			prev := "a measure already in the table"
			if rs := rows[p]; i >= len(t.byPrefix[p])-len(rs) {
				prev = fmt.Sprintf("row %d", rs[i-(len(t.byPrefix[p])-len(rs))])
			}
			return nil, &TableError{Row: row, Err: fmt.Errorf("%s %s measure on %s overlaps %s (same origins and days): a table must give one rate per code, kind, programme, origin and day",
				m.Kind, programName(m.Program), p, prev)}
		}
		if aerr := t.Add(hs, m); aerr != nil {
			c := "to"
			if errors.Is(aerr, ErrInvalidCode) {
				c = "hs"
			}
			return nil, &TableError{Row: row, Column: c, Value: get(c), Err: aerr}
		}
		rows[p] = append(rows[p], row)
	}
	return t, nil
}

func programName(p string) string {
	if p == "" {
		return "(no programme)"
	}
	return "programme " + p
}

// Overlap returns a measure already set on exactly hsPrefix that says
// something for the same kind, programme, origin and day as m (origins in
// common, empty meaning all; periods sharing a day), and whether there is
// one. Readers call it before Add so that no duty is charged twice; Add
// itself does not refuse overlaps.
func (t *Table) Overlap(hsPrefix string, m Measure) (Measure, bool) {
	if t == nil {
		return Measure{}, false
	}
	p, err := NormalizeHS(hsPrefix)
	if err != nil {
		return Measure{}, false
	}
	if i := t.overlapping(p, m); i >= 0 {
		return t.byPrefix[p][i], true
	}
	return Measure{}, false
}

// overlapping returns the index of a measure set on prefix p that says
// something for the same kind, programme, origin and day as m, or -1.
func (t *Table) overlapping(p string, m Measure) int {
	for i, o := range t.byPrefix[p] {
		if o.Kind == m.Kind && o.Program == m.Program && originsOverlap(o.Origins, m.Origins) && daysOverlap(o, m) {
			return i
		}
	}
	return -1
}

func originsOverlap(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true // empty: every origin
	}
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// daysOverlap reports whether the periods of a and b (inclusive ends, zero
// meaning open) share a day.
func daysOverlap(a, b Measure) bool {
	if !a.To.IsZero() && !b.From.IsZero() && a.To.Before(b.From) {
		return false
	}
	if !b.To.IsZero() && !a.From.IsZero() && b.To.Before(a.From) {
		return false
	}
	return true
}

func tableRow(get func(string) string, rateOpts []ParseOption) (Measure, string, *TableError) {
	var m Measure
	hs := get("hs")
	if _, err := NormalizeHS(hs); err != nil {
		return m, "", &TableError{Column: "hs", Value: hs, Err: err}
	}
	k, err := ParseMeasureKind(strings.ToLower(get("kind")))
	if err != nil {
		return m, "", &TableError{Column: "kind", Value: get("kind"), Err: err}
	}
	m.Kind = k
	if m.Rate, err = ParseRate(get("rate"), rateOpts...); err != nil {
		return m, "", &TableError{Column: "rate", Value: get("rate"), Err: err}
	}
	for _, o := range strings.Fields(get("origins")) {
		if o == "EU" {
			m.Origins = append(m.Origins, euMembers...)
			continue
		}
		if err := ValidateCountry(o); err != nil {
			return m, "", &TableError{Column: "origins", Value: o, Err: err}
		}
		m.Origins = append(m.Origins, o)
	}
	if k == Preferential && len(m.Origins) == 0 {
		return m, "", &TableError{Column: "origins", Err: errors.New("a preferential measure must name the origins it covers")}
	}
	m.Program = get("program")
	m.Source = get("source")
	for _, d := range []struct {
		name string
		dst  *Date
	}{{"from", &m.From}, {"to", &m.To}} {
		v := get(d.name)
		if v == "" {
			continue
		}
		tm, err := ParseDate(v)
		if err != nil {
			return m, "", &TableError{Column: d.name, Value: v, Err: errors.New("want a date YYYY-MM-DD")}
		}
		*d.dst = tm
	}
	switch b := ValueBase(get("base")); b {
	case "", MetalContentValue:
		m.Base = b
	default:
		return m, "", &TableError{Column: "base", Value: string(b), Err: errors.New("want empty (customs value) or metal_content")}
	}
	if ex := strings.Fields(get("excludes")); len(ex) > 0 {
		m.Excludes = ex
	}
	return m, hs, nil
}

func isBlank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &TableError{Row: pe.Line, Column: fmt.Sprintf("#%d", pe.Column), Err: pe.Err}
	}
	return &TableError{Err: err}
}

// skipBOM drops a leading UTF-8 byte-order mark.
func skipBOM(r io.Reader) io.Reader { return &bomReader{r: r} }

type bomReader struct {
	r    io.Reader
	done bool
	buf  []byte
}

func (b *bomReader) Read(p []byte) (int, error) {
	if !b.done {
		b.done = true
		head := make([]byte, 3)
		n, err := io.ReadFull(b.r, head)
		head = head[:n]
		if n == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF {
			head = head[:0]
		}
		b.buf = head
		if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
			return 0, err
		}
	}
	if len(b.buf) > 0 {
		n := copy(p, b.buf)
		b.buf = b.buf[n:]
		return n, nil
	}
	return b.r.Read(p)
}
