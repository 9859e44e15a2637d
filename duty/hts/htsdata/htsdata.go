// Package htsdata embeds the Harmonized Tariff Schedule of the United
// States, 2026 Revision 3 (the USITC full-schedule CSV export, public
// domain, 17 U.S.C. § 105), with the chapter 99 layers iorkit can source,
// and loads it as an *hts.Schedule.
//
// Package ior uses it as the default US schedule, read on the first US
// quote. Callers who bring their own US tariff and want small binaries
// build with the tag iorkit_nohtsdata: ior then leaves this package out
// (about 0.55 MB of compressed data) and a US quote without a schedule
// given by ior.WithSchedule is an error (docs/data.md).
//
// # What is embedded
//
//   - data/hts_2026_rev3.csv.gz: the export byte for byte (SourceSHA256),
//     gzip-compressed by internal/gen (go generate).
//   - data/layers_2026.csv: Section 122 (2026-02-24 to 2026-07-23) and
//     some Section 232 layers, each row with its proclamation.
//   - data/layers_301.csv: Section 301 layers on products of China for the
//     lines of chapters 03, 61 and 62 that the USITC footnotes name
//     (generated from the per-chapter JSON exports).
//   - data/gaps_301.csv: the lines of those chapters some of whose
//     products a Section 301 exclusion frees (9903.88.25-.28, .69;
//     generated): flagged, since the footnotes name lines, not products.
//   - data/gaps_2026.csv: the additional duties known to exist whose
//     product lists are not in the data (Section 301 outside those
//     chapters, the rest of Section 232...): a quote for such goods is
//     flagged LAYERS_NOT_LOADED (hts.LayerGap).
package htsdata

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/hts"
)

//go:generate go run ./internal/gen .

// Edition names the embedded revision; it is the Source of every measure.
const Edition = "USITC HTS 2026 Revision 3"

// SourceSHA256 is the SHA-256 of the USITC export the embedded data
// decompresses to (shared/data/usitc_hts/usitc_hts_2026_revision_3.csv).
const SourceSHA256 = "e10c47426e132b7f01b72b9a951c2e84e43675e68ee8f31ae961e8c3ceca99a2"

// Effective is the first day the embedded rates are used for: the 2026
// edition of the HTSUS takes effect on 1 January 2026.
var effective = duty.MustDate("2026-01-01")

// Effective returns the first day the embedded rates apply (2026-01-01);
// an entry dated earlier finds no measure in force.
func Effective() duty.Date { return effective }

var (
	//go:embed data/hts_2026_rev3.csv.gz
	scheduleGz []byte
	//go:embed data/layers_2026.csv
	layers []byte
	//go:embed data/layers_301.csv
	layers301 []byte
	//go:embed data/gaps_2026.csv
	gaps []byte
	//go:embed data/gaps_301.csv
	gaps301 []byte
)

// Load reads the embedded schedule with its layers and gaps. Each call
// returns a new Schedule the caller owns (about 6 MB, 0.3 s); package ior
// loads it once per process and shares it read-only.
func Load(opts ...hts.Option) (*hts.Schedule, error) {
	zr, err := gzip.NewReader(bytes.NewReader(scheduleGz))
	if err != nil {
		return nil, fmt.Errorf("htsdata: %w", err)
	}
	s, err := hts.ReadCSV(zr, append([]hts.Option{hts.Source(Edition), hts.Effective(effective)}, opts...)...)
	if err != nil {
		return nil, fmt.Errorf("htsdata: %w", err)
	}
	for _, l := range [][]byte{layers, layers301} {
		if err := s.AddLayers(bytes.NewReader(l)); err != nil {
			return nil, fmt.Errorf("htsdata: layers: %w", err)
		}
	}
	for _, g := range [][]byte{gaps, gaps301} {
		if err := s.AddLayerGaps(bytes.NewReader(g)); err != nil {
			return nil, fmt.Errorf("htsdata: layer gaps: %w", err)
		}
	}
	return s, nil
}

// Compressed returns the embedded gzip-compressed export (a copy), for
// callers who keep their own copy of the official file.
func Compressed() []byte { return bytes.Clone(scheduleGz) }
