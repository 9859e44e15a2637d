package hts

import (
	"os"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/internal/shareddata"
	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiffFixture(t *testing.T) {
	b, err := os.ReadFile("testdata/mini.csv")
	require.NoError(t, err)
	old, err := ReadCSV(strings.NewReader(string(b)), KeepDescriptions())
	require.NoError(t, err)
	edited := strings.Replace(string(b), `"4202.92.31","2","Of man-made fibers","","17.6%"`, `"4202.92.31","2","Of man-made  fibers","","15%"`, 1)
	edited = strings.Replace(edited, "\"6402.99.31.60\",\"2\",\"Men's\",\"[\"\"prs.\"\"]\",\"\",\"\",\"\",\"\",\"\"\n", "", 1)
	edited += "\"6402.99.31.90\",\"2\",\"Other\",\"[\"\"prs.\"\"]\",\"\",\"\",\"\",\"\",\"\"\n"
	nw, err := ReadCSV(strings.NewReader(edited), KeepDescriptions())
	require.NoError(t, err)
	cs := Diff(old, nw)
	require.Len(t, cs, 3)
	assert.Equal(t, "4202.92.31", cs[0].Number)
	assert.Equal(t, Changed, cs[0].Kind)
	assert.Equal(t, []string{"general"}, cs[0].Fields, "re-spaced description is not a change")
	assert.Equal(t, "17.6%", cs[0].Old.General)
	assert.Equal(t, "15%", cs[0].New.General)
	assert.Equal(t, Removed, cs[1].Kind)
	assert.Equal(t, "6402.99.31.60", cs[1].Number)
	assert.Nil(t, cs[1].New)
	assert.Equal(t, Added, cs[2].Kind)
	assert.Equal(t, "6402.99.31.90", cs[2].Number)
	assert.Empty(t, Diff(old, old))
	assert.Equal(t, "changed", Changed.String())
}

func TestDiffReal(t *testing.T) {
	old, err := ReadCSV(testkit.Open(t, shareddata.Path(t, "usitc_hts", "usitc_hts_2025-04_htsdata.csv")), KeepDescriptions())
	require.NoError(t, err)
	nw, err := ReadCSV(testkit.Open(t, shareddata.Path(t, "usitc_hts", "usitc_hts_2026_revision_3.csv")), KeepDescriptions())
	require.NoError(t, err)
	cs := Diff(old, nw)
	kinds := map[ChangeKind]int{}
	byNumber := map[string]Change{}
	for _, c := range cs {
		kinds[c.Kind]++
		byNumber[c.Number] = c
	}
	assert.Equal(t, map[ChangeKind]int{Added: 427, Removed: 551, Changed: 331}, kinds)
	// Section 232 steel raised from 25% to 50% (June 2025).
	c := byNumber["9903.81.87"]
	assert.Equal(t, Changed, c.Kind)
	assert.Contains(t, c.Fields, "general")
	assert.Contains(t, c.Old.General, "+ 25%")
	assert.Contains(t, c.New.General, "+ 50%")
	// A statistical line split: 0202.30.80.00 removed, 0202.30.80 added.
	assert.Equal(t, Removed, byNumber["0202.30.80.00"].Kind)
	assert.Equal(t, Added, byNumber["0202.30.80"].Kind)

	// The two chapter 99 snapshots: the s.122 headings appear.
	a, err := ReadJSON(testkit.Open(t, shareddata.Path(t, "usitc_hts", "usitc_hts_ch99_2026-02.json")), KeepDescriptions())
	require.NoError(t, err)
	b, err := ReadJSON(testkit.Open(t, shareddata.Path(t, "usitc_hts", "usitc_hts_ch99_2026-04.json")), KeepDescriptions())
	require.NoError(t, err)
	cs = Diff(a, b)
	var added []string
	changed := 0
	for _, c := range cs {
		switch c.Kind {
		case Added:
			added = append(added, c.Number)
		case Changed:
			changed++
		case Removed:
			t.Errorf("unexpected removal %s", c.Number)
		}
	}
	assert.Equal(t, []string{"9903.03.01", "9903.03.02", "9903.03.03", "9903.03.04", "9903.03.05", "9903.03.06",
		"9903.03.07", "9903.03.08", "9903.03.09", "9903.03.10", "9903.03.11"}, added)
	assert.Equal(t, 15, changed)
}
