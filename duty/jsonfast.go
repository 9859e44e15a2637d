package duty

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The JSON of a quote is mostly amounts, dates and short ASCII strings.
// These appenders write them without reflection or an intermediate
// string, and give the same bytes as encoding/json (tests hold them to
// it): anything they are not sure of goes through encoding/json.

// appendFixed appends d with exactly places decimals, as StringFixed
// does, without big-integer formatting when the figure fits in 18 digits
// and needs no rounding.
func appendFixed(b []byte, d decimal.Decimal, places int32) []byte {
	shift := d.Exponent() + places // decimal digits to append to the coefficient
	if places < 0 || shift < 0 || shift > 18 || d.NumDigits()+int(shift) > 18 {
		return append(b, d.StringFixed(places)...)
	}
	c := d.CoefficientInt64()
	for range shift {
		c *= 10
	}
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	var buf [20]byte
	s := strconv.AppendUint(buf[:0], uint64(c), 10)
	p := int(places)
	switch {
	case p == 0:
		return append(b, s...)
	case len(s) <= p:
		b = append(b, '0', '.')
		for range p - len(s) {
			b = append(b, '0')
		}
		return append(b, s...)
	}
	b = append(b, s[:len(s)-p]...)
	b = append(b, '.')
	return append(b, s[len(s)-p:]...)
}

// appendJSONString appends s as a JSON string. Printable ASCII other than
// the characters encoding/json escapes is copied as it is; anything else
// is left to encoding/json.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, err := json.Marshal(s)
			if err != nil { // a string always encodes
				return append(b, `""`...)
			}
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

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
	b = appendJSONString(b, m.currency)
	return append(b, '}')
}

// appendDate appends "YYYY-MM-DD" (null when unset).
func appendDate(b []byte, d Date) []byte {
	if d.t.IsZero() {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = d.t.AppendFormat(b, "2006-01-02")
	return append(b, '"')
}
