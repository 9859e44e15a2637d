package duty_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// destinations for random carts: country, currency, date, region.
var propertyDestinations = []struct{ country, cur, date, region string }{
	{"DE", "EUR", "2026-11-25", ""},
	{"FR", "EUR", "2026-06-15", ""},
	{"GB", "GBP", "2026-11-25", ""},
	{"US", "USD", "2026-03-01", ""},
	{"CA", "CAD", "2026-11-25", "CA-ON"},
	{"CA", "CAD", "2026-11-25", "CA-AB"},
	{"AU", "AUD", "2026-11-25", ""},
	{"NZ", "NZD", "2026-11-25", ""},
	{"JP", "JPY", "2026-11-25", ""},
	{"ZA", "ZAR", "2026-11-25", ""},
	{"IN", "INR", "2026-11-25", ""},
	{"SG", "SGD", "2026-11-25", ""},
	{"CH", "CHF", "2026-11-25", ""},
	{"NO", "NOK", "2026-11-25", ""},
	{"HU", "HUF", "2026-11-25", ""},
}

var (
	propertyModes   = []string{"air", "ocean", "road", "post", "courier"}
	propertyOrigins = []string{"CN", "US", "DE", "BW", "MX", "VN"}
	propertyRates   = []string{"Free", "0%", "2.5%", "4%", "12%", "17.3%", "25%"}
	propertyHS      = []string{"6109100010", "6109100090", "6206100000", "8471300000", "9403600000", "6403990000"}
)

// randomMoney returns a random amount from 0 to about max, in the
// currency's minor units.
func randomMoney(r *rand.Rand, max int64, cur string) duty.Money {
	minor := duty.MustMoney("0", cur).MinorUnits()
	scale := decimal.New(1, minor).IntPart()
	return duty.MustMoney(decimal.New(r.Int64N(max*scale+scale), -minor).String(), cur)
}

func randomEntry(t *testing.T, r *rand.Rand) duty.Entry {
	d := propertyDestinations[r.IntN(len(propertyDestinations))]
	n := 1 + r.IntN(30)
	e := duty.Entry{Destination: d.country, Region: d.region, Date: duty.MustDate(d.date),
		Mode: propertyModes[r.IntN(len(propertyModes))], ShippedFrom: propertyOrigins[r.IntN(len(propertyOrigins))],
		Consumer: r.IntN(2) == 0}
	if r.IntN(3) == 0 {
		e.SellerRegistrations = []string{"IOSS", "VOEC", "SG_GST"}
	}
	for i := 0; i < n; i++ {
		max := []int64{5, 100, 2000, 50000}[r.IntN(4)]
		e.Lines = append(e.Lines, duty.EntryLine{
			HS: propertyHS[r.IntN(len(propertyHS))], Origin: propertyOrigins[r.IntN(len(propertyOrigins))],
			Value: randomMoney(r, max, d.cur), Measures: mfn(t, propertyRates[r.IntN(len(propertyRates))]),
		})
	}
	if r.IntN(4) != 0 {
		e.Freight = randomMoney(r, 3000, d.cur)
	}
	if r.IntN(2) == 0 {
		e.Insurance = randomMoney(r, 200, d.cur)
	}
	return e
}

func sumOf(t *testing.T, cur string, ms ...duty.Money) duty.Money {
	t.Helper()
	z, err := duty.Zero(cur)
	require.NoError(t, err)
	for _, m := range ms {
		z, err = z.Add(m)
		require.NoError(t, err)
	}
	return z
}

func TestCalculateProperties(t *testing.T) {
	c := calculator(t, duty.WithRates(duty.FixedRates{"EUR/HUF": dec("385.47")}))
	for seed := uint64(1); seed <= 300; seed++ {
		r := rand.New(rand.NewPCG(seed, 2026))
		e := randomEntry(t, r)
		name := fmt.Sprintf("seed %d (%s, %d lines)", seed, e.Destination, len(e.Lines))
		a, err := c.Calculate(context.Background(), e)
		require.NoError(t, err, name)
		cur := a.Currency

		// Freight and insurance are allocated over the lines exactly.
		var fr, ins, lineDuty, lineTax, taxes, fees []duty.Money
		for _, l := range a.Lines {
			fr, ins = append(fr, l.Freight), append(ins, l.Insurance)
			lineDuty, lineTax = append(lineDuty, l.Duty), append(lineTax, l.Tax)
			for _, x := range l.Taxes {
				taxes = append(taxes, x.Amount)
			}
		}
		for _, f := range a.Fees {
			fees = append(fees, f.Amount)
		}
		// Declaration-level rounding (JP) adds entry adjustments.
		for _, x := range a.Adjustments {
			switch x.Kind {
			case "duty":
				lineDuty = append(lineDuty, x.Amount)
			case "tax":
				lineTax, taxes = append(lineTax, x.Amount), append(taxes, x.Amount)
			}
		}
		assert.True(t, sumOf(t, cur, fr...).Equal(a.Freight), name+": freight allocation")
		assert.True(t, sumOf(t, cur, ins...).Equal(a.Insurance), name+": insurance allocation")
		if e.Freight.Currency() != "" {
			assert.True(t, a.Freight.Equal(e.Freight), name+": freight")
		}
		if e.Insurance.Currency() != "" {
			assert.True(t, a.Insurance.Equal(e.Insurance), name+": insurance")
		}

		// total = duty + tax + fees.
		tot := a.Totals
		assert.True(t, sumOf(t, cur, tot.Duty, tot.Tax, tot.Fees).Equal(tot.Total), name+": total = duty + tax + fees")
		// Totals are the sums of the lines plus the fees (and adjustments).
		assert.True(t, sumOf(t, cur, lineDuty...).Equal(tot.Duty), name+": duty = sum of lines")
		assert.True(t, sumOf(t, cur, lineTax...).Equal(tot.Tax), name+": tax = sum of lines")
		assert.True(t, sumOf(t, cur, taxes...).Equal(tot.Tax), name+": tax = sum of line taxes")
		assert.True(t, sumOf(t, cur, fees...).Equal(tot.Fees), name+": fees")
		assert.True(t, sumOf(t, cur, tot.TaxAtBorder, tot.TaxAtSale).Equal(tot.Tax), name+": tax = at border + at sale")

		// The same entry twice gives byte-identical JSON.
		b1, err := json.Marshal(a)
		require.NoError(t, err)
		again, err := c.Calculate(context.Background(), e)
		require.NoError(t, err)
		b2, err := json.Marshal(again)
		require.NoError(t, err)
		assert.Equal(t, string(b1), string(b2), name+": deterministic JSON")
	}
}
