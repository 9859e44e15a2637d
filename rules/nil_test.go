package rules

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNilBook(t *testing.T) {
	for _, b := range []*Book{nil, {}} {
		_, err := b.Evaluate(context.Background(), Input{Destination: "DE", Date: duty.MustDate("2026-03-01")})
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		assert.False(t, b.Covers("DE", duty.MustDate("2026-03-01")))
		assert.Empty(t, b.Costs())
		assert.Empty(t, b.Packs())
	}
	_, err := Compile(nil, mustParse(t, packWith(rule("S1", "shipment", "true"))))
	require.Error(t, err)
	_, err = Compile(&Env{}, mustParse(t, packWith(rule("S1", "shipment", "true"))))
	require.Error(t, err)
	_, err = Lint(&Env{}, fstest.MapFS{})
	require.Error(t, err)
	var r *LintReport
	assert.False(t, r.OK())
	assert.Equal(t, "", r.String())
}
