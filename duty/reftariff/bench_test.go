package reftariff_test

import (
	"testing"

	"github.com/iorkit/iorkit/duty/reftariff"
)

// BenchmarkReadEU measures the first use of the EU reference edition:
// decompressing the file and parsing 11,830 rates.
func BenchmarkReadEU(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r, err := reftariff.EmbeddedFile()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := reftariff.ReadCSV(r, reftariff.CET2020()); err != nil {
			b.Fatal(err)
		}
	}
}
