package reftariff_test

import (
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func decimalOf(t *testing.T, s string) decimal.Decimal {
	t.Helper()
	d, err := decimal.NewFromString(s)
	require.NoError(t, err)
	return d
}

func mustUnit(t *testing.T, s string) duty.Unit {
	t.Helper()
	u, err := duty.ParseUnit(s)
	require.NoError(t, err)
	return u
}
