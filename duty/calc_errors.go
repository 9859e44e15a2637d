// Errors of the calculator that callers can act on.

package duty

import (
	"errors"
	"fmt"
)

// ErrDataExpired is matched by *DataExpiredError.
var ErrDataExpired = errors.New("duty: data not in force")

// DataExpiredError reports a date that embedded or loaded data does not
// cover (for example US MPF figures after the last fiscal year published).
type DataExpiredError struct {
	What string
	Date Date
	Last Date
}

func (e *DataExpiredError) Error() string {
	if e.Last.IsZero() {
		return fmt.Sprintf("duty: %s: no figure in force on %s", e.What, e.Date)
	}
	return fmt.Sprintf("duty: %s: no figure in force on %s (the data ends %s; load newer figures with WithProfiles)", e.What, e.Date, e.Last)
}

// Is reports whether target is ErrDataExpired.
func (e *DataExpiredError) Is(target error) bool { return target == ErrDataExpired }

// ErrNoSchedule is matched by *NoScheduleError.
var ErrNoSchedule = errors.New("duty: no tariff schedule")

// NoScheduleError reports a destination without a tariff schedule.
type NoScheduleError struct {
	Destination, Union string
}

func (e *NoScheduleError) Error() string {
	if e.Union != "" {
		return fmt.Sprintf("duty: no tariff schedule for %s or its customs union %s (load one with WithSchedule)", e.Destination, e.Union)
	}
	return fmt.Sprintf("duty: no tariff schedule for %s (load one with WithSchedule)", e.Destination)
}

// Is reports whether target is ErrNoSchedule.
func (e *NoScheduleError) Is(target error) bool { return target == ErrNoSchedule }
