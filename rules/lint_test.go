package rules

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLint(t *testing.T) {
	fsys := fstest.MapFS{
		"a/ok.json":     {Data: []byte(packWith(rule("OK", "line", "hs_prefix(line.hs, '8517')")))},
		"b/costly.json": {Data: []byte(strings.Replace(packWith(rule("NESTED", "shipment", "shipment.lines.exists(a, shipment.lines.exists(b, a.hs == b.hs))")), `"pack": "t"`, `"pack": "c"`, 1))},
		"c/broken.json": {Data: []byte(`{"pack": "b",`)},
		"notes.txt":     {Data: []byte("not a pack")},
	}
	rep, err := Lint(testEnv(t), fsys)
	require.NoError(t, err)
	assert.False(t, rep.OK())
	require.Len(t, rep.Errors, 2)
	assert.Equal(t, "b/costly.json", rep.Errors[1].File)
	assert.Contains(t, rep.Errors[1].Msg, "exceeds the budget")
	assert.Equal(t, "c/broken.json", rep.Errors[0].File)
	assert.Equal(t, 1, rep.Errors[0].Line)
	require.Len(t, rep.Packs, 2)
	// The refused rule still shows its estimate, so authors see by how much.
	assert.Equal(t, "a/ok.json", rep.Packs[0].File)
	assert.Equal(t, "OK", rep.Packs[0].Rules[0].Rule)
	assert.Equal(t, "NESTED", rep.Packs[1].Rules[0].Rule)
	assert.Greater(t, rep.Packs[1].Rules[0].Max, DefaultCostBudget)
	assert.Contains(t, rep.String(), "2 errors")
}

func TestLintDefaultPacks(t *testing.T) {
	rep, err := Lint(testEnv(t), DefaultPacks())
	require.NoError(t, err)
	require.True(t, rep.OK(), rep.String())
	n := 0
	for _, p := range rep.Packs {
		for _, r := range p.Rules {
			n++
			assert.LessOrEqual(t, r.Max, DefaultCostBudget, r.Rule)
		}
	}
	assert.Greater(t, n, 100)
}
