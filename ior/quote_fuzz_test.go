package ior_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/shopspring/decimal"
)

// One engine for the fuzz targets, built once: the embedded profiles,
// sample tariff and rule packs, and a few exchange rates.
var (
	fuzzEngineOnce sync.Once
	fuzzEngine     *ior.Engine
	fuzzEngineErr  error
)

func engineForFuzz(f *testing.F) *ior.Engine {
	fuzzEngineOnce.Do(func() {
		fuzzEngine, fuzzEngineErr = ior.NewEngine(ior.WithRates(duty.FixedRates{
			"USD/EUR": decimal.RequireFromString("0.92"),
			"EUR/USD": decimal.RequireFromString("1.08"),
			"USD/GBP": decimal.RequireFromString("0.79"),
			"EUR/GBP": decimal.RequireFromString("0.85"),
			"USD/CAD": decimal.RequireFromString("1.37"),
			"USD/JPY": decimal.RequireFromString("150"),
		}))
	})
	if fuzzEngineErr != nil {
		f.Fatal(fuzzEngineErr)
	}
	return fuzzEngine
}

func addShipmentSeeds(f *testing.F) {
	for _, name := range []string{"testdata/shipment_de.json", "testdata/invalid/many_problems.json",
		"../examples/shipments/de-tshirts.json", "../examples/shipments/us-headphones.json"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"date":"2026-03-01","origin":"CN","destination":"US","incoterm":"DAP","mode":"post",
 "seller":{"name":"S","country":"CN","kind":"business"},"buyer":{"name":"B","country":"US","kind":"consumer"},
 "lines":[{"hs":"6109.10","origin":"CN","quantity":{"value":"3","unit":"item"},"unit_price":{"amount":"9.99","currency":"USD"}}]}`))
	f.Add([]byte(`{"date":"2026-03-01","origin":"US","destination":"JP","incoterm":"DDP","mode":"courier",
 "seller":{"name":"S","country":"US","kind":"business"},"buyer":{"name":"B","country":"JP","kind":"consumer"},
 "lines":[{"hs":"4202.21","origin":"IT","quantity":{"value":"1","unit":"item"},"unit_price":{"amount":"2500","currency":"USD"}}],
 "freight":{"amount":"40","currency":"USD"}}`))
}

// checkFieldError: an error from decoding or Validate names a field: it
// carries a *ior.FieldError with a path (Quote and Decide validate first).
func checkValidation(t *testing.T, err error) {
	var ve *ior.ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) == 0 {
		t.Fatalf("Validate returned %T %v", err, err)
	}
	for _, p := range ve.Problems {
		if p.Path == "" || p.Err == nil {
			t.Fatalf("problem without path or sentinel: %#v", p)
		}
	}
}

func decodeForFuzz(t *testing.T, data []byte) (ior.Shipment, bool) {
	var s ior.Shipment
	if err := json.Unmarshal(data, &s); err != nil {
		var fe *ior.FieldError
		var se *json.SyntaxError
		if !errors.As(err, &fe) && !errors.As(err, &se) && !strings.HasPrefix(err.Error(), "ior: shipment JSON: ") &&
			!strings.HasPrefix(err.Error(), "json: ") && !strings.HasPrefix(err.Error(), "unexpected end of JSON") {
			t.Fatalf("decode error names no field: %v", err)
		}
		return s, false
	}
	if err := s.Validate(); err != nil {
		checkValidation(t, err)
		return s, false
	}
	return s, true
}

// FuzzQuote: shipment JSON → Validate → Engine.Quote never panics; a
// quote's totals add up (total = duty + tax + fees) and it encodes to JSON.
func FuzzQuote(f *testing.F) {
	e := engineForFuzz(f)
	addShipmentSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, ok := decodeForFuzz(t, data)
		if !ok {
			return
		}
		q, err := e.Quote(context.Background(), s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		sum, err := duty.Sum(q.Totals.Duty, q.Totals.Tax, q.Totals.Fees)
		if err != nil || !sum.Equal(q.Totals.Total) {
			t.Fatalf("total %s != duty %s + tax %s + fees %s (%v)", q.Totals.Total, q.Totals.Duty, q.Totals.Tax, q.Totals.Fees, err)
		}
		if _, err := json.Marshal(q); err != nil {
			t.Fatalf("encode quote: %v", err)
		}
	})
}

// FuzzDecide: shipment JSON → Validate → Engine.Decide never panics; an
// unblocked decision with an importer names a role and encodes to JSON.
func FuzzDecide(f *testing.F) {
	e := engineForFuzz(f)
	addShipmentSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		s, ok := decodeForFuzz(t, data)
		if !ok {
			return
		}
		d, err := e.Decide(context.Background(), s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if d.Importer != nil && d.Importer.Role == "" {
			t.Fatalf("importer without a role: %+v", d.Importer)
		}
		if _, err := json.Marshal(d); err != nil {
			t.Fatalf("encode decision: %v", err)
		}
	})
}
