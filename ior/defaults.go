package ior

import (
	"fmt"
	"sync"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/rules"
)

// sampleSchedules returns the embedded sample tariff (duty.SampleSchedules)
// by area, read once per process: engines only look tables up, never add
// to them, and never hand them out.
var sampleSchedules = sync.OnceValues(readSampleSchedules)

func readSampleSchedules() (map[string]duty.Schedule, error) {
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

// defaultBook is the embedded packs compiled once per process and shared
// by every engine built on them: a Book is immutable and safe for
// concurrent use, and compiling is most of what starting an engine costs.
var defaultBook = sync.OnceValues(func() (*rules.Book, error) {
	ps, err := defaultPacks()
	if err != nil {
		return nil, err
	}
	return compilePacks(ps)
})
