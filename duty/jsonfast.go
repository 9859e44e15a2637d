package duty

import (
	"strconv"
	"time"

	"github.com/iorkit/iorkit/internal/jsonw"
	"github.com/shopspring/decimal"
)

// The JSON of a quote is mostly amounts, dates and short ASCII strings.
// These appenders write them without reflection or an intermediate
// string, and give the same bytes as encoding/json (tests hold them to
// it, on every field of every type, with random values). The AppendJSON
// methods let package ior write a whole quote in one buffer.

// appendFixed appends d with exactly places decimals, as StringFixed
// does, without big-integer formatting when the figure fits in 18 digits
// and needs no rounding: the digits are written from the right into a
// small buffer, the point among them, and appended at once.
func appendFixed(b []byte, d decimal.Decimal, places int32) []byte {
	shift := d.Exponent() + places // decimal digits to append to the coefficient
	if places < 0 || places > 18 || shift < 0 || shift > 18 || d.NumDigits()+int(shift) > 18 {
		return append(b, d.StringFixed(places)...)
	}
	c := d.CoefficientInt64()
	for range shift {
		c *= 10
	}
	neg := c < 0
	u := uint64(c)
	if neg {
		u = uint64(-c)
	}
	var buf [24]byte // at most 18 digits, a point, a leading zero and a sign
	i := len(buf)
	for k := int32(0); k < places; k++ {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
	}
	if places > 0 {
		i--
		buf[i] = '.'
	}
	for {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return append(b, buf[i:]...)
}

// appendJSONString appends s as a JSON string, as encoding/json does.
func appendJSONString(b []byte, s string) []byte { return jsonw.String(b, s) }

// appendMoney appends {"amount":"…","currency":"…"} (null when unset).
func appendMoney(b []byte, m Money) []byte {
	if m.currency == "" {
		return append(b, "null"...)
	}
	places := m.MinorUnits()
	if e := -m.amount.Exponent(); e > places {
		places = e
	}
	b = append(b, `{"amount":"`...)
	b = appendFixed(b, m.amount, places)
	b = append(b, `","currency":`...)
	if c := m.currency; len(c) == 3 && upper(c[0]) && upper(c[1]) && upper(c[2]) {
		// an ISO 4217 code, as NewMoney checked: nothing to escape
		b = append(b, '"', c[0], c[1], c[2], '"', '}')
		return b
	}
	b = appendJSONString(b, m.currency)
	return append(b, '}')
}

func upper(c byte) bool { return 'A' <= c && c <= 'Z' }

// appendDate appends "YYYY-MM-DD" (null when unset).
func appendDate(b []byte, d Date) []byte {
	if d.t.IsZero() {
		return append(b, "null"...)
	}
	y, m, day := d.t.Date()
	if y < 0 || y > 9999 {
		b = append(b, '"')
		b = d.t.AppendFormat(b, time.DateOnly)
		return append(b, '"')
	}
	return append(b, '"', byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+day/10), byte('0'+day%10), '"')
}

// AppendJSON appends the JSON of m to b, the bytes MarshalJSON returns.
func (m Money) AppendJSON(b []byte) []byte { return appendMoney(b, m) }

// AppendJSON appends the JSON of d to b, the bytes MarshalJSON returns.
func (d Date) AppendJSON(b []byte) []byte { return appendDate(b, d) }

// AppendJSON appends the JSON of s to b, the bytes MarshalJSON returns.
func (s Step) AppendJSON(b []byte) []byte {
	b = append(b, `{"step":`...)
	b = appendJSONString(b, s.Step)
	if s.Line != nil {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(*s.Line), 10)
	}
	b = append(b, `,"what":`...)
	b = appendJSONString(b, s.What)
	if s.Rate != "" {
		b = append(b, `,"rate":`...)
		b = appendJSONString(b, s.Rate)
	}
	if s.Base.currency != "" {
		b = append(b, `,"base":`...)
		b = appendMoney(b, s.Base)
	}
	if s.Amount.currency != "" {
		b = append(b, `,"amount":`...)
		b = appendMoney(b, s.Amount)
	}
	if s.Source != "" {
		b = append(b, `,"source":`...)
		b = appendJSONString(b, s.Source)
	}
	return append(b, '}')
}

// AppendJSON appends the JSON of c to b: the bytes json.Marshal gives.
func (c Charge) AppendJSON(b []byte) []byte {
	b = append(b, `{"kind":`...)
	b = appendJSONString(b, c.Kind)
	b = append(b, `,"code":`...)
	b = appendJSONString(b, c.Code)
	if c.Program != "" {
		b = append(b, `,"program":`...)
		b = appendJSONString(b, c.Program)
	}
	b = append(b, `,"name":`...)
	b = appendJSONString(b, c.Name)
	b = append(b, `,"rate":`...)
	b = appendJSONString(b, c.Rate)
	b = append(b, `,"base":`...)
	b = appendMoney(b, c.Base)
	b = append(b, `,"amount":`...)
	b = appendMoney(b, c.Amount)
	b = append(b, `,"source":`...)
	b = appendJSONString(b, c.Source)
	if !c.Effective.IsZero() {
		b = append(b, `,"effective":`...)
		b = appendDate(b, c.Effective)
	}
	b = append(b, `,"collected":`...)
	b = appendJSONString(b, string(c.Collection))
	if c.Note != "" {
		b = append(b, `,"note":`...)
		b = appendJSONString(b, c.Note)
	}
	return append(b, '}')
}

// AppendJSON appends the JSON of t to b: the bytes json.Marshal gives.
func (t Totals) AppendJSON(b []byte) []byte {
	b = append(b, `{"duty":`...)
	b = appendMoney(b, t.Duty)
	b = append(b, `,"tax":`...)
	b = appendMoney(b, t.Tax)
	b = append(b, `,"tax_at_border":`...)
	b = appendMoney(b, t.TaxAtBorder)
	b = append(b, `,"tax_at_sale":`...)
	b = appendMoney(b, t.TaxAtSale)
	b = append(b, `,"fees":`...)
	b = appendMoney(b, t.Fees)
	b = append(b, `,"total":`...)
	b = appendMoney(b, t.Total)
	return append(b, '}')
}

// AppendJSON appends the JSON of o to b: the bytes json.Marshal gives.
func (o DeMinimisOutcome) AppendJSON(b []byte) []byte {
	b = append(b, `{"code":`...)
	b = appendJSONString(b, o.Code)
	b = append(b, `,"applies":`...)
	b = appendJSONString(b, string(o.Applies))
	b = append(b, `,"outcome":`...)
	b = appendJSONString(b, string(o.Outcome))
	b = append(b, `,"threshold":`...)
	b = appendMoney(b, o.Threshold)
	b = append(b, `,"compared":`...)
	b = appendJSONString(b, string(o.Compared))
	b = append(b, `,"value":`...)
	b = appendMoney(b, o.Value)
	b = append(b, `,"met":`...)
	b = jsonw.Bool(b, o.Met)
	b = append(b, `,"reason":`...)
	b = appendJSONString(b, o.Reason)
	b = append(b, `,"source":`...)
	b = appendJSONString(b, o.Source)
	if len(o.Excluded) > 0 {
		b = append(b, `,"excluded_lines":`...)
		b = jsonw.Slice(b, o.Excluded, func(b []byte, l *ExcludedLine) []byte { return l.AppendJSON(b) })
	}
	return append(b, '}')
}

// AppendJSON appends the JSON of l to b: the bytes json.Marshal gives.
func (l ExcludedLine) AppendJSON(b []byte) []byte {
	b = append(b, `{"line":`...)
	b = jsonw.Int(b, l.Line)
	b = append(b, `,"reason":`...)
	b = appendJSONString(b, l.Reason)
	return append(b, '}')
}

// AppendJSON appends the JSON of f to b: the bytes json.Marshal gives.
func (f FXUse) AppendJSON(b []byte) []byte {
	b = append(b, `{"from":`...)
	b = appendJSONString(b, f.From)
	b = append(b, `,"to":`...)
	b = appendJSONString(b, f.To)
	b = append(b, `,"rate":`...)
	b = appendJSONString(b, f.Rate)
	b = append(b, `,"date":`...)
	b = appendDate(b, f.Date)
	if f.Source != "" {
		b = append(b, `,"source":`...)
		b = appendJSONString(b, f.Source)
	}
	return append(b, '}')
}

// AppendJSON appends the JSON of w to b: the bytes json.Marshal gives.
func (w Warning) AppendJSON(b []byte) []byte {
	b = append(b, `{"code":`...)
	b = appendJSONString(b, string(w.Code))
	b = append(b, `,"message":`...)
	b = appendJSONString(b, w.Message)
	if w.Line != nil {
		b = append(b, `,"line":`...)
		b = jsonw.Int(b, *w.Line)
	}
	if w.Subject != "" {
		b = append(b, `,"subject":`...)
		b = appendJSONString(b, w.Subject)
	}
	if w.Edition != "" {
		b = append(b, `,"edition":`...)
		b = appendJSONString(b, w.Edition)
	}
	return append(b, '}')
}
