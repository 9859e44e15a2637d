package hts

import (
	"errors"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/shareddata"
	"github.com/iorkit/iorkit/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(s string) duty.Date { return duty.MustDate(s) }

// summary renders measures as "kind program rate".
func summary(ms []duty.Measure) []string {
	out := []string{}
	for _, m := range ms {
		s := m.Kind.String()
		if m.Program != "" {
			s += " " + m.Program
		}
		out = append(out, s+" "+m.Rate.String())
	}
	return out
}

var (
	once2026 *Schedule
)

func load2026(t testing.TB) *Schedule {
	t.Helper()
	if once2026 != nil {
		return once2026
	}
	s, err := ReadCSV(testkit.Open(t, shareddata.Path(t, "usitc_hts", "usitc_hts_2026_revision_3.csv")), Source("USITC HTS 2026 Revision 3"))
	require.NoError(t, err)
	once2026 = s
	return s
}

// Expected measures written from the text of the 2026 Revision 3 schedule
// (General, Special and Column 2 columns of each line).
func TestReal2026Lookups(t *testing.T) {
	s := load2026(t)
	on := day("2026-03-01")
	cases := []struct {
		hs, origin string
		want       []string
	}{
		{"0101.30.00.00", "CN", []string{"mfn 6.8%"}},
		{"0101.30.00.00", "MX", []string{"mfn 6.8%", "preferential S Free"}},
		{"0101.30.00.00", "RU", []string{"mfn 6.8%", "mfn column2 15%"}},
		{"0901.21.00", "BR", []string{"mfn Free"}},
		{"3304.99.50.00", "FR", []string{"mfn Free"}},
		{"3304.99.50.00", "BY", []string{"mfn Free", "mfn column2 75%"}},
		{"3926.90.99", "KR", []string{"mfn 5.3%", "preferential KR Free"}},
		{"4202.92.31", "JP", []string{"mfn 17.6%"}},
		{"4202.92.31", "JM", []string{"mfn 17.6%", "preferential E 16.6%"}},
		{"4202.92.31", "NP", []string{"mfn 17.6%"}}, // NP lapsed 2025-12-31
		{"4202.21.60.00", "HT", []string{"mfn 10%", "preferential E 8%", "preferential R Free"}},
		{"4819.10.00", "CU", []string{"mfn Free", "mfn column2 35%"}},
		{"6104.62.20", "SG", []string{"mfn 14.9%", "preferential SG Free"}},
		{"6109.10.00.40", "CR", []string{"mfn 16.5%", "preferential P Free"}},
		{"6110.20.20", "VN", []string{"mfn 16.5%"}},
		{"6402.99.31", "ZA", []string{"mfn 6%"}}, // AGOA beneficiaries not carried
		{"6404.11.90", "CN", []string{"mfn 20%"}},
		{"6912.00.48", "IL", []string{"mfn 9.8%", "preferential IL Free"}},
		{"7113.19.50", "IN", []string{"mfn 5.5%"}}, // GSP lapsed
		{"7117.19.90.00", "CN", []string{"mfn 11%"}},
		{"7323.93.00", "MA", []string{"mfn 2%", "preferential MA Free"}},
		{"8443.32.10", "CN", []string{"mfn Free"}},
		{"8471.30.01.00", "KP", []string{"mfn Free", "mfn column2 35%"}},
		{"8504.40.95", "TW", []string{"mfn Free"}},
		{"8517.13.00.00", "CN", []string{"mfn Free"}},
		{"8528.72.64", "JP", []string{"mfn 3.9%", "preferential JP Free"}},
		{"8703.23.01", "DE", []string{"mfn 2.5%"}},
		{"8516.31.00.00", "CA", []string{"mfn 3.9%", "preferential S Free"}},
		{"9401.71.00", "VN", []string{"mfn Free"}},
		{"9503.00.00", "CN", []string{"mfn Free"}},
		{"9506.62.40", "PK", []string{"mfn Free"}},
		{"9405.11.60", "AU", []string{"mfn 7.6%", "preferential AU Free"}},
		{"6506.10.60", "IT", []string{"mfn Free"}},
		{"6403.99.60", "PE", []string{"mfn 8.5%", "preferential PE Free"}},
		{"7208.10.30.00", "RU", []string{"mfn Free", "mfn column2 20%"}},
	}
	for _, c := range cases {
		ms, err := s.Measures(c.hs, c.origin, on)
		if !assert.NoError(t, err, c.hs) {
			continue
		}
		assert.Equal(t, c.want, summary(ms), "%s from %s", c.hs, c.origin)
		for _, m := range ms {
			assert.Contains(t, m.Source, "USITC HTS 2026 Revision 3")
		}
	}
}

func TestReal2026DatesAndErrors(t *testing.T) {
	s := load2026(t)
	// Nepal preference in force before its expiry.
	ms, err := s.Measures("4202.92.31.20", "NP", day("2025-06-01"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 17.6%", "preferential NP Free"}, summary(ms))
	// Column 2 for Russia from the day after Public Law 117-110.
	ms, err = s.Measures("0101.30.00.00", "RU", day("2022-04-08"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 6.8%"}, summary(ms))

	_, err = s.Measures("6109.10.00.99", "CN", day("2026-03-01"))
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
	_, err = s.Measures("6109", "CN", day("2026-03-01"))
	var amb *AmbiguousCodeError
	require.ErrorAs(t, err, &amb)
	assert.Contains(t, amb.Lines, "6109.10.00")
	// A subheading with a single tariff line resolves to it.
	ms, err = s.Measures("8517.13", "CN", day("2026-03-01"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn Free"}, summary(ms))
	_, err = s.Measures("61x9", "CN", day("2026-03-01"))
	assert.ErrorIs(t, err, duty.ErrInvalidCode)

	l, ok := s.Line("6109.10.00.40")
	require.True(t, ok)
	assert.Equal(t, []string{"doz.", "kg"}, l.Units)
}

func TestMiniCSV(t *testing.T) {
	s, err := ReadCSV(testkit.Open(t, "testdata/mini.csv"), Source("fixture"), Effective(day("2026-01-01")))
	require.NoError(t, err)
	on := day("2026-03-01")
	ms, err := s.Measures("4202.92.31.20", "JP", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 17.6%", "preferential JP 4%"}, summary(ms))
	assert.Equal(t, day("2026-01-01"), ms[0].From)
	assert.Equal(t, "42029231", ms[0].HS)
	ms, err = s.Measures("4202.92.90.00", "KR", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 20%", "preferential KR 2%"}, summary(ms))
	// before the revision takes effect
	_, err = s.Measures("4202.92.90.00", "KR", day("2025-12-31"))
	assert.ErrorIs(t, err, duty.ErrNotInForce)
	// chapter 99 lines are not tariff lines
	_, err = s.Measures("9903.88.15", "CN", on)
	assert.ErrorIs(t, err, duty.ErrUnknownCode)
	// WithPrograms supplies a beneficiary list
	s, err = ReadCSV(testkit.Open(t, "testdata/mini.csv"), WithPrograms(Program{Code: "D", Name: "AGOA", Origins: []string{"KE"}, To: day("2026-12-31"), Applied: true, Source: "test"}))
	require.NoError(t, err)
	ms, err = s.Measures("4202.92.90.00", "KE", on)
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 20%", "preferential D Free"}, summary(ms))
	ms, err = s.Measures("4202.92.90.00", "KE", day("2027-01-01"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 20%"}, summary(ms))
}

func TestMiniJSON(t *testing.T) {
	s, err := ReadJSON(testkit.Open(t, "testdata/mini.json"))
	require.NoError(t, err)
	ms, err := s.Measures("6109.10.00.04", "MX", day("2026-03-01"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 16.5%", "preferential S Free"}, summary(ms))
	l, ok := s.Line("6109.10.00")
	require.True(t, ok)
	require.Len(t, l.Footnotes, 1)
	assert.Equal(t, "See 9903.88.15. ", l.Footnotes[0].Value)
	l, _ = s.Line("6109.10.00.04")
	assert.Equal(t, "fixture note", l.Additional)
	assert.Equal(t, 2, l.Indent)
}

func TestRealJSON(t *testing.T) {
	s, err := ReadJSON(testkit.Open(t, shareddata.Path(t, "usitc_hts", "usitc_hts_ch61.json")))
	require.NoError(t, err)
	ms, err := s.Measures("6101.20.00.10", "KR", day("2026-04-15"))
	require.NoError(t, err)
	assert.Equal(t, []string{"mfn 15.9%", "preferential KR Free"}, summary(ms))
	l, _ := s.Line("6101.20.00")
	require.NotEmpty(t, l.Footnotes)
	assert.Equal(t, "See 9903.88.15. ", l.Footnotes[0].Value)
}

func TestReadErrors(t *testing.T) {
	_, err := ReadCSV(strings.NewReader("HTS Number,Indent\n"))
	assert.ErrorIs(t, err, ErrInvalidExport)
	hdr := "HTS Number,Indent,Description,Unit of Quantity,General Rate of Duty,Special Rate of Duty,Column 2 Rate of Duty\n"
	_, err = ReadCSV(strings.NewReader(hdr + "\"6109\",\"x\",\"d\",\"\",\"\",\"\",\"\"\n"))
	var fe *FormatError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, 2, fe.Row)
	assert.Equal(t, "Indent", fe.Field)
	_, err = ReadCSV(strings.NewReader(hdr + "\"6109\",\"0\",\"d\",\"[No.\",\"\",\"\",\"\"\n"))
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "Unit of Quantity", fe.Field)
	_, err = ReadCSV(strings.NewReader(hdr + "\"61A9\",\"0\",\"d\",\"\",\"\",\"\",\"\"\n"))
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "HTS Number", fe.Field)
	_, err = ReadJSON(strings.NewReader(`{"htsno":"1"}`))
	assert.ErrorIs(t, err, ErrInvalidExport)
	_, err = ReadJSON(strings.NewReader(`[{"htsno":"6109","indent":"x"}]`))
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "indent", fe.Field)
	_, err = ReadJSON(strings.NewReader(`[{"htsno":"6109"},`))
	assert.ErrorIs(t, err, ErrInvalidExport)
}

func TestSpecialGroups(t *testing.T) {
	g := specialGroups("Free (BH,CL,JO) See 9822.04.15 (AU) 2.8¢/liter (JO)\n")
	require.Len(t, g, 2)
	assert.Equal(t, "Free", g[0].rate)
	assert.Equal(t, []string{"BH", "CL", "JO"}, g[0].codes)
	assert.Equal(t, "2.8¢/liter", g[1].rate)
	assert.Empty(t, specialGroups("Free (A"))
}

func FuzzReadCSV(f *testing.F) {
	b, err := os.ReadFile("testdata/mini.csv")
	require.NoError(f, err)
	f.Add(string(b))
	f.Add("HTS Number,Indent,Description,Unit of Quantity,General Rate of Duty,Special Rate of Duty,Column 2 Rate of Duty\n\"6109.10\",\"1\",\"x\",\"[]\",\"5%\",\"Free (S\",\"\"\n")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadCSV(strings.NewReader(in))
		if err != nil {
			if !errors.Is(err, ErrInvalidExport) {
				t.Fatalf("error %v does not match ErrInvalidExport", err)
			}
			return
		}
		for _, l := range s.Lines() {
			_, _ = s.Measures(l.Number, "MX", day("2026-01-01"))
		}
	})
}

func FuzzReadJSON(f *testing.F) {
	b, err := os.ReadFile("testdata/mini.json")
	require.NoError(f, err)
	f.Add(string(b))
	f.Add(`[{"htsno":"6109.10","indent":1,"general":"5%","special":"Free (S)","other":"x"}]`)
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadJSON(strings.NewReader(in))
		if err != nil {
			if !errors.Is(err, ErrInvalidExport) {
				t.Fatalf("error %v does not match ErrInvalidExport", err)
			}
			return
		}
		for _, l := range s.Lines() {
			_, _ = s.Measures(l.Number, "", day("2026-01-01"))
		}
	})
}

func BenchmarkLoadCSV2026(b *testing.B) {
	data, err := os.ReadFile(shareddata.Path(b, "usitc_hts", "usitc_hts_2026_revision_3.csv"))
	require.NoError(b, err)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	var s *Schedule
	for b.Loop() {
		if s, err = ReadCSV(strings.NewReader(string(data))); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "MB-heap-retained")
	runtime.KeepAlive(s)
}

func BenchmarkLookup(b *testing.B) {
	s := load2026(b)
	on := day("2026-03-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Measures("6109.10.00.40", "MX", on); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLookupMixed looks up 8- and 10-digit codes across chapters,
// for origins with and without preferences.
func BenchmarkLookupMixed(b *testing.B) {
	s := load2026(b)
	on := day("2026-03-01")
	codes := []string{"0101.30.00.00", "3926.90.99", "4202.21.60.00", "6104.62.20", "6109.10.00.40", "6402.99.31",
		"7117.19.90.00", "8471.30.01.00", "8528.72.64", "9403.60.80", "9503.00.00", "2204.21.50"}
	origins := []string{"CN", "MX", "KR", "DE", "RU", "JM"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_, _ = s.Measures(codes[i%len(codes)], origins[i%len(origins)], on)
		i++
	}
}
