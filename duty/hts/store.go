// The compact per-line store behind Schedule: every distinct text and rate
// once, fixed-size rows, measures built at lookup.

package hts

import (
	"fmt"
	"hash"
	"slices"
	"sort"
	"strings"

	"github.com/iorkit/iorkit/duty"
)

// Schedule is a USITC HTS export as a duty.Schedule. Rates set on an
// 8-digit line apply to its 10-digit statistical lines; special-column
// programme codes become preferential measures for the origins of the
// programme table (Programs); column 2 applies to the countries of Column2().
// Chapter 99 lines are kept as text (Heading) and never applied by
// themselves: additional duties come only from layer data (AddLayers).
//
// The schedule is stored compactly: each distinct text and each distinct
// rate once, one small fixed-size record per row and per rate line, and
// the measures of a line built when it is looked up. Descriptions are kept
// only with KeepDescriptions. The full 2026 schedule retains about 7 MB.
//
// A Schedule is safe for concurrent lookups; AddLayers must not run
// concurrently with anything else.
type Schedule struct {
	cfg   config
	sum   hash.Hash        // of the input read and the layers added (Fingerprint)
	rows  []row            // every row of the export, in file order
	codes []code           // numbered rows by normalized number, sorted; first row of a number
	rates []rateLine       // lines with a general rate outside chapter 99
	rateN map[string]int32 // rates by normalized number (rateLine.n)
	// progsOf holds, for each origin some programme names, the programmes
	// (bits by progs index) whose origins include it.
	progsOf map[string][]uint64
	refs    []progRef   // the preferences of the rate lines (rateLine.refs)
	vals    []duty.Rate // parsed rates, each distinct text once
	texts   []string    // distinct texts; texts[0] = ""
	units   [][]string  // distinct unit lists; units[0] = nil
	notes   map[int32][]Footnote
	progs   []Program // applied programmes with origins, by progRef.prog
	// bad and badFor hold the rate texts duty.ParseRate could not read.
	bad    map[string]*RateTextError
	badFor map[string][]unreadable // rate line -> unreadable column 2 / special rates
	table  *duty.Table             // layers (AddLayers)
	layers int
	gaps   []LayerGap // AddLayerGaps
	labels struct {
		general, column2 string
		special          []string // by progs index
	}
}

// row is one row of the export: indexes into texts and units.
type row struct {
	number, desc, general, special, other, quota, additional, units int32
	indent                                                          uint8
}

// code is a numbered row: its normalized number, the row, and its rate
// line (-1: none).
type code struct {
	n    string
	row  int32
	rate int32
}

// rateLine is a line with a general rate.
type rateLine struct {
	n        string // normalized number
	number   int32  // text: the number as printed
	general  int32  // vals index; -1: unreadable
	other    int32  // vals index; -1: none or unreadable
	special  int32  // text: the special column, white space collapsed
	ref0     int32  // refs[ref0:ref1] are its preferences
	ref1     int32
	generalT int32 // text: the general column
	otherT   int32 // text: column 2
}

// progRef is one preference of a rate line: the programme and its rate.
type progRef struct {
	prog uint16
	val  int32
}

type unreadable struct {
	origins []string
	err     *RateTextError
}

// builder holds what reading needs and the schedule does not keep.
type builder struct {
	s          *Schedule
	textIdx    map[string]int32
	unitIdx    map[string]int32
	valIdx     map[string]int32
	valErr     map[string]error
	progIdx    map[string]uint16
	groupCache map[string][]specialGroup
	descs      bool
}

// KeepDescriptions keeps the description of every row (Line.Description,
// Lines, Diff). Without it descriptions are dropped at load: lookups do not
// need them and they are a third of the export's text.
func KeepDescriptions() Option { return func(c *config) { c.descriptions = true } }

func build(lines []Line, rowOf func(int) int, opts []Option) (*Schedule, error) {
	cfg := config{source: "USITC HTS export", programs: map[string]Program{}}
	for _, p := range defaultPrograms {
		cfg.programs[p.Code] = p
	}
	for _, o := range opts {
		o(&cfg)
	}
	s := &Schedule{cfg: cfg, rows: make([]row, len(lines)), texts: []string{""}, units: [][]string{nil},
		bad: map[string]*RateTextError{}, badFor: map[string][]unreadable{}, table: duty.NewTable()}
	b := &builder{s: s, textIdx: map[string]int32{"": 0}, unitIdx: map[string]int32{"": 0},
		valIdx: map[string]int32{}, valErr: map[string]error{}, progIdx: map[string]uint16{}, descs: cfg.descriptions}
	codes := make([]string, 0, len(cfg.programs))
	for c, p := range cfg.programs {
		if p.Applied && len(p.Origins) > 0 {
			codes = append(codes, c)
		}
	}
	sort.Strings(codes)
	// Sources are shared strings: the line is in each Measure's HS.
	s.labels.general = cfg.source + ", general column"
	s.labels.column2 = cfg.source + ", column 2; " + column2[0].Source
	for i, c := range codes {
		p := cfg.programs[c]
		s.progs = append(s.progs, p)
		b.progIdx[c] = uint16(i)
		s.labels.special = append(s.labels.special, cfg.source+", special column ("+c+": "+p.Name+"); "+p.Source)
	}
	seen := make(map[string]int32, len(lines))
	for i := range lines {
		l := &lines[i]
		r := row{indent: uint8(l.Indent), general: b.text(l.General), special: b.text(l.Special), other: b.text(l.Other),
			quota: b.text(l.Quota), additional: b.text(l.Additional), units: b.unitList(l.Units)}
		if b.descs {
			r.desc = b.text(l.Description)
		}
		if len(l.Footnotes) > 0 {
			if s.notes == nil {
				s.notes = map[int32][]Footnote{}
			}
			s.notes[int32(i)] = l.Footnotes
		}
		if l.Number == "" {
			s.rows[i] = r
			continue
		}
		r.number = b.text(l.Number)
		s.rows[i] = r
		n, err := duty.NormalizeHS(l.Number)
		if err != nil {
			return nil, &FormatError{Row: rowOf(i), Field: "HTS Number", Value: l.Number, Err: err}
		}
		ci, dup := seen[n]
		if !dup {
			ci = int32(len(s.codes))
			seen[n] = ci
			s.codes = append(s.codes, code{n: n, row: int32(i), rate: -1})
		}
		if strings.HasPrefix(n, "99") || l.General == "" || s.codes[ci].rate >= 0 {
			continue
		}
		// also for a line whose rate cannot be read: s.bad says so
		s.codes[ci].rate = int32(len(s.rates))
		s.rates = append(s.rates, b.rateLine(n, r, l))
	}
	slices.SortFunc(s.codes, func(a, b code) int { return strings.Compare(a.n, b.n) })
	s.codes = slices.Clip(s.codes)
	s.rates = slices.Clip(s.rates)
	s.rateN = make(map[string]int32, len(s.rates))
	for i := range s.rates {
		s.rateN[s.rates[i].n] = int32(i)
	}
	words := (len(s.progs) + 63) / 64
	s.progsOf = map[string][]uint64{}
	for i, p := range s.progs {
		for _, o := range p.Origins {
			bits := s.progsOf[o]
			if bits == nil {
				bits = make([]uint64, words)
				s.progsOf[o] = bits
			}
			bits[i/64] |= 1 << (i % 64)
		}
	}
	s.refs = slices.Clip(s.refs)
	s.texts = slices.Clip(s.texts)
	return s, nil
}

// text returns the index of t among the distinct texts, adding a copy of
// it (not the reader's buffer it may share) the first time.
func (b *builder) text(t string) int32 {
	if i, ok := b.textIdx[t]; ok {
		return i
	}
	i := int32(len(b.s.texts))
	t = strings.Clone(t)
	b.s.texts = append(b.s.texts, t)
	b.textIdx[t] = i
	return i
}

func (b *builder) unitList(us []string) int32 {
	if len(us) == 0 {
		return 0
	}
	key := strings.Join(us, "\x00")
	if i, ok := b.unitIdx[key]; ok {
		return i
	}
	i := int32(len(b.s.units))
	cp := make([]string, len(us))
	for j, u := range us {
		cp[j] = b.s.texts[b.text(u)]
	}
	b.s.units = append(b.s.units, cp)
	b.unitIdx[strings.Clone(key)] = i
	return i
}

// val parses a rate text once and returns its index among the values.
func (b *builder) val(t string) (int32, error) {
	if i, ok := b.valIdx[t]; ok {
		return i, nil
	}
	if err, ok := b.valErr[t]; ok {
		return -1, err
	}
	r, err := duty.ParseRate(t)
	if err != nil {
		b.valErr[strings.Clone(t)] = err
		return -1, err
	}
	i := int32(len(b.s.vals))
	b.s.vals = append(b.s.vals, r)
	b.valIdx[strings.Clone(t)] = i
	return i, nil
}

func (b *builder) rateLine(n string, r row, l *Line) rateLine {
	s := b.s
	rl := rateLine{n: n, number: r.number, general: -1, other: -1, generalT: r.general, otherT: r.other,
		special: b.text(strings.Join(strings.Fields(l.Special), " ")), ref0: int32(len(s.refs)), ref1: int32(len(s.refs))}
	g, err := b.val(l.General)
	if err != nil {
		s.bad[n] = &RateTextError{Number: l.Number, Column: "general", Text: l.General, Err: err}
		return rl
	}
	rl.general = g
	if l.Other != "" {
		if o, err := b.val(l.Other); err == nil {
			rl.other = o
		} else {
			e := &RateTextError{Number: l.Number, Column: "other", Text: l.Other, Err: err}
			s.bad[n+"/other"] = e
			for _, c := range column2 {
				s.badFor[n] = append(s.badFor[n], unreadable{c.Origins, e})
			}
		}
	}
	for _, g := range b.groups(l.Special) {
		v, parsed := int32(-1), false
		for _, code := range g.codes {
			pi, ok := b.progIdx[code]
			if !ok {
				continue
			}
			p := s.progs[pi]
			if !parsed {
				if v, err = b.val(g.rate); err != nil {
					e := &RateTextError{Number: l.Number, Column: "special", Text: g.rate, Err: err}
					s.bad[n+"/special/"+g.rate] = e
					for _, code := range g.codes {
						if p, ok := s.cfg.programs[code]; ok && p.Applied {
							s.badFor[n] = append(s.badFor[n], unreadable{p.Origins, e})
						}
					}
					break
				}
				parsed = true
			}
			from := later(s.cfg.effective, p.From)
			if !p.To.IsZero() && !from.IsZero() && p.To.Before(from) {
				continue // the programme ended before this revision
			}
			s.refs = append(s.refs, progRef{prog: pi, val: v})
		}
	}
	rl.ref1 = int32(len(s.refs))
	return rl
}

func later(a, b duty.Date) duty.Date {
	if a.After(b) {
		return a
	}
	return b
}

// errNilSchedule is what the methods of a nil or zero *Schedule return.
var errNilSchedule = &duty.UninitializedError{Type: "*hts.Schedule", Constructor: "hts.ReadCSV or hts.ReadJSON"}

// usable reports whether s was built by a reader.
func (s *Schedule) usable() bool { return s != nil && s.table != nil }

// line rebuilds row i as a Line.
func (s *Schedule) line(i int32) Line {
	r := &s.rows[i]
	l := Line{Number: s.texts[r.number], Indent: int(r.indent), Description: s.texts[r.desc], General: s.texts[r.general],
		Special: s.texts[r.special], Other: s.texts[r.other], Quota: s.texts[r.quota], Additional: s.texts[r.additional],
		Footnotes: s.notes[i]}
	if r.units > 0 {
		l.Units = slices.Clone(s.units[r.units])
	}
	return l
}

// find returns the index in codes of normalized number n.
func (s *Schedule) find(n string) (int, bool) {
	i := sort.Search(len(s.codes), func(i int) bool { return s.codes[i].n >= n })
	return i, i < len(s.codes) && s.codes[i].n == n
}

// rateOf returns the rate line of normalized number n.
func (s *Schedule) rateOf(n string) (int32, bool) {
	i, ok := s.rateN[n]
	return i, ok
}

// Lines returns the rows of the export in file order, built on each call
// (descriptions are empty unless read with KeepDescriptions).
func (s *Schedule) Lines() []Line {
	if !s.usable() {
		return nil
	}
	out := make([]Line, len(s.rows))
	for i := range s.rows {
		out[i] = s.line(int32(i))
	}
	return out
}

// Len returns the number of rows of the export.
func (s *Schedule) Len() int {
	if !s.usable() {
		return 0
	}
	return len(s.rows)
}

// Line returns the row with HTS number hs (dots and spaces ignored).
func (s *Schedule) Line(hs string) (Line, bool) {
	if !s.usable() {
		return Line{}, false
	}
	n, err := duty.NormalizeHS(hs)
	if err != nil {
		return Line{}, false
	}
	i, ok := s.find(n)
	if !ok {
		return Line{}, false
	}
	return s.line(s.codes[i].row), true
}

// Unreadable returns the rate texts that duty.ParseRate could not read,
// sorted by line. Lookups that land on such a line return the error.
func (s *Schedule) Unreadable() []*RateTextError {
	if !s.usable() {
		return nil
	}
	out := make([]*RateTextError, 0, len(s.bad))
	for _, e := range s.bad {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Number != out[j].Number {
			return out[i].Number < out[j].Number
		}
		return out[i].Column < out[j].Column
	})
	return out
}

// Measures returns the measures in force on day on for goods of HTS code
// hs and origin: the general (MFN) rate of the line or of the 8-digit line
// above it, column 2 for the countries it covers, each preference whose
// programme covers origin and is in force, and any layer added with
// AddLayers. A 10-digit code must be a line of the schedule; a code shorter
// than a tariff line resolves when all its lines share one set of rates
// and is an *AmbiguousCodeError otherwise (the calculator resolves such
// codes itself through LinesUnder, and flags them). Other errors are
// *duty.UnknownCodeError, *duty.NoMeasureInForceError and *RateTextError.
func (s *Schedule) Measures(hs, origin string, on duty.Date) ([]duty.Measure, error) {
	if !s.usable() {
		return nil, errNilSchedule
	}
	n, err := headingOrBelow(hs)
	if err != nil {
		return nil, err
	}
	if !s.known(n) {
		return nil, &duty.UnknownCodeError{HS: hs}
	}
	// The line that sets the rate: the longest prefix with a general rate.
	for l := len(n); l >= 4; l-- {
		p := n[:l]
		if _, ok := s.rateOf(p); ok {
			if e, ok := s.bad[p]; ok {
				return nil, e
			}
			return s.lookup(n, p, origin, on)
		}
	}
	// A code above the tariff lines: usable when all lines agree.
	lines := s.rateLinesUnder(n)
	if len(lines) == 0 {
		return nil, &duty.UnknownCodeError{HS: hs}
	}
	first := &s.rates[lines[0]]
	for _, c := range lines[1:] {
		l := &s.rates[c]
		if l.generalT != first.generalT || l.otherT != first.otherT || l.special != first.special {
			amb := &AmbiguousCodeError{HS: hs}
			for _, c := range lines {
				if len(amb.Lines) == 20 {
					amb.More++
					continue
				}
				amb.Lines = append(amb.Lines, s.texts[s.rates[c].number])
			}
			return nil, amb
		}
	}
	if e, ok := s.bad[first.n]; ok {
		return nil, e
	}
	return s.lookup(first.n, first.n, origin, on)
}

// headingOrBelow normalizes hs, a heading (4 digits) or a code below one:
// the schedule holds nothing above headings.
func headingOrBelow(hs string) (string, error) {
	n, err := duty.NormalizeHS(hs)
	if err != nil {
		return "", err
	}
	if len(n) < 4 {
		return "", &duty.InvalidCodeError{HS: hs, Msg: fmt.Sprintf("%d digits: want 4 to 10", len(n))}
	}
	return n, nil
}

// LinesUnder implements duty.LineLister: the lines with a general rate
// below hs (normalized, sorted) when hs lies above the tariff lines (a
// 6-digit subheading divided into 8-digit lines); nil when hs is a tariff
// line or a statistical line below one, or is not in the schedule.
func (s *Schedule) LinesUnder(hs string) ([]string, error) {
	if !s.usable() {
		return nil, errNilSchedule
	}
	n, err := headingOrBelow(hs)
	if err != nil {
		return nil, err
	}
	for l := len(n); l >= 4; l-- {
		if _, ok := s.rateOf(n[:l]); ok {
			return nil, nil
		}
	}
	under := s.rateLinesUnder(n)
	if len(under) == 0 {
		return nil, nil
	}
	out := make([]string, len(under))
	for i, r := range under {
		out[i] = s.rates[r].n
	}
	return out, nil
}

// pick is a measure lookup keeps, before it is built: a general rate
// (col < 0, ref < 0), a column 2 rate (col, the column2 entry) or a
// preference (ref, the refs index) of rate line rl.
type pick struct {
	rl, col, ref int32
}

// kindProgram is the kind and programme of a pick: a longer prefix's
// measure of one kind and programme displaces a shorter one's.
func (s *Schedule) kindProgram(p pick) (duty.MeasureKind, string) {
	switch {
	case p.ref >= 0:
		return duty.Preferential, s.progs[s.refs[p.ref].prog].Code
	case p.col >= 0:
		return duty.MFN, "column2"
	}
	return duty.MFN, ""
}

// lookup builds the measures of code n, whose rate is set on rateLine,
// failing when a rate of the line that would apply to origin could not be
// read. As in duty.Table, measures on every rate-carrying prefix of n
// count, a longer prefix's measure of one kind and programme displacing a
// shorter one's; layers come from the layer table, and only when a duty
// of the line is in force.
//
// The measures kept are chosen first from the rows' indexes and only
// they are built, into a slice of their exact size.
func (s *Schedule) lookup(n, rateLine, origin string, on duty.Date) ([]duty.Measure, error) {
	for _, u := range s.badFor[rateLine] {
		for _, o := range u.origins {
			if o == origin || origin == "" {
				return nil, u.err
			}
		}
	}
	var (
		buf     [16]pick
		picks   = buf[:0]
		inForce bool
	)
	eff := s.cfg.effective
	progBits := s.progsOf[origin]
	// keep adds p when it is in force on the day, covers origin and no
	// longer prefix (picks[:longer]) has a measure of its kind and programme.
	keep := func(p pick, from, to duty.Date, covers bool, longer int) {
		if !from.IsZero() && on.Before(from) || !to.IsZero() && on.After(to) {
			return
		}
		inForce = true
		if origin != "" && !covers {
			return
		}
		k, prog := s.kindProgram(p)
		for _, q := range picks[:longer] {
			if qk, qprog := s.kindProgram(q); qk == k && qprog == prog {
				return
			}
		}
		picks = append(picks, p)
	}
	for l := len(n); l >= 4; l-- {
		ri, ok := s.rateOf(n[:l])
		if !ok || s.rates[ri].general < 0 {
			continue
		}
		rl := &s.rates[ri]
		longer := len(picks)
		keep(pick{rl: ri, col: -1, ref: -1}, eff, duty.Date{}, true, longer)
		if rl.other >= 0 {
			for ci, c := range column2 {
				keep(pick{rl: ri, col: int32(ci), ref: -1}, later(eff, c.From), duty.Date{},
					len(c.Origins) == 0 || slices.Contains(c.Origins, origin), longer)
			}
		}
		for r := rl.ref0; r < rl.ref1; r++ {
			pi := int(s.refs[r].prog)
			p := &s.progs[pi]
			covered := len(p.Origins) == 0 || progBits != nil && progBits[pi/64]&(1<<(pi%64)) != 0
			keep(pick{rl: ri, col: -1, ref: r}, later(eff, p.From), p.To, covered, longer)
		}
	}
	// Without a duty of the line in force there is nothing to layer on.
	if !inForce {
		return nil, &duty.NoMeasureInForceError{HS: n, Date: on}
	}
	var layers []duty.Measure
	if s.layers > 0 {
		if ls, err := s.table.Measures(n, origin, on); err == nil {
			layers = ls
		}
	}
	out := make([]duty.Measure, len(picks), len(picks)+len(layers))
	for i, p := range picks {
		rl := &s.rates[p.rl]
		switch {
		case p.ref >= 0:
			ref := s.refs[p.ref]
			pr := &s.progs[ref.prog]
			out[i] = duty.Measure{Kind: duty.Preferential, Rate: s.vals[ref.val], Program: pr.Code, Origins: pr.Origins,
				From: later(eff, pr.From), To: pr.To, Source: s.labels.special[ref.prog], HS: rl.n}
		case p.col >= 0:
			c := &column2[p.col]
			out[i] = duty.Measure{Kind: duty.MFN, Rate: s.vals[rl.other], Program: "column2", Origins: c.Origins,
				From: later(eff, c.From), Source: s.labels.column2, HS: rl.n}
		default:
			out[i] = duty.Measure{Kind: duty.MFN, Rate: s.vals[rl.general], From: eff, Source: s.labels.general, HS: rl.n}
		}
	}
	out = append(out, layers...)
	slices.SortStableFunc(out, func(a, b duty.Measure) int {
		if a.Kind != b.Kind {
			return int(a.Kind) - int(b.Kind)
		}
		return strings.Compare(a.Program, b.Program)
	})
	return out, nil
}

// known reports whether n is a line of the schedule or a prefix of one.
func (s *Schedule) known(n string) bool {
	i, _ := s.find(n)
	return i < len(s.codes) && strings.HasPrefix(s.codes[i].n, n)
}

// rateLinesUnder returns the rate lines below n, by number.
func (s *Schedule) rateLinesUnder(n string) []int32 {
	var out []int32
	i, _ := s.find(n)
	for ; i < len(s.codes) && strings.HasPrefix(s.codes[i].n, n); i++ {
		if r := s.codes[i].rate; r >= 0 {
			out = append(out, r)
		}
	}
	return out
}
