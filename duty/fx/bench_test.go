package fx_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/fx"
)

// BenchmarkReadECBHistory measures the first use of the embedded ECB
// rates: inflating the zip and reading 1999-2026 (6,983 days).
func BenchmarkReadECBHistory(b *testing.B) {
	zb, err := os.ReadFile("data/eurofxref-hist.zip")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		zr, err := zip.NewReader(bytes.NewReader(zb), int64(len(zb)))
		if err != nil {
			b.Fatal(err)
		}
		rc, err := zr.File[0].Open()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := fx.ReadECBCSV(rc); err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, rc)
		rc.Close()
	}
}

// BenchmarkEUCustomsRate measures one rate lookup under Art. 146.
func BenchmarkEUCustomsRate(b *testing.B) {
	e, err := fx.EmbeddedECB()
	if err != nil {
		b.Fatal(err)
	}
	r := e.EUCustoms()
	day := duty.MustDate("2026-04-10")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := r.RateInfo("USD", "EUR", day); err != nil {
			b.Fatal(err)
		}
	}
}
