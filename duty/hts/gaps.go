package hts

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/iorkit/iorkit/duty"
)

// LayerGap is a set of additional duties known to exist (chapter 99
// headings of the schedule) whose product lists the layer data does not
// carry: goods of Origins (empty: every origin) under the HS prefixes (not
// under Except, whose coverage is in the data) may owe them on days From to
// To. A lookup that falls in a gap is flagged LAYERS_NOT_LOADED (Caveats):
// the quote leaves those duties out and says so.
type LayerGap struct {
	Heading string // the chapter 99 headings, e.g. "9903.88"
	What    string // the warning's message: what may apply and what the quote leaves out
	Origins []string
	HS      []string // prefixes covered; "*" for chapters 01 to 97
	Except  []string // prefixes whose coverage the layer data holds
	From    duty.Date
	To      duty.Date
	Source  string
}

// GapColumns is the header AddLayerGaps reads (any order; heading, what,
// hs and source required).
// Each call returns a new slice.
func GapColumns() []string { return slices.Clone(gapColumns) }

var gapColumns = []string{"heading", "what", "origins", "hs", "except", "from", "to", "source"}

// AddLayerGaps reads layer gaps from CSV with the header
// heading,what,origins,hs,except,from,to,source (origins, hs and except
// separated by spaces, hs "*" for chapters 01 to 97, from and to
// YYYY-MM-DD inclusive or empty; a column named like an exclusive end,
// such as until, is an error). Lines starting with # are comments.
// Errors are *LayerError values naming the row and the column.
func (s *Schedule) AddLayerGaps(r io.Reader) error {
	if !s.usable() {
		return errNilSchedule
	}
	c, err := newLayerCSV(s.tee(r), "hts: layer gaps", gapColumns, []string{"heading", "what", "hs", "source"})
	if err != nil {
		return err
	}
	for {
		ok, err := c.next()
		if !ok {
			return err
		}
		row, get, fail := c.row, c.get, c.fail
		g := LayerGap{Heading: get("heading"), What: get("what"), Source: get("source"),
			HS: strings.Fields(get("hs")), Except: strings.Fields(get("except"))}
		for _, req := range []struct{ name, v string }{{"heading", g.Heading}, {"what", g.What}, {"source", g.Source}} {
			if req.v == "" {
				return fail(req.name, errors.New("required"))
			}
		}
		if len(g.HS) == 0 {
			return fail("hs", errors.New("want HS prefixes or *"))
		}
		for _, p := range append(slices.Clone(g.HS), g.Except...) {
			if p == "*" {
				continue
			}
			if _, err := duty.NormalizeHS(p); err != nil {
				return &LayerError{Row: row, Column: "hs", Value: p, Err: err}
			}
		}
		for _, o := range strings.Fields(get("origins")) {
			if err := duty.ValidateCountry(o); err != nil {
				return &LayerError{Row: row, Column: "origins", Value: o, Err: err}
			}
			g.Origins = append(g.Origins, o)
		}
		for _, dc := range []struct {
			name string
			dst  *duty.Date
		}{{"from", &g.From}, {"to", &g.To}} {
			if v := get(dc.name); v != "" {
				t, err := duty.ParseDate(v)
				if err != nil {
					return fail(dc.name, errors.New("want YYYY-MM-DD"))
				}
				*dc.dst = t
			}
		}
		s.gaps = append(s.gaps, g)
	}
}

// covers reports whether the gap concerns goods of code n (normalized)
// and origin on day on.
func (g *LayerGap) covers(n, origin string, on duty.Date) bool {
	if (!g.From.IsZero() && on.Before(g.From)) || (!g.To.IsZero() && on.After(g.To)) {
		return false
	}
	if len(g.Origins) > 0 && !slices.Contains(g.Origins, origin) {
		return false
	}
	in := false
	for _, p := range g.HS {
		if p == "*" {
			in = n < "98"
		} else {
			in = duty.HSHasPrefix(n, p)
		}
		if in {
			break
		}
	}
	if !in {
		return false
	}
	for _, p := range g.Except {
		if duty.HSHasPrefix(n, p) {
			return false
		}
	}
	return true
}

// Caveats implements duty.Caveated: a LAYERS_NOT_LOADED warning for each
// layer gap (AddLayerGaps) that concerns goods of hs and origin on the day.
func (s *Schedule) Caveats(hs, origin string, on duty.Date) []duty.Warning {
	if !s.usable() || len(s.gaps) == 0 {
		return nil
	}
	n, err := duty.NormalizeHS(hs)
	if err != nil {
		return nil
	}
	var out []duty.Warning
	for i := range s.gaps {
		g := &s.gaps[i]
		if !g.covers(n, origin, on) {
			continue
		}
		out = append(out, duty.Warning{Code: duty.LayersNotLoaded, Subject: "ADD " + g.Heading, Edition: s.cfg.source,
			Message: fmt.Sprintf("%s (%s)", g.What, g.Source)})
	}
	return out
}
