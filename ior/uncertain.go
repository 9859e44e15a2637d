package ior

import (
	"context"
	"fmt"

	"github.com/iorkit/iorkit/duty"
)

// MaxAlternatives bounds the alternative HS codes, and separately the
// alternative origins, of one line.
const MaxAlternatives = 10

// MaxRangeQuotes bounds the quotes one range may take (every candidate of
// every uncertain line, plus the three cases).
const MaxRangeQuotes = 200

// Range is what a shipment with uncertain lines may cost: the expected
// case (the quote itself: each line's first code and origin that the
// data can price) and the cheapest and dearest cases. Each line's
// candidates are priced with the other lines at their expected choice;
// Min combines every line's cheapest candidate and Max every line's
// dearest, each then quoted as a whole, so thresholds and rounding are
// those of a real quote.
type Range struct {
	Min      Scenario `json:"min"`
	Expected Scenario `json:"expected"`
	Max      Scenario `json:"max"`
	// Unpriced lists the candidates the data cannot price, with why; they
	// are left out of the range.
	Unpriced []Choice `json:"unpriced,omitempty"`
}

// Scenario is one case of a Range: its totals (in the quote's currency)
// and the code and origin chosen for each uncertain line.
type Scenario struct {
	Duty    duty.Money `json:"duty"`
	Tax     duty.Money `json:"tax"`
	Fees    duty.Money `json:"fees"`
	Total   duty.Money `json:"total"`
	Choices []Choice   `json:"choices"`
}

// Choice is a code and origin for one line.
type Choice struct {
	Line   int    `json:"line"`
	HS     string `json:"hs"`
	Origin string `json:"origin"`
	// Reason says why an unpriced candidate could not be priced.
	Reason string `json:"reason,omitempty"`
}

func (s Shipment) hasAlternatives() bool {
	for _, l := range s.Lines {
		if len(l.HSAlternatives) > 0 || len(l.OriginAlternatives) > 0 {
			return true
		}
	}
	return false
}

// candidates lists a line's codes × origins, the given ones first.
func (l Line) candidates() []Choice {
	codes := append([]string{l.HS}, l.HSAlternatives...)
	origins := l.OriginAlternatives
	if l.Origin != "" {
		origins = append([]string{l.Origin}, origins...)
	}
	out := make([]Choice, 0, len(codes)*len(origins))
	seen := map[[2]string]bool{}
	for _, hs := range codes {
		for _, o := range origins {
			if k := [2]string{hs, o}; !seen[k] {
				seen[k] = true
				out = append(out, Choice{HS: hs, Origin: o})
			}
		}
	}
	return out
}

// with returns s with each uncertain line set to its choice.
func (s Shipment) with(choices []Choice) Shipment {
	t := s
	t.Lines = append([]Line(nil), s.Lines...)
	for _, c := range choices {
		t.Lines[c.Line].HS, t.Lines[c.Line].Origin = c.HS, c.Origin
	}
	return t
}

// quoteRange prices a shipment whose lines give alternatives: every
// candidate of each uncertain line (others at their expected choice),
// then the expected, cheapest and dearest combinations. A candidate the
// data does not cover is listed in Unpriced; a line none of whose
// candidates can be priced fails the quote as it would without
// alternatives.
func (e *Engine) quoteRange(ctx context.Context, cfg callConfig, s Shipment) (Quote, error) {
	type line struct {
		index int
		cands []Choice
	}
	var lines []line
	total := 3
	for i, l := range s.Lines {
		if len(l.HSAlternatives) == 0 && len(l.OriginAlternatives) == 0 {
			continue
		}
		c := l.candidates()
		for k := range c {
			c[k].Line = i
		}
		lines = append(lines, line{i, c})
		total += len(c)
	}
	if total > MaxRangeQuotes {
		return Quote{}, &ValidationError{Problems: []*FieldError{{Path: "lines", Value: fmt.Sprint(total),
			Msg: fmt.Sprintf("alternatives would take %d quotes, more than %d: give fewer", total, MaxRangeQuotes), Err: ErrInvalidValue}}}
	}
	// The expected choice of each line: its first candidate, until a
	// candidate fails, then the first one that prices.
	expected := make([]Choice, len(lines))
	for k, l := range lines {
		expected[k] = l.cands[0]
	}
	d, err := e.decideForQuote(ctx, s.with(expected))
	if err != nil {
		return Quote{}, err
	}
	price := func(choices []Choice) (Quote, error) {
		return e.quoteWith(ctx, cfg, s.with(choices), d)
	}
	var unpriced []Choice
	lo, hi := make([]Choice, len(lines)), make([]Choice, len(lines))
	for k, l := range lines {
		var loQ, hiQ *duty.Money
		found := false
		var firstErr error
		for _, c := range l.cands {
			try := append([]Choice(nil), expected...)
			try[k] = c
			q, err := price(try)
			if err != nil {
				if Classify(err) != ClassUncovered {
					return Quote{}, err
				}
				if firstErr == nil {
					firstErr = err
				}
				c.Reason = err.Error()
				unpriced = append(unpriced, c)
				continue
			}
			t := q.Totals.Total
			if !found {
				expected[k], found = c, true
			}
			if loQ == nil || t.Amount().LessThan(loQ.Amount()) {
				loQ, lo[k] = &t, c
			}
			if hiQ == nil || t.Amount().GreaterThan(hiQ.Amount()) {
				hiQ, hi[k] = &t, c
			}
		}
		if !found {
			return Quote{}, firstErr
		}
	}
	q, err := price(expected)
	if err != nil {
		return Quote{}, err
	}
	qLo, err := price(lo)
	if err != nil {
		return Quote{}, err
	}
	qHi, err := price(hi)
	if err != nil {
		return Quote{}, err
	}
	q.Range = &Range{Min: scenario(qLo, lo), Expected: scenario(q, expected), Max: scenario(qHi, hi), Unpriced: unpriced}
	return q, nil
}

func scenario(q Quote, choices []Choice) Scenario {
	return Scenario{Duty: q.Totals.Duty, Tax: q.Totals.Tax, Fees: q.Totals.Fees, Total: q.Totals.Total,
		Choices: append([]Choice(nil), choices...)}
}
