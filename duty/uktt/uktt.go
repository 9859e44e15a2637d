package uktt

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"

	"github.com/iorkit/iorkit/duty"
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
	return fmt.Sprintf("uktt: %s, %s = %q: %v", e.Document, e.Path, e.Value, e.Err)
}

// Is reports whether target is ErrInvalidDocument.
func (e *DocumentError) Is(target error) bool { return target == ErrInvalidDocument }

// Unwrap returns the cause.
func (e *DocumentError) Unwrap() error { return e.Err }

// ExchangeRate is one monthly EUR to GBP rate of the tariff: from From on,
// 1 EUR = Rate GBP, until the next rate starts.
type ExchangeRate struct {
	From duty.Date
	Rate decimal.Decimal
}

// ReadExchangeRates reads the tariff's monthly exchange rates (the JSON
// array of {attributes: {child_monetary_unit_code, exchange_rate,
// validity_start_date}} of /api/v2/monetary_exchange_rates). Rates for
// other currencies than GBP are ignored. The result is sorted by date.
func ReadExchangeRates(r io.Reader) ([]ExchangeRate, error) {
	var raw []struct {
		Attributes struct {
			Child string `json:"child_monetary_unit_code"`
			Rate  string `json:"exchange_rate"`
			Start string `json:"validity_start_date"`
		} `json:"attributes"`
	}
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, &DocumentError{Document: "exchange rates", Err: err}
	}
	var out []ExchangeRate
	for i, x := range raw {
		a := x.Attributes
		if a.Child != "GBP" {
			continue
		}
		path := fmt.Sprintf("[%d].attributes", i)
		d, err := duty.ParseDecimal(a.Rate)
		if err != nil || !d.IsPositive() {
			return nil, &DocumentError{Document: "exchange rates", Path: path + ".exchange_rate", Value: a.Rate, Err: errors.New("want a positive decimal")}
		}
		t, err := date(a.Start)
		if err != nil || t.IsZero() {
			return nil, &DocumentError{Document: "exchange rates", Path: path + ".validity_start_date", Value: a.Start, Err: errors.New("want a date")}
		}
		out = append(out, ExchangeRate{From: t, Rate: d})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].From.Before(out[j].From) })
	return out, nil
}

type area struct {
	ID       string `json:"id"`
	AreaID   string `json:"geographical_area_id"`
	Desc     string `json:"description"`
	Children []area `json:"children_geographical_areas"`
}

func (a area) id() string {
	if a.AreaID != "" {
		return a.AreaID
	}
	return a.ID
}

// ReadAreas reads geographical area documents: one area group (such as
// /api/v2/geographical_areas/1013, the EU) or an array of areas, and
// returns the member countries of each group by its id.
func ReadAreas(r io.Reader) (map[string][]string, error) {
	var raw json.RawMessage
	if err := json.NewDecoder(r).Decode(&raw); err != nil {
		return nil, &DocumentError{Document: "geographical areas", Err: err}
	}
	var list []area
	if len(raw) > 0 && raw[0] == '[' {
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, &DocumentError{Document: "geographical areas", Err: err}
		}
	} else {
		var one area
		if err := json.Unmarshal(raw, &one); err != nil {
			return nil, &DocumentError{Document: "geographical areas", Err: err}
		}
		list = []area{one}
	}
	out := map[string][]string{}
	for _, a := range list {
		if len(a.Children) > 0 {
			out[a.id()] = childIDs(a.Children)
		}
	}
	return out, nil
}

func childIDs(cs []area) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		if id := c.id(); duty.ValidCountry(id) {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

// Option configures a Schedule.
type Option func(*Schedule)

// WithExchangeRates gives the monthly EUR to GBP rates used to convert EUR
// amounts of duty expressions (see ReadExchangeRates).
func WithExchangeRates(rates []ExchangeRate) Option {
	return func(s *Schedule) {
		s.rates = append([]ExchangeRate(nil), rates...)
		sort.Slice(s.rates, func(i, j int) bool { return s.rates[i].From.Before(s.rates[j].From) })
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

// Source sets the text every measure's Source starts with. Default: "UK
// Online Trade Tariff".
func Source(s string) Option { return func(sc *Schedule) { sc.source = s } }

// Schedule is the UK tariff as a duty.Schedule, built from commodity
// documents of the Online Trade Tariff (AddCommodity): third-country duty
// (MFN), tariff preferences by geographical area (groups expanded to their
// member countries, excluded countries removed), and additional duties
// (safeguard, retaliatory, anti-dumping and countervailing). EUR amounts
// are converted to GBP with the tariff's monthly rate for each month.
// Measures that need an additional code (company-specific anti-dumping
// rates) apply only when the code is given to MeasuresFor.
//
// Not turned into duty measures: tariff quotas and suspensions (they need
// a licence or an authorisation), VAT and excise (taxes, not duties), and
// controls and prohibitions. Skipped lists them.
//
// A Schedule is safe for concurrent lookups once filled.
type Schedule struct {
	source  string
	rates   []ExchangeRate
	areas   map[string][]string
	table   *duty.Table
	coded   map[string][]codedMeasure // code -> measures needing an additional code
	skipped []Skipped
}

type codedMeasure struct {
	code    string
	measure duty.Measure
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
	s := &Schedule{source: "UK Online Trade Tariff", areas: map[string][]string{}, table: duty.NewTable(), coded: map[string][]codedMeasure{}}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Skipped returns the measures not turned into duty measures, with why.
func (s *Schedule) Skipped() []Skipped {
	if s == nil {
		return nil
	}
	return append([]Skipped(nil), s.skipped...)
}

// errNilSchedule is what the methods of a nil or zero *Schedule return.
var errNilSchedule = &duty.UninitializedError{Type: "*uktt.Schedule", Constructor: "uktt.NewSchedule"}

// usable reports whether s was built by NewSchedule.
func (s *Schedule) usable() bool { return s != nil && s.table != nil }

// Measures returns the measures in force on day on for goods of commodity
// code hs (10 digits, as the documents give them) and origin. It is
// MeasuresFor without additional codes.
func (s *Schedule) Measures(hs, origin string, on duty.Date) ([]duty.Measure, error) {
	return s.MeasuresFor(hs, origin, on)
}

// MeasuresFor is Measures with the additional codes of the goods (e.g. the
// TARIC code of an exporter named in an anti-dumping measure): measures set
// for one of those codes are added.
func (s *Schedule) MeasuresFor(hs, origin string, on duty.Date, additionalCodes ...string) ([]duty.Measure, error) {
	if !s.usable() {
		return nil, errNilSchedule
	}
	ms, err := s.table.Measures(hs, origin, on)
	if err != nil || len(additionalCodes) == 0 {
		return ms, err
	}
	n, _ := duty.NormalizeHS(hs)
	for _, c := range additionalCodes {
		for _, cm := range s.coded[n] {
			if cm.code == c && cm.measure.InForce(on) && (origin == "" || cm.measure.Covers(origin)) {
				ms = append(ms, cm.measure)
			}
		}
	}
	return ms, nil
}

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

// periods splits [from, to] (zero: open) by the months of the exchange
// rates: each piece with the rate in force, ok false where none is known.
// A rate holds for its month, or until the next rate if that starts sooner.
func (s *Schedule) periods(from, to duty.Date) []ratePeriod {
	var out []ratePeriod
	cur := from
	for i, r := range s.rates {
		end := r.From.AddDate(0, 1, -1)
		if i+1 < len(s.rates) {
			if next := s.rates[i+1].From.AddDate(0, 0, -1); next.Before(end) {
				end = next
			}
		}
		if !to.IsZero() && r.From.After(to) {
			break
		}
		if !cur.IsZero() && end.Before(cur) {
			continue
		}
		if cur.IsZero() || cur.Before(r.From) {
			gapEnd := r.From.AddDate(0, 0, -1)
			if !to.IsZero() && to.Before(gapEnd) {
				gapEnd = to
			}
			out = append(out, ratePeriod{from: cur, to: gapEnd})
			cur = r.From
		}
		pto := end
		if !to.IsZero() && to.Before(pto) {
			pto = to
		}
		out = append(out, ratePeriod{from: cur, to: pto, rate: r.Rate, ok: true})
		cur = pto.AddDate(0, 0, 1)
		if !to.IsZero() && cur.After(to) {
			return out
		}
	}
	return append(out, ratePeriod{from: cur, to: to})
}

type ratePeriod struct {
	from, to duty.Date
	rate     decimal.Decimal
	ok       bool
}
