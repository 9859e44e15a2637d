package ior_test

import (
	"context"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/stretchr/testify/assert"
)

// A nil or zero Engine answers every call with an error, never a panic.
func TestNilEngine(t *testing.T) {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	ctx := context.Background()
	for _, e := range []*ior.Engine{nil, {}} {
		_, err := e.Quote(ctx, s)
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		_, err = e.Decide(ctx, s)
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		_, err = e.Plan(ctx, s, []string{"DE"})
		assert.ErrorIs(t, err, duty.ErrUninitialized)
		assert.Nil(t, e.Profiles())
		assert.Empty(t, e.Destinations())
		_, err = e.Price(ctx, ior.PriceRequest{Shipment: s})
		assert.Error(t, err)
		_, err = e.View(s, ior.Quote{}, "EUR")
		assert.Error(t, err)
	}
}
