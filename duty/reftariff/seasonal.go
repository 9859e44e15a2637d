package reftariff

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/iorkit/iorkit/duty"
)

// A seasonal rate, as the file writes some fruit, vegetable, flower and
// fish lines: "15.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15
// JUN)" or "8.00% (01 NOV - 14 MAY), 14.00% (15 MAY - 31 OCT)". Each part
// is a rate the grammar reads and the days of the year it applies to,
// every year; a range may run over the new year.
type seasonal []season

type season struct {
	rate   duty.Rate
	text   string
	ranges []dayRange
}

// dayRange is from (month, day) to (month, day), both inclusive.
type dayRange struct{ fromM, fromD, toM, toD int }

var monthNames = map[string]int{
	"JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUNE": 6,
	"JUL": 7, "JULY": 7, "AUG": 8, "SEP": 9, "SEPT": 9, "OCT": 10, "NOV": 11, "DEC": 12,
}

// daysIn is the most days a month has (29 for February: a range to 29 FEB
// in a common year ends on the 28th).
var daysIn = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// parseSeasonal reads a seasonal rate; any part the grammar cannot read,
// or a day that does not exist (31 APR), makes the whole text unreadable.
func parseSeasonal(text, cur string) (seasonal, error) {
	var out seasonal
	rest := strings.TrimSpace(text)
	for rest != "" {
		open := strings.IndexByte(rest, '(')
		end := strings.IndexByte(rest, ')')
		if open <= 0 || end < open {
			return nil, errors.New("not a seasonal rate: want RATE (DD MON-DD MON, ...), RATE (...)")
		}
		rt := strings.TrimSpace(rest[:open])
		r, err := duty.ParseRate(rt, duty.InCurrency(cur))
		if err != nil {
			return nil, err
		}
		s := season{rate: r, text: rt}
		for _, part := range strings.Split(rest[open+1:end], ",") {
			dr, err := parseDayRange(part)
			if err != nil {
				return nil, err
			}
			s.ranges = append(s.ranges, dr)
		}
		out = append(out, s)
		rest = strings.TrimSpace(rest[end+1:])
		if rest != "" {
			if rest[0] != ',' {
				return nil, errors.New("want a comma between the seasons")
			}
			rest = strings.TrimSpace(rest[1:])
		}
	}
	if len(out) < 2 {
		return nil, errors.New("not a seasonal rate: one season")
	}
	return out, nil
}

// parseDayRange reads "01 JAN-14 FEB", "01 JUL - 31 JAN" or "01-31 DEC".
func parseDayRange(s string) (dayRange, error) {
	from, to, ok := strings.Cut(s, "-")
	if !ok {
		return dayRange{}, errors.New("a season without a dash: " + strings.TrimSpace(s))
	}
	tf, tt := strings.Fields(from), strings.Fields(to)
	if len(tt) != 2 || (len(tf) != 1 && len(tf) != 2) {
		return dayRange{}, errors.New("want DD MON-DD MON: " + strings.TrimSpace(s))
	}
	var r dayRange
	var err error
	if r.toD, r.toM, err = dayMonth(tt[0], tt[1]); err != nil {
		return dayRange{}, err
	}
	if len(tf) == 1 { // "01-31 DEC": the month of the end
		tf = append(tf, tt[1])
	}
	if r.fromD, r.fromM, err = dayMonth(tf[0], tf[1]); err != nil {
		return dayRange{}, err
	}
	return r, nil
}

func dayMonth(day, month string) (int, int, error) {
	m, ok := monthNames[strings.ToUpper(month)]
	if !ok {
		return 0, 0, errors.New("unknown month " + month)
	}
	d, err := strconv.Atoi(day)
	if err != nil || d < 1 || d > daysIn[m] {
		return 0, 0, errors.New("no day " + day + " " + month)
	}
	return d, m, nil
}

// at returns the season in force on day on and the period of the year it
// runs in around that day (From, To as dates of on's year, or the years
// around it for a range over the new year); ok is false when no season
// covers the day.
func (ss seasonal) at(on duty.Date) (season, duty.Date, duty.Date, bool) {
	t := on.Time()
	y, md := t.Year(), int(t.Month())*100+t.Day()
	date := func(year, m, d int) duty.Date {
		if m == 2 && d == 29 && !isLeap(year) {
			d = 28
		}
		return duty.DateOf(time.Date(year, time.Month(m), d, 0, 0, 0, 0, time.UTC))
	}
	for _, s := range ss {
		for _, r := range s.ranges {
			from, to := r.fromM*100+r.fromD, r.toM*100+r.toD
			switch {
			case from <= to && md >= from && md <= to:
				return s, date(y, r.fromM, r.fromD), date(y, r.toM, r.toD), true
			case from > to && md >= from: // over the new year, its first part
				return s, date(y, r.fromM, r.fromD), date(y+1, r.toM, r.toD), true
			case from > to && md <= to: // its second part
				return s, date(y-1, r.fromM, r.fromD), date(y, r.toM, r.toD), true
			}
		}
	}
	return season{}, duty.Date{}, duty.Date{}, false
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
