// Fees, and the check that dated series of figures cover the entry date.

package duty

import (
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
			return nil
		}
		if to.After(last) {
			last = to
		}
	}
	return &DataExpiredError{What: k.p.Country + " " + kind + " " + code, Date: k.e.Date, Last: last}
}

func (k *calc) fees() error {
	relief, relieved := k.met(AppliesFees, Relief)
	for _, f := range k.p.Fees {
		if !inForce(f.From, f.To, k.e.Date) {
			continue
		}
		if len(f.Modes) > 0 && !contains(f.Modes, k.e.Mode) {
			continue
		}
		cv := k.a.CustomsValue
		if f.Above != nil {
			lim, err := k.convert(*f.Above, "fee "+f.Code)
			if err != nil {
				return err
			}
			if !cv.amount.GreaterThan(lim.amount) {
				continue
			}
		}
		if f.AtMost != nil {
			lim, err := k.convert(*f.AtMost, "fee "+f.Code)
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
				mn, err := k.convert(*f.Min, "fee minimum "+f.Code)
				if err != nil {
					return err
				}
				if amt.amount.LessThan(mn.amount) {
					amt, ch.Note = mn, "minimum applies"
				}
				ch.Rate += " min " + f.Min.String()
			}
			if f.Max != nil {
				mx, err := k.convert(*f.Max, "fee maximum "+f.Code)
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
			amt, err := k.convert(*f.Amount, "fee "+f.Code)
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
	}
	return nil
}
