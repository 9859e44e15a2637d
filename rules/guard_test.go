package rules_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/iorkit/iorkit/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// minifiedPack is a valid pack of n rules on one line, as a minifier or a
// generator writes it.
func minifiedPack(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"pack":"big","country":"US","version":"1","effective":{"from":"2026-01-01"},"sources":[{"title":"t","url":"https://example.com"}],"rules":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"r%d","scope":"shipment","when":"shipment.destination == 'US'","finding":{"kind":"document","code":"C%d","title":"t","reference":"r","severity":"info"}}`, i, i)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// Parse is linear in its input: positions come from line starts recorded
// once, not from counting newlines again for every rule. Before, each rule
// scanned the file up to itself: 4 MB minified took 41 s.
//
// The bound is relative to decoding the same bytes with encoding/json, so
// that it holds on a loaded machine and under -race: Parse does a few times
// that work; the quadratic version did hundreds of times.
func TestParseLinear(t *testing.T) {
	const n = 3000
	data := minifiedPack(n) // about 500 KB on one line
	p, err := rules.Parse(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Len(t, p.Rules, n)
	// Linear, not quadratic: four times the input takes about four times
	// as long (a quadratic parse, as positions computed by rescanning
	// were, takes sixteen). Timed as ratios of the fastest of a few runs,
	// so a loaded machine or -race slows both sides alike.
	fastest := func(b []byte) time.Duration {
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			_, err := rules.Parse(bytes.NewReader(b))
			require.NoError(t, err)
			best = min(best, time.Since(start))
		}
		return best
	}
	small, large := fastest(minifiedPack(n/4)), fastest(data)
	assert.Less(t, large, 10*small+50*time.Millisecond, "Parse of %d rules took %v, of %d rules %v: not linear", n/4, small, n, large)

	// Positions are still exact: an error in the last rule, far into the
	// single line, names line 1 and its byte column.
	bad := bytes.Replace(data, []byte(`"code":"C2999"`), []byte(`"code":"c2999"`), 1)
	_, err = rules.Parse(bytes.NewReader(bad))
	var e *rules.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 1, e.Line)
	assert.Equal(t, bytes.Index(bad, []byte(`"c2999"`))+1, e.Column)
	// And on a pack of many lines.
	multi := bytes.ReplaceAll(bad, []byte(`},{"id"`), []byte("},\n{\"id\""))
	_, err = rules.Parse(bytes.NewReader(multi))
	require.ErrorAs(t, err, &e)
	assert.Equal(t, n, e.Line, "the last rule starts the last line")
	lastLine := multi[bytes.LastIndexByte(multi, '\n')+1:]
	assert.Equal(t, bytes.Index(lastLine, []byte(`"c2999"`))+1, e.Column)
}

// Pack text that reaches a terminal or a page refuses control and format
// characters: an ANSI escape in a title, NUL in a code, a bidirectional
// override in a reference or in the expression itself.
func TestPackTextRefusesControlCharacters(t *testing.T) {
	base := `{"pack":"t","country":"DE","version":"1","effective":{"from":"2026-01-01"},"rules":[{"id":"R1","scope":"shipment","when":"true",
 "finding":{"kind":"document","code":"C","title":"Title","detail":"one\nline","reference":"ref","severity":"info"}}]}`
	_, err := rules.Parse(strings.NewReader(base))
	require.NoError(t, err, "newlines are layout in detail")
	for _, c := range []struct{ old, new, field string }{
		{`"title":"Title"`, `"title":"\u001b[31mTitle"`, "finding.title"},
		{`"title":"Title"`, `"title":"Ti\u202etle"`, "finding.title"},
		{`"title":"Title"`, `"title":"Ti\ntle"`, "finding.title"},
		{`"reference":"ref"`, `"reference":"r\u0000ef"`, "finding.reference"},
		{`"detail":"one\nline"`, `"detail":"one\u001b]8;;http://x\u0007line"`, "finding.detail"},
		{`"when":"true"`, `"when":"true \u202e&& false"`, "when"},
		{`"version":"1"`, `"version":"1\u200b"`, "version"},
	} {
		in := strings.Replace(base, c.old, c.new, 1)
		require.NotEqual(t, base, in)
		_, err := rules.Parse(strings.NewReader(in))
		var e *rules.Error
		require.True(t, errors.As(err, &e), "%s: %v", c.new, err)
		assert.Equal(t, c.field, e.Field, c.new)
		assert.ErrorIs(t, err, rules.CodeInvalidValue)
		assert.Contains(t, e.Msg, "control or formatting character", c.new)
	}
}
