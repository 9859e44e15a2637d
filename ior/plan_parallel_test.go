package ior_test

import (
	"context"
	"encoding/json"
	"runtime"
	"testing"

	"github.com/iorkit/iorkit/ior"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Plan answers destinations in parallel; the result must be the serial
// run's, byte for byte, in input order.
func TestPlanParallelEqualsSerial(t *testing.T) {
	eng, err := ior.NewEngine()
	require.NoError(t, err)
	s := loadShipment(t, "shipment_de.json")
	dests := eng.Destinations()
	require.Greater(t, len(dests), 20)
	plan := func(procs int) []byte {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		ps, err := eng.Plan(context.Background(), s, dests)
		require.NoError(t, err)
		require.Len(t, ps, len(dests))
		for i, p := range ps {
			require.Equal(t, dests[i], p.Destination)
		}
		b, err := json.Marshal(ps)
		require.NoError(t, err)
		return b
	}
	serial := plan(1)
	assert.Equal(t, string(serial), string(plan(4)))
}
