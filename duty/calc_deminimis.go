// De minimis: which thresholds apply to the entry and whether they are met.

package duty

import (
	"fmt"
	"strings"
)

// thresholdApplies tells whether a threshold's conditions (shipped from,
// origins, mode, B2C, registration) fit the entry, and why not.
func (k *calc) thresholdApplies(t Threshold) (bool, string) {
	if t.Suspended {
		return false, "suspended"
	}
	if !inForce(t.From, t.To, k.e.Date) {
		return false, "not in force on " + k.e.Date.String()
	}
	if len(t.ShippedFrom) > 0 && !contains(t.ShippedFrom, k.e.ShippedFrom) {
		return false, fmt.Sprintf("only for goods shipped from %s", strings.Join(t.ShippedFrom, ", "))
	}
	if contains(t.NotShippedFrom, k.e.ShippedFrom) {
		return false, fmt.Sprintf("not for goods shipped from %s", k.e.ShippedFrom)
	}
	for _, l := range k.e.Lines {
		if contains(t.NotOrigins, l.Origin) {
			return false, fmt.Sprintf("not for goods of %s origin", l.Origin)
		}
	}
	if len(t.Modes) > 0 && !contains(t.Modes, k.e.Mode) {
		return false, fmt.Sprintf("only for %s shipments", strings.Join(t.Modes, "/"))
	}
	if t.B2COnly && !k.e.Consumer {
		return false, "only for sales to consumers"
	}
	if t.Registered != "" && !contains(k.e.SellerRegistrations, t.Registered) {
		return false, fmt.Sprintf("only when the seller is registered for %s", t.Registered)
	}
	return true, ""
}

func (k *calc) compared(t Threshold) (Money, bool) {
	switch t.Compare {
	case CompareGoods:
		return k.a.Goods, true
	case CompareCustomsValue:
		return k.a.CustomsValue, true
	case CompareCIF:
		return Money{amount: k.a.Goods.amount.Add(k.a.Freight.amount).Add(k.a.Insurance.amount), currency: k.cur}, true
	case CompareTaxAmount:
		sum := k.zero()
		for _, l := range k.a.Lines {
			for _, t := range l.Taxes {
				if t.Collection == AtBorder {
					sum = Money{amount: sum.amount.Add(t.Amount.amount), currency: k.cur}
				}
			}
		}
		return sum, false
	case CompareDutyAmount:
		sum := k.zero()
		for _, l := range k.a.Lines {
			sum = Money{amount: sum.amount.Add(l.Duty.amount), currency: k.cur}
		}
		return sum, false
	}
	return Money{}, false
}

// deMinimis evaluates the thresholds on values (after=false) or on the
// computed amounts (after=true) and records each outcome.
func (k *calc) deMinimis(after bool) error {
	for _, t := range k.p.DeMinimis {
		onAmount := t.Compare == CompareTaxAmount || t.Compare == CompareDutyAmount
		if onAmount != after {
			continue
		}
		ok, why := k.thresholdApplies(t)
		if !ok && (t.Suspended || !inForce(t.From, t.To, k.e.Date)) {
			if t.Suspended && inForceOrAfter(t, k.e.Date) {
				k.a.DeMinimis = append(k.a.DeMinimis, DeMinimisOutcome{Code: t.Code, Applies: t.Applies, Outcome: t.Outcome,
					Threshold: t.Amount, Compared: t.Compare, Met: false, Reason: "suspended: " + t.Note, Source: t.Source})
			}
			continue
		}
		limit, err := k.convert(t.Amount, "de minimis threshold "+t.Code)
		if err != nil {
			return err
		}
		value, _ := k.compared(t)
		out := DeMinimisOutcome{Code: t.Code, Applies: t.Applies, Outcome: t.Outcome, Threshold: t.Amount,
			Compared: t.Compare, Value: value, Source: t.Source}
		cmp := value.amount.Cmp(limit.amount)
		under := cmp < 0 || (cmp == 0 && !t.Strict)
		op := "<="
		if t.Strict {
			op = "<"
		}
		switch {
		case !ok:
			out.Reason = why
		case under:
			out.Met = true
			out.Reason = fmt.Sprintf("%s %s %s %s", t.Compare, value, op, t.Amount)
		default:
			out.Reason = fmt.Sprintf("%s %s is not %s %s", t.Compare, value, op, t.Amount)
		}
		if t.Note != "" {
			out.Reason += " (" + t.Note + ")"
		}
		k.a.DeMinimis = append(k.a.DeMinimis, out)
		state := ": not met: "
		if out.Met {
			state = ": met: "
		}
		k.trace("de_minimis", -1, t.Code+state+out.Reason, "", t.Amount, value, t.Source)
		if out.Met && after {
			k.relieveAmounts(t)
		}
	}
	return nil
}

func inForceOrAfter(t Threshold, on Date) bool { return t.From.IsZero() || !on.Before(t.From) }

// met returns the first met threshold covering what, with that outcome.
func (k *calc) met(what Applies, outcome Outcome) (DeMinimisOutcome, bool) {
	for _, o := range k.a.DeMinimis {
		if !o.Met || o.Outcome != outcome {
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
					l.Taxes[j].Amount = k.zero()
					l.Taxes[j].Collection = NotDue
				}
			}
			l.Tax = k.zero()
		}
		if t.Applies == AppliesDuty || t.Applies == AppliesBoth {
			for j := range l.Duties {
				l.Duties[j].Note = fmt.Sprintf("duty not levied: %s (%s)", t.Code, t.Source)
				l.Duties[j].Amount = k.zero()
				l.Duties[j].Collection = NotDue
			}
			l.Duty = k.zero()
		}
	}
}
