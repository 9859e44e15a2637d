package hts

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/iorkit/iorkit/internal/jsonpath"

	"github.com/iorkit/iorkit/duty"
)

// Heading is a chapter 99 heading read as additional-duty text.
type Heading struct {
	Number string
	Text   string         // the general column as printed
	Rate   duty.Rate      // the part added to the duty of the applicable subheading
	Base   duty.ValueBase // metal_content for "upon the value of the steel content"
}

var (
	reAdded   = regexp.MustCompile(`(?i)^the duty provided in the applicable subheading\s*(?:\+|plus)\s*(?:a duty of\s*)?([0-9.]+%)\.?\s*(upon the value of the (?:steel|aluminum|copper) content)?\.?$`)
	reNothing = regexp.MustCompile(`(?i)^the duty provided in the applicable subheading\.?$`)
)

// ErrNotAdditional is matched by the error Heading returns for a chapter
// 99 line whose text is not "the duty provided in the applicable
// subheading" plus an ad valorem part.
var ErrNotAdditional = errors.New("hts: not an additional-duty heading")

// Heading reads chapter 99 heading number (e.g. "9903.88.15") as
// additional-duty text: "The duty provided in the applicable subheading +
// 7.5%" gives 7.5%; "... + a duty of 50% upon the value of the steel
// content" gives 50% on the metal content; "The duty provided in the
// applicable subheading" (an exemption heading) gives Free.
func (s *Schedule) Heading(number string) (Heading, error) {
	if !s.usable() {
		return Heading{}, errNilSchedule
	}
	n, err := duty.NormalizeHS(number)
	if err != nil {
		return Heading{}, err
	}
	i, ok := s.find(n)
	if !ok || !strings.HasPrefix(n, "99") {
		return Heading{}, &duty.UnknownCodeError{HS: number}
	}
	r := &s.rows[s.codes[i].row]
	return parseHeading(s.texts[r.number], s.texts[r.general])
}

func parseHeading(number, text string) (Heading, error) {
	h := Heading{Number: number, Text: text}
	t := strings.Join(strings.Fields(text), " ")
	if reNothing.MatchString(t) {
		h.Rate, _ = duty.ParseRate("Free")
		return h, nil
	}
	m := reAdded.FindStringSubmatch(t)
	if m == nil {
		return h, fmt.Errorf("%w: %s %q", ErrNotAdditional, number, text)
	}
	r, err := duty.ParseRate(m[1])
	if err != nil {
		return h, fmt.Errorf("%w: %s %q: %v", ErrNotAdditional, number, text, err)
	}
	h.Rate = r
	if m[2] != "" {
		h.Base = duty.MetalContentValue
	}
	return h, nil
}

// ErrInvalidLayers is matched by every error of AddLayers.
var ErrInvalidLayers = errors.New("hts: invalid layer data")

// LayerError reports a problem in layer data: the row, the column and the
// value. It matches ErrInvalidLayers.
type LayerError struct {
	Row    int
	Column string
	Value  string
	Err    error
}

func (e *LayerError) Error() string {
	return fmt.Sprintf("hts: layers row %d, column %s, value %q: %v", e.Row, e.Column, jsonpath.Clip(e.Value), e.Err)
}

// Is reports whether target is ErrInvalidLayers.
func (e *LayerError) Is(target error) bool { return target == ErrInvalidLayers }

// Unwrap returns the cause.
func (e *LayerError) Unwrap() error { return e.Err }

// LayerColumns is the header AddLayers reads (any order; hs and heading
// required).
// Each call returns a new slice.
func LayerColumns() []string { return slices.Clone(layerColumns) }

var layerColumns = []string{"origins", "hs", "heading", "rate", "base", "from", "to", "excludes", "source"}

// AddLayers adds additional duties (chapter 99 layers) from CSV with the
// header origins,hs,heading,rate,base,from,to,excludes,source:
//
//   - origins: ISO country codes separated by spaces; empty for all;
//   - hs: the HS prefixes covered (2 to 10 digits) separated by spaces, or
//     "*" for chapters 01 to 97;
//   - heading: the chapter 99 heading (the measure's Program);
//   - rate: the added rate; when empty it is read from the heading's text
//     in this schedule (see Heading), as is the base;
//   - base: empty (customs value) or metal_content;
//   - from, to: YYYY-MM-DD, inclusive (to is the last day in force), or
//     empty; a column named like an exclusive end (until, end, expires...)
//     is an error;
//   - excludes: headings (or heading prefixes such as 9903.81) this layer
//     displaces when both apply: the stacking rules duty.Choose follows;
//   - source: the legal source, required.
//
// Lines starting with # are comments. Chapter 99 layers are never applied
// without such data: the schedule does not say machine-readably which
// goods a heading covers.
//
// A layer row that overlaps one already added (same prefix and heading,
// origins and days in common) is an error naming the row, so that no layer
// is charged twice; so is a column not listed above. The input is bounded
// like the export (DefaultMaxBytes, duty.MaxFieldBytes per cell).
func (s *Schedule) AddLayers(r io.Reader) error {
	if !s.usable() {
		return errNilSchedule
	}
	c, err := newLayerCSV(s.tee(r), "hts: layers", layerColumns, []string{"hs", "heading", "source"})
	if err != nil {
		return err
	}
	for {
		ok, err := c.next()
		if !ok {
			return err
		}
		row, get, fail := c.row, c.get, c.fail
		m := duty.Measure{Kind: duty.Additional, Program: get("heading"), Source: get("source")}
		if m.Program == "" {
			return fail("heading", errors.New("a layer names its chapter 99 heading"))
		}
		if m.Source == "" {
			return fail("source", errors.New("a layer needs its legal source"))
		}
		for _, o := range strings.Fields(get("origins")) {
			if err := duty.ValidateCountry(o); err != nil {
				return &LayerError{Row: row, Column: "origins", Value: o, Err: err}
			}
			m.Origins = append(m.Origins, o)
		}
		if txt := get("rate"); txt != "" {
			if m.Rate, err = duty.ParseRate(txt); err != nil {
				return fail("rate", err)
			}
		} else {
			h, err := s.Heading(m.Program)
			if err != nil {
				return fail("heading", fmt.Errorf("no rate given and the heading cannot supply one: %w", err))
			}
			m.Rate, m.Base = h.Rate, h.Base
		}
		switch b := duty.ValueBase(get("base")); b {
		case "":
		case duty.MetalContentValue:
			m.Base = b
		default:
			return fail("base", errors.New("want empty or metal_content"))
		}
		for _, dc := range []struct {
			name string
			dst  *duty.Date
		}{{"from", &m.From}, {"to", &m.To}} {
			if v := get(dc.name); v != "" {
				t, err := duty.ParseDate(v)
				if err != nil {
					return fail(dc.name, errors.New("want YYYY-MM-DD"))
				}
				*dc.dst = t
			}
		}
		if ex := strings.Fields(get("excludes")); len(ex) > 0 {
			m.Excludes = ex
		}
		prefixes := strings.Fields(get("hs"))
		if len(prefixes) == 1 && prefixes[0] == "*" {
			prefixes = allChapters()
		}
		if len(prefixes) == 0 {
			return fail("hs", errors.New("want HS prefixes or *"))
		}
		for _, p := range prefixes {
			if prev, dup := s.table.Overlap(p, m); dup {
				return &LayerError{Row: row, Column: "hs", Value: p, Err: fmt.Errorf("layer %s on %s overlaps one already added (%s): a layer is charged once", m.Program, p, prev.Source)}
			}
			if err := s.table.Add(p, m); err != nil {
				c := "hs"
				if !errors.Is(err, duty.ErrInvalidCode) {
					c = "to"
				}
				return fail(c, err)
			}
			s.layers++
		}
	}
}

func allChapters() []string {
	out := make([]string, 0, 97)
	for c := 1; c <= 97; c++ {
		out = append(out, fmt.Sprintf("%02d", c))
	}
	return out
}
