package rules

import (
	"context"
	"testing"
)

// BenchmarkEvaluate runs one destination's packs (the EU pack for DE) on a
// 10-line shipment with a candidate importer.
func BenchmarkEvaluate(b *testing.B) {
	book, err := CompileFS(testEnv(b), DefaultPacks())
	if err != nil {
		b.Fatal(err)
	}
	s := testShipment(10)
	s.Lines[3].HS = "8517.13"
	in := Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: s, Importer: &s.Seller}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := book.Evaluate(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileDefaultPacks parses and compiles every embedded pack.
func BenchmarkCompileDefaultPacks(b *testing.B) {
	env := testEnv(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := CompileFS(env, DefaultPacks()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateGuardsPass is BenchmarkEvaluate with every line a
// radio device, so the HS guards let every radio rule reach CEL.
func BenchmarkEvaluateGuardsPass(b *testing.B) {
	book, err := CompileFS(testEnv(b), DefaultPacks())
	if err != nil {
		b.Fatal(err)
	}
	s := testShipment(10)
	for i := range s.Lines {
		s.Lines[i].HS = "8517.13"
	}
	in := Input{Destination: "US", Date: date(2026, 3, 1), Shipment: s, Importer: &s.Seller}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := book.Evaluate(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluateDecision is the rule work of one decision (what
// ior.Engine.Decide asks of a Book): the shipment and line rules of the DE
// packs on 10 lines of one HS code, then the importer rules of three
// candidates (the seller, a local provider, the buyer), all drawing on one
// Budget.
func BenchmarkEvaluateDecision(b *testing.B) {
	book, err := CompileFS(testEnv(b), DefaultPacks())
	if err != nil {
		b.Fatal(err)
	}
	s := testShipment(10)
	provider := tParty{Name: "Global IOR GmbH", Country: "DE", Kind: "business", LocalEntity: true,
		Registrations: []tRegistration{{Scheme: "EORI", ID: "DE123"}}}
	cands := []*tParty{&s.Seller, &provider, &s.Buyer}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		in := Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: s, Budget: book.NewBudget()}
		if _, err := book.Evaluate(ctx, in); err != nil {
			b.Fatal(err)
		}
		in.Scope = ScopeImporter
		for _, c := range cands {
			in.Importer = c
			if _, err := book.Evaluate(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	}
}
