// Package jsonpath finds where in a JSON document a decoding error is, so
// that errors name the field ("lines[0].unit_price") and not only the
// value. encoding/json reports the position of type errors but not of
// errors returned by UnmarshalJSON methods (a bad date, amount or unit).
package jsonpath

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/iorkit/iorkit/internal/period"
)

// Error is a decoding problem located in the document.
type Error struct {
	Path  string // e.g. "lines[0].unit_price"; "" for the whole document
	Value string // the value that does not decode: a string's content, else its JSON text; clipped

	Msg string // what is wrong, naming the value (clipped)
	Err error  // the underlying error
}

func (e *Error) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// Unwrap returns the decoding error.
func (e *Error) Unwrap() error { return e.Err }

var unmarshaler = reflect.TypeFor[json.Unmarshaler]()

// Locate decodes data into a new value of type t and, when that fails,
// returns an *Error naming the first field (in the order of t's fields)
// that does not decode. t must not itself implement json.Unmarshaler by
// delegating to Locate (pass a method-less alias type). With strict,
// object keys that match no field are errors, as with
// json.Decoder.DisallowUnknownFields. It returns nil when data decodes.
func Locate(data []byte, t reflect.Type, strict bool) error {
	if err := decode(data, t, strict); err == nil {
		return nil
	} else if e := locate(data, t, strict, ""); e != nil {
		return e
	} else {
		return wrapSyntax(data, err)
	}
}

func decode(data []byte, t reflect.Type, strict bool) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(reflect.New(t).Interface()); err != nil {
		return err
	}
	if _, err := dec.Token(); err == nil {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}

func wrapSyntax(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := position(data, se.Offset)
		return &Error{Msg: fmt.Sprintf("JSON syntax error at line %d, column %d: %v", line, col, se), Err: err}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &Error{Msg: "the JSON document is empty or cut short", Err: err}
	}
	return &Error{Msg: err.Error(), Err: err}
}

func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col = 1, 1
	for _, b := range data[:max(off-1, 0)] {
		if b == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// locate returns the located error, or nil when data decodes into t.
func locate(data []byte, t reflect.Type, strict bool, path string) *Error {
	err := decode(data, t, strict)
	if err == nil {
		return nil
	}
	var se *json.SyntaxError
	if errors.As(err, &se) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil // the whole document is malformed: no field to blame
	}
	leaf := func() *Error {
		e := &Error{Path: path, Msg: leafMsg(data, t, err), Err: err}
		if path != "" {
			e.Value = valueText(data)
		}
		return e
	}
	if reflect.PointerTo(t).Implements(unmarshaler) || t.Implements(unmarshaler) {
		return leaf()
	}
	trimmed := bytes.TrimSpace(data)
	switch t.Kind() {
	case reflect.Pointer:
		if string(trimmed) == "null" {
			return nil
		}
		return locate(data, t.Elem(), strict, path)
	case reflect.Slice, reflect.Array:
		var elems []json.RawMessage
		if json.Unmarshal(data, &elems) != nil {
			return leaf()
		}
		for i, el := range elems {
			if e := locate(el, t.Elem(), strict, fmt.Sprintf("%s[%d]", path, i)); e != nil {
				return e
			}
		}
	case reflect.Map:
		var m map[string]json.RawMessage
		if json.Unmarshal(data, &m) != nil {
			return leaf()
		}
		for _, k := range sortedKeys(m) {
			if e := locate(m[k], t.Elem(), strict, join(path, k)); e != nil {
				return e
			}
		}
	case reflect.Struct:
		var m map[string]json.RawMessage
		if json.Unmarshal(data, &m) != nil {
			return leaf()
		}
		used := map[string]bool{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, ok := jsonName(f)
			if !ok {
				continue
			}
			key, raw, found := lookup(m, name)
			if !found {
				continue
			}
			used[key] = true
			if e := locate(raw, f.Type, strict, join(path, name)); e != nil {
				return e
			}
		}
		if strict {
			for _, k := range sortedKeys(m) {
				if !used[k] {
					if (hasField(t, "from") || hasField(t, "to")) && period.Refused(k) {
						// A dated object: an exclusive-looking end gets the
						// reason, not only "unknown".
						return &Error{Path: join(path, k), Value: Clip(k), Msg: period.Message(k), Err: err}
					}
					return &Error{Path: path, Value: Clip(k), Msg: fmt.Sprintf("unknown field %q", Clip(k)), Err: err}
				}
			}
		}
	default:
		return leaf()
	}
	return nil
}

func leafMsg(data []byte, t reflect.Type, err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field == "" {
		return fmt.Sprintf("got JSON %s %s, want %s", te.Value, Clip(string(bytes.TrimSpace(data))), want(t))
	}
	return ClipWithin(err.Error(), string(bytes.TrimSpace(data)))
}

func want(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return t.String()
}

// valueText is a JSON value as an error shows it: a string's content,
// other values as their JSON text; clipped.
func valueText(data []byte) string {
	data = bytes.TrimSpace(data)
	var s string
	if len(data) > 0 && data[0] == '"' && json.Unmarshal(data, &s) == nil {
		return Clip(s)
	}
	return Clip(string(data))
}

// MaxInput is how many bytes of a bad input an error message repeats.
const MaxInput = 100

// Clip shortens s to at most MaxInput bytes (cut on a rune boundary) and
// marks the cut with "…", so that an error message never repeats a huge
// input. Every error of iorkit that quotes an input clips it with Clip.
func Clip(s string) string { return ClipTo(s, MaxInput) }

// ClipTo shortens s to at most max bytes (cut on a rune boundary) and
// marks the cut with "…". Clip is ClipTo(s, MaxInput); the few places that
// quote a whole message or a display text rather than one input pass their
// own bound.
func ClipTo(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// ClipWithin returns msg with every copy of the input in it clipped, for
// messages built by code that does not clip (encoding/json, decimal). The
// input is looked for as given and without its JSON quotes. A message
// still longer than 4×MaxInput is clipped as a whole.
func ClipWithin(msg, input string) string {
	for _, in := range []string{input, strings.TrimSuffix(strings.TrimPrefix(input, `"`), `"`)} {
		if len(in) > MaxInput {
			msg = strings.ReplaceAll(msg, in, Clip(in))
		}
	}
	return ClipTo(msg, 4*MaxInput)
}

func jsonName(f reflect.StructField) (string, bool) {
	if !f.IsExported() {
		return "", false
	}
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false
	}
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		name = f.Name
	}
	return name, true
}

// lookup finds name among the keys as encoding/json does: exact match
// first, then case-insensitive.
func lookup(m map[string]json.RawMessage, name string) (string, json.RawMessage, bool) {
	if v, ok := m[name]; ok {
		return name, v, true
	}
	for _, k := range sortedKeys(m) {
		if strings.EqualFold(k, name) {
			return k, m[k], true
		}
	}
	return "", nil, false
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// hasField reports whether struct type t has a field of JSON name name.
func hasField(t reflect.Type, name string) bool {
	for i := 0; i < t.NumField(); i++ {
		if n, ok := jsonName(t.Field(i)); ok && n == name {
			return true
		}
	}
	return false
}
