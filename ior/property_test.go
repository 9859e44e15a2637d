package ior_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// propertyEngine: the EU test tariff of euEngine (T-shirts and sweaters
// 12%, headphones 2%), the embedded profiles and packs, and a rate for
// the US destination of Plan.
func propertyEngine(t testing.TB) *ior.Engine {
	return euEngine(t, ior.WithRates(duty.FixedRates{"EUR/USD": decimal.RequireFromString("1.0812")}))
}

var cartGoods = []struct{ hs, origin, desc string }{
	{"6109.10", "CN", "Cotton T-shirt"},
	{"6110.20", "BD", "Cotton sweater"},
	{"8518.30", "VN", "Headphones"},
}

// randomCart is a DE shipment of 1 to 6 lines with random quantities,
// prices (0.01 to 400.00 EUR) and freight, under a random Incoterm.
func randomCart(r *rand.Rand) ior.Shipment {
	incoterms := []ior.Incoterm{ior.DDP, ior.DAP, ior.EXW, ior.CIP}
	yes := true
	s := ior.Shipment{
		ID: fmt.Sprintf("cart-%d", r.IntN(1_000_000)), Date: duty.MustDate("2026-03-01"),
		Origin: "US", Destination: "DE", Incoterm: incoterms[r.IntN(len(incoterms))], Mode: ior.Courier,
		Seller: ior.Party{Name: "Acme Inc", Country: "US", Kind: ior.Business, AcceptsImportRisk: &yes},
		Buyer:  ior.Party{Name: "Jana Novak", Country: "DE", Kind: []ior.Kind{ior.Consumer, ior.Business}[r.IntN(2)]},
	}
	for i := range 1 + r.IntN(6) {
		g := cartGoods[r.IntN(len(cartGoods))]
		s.Lines = append(s.Lines, ior.Line{
			SKU: fmt.Sprintf("SKU-%d", i), Description: g.desc, HS: g.hs, Origin: g.origin,
			Quantity:  duty.Quantity{Value: decimal.NewFromInt(int64(1 + r.IntN(50))), Unit: duty.Item},
			UnitPrice: duty.MustMoney(decimal.New(int64(1+r.IntN(40000)), -2).StringFixed(2), "EUR"),
		})
	}
	if r.IntN(3) > 0 {
		s.Freight = duty.MustMoney(decimal.New(int64(r.IntN(20000)), -2).StringFixed(2), "EUR")
	}
	return s
}

func sumMoney(t *testing.T, cur string, ms ...duty.Money) duty.Money {
	t.Helper()
	z, err := duty.Zero(cur)
	require.NoError(t, err)
	for _, m := range ms {
		z, err = z.Add(m)
		require.NoError(t, err)
	}
	return z
}

// Totals equal the lines plus the fees, for random carts through
// Engine.Quote; the same shipment gives the same bytes; a quote and a
// decision survive a JSON round trip byte for byte.
func TestQuoteProperties(t *testing.T) {
	e := propertyEngine(t)
	for seed := uint64(1); seed <= 200; seed++ {
		r := rand.New(rand.NewPCG(seed, 8))
		s := randomCart(r)
		name := fmt.Sprintf("seed %d (%s, %d lines)", seed, s.Incoterm, len(s.Lines))
		require.NoError(t, s.Validate(), name)
		q, err := e.Quote(context.Background(), s)
		require.NoError(t, err, name)

		var duties, taxes, fees []duty.Money
		for _, l := range q.Lines {
			duties, taxes = append(duties, l.Duty), append(taxes, l.Tax)
		}
		for _, f := range q.Fees {
			fees = append(fees, f.Amount)
		}
		tot := q.Totals
		assert.True(t, sumMoney(t, "EUR", duties...).Equal(tot.Duty), name+": duty = sum of line duties")
		assert.True(t, sumMoney(t, "EUR", taxes...).Equal(tot.Tax), name+": tax = sum of line taxes")
		assert.True(t, sumMoney(t, "EUR", fees...).Equal(tot.Fees), name+": fees = sum of fees")
		assert.True(t, sumMoney(t, "EUR", append(append(duties, taxes...), fees...)...).Equal(tot.Total), name+": total = lines + fees")

		// The goods value is the sum of quantity × unit price (worked here,
		// not read from the quote's trace).
		var goods []duty.Money
		for _, l := range s.Lines {
			goods = append(goods, l.UnitPrice.Mul(l.Quantity.Value))
		}
		var qgoods []duty.Money
		for _, l := range q.Lines {
			qgoods = append(qgoods, l.Value)
		}
		assert.True(t, sumMoney(t, "EUR", goods...).Equal(sumMoney(t, "EUR", qgoods...)), name+": goods value")
		// CIF: customs value = goods + freight.
		cif := sumMoney(t, "EUR", goods...)
		if s.Freight.Currency() != "" {
			cif = sumMoney(t, "EUR", cif, s.Freight)
		}
		assert.True(t, cif.Equal(q.CustomsValue), name+": customs value %s, want %s", q.CustomsValue, cif)

		// Same input, same bytes.
		b1, err := json.Marshal(q)
		require.NoError(t, err)
		q2, err := e.Quote(context.Background(), s)
		require.NoError(t, err)
		b2, err := json.Marshal(q2)
		require.NoError(t, err)
		require.Equal(t, string(b1), string(b2), name+": quote bytes")

		// JSON round trip of the quote.
		var back ior.Quote
		require.NoError(t, json.Unmarshal(b1, &back), name)
		b3, err := json.Marshal(back)
		require.NoError(t, err)
		require.JSONEq(t, string(b1), string(b3), name+": quote round trip")
		require.Equal(t, string(b1), string(b3), name+": quote round trip bytes")

		// Decision: same bytes twice, and a round trip.
		d, err := e.Decide(context.Background(), s)
		require.NoError(t, err, name)
		d1, err := json.Marshal(d)
		require.NoError(t, err)
		dd, err := e.Decide(context.Background(), s)
		require.NoError(t, err)
		d2, err := json.Marshal(dd)
		require.NoError(t, err)
		require.Equal(t, string(d1), string(d2), name+": decision bytes")
		var dback ior.Decision
		require.NoError(t, json.Unmarshal(d1, &dback), name)
		d3, err := json.Marshal(dback)
		require.NoError(t, err)
		require.Equal(t, string(d1), string(d3), name+": decision round trip bytes")
	}
}

// Quote, Decide and Plan from 16 goroutines × 50 iterations on one
// Engine give exactly the sequential results (run under -race).
func TestEngineConcurrentUse(t *testing.T) {
	e := propertyEngine(t)
	var carts []ior.Shipment
	var want [][3]string
	for seed := uint64(1); seed <= 8; seed++ {
		s := randomCart(rand.New(rand.NewPCG(seed, 16)))
		q, err := e.Quote(context.Background(), s)
		require.NoError(t, err)
		d, err := e.Decide(context.Background(), s)
		require.NoError(t, err)
		p, err := e.Plan(context.Background(), s, []string{"DE", "FR", "US"})
		require.NoError(t, err)
		carts = append(carts, s)
		want = append(want, [3]string{mustJSON(t, q), mustJSON(t, d), mustJSON(t, p)})
	}
	const goroutines, iterations = 16, 50
	var wg sync.WaitGroup
	errs := make(chan string, goroutines*iterations)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range iterations {
				k := (g + i) % len(carts)
				s := carts[k]
				var got [3]string
				switch i % 3 {
				case 0:
					q, err := e.Quote(context.Background(), s)
					got[0] = jsonOrErr(q, err)
					if got[0] != want[k][0] {
						errs <- fmt.Sprintf("goroutine %d iteration %d: Quote differs", g, i)
					}
				case 1:
					d, err := e.Decide(context.Background(), s)
					if jsonOrErr(d, err) != want[k][1] {
						errs <- fmt.Sprintf("goroutine %d iteration %d: Decide differs", g, i)
					}
				case 2:
					p, err := e.Plan(context.Background(), s, []string{"DE", "FR", "US"})
					if jsonOrErr(p, err) != want[k][2] {
						errs <- fmt.Sprintf("goroutine %d iteration %d: Plan differs", g, i)
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for msg := range errs {
		t.Error(msg)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

func jsonOrErr(v any, err error) string {
	if err != nil {
		return "error: " + err.Error()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "marshal: " + err.Error()
	}
	return string(b)
}

// A quote shares no memory the engine recycles (the entry's lines, the
// trace's scratch, the id's buffer): quoting other carts afterwards leaves
// its JSON as it was.
func TestQuoteKeepsNothingRecycled(t *testing.T) {
	e := propertyEngine(t)
	first := randomCart(rand.New(rand.NewPCG(1, 16)))
	q, err := e.Quote(context.Background(), first)
	require.NoError(t, err)
	want := mustJSON(t, q)
	for seed := uint64(2); seed <= 9; seed++ {
		_, err := e.Quote(context.Background(), randomCart(rand.New(rand.NewPCG(seed, 16))))
		require.NoError(t, err)
	}
	require.Equal(t, want, mustJSON(t, q))
}
