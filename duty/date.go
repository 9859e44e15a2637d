package duty

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar day (no time of day, no zone), as customs data dates
// things: "2026-03-01". Its JSON form is that string.
type Date struct {
	t time.Time // midnight UTC
}

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, &InvalidDateError{Input: s}
	}
	return Date{t: t}, nil
}

// MustDate is ParseDate that panics; for constants in tests and examples.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{t: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return d.t }

// AddDate returns the day years, months and days after d (negative:
// before), normalised as time.Time.AddDate does ("2026-01-31" plus one
// month is "2026-03-03"). The zero Date stays zero.
func (d Date) AddDate(years, months, days int) Date {
	if d.t.IsZero() {
		return d
	}
	return Date{t: d.t.AddDate(years, months, days)}
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Before reports whether d is an earlier day than o.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }

// Equal reports whether d and o are the same day.
func (d Date) Equal(o Date) bool { return d.t.Equal(o.t) }

// After reports whether d is a later day than o.
func (d Date) After(o Date) bool { return d.t.After(o.t) }

// String formats as YYYY-MM-DD ("" for the zero Date).
func (d Date) String() string {
	if d.t.IsZero() {
		return ""
	}
	var buf [16]byte
	return string(d.t.AppendFormat(buf[:0], time.DateOnly))
}

// AppendText appends YYYY-MM-DD (nothing for the zero Date) to b: the
// bytes of String without a new string (encoding.TextAppender).
func (d Date) AppendText(b []byte) ([]byte, error) {
	if d.t.IsZero() {
		return b, nil
	}
	return d.t.AppendFormat(b, time.DateOnly), nil
}

// MarshalJSON encodes "YYYY-MM-DD" (null when unset).
func (d Date) MarshalJSON() ([]byte, error) {
	return appendDate(make([]byte, 0, 12), d), nil
}

// UnmarshalJSON decodes "YYYY-MM-DD".
func (d *Date) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &InvalidDateError{Input: string(b)}
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ErrInvalidDate is matched by *InvalidDateError.
var ErrInvalidDate = fmt.Errorf("duty: invalid date")

// InvalidDateError reports a date that is not YYYY-MM-DD.
type InvalidDateError struct{ Input string }

func (e *InvalidDateError) Error() string {
	return fmt.Sprintf("duty: %q is not a date (want YYYY-MM-DD)", clip(e.Input))
}

// Is reports whether target is ErrInvalidDate.
func (e *InvalidDateError) Is(target error) bool { return target == ErrInvalidDate }

// MarshalText encodes YYYY-MM-DD, so that text-based encoders (and rule
// packs, which see dates as strings) read the day as written.
func (d Date) MarshalText() ([]byte, error) { return d.AppendText(make([]byte, 0, 10)) }
