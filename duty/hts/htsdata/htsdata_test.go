package htsdata_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"runtime"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/hts"
	"github.com/iorkit/iorkit/duty/hts/htsdata"
	"github.com/iorkit/iorkit/internal/shareddata"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var loaded *hts.Schedule

func load(t testing.TB) *hts.Schedule {
	t.Helper()
	if loaded == nil {
		s, err := htsdata.Load()
		require.NoError(t, err)
		loaded = s
	}
	return loaded
}

// The embedded bytes decompress to the USITC export whose hash is
// recorded, and (when shared/data is present) equal that file.
func TestEmbeddedIsTheOfficialFile(t *testing.T) {
	zr, err := gzip.NewReader(bytes.NewReader(htsdata.Compressed()))
	require.NoError(t, err)
	raw, err := io.ReadAll(zr)
	require.NoError(t, err)
	sum := sha256.Sum256(raw)
	assert.Equal(t, htsdata.SourceSHA256, hex.EncodeToString(sum[:]))
	if p, ok := shareddata.Find("usitc_hts", "usitc_hts_2026_revision_3.csv"); ok {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.True(t, bytes.Equal(b, raw), "embedded copy differs from shared/data: run go generate")
	}
}

func day(s string) duty.Date { return duty.MustDate(s) }

func TestEmbeddedLookups(t *testing.T) {
	s := load(t)
	// 6109.10.00: general 16.5% (HTS 2026 Rev. 3); products of China also
	// pay 7.5% under 9903.88.15 (the line is footnoted "See 9903.88.15.").
	ms, err := s.Measures("6109.10.00.40", "CN", day("2026-12-01"))
	require.NoError(t, err)
	require.Len(t, ms, 2)
	assert.Equal(t, duty.MFN, ms[0].Kind)
	assert.Equal(t, "16.5%", ms[0].Rate.String())
	assert.Equal(t, htsdata.Edition+", general column", ms[0].Source)
	assert.Equal(t, duty.Additional, ms[1].Kind)
	assert.Equal(t, "9903.88.15", ms[1].Program)
	assert.Equal(t, "7.5%", ms[1].Rate.String(), "read from the heading text")
	assert.Empty(t, s.Caveats("6109.10.00.40", "CN", day("2026-12-01")), "chapter 61 list membership is in the data")

	// Of Germany: MFN only.
	ms, err = s.Measures("6109.10.00.40", "DE", day("2026-12-01"))
	require.NoError(t, err)
	require.Len(t, ms, 1)

	// Plastic articles of China: list membership not in the data.
	ws := s.Caveats("3926.90.99", "CN", day("2026-12-01"))
	require.Len(t, ws, 1)
	assert.Equal(t, duty.LayersNotLoaded, ws[0].Code)
	assert.Equal(t, "ADD 9903.88", ws[0].Subject)
	assert.Empty(t, s.Caveats("3926.90.99", "VN", day("2026-12-01")))

	// Cotton ensembles of China: list 4A applies (their rate is that of
	// each garment, a *RateTextError on lookup), and some products of the
	// line may be excluded (footnoted 9903.88.25 to .28): flagged.
	ws = s.Caveats("6103.22.00", "CN", day("2026-12-01"))
	require.Len(t, ws, 4)
	assert.Equal(t, "ADD 9903.88.25", ws[0].Subject)

	// Before the 2026 edition: nothing in force.
	_, err = s.Measures("6109.10.00.40", "DE", day("2025-12-31"))
	assert.ErrorIs(t, err, duty.ErrNotInForce)
}

func BenchmarkLoadEmbedded(b *testing.B) {
	b.ReportAllocs()
	var s *hts.Schedule
	for b.Loop() {
		var err error
		if s, err = htsdata.Load(); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "MB-heap-retained")
	runtime.KeepAlive(s)
}
