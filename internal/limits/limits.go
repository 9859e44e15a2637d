// Package limits bounds the input iorkit reads from callers: a reader that
// stops with an error once a size limit is passed, a check of one field's
// length, and the default sizes every reader of the module uses.
//
// iorkit runs inside services that read input from users, tenants and other
// programs. Every reader is bounded, so that an endless or oversized input
// (a pipe from /dev/zero, a 2 GB "CSV", a 100 MB JSON string) ends in an
// error naming the input and the limit, never in gigabytes of heap. The
// defaults are set well above the largest real file of each kind, and the
// readers whose real files can be large take an option to raise them.
//
// The error type is re-exported by package duty as duty.LimitError, so
// callers can match it with errors.As without importing an internal package.
package limits

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Default limits. Each is documented in docs/security.md; change both
// together.
const (
	// FieldBytes bounds one field: a CSV cell, a JSON string value of a
	// shipment or profile, a rate string. The longest real cells (HTS
	// descriptions and footnotes) are under 2 KB.
	FieldBytes = 16 << 10

	// TableBytes bounds the tariff CSV read by duty.ReadTable. A full
	// national tariff in that format (about 20,000 lines with a few
	// measures each) is under 10 MB.
	TableBytes = 64 << 20

	// ProfileBytes bounds one profile document (duty.ReadProfiles). The
	// embedded documents are under 100 KB each.
	ProfileBytes = 4 << 20

	// HTSBytes bounds the USITC HTS export read by hts.ReadCSV and
	// hts.ReadJSON. The full JSON export is about 30 MB.
	HTSBytes = 256 << 20

	// UKTTBytes bounds one UK Trade Tariff API document (a commodity, the
	// geographical areas, an exchange-rate list). The largest commodity
	// documents are a few MB.
	UKTTBytes = 64 << 20

	// ShipmentBytes bounds one shipment JSON document (ior.ReadShipment,
	// the CLI). MaxLines lines with every string field at its limit stay
	// well under it.
	ShipmentBytes = 16 << 20

	// RatesBytes bounds a file of exchange rates given to the CLI
	// (--rates).
	RatesBytes = 1 << 20
)

// ErrLimit is matched (errors.Is) by every *Error.
var ErrLimit = errors.New("input over a limit")

// Error reports an input over one of its limits.
type Error struct {
	Input string // what was being read, e.g. "tariff table", "shipment"
	What  string // which limit: "size" (bytes of the whole input) or a field name
	Limit int64  // the limit in bytes
	// Got is the length found for a field; 0 for a size limit (reading
	// stops as soon as the limit is passed, so the full size is unknown).
	Got int64
}

// Error implements error.
func (e *Error) Error() string {
	if e.What == "" || e.What == "size" {
		return fmt.Sprintf("%s: input larger than the limit of %d bytes", e.Input, e.Limit)
	}
	return fmt.Sprintf("%s: %s is %d bytes long, over the limit of %d bytes", e.Input, e.What, e.Got, e.Limit)
}

// Is makes errors.Is(err, ErrLimit) true.
func (e *Error) Is(target error) bool { return target == ErrLimit }

// Reader returns a reader of r that returns a *Error once more than max
// bytes have been read. Unlike io.LimitReader it never ends silently at the
// limit, so a truncated input is never mistaken for a complete one. A max of
// zero or less means no limit.
func Reader(r io.Reader, max int64, input string) io.Reader {
	if max <= 0 {
		return r
	}
	return &reader{r: r, left: max, max: max, input: input}
}

type reader struct {
	r     io.Reader
	left  int64 // bytes that may still be read
	max   int64
	input string
	err   error
}

func (l *reader) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	if l.left < 0 {
		l.err = &Error{Input: l.input, What: "size", Limit: l.max}
		return 0, l.err
	}
	// Read one byte past the limit so an input of exactly max bytes ends
	// with io.EOF and a longer one with the error.
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		n += int(l.left) // hand back only the bytes within the limit
		l.err = &Error{Input: l.input, What: "size", Limit: l.max}
		return n, l.err
	}
	return n, err
}

// ReadAll reads r to the end, failing with a *Error when it holds more than
// max bytes (max <= 0: no limit).
func ReadAll(r io.Reader, max int64, input string) ([]byte, error) {
	return io.ReadAll(Reader(r, max, input))
}

// Field checks the length of one field: a *Error naming it when it is
// longer than max bytes (max <= 0: no limit).
func Field(input, field, value string, max int) error {
	if max > 0 && len(value) > max {
		return &Error{Input: input, What: field, Limit: int64(max), Got: int64(len(value))}
	}
	return nil
}

// Record checks every field of one CSV record the way Field does, naming
// the field by its column header (or its 1-based column number when the
// header is shorter) and the record's line.
func Record(input string, line int, header, rec []string, max int) error {
	for i, v := range rec {
		if max > 0 && len(v) > max {
			name := fmt.Sprintf("column %d", i+1)
			if i < len(header) && header[i] != "" {
				name = fmt.Sprintf("column %q", header[i])
			}
			return &Error{Input: input, What: fmt.Sprintf("line %d: %s", line, name), Limit: int64(max), Got: int64(len(v))}
		}
	}
	return nil
}

// JSONStrings checks that no string in the JSON document data, key or
// value, is longer than max bytes (after unescaping), naming the first that
// is by its path ("lines[3].description"). A document that is not valid
// JSON is not its business: it returns nil and leaves the error to the
// decoder.
func JSONStrings(data []byte, max int, input string) error {
	if max <= 0 || len(data) <= max {
		return nil // no string can be longer than the document
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	type frame struct {
		array bool
		index int
		key   string
		inKey bool // object: the next token is a key
	}
	var stack []frame
	path := func() string {
		var b strings.Builder
		for _, f := range stack {
			if f.array {
				fmt.Fprintf(&b, "[%d]", f.index)
				continue
			}
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(f.key)
		}
		if b.Len() == 0 {
			return "the document"
		}
		return b.String()
	}
	// value is called after each complete value: it moves the enclosing
	// container on to its next element or key.
	value := func() {
		if n := len(stack); n > 0 {
			if stack[n-1].array {
				stack[n-1].index++
			} else {
				stack[n-1].inKey = true
			}
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil // io.EOF or a syntax error the decoder will report
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, frame{inKey: true})
			case '[':
				stack = append(stack, frame{array: true})
			default:
				stack = stack[:len(stack)-1]
				value()
			}
		case string:
			n := len(stack)
			if n > 0 && !stack[n-1].array && stack[n-1].inKey {
				if len(t) > max {
					return &Error{Input: input, What: "a key in " + path(), Limit: int64(max), Got: int64(len(t))}
				}
				stack[n-1].key, stack[n-1].inKey = t, false
				continue
			}
			if len(t) > max {
				return &Error{Input: input, What: path(), Limit: int64(max), Got: int64(len(t))}
			}
			value()
		default:
			value()
		}
	}
}
