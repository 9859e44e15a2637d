// Goods categories that change the rules (excise goods excluded from
// low-value reliefs), and thresholds tested per item.

package duty

import (
	"fmt"
	"slices"
	"strings"
)

// GoodsCategory is a class of goods, named by HS prefixes, that a profile's
// rules treat apart: alcohol, tobacco, perfumes and toilet waters, fuels.
// A threshold lists the categories it does not cover (NotCategories): lines
// of those goods pay duty and tax at the border whatever the value; or the
// only categories it covers (Categories: ID's consignment rates of certain
// commodities).
type GoodsCategory struct {
	Code   string   `json:"code"` // stable: alcohol, tobacco, perfume, fuel...
	Name   string   `json:"name"`
	HS     []string `json:"hs"` // HS prefixes (headings such as "2208", or longer)
	Source string   `json:"source"`
}

// CompareItem tests each line's value per item (the line's value divided
// by its count of items) against the threshold: lines whose items are over
// it are not covered, the others are (NO VOEC: each item under NOK 3,000;
// SG OVR: each item of SGD 400 or less). A line without a count quantity
// counts as one item.
const CompareItem Compared = "item"

// ExcludedLine is a line a met threshold does not cover, and why.
type ExcludedLine struct {
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

// categoriesOf returns the codes of the profile's categories the HS code
// falls in.
func (p *Profile) categoriesOf(hs string) []string { // by pointer: a Profile is large
	var out []string
	for _, c := range p.Categories {
		for _, pre := range c.HS {
			if HSHasPrefix(hs, pre) {
				out = append(out, c.Code)
				break
			}
		}
	}
	return out
}

// categoriesOf is k.p.categoriesOf, worked out once per HS code of the
// entry (the result is only read).
func (k *calc) categoriesOf(hs string) []string {
	for j := range k.cats {
		if k.cats[j].hs == hs {
			return k.cats[j].cats
		}
	}
	cats := k.p.categoriesOf(hs)
	if len(k.cats) < memoEntries {
		k.cats = append(k.cats, hsCategories{hs, cats})
	}
	return cats
}

type hsCategories struct {
	hs   string
	cats []string
}

// CategoriesOf returns the codes of the profile's goods categories that
// the HS code falls in (none for most goods).
func (p Profile) CategoriesOf(hs string) []string { return p.categoriesOf(hs) }

// itemValue is a line's value per item: its value divided by its count
// quantity in items (pairs count as one item each: a pair of shoes is one
// article); a line without a count is one item.
func (k *calc) itemValue(i int) Money {
	la := k.a.Lines[i]
	for _, q := range k.e.Lines[i].Quantities {
		if q.Unit.Dimension() != Count || !q.Value.IsPositive() {
			continue
		}
		n := q.Value
		if q.Unit != Item && q.Unit != Pair {
			c, err := q.Convert(Item)
			if err != nil {
				continue
			}
			n = c.Value
		}
		return k.money(la.Value.amount.DivRound(n, la.Value.MinorUnits()+4))
	}
	return la.Value
}

// excludedLines lists the lines a threshold does not cover although its
// conditions fit the entry: goods of a category it excludes or outside the
// categories it is limited to and, for a
// per-item threshold, lines whose items are over the limit.
func (k *calc) excludedLines(t Threshold, limit Money) []ExcludedLine {
	var out []ExcludedLine
	for i := range k.e.Lines {
		var why []string
		if len(t.NotCategories) > 0 || len(t.Categories) > 0 {
			cats := k.categoriesOf(k.e.Lines[i].HS)
			for _, c := range cats {
				if contains(t.NotCategories, c) {
					why = append(why, "goods of category "+c+" are excluded")
				}
			}
			if len(t.Categories) > 0 && !slices.ContainsFunc(cats, func(c string) bool { return contains(t.Categories, c) }) {
				why = append(why, "only goods of category "+strings.Join(t.Categories, ", ")+" are covered")
			}
		}
		if t.Compare == CompareItem {
			v := k.itemValue(i)
			cmp := v.amount.Cmp(limit.amount)
			if cmp > 0 || (cmp == 0 && t.Strict) {
				op := "over"
				if cmp == 0 {
					op = "not under"
				}
				why = append(why, fmt.Sprintf("value per item %s is %s %s", v.Round(), op, t.Amount))
			}
		}
		if len(why) > 0 {
			out = append(out, ExcludedLine{Line: i, Reason: strings.Join(why, "; ")})
		}
	}
	return out
}

// maxItemValue is the highest value per item of the entry's lines.
func (k *calc) maxItemValue() Money {
	max := k.zero()
	for i := range k.a.Lines {
		if v := k.itemValue(i); v.amount.GreaterThan(max.amount) {
			max = v
		}
	}
	return max
}

// covers reports whether a met outcome covers line i.
func (o *DeMinimisOutcome) covers(i int) bool {
	if !o.Met {
		return false
	}
	for _, x := range o.Excluded {
		if x.Line == i {
			return false
		}
	}
	return true
}

// metFor returns the first met threshold covering what, with that
// outcome, that covers line i.
func (k *calc) metFor(i int, what Applies, outcome Outcome) (DeMinimisOutcome, bool) {
	for j := range k.a.DeMinimis { // by index: an outcome is a large struct
		o := &k.a.DeMinimis[j]
		if o.Outcome != outcome || !o.covers(i) {
			continue
		}
		if o.Applies == what || (o.Applies == AppliesBoth && (what == AppliesDuty || what == AppliesTax)) {
			return *o, true
		}
	}
	return DeMinimisOutcome{}, false
}

func (p Profile) checkCategories() *ProfileError {
	seen := map[string]bool{}
	for i, c := range p.Categories {
		if c.Code == "" || c.Source == "" || len(c.HS) == 0 {
			return &ProfileError{Path: fmt.Sprintf("categories[%d]", i), Country: clip(p.Country), Msg: "code, hs and source are required"}
		}
		for _, h := range c.HS {
			if _, err := NormalizeHS(h); err != nil {
				return &ProfileError{Path: fmt.Sprintf("categories[%d].hs", i), Country: clip(p.Country), Value: clip(h), Err: err}
			}
		}
		seen[c.Code] = true
	}
	for i, t := range p.DeMinimis {
		for _, c := range t.NotCategories {
			if !seen[c] {
				return &ProfileError{Path: fmt.Sprintf("de_minimis[%d].not_categories", i), Country: clip(p.Country), Value: clip(c),
					Msg: fmt.Sprintf("%q is not a category of the profile", clip(c))}
			}
		}
		for _, c := range t.Categories {
			if !seen[c] {
				return &ProfileError{Path: fmt.Sprintf("de_minimis[%d].categories", i), Country: clip(p.Country), Value: clip(c),
					Msg: fmt.Sprintf("%q is not a category of the profile", clip(c))}
			}
		}
	}
	return nil
}
