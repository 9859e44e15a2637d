package ior

import (
	"fmt"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/rules"
)

// sampleSchedules returns the embedded sample tariff (duty.SampleSchedules)
// by area.
func sampleSchedules() (map[string]duty.Schedule, error) {
	ts, err := duty.SampleSchedules()
	if err != nil {
		return nil, err
	}
	out := make(map[string]duty.Schedule, len(ts))
	for a, t := range ts {
		out[a] = t
	}
	return out, nil
}

// defaultPacks parses the embedded country requirement packs.
func defaultPacks() ([]*rules.Pack, error) {
	ps, err := rules.ParseFS(rules.DefaultPacks())
	if err != nil {
		return nil, fmt.Errorf("ior: embedded rule packs: %w", err)
	}
	return ps, nil
}
