package duty_test

import (
	"context"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// resolveTable: 6109.10 has two national lines with one rate, 6109.90 two
// with different rates, 6110 a heading rate with one exception below it.
func resolveTable(t *testing.T) *duty.Table {
	t.Helper()
	tb, err := duty.ReadTable(strings.NewReader("hs,kind,rate,origins,program,from,to,source\n" +
		"6109.10.00.12,mfn,12%,,,2020-01-01,,test\n" +
		"6109.10.00.90,mfn,12%,,,2020-01-01,,test\n" +
		"6109.90.10,mfn,10%,,,2020-01-01,,test\n" +
		"6109.90.90,mfn,32%,,,2020-01-01,,test\n" +
		"6110,mfn,8%,,,2020-01-01,,test\n" +
		"6110.20.20,mfn,8%,,,2020-01-01,,test\n"))
	require.NoError(t, err)
	return tb
}

func TestTableLinesUnder(t *testing.T) {
	tb := resolveTable(t)
	got, err := tb.LinesUnder("6109.10")
	require.NoError(t, err)
	assert.Equal(t, []string{"6109100012", "6109100090"}, got)
	got, err = tb.LinesUnder("6109")
	require.NoError(t, err)
	assert.Equal(t, []string{"6109100012", "6109100090", "61099010", "61099090"}, got)
	// 6110 carries its own rate: goods of 6110 outside 6110.20.20 take it,
	// so 6110 itself is a candidate.
	got, err = tb.LinesUnder("6110")
	require.NoError(t, err)
	assert.Equal(t, []string{"6110", "61102020"}, got)
	// A full line, or a code below one, needs no resolution.
	got, err = tb.LinesUnder("6109.90.10")
	require.NoError(t, err)
	assert.Nil(t, got)
	got, err = tb.LinesUnder("6109.90.10.10")
	require.NoError(t, err)
	assert.Nil(t, got)
	_, err = tb.LinesUnder("61x")
	assert.ErrorIs(t, err, duty.ErrInvalidCode)
	tb.SetIncomplete()
	got, err = tb.LinesUnder("6109")
	require.NoError(t, err)
	assert.Nil(t, got)
}

func resolveEntry(hs string) duty.Entry {
	return duty.Entry{Destination: "DE", Date: duty.MustDate("2026-03-01"), Mode: "air", Lines: []duty.EntryLine{
		{HS: hs, Origin: "CN", Value: duty.MustMoney("200", "EUR")}}}
}

func TestResolveShortCode(t *testing.T) {
	c := calculator(t, duty.WithSchedule("EU", resolveTable(t)))
	ctx := context.Background()

	// Same measures below 6109.10: resolved, 12% of 200 = 24.00, flagged.
	a, err := c.Calculate(ctx, resolveEntry("6109.10"))
	require.NoError(t, err)
	eqm(t, "24.00", a.Totals.Duty, "12% of 200")
	require.Len(t, a.Warnings, 1)
	assert.Equal(t, duty.HSResolved, a.Warnings[0].Code)
	assert.Contains(t, a.Warnings[0].Message, "6109100012, 6109100090")
	_, err = c.Calculate(ctx, resolveEntry("6109.10"), duty.Strict())
	assert.ErrorIs(t, err, duty.ErrStrict)

	// Different rates below 6109.90: with HSStrict an error listing the
	// lines.
	_, err = c.Calculate(ctx, resolveEntry("6109.90"), duty.ResolveHS(duty.HSStrict))
	require.ErrorIs(t, err, duty.ErrAmbiguousCode)
	var amb *duty.AmbiguousCodeError
	require.ErrorAs(t, err, &amb)
	assert.Equal(t, []string{"61099010", "61099090"}, amb.Lines)

	// Highest: 32% of 200 = 64.00; lowest: 10% of 200 = 20.00.
	a, err = c.Calculate(ctx, resolveEntry("6109.90"), duty.ResolveHS(duty.HSHighest))
	require.NoError(t, err)
	eqm(t, "64.00", a.Totals.Duty, "32% of 200")
	require.Len(t, a.Warnings, 1)
	assert.Equal(t, duty.HSResolved, a.Warnings[0].Code)
	assert.Contains(t, a.Warnings[0].Message, "from 20.00 EUR (61099010) to 64.00 EUR (61099090)")
	a, err = c.Calculate(ctx, resolveEntry("6109.90"), duty.ResolveHS(duty.HSLowest))
	require.NoError(t, err)
	eqm(t, "20.00", a.Totals.Duty, "10% of 200")
	// The default is the highest.
	a, err = c.Calculate(ctx, resolveEntry("6109.90"))
	require.NoError(t, err)
	eqm(t, "64.00", a.Totals.Duty, "32% of 200")
	_, err = c.Calculate(ctx, resolveEntry("6109.90"), duty.Strict())
	assert.ErrorIs(t, err, duty.ErrStrict)

	// 6110: the heading rate and its one line agree (8%): resolved.
	a, err = c.Calculate(ctx, resolveEntry("6110"))
	require.NoError(t, err)
	eqm(t, "16.00", a.Totals.Duty, "8% of 200")
	assert.Equal(t, duty.HSResolved, a.Warnings[0].Code)

	// A full line: no resolution, no warning.
	a, err = c.Calculate(ctx, resolveEntry("6109.90.90"))
	require.NoError(t, err)
	assert.Empty(t, a.Warnings)

	// A code the table does not know stays unknown.
	_, err = c.Calculate(ctx, resolveEntry("6201.40"))
	assert.ErrorIs(t, err, duty.ErrUnknownCode)

	_, err = c.Calculate(ctx, resolveEntry("6109.90"), duty.ResolveHS("median"))
	assert.Error(t, err)
}
