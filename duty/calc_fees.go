// Fees, and the check that dated series of figures cover the entry date.

package duty

import (
	"sort"

	"github.com/shopspring/decimal"
)

// checkSeries refuses a date that a dated series of figures (the US MPF by
// fiscal year, a VAT rate) no longer covers: the data has run out, and using
// the last known figure would be a guess.
func (k *calc) checkSeries() error {
	type span struct {
		any, covered bool
		last         Date
		source       string
	}
	series := map[string]*span{}
	note := func(kind, code string, from, to Date, src string) {
		s := series[kind+" "+code]
		if s == nil {
			s = &span{}
			series[kind+" "+code] = s
		}
		s.any = true
		if inForce(from, to, k.e.Date) {
			s.covered = true
		}
		if !to.IsZero() && to.After(s.last) {
			s.last, s.source = to, src
		}
	}
	for _, f := range k.p.Fees {
		note("fee", f.Code, f.From, f.To, f.Source)
	}
	for _, t := range k.p.Taxes {
		if len(t.Regions) == 0 {
			note("tax", t.Code, t.From, t.To, t.Source)
		}
	}
	keys := make([]string, 0, len(series))
	for key := range series {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		s := series[key]
		if s.any && !s.covered {
			return &DataExpiredError{What: k.p.Country + " " + key, Date: k.e.Date, Last: s.last}
		}
	}
	return nil
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
