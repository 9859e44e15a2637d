package rules

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// effective.to is the pack's last day in force.
func TestPackToIsLastDay(t *testing.T) {
	src := strings.Replace(packWith(rule("S1", "shipment", "true")), `{"from": "2026-01-01"}`, `{"from": "2026-01-01", "to": "2026-06-30"}`, 1)
	p := mustParse(t, src)
	assert.True(t, p.Effective.Contains(duty.MustDate("2026-06-30")))
	assert.False(t, p.Effective.Contains(duty.MustDate("2026-07-01")))
	assert.True(t, p.Effective.Contains(duty.MustDate("2026-01-01")))
	assert.False(t, p.Effective.Contains(duty.MustDate("2025-12-31")))

	book, err := Compile(testEnv(t), p)
	require.NoError(t, err)
	assert.True(t, book.Covers("DE", duty.MustDate("2026-06-30")))
	assert.False(t, book.Covers("DE", duty.MustDate("2026-07-01")))
	fs, err := book.Evaluate(context.Background(), Input{Destination: "DE", Date: duty.MustDate("2026-06-30"), Shipment: testShipment(1)})
	require.NoError(t, err)
	assert.Len(t, fs, 1)
	_, err = book.Evaluate(context.Background(), Input{Destination: "DE", Date: duty.MustDate("2026-07-01"), Shipment: testShipment(1)})
	var np *NoPackError
	assert.True(t, errors.As(err, &np))

	// A pack of one day.
	one := strings.Replace(packWith(rule("S1", "shipment", "true")), `{"from": "2026-01-01"}`, `{"from": "2026-01-01", "to": "2026-01-01"}`, 1)
	p = mustParse(t, one)
	assert.True(t, p.Effective.Contains(duty.MustDate("2026-01-01")))
	// An end before the start is an error.
	_, err = Parse(strings.NewReader(strings.Replace(one, `"to": "2026-01-01"`, `"to": "2025-12-31"`, 1)))
	assert.Error(t, err)
}

// An end spelled like an exclusive one is refused with the reason.
func TestPackRefusesExclusiveEnd(t *testing.T) {
	for _, k := range []string{"until", "end", "expires"} {
		src := strings.Replace(packWith(rule("S1", "shipment", "true")), `{"from": "2026-01-01"}`, `{"from": "2026-01-01", "`+k+`": "2026-07-01"}`, 1)
		_, err := Parse(strings.NewReader(src))
		require.Error(t, err, k)
		assert.Contains(t, err.Error(), "effective."+k, k)
		assert.Contains(t, err.Error(), `"to"`, k)
	}
}
