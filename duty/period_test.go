package duty_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A period's "to" is its last day in force: the measure applies on that
// day and not on the next.
func TestTableToIsLastDay(t *testing.T) {
	tb, err := duty.ReadTable(strings.NewReader("hs,kind,rate,origins,program,from,to,source\n" +
		"6109.10,mfn,12%,,,2025-01-01,2025-12-31,old\n" +
		"6109.10,mfn,10%,,,2026-01-01,,new\n"))
	require.NoError(t, err)
	ms, err := tb.Measures("6109.10", "CN", duty.MustDate("2025-12-31"))
	require.NoError(t, err)
	require.Len(t, ms, 1)
	assert.Equal(t, "12%", ms[0].Rate.String())
	ms, err = tb.Measures("6109.10", "CN", duty.MustDate("2026-01-01"))
	require.NoError(t, err)
	require.Len(t, ms, 1)
	assert.Equal(t, "10%", ms[0].Rate.String())
	_, err = tb.Measures("6109.10", "CN", duty.MustDate("2024-12-31"))
	assert.ErrorIs(t, err, duty.ErrNotInForce)

	m := duty.Measure{From: duty.MustDate("2026-01-01"), To: duty.MustDate("2026-01-01")}
	assert.True(t, m.InForce(duty.MustDate("2026-01-01")), "a one-day period")
	assert.False(t, m.InForce(duty.MustDate("2026-01-02")))
}

// Columns that read as an exclusive end are refused, so a file written for
// that convention is not misread by a day.
func TestTableRefusesExclusiveEnd(t *testing.T) {
	for _, h := range []string{"until", "end", "expires", "valid_until"} {
		_, err := duty.ReadTable(strings.NewReader("hs,kind,rate,from," + h + ",source\n6109.10,mfn,12%,2025-01-01,2026-01-01,x\n"))
		require.Error(t, err, h)
		assert.ErrorIs(t, err, duty.ErrInvalidTable, h)
		var te *duty.TableError
		require.True(t, errors.As(err, &te), h)
		assert.Equal(t, h, te.Column)
		assert.Contains(t, err.Error(), `"to"`)
	}
}

const profileDoc = `{"version": "test", "profiles": [
 {"country": "DE", "name": "Germany (test)", "currency": "EUR", "valuation": "CIF",
  "from": "2025-01-01", "to": "2025-06-30", "sources": ["test"]},
 {"country": "DE", "name": "Germany (test)", "currency": "EUR", "valuation": "FOB",
  "from": "2025-07-01", "sources": ["test"]}]}`

func TestProfileToIsLastDay(t *testing.T) {
	list, err := duty.ReadProfiles(strings.NewReader(profileDoc))
	require.NoError(t, err)
	ps, err := duty.NewProfiles(list...)
	require.NoError(t, err)
	p, err := ps.For("DE", duty.MustDate("2025-06-30"))
	require.NoError(t, err)
	assert.Equal(t, duty.CIF, p.Valuation)
	p, err = ps.For("DE", duty.MustDate("2025-07-01"))
	require.NoError(t, err)
	assert.Equal(t, duty.FOB, p.Valuation)
	_, err = ps.For("DE", duty.MustDate("2024-12-31"))
	assert.ErrorIs(t, err, duty.ErrNoProfile)
}

func TestProfileRefusesExclusiveEnd(t *testing.T) {
	doc := strings.Replace(profileDoc, `"to": "2025-06-30"`, `"until": "2025-07-01"`, 1)
	_, err := duty.ReadProfiles(strings.NewReader(doc))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "profiles[0].until")
	assert.Contains(t, err.Error(), `"to"`)
}
