package duty

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

//go:embed data/sample_tariff.csv
var sampleTariffCSV []byte

// SampleLabel starts the Source of every measure of the sample tariff.
const SampleLabel = "SAMPLE tariff (a few common e-commerce lines, not a complete schedule; load the official schedule for real use)"

// SampleEdition names the sample tariff in the Edition of its measures
// and in SAMPLE_TARIFF warnings.
const SampleEdition = "iorkit sample tariff 2026-11"

// SampleAreas lists the areas the sample tariff has rows for, sorted:
// the keys of SampleSchedules. EU stands for every member state. Each call
// returns a new slice.
func SampleAreas() []string {
	seen := map[string]bool{}
	for _, line := range strings.Split(string(sampleTariffCSV), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if a, _, _ := strings.Cut(line, ","); a != "area" && strings.TrimSpace(a) != "" {
			seen[strings.TrimSpace(a)] = true
		}
	}
	out := make([]string, 0, len(seen))
	for a := range seen {
		out = append(out, a)
	}
	sort.Strings(out)
	return out
}

// SampleSchedules returns the embedded SAMPLE tariff, one Table per
// destination area ("US", "EU", "GB", "CA", "AU", "JP"; an area absent from
// the data is absent from the map). It holds the MFN (and a few
// preferential) rates of about 30 common e-commerce goods (apparel,
// footwear, bags, electronics, toys, cosmetics, furniture, jewellery), each
// copied from the official schedule named in its Source, with its date.
// An 8-digit line ending in 00, which does not subdivide its 6-digit
// subheading, is listed under the 6-digit code. It is a sample: goods it does not list are unknown codes, additional
// duties (US chapter 99, trade remedies) are not in it, and rates change.
// docs/data.md explains how to load full schedules. Every measure carries
// Caveat SampleTariff, so a quote priced from it is flagged SAMPLE_TARIFF.
// Each call returns new tables.
func SampleSchedules() (map[string]*Table, error) {
	return readSample(bytes.NewReader(sampleTariffCSV))
}

// readSample reads a tariff CSV with a leading area column into one Table
// per area, each measure's Source prefixed with SampleLabel.
func readSample(r io.Reader) (map[string]*Table, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	recs, err := cr.ReadAll()
	if err != nil {
		return nil, csvError(err)
	}
	if len(recs) == 0 || len(recs[0]) == 0 || strings.TrimSpace(recs[0][0]) != "area" {
		return nil, &TableError{Row: 1, Column: "area", Err: errors.New("want the header area," + strings.Join(tableColumns, ","))}
	}
	header := recs[0][1:]
	src := -1
	for i, h := range header {
		if strings.TrimSpace(h) == "source" {
			src = i
		}
	}
	if src < 0 {
		return nil, &TableError{Row: 1, Column: "source", Err: errors.New("missing column")}
	}
	// Split by area, keeping each row's number for errors.
	byArea := map[string]*bytes.Buffer{}
	rows := map[string][]int{}
	for i, rec := range recs[1:] {
		if len(rec) < 2 {
			continue
		}
		area := strings.TrimSpace(rec[0])
		buf, ok := byArea[area]
		if !ok {
			buf = &bytes.Buffer{}
			w := csv.NewWriter(buf)
			if err := w.Write(header); err != nil {
				return nil, csvError(err)
			}
			w.Flush()
			byArea[area] = buf
		}
		fields := append([]string(nil), rec[1:]...)
		if src < len(fields) {
			fields[src] = SampleLabel + ". Source: " + strings.TrimSpace(fields[src])
		}
		w := csv.NewWriter(buf)
		if err := w.Write(fields); err != nil {
			return nil, csvError(err)
		}
		w.Flush()
		rows[area] = append(rows[area], i+2)
	}
	areas := make([]string, 0, len(byArea))
	for a := range byArea {
		areas = append(areas, a)
	}
	sort.Strings(areas)
	out := make(map[string]*Table, len(areas))
	for _, a := range areas {
		t, err := ReadTable(byArea[a])
		if err != nil {
			var te *TableError
			if errors.As(err, &te) && te.Row >= 2 && te.Row-2 < len(rows[a]) {
				te.Row = rows[a][te.Row-2]
			}
			return nil, fmt.Errorf("duty: sample tariff, area %s: %w", a, err)
		}
		t.setCaveat(SampleTariff, SampleEdition)
		t.SetIncomplete()
		out[a] = t
	}
	return out, nil
}
