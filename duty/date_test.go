package duty_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

func TestParseDate(t *testing.T) {
	dt, err := duty.ParseDate("2026-03-01")
	require.NoError(t, err)
	assert.Equal(t, "2026-03-01", dt.String())
	assert.Equal(t, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), dt.Time())
	assert.False(t, dt.IsZero())

	for _, s := range []string{"", "2026-3-1", "2026-02-30", "01/03/2026", "2026-03-01T00:00:00Z", " 2026-03-01", "20260301"} {
		_, err := duty.ParseDate(s)
		require.Error(t, err, s)
		assert.ErrorIs(t, err, duty.ErrInvalidDate)
		assert.Contains(t, err.Error(), "YYYY-MM-DD")
	}
	assert.Panics(t, func() { duty.MustDate("tomorrow") })
}

func TestDateOrderAndOf(t *testing.T) {
	a, b := duty.MustDate("2025-12-31"), duty.MustDate("2026-01-01")
	assert.True(t, a.Before(b))
	assert.True(t, b.After(a))
	assert.False(t, a.After(a))
	// 23:30 on 1 March in UTC-5 is still 1 March there.
	ny := time.FixedZone("UTC-5", -5*3600)
	assert.Equal(t, "2026-03-01", duty.DateOf(time.Date(2026, 3, 1, 23, 30, 0, 0, ny)).String())
	assert.Equal(t, "", duty.Date{}.String())
	assert.True(t, duty.Date{}.IsZero())
}

func TestDateJSON(t *testing.T) {
	assert.Equal(t, `"2026-03-01"`, mustJSON(t, duty.MustDate("2026-03-01")))
	assert.Equal(t, `null`, mustJSON(t, duty.Date{}))
	for _, dt := range []duty.Date{duty.MustDate("2026-03-01"), duty.MustDate("2024-02-29"), {}} {
		b, err := json.Marshal(dt)
		require.NoError(t, err)
		var back duty.Date
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, dt, back)
	}
	var dt duty.Date
	for _, bad := range []string{`"2026-13-01"`, `20260301`, `"01.03.2026"`, `{}`} {
		err := json.Unmarshal([]byte(bad), &dt)
		require.Error(t, err, bad)
		assert.ErrorIs(t, err, duty.ErrInvalidDate)
	}
}

// AppendText writes the same ten bytes as String after what b holds, and
// nothing for the zero Date.
func TestDateAppendText(t *testing.T) {
	b, err := duty.MustDate("2026-03-01").AppendText([]byte("on "))
	require.NoError(t, err)
	assert.Equal(t, "on 2026-03-01", string(b))
	b, err = duty.Date{}.AppendText([]byte("on "))
	require.NoError(t, err)
	assert.Equal(t, "on ", string(b))
	txt, err := duty.MustDate("1999-12-31").MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "1999-12-31", string(txt))
}
