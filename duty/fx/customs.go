package fx

import (
	"fmt"
	"time"

	"github.com/iorkit/iorkit/duty"
	"github.com/shopspring/decimal"
)

// Places is the number of decimals a derived rate keeps: an inverted rate
// (1 ÷ 1.1684 USD per EUR) or a cross rate (GBP per USD through EUR)
// rarely terminates, so it is rounded half-up to Places decimals. A
// published rate used as it stands is exact.
const Places = 16

// ratio returns num/den exactly when it terminates within Places
// decimals, else rounded to Places.
func ratio(num, den decimal.Decimal) decimal.Decimal {
	if den.Equal(decimal.New(1, 0)) {
		return num
	}
	return num.DivRound(den, Places)
}

// Article146Day returns the day whose ECB rate an EU member state's
// customs applies to a declaration of day on: the penultimate Wednesday of
// the month before on's month (Commission Implementing Regulation (EU)
// 2015/2447, Art. 146(1) and (3): the rate published on the penultimate
// Wednesday of a month applies throughout the following month).
func Article146Day(on duty.Date) duty.Date {
	t := on.Time()
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 0, -1) // last day of the previous month
	back := (int(last.Weekday()) - int(time.Wednesday) + 7) % 7
	lastWed := last.AddDate(0, 0, -back)
	return duty.DateOf(lastWed.AddDate(0, 0, -7))
}

// Article146Source is the legal source of the EU monthly customs rate.
const Article146Source = "Commission Implementing Regulation (EU) 2015/2447 Art. 146 (under Art. 53(1)(a) of Regulation (EU) No 952/2013, the Union Customs Code)"

func monthBounds(on duty.Date) (duty.Date, duty.Date) {
	t := on.Time()
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	return duty.DateOf(first), duty.DateOf(first.AddDate(0, 1, -1))
}

// ecbRates are rates read from ECB data under one of three rules.
type ecbRates struct {
	load func() (*ECB, error)
	rule ecbRule
}

type ecbRule uint8

const (
	ruleDaily   ecbRule = iota // the last publication on or before the day
	ruleArt146                 // the EU monthly customs rate
	ruleForeign                // as ruleDaily, for a destination whose own rate is not embedded
)

// Daily returns the ECB reference rates as duty.Rates: for a day, the rate
// of the last publication on or before it, any pair crossed through EUR
// (rounded to Places decimals). A day after the data ends gets the last
// rate with the caveat duty.FXRateAge.
func (e *ECB) Daily() duty.SourcedRates {
	return ecbRates{load: func() (*ECB, error) { return e, nil }, rule: ruleDaily}
}

// EUCustoms returns the rates EU customs apply under Art. 146 of
// Regulation (EU) 2015/2447: for a day of a month, the ECB rate published
// on the penultimate Wednesday of the previous month (Article146Day), or
// when none was published that day the last one before it (Art. 146(2)),
// for the whole month. When that day is after the data, the last rate of
// the data applies with the caveat duty.FXRateAge. For the currency of a
// member state outside the euro area the regulation applies the rate its
// national authority publishes, which is not in ECB data: the ECB cross
// rate of the same day is used and its source says so.
func (e *ECB) EUCustoms() duty.SourcedRates {
	return ecbRates{load: func() (*ECB, error) { return e, nil }, rule: ruleArt146}
}

// Rate implements duty.Rates.
func (r ecbRates) Rate(from, to string, on duty.Date) (decimal.Decimal, error) {
	info, err := r.RateInfo(from, to, on)
	return info.Rate, err
}

// RateInfo implements duty.SourcedRates.
func (r ecbRates) RateInfo(from, to string, on duty.Date) (duty.RateInfo, error) {
	if from == to {
		return duty.RateInfo{Rate: decimal.New(1, 0), Day: on}, nil
	}
	if r.load == nil {
		return duty.RateInfo{}, errNilCustoms
	}
	e, err := r.load()
	if err != nil {
		return duty.RateInfo{}, err
	}
	if e.empty() {
		return duty.RateInfo{}, errNilECB
	}
	want := on
	var info duty.RateInfo
	if r.rule == ruleArt146 {
		want = Article146Day(on)
		info.ValidFrom, info.ValidTo = monthBounds(on)
	}
	qf, df, err := e.Quote(from, want)
	if err != nil {
		return duty.RateInfo{}, &duty.MissingRateError{From: from, To: to, On: on}
	}
	qt, dt, err := e.Quote(to, want)
	if err != nil {
		return duty.RateInfo{}, &duty.MissingRateError{From: from, To: to, On: on}
	}
	day := df
	if dt.Before(day) {
		day = dt
	}
	info.Rate = ratio(qt, qf)
	info.Day = day
	quoted := ""
	for _, c := range []struct {
		cur string
		q   decimal.Decimal
	}{{from, qf}, {to, qt}} {
		if c.cur != "EUR" {
			if quoted != "" {
				quoted += ", "
			}
			quoted += "1 EUR = " + c.q.String() + " " + c.cur
		}
	}
	aged := want.After(e.Last())
	switch r.rule {
	case ruleArt146:
		info.Source = fmt.Sprintf("EU customs rate for %s (%s: the %s of the penultimate Wednesday of the previous month, %s", on.Time().Format("2006-01"), Article146Source, Source, want)
		switch {
		case aged:
			info.Source += fmt.Sprintf("; that day is after the embedded data, so the last rate, of %s", day)
		case day != want:
			info.Source += fmt.Sprintf("; none was published that day, so that of %s, Art. 146(2)", day)
		}
		info.Source += "): " + quoted
		if from != "EUR" && to != "EUR" {
			info.Source += "; cross rate through EUR"
		}
		if nonEuroEU(to) {
			info.Source += "; Art. 146(1)(b) applies the national authority's rate for " + to + ", which is not embedded: the ECB rate of the same day is used"
		}
		if aged {
			info.Caveat = duty.FXRateAge
			info.Note = fmt.Sprintf("the EU customs rate %s/%s for %s is the ECB rate of %s, after the embedded ECB data ends (%s): the rate of %s is used", from, to, on.Time().Format("2006-01"), want, e.Last(), day)
		}
	default:
		info.Source = fmt.Sprintf("%s of %s: %s", Source, day, quoted)
		if from != "EUR" && to != "EUR" {
			info.Source += " (cross rate through EUR)"
		}
		if r.rule == ruleForeign {
			info.Source += "; the ECB rate, not the destination customs' own rate (not embedded)"
		}
		if on.After(e.Last()) {
			info.Caveat = duty.FXRateAge
			info.Note = fmt.Sprintf("exchange rate %s/%s of %s (the last day of the embedded ECB data) used for %s", from, to, day, on)
		}
	}
	return info, nil
}

// nonEuroEU reports whether cur is the currency of an EU member state
// outside the euro area (Bulgaria's lev until its changeover on
// 2026-01-01 included).
func nonEuroEU(cur string) bool {
	switch cur {
	case "BGN", "CZK", "DKK", "HUF", "PLN", "RON", "SEK":
		return true
	}
	return false
}

// hmrcRates are HMRC's monthly rates as duty.Rates.
type hmrcRates struct{ load func() (*HMRC, error) }

// Monthly returns HMRC's monthly rates as duty.Rates: for a day, the rates
// of its month, any pair crossed through GBP (rounded to Places decimals).
// A day after the series gets its last month with the caveat
// duty.FXRateAge; a day before it or in a gap is a *duty.MissingRateError.
func (h *HMRC) Monthly() duty.SourcedRates {
	return hmrcRates{load: func() (*HMRC, error) { return h, nil }}
}

// Rate implements duty.Rates.
func (r hmrcRates) Rate(from, to string, on duty.Date) (decimal.Decimal, error) {
	info, err := r.RateInfo(from, to, on)
	return info.Rate, err
}

// RateInfo implements duty.SourcedRates.
func (r hmrcRates) RateInfo(from, to string, on duty.Date) (duty.RateInfo, error) {
	if from == to {
		return duty.RateInfo{Rate: decimal.New(1, 0), Day: on}, nil
	}
	if r.load == nil {
		return duty.RateInfo{}, errNilCustoms
	}
	h, err := r.load()
	if err != nil {
		return duty.RateInfo{}, err
	}
	if h.empty() {
		return duty.RateInfo{}, errNilHMRC
	}
	m, aged := h.Month(on)
	if m == nil {
		return duty.RateInfo{}, &duty.MissingRateError{From: from, To: to, On: on}
	}
	rf, ok1 := m.Rate(from)
	rt, ok2 := m.Rate(to)
	if !ok1 || !ok2 {
		return duty.RateInfo{}, &duty.MissingRateError{From: from, To: to, On: on}
	}
	info := duty.RateInfo{Rate: ratio(rt, rf), Day: m.From, ValidFrom: m.From, ValidTo: m.To}
	quoted := ""
	for _, c := range []struct {
		cur string
		q   decimal.Decimal
	}{{from, rf}, {to, rt}} {
		if c.cur != "GBP" {
			if quoted != "" {
				quoted += ", "
			}
			quoted += "1 GBP = " + c.q.String() + " " + c.cur
		}
	}
	info.Source = fmt.Sprintf("%s, %s (%s to %s): %s", HMRCSource, m.From.Time().Format("2006-01"), m.From, m.To, quoted)
	if from != "GBP" && to != "GBP" {
		info.Source += " (cross rate through GBP)"
	}
	if aged {
		info.Caveat = duty.FXRateAge
		info.Note = fmt.Sprintf("exchange rate %s/%s: HMRC's rates for %s are not in the embedded data (it ends with %s); those of %s are used", from, to, on.Time().Format("2006-01"), m.From.Time().Format("2006-01"), m.From.Time().Format("2006-01"))
	}
	return info, nil
}

// Customs chooses the exchange rates a destination's customs applies:
// EU member states the monthly rate of Art. 146 of Regulation (EU)
// 2015/2447 (ECB.EUCustoms), GB HMRC's rate of the month (HMRC.Monthly),
// and every other destination the ECB reference rate of the day crossed
// through EUR, labelled as not that customs' own rate. It implements
// duty.DestinationRates (so ior.NewEngine and duty.Calculator pick the
// rule by destination) and, for a caller that does not name a
// destination, duty.SourcedRates with the ECB daily rule.
type Customs struct {
	ecb  func() (*ECB, error)
	hmrc func() (*HMRC, error)
}

// NewCustoms returns the rules over the given data. hmrc may be nil: GB
// then gets the ECB rate of the day, labelled as not HMRC's.
func NewCustoms(ecb *ECB, hmrc *HMRC) (*Customs, error) {
	if ecb.empty() {
		return nil, fmt.Errorf("fx: NewCustoms: ECB rates are required")
	}
	c := &Customs{ecb: func() (*ECB, error) { return ecb, nil }}
	if !hmrc.empty() {
		c.hmrc = func() (*HMRC, error) { return hmrc, nil }
	}
	return c, nil
}

var errNilCustoms = &duty.UninitializedError{Type: "*fx.Customs", Constructor: "fx.Default or fx.NewCustoms"}

// ForDestination implements duty.DestinationRates.
func (c *Customs) ForDestination(country string) duty.Rates {
	if c == nil {
		return ecbRates{}
	}
	switch {
	case duty.IsEUMember(country):
		return ecbRates{load: c.ecb, rule: ruleArt146}
	case country == "GB" && c.hmrc != nil:
		return hmrcRates{load: c.hmrc}
	}
	return ecbRates{load: c.ecb, rule: ruleForeign}
}

// Rate implements duty.Rates (the ECB rate of the day).
func (c *Customs) Rate(from, to string, on duty.Date) (decimal.Decimal, error) {
	if c == nil {
		return decimal.Decimal{}, errNilCustoms
	}
	return ecbRates{load: c.ecb, rule: ruleDaily}.Rate(from, to, on)
}

// RateInfo implements duty.SourcedRates (the ECB rate of the day).
func (c *Customs) RateInfo(from, to string, on duty.Date) (duty.RateInfo, error) {
	if c == nil {
		return duty.RateInfo{}, errNilCustoms
	}
	return ecbRates{load: c.ecb, rule: ruleDaily}.RateInfo(from, to, on)
}
