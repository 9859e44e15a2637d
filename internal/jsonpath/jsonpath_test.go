package jsonpath

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type inner struct {
	N int    `json:"n"`
	S string `json:"s,omitempty"`
}

type outer struct {
	Items []inner          `json:"items"`
	Ptr   *inner           `json:"ptr"`
	M     map[string]inner `json:"m"`
	Skip  int              `json:"-"`
}

func TestLocate(t *testing.T) {
	typ := reflect.TypeFor[outer]()
	cases := []struct{ in, want string }{
		{`{"items":[{"n":1},{"n":"x"}]}`, `items[1].n: got JSON string "x", want an integer`},
		{`{"ptr":{"s":5}}`, `ptr.s: got JSON number 5, want a string`},
		{`{"m":{"k":{"n":true}}}`, `m.k.n: got JSON bool true, want an integer`},
		{`{"items":{}}`, `items: got JSON object {}, want an array`},
		{`{"items":[}`, `JSON syntax error at line 1, column 11: invalid character '}' looking for beginning of value`},
		{``, `the JSON document is empty or cut short`},
		{`{"items":[`, `the JSON document is empty or cut short`},
		{`{} {}`, `unexpected data after the JSON value`},
	}
	for _, c := range cases {
		err := Locate([]byte(c.in), typ, false)
		require.Error(t, err, c.in)
		assert.EqualError(t, err, c.want, c.in)
	}
	assert.NoError(t, Locate([]byte(`{"ptr":null,"Items":[{"N":2}]}`), typ, false))
	assert.EqualError(t, Locate([]byte(`{"ptr":{"n":1,"x":2}}`), typ, true), `ptr: unknown field "x"`)
}

func TestClipTo(t *testing.T) {
	// Within the bound: unchanged.
	assert.Equal(t, "abc", ClipTo("abc", 3))
	// "é" is 2 bytes (0xC3 0xA9): a cut at 2 bytes of "aéb" would split it,
	// so the cut moves back to 1 byte, then "…" marks it.
	assert.Equal(t, "a…", ClipTo("aéb", 2))
	// Clip is ClipTo at MaxInput (100 bytes): 101 bytes keep 100.
	long := strings.Repeat("x", MaxInput+1)
	assert.Equal(t, strings.Repeat("x", MaxInput)+"…", Clip(long))
}
