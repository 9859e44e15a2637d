package uktt

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/jsonpath"
	"github.com/iorkit/iorkit/internal/limits"
	"github.com/shopspring/decimal"
)

// ErrInvalidDocument is matched by every error of the readers of this
// package.
var ErrInvalidDocument = errors.New("uktt: invalid tariff document")

// DocumentError reports a document that cannot be read: which one, where
// (a JSON path such as "import_measures[3].duty_expression.base") and why.
// It matches ErrInvalidDocument.
type DocumentError struct {
	Document string // commodity code or file kind
	Path     string
	Value    string
	Err      error
}

func (e *DocumentError) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("uktt: %s: %v", e.Document, e.Err)
	}
	return fmt.Sprintf("uktt: %s, %s = %q: %v", e.Document, e.Path, jsonpath.Clip(e.Value), e.Err)
}

// Is reports whether target is ErrInvalidDocument.
func (e *DocumentError) Is(target error) bool { return target == ErrInvalidDocument }

// Unwrap returns the cause.
func (e *DocumentError) Unwrap() error { return e.Err }

// ErrAdditionalCodeRequired is matched by *AdditionalCodeError.
var ErrAdditionalCodeRequired = errors.New("uktt: additional code required")

// AdditionalCodeError reports a lookup whose duty depends on an additional
// code the goods were not given: the tariff sets one rate per code (two
// third-country duties for 2924297099, say: 2500 for pharmaceutical
// substances on the INN list, 2501 for the others; or anti-dumping duties
// per exporter). The schedule does not choose: give the goods' code with
// WithAdditionalCodes or MeasuresFor. It matches ErrAdditionalCodeRequired.
type AdditionalCodeError struct {
	HS      string
	Origin  string
	Type    string // measure type, e.g. "103 Third country duty"
	Choices []CodeChoice
}

// CodeChoice is one additional code the tariff sets a rate for.
type CodeChoice struct {
	Code        string
	Description string
	Rate        duty.Rate
}

func (e *AdditionalCodeError) Error() string {
	return fmt.Sprintf("uktt: %s (origin %s): measure %s depends on the additional code of the goods: %s", e.HS, e.Origin, e.Type, choicesText(e.Choices))
}

// choicesText lists the codes with their rates and descriptions.
func choicesText(cs []CodeChoice) string {
	var sb strings.Builder
	for i, c := range cs {
		if i > 0 {
			sb.WriteString("; ")
		}
		fmt.Fprintf(&sb, "%s = %s", c.Code, c.Rate)
		if c.Description != "" {
			fmt.Fprintf(&sb, " (%s)", jsonpath.ClipTo(c.Description, 60))
		}
	}
	return sb.String()
}

// Is reports whether target is ErrAdditionalCodeRequired.
func (e *AdditionalCodeError) Is(target error) bool { return target == ErrAdditionalCodeRequired }

// RateError reports a measure a lookup needs (a third-country or an
// additional duty) whose duty expression the rate grammar cannot read. It
// unwraps to the grammar's error (duty.ErrInvalidRate).
type RateError struct {
	HS, Type, Source, Expr string
	Err                    error
}

func (e *RateError) Error() string {
	return fmt.Sprintf("uktt: %s: measure %s has the duty expression %q, which cannot be read: %v (%s)", e.HS, e.Type, e.Expr, e.Err, e.Source)
}

// Unwrap returns the grammar's error.
func (e *RateError) Unwrap() error { return e.Err }

// ErrFiltered is matched by *FilteredError.
var ErrFiltered = errors.New("uktt: document filtered to another origin")

// FilteredError reports a lookup for an origin the commodity's document
// does not cover: it was fetched for one origin only (FilteredTo).
type FilteredError struct {
	HS, Origin, Filter string
}

func (e *FilteredError) Error() string {
	return fmt.Sprintf("uktt: the document for %s lists the measures for origin %s only, not for origin %q: fetch it without the filter", e.HS, e.Filter, e.Origin)
}

// Is reports whether target is ErrFiltered.
func (e *FilteredError) Is(target error) bool { return target == ErrFiltered }

// Service is one of the two services of the Online Trade Tariff.
type Service string

// The services. UK is the tariff of Great Britain (amounts in GBP); XI is
// the tariff applied in Northern Ireland, which publishes the EU's
// measures (amounts in EUR).
const (
	UK Service = "uk"
	XI Service = "xi"
)

// Currency returns the currency of the service's amounts: GBP for UK, EUR
// for XI.
func (v Service) Currency() string {
	if v == XI {
		return "EUR"
	}
	return "GBP"
}

// Name returns how sources name the service.
func (v Service) Name() string {
	if v == XI {
		return "XI service (EU measures as applied in Northern Ireland)"
	}
	return "UK service"
}

// ParseService reads "uk" or "xi" (any case).
func ParseService(s string) (Service, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "uk", "gb":
		return UK, nil
	case "xi":
		return XI, nil
	}
	return "", fmt.Errorf("uktt: service %q: want uk or xi", s)
}

// Option configures a Schedule.
type Option func(*Schedule)

// WithExchangeRates gives the monthly EUR to GBP rates used to convert EUR
// amounts of duty expressions of the UK service (see ReadExchangeRates).
// The conversion happens at lookup, with the rate of the day looked up.
func WithExchangeRates(rates []ExchangeRate) Option {
	return func(s *Schedule) {
		s.rates = append([]ExchangeRate(nil), rates...)
		sort.SliceStable(s.rates, func(i, j int) bool { return s.rates[i].From.Before(s.rates[j].From) })
	}
}

// WithAreas gives the members of area groups (see ReadAreas), used when a
// commodity document names a group without listing its members.
func WithAreas(groups map[string][]string) Option {
	return func(s *Schedule) {
		for k, v := range groups {
			s.areas[k] = append([]string(nil), v...)
		}
	}
}

// WithAdditionalCodes gives the additional codes of the goods by commodity
// code (e.g. "2924297099": {"2501"}), for measures the tariff sets per
// additional code. Without them such a lookup is an *AdditionalCodeError.
func WithAdditionalCodes(byCode map[string][]string) Option {
	return func(s *Schedule) {
		for k, v := range byCode {
			if n, err := duty.NormalizeHS(k); err == nil {
				s.codes[n] = append(s.codes[n], v...)
			}
		}
	}
}

// RequireAdditionalCodes makes a lookup whose duty depends on an
// additional code the goods were not given an *AdditionalCodeError. By
// default the highest of the rates is used, flagged duty.AdditionalCode
// (a warning on the quote; strict mode refuses it), and the error is kept
// for rates that cannot be compared without the goods' value.
func RequireAdditionalCodes() Option { return func(s *Schedule) { s.askCodes = true } }

// ForService says which service the documents come from: UK (the default)
// or XI. Documents that say they come from the other service are refused,
// and sources name the service.
func ForService(v Service) Option { return func(s *Schedule) { s.service = v } }

// Source sets the text every measure's Source starts with. Default: "UK
// Online Trade Tariff".
func Source(src string) Option { return func(sc *Schedule) { sc.source = src } }

// MaxDocumentSize sets the largest document a reader accepts, in bytes
// (default DefaultMaxDocumentSize). A longer input is an error matching
// duty.ErrInputLimit, so an endless or hostile reader cannot exhaust
// memory.
func MaxDocumentSize(n int64) Option { return func(s *Schedule) { s.maxSize = n } }

// DefaultMaxDocumentSize is the largest document read unless
// MaxDocumentSize says otherwise (64 MiB, limits.UKTTBytes). The largest
// commodity responses of the Online Trade Tariff are a few hundred KB.
const DefaultMaxDocumentSize = limits.UKTTBytes

// MaxFieldSize is the longest JSON string a document may hold: 1 MiB. The
// longest in real responses are chapter notes of about 24 KB.
const MaxFieldSize = 1 << 20

// Schedule is the UK (or Northern Ireland) tariff as a duty.Schedule,
// built from commodity documents of the Online Trade Tariff (AddCommodity):
// third-country duty (MFN), tariff preferences by geographical area
// (groups expanded to their member countries, excluded countries removed),
// and additional duties (safeguard, retaliatory, anti-dumping and
// countervailing). Each measure is stored once; EUR amounts of the UK
// service are converted to GBP at lookup with the tariff's rate of the
// month looked up.
//
// Measures set per additional code are applied only for the codes of the
// goods (WithAdditionalCodes, MeasuresFor); when the goods have none, the
// highest rate is returned with Caveat duty.AdditionalCode (a warning on
// the quote, an error in strict mode), or an *AdditionalCodeError when the
// rates cannot be compared or RequireAdditionalCodes is set: never a
// silent choice.
//
// What a lookup cannot decide is reported by Notes, not applied: tariff
// quotas (they need an allocation), suspensions and end-use reliefs (they
// cover only goods described in footnotes or need an authorisation) and
// the conditions of a measure in use (a document that waives or grants
// it). The measures returned carry them as their Caveat
// (duty.TariffQuota, duty.MeasureCondition) and Note, so a quote priced
// from the schedule shows them as warnings. VAT and excise (taxes, not
// duties) and controls are left out; Skipped lists them.
//
// A Schedule is safe for concurrent lookups once filled.
type Schedule struct {
	service  Service
	source   string
	maxSize  int64
	rates    []ExchangeRate
	areas    map[string][]string
	codes    map[string][]string // commodity code -> the goods' additional codes
	askCodes bool
	byCode   map[string][]entry
	filters  map[string]string    // commodity code -> the only origin its document covers
	days     map[string]duty.Date // commodity code -> the day its document is as of
	count    int
	skipped  []Skipped
}

// role is what an entry does in a lookup.
type role uint8

const (
	applied role = iota // a duty measure (possibly per additional code)
	quota               // a tariff quota: reported
	relief              // a suspension or end-use relief: reported
)

// entry is one measure of a document, stored once.
type entry struct {
	m        duty.Measure
	role     role
	typ      string // measure type id and description
	addCode  string
	addDesc  string
	foreign  string // currency of amounts to convert at lookup ("" none)
	conds    string // summary of the measure's conditions ("" none)
	area     string // area id and description
	expr     string // the duty expression as published
	perr     error  // why expr cannot be read (nil: Rate holds it)
	order    string // quota order number
	quotaTxt string // quota definition summary
}

// Skipped is a measure of a document that was not turned into a duty
// measure, and why.
type Skipped struct {
	Commodity string
	Type      string // measure type id and description
	Area      string
	Reason    string
}

// NewSchedule returns an empty Schedule.
func NewSchedule(opts ...Option) *Schedule {
	s := &Schedule{service: UK, source: "UK Online Trade Tariff", maxSize: DefaultMaxDocumentSize,
		areas: map[string][]string{}, codes: map[string][]string{}, byCode: map[string][]entry{}, filters: map[string]string{}, days: map[string]duty.Date{}}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Service returns the service the schedule reads.
func (s *Schedule) Service() Service {
	if s == nil {
		return ""
	}
	return s.service
}

// errNilSchedule is what the methods of a nil or zero *Schedule return.
var errNilSchedule = &duty.UninitializedError{Type: "*uktt.Schedule", Constructor: "uktt.NewSchedule"}

// usable reports whether s was built by NewSchedule.
func (s *Schedule) usable() bool { return s != nil && s.byCode != nil }

// Skipped returns the measures not turned into duty measures, with why.
func (s *Schedule) Skipped() []Skipped {
	if s == nil {
		return nil
	}
	return append([]Skipped(nil), s.skipped...)
}

// Len returns the number of measures stored (each once, whatever the
// number of exchange rates).
func (s *Schedule) Len() int {
	if s == nil {
		return 0
	}
	return s.count
}

// Edition names what the schedule holds, for a data version label
// (ior.WithDataVersion): the service and the days its documents are as of,
// e.g. "UK Online Trade Tariff, UK service, 12 codes as of 2025-02-11 to
// 2025-03-10".
func (s *Schedule) Edition() string {
	var lo, hi duty.Date
	for _, d := range s.days {
		if d.IsZero() {
			continue
		}
		if lo.IsZero() || d.Before(lo) {
			lo = d
		}
		if hi.IsZero() || d.After(hi) {
			hi = d
		}
	}
	out := fmt.Sprintf("%s, %s, %d codes", s.source, s.service.Name(), len(s.byCode))
	if len(s.byCode) == 1 {
		out = strings.TrimSuffix(out, "s")
	}
	switch {
	case lo.IsZero():
	case lo == hi:
		out += " as of " + lo.String()
	default:
		out += " as of " + lo.String() + " to " + hi.String()
	}
	return out
}

// Codes returns the commodity codes the schedule holds, sorted.
func (s *Schedule) Codes() []string {
	if s == nil {
		return nil
	}
	out := make([]string, 0, len(s.byCode))
	for c := range s.byCode {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// Measures returns the measures in force on day on for goods of commodity
// code hs (10 digits, dots and spaces ignored) and origin, with the
// additional codes given by WithAdditionalCodes. Errors: *duty.UnknownCodeError
// for a code the schedule holds no document for, *duty.NoMeasureInForceError,
// *FilteredError for an origin a filtered document does not cover,
// *AdditionalCodeError when the duty depends on an additional code the
// goods were not given and the rates cannot be compared (see Schedule).
func (s *Schedule) Measures(hs, origin string, on duty.Date) ([]duty.Measure, error) {
	ms, _, err := s.lookup(hs, origin, on, nil)
	return ms, err
}

// MeasuresFor is Measures with more additional codes of the goods (e.g.
// the code of an exporter named in an anti-dumping measure, or 2501 for a
// chemical not on the INN list).
func (s *Schedule) MeasuresFor(hs, origin string, on duty.Date, additionalCodes ...string) ([]duty.Measure, error) {
	ms, _, err := s.lookup(hs, origin, on, additionalCodes)
	return ms, err
}

// Note is something a lookup could not decide and did not apply: a tariff
// quota, a suspension or relief, or a condition of a measure in use.
type Note struct {
	Code    string // NoteQuota, NoteRelief or NoteCondition
	Type    string // measure type id and description
	Rate    string // the rate the quota or relief would give ("" for a condition)
	Message string
	Source  string
}

// Note codes.
const (
	// NoteQuota: a tariff quota at a lower rate may be open for the goods;
	// it needs an allocation the quote cannot know of.
	NoteQuota = "TARIFF_QUOTA"
	// NoteRelief: a suspension or an end-use relief may lower the duty for
	// some goods of the code (described in its footnotes) or with an
	// authorisation.
	NoteRelief = "DUTY_RELIEF"
	// NoteCondition: a measure in use has conditions (a document that
	// grants or waives it) the quote cannot check.
	NoteCondition = "MEASURE_CONDITION"
)

// Notes returns what a lookup of the same arguments as MeasuresFor could
// not decide: quotas and reliefs covering the origin, and the conditions
// of the measures returned. The quote applies none of them; a caller shows
// them (they are the warnings of a quote priced from this schedule).
func (s *Schedule) Notes(hs, origin string, on duty.Date, additionalCodes ...string) ([]Note, error) {
	_, notes, err := s.lookup(hs, origin, on, additionalCodes)
	return notes, err
}

func (s *Schedule) lookup(hs, origin string, on duty.Date, extra []string) ([]duty.Measure, []Note, error) {
	if !s.usable() {
		return nil, nil, errNilSchedule
	}
	n, err := duty.NormalizeHS(hs)
	if err != nil {
		return nil, nil, err
	}
	es, ok := s.byCode[n]
	if !ok {
		return nil, nil, &duty.UnknownCodeError{HS: hs}
	}
	if f, ok := s.filters[n]; ok && f != origin {
		return nil, nil, &FilteredError{HS: hs, Origin: origin, Filter: f}
	}
	goods := s.codes[n]
	if len(extra) > 0 {
		goods = append(append([]string(nil), goods...), extra...)
	}
	var (
		out      []duty.Measure
		notes    []Note
		inForce  bool
		undecide map[string][]*entry // measure type -> coded entries no code of the goods matches
		decided  map[string]bool     // measure types a code of the goods matched
		mfnHere  bool                // an uncoded MFN measure naming the origin
	)
	for i := range es {
		e := &es[i]
		if !e.m.InForce(on) {
			continue
		}
		inForce = true
		if origin != "" && !e.m.Covers(origin) {
			continue
		}
		if e.perr != nil {
			if e.role == applied && e.m.Kind != duty.Preferential && (e.addCode == "" || contains(goods, e.addCode)) {
				return nil, nil, &RateError{HS: hs, Type: e.typ, Source: e.m.Source, Expr: e.expr, Err: e.perr}
			}
			if e.addCode == "" || contains(goods, e.addCode) {
				notes = append(notes, Note{Code: NoteCondition, Type: e.typ, Rate: e.expr, Source: e.m.Source,
					Message: fmt.Sprintf("%s (%s) %q: the duty expression cannot be read (%v); not applied", e.typ, e.area, e.expr, e.perr)})
			}
			continue
		}
		switch e.role {
		case quota:
			notes = append(notes, Note{Code: NoteQuota, Type: e.typ, Rate: s.rateOn(e, on).Rate.String(), Source: e.m.Source,
				Message: fmt.Sprintf("tariff quota %s at %s for origin %s applies only within an allocation; not applied%s%s",
					e.order, s.rateOn(e, on).Rate, origOr(origin), e.quotaTxt, condText(e.conds))})
			continue
		case relief:
			notes = append(notes, Note{Code: NoteRelief, Type: e.typ, Rate: s.rateOn(e, on).Rate.String(), Source: e.m.Source,
				Message: fmt.Sprintf("%s at %s: only for the goods its footnotes describe or under an authorisation; not applied%s",
					e.typ, s.rateOn(e, on).Rate, condText(e.conds))})
			continue
		}
		if e.m.Kind == duty.Preferential && e.conds != "" {
			// A preference granted only with a document the quote cannot
			// check (a re-import, an agreement's own claim form): reported,
			// not claimed.
			notes = append(notes, Note{Code: NoteCondition, Type: e.typ, Rate: s.rateOn(e, on).Rate.String(), Source: e.m.Source,
				Message: fmt.Sprintf("%s (%s) at %s applies only under conditions the quote cannot check; not applied%s",
					e.typ, e.area, s.rateOn(e, on).Rate, condText(e.conds))})
			continue
		}
		if e.addCode != "" {
			switch {
			case contains(goods, e.addCode):
				if decided == nil {
					decided = map[string]bool{}
				}
				decided[e.typ] = true
			case sameCodeType(goods, e.addCode):
				continue // the goods have another code of this type
			default:
				if undecide == nil {
					undecide = map[string][]*entry{}
				}
				undecide[e.typ] = append(undecide[e.typ], e)
				continue
			}
		} else if e.m.Kind == duty.MFN && len(e.m.Origins) > 0 {
			mfnHere = true
		}
		c := s.rateOn(e, on)
		out = append(out, c)
		if e.conds != "" {
			notes = append(notes, Note{Code: NoteCondition, Type: e.typ, Source: c.Source,
				Message: fmt.Sprintf("%s %s applied; it has conditions the quote cannot check: %s", e.typ, c.Rate, e.conds)})
		}
	}
	if !inForce {
		return nil, nil, &duty.NoMeasureInForceError{HS: hs, Date: on}
	}
	types := make([]string, 0, len(undecide))
	for t := range undecide {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		if decided[t] {
			continue
		}
		es := undecide[t]
		if es[0].m.Kind == duty.MFN && mfnHere {
			continue // the origin's own third-country duty needs no code
		}
		ae := &AdditionalCodeError{HS: hs, Origin: origin, Type: t}
		for _, e := range es {
			ae.Choices = append(ae.Choices, CodeChoice{Code: e.addCode, Description: e.addDesc, Rate: s.rateOn(e, on).Rate})
		}
		best := highest(ae.Choices)
		if s.askCodes || best < 0 {
			return nil, nil, ae
		}
		m := s.rateOn(es[best], on)
		m.Caveat = duty.AdditionalCode
		m.Note = fmt.Sprintf("the rate depends on the goods' additional code, not given: the highest is charged (%s); give the code with uktt.WithAdditionalCodes",
			choicesText(ae.Choices))
		out = append(out, m)
	}
	attachNotes(out, notes)
	sortMeasures(out)
	return out, notes, nil
}

// highest returns the index of the choice with the highest rate when every
// rate is a plain percentage (or free), -1 when they cannot be compared
// without the goods' value and quantities.
func highest(cs []CodeChoice) int {
	best := -1
	var top decimal.Decimal
	for i, c := range cs {
		p, ok := c.Rate.AdValorem()
		if !ok {
			if !c.Rate.IsFree() {
				return -1
			}
			p = decimal.Zero
		}
		if best < 0 || p.GreaterThan(top) {
			best, top = i, p
		}
	}
	return best
}

// attachNotes makes the notes of a lookup warnings of the measures a quote
// may use (duty.Measure.Caveat and Note): a condition of a measure on the
// measure itself; quotas, reliefs and conditional preferences, which
// concern the line, on every MFN and preferential measure, so the one the
// quote charges carries them.
func attachNotes(ms []duty.Measure, notes []Note) {
	var line []Note
	for _, n := range notes {
		if n.Rate == "" { // a condition of a measure in use
			for i := range ms {
				if ms[i].Source == n.Source {
					addCaveat(&ms[i], duty.MeasureCondition, n.Message)
				}
			}
			continue
		}
		line = append(line, n)
	}
	if len(line) == 0 {
		return
	}
	for i := range ms {
		if ms[i].Kind == duty.Additional {
			continue
		}
		for _, n := range line {
			code := duty.MeasureCondition
			if n.Code == NoteQuota {
				code = duty.TariffQuota
			}
			addCaveat(&ms[i], code, n.Message)
		}
	}
}

// addCaveat sets the measure's Caveat when it has none, and adds msg to its
// Note.
func addCaveat(m *duty.Measure, code duty.WarningCode, msg string) {
	if m.Caveat == "" {
		m.Caveat = code
	}
	if m.Note == "" {
		m.Note = msg
		return
	}
	m.Note += "; also: " + msg
}

// rateOn returns the entry's measure with foreign amounts converted at the
// tariff's rate for day on (unchanged when no rate is known for it: the
// calculator then converts, or refuses, with the engine's rates).
func (s *Schedule) rateOn(e *entry, on duty.Date) duty.Measure {
	if e.foreign != "EUR" || len(s.rates) == 0 {
		return e.m
	}
	r, ok := s.eurRate(on)
	if !ok {
		return e.m
	}
	rate, err := duty.ParseRate(inGBP(e.m.Rate.String(), r.Rate))
	if err != nil {
		return e.m
	}
	m := e.m
	m.Rate = rate
	m.Source += fmt.Sprintf("; EUR converted at %s GBP (tariff rate from %s)", r.Rate, r.From)
	return m
}

// eurRate finds the rate in force on day on: the last starting on or
// before it, within its month or until the next one starts.
func (s *Schedule) eurRate(on duty.Date) (ExchangeRate, bool) {
	i := sort.Search(len(s.rates), func(i int) bool { return s.rates[i].From.After(on) }) - 1
	if i < 0 {
		return ExchangeRate{}, false
	}
	r := s.rates[i]
	if !on.Before(r.From.AddDate(0, 1, 0)) {
		return ExchangeRate{}, false // past the month the rate was published for
	}
	return r, true
}

func sortMeasures(ms []duty.Measure) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Kind != ms[j].Kind {
			return ms[i].Kind < ms[j].Kind
		}
		return ms[i].Program < ms[j].Program
	})
}

// sameCodeType reports whether one of codes is of the type of code (its
// first character: 2 for the codes of third-country duties, B or C for
// anti-dumping exporters...).
func sameCodeType(codes []string, code string) bool {
	for _, c := range codes {
		if c != "" && code != "" && c[0] == code[0] {
			return true
		}
	}
	return false
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func origOr(o string) string {
	if o == "" {
		return "any"
	}
	return o
}

func condText(c string) string {
	if c == "" {
		return ""
	}
	return "; conditions: " + c
}

// date reads the day of a tariff date ("2021-01-01" or
// "2021-01-01T00:00:00.000Z"; the end date "2025-06-19T23:59:59.000Z" is
// the last day in force). Empty is zero (open).
func date(s string) (duty.Date, error) {
	if s == "" {
		return duty.Date{}, nil
	}
	if len(s) >= 10 {
		return duty.ParseDate(s[:10])
	}
	return duty.Date{}, errors.New("want YYYY-MM-DD")
}

var reEUR = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)\s*EUR\b`)

// inGBP rewrites EUR amounts of a duty expression in GBP at rate.
func inGBP(expr string, rate decimal.Decimal) string {
	return reEUR.ReplaceAllStringFunc(expr, func(m string) string {
		sub := reEUR.FindStringSubmatch(m)
		d, err := decimal.NewFromString(sub[1])
		if err != nil {
			return m
		}
		return d.Mul(rate).String() + " GBP"
	})
}

// readAll reads at most max bytes of r and checks that no JSON string in
// them is longer than MaxFieldSize; more is a *DocumentError wrapping a
// *duty.LimitError.
func readAll(r io.Reader, max int64, doc string) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxDocumentSize
	}
	b, err := limits.ReadAll(r, max, "uktt "+doc)
	if err == nil {
		err = limits.JSONStrings(b, MaxFieldSize, "uktt "+doc)
	}
	if err != nil {
		return nil, &DocumentError{Document: doc, Err: err}
	}
	return b, nil
}
