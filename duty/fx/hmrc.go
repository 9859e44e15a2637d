package fx

import (
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

// HMRCSource names HMRC's publication in rate sources.
const HMRCSource = "HMRC monthly exchange rates for customs and VAT"

// HMRCMonth is one month of HMRC's exchange rates for customs and VAT:
// how many units of each currency 1 GBP buys, applied from the first to
// the last day of the period.
type HMRCMonth struct {
	From, To duty.Date // the period, both inclusive
	rates    map[string]decimal.Decimal
}

// Rate returns the units of currency cur per 1 GBP (1 for GBP) and
// whether the month lists it.
func (m *HMRCMonth) Rate(cur string) (decimal.Decimal, bool) {
	if m == nil {
		return decimal.Decimal{}, false
	}
	if cur == "GBP" {
		return decimal.New(1, 0), true
	}
	r, ok := m.rates[cur]
	return r, ok
}

// Currencies returns the currency codes the month lists, sorted.
func (m *HMRCMonth) Currencies() []string {
	if m == nil {
		return nil
	}
	out := make([]string, 0, len(m.rates))
	for c := range m.rates {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

type hmrcXML struct {
	XMLName xml.Name `xml:"exchangeRateMonthList"`
	Period  string   `xml:"Period,attr"`
	Rates   []struct {
		Country  string `xml:"countryName"`
		Code     string `xml:"countryCode"`
		Currency string `xml:"currencyCode"`
		Rate     string `xml:"rateNew"`
	} `xml:"exchangeRate"`
}

// ReadHMRCXML reads one monthly file of HMRC's exchange rates
// (exrates-monthly-MMYY.xml, or monthly_xml_YYYY-MM.xml from the Trade
// Tariff API): an exchangeRateMonthList with a Period attribute
// ("01/Jan/2026 to 31/Jan/2026") holding exchangeRate elements with
// currencyCode and rateNew (units per 1 GBP). A currency listed under
// several countries must have one rate. Input is bounded (MaxInput or
// MaxBytes); errors are *FileError values.
func ReadHMRCXML(r io.Reader, opts ...Option) (*HMRCMonth, error) {
	cfg := newConfig(opts)
	data, err := limits.ReadAll(r, cfg.max, "HMRC XML")
	if err != nil {
		return nil, &FileError{File: "HMRC XML", Err: err}
	}
	fail := func(field, value string, err error) error {
		return &FileError{File: "HMRC XML", Field: field, Value: value, Err: err}
	}
	var doc hmrcXML
	if err := xml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		return nil, fail("", "", err)
	}
	from, to, ok := strings.Cut(doc.Period, " to ")
	if !ok {
		return nil, fail("Period", doc.Period, errors.New(`want "01/Jan/2026 to 31/Jan/2026"`))
	}
	m := &HMRCMonth{rates: map[string]decimal.Decimal{}}
	for _, p := range []struct {
		s   string
		dst *duty.Date
	}{{from, &m.From}, {to, &m.To}} {
		t, err := time.Parse("02/Jan/2006", strings.TrimSpace(p.s))
		if err != nil {
			return nil, fail("Period", doc.Period, errors.New(`want "01/Jan/2026 to 31/Jan/2026"`))
		}
		*p.dst = duty.DateOf(t)
	}
	if m.To.Before(m.From) {
		return nil, fail("Period", doc.Period, errors.New("ends before it starts"))
	}
	for _, x := range doc.Rates {
		cur := strings.TrimSpace(x.Currency)
		if len(cur) != 3 || strings.ToUpper(cur) != cur {
			return nil, fail("currencyCode", cur, errors.New("want a three-letter code"))
		}
		v, err := decimal.NewFromString(strings.TrimSpace(x.Rate))
		if err != nil || !v.IsPositive() {
			return nil, fail("rateNew", x.Rate, fmt.Errorf("%s: want a positive decimal", cur))
		}
		if old, dup := m.rates[cur]; dup && !old.Equal(v) {
			return nil, fail("rateNew", x.Rate, fmt.Errorf("%s listed twice with different rates (%s, %s)", cur, old, v))
		}
		m.rates[cur] = v
	}
	if len(m.rates) == 0 {
		return nil, fail("", "", errors.New("no exchangeRate elements"))
	}
	return m, nil
}

// HMRC is a series of HMRC monthly rate files. It is immutable and safe
// for concurrent use.
type HMRC struct {
	months []*HMRCMonth // by From, ascending, not overlapping
}

// NewHMRC combines monthly files into one series; their periods must not
// overlap.
func NewHMRC(months ...*HMRCMonth) (*HMRC, error) {
	if len(months) == 0 {
		return nil, errors.New("fx: NewHMRC: no months")
	}
	ms := append([]*HMRCMonth(nil), months...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].From.Before(ms[j].From) })
	for i, m := range ms {
		if m == nil || len(m.rates) == 0 {
			return nil, fmt.Errorf("fx: NewHMRC: month %d is nil or empty: read it with ReadHMRCXML", i)
		}
	}
	for i := 1; i < len(ms); i++ {
		if !ms[i].From.After(ms[i-1].To) {
			return nil, fmt.Errorf("fx: HMRC periods overlap: %s to %s and %s to %s", ms[i-1].From, ms[i-1].To, ms[i].From, ms[i].To)
		}
	}
	return &HMRC{months: ms}, nil
}

// First returns the first day of the series.
// (The zero Date for a nil or empty HMRC.)
func (h *HMRC) First() duty.Date {
	if h.empty() {
		return duty.Date{}
	}
	return h.months[0].From
}

func (h *HMRC) empty() bool { return h == nil || len(h.months) == 0 }

var errNilHMRC = &duty.UninitializedError{Type: "*fx.HMRC", Constructor: "fx.NewHMRC or fx.EmbeddedHMRC"}

// Last returns the last day of the series.
func (h *HMRC) Last() duty.Date {
	if h.empty() {
		return duty.Date{}
	}
	return h.months[len(h.months)-1].To
}

// Month returns the month whose period holds day on; when on is after the
// series it returns the last month and aged true. A day before the series
// or in a gap between months gives nil.
func (h *HMRC) Month(on duty.Date) (m *HMRCMonth, aged bool) {
	if h.empty() {
		return nil, false
	}
	i := sort.Search(len(h.months), func(i int) bool { return h.months[i].From.After(on) }) - 1
	if i < 0 {
		return nil, false
	}
	m = h.months[i]
	if !on.After(m.To) {
		return m, false
	}
	if i == len(h.months)-1 {
		return m, true
	}
	return nil, false
}
