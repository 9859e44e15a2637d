package ior

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/iorkit/iorkit/duty"
)

// The sample tariff: about 30 common e-commerce codes for US, EU, GB, AU
// and JP, each rate with its official source and date (see
// data/sample_tariff/README.md). It lets the quick start run; it is not a
// full tariff, and every measure's source says SAMPLE.
//
//go:embed data/sample_tariff/*.csv
var sampleFS embed.FS

// SampleTariff returns the embedded sample tariff by area ("US", "EU",
// "GB", "AU", "JP"). Each call reads a fresh copy.
func SampleTariff() (map[string]*duty.Table, error) {
	names, err := sampleFS.ReadDir("data/sample_tariff")
	if err != nil {
		return nil, err
	}
	sort.Slice(names, func(i, j int) bool { return names[i].Name() < names[j].Name() })
	out := map[string]*duty.Table{}
	for _, n := range names {
		if !strings.HasSuffix(n.Name(), ".csv") {
			continue
		}
		f, err := sampleFS.Open(path.Join("data/sample_tariff", n.Name()))
		if err != nil {
			return nil, err
		}
		t, err := duty.ReadTable(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("sample tariff %s: %w", n.Name(), err)
		}
		out[strings.ToUpper(strings.TrimSuffix(n.Name(), ".csv"))] = t
	}
	return out, nil
}

func sampleSchedules() (map[string]duty.Schedule, error) {
	ts, err := SampleTariff()
	if err != nil {
		return nil, err
	}
	out := make(map[string]duty.Schedule, len(ts))
	for a, t := range ts {
		out[a] = t
	}
	return out, nil
}
