package jsonw

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/stretchr/testify/require"
)

func marshal(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// Every byte value alone, every rune class, and the test strings of
// testkit: String gives json.Marshal's bytes.
func TestStringMatchesEncodingJSON(t *testing.T) {
	ss := testkit.Strings()
	for c := range 256 {
		ss = append(ss, string([]byte{byte(c)}), "a"+string([]byte{byte(c)})+"z")
		// at every place of the words String reads eight bytes at a time
		for at := range 17 {
			w := []byte("abcdefghijklmnopq")
			w[at] = byte(c)
			ss = append(ss, string(w))
		}
	}
	for _, r := range []rune{0x7f, 0x80, 0x7ff, 0x800, 0x2027, 0x2028, 0x2029, 0x202a, 0xfffd, 0xffff, 0x10000, utf8.MaxRune} {
		ss = append(ss, string(r), "x"+string(r)+"<")
	}
	for _, s := range ss {
		require.Equal(t, marshal(t, s), string(String(nil, s)), "%q", s)
	}
}

func TestHelpersMatchEncodingJSON(t *testing.T) {
	require.Equal(t, marshal(t, []string(nil)), string(Strings(nil, nil)))
	require.Equal(t, marshal(t, []string{}), string(Strings(nil, []string{})))
	require.Equal(t, marshal(t, []string{"a", "<b>"}), string(Strings(nil, []string{"a", "<b>"})))
	require.Equal(t, marshal(t, []int(nil)), string(Slice(nil, []int(nil), func(b []byte, n *int) []byte { return Int(b, *n) })))
	require.Equal(t, marshal(t, []int{}), string(Slice(nil, []int{}, func(b []byte, n *int) []byte { return Int(b, *n) })))
	require.Equal(t, marshal(t, []int{-3, 0, 7}), string(Slice(nil, []int{-3, 0, 7}, func(b []byte, n *int) []byte { return Int(b, *n) })))
	require.Equal(t, "truefalse", string(Bool(Bool(nil, true), false)))
}

func FuzzString(f *testing.F) {
	for _, s := range testkit.Strings() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		require.Equal(t, marshal(t, s), string(String(nil, s)))
	})
}
