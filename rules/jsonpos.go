package rules

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strings"
)

// node is one JSON value with the byte offset where it starts, so that
// every validation error can point at a line and column of the pack file.
type node struct {
	off   int
	kind  byte // '{', '[', 's' (string), 'n' (number), 'b' (bool), '0' (null)
	str   string
	keys  []string
	kOffs []int
	vals  []*node
	items []*node
}

// maxDepth bounds nesting so a hostile file cannot exhaust the stack.
const maxDepth = 32

type jsonReader struct {
	data []byte
	dec  *json.Decoder
}

// parseTree reads one JSON document into a tree of nodes. Errors carry the
// byte offset of the problem.
func parseTree(data []byte) (*node, error) {
	r := &jsonReader{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	r.dec.UseNumber()
	n, err := r.value(0)
	if err != nil {
		return nil, err
	}
	if off := r.start(); off < len(data) {
		// Report where the extra data starts (after the token is read,
		// the decoder's offset is past it).
		return nil, &offsetError{off: off, msg: "unexpected data after the top-level object"}
	}
	if _, err := r.dec.Token(); err != io.EOF {
		return nil, &offsetError{off: r.start(), msg: "unexpected data after the top-level object"}
	}
	return n, nil
}

type offsetError struct {
	off int
	msg string
}

func (e *offsetError) Error() string { return e.msg }

// start returns the offset of the next token: InputOffset points just past
// the previous one, before any separator.
func (r *jsonReader) start() int {
	i := int(r.dec.InputOffset())
	for i < len(r.data) {
		switch r.data[i] {
		case ' ', '\t', '\r', '\n', ':', ',':
			i++
			continue
		}
		break
	}
	return i
}

func (r *jsonReader) token() (json.Token, int, error) {
	off := r.start()
	tok, err := r.dec.Token()
	if err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, int(se.Offset), &offsetError{off: int(se.Offset), msg: "syntax error: " + se.Error()}
		}
		if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, len(r.data), &offsetError{off: len(r.data), msg: "unexpected end of file"}
		}
		return nil, off, &offsetError{off: off, msg: err.Error()}
	}
	return tok, off, nil
}

func (r *jsonReader) value(depth int) (*node, error) {
	tok, off, err := r.token()
	if err != nil {
		return nil, err
	}
	if depth > maxDepth {
		return nil, &offsetError{off: off, msg: "nesting too deep"}
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &node{off: off, kind: '{'}
			for r.dec.More() {
				kt, koff, err := r.token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := r.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, k)
				n.kOffs = append(n.kOffs, koff)
				n.vals = append(n.vals, v)
			}
			if _, _, err := r.token(); err != nil {
				return nil, err
			}
			return n, nil
		case '[':
			n := &node{off: off, kind: '['}
			for r.dec.More() {
				v, err := r.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
			if _, _, err := r.token(); err != nil {
				return nil, err
			}
			return n, nil
		}
		return nil, &offsetError{off: off, msg: "unexpected " + t.String()}
	case string:
		return &node{off: off, kind: 's', str: t}, nil
	case json.Number:
		return &node{off: off, kind: 'n', str: t.String()}, nil
	case bool:
		if t {
			return &node{off: off, kind: 'b', str: "true"}, nil
		}
		return &node{off: off, kind: 'b', str: "false"}, nil
	case nil:
		return &node{off: off, kind: '0'}, nil
	}
	return nil, &offsetError{off: off, msg: "unexpected token"}
}

// lineStarts records where each line of data starts, once, so that every
// position is found by a binary search: Parse stays linear in its input
// however many rules a one-line (minified) pack holds.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineCol converts a byte offset into a 1-based line and column (columns
// count bytes, as most editors' "go to" commands accept).
func (p *Pack) lineCol(off int) (line, col int) {
	off = max(0, min(off, len(p.data)))
	if p.lineStarts == nil {
		p.lineStarts = lineStarts(p.data)
	}
	// the last line start at or before off
	i := sort.Search(len(p.lineStarts), func(i int) bool { return p.lineStarts[i] > off }) - 1
	return i + 1, off - p.lineStarts[i] + 1
}

func kindName(k byte) string {
	switch k {
	case '{':
		return "object"
	case '[':
		return "array"
	case 's':
		return "string"
	case 'n':
		return "number"
	case 'b':
		return "boolean"
	case '0':
		return "null"
	}
	return "value"
}

// rawStringAt reports whether the JSON string starting at off is written
// without escapes, so that offsets inside its value map one-to-one onto the
// file.
func rawStringAt(data []byte, off int, value string) bool {
	if off >= len(data) || data[off] != '"' {
		return false
	}
	end := off + 1 + len(value)
	return end < len(data) && string(data[off+1:end]) == value && data[end] == '"' && !strings.ContainsAny(value, "\n")
}
