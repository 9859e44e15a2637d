package duty_test

import (
	"context"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each duty charge names the program of the measure that produced it, so
// callers need not parse Source.
func TestChargeProgram(t *testing.T) {
	tb, err := duty.ReadTable(strings.NewReader("hs,kind,rate,origins,program,from,to,source\n" +
		"6109.10,mfn,16.5%,,,2020-01-01,,HTS (test)\n" +
		"6109.10,preferential,Free,MX CA,S,2020-07-01,,HTS GN 11 (test)\n" +
		"6109.10,additional,7.5%,CN,9903.88.15,2020-02-14,,USTR list 4A (test)\n"))
	require.NoError(t, err)
	c, err := duty.NewCalculator(duty.WithSchedule("US", tb))
	require.NoError(t, err)
	entry := func(origin string) duty.Entry {
		return duty.Entry{Destination: "US", Date: duty.MustDate("2026-03-01"), Mode: "courier", ShippedFrom: origin,
			Lines: []duty.EntryLine{{HS: "6109.10.00", Origin: origin, Value: duty.MustMoney("1000.00", "USD"),
				Quantities: []duty.Quantity{duty.MustQuantity("40 item")}}}}
	}
	a, err := c.Calculate(context.Background(), entry("MX"))
	require.NoError(t, err)
	require.Len(t, a.Lines[0].Duties, 1)
	assert.Equal(t, "PREF", a.Lines[0].Duties[0].Code)
	assert.Equal(t, "S", a.Lines[0].Duties[0].Program)

	// CN: MFN 16.5% × 1,000.00 = 165.00 and the 9903.88.15 layer 7.5% × 1,000.00 = 75.00.
	a, err = c.Calculate(context.Background(), entry("CN"))
	require.NoError(t, err)
	require.Len(t, a.Lines[0].Duties, 2)
	assert.Equal(t, "MFN", a.Lines[0].Duties[0].Code)
	assert.Equal(t, "", a.Lines[0].Duties[0].Program)
	assert.Equal(t, "165.00 USD", a.Lines[0].Duties[0].Amount.String())
	assert.Equal(t, "ADD", a.Lines[0].Duties[1].Code)
	assert.Equal(t, "9903.88.15", a.Lines[0].Duties[1].Program)
	assert.Equal(t, "75.00 USD", a.Lines[0].Duties[1].Amount.String())
}

func TestMustQuantity(t *testing.T) {
	assert.Equal(t, "40 item", duty.MustQuantity("40 item").String())
	assert.Panics(t, func() { duty.MustQuantity("forty") })
}
