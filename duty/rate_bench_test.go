package duty

import "testing"

var (
	benchRate  Rate
	benchMoney Money
)

func BenchmarkParseRateCompound(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		r, err := ParseRate("4.4¢/kg + 6%")
		if err != nil {
			b.Fatal(err)
		}
		benchRate = r
	}
}

func BenchmarkParseRateTARIC(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		r, err := ParseRate("12.000 % MIN 2.000 EUR DTN MAX 3.000 EUR DTN")
		if err != nil {
			b.Fatal(err)
		}
		benchRate = r
	}
}

func BenchmarkApplyCompound(b *testing.B) {
	r, err := ParseRate("4.4¢/kg + 6%")
	if err != nil {
		b.Fatal(err)
	}
	q, _ := ParseQuantity("100 kg")
	basis := Basis{Value: MustMoney("1000", "USD"), Quantities: []Quantity{q}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m, err := r.Apply(basis)
		if err != nil {
			b.Fatal(err)
		}
		benchMoney = m
	}
}

func BenchmarkApplyTARIC(b *testing.B) {
	r, err := ParseRate("12.000 % MIN 2.000 EUR DTN MAX 3.000 EUR DTN")
	if err != nil {
		b.Fatal(err)
	}
	q, _ := ParseQuantity("1000 kg")
	basis := Basis{Value: MustMoney("200", "EUR"), Quantities: []Quantity{q}}
	b.ReportAllocs()
	for b.Loop() {
		m, err := r.Apply(basis)
		if err != nil {
			b.Fatal(err)
		}
		benchMoney = m
	}
}
