package hts

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/require"
)

// TestLookupMatchesMeasureByMeasure holds lookup, which picks the measures
// to keep from the rows' indexes before building them, to lookupRef below:
// the earlier lookup, which built every measure of every rate-carrying
// prefix and filtered them with Measure.InForce and Measure.Covers. Every
// line of the 2026 schedule, for origins with and without preferences,
// column 2 origins, no origin (each line with two origins in turn), and days before and after programme dates.
func TestLookupMatchesMeasureByMeasure(t *testing.T) {
	s := load2026(t)
	origins := []string{"", "MX", "CA", "CN", "RU", "BY", "KP", "CU", "IL", "JO", "AU", "KR", "SG", "BR", "JM", "ZZ"}
	days := []duty.Date{{}, duty.MustDate("2022-01-01"), duty.MustDate("2026-03-01"), duty.MustDate("2031-01-01")}
	n := 0
	for i, c := range s.codes {
		// no origin and two origins in turn, so that each origin meets
		// thousands of lines
		for _, o := range []string{"", origins[i%len(origins)], origins[(7*i+3)%len(origins)]} {
			for _, on := range days {
				got, gotErr := s.Measures(c.n, o, on)
				want, wantErr := s.measuresRef(c.n, o, on)
				if !reflect.DeepEqual(wantErr, gotErr) || !reflect.DeepEqual(want, got) {
					require.Equal(t, wantErr, gotErr, "%s %q %v", c.n, o, on)
					require.Equal(t, want, got, "%s %q %v", c.n, o, on)
				}
				n++
			}
		}
	}
	require.Greater(t, n, 100000)
}

// measuresRef is Measures with lookupRef.
func (s *Schedule) measuresRef(hs, origin string, on duty.Date) ([]duty.Measure, error) {
	n, err := headingOrBelow(hs)
	if err != nil {
		return nil, err
	}
	if !s.known(n) {
		return nil, &duty.UnknownCodeError{HS: hs}
	}
	for l := len(n); l >= 4; l-- {
		p := n[:l]
		if _, ok := s.rateOf(p); ok {
			if e, ok := s.bad[p]; ok {
				return nil, e
			}
			return s.lookupRef(n, p, origin, on)
		}
	}
	// codes above the tariff lines go through Measures itself
	return s.Measures(hs, origin, on)
}

type kindProgram struct {
	kind    duty.MeasureKind
	program string
}

// lookupRef builds the measures of code n, whose rate is set on rateLine,
// failing when a rate of the line that would apply to origin could not be
// read. As in duty.Table, measures on every rate-carrying prefix of n
// count, a longer prefix's measure of one kind and programme displacing a
// shorter one's; layers come from the layer table, and only when a duty
// of the line is in force.
func (s *Schedule) lookupRef(n, rateLine, origin string, on duty.Date) ([]duty.Measure, error) {
	for _, u := range s.badFor[rateLine] {
		for _, o := range u.origins {
			if o == origin || origin == "" {
				return nil, u.err
			}
		}
	}
	var (
		out     []duty.Measure
		inForce bool
		seen    []kindProgram
	)
	for l := len(n); l >= 4; l-- {
		ri, ok := s.rateOf(n[:l])
		if !ok || s.rates[ri].general < 0 {
			continue
		}
		rl := &s.rates[ri]
		start := len(out)
		add := func(m duty.Measure) {
			if !m.InForce(on) {
				return
			}
			inForce = true
			if origin != "" && !m.Covers(origin) {
				return
			}
			if slices.Contains(seen, kindProgram{m.Kind, m.Program}) {
				return
			}
			m.HS = rl.n
			out = append(out, m)
		}
		if out == nil {
			out = make([]duty.Measure, 0, 2+int(rl.ref1-rl.ref0))
		}
		add(duty.Measure{Kind: duty.MFN, Rate: s.vals[rl.general], From: s.cfg.effective, Source: s.labels.general})
		if rl.other >= 0 {
			for _, c := range column2 {
				add(duty.Measure{Kind: duty.MFN, Rate: s.vals[rl.other], Program: "column2", Origins: c.Origins,
					From: later(s.cfg.effective, c.From), Source: s.labels.column2})
			}
		}
		for _, ref := range s.refs[rl.ref0:rl.ref1] {
			p := &s.progs[ref.prog]
			add(duty.Measure{Kind: duty.Preferential, Rate: s.vals[ref.val], Program: p.Code, Origins: p.Origins,
				From: later(s.cfg.effective, p.From), To: p.To, Source: s.labels.special[ref.prog]})
		}
		for _, m := range out[start:] {
			seen = append(seen, kindProgram{m.Kind, m.Program})
		}
	}
	// Without a duty of the line in force there is nothing to layer on.
	if !inForce {
		return nil, &duty.NoMeasureInForceError{HS: n, Date: on}
	}
	if s.layers > 0 {
		if ls, err := s.table.Measures(n, origin, on); err == nil {
			out = append(out, ls...)
		}
	}
	slices.SortStableFunc(out, func(a, b duty.Measure) int {
		if a.Kind != b.Kind {
			return int(a.Kind) - int(b.Kind)
		}
		return strings.Compare(a.Program, b.Program)
	})
	return out, nil
}
