// Package jsonw appends JSON values to a byte slice exactly as
// encoding/json writes them (json.Marshal: HTML characters escaped,
// compact). The hand-written encoders of duty and ior build whole
// documents with it in one buffer, which encoding/json cannot: it
// validates and copies the output of every MarshalJSON it calls.
package jsonw

import (
	"strconv"
	"unicode/utf8"
)

const hex = "0123456789abcdef"

// plain[c] is true for the ASCII bytes json.Marshal copies as they are:
// printable, and not '"', '\\', '<', '>' or '&'.
var plain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// String appends s as a JSON string: '"' and '\\' escaped with a
// backslash; \b, \f, \n, \r and \t in their short forms; other control
// bytes and '<', '>', '&' as \u00XX; bytes that are not valid UTF-8 as
// \ufffd; U+2028 and U+2029 as \u2028 and \u2029; the rest as it is.
func String(b []byte, s string) []byte {
	if plain8(s) {
		b = append(b, '"')
		b = append(b, s...)
		return append(b, '"')
	}
	b = append(b, '"')
	done := 0 // s[:done] is in b
	for i := 0; i < len(s); {
		// skip plain ASCII eight bytes at a time
		for i+8 <= len(s) && !special8(load8(s[i:i+8])) {
			i += 8
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if plain[c] {
				i++
				continue
			}
			b = append(b, s[done:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			done = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[done:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[done:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += n
			continue
		}
		i += n
		done = i
	}
	b = append(b, s[done:]...)
	return append(b, '"')
}

// plain8 reports whether String copies every byte of s as it is, reading
// s eight bytes at a time (most of a quote's text is plain ASCII).
func plain8(s string) bool {
	if len(s) < 8 {
		x := uint64(0x20 * ones) // spaces are plain
		for i := 0; i < len(s); i++ {
			x ^= uint64(s[i]^0x20) << (8 * i)
		}
		return !special8(x)
	}
	for i := 0; i+8 <= len(s); i += 8 {
		if special8(load8(s[i : i+8])) {
			return false
		}
	}
	return !special8(load8(s[len(s)-8:])) // the last, partly read word
}

// load8 reads s[:8] as a little-endian word (one load once compiled).
func load8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// special8 reports whether any byte of x is one String does not copy as
// it is: a control byte, a byte of a multi-byte sequence (high bit set),
// '"', '\\', '<', '>' or '&'. For a word of ASCII bytes, (x-n*ones)&^x
// has the high bit of a byte set when one is below n, and (v-ones)&^v
// when one is zero; '"' (0x22) and '&' (0x26) differ in bit 2 only, '<'
// (0x3c) and '>' (0x3e) in bit 1, so one test covers each pair.
func special8(x uint64) bool {
	q := x | 0x04*ones ^ 0x26*ones // zero: '"' or '&'
	a := x | 0x02*ones ^ 0x3e*ones // zero: '<' or '>'
	e := x ^ 0x5c*ones             // zero: '\\'
	return (x|(x-0x20*ones)&^x|(q-ones)&^q|(a-ones)&^a|(e-ones)&^e)&highs != 0
}

// Int appends n.
func Int(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }

// Bool appends true or false.
func Bool(b []byte, v bool) []byte {
	if v {
		return append(b, "true"...)
	}
	return append(b, "false"...)
}

// Strings appends a []string: null when nil.
func Strings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = String(b, s)
	}
	return append(b, ']')
}

// Slice appends a slice whose elements each append: null when nil.
func Slice[T any](b []byte, xs []T, elem func([]byte, *T) []byte) []byte {
	if xs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b = elem(b, &xs[i])
	}
	return append(b, ']')
}
