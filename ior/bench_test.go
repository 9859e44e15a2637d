package ior_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/shopspring/decimal"
)

func cart(b testing.TB, n int) ior.Shipment {
	s := readShipment(b, "../examples/shipments/de-tshirts.json")
	l := s.Lines[0]
	s.Lines = nil
	for i := 0; i < n; i++ {
		li := l
		li.SKU = fmt.Sprintf("SKU-%d", i)
		li.UnitPrice = duty.MustMoney(fmt.Sprintf("%d.%02d", 3+i, 7*i%100), "EUR")
		s.Lines = append(s.Lines, li)
	}
	return s
}

func benchQuote(b *testing.B, n int) {
	benchQuoteOf(b, euEngine(b), cart(b, n))
}

// benchQuoteOf measures e.Quote of s, once quoted before the timer starts.
func benchQuoteOf(b *testing.B, e *ior.Engine, s ior.Shipment) {
	if _, err := e.Quote(context.Background(), s); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := e.Quote(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQuote10Mixed is Quote10 with lines of three HS codes and two
// origins in turn: lines of one code and origin share their tariff
// lookup and measure choice, which the one-code cart of Quote10 always
// does.
func BenchmarkQuote10Mixed(b *testing.B) {
	e := euEngine(b)
	s := cart(b, 10)
	codes, origins := []string{"6109.10", "6110.20", "8518.30"}, []string{"CN", "VN"}
	for i := range s.Lines {
		s.Lines[i].HS, s.Lines[i].Origin = codes[i%3], origins[i%2]
	}
	benchQuoteOf(b, e, s)
}

func BenchmarkQuote1(b *testing.B)    { benchQuote(b, 1) }
func BenchmarkQuote10(b *testing.B)   { benchQuote(b, 10) }
func BenchmarkQuote100(b *testing.B)  { benchQuote(b, 100) }
func BenchmarkQuote1000(b *testing.B) { benchQuote(b, 1000) }

// quote10 is the quote of the 10-line cart that the encoding benchmarks
// encode.
func quote10(b *testing.B) ior.Quote {
	q, err := euEngine(b).Quote(context.Background(), cart(b, 10))
	if err != nil {
		b.Fatal(err)
	}
	return q
}

// BenchmarkQuote10JSON encodes the 10-line quote: the bar is that
// encoding costs no more than computing it (BenchmarkQuote10).
func BenchmarkQuote10JSON(b *testing.B) {
	q := quote10(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkQuote10Encode is the quote's own encoder, Quote.AppendJSON:
// the bytes of json.Marshal (BenchmarkQuote10JSON) without reflection and
// without encoding/json's validation of every MarshalJSON output.
func BenchmarkQuote10Encode(b *testing.B) {
	q := quote10(b)
	b.ReportAllocs()
	for b.Loop() {
		if len(q.AppendJSON(nil)) == 0 {
			b.Fatal("empty")
		}
	}
}

// BenchmarkQuoteFloor10 is the bare decimal arithmetic a 10-line CIF quote
// needs (line values, freight allocation, duty, VAT, rounding, totals),
// with no lookup, validation, trace or JSON: the floor the issue measures
// Quote against.
func BenchmarkQuoteFloor10(b *testing.B) {
	prices := make([]decimal.Decimal, 10)
	for i := range prices {
		prices[i] = decimal.RequireFromString(fmt.Sprintf("%d.%02d", 3+i, 7*i%100))
	}
	qty := decimal.New(100, 0)
	freight := decimal.RequireFromString("50")
	duty12 := decimal.RequireFromString("0.12")
	vat := decimal.RequireFromString("0.19")
	b.ReportAllocs()
	for b.Loop() {
		vals := make([]decimal.Decimal, 10)
		sum := decimal.Zero
		for i, p := range prices {
			vals[i] = p.Mul(qty).Round(2)
			sum = sum.Add(vals[i])
		}
		var dt, tt decimal.Decimal
		for i := range vals {
			share := freight.Mul(vals[i]).DivRound(sum, 2)
			cv := vals[i].Add(share)
			d := cv.Mul(duty12).Round(2)
			t := cv.Add(d).Mul(vat).Round(2)
			dt, tt = dt.Add(d), tt.Add(t)
		}
		_ = dt.Add(tt)
	}
}

func BenchmarkDecide10(b *testing.B) {
	e, err := ior.NewEngine()
	if err != nil {
		b.Fatal(err)
	}
	s := cart(b, 10)
	if _, err := e.Decide(context.Background(), s); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := e.Decide(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}

// planDestinations are 20 destinations with embedded profiles. The rates
// are illustrative round numbers for the benchmark, not market rates.
var planDestinations = []string{"DE", "FR", "IT", "ES", "NL", "PL", "SE", "GB", "US", "CA", "AU", "NZ", "JP", "KR", "SG", "CH", "NO", "ZA", "IN", "MX"}

func BenchmarkPlan20(b *testing.B) {
	r := duty.FixedRates{}
	for _, c := range []string{"PLN", "SEK", "GBP", "USD", "CAD", "AUD", "NZD", "JPY", "KRW", "SGD", "CHF", "NOK", "ZAR", "INR", "MXN"} {
		r["EUR/"+c] = decimal.New(2, 0)
	}
	e, err := ior.NewEngine(ior.WithRates(r))
	if err != nil {
		b.Fatal(err)
	}
	s := cart(b, 10)
	if _, err := e.Plan(context.Background(), s, planDestinations, ior.Partial()); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, ok := processCPU()
	for b.Loop() {
		if _, err := e.Plan(context.Background(), s, planDestinations, ior.Partial()); err != nil {
			b.Fatal(err)
		}
	}
	// The CPU time of a plan (all goroutines, the collector's included)
	// hardly depends on the neighbours' load: on idle cores a plan takes
	// about it divided by min(GOMAXPROCS, 20).
	if cpu1, ok1 := processCPU(); ok && ok1 {
		b.ReportMetric(float64(cpu1-cpu0)/float64(b.N)/1e3, "cpu-µs/op")
	}
}

func BenchmarkNewEngine(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ior.NewEngine(); err != nil {
			b.Fatal(err)
		}
	}
}
