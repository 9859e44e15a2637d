package limits_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/internal/limits"
	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReaderExactlyAtLimit(t *testing.T) {
	b, err := limits.ReadAll(strings.NewReader("12345"), 5, "test input")
	require.NoError(t, err)
	assert.Equal(t, "12345", string(b))
}

func TestReaderOverLimit(t *testing.T) {
	b, err := limits.ReadAll(strings.NewReader("123456"), 5, "test input")
	require.Error(t, err)
	assert.True(t, errors.Is(err, limits.ErrLimit))
	var le *limits.Error
	require.True(t, errors.As(err, &le))
	assert.Equal(t, int64(5), le.Limit)
	assert.Equal(t, "test input", le.Input)
	assert.Equal(t, "test input: input larger than the limit of 5 bytes", err.Error())
	// Only the bytes within the limit are handed back.
	assert.Equal(t, "12345", string(b))
}

func TestReaderEndless(t *testing.T) {
	_, err := limits.ReadAll(testkit.Endless('a'), 1<<16, "endless")
	assert.ErrorIs(t, err, limits.ErrLimit)
	// The error is sticky: a caller that reads again gets it again.
	r := limits.Reader(testkit.Endless('a'), 10, "endless")
	_, _ = io.Copy(io.Discard, r)
	_, err = r.Read(make([]byte, 4))
	assert.ErrorIs(t, err, limits.ErrLimit)
}

func TestReaderNoLimit(t *testing.T) {
	in := bytes.Repeat([]byte("x"), 1000)
	b, err := limits.ReadAll(bytes.NewReader(in), 0, "unbounded")
	require.NoError(t, err)
	assert.Len(t, b, 1000)
}

func TestField(t *testing.T) {
	assert.NoError(t, limits.Field("shipment", "lines[0].sku", "abc", 3))
	err := limits.Field("shipment", "lines[0].sku", "abcd", 3)
	assert.ErrorIs(t, err, limits.ErrLimit)
	assert.Equal(t, "shipment: lines[0].sku is 4 bytes long, over the limit of 3 bytes", err.Error())
}

func TestRecord(t *testing.T) {
	err := limits.Record("tariff table", 7, []string{"hs", "rate"}, []string{"0101", "xxxxx"}, 4)
	assert.EqualError(t, err, `tariff table: line 7: column "rate" is 5 bytes long, over the limit of 4 bytes`)
	err = limits.Record("tariff table", 2, []string{"hs"}, []string{"0101", "xxxxx"}, 4)
	assert.EqualError(t, err, `tariff table: line 2: column 2 is 5 bytes long, over the limit of 4 bytes`)
	assert.NoError(t, limits.Record("t", 1, nil, []string{"abcd"}, 4))
}

func TestJSONStrings(t *testing.T) {
	doc := `{"id":"a","l":[{"sku":"x"},{"sku":"yyyyy","n":[1,"zz"]}],"b":true}`
	assert.NoError(t, limits.JSONStrings([]byte(doc), 5, "shipment"))
	err := limits.JSONStrings([]byte(doc), 4, "shipment")
	var le *limits.Error
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, "l[1].sku", le.What)
	assert.Equal(t, int64(5), le.Got)
	// A long key, and a long string in a nested array.
	err = limits.JSONStrings([]byte(`{"a":[["x",`+`"`+strings.Repeat("q", 9)+`"]]}`), 8, "doc")
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, "a[0][1]", le.What)
	err = limits.JSONStrings([]byte(`{"`+strings.Repeat("k", 9)+`":1}`), 8, "doc")
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, "a key in the document", le.What)
	// Escapes count once unescaped: "\u0041" is one byte.
	assert.NoError(t, limits.JSONStrings([]byte(`["\u0041\u0041\u0041\u0041"]`), 4, "doc"))
	// Invalid JSON is left to the decoder.
	assert.NoError(t, limits.JSONStrings([]byte(`{"a":`+strings.Repeat("x", 20)), 4, "doc"))
}
