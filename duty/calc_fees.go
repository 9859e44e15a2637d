// Fees, and the check that dated series of figures cover the entry date.

package duty

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// checkSeries refuses a date that a dated series of figures (the US MPF by
// fiscal year, a VAT rate) no longer covers: the data has run out, and using
// the last known figure would be a guess.
func (k *calc) checkSeries() error {
	fees := k.p.Fees
	for i, f := range fees {
		if err := k.seriesCovered("fee", i, f.Code, len(fees), func(j int) (string, Date, Date) {
			return fees[j].Code, fees[j].From, fees[j].To
		}); err != nil {
			return err
		}
	}
	taxes := k.p.Taxes
	for i, t := range taxes {
		if len(t.Regions) > 0 {
			continue // regional taxes apply only where they name
		}
		if err := k.seriesCovered("tax", i, t.Code, len(taxes), func(j int) (string, Date, Date) {
			if len(taxes[j].Regions) > 0 {
				return "", Date{}, Date{}
			}
			return taxes[j].Code, taxes[j].From, taxes[j].To
		}); err != nil {
			return err
		}
	}
	return nil
}

// seriesCovered checks the series of figures with the code of item i, once
// (at its first item): some item must be in force on the entry date. It
// works on the profile's own slices, without allocating.
func (k *calc) seriesCovered(kind string, i int, code string, n int, at func(int) (string, Date, Date)) error {
	for j := 0; j < i; j++ {
		if c, _, _ := at(j); c == code {
			return nil // checked with its first item
		}
	}
	var last Date
	for j := i; j < n; j++ {
		c, from, to := at(j)
		if c != code {
			continue
		}
		if inForce(from, to, k.e.Date) {
			return nil // open-ended figures stay in force: see superseded
		}
		if to.After(last) {
			last = to
		}
	}
	return &DataExpiredError{What: k.p.Country + " " + kind + " " + code, Date: k.e.Date, Last: last}
}

func (k *calc) fees() error {
	relief, relieved := k.met(AppliesFees, Relief)
	fees := k.p.Fees
	for i, f := range fees {
		if !inForce(f.From, f.To, k.e.Date) || k.superseded(i, len(fees), func(a, b int) bool { return fees[a].Code == fees[b].Code }, func(j int) Date { return fees[j].From }) {
			continue
		}
		if len(f.Modes) > 0 && !contains(f.Modes, k.e.Mode) {
			continue
		}
		cv := k.a.CustomsValue
		if f.Above != nil {
			lim, err := k.convertFor(*f.Above, "fee ", f.Code)
			if err != nil {
				return err
			}
			if !cv.amount.GreaterThan(lim.amount) {
				continue
			}
		}
		if f.AtMost != nil {
			lim, err := k.convertFor(*f.AtMost, "fee ", f.Code)
			if err != nil {
				return err
			}
			if cv.amount.GreaterThan(lim.amount) {
				continue
			}
		}
		ch := Charge{Kind: "fee", Code: f.Code, Name: f.Name, Base: cv, Source: f.Source, Effective: f.From, Collection: AtBorder}
		switch f.Kind {
		case FeePercent:
			amt := cv.Mul(f.Percent).Mul(decimal.New(1, -2))
			ch.Rate = f.Percent.String() + "%"
			if f.Min != nil {
				mn, err := k.convertFor(*f.Min, "fee minimum ", f.Code)
				if err != nil {
					return err
				}
				if amt.amount.LessThan(mn.amount) {
					amt, ch.Note = mn, "minimum applies"
				}
				ch.Rate += " min " + f.Min.String()
			}
			if f.Max != nil {
				mx, err := k.convertFor(*f.Max, "fee maximum ", f.Code)
				if err != nil {
					return err
				}
				if amt.amount.GreaterThan(mx.amount) {
					amt, ch.Note = mx, "maximum applies"
				}
				ch.Rate += " max " + f.Max.String()
			}
			ch.Amount = amt.Round()
		case FeeFixed:
			amt, err := k.convertFor(*f.Amount, "fee ", f.Code)
			if err != nil {
				return err
			}
			ch.Rate = f.Amount.String() + " per entry"
			ch.Amount = amt.Round()
		}
		if relieved {
			ch.Amount, ch.Collection, ch.Note = k.zero(), NotDue, relief.Code+": "+relief.Reason
		}
		k.a.Fees = append(k.a.Fees, ch)
		k.trace("fee", -1, f.Name, ch.Rate, cv, ch.Amount, f.Source)
		if stale(f.ReviewAfter, k.e.Date) {
			k.warn(StaleData, -1, "fee "+f.Code, "", fmt.Sprintf("%s: the figure in force from %s was published for use to %s; no later figure is in the data, so it still applies (load newer figures with WithProfile)", f.Name, f.From, f.ReviewAfter))
		}
	}
	return nil
}

// superseded reports whether item i of a series is replaced on the entry
// date by a later item of the same series (same(i, j)) in force from a day
// after its own start: a figure without an end stays in force until a newer
// one supersedes it. It does not allocate.
func (k *calc) superseded(i, n int, same func(i, j int) bool, from func(j int) Date) bool {
	f0 := from(i)
	for j := 0; j < n; j++ {
		if j == i || !same(i, j) {
			continue
		}
		if f := from(j); f.After(f0) && !f.After(k.e.Date) {
			return true
		}
	}
	return false
}
