package ior_test

import (
	"context"
	"runtime"
	"sync"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/hts/htsdata"
	"github.com/iorkit/iorkit/ior"
)

// freshHTS loads the embedded US tariff on its first lookup, like the
// engine's default, but once per value (the engine's copy is loaded once
// per process, so it cannot be timed twice).
type freshHTS struct {
	once sync.Once
	s    duty.Schedule
	err  error
}

func (f *freshHTS) Measures(hs, origin string, on duty.Date) ([]duty.Measure, error) {
	f.once.Do(func() { f.s, f.err = htsdata.Load() })
	if f.err != nil {
		return nil, f.err
	}
	return f.s.Measures(hs, origin, on)
}

// BenchmarkFirstUSQuote: engine start and the first US quote, which reads
// the embedded HTS (the cost a process pays once).
func BenchmarkFirstUSQuote(b *testing.B) {
	s := readShipment(b, "../examples/shipments/us-headphones.json")
	b.ReportAllocs()
	for b.Loop() {
		e, err := ior.NewEngine(ior.WithSchedule("US", &freshHTS{}))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := e.Quote(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUSQuoteEmbedded: a US quote on the default engine once the
// embedded HTS is loaded.
func BenchmarkUSQuoteEmbedded(b *testing.B) {
	e, err := ior.NewEngine()
	if err != nil {
		b.Fatal(err)
	}
	s := readShipment(b, "../examples/shipments/us-headphones.json")
	if _, err := e.Quote(context.Background(), s); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Quote(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHTSLoad: reading the embedded HTS, with the heap it retains
// (MB-retained: the live heap with the schedule, less the heap before).
func BenchmarkHTSLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := htsdata.Load(); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s, err := htsdata.Load()
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(s)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-retained")
}
