// Rules a destination has that the calculator does not model, detected
// from the entry so the assessment can say so (NOT_MODELLED).

package duty

import (
	"fmt"
	"slices"
)

// NotModelledRule is a rule of a destination that the calculator does not
// model (docs/accuracy.md lists them), with the conditions under which an
// entry is concerned. An assessment of such an entry carries a
// NOT_MODELLED warning with the Note: its figures leave the rule out. All
// conditions given must hold; a rule with Categories or HS concerns the
// lines that match (one warning per line), otherwise the entry.
type NotModelledRule struct {
	Code string `json:"code"` // stable, e.g. "US_MPF_EXPRESS"
	Note string `json:"note"` // what is left out, for people
	// Destinations limits a rule of a union's template to some members.
	Destinations []string `json:"destinations,omitempty"`
	Modes        []string `json:"modes,omitempty"`
	// Consumer: true for sales to private persons only, false for
	// business buyers only; absent for both.
	Consumer *bool `json:"consumer,omitempty"`
	// Regions: destination regions (ISO 3166-2) concerned; "none" stands
	// for an entry without a region.
	Regions []string `json:"regions,omitempty"`
	// Port: where the goods are released relative to the destination
	// region, one of "same" (Entry.PortRegion is Entry.Region), "other"
	// (another region) and "none" (not given). CA: the CBSA collects a
	// province's sales tax only on goods released in that province.
	Port []string `json:"port,omitempty"`
	// Above: the customs value must be above this amount.
	Above *Money `json:"above,omitempty"`
	// Fees: one of these fees must be charged on the entry.
	Fees []string `json:"fees,omitempty"`
	// Categories (of Profile.Categories) and HS prefixes: the lines
	// concerned.
	Categories []string `json:"categories,omitempty"`
	HS         []string `json:"hs,omitempty"`
	From       Date     `json:"from,omitempty"`
	To         Date     `json:"to,omitempty"`
	Source     string   `json:"source,omitempty"`
	// UnderRegimes: one of these thresholds of the profile must be met;
	// OutsideRegimes: none of them may be (BR: IPI is not modelled outside
	// the simplified regime, which does not levy it).
	UnderRegimes   []string `json:"under_regimes,omitempty"`
	OutsideRegimes []string `json:"outside_regimes,omitempty"`
}

func (r NotModelledRule) check(p Profile) error {
	if r.Code == "" || r.Note == "" {
		return fmt.Errorf("code and note are required")
	}
	for _, c := range r.Categories {
		if !slices.ContainsFunc(p.Categories, func(g GoodsCategory) bool { return g.Code == c }) {
			return fmt.Errorf("categories: %q is not a category of the profile", c)
		}
	}
	for _, h := range r.HS {
		if _, err := NormalizeHS(h); err != nil {
			return fmt.Errorf("hs: %w", err)
		}
	}
	for _, c := range append(slices.Clone(r.UnderRegimes), r.OutsideRegimes...) {
		if !slices.ContainsFunc(p.DeMinimis, func(t Threshold) bool { return t.Code == c }) {
			return fmt.Errorf("under_regimes/outside_regimes: %q is not a threshold of the profile", c)
		}
	}
	for _, w := range r.Port {
		if w != "same" && w != "other" && w != "none" {
			return fmt.Errorf("port: %q is not same, other or none", w)
		}
	}
	if !r.From.IsZero() && !r.To.IsZero() && r.To.Before(r.From) {
		return fmt.Errorf("to %s is before from %s", r.To, r.From)
	}
	return nil
}

// notModelled adds a NOT_MODELLED warning for every rule of the profile
// that concerns the entry (after fees, so that fee conditions can be read).
func (k *calc) notModelled() error {
	for _, r := range k.p.NotModelled {
		if !inForce(r.From, r.To, k.e.Date) {
			continue
		}
		if len(r.Destinations) > 0 && !slices.Contains(r.Destinations, k.e.Destination) {
			continue
		}
		if len(r.Modes) > 0 && !slices.Contains(r.Modes, k.e.Mode) {
			continue
		}
		if r.Consumer != nil && *r.Consumer != k.e.Consumer {
			continue
		}
		if len(r.Regions) > 0 {
			region := k.e.Region
			if region == "" {
				region = "none"
			}
			if !slices.Contains(r.Regions, region) {
				continue
			}
		}
		if len(r.Port) > 0 && !slices.Contains(r.Port, k.portWhere()) {
			continue
		}
		if len(r.Fees) > 0 && !slices.ContainsFunc(k.a.Fees, func(c Charge) bool {
			return slices.Contains(r.Fees, c.Code) && c.Collection == AtBorder
		}) {
			continue
		}
		if len(r.UnderRegimes) > 0 && !k.regimeMet(r.UnderRegimes) {
			continue
		}
		if len(r.OutsideRegimes) > 0 && k.regimeMet(r.OutsideRegimes) {
			continue
		}
		if r.Above != nil {
			lim, err := k.convertFor(*r.Above, "not-modelled rule ", r.Code)
			if err != nil {
				return err
			}
			if !k.a.CustomsValue.amount.GreaterThan(lim.amount) {
				continue
			}
		}
		msg := r.Note
		if r.Source != "" {
			msg += " (" + r.Source + ")"
		}
		if len(r.Categories) == 0 && len(r.HS) == 0 {
			k.warn(NotModelled, -1, r.Code, "", msg)
			continue
		}
		for i := range k.e.Lines {
			l := &k.e.Lines[i] // in place: an entry line is a large struct
			hit := slices.ContainsFunc(r.HS, func(p string) bool { return HSHasPrefix(l.HS, p) })
			if !hit && len(r.Categories) > 0 {
				cats := k.categoriesOf(l.HS)
				hit = slices.ContainsFunc(r.Categories, func(c string) bool { return slices.Contains(cats, c) })
			}
			if hit {
				k.warn(NotModelled, i, r.Code, "", msg)
			}
		}
	}
	return nil
}

// portWhere says where the entry's goods are released relative to its
// destination region: "none" (not given), "same" or "other".
func (k *calc) portWhere() string {
	switch {
	case k.e.PortRegion == "":
		return "none"
	case k.e.PortRegion == k.e.Region:
		return "same"
	}
	return "other"
}

// regimeMet reports whether a threshold of one of codes is met for the
// entry (on some line).
func (k *calc) regimeMet(codes []string) bool {
	return slices.ContainsFunc(k.a.DeMinimis, func(o DeMinimisOutcome) bool { return o.Met && slices.Contains(codes, o.Code) })
}
