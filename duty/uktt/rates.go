package uktt

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/iorkit/iorkit/duty"
	"github.com/shopspring/decimal"
)

// ExchangeRate is one monthly EUR to GBP rate of the tariff: from From on,
// 1 EUR = Rate GBP, for that month (or until the next rate starts).
type ExchangeRate struct {
	From duty.Date
	Rate decimal.Decimal
}

// ReadExchangeRates reads the tariff's monthly EUR to GBP rates for the
// amounts of duty expressions (the JSON array of {attributes:
// {child_monetary_unit_code, exchange_rate, validity_start_date}} of
// /api/v2/monetary_exchange_rates). Rates for other currencies than GBP
// are ignored. The result is sorted by date.
func ReadExchangeRates(r io.Reader) ([]ExchangeRate, error) {
	b, err := readAll(r, DefaultMaxDocumentSize, "exchange rates")
	if err != nil {
		return nil, err
	}
	var raw []struct {
		Attributes struct {
			Child string `json:"child_monetary_unit_code"`
			Rate  string `json:"exchange_rate"`
			Start string `json:"validity_start_date"`
		} `json:"attributes"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
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
	sort.SliceStable(out, func(i, j int) bool { return out[i].From.Before(out[j].From) })
	return out, nil
}

// MonthlyRates are HMRC's monthly exchange rates for customs and VAT as the
// Online Trade Tariff publishes them (/api/v2/exchange_rates/{year}-{month}
// ?filter[type]=monthly): for each month, how many units of each currency
// one pound buys. They are the rates a UK import declaration uses for the
// month, so they are the duty.Rates of GB quotes.
//
// Rate(from, to, on) uses the month of on: GBP to a currency is the
// published figure; a currency to GBP is its reciprocal, rounded to 20
// decimal places (HMRC publishes only the one direction; the rounding is
// below a millionth of a penny on any amount under a billion). Pairs
// without GBP and months not read are a *duty.MissingRateError: no rate is
// assumed. The zero value has no months; add them with Read.
type MonthlyRates struct {
	months map[monthKey]*month
}

type monthKey struct {
	year  int
	month time.Month
}

type month struct {
	from, to  duty.Date
	published string
	rates     map[string]decimal.Decimal // currency -> units per 1 GBP
	unknown   []string
}

func isCode3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// reciprocalPlaces is the precision of the currency-to-GBP rates.
const reciprocalPlaces = 20

// ReadMonthlyRates reads one or more /exchange_rates responses.
func ReadMonthlyRates(rs ...io.Reader) (*MonthlyRates, error) {
	m := &MonthlyRates{}
	for _, r := range rs {
		if err := m.Read(r); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// Read adds the month of one /exchange_rates response (an
// exchange_rate_collection with its exchange_rate records). A currency
// given twice in a month with different rates is an error; the same rate
// under several countries (XOF, XAF...) is accepted.
func (m *MonthlyRates) Read(r io.Reader) error {
	const doc = "exchange rates"
	if m == nil {
		return &duty.UninitializedError{Type: "*uktt.MonthlyRates", Constructor: "new(uktt.MonthlyRates)"}
	}
	b, err := readAll(r, DefaultMaxDocumentSize, doc)
	if err != nil {
		return err
	}
	var raw struct {
		Data struct {
			Type       string `json:"type"`
			Attributes struct {
				Year  json.RawMessage `json:"year"`
				Month json.RawMessage `json:"month"`
				Type  string          `json:"type"`
			} `json:"attributes"`
		} `json:"data"`
		Included []struct {
			Type       string `json:"type"`
			Attributes struct {
				Currency  string `json:"currency_code"`
				Rate      string `json:"rate"`
				Start     string `json:"validity_start_date"`
				End       string `json:"validity_end_date"`
				Published string `json:"publication_date"`
			} `json:"attributes"`
		} `json:"included"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return &DocumentError{Document: doc, Err: err}
	}
	if raw.Data.Type != "exchange_rate_collection" {
		return &DocumentError{Document: doc, Path: "data.type", Value: raw.Data.Type, Err: errors.New("want exchange_rate_collection")}
	}
	if t := raw.Data.Attributes.Type; t != "" && t != "monthly" {
		return &DocumentError{Document: doc, Path: "data.attributes.type", Value: t, Err: errors.New("want monthly rates")}
	}
	y, err := jsonInt(raw.Data.Attributes.Year)
	if err != nil || y < 1900 || y > 9999 {
		return &DocumentError{Document: doc, Path: "data.attributes.year", Value: string(raw.Data.Attributes.Year), Err: errors.New("want a year")}
	}
	mo, err := jsonInt(raw.Data.Attributes.Month)
	if err != nil || mo < 1 || mo > 12 {
		return &DocumentError{Document: doc, Path: "data.attributes.month", Value: string(raw.Data.Attributes.Month), Err: errors.New("want a month 1 to 12")}
	}
	first := duty.DateOf(time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC))
	mon := &month{from: first, to: first.AddDate(0, 1, -1), rates: map[string]decimal.Decimal{}}
	for i, x := range raw.Included {
		path := fmt.Sprintf("included[%d].attributes", i)
		a := x.Attributes
		switch x.Type {
		case "exchange_rate_file":
			if a.Published != "" && (mon.published == "" || a.Published < mon.published) {
				mon.published = a.Published
			}
			continue
		case "exchange_rate":
		default:
			continue
		}
		if !isCode3(a.Currency) {
			return &DocumentError{Document: doc, Path: path + ".currency_code", Value: a.Currency, Err: errors.New("want a three-letter currency code")}
		}
		if _, err := duty.LookupCurrency(a.Currency); err != nil {
			mon.unknown = append(mon.unknown, a.Currency) // not ISO 4217 now (ZWL...): never used
			continue
		}
		d, err := duty.ParseDecimal(a.Rate)
		if err != nil || !d.IsPositive() {
			return &DocumentError{Document: doc, Path: path + ".rate", Value: a.Rate, Err: errors.New("want a positive decimal")}
		}
		for _, f := range []struct{ name, v string }{{"validity_start_date", a.Start}, {"validity_end_date", a.End}} {
			if f.v == "" {
				continue
			}
			t, err := date(f.v)
			if err != nil || t.Before(mon.from) || t.After(mon.to) {
				return &DocumentError{Document: doc, Path: path + "." + f.name, Value: f.v, Err: fmt.Errorf("want a day of %s", first.Time().Format("2006-01"))}
			}
		}
		if old, ok := mon.rates[a.Currency]; ok && !old.Equal(d) {
			return &DocumentError{Document: doc, Path: path + ".rate", Value: a.Rate, Err: fmt.Errorf("%s given twice with different rates (%s)", a.Currency, old)}
		}
		mon.rates[a.Currency] = d
	}
	if len(mon.rates) == 0 {
		return &DocumentError{Document: doc, Path: "included", Err: errors.New("no exchange_rate records")}
	}
	if m.months == nil {
		m.months = map[monthKey]*month{}
	}
	m.months[monthKey{first.Time().Year(), first.Time().Month()}] = mon
	return nil
}

func jsonInt(b json.RawMessage) (int, error) {
	s := strings.Trim(string(b), `"`)
	var n int
	if _, err := fmt.Sscanf(s, "%d", &n); err != nil || fmt.Sprint(n) != s {
		return 0, errors.New("not an integer")
	}
	return n, nil
}

// Rate returns how many units of to one unit of from buys on day on, at
// HMRC's rate for that month.
func (m *MonthlyRates) Rate(from, to string, on duty.Date) (decimal.Decimal, error) {
	if from == to {
		return decimal.New(1, 0), nil
	}
	missing := &duty.MissingRateError{From: from, To: to, On: on}
	if m == nil || (from != "GBP" && to != "GBP") {
		return decimal.Decimal{}, missing
	}
	mon, ok := m.months[monthKey{on.Time().Year(), on.Time().Month()}]
	if !ok {
		return decimal.Decimal{}, missing
	}
	if from == "GBP" {
		r, ok := mon.rates[to]
		if !ok {
			return decimal.Decimal{}, missing
		}
		return r, nil
	}
	r, ok := mon.rates[from]
	if !ok {
		return decimal.Decimal{}, missing
	}
	return decimal.New(1, 0).DivRound(r, reciprocalPlaces), nil
}

// RateInfo implements duty.SourcedRates: Rate with its month (ValidFrom,
// ValidTo, Day: the first day of the month) and Source.
func (m *MonthlyRates) RateInfo(from, to string, on duty.Date) (duty.RateInfo, error) {
	r, err := m.Rate(from, to, on)
	if err != nil {
		return duty.RateInfo{}, err
	}
	info := duty.RateInfo{Rate: r, Day: on}
	if from == to {
		return info, nil
	}
	mon := m.months[monthKey{on.Time().Year(), on.Time().Month()}]
	info.Day, info.ValidFrom, info.ValidTo = mon.from, mon.from, mon.to
	cur := from
	if from == "GBP" {
		cur = to
	}
	info.Source = m.Source(from, to, on) + fmt.Sprintf(": 1 GBP = %s %s", mon.rates[cur], cur)
	return info, nil
}

// Source describes the rate Rate uses for the pair on day on: the month,
// and when the tariff gives it, the day HMRC published the month's rates.
func (m *MonthlyRates) Source(from, to string, on duty.Date) string {
	if m == nil {
		return ""
	}
	mon, ok := m.months[monthKey{on.Time().Year(), on.Time().Month()}]
	if !ok {
		return ""
	}
	s := fmt.Sprintf("HMRC monthly exchange rates for customs, %s (UK Online Trade Tariff /exchange_rates", mon.from.Time().Format("2006-01"))
	if mon.published != "" {
		s += ", published " + mon.published
	}
	return s + ")"
}

// Months returns the first day of each month held, in order.
func (m *MonthlyRates) Months() []duty.Date {
	if m == nil {
		return nil
	}
	out := make([]duty.Date, 0, len(m.months))
	for _, mon := range m.months {
		out = append(out, mon.from)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// ForGB returns exchange rates for an engine (ior.WithRates) that convert
// GB entries at m, HMRC's monthly rates as the tariff publishes them, and
// every other destination at base (fx.Default(), say). For a month or a
// pair m does not hold, GB entries fall back to base's rates for GB. As a
// plain duty.Rates (no destination named) it is base.
func ForGB(m *MonthlyRates, base duty.Rates) duty.DestinationRates {
	return gbRates{m: m, base: base}
}

type gbRates struct {
	m    *MonthlyRates
	base duty.Rates
}

func (g gbRates) Rate(from, to string, on duty.Date) (decimal.Decimal, error) {
	if g.base == nil {
		return decimal.Decimal{}, &duty.MissingRateError{From: from, To: to, On: on}
	}
	return g.base.Rate(from, to, on)
}

func (g gbRates) ForDestination(country string) duty.Rates {
	var next duty.Rates
	if g.base != nil {
		next = duty.RatesFor(g.base, country)
	}
	if country != "GB" {
		return next
	}
	return gbFallback{m: g.m, next: next}
}

// gbFallback is m, then next.
type gbFallback struct {
	m    *MonthlyRates
	next duty.Rates
}

func (f gbFallback) Rate(from, to string, on duty.Date) (decimal.Decimal, error) {
	info, err := f.RateInfo(from, to, on)
	return info.Rate, err
}

func (f gbFallback) RateInfo(from, to string, on duty.Date) (duty.RateInfo, error) {
	info, err := f.m.RateInfo(from, to, on)
	if err == nil || !errors.Is(err, duty.ErrMissingRate) || f.next == nil {
		return info, err
	}
	if sr, ok := f.next.(duty.SourcedRates); ok {
		return sr.RateInfo(from, to, on)
	}
	r, err := f.next.Rate(from, to, on)
	return duty.RateInfo{Rate: r}, err
}
