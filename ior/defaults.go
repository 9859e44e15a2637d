package ior

import "github.com/iorkit/iorkit/duty"

// sampleSchedules returns the embedded sample tariff by area.
func sampleSchedules() (map[string]duty.Schedule, error) {
	return map[string]duty.Schedule{}, nil
}
