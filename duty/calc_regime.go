// Regimes that replace the ordinary assessment under a threshold or for a
// mode: flat rates in lieu of duty (and sometimes tax), taxes charged at a
// fraction of their rate, and taxes computed on a tax-inclusive base.

package duty

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
)

// Regime outcomes of a threshold.
const (
	// FlatRate: on the lines it covers, duty is replaced by Rate percent
	// of the line's customs value, less the line's share of Deduction
	// (BR Remessa Conforme: 60% less USD 20; MX courier: a global rate);
	// the taxes listed in ReplacesTaxes are included in it and not charged.
	FlatRate Outcome = "flat_rate"
	// TaxFactor: on the lines it covers, the taxes are charged at Factor
	// times their amount (CN cross-border e-commerce: 70%).
	TaxFactor Outcome = "tax_factor"
)

// regimeFields are the Threshold fields regimes use; they are declared on
// Threshold (profile.go) and documented there.

// flatDuty returns the flat-rate duty charge of line i under o, or false.
func (k *calc) flatRateDuty(i int) (Charge, bool, error) {
	o, ok := k.metFor(i, AppliesDuty, FlatRate)
	if !ok {
		return Charge{}, false, nil
	}
	th := k.threshold(o.Code)
	if th.IfLower {
		return Charge{}, false, nil // compared with the ordinary duty afterwards (flatIfLower)
	}
	return k.flatCharge(i, o, th)
}

// flatCharge is line i's duty under the flat-rate regime th met as o.
func (k *calc) flatCharge(i int, o DeMinimisOutcome, th Threshold) (Charge, bool, error) {
	la := &k.a.Lines[i]
	exact := la.CustomsValue.Mul(th.Rate).Mul(decimal.New(1, -2))
	rate := th.Rate.String() + "% flat"
	note := fmt.Sprintf("%s: %s; in lieu of customs duty", o.Code, o.Reason)
	if th.Deduction != nil {
		share, err := k.deductionShare(o, th, i)
		if err != nil {
			return Charge{}, false, err
		}
		exact = exact.with(exact.amount.Sub(share.amount))
		if exact.IsNegative() {
			exact = k.zero()
		}
		rate += " less " + th.Deduction.String()
		note += fmt.Sprintf("; the line's share of the deduction %s", share)
	}
	amt := exact.Round()
	return Charge{Kind: "duty", Code: "FLAT_RATE", Name: "Flat-rate duty (" + o.Code + ")", Rate: rate, Base: la.CustomsValue,
		Amount: amt, Source: th.Source, Effective: th.From, Collection: AtBorder, Note: note, exact: exact}, true, nil
}

// flatIfLower replaces the ordinary duty of the lines a met if_lower
// flat-rate regime covers by the flat-rate duty when that is lower in
// total, and otherwise keeps it, saying so in the trace. Every covered
// line must have its ordinary duty (a line not calculable leaves the
// comparison undone and the ordinary duty in place).
func (k *calc) flatIfLower() error {
	for _, o := range k.a.DeMinimis {
		if !o.Met || o.Outcome != FlatRate {
			continue
		}
		th := k.threshold(o.Code)
		if !th.IfLower {
			continue
		}
		var lines []int
		ordinary, flat := k.zero(), k.zero()
		charges := map[int]Charge{}
		complete := true
		for i := range k.a.Lines {
			if !o.covers(i) {
				continue
			}
			if !k.a.Lines[i].Calculable {
				complete = false
				continue
			}
			ch, _, err := k.flatCharge(i, o, th)
			if err != nil {
				return err
			}
			lines = append(lines, i)
			charges[i] = ch
			ordinary = k.money(ordinary.amount.Add(k.a.Lines[i].Duty.amount))
			flat = k.money(flat.amount.Add(ch.Amount.amount))
		}
		if !complete || len(lines) == 0 {
			continue
		}
		if !flat.amount.LessThan(ordinary.amount) {
			k.trace("duty", -1, fmt.Sprintf("%s: flat rate %s%% (%s) not lower than the ordinary duty (%s): ordinary duty charged", o.Code, th.Rate, flat, ordinary), th.Rate.String()+"% flat", Money{}, ordinary, th.Source)
			continue
		}
		for _, i := range lines {
			ch := charges[i]
			ch.Note += fmt.Sprintf("; lower than the ordinary duty (%s in total against %s)", flat, ordinary)
			la := &k.a.Lines[i]
			la.Duties, la.Duty = []Charge{ch}, ch.Amount
			k.trace("duty", i, ch.Name+": "+ch.Note, ch.Rate, la.CustomsValue, ch.Amount, ch.Source)
		}
	}
	return nil
}

// deductionShare is line i's share of a flat-rate regime's deduction,
// allocated over the lines the regime covers by customs value.
func (k *calc) deductionShare(o DeMinimisOutcome, th Threshold, i int) (Money, error) {
	d, err := k.convertFor(*th.Deduction, "deduction of ", th.Code)
	if err != nil {
		return Money{}, err
	}
	w := make([]decimal.Decimal, len(k.a.Lines))
	sum := decimal.Zero
	for j, l := range k.a.Lines {
		if o.covers(j) {
			w[j] = l.CustomsValue.amount
			sum = sum.Add(w[j])
		}
	}
	if sum.IsZero() {
		return k.zero(), nil
	}
	shares, err := Allocate(d.Round(), w)
	if err != nil {
		return Money{}, err
	}
	return shares[i], nil
}

// underRegime reports whether a met threshold of one of codes covers
// line i.
func (k *calc) underRegime(i int, codes []string) bool {
	for j := range k.a.DeMinimis {
		if o := &k.a.DeMinimis[j]; o.covers(i) && contains(codes, o.Code) {
			return true
		}
	}
	return false
}

func (k *calc) threshold(code string) Threshold {
	for _, t := range k.p.DeMinimis {
		if t.Code == code && inForce(t.From, t.To, k.e.Date) {
			return t
		}
	}
	return Threshold{}
}

// replacedBy returns the flat-rate regime that includes tax code on line
// i, if any.
func (k *calc) replacedBy(i int, code string) (DeMinimisOutcome, bool) {
	for j := range k.a.DeMinimis {
		o := &k.a.DeMinimis[j]
		if o.Outcome != FlatRate || !o.covers(i) {
			continue
		}
		if contains(k.threshold(o.Code).ReplacesTaxes, code) {
			return *o, true
		}
	}
	return DeMinimisOutcome{}, false
}

// grossUp turns a base into the tax-inclusive base of a tax charged "por
// dentro": base / (1 - rate/100), carried 12 places below the currency's
// unit (BR ICMS).
func grossUp(base Money, rate decimal.Decimal) (Money, error) {
	one := decimal.New(1, 0)
	div := one.Sub(rate.Mul(decimal.New(1, -2)))
	if !div.IsPositive() {
		return Money{}, fmt.Errorf("duty: a tax-inclusive rate of %s%% leaves no base", rate)
	}
	return base.with(base.amount.DivRound(div, base.MinorUnits()+12)), nil
}

func (p Profile) checkRegimes() *ProfileError {
	codes := map[string]bool{}
	for _, t := range p.Taxes {
		codes[t.Code] = true
	}
	for i, t := range p.Taxes {
		for _, c := range t.BaseTaxes {
			found := false
			for _, prev := range p.Taxes[:i] {
				found = found || prev.Code == c
			}
			if !found {
				return &ProfileError{Path: fmt.Sprintf("taxes[%d].base_taxes", i), Country: clip(p.Country), Value: clip(c), Msg: fmt.Sprintf("%q is not an earlier tax of the profile", clip(c))}
			}
		}
		for _, c := range t.UnderRegimes {
			if !slices.ContainsFunc(p.DeMinimis, func(th Threshold) bool { return th.Code == c }) {
				return &ProfileError{Path: fmt.Sprintf("taxes[%d].under_regimes", i), Country: clip(p.Country), Value: clip(c), Msg: fmt.Sprintf("%q is not a threshold of the profile", clip(c))}
			}
		}
		if t.Inclusive && t.Rate.GreaterThanOrEqual(decimal.New(100, 0)) {
			return &ProfileError{Path: fmt.Sprintf("taxes[%d].inclusive", i), Country: clip(p.Country), Value: t.Rate.String(), Msg: "a tax-inclusive rate must be under 100%"}
		}
	}
	for i, th := range p.DeMinimis {
		at := fmt.Sprintf("de_minimis[%d]", i)
		if th.IfLower && th.Outcome != FlatRate {
			return &ProfileError{Path: at + ".if_lower", Country: clip(p.Country), Value: "true", Msg: "if_lower is for a flat_rate outcome"}
		}
		switch th.Outcome {
		case FlatRate:
			if !th.Rate.IsPositive() && th.Rate.IsZero() && len(th.ReplacesTaxes) == 0 {
				return &ProfileError{Path: at + ".rate", Country: clip(p.Country), Msg: "a flat_rate regime needs its rate"}
			}
			if th.Rate.IsNegative() {
				return &ProfileError{Path: at + ".rate", Country: clip(p.Country), Value: th.Rate.String(), Msg: "is negative"}
			}
			if th.IfLower && len(th.ReplacesTaxes) > 0 {
				return &ProfileError{Path: at + ".if_lower", Country: clip(p.Country), Value: "true", Msg: "a flat rate that replaces taxes cannot be compared with the ordinary duty alone: if_lower needs no replaces_taxes"}
			}
		case TaxFactor:
			if !th.Factor.IsPositive() || th.Factor.GreaterThan(decimal.New(1, 0)) {
				return &ProfileError{Path: at + ".factor", Country: clip(p.Country), Value: th.Factor.String(), Msg: "want a factor above 0 and at most 1"}
			}
		}
		for _, c := range th.ReplacesTaxes {
			if !codes[c] {
				return &ProfileError{Path: at + ".replaces_taxes", Country: clip(p.Country), Value: clip(c), Msg: fmt.Sprintf("%q is not a tax of the profile", clip(c))}
			}
		}
		if th.Above != nil && th.Above.Currency() != th.Amount.Currency() {
			return &ProfileError{Path: at + ".above", Country: clip(p.Country), Value: th.Above.String(), Msg: "must be in the currency of amount"}
		}
		if th.Deduction != nil && th.Deduction.IsNegative() {
			return &ProfileError{Path: at + ".deduction", Country: clip(p.Country), Value: th.Deduction.String(), Msg: "is negative"}
		}
	}
	return nil
}
