package ior

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/require"
)

// Plan checks a shipment's lines once (checkLines) and validates each
// destination's copy with them: the same error, problem for problem, as
// Validate of the copy, and no problem shared between two errors.
func TestValidateWithCheckedLines(t *testing.T) {
	b, err := os.ReadFile("testdata/shipment_de.json")
	require.NoError(t, err)
	var good Shipment
	require.NoError(t, json.Unmarshal(b, &good))
	bad := good
	bad.Lines = append([]Line(nil), good.Lines...)
	bad.Lines = append(bad.Lines, bad.Lines[0], bad.Lines[0])
	bad.Lines[1].HS = "84A1"
	bad.Lines[1].Origin = "XX"
	bad.Lines[2].Quantity = duty.Quantity{}
	bad.Lines[2].UnitPrice = duty.MustMoney("3", "USD") // not the shipment's currency
	require.GreaterOrEqual(t, len(bad.checkLines().problems), 4)
	empty := good
	empty.Lines = nil
	for _, s := range []Shipment{good, bad, empty} {
		lines := s.checkLines()
		for _, dest := range []string{"DE", "FR", "US", s.Origin, "", "X1"} {
			c := s
			c.Destination = dest
			c.Buyer.Country = dest
			want := c.Validate()
			got := c.validate(lines)
			require.Equal(t, want, got, dest)
			if got != nil {
				again := c.validate(lines).(*ValidationError)
				for i, p := range got.(*ValidationError).Problems {
					require.NotSame(t, p, again.Problems[i])
				}
			}
		}
	}
}
