// De minimis: which thresholds apply to the entry and whether they are met.

package duty

import (
	"fmt"
	"strings"
)

// thresholdApplies tells whether a threshold's conditions (shipped from,
// origins, mode, B2C, registration) fit the entry, and why not.
func (k *calc) thresholdApplies(t Threshold) (bool, string) {
	if len(t.ShippedFrom) > 0 && !contains(t.ShippedFrom, k.e.ShippedFrom) {
		return false, "only for goods shipped from " + strings.Join(t.ShippedFrom, ", ")
	}
	if contains(t.NotShippedFrom, k.e.ShippedFrom) {
		return false, "not for goods shipped from " + k.e.ShippedFrom
	}
	for _, l := range k.e.Lines {
		if contains(t.NotOrigins, l.Origin) {
			return false, "not for goods of " + l.Origin + " origin"
		}
	}
	if len(t.Modes) > 0 && !contains(t.Modes, k.e.Mode) {
		return false, "only for " + strings.Join(t.Modes, "/") + " shipments"
	}
	if t.B2COnly && !k.e.Consumer {
		return false, "only for sales to consumers"
	}
	if t.B2BOnly && k.e.Consumer {
		return false, "only for sales to businesses"
	}
	if t.BuyerVATRegistered && !k.e.BuyerVATRegistered {
		return false, "only when the buyer is registered for VAT in the destination"
	}
	if t.GiftOnly && !k.e.Gift {
		return false, "only for gifts between private persons"
	}
	if t.NotGift && k.e.Gift {
		return false, "not for gifts (no sale)"
	}
	if t.Registered != "" && !contains(k.e.SellerRegistrations, t.Registered) {
		return false, "only when the seller is registered for " + t.Registered
	}
	return true, ""
}

// compared is the value a threshold is tested against, in the
// destination's currency.
func (k *calc) compared(t Threshold) Money {
	switch t.Compare {
	case CompareGoods:
		return k.a.Goods
	case CompareCustomsValue:
		return k.a.CustomsValue
	case CompareCIF:
		return k.money(addDec(addDec(k.a.Goods.amount, k.a.Freight.amount), k.a.Insurance.amount))
	case CompareItem:
		return k.maxItemValue().Round() // shown to the minor unit; lines are tested exactly
	case CompareTaxAmount:
		return k.borderTaxDeclared()
	case CompareDutyAmount:
		sum := k.zero()
		for _, l := range k.a.Lines {
			sum = k.money(addDec(sum.amount, l.Duty.amount))
		}
		return sum
	}
	return Money{}
}

// deMinimis evaluates the thresholds in force on values (after=false) or
// on the computed amounts (after=true) and records each outcome: met, not
// met, not applicable (and why) or suspended.
func (k *calc) deMinimis(after bool) error {
	ths := k.p.DeMinimis
	for ti, t := range ths {
		onAmount := t.Compare == CompareTaxAmount || t.Compare == CompareDutyAmount
		if onAmount != after || !inForce(t.From, t.To, k.e.Date) || k.superseded(ti, len(ths), func(a, b int) bool { return ths[a].Code == ths[b].Code }, func(j int) Date { return ths[j].From }) {
			continue
		}
		if stale(t.ReviewAfter, k.e.Date) {
			k.warn(StaleData, -1, "de minimis "+t.Code, "", fmt.Sprintf("threshold %s in force from %s was last confirmed for %s; no later figure is in the data, so it still applies", t.Amount, t.From, t.ReviewAfter))
		}
		out := DeMinimisOutcome{Code: t.Code, Applies: t.Applies, Outcome: t.Outcome, Threshold: t.Amount,
			Compared: t.Compare, Source: t.Source}
		if t.Suspended {
			out.Reason = "suspended: " + t.Note
			k.a.DeMinimis = append(k.a.DeMinimis, out)
			continue
		}
		out.Value = k.compared(t)
		if ok, why := k.thresholdApplies(t); !ok {
			// Not applicable: no conversion is needed, so a missing rate for
			// the threshold's currency is no error here.
			out.Reason = why
		} else {
			limit, err := k.convertFor(t.Amount, "de minimis threshold ", t.Code)
			if err != nil {
				return err
			}
			cmp := out.Value.amount.Cmp(limit.amount)
			op := "<="
			if t.Strict {
				op = "<"
			}
			out.Excluded = k.excludedLines(t, limit)
			above := true
			if t.Above != nil {
				lo, err := k.convertFor(*t.Above, "de minimis band ", t.Code)
				if err != nil {
					return err
				}
				above = out.Value.amount.GreaterThan(lo.amount)
			}
			switch {
			case !above:
				out.Reason = fmt.Sprintf("%s %s is not above %s", t.Compare, out.Value, t.Above)
				out.Excluded = nil
			case t.Compare == CompareItem:
				// Met when some line's items are within the limit; the
				// others are listed as excluded.
				out.Met = len(out.Excluded) < len(k.e.Lines)
				out.Reason = fmt.Sprintf("each item compared: the highest value per item is %s; limit %s %s", out.Value, op, t.Amount)
			case cmp < 0 || (cmp == 0 && !t.Strict):
				out.Met = len(out.Excluded) < len(k.e.Lines)
				out.Reason = string(t.Compare) + " " + out.Value.String() + " " + op + " " + t.Amount.String()
			default:
				out.Reason = string(t.Compare) + " " + out.Value.String() + " is not " + op + " " + t.Amount.String()
				out.Excluded = nil
			}
			switch {
			case out.Met && len(out.Excluded) > 0:
				out.Reason += fmt.Sprintf("; %d line(s) not covered", len(out.Excluded))
			case !out.Met && len(out.Excluded) > 0:
				out.Reason += "; no line covered"
			}
		}
		state := ": not met: "
		if out.Met {
			state = ": met: "
		}
		// The trace text is the code, the state and the reason: the
		// reason is its tail, so the (often long) text is built once.
		var what string
		if t.Note != "" {
			what = t.Code + state + out.Reason + " (" + t.Note + ")"
		} else {
			what = t.Code + state + out.Reason
		}
		out.Reason = what[len(t.Code)+len(state):]
		k.a.DeMinimis = append(k.a.DeMinimis, out)
		k.trace("de_minimis", -1, what, "", t.Amount, out.Value, t.Source)
		if out.Met && after {
			k.relieveAmounts(t)
		}
	}
	return nil
}

// met returns the first met threshold covering what, with that outcome,
// that covers every line (entry-level charges such as fees).
func (k *calc) met(what Applies, outcome Outcome) (DeMinimisOutcome, bool) {
	for _, o := range k.a.DeMinimis {
		if !o.Met || o.Outcome != outcome || len(o.Excluded) > 0 {
			continue
		}
		if o.Applies == what || (o.Applies == AppliesBoth && (what == AppliesDuty || what == AppliesTax)) {
			return o, true
		}
	}
	return DeMinimisOutcome{}, false
}

// relieveAmounts zeroes border taxes (or duties) after a threshold on the
// amount itself is met (CH: import VAT of CHF 5 or less is not levied).
func (k *calc) relieveAmounts(t Threshold) {
	for i := range k.a.Lines {
		l := &k.a.Lines[i]
		if t.Applies == AppliesTax || t.Applies == AppliesBoth {
			for j := range l.Taxes {
				if l.Taxes[j].Collection == AtBorder {
					l.Taxes[j].Note = fmt.Sprintf("%s not levied: %s (%s)", l.Taxes[j].Code, t.Code, t.Source)
					l.Taxes[j].Amount, l.Taxes[j].exact = k.zero(), k.zero()
					l.Taxes[j].Collection = NotDue
				}
			}
			l.Tax = k.zero()
		}
		if t.Applies == AppliesDuty || t.Applies == AppliesBoth {
			for j := range l.Duties {
				l.Duties[j].Note = fmt.Sprintf("duty not levied: %s (%s)", t.Code, t.Source)
				l.Duties[j].Amount, l.Duties[j].exact = k.zero(), k.zero()
				l.Duties[j].Collection = NotDue
			}
			l.Duty = k.zero()
		}
	}
}

// borderTaxDeclared is the tax due at the border as the declaration states
// it: the sum of the line amounts, except that a tax with TotalRounding
// counts as its rounded total (CH: the tax of the assessment rounded to 5
// centimes, then compared with CHF 5).
func (k *calc) borderTaxDeclared() Money {
	sum := k.zero()
	rounded := map[string]*Rounding{}
	for _, t := range k.p.Taxes {
		if t.TotalRounding != nil && inForce(t.From, t.To, k.e.Date) {
			rounded[t.Code] = t.TotalRounding
		}
	}
	exact := map[string]Money{}
	for _, l := range k.a.Lines {
		for _, t := range l.Taxes {
			if t.Collection != AtBorder {
				continue
			}
			if _, ok := rounded[t.Code]; ok {
				e, seen := exact[t.Code]
				if !seen {
					e = k.zero()
				}
				exact[t.Code] = k.money(addDec(e.amount, t.exact.amount))
				continue
			}
			sum = k.money(addDec(sum.amount, t.Amount.amount))
		}
	}
	for code, e := range exact {
		sum = k.money(addDec(sum.amount, rounded[code].apply(e).amount))
	}
	return sum
}
