package duty

import (
	"errors"
	"fmt"
	"strings"
)

// PreferenceClaim says whether a line claims a tariff preference.
type PreferenceClaim uint8

const (
	// ClaimIfEligible claims the lowest preference whose programme covers
	// the origin when it gives less duty than MFN (the default). The
	// choice says that proof of origin is then required.
	ClaimIfEligible PreferenceClaim = iota
	// ClaimNone pays the MFN duty: no preference is claimed (no proof of
	// origin at hand, or the goods do not meet the rules of origin).
	ClaimNone
)

// ChoiceOptions change how Choose picks measures for one line.
type ChoiceOptions struct {
	Claim PreferenceClaim
	// Programs, when not empty, limits the preferences claimed to these
	// programme codes (e.g. only "S" when the importer holds a USMCA
	// certification of origin).
	Programs []string
}

// ChoiceStep is one measure Choose looked at: used or set aside, and why.
type ChoiceStep struct {
	Measure Measure
	Used    bool
	Reason  string
}

// Choice is the outcome of Choose for one line: the measure that sets the
// base duty (MFN or a preference), the additional layers on top, and a step
// for every measure considered, in the order decided.
type Choice struct {
	Base Measure
	// Preference is true when Base is a preferential measure; the importer
	// then needs proof of origin for Base.Program.
	Preference bool
	Layers     []Measure
	Steps      []ChoiceStep
}

// ErrNoBaseRate is matched by the error Choose returns when no MFN measure
// covers the line's origin.
var ErrNoBaseRate = errors.New("duty: no MFN measure")

// NoBaseRateError reports a line for which the measures hold no MFN rate
// covering its origin. It matches ErrNoBaseRate.
type NoBaseRateError struct {
	HS     string
	Origin string
}

func (e *NoBaseRateError) Error() string {
	return fmt.Sprintf("duty: no MFN measure for HS %q, origin %q", clip(e.HS), clip(e.Origin))
}

// Is reports whether target is ErrNoBaseRate.
func (e *NoBaseRateError) Is(target error) bool { return target == ErrNoBaseRate }

// Choose picks, from the measures a Schedule returned for one line, the ones
// that apply to goods of origin valued at b:
//
//   - the MFN measure covering the origin; one naming the origin (such as
//     US column 2 for Cuba, North Korea, Russia, Belarus) beats one for all
//     origins;
//   - unless opts.Claim is ClaimNone, the preferential measure giving the
//     least duty on b among those covering the origin (and in
//     opts.Programs when given), if it gives less than the MFN measure: it
//     replaces MFN as the base and proof of origin is required;
//   - every additional measure covering the origin, except those that a
//     layer in use excludes (Measure.Excludes). When two layers exclude each
//     other, the first in the order of ms wins.
//
// Each measure considered gets a ChoiceStep saying whether it was used and
// why. Choose returns a *NoBaseRateError when no MFN measure covers the
// origin, and the error of Rate.Apply when the MFN rate cannot be computed
// while a preference would have to be compared with it.
func Choose(ms []Measure, origin string, b Basis, opts ChoiceOptions) (Choice, error) {
	var c Choice
	hs := ""
	var mfn, prefs, layers []int
	for i := range ms {
		m := &ms[i]
		if hs == "" || len(m.HS) > len(hs) {
			hs = m.HS
		}
		if !m.Covers(origin) {
			c.Steps = append(c.Steps, ChoiceStep{Measure: *m, Reason: fmt.Sprintf("does not cover origin %s (covers %s)", origin, strings.Join(m.Origins, " "))})
			continue
		}
		switch m.Kind {
		case MFN:
			mfn = append(mfn, i)
		case Preferential:
			prefs = append(prefs, i)
		case Additional:
			layers = append(layers, i)
		}
	}
	if len(mfn) == 0 {
		return Choice{}, &NoBaseRateError{HS: hs, Origin: origin}
	}
	best := mfn[0]
	for _, i := range mfn[1:] {
		if moreSpecific(&ms[i], &ms[best]) {
			best = i
		}
	}
	for _, i := range mfn {
		if i == best {
			continue
		}
		why := "superseded by the MFN measure on " + ms[best].HS
		if len(ms[best].Origins) > 0 {
			why = fmt.Sprintf("superseded by the rate for origin %s (%s)", origin, progOr(ms[best].Program, "origin-specific rate"))
		}
		c.Steps = append(c.Steps, ChoiceStep{Measure: ms[i], Reason: why})
	}
	c.Base = ms[best]
	baseStep := ChoiceStep{Measure: ms[best], Used: true, Reason: "MFN duty for origin " + origin}

	if len(prefs) > 0 {
		if err := choosePreference(&c, &baseStep, ms, prefs, b, opts); err != nil {
			return Choice{}, err
		}
	} else {
		c.Steps = append(c.Steps, baseStep)
	}
	chooseLayers(&c, ms, layers)
	return c, nil
}

func choosePreference(c *Choice, baseStep *ChoiceStep, ms []Measure, prefs []int, b Basis, opts ChoiceOptions) error {
	var steps []ChoiceStep
	if opts.Claim == ClaimNone {
		for _, i := range prefs {
			steps = append(steps, ChoiceStep{Measure: ms[i], Reason: "preference not claimed for this line"})
		}
		c.Steps = append(c.Steps, *baseStep)
		c.Steps = append(c.Steps, steps...)
		return nil
	}
	mfnDuty, mfnErr := c.Base.Rate.Apply(b)
	best := -1
	var bestDuty Money
	for _, i := range prefs {
		m := ms[i]
		if len(opts.Programs) > 0 && !contains(opts.Programs, m.Program) {
			steps = append(steps, ChoiceStep{Measure: m, Reason: fmt.Sprintf("programme %s not claimed (claiming %s)", m.Program, strings.Join(opts.Programs, " "))})
			continue
		}
		d, err := m.Rate.Apply(b)
		if err != nil {
			steps = append(steps, ChoiceStep{Measure: m, Reason: "cannot compute this preference: " + err.Error()})
			continue
		}
		if best < 0 || d.Amount().LessThan(bestDuty.Amount()) {
			if best >= 0 {
				steps = append(steps, ChoiceStep{Measure: ms[best], Reason: fmt.Sprintf("programme %s gives less duty (%s < %s)", m.Program, d, bestDuty)})
			}
			best, bestDuty = i, d
			continue
		}
		steps = append(steps, ChoiceStep{Measure: m, Reason: fmt.Sprintf("programme %s gives less duty (%s <= %s)", ms[best].Program, bestDuty, d)})
	}
	switch {
	case best < 0:
		c.Steps = append(c.Steps, *baseStep)
	case mfnErr != nil && ms[best].Rate.String() != "Free":
		return fmt.Errorf("duty: comparing preference %s with MFN on %s: %w", ms[best].Program, c.Base.HS, mfnErr)
	case mfnErr == nil && !bestDuty.Amount().LessThan(mfnDuty.Amount()):
		c.Steps = append(c.Steps, *baseStep)
		steps = append(steps, ChoiceStep{Measure: ms[best], Reason: fmt.Sprintf("no saving over MFN (%s vs %s): not worth a proof of origin", bestDuty, mfnDuty)})
	default:
		baseStep.Used = false
		baseStep.Reason = fmt.Sprintf("replaced by preference %s", ms[best].Program)
		c.Steps = append(c.Steps, *baseStep)
		c.Base = ms[best]
		c.Preference = true
		c.Steps = append(c.Steps, ChoiceStep{Measure: ms[best], Used: true,
			Reason: fmt.Sprintf("preference %s claimed (origin qualifies); proof of origin is required", progOr(ms[best].Program, "?"))})
	}
	c.Steps = append(c.Steps, steps...)
	return nil
}

func chooseLayers(c *Choice, ms []Measure, layers []int) {
	excludedBy := make(map[int]int)
	for _, i := range layers {
		if _, out := excludedBy[i]; out {
			continue
		}
		for _, j := range layers {
			if j == i {
				continue
			}
			if _, out := excludedBy[j]; out {
				continue
			}
			if excludes(ms[i].Excludes, ms[j].Program) {
				excludedBy[j] = i
			}
		}
	}
	for _, i := range layers {
		if by, out := excludedBy[i]; out {
			c.Steps = append(c.Steps, ChoiceStep{Measure: ms[i],
				Reason: fmt.Sprintf("excluded by %s (%s)", progOr(ms[by].Program, ms[by].HS), ms[by].Source)})
			continue
		}
		c.Layers = append(c.Layers, ms[i])
		c.Steps = append(c.Steps, ChoiceStep{Measure: ms[i], Used: true, Reason: "additional duty " + progOr(ms[i].Program, "") + " applies to origin"})
	}
}

// excludes reports whether a rule list names program, itself or a heading
// above it ("9903.81" names "9903.81.90").
func excludes(rules []string, program string) bool {
	if program == "" {
		return false
	}
	for _, r := range rules {
		if r == program || (strings.HasPrefix(program, r) && program[len(r)] == '.') {
			return true
		}
	}
	return false
}

// moreSpecific: a measure naming origins beats one for all; then the
// longer HS prefix wins.
func moreSpecific(a, b *Measure) bool {
	if (len(a.Origins) > 0) != (len(b.Origins) > 0) {
		return len(a.Origins) > 0
	}
	return len(a.HS) > len(b.HS)
}

func progOr(p, alt string) string {
	if p == "" {
		return alt
	}
	return p
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
