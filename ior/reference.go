package ior

import (
	"errors"
	"sync"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/reftariff"
)

// Default schedules beyond the sample tariff, and their precedence.
//
// For the EU and GB the engine's default schedule is the reference
// edition of reftariff (the 2020 CET, the 2021 UK Global Tariff: every
// line of the official file) over the sample tariff: a code the edition
// holds takes its MFN measure from the edition, and the sample adds only
// measures of other kinds it holds for that code (the EU-UK TCA
// preferences); a code the edition does not hold (an HS 2022 code, a
// 6-digit subheading above the edition's lines) falls to the sample, whose
// few EU and GB rows were copied from the same file and name their
// mapping. The edition comes first because it is complete and each line
// names its edition; the sample's EU and GB MFN rows are a subset of it.
// Switzerland gets the industrial-goods rule (reftariff.Switzerland).
// A schedule given with WithSchedule replaces all of it for its area.
func referenceSchedules() map[string]duty.Schedule {
	return map[string]duty.Schedule{
		"EU": &lazySchedule{load: func() (duty.Schedule, error) { return reftariff.EU() }},
		"GB": &lazySchedule{load: func() (duty.Schedule, error) { return reftariff.GB() }},
	}
}

// lazySchedule reads its schedule on first use, so that an engine that
// never quotes a destination never parses its tariff.
type lazySchedule struct {
	once sync.Once
	load func() (duty.Schedule, error)
	s    duty.Schedule
	err  error
}

// Measures implements duty.Schedule.
func (l *lazySchedule) Measures(hs, origin string, on duty.Date) ([]duty.Measure, error) {
	l.once.Do(func() { l.s, l.err = l.load() })
	if l.err != nil {
		return nil, l.err
	}
	return l.s.Measures(hs, origin, on)
}

// LinesUnder implements duty.LineLister when the loaded schedule does.
func (l *lazySchedule) LinesUnder(hs string) ([]string, error) {
	l.once.Do(func() { l.s, l.err = l.load() })
	if l.err != nil {
		return nil, l.err
	}
	if ll, ok := l.s.(duty.LineLister); ok {
		return ll.LinesUnder(hs)
	}
	return nil, nil
}

// LinesUnder implements duty.LineLister with the lines of primary (the
// complete edition); a code primary does not know is left to Measures,
// which asks extra.
func (l layered) LinesUnder(hs string) ([]string, error) {
	if ll, ok := l.primary.(duty.LineLister); ok {
		return ll.LinesUnder(hs)
	}
	return nil, nil
}

// Caveats forwards duty.Caveated to the loaded schedule.
func (l *lazySchedule) Caveats(hs, origin string, on duty.Date) []duty.Warning {
	l.once.Do(func() { l.s, l.err = l.load() })
	if cv, ok := l.s.(duty.Caveated); ok && l.err == nil {
		return cv.Caveats(hs, origin, on)
	}
	return nil
}

// Caveats forwards duty.Caveated to both schedules.
func (l layered) Caveats(hs, origin string, on duty.Date) []duty.Warning {
	var out []duty.Warning
	for _, s := range []duty.Schedule{l.primary, l.extra} {
		if cv, ok := s.(duty.Caveated); ok {
			out = append(out, cv.Caveats(hs, origin, on)...)
		}
	}
	return out
}

// layered answers from primary; extra fills codes primary does not know
// and adds, for codes it knows, measures of kinds primary did not give.
type layered struct{ primary, extra duty.Schedule }

// Measures implements duty.Schedule.
func (l layered) Measures(hs, origin string, on duty.Date) ([]duty.Measure, error) {
	ms, err := l.primary.Measures(hs, origin, on)
	if errors.Is(err, duty.ErrUnknownCode) {
		return l.extra.Measures(hs, origin, on)
	}
	if err != nil {
		return nil, err
	}
	xs, xerr := l.extra.Measures(hs, origin, on)
	if xerr != nil || len(xs) == 0 {
		return ms, nil
	}
	var kinds [4]bool
	for _, m := range ms {
		if int(m.Kind) < len(kinds) {
			kinds[m.Kind] = true
		}
	}
	out := ms
	for _, x := range xs {
		if int(x.Kind) < len(kinds) && !kinds[x.Kind] {
			out = append(out, x)
		}
	}
	// MFN, preferential, additional, as every schedule returns them.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Kind < out[j-1].Kind; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, nil
}
