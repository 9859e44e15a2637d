// Import taxes per line on the profile's base, and the totals.

package duty

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

func (k *calc) taxes() error {
	reliefTax, relieved := k.met(AppliesTax, Relief)
	pos, atSale := k.met(AppliesTax, PointOfSale)
	// Taxable fees are shared over the lines by customs value.
	taxableFees := k.zero()
	for _, f := range k.a.Fees {
		for _, pf := range k.p.Fees {
			if pf.Code == f.Code && pf.Taxable {
				taxableFees = Money{amount: taxableFees.amount.Add(f.Amount.amount), currency: k.cur}
			}
		}
	}
	feeShares := make([]Money, len(k.a.Lines))
	for i := range feeShares {
		feeShares[i] = k.zero()
	}
	if !taxableFees.IsZero() {
		w := make([]decimal.Decimal, len(k.a.Lines))
		for i, l := range k.a.Lines {
			w[i] = l.CustomsValue.amount
		}
		shares, err := Allocate(taxableFees, w)
		if err != nil {
			return err
		}
		feeShares = shares
	}
	for i := range k.a.Lines {
		la := &k.a.Lines[i]
		if !la.Calculable {
			continue
		}
		prior := k.zero()
		for _, t := range k.p.Taxes {
			if !inForce(t.From, t.To, k.e.Date) {
				continue
			}
			if len(t.Regions) > 0 && !contains(t.Regions, k.e.Region) {
				continue
			}
			if contains(t.NotRegions, k.e.Region) {
				continue
			}
			var note strings.Builder
			note.Grow(64)
			base := la.CustomsValue
			note.WriteString("base: customs value ")
			if t.OnDutyOnly {
				base = la.Duty
				note.Reset()
				note.WriteString("base: duty ")
			}
			note.WriteString(base.String())
			for _, b := range t.Base {
				switch b {
				case BaseDuty:
					base = Money{amount: base.amount.Add(la.Duty.amount), currency: k.cur}
					note.WriteString(" + duty ")
					note.WriteString(la.Duty.String())
				case BaseFreightInsurance:
					if k.p.Valuation == FOB {
						fi := la.Freight.amount.Add(la.Insurance.amount)
						base = Money{amount: base.amount.Add(fi), currency: k.cur}
						note.WriteString(" + freight and insurance ")
						note.WriteString(Money{amount: fi, currency: k.cur}.String())
					}
				case BaseUplift:
					if !contains(t.UpliftNot, la.Origin) {
						up := la.CustomsValue.Mul(t.Uplift).Mul(decimal.New(1, -2)).Round()
						base = Money{amount: base.amount.Add(up.amount), currency: k.cur}
						note.WriteString(" + uplift " + t.Uplift.String() + "% " + up.String())
					}
				case BaseFees:
					base = Money{amount: base.amount.Add(feeShares[i].amount), currency: k.cur}
					note.WriteString(" + fees ")
					note.WriteString(feeShares[i].String())
				case BasePriorTaxes:
					base = Money{amount: base.amount.Add(prior.amount), currency: k.cur}
					note.WriteString(" + prior taxes ")
					note.WriteString(prior.String())
				}
			}
			if t.BaseRounding != nil {
				base = t.BaseRounding.apply(base)
			}
			rate, rateName, src := t.Rate, t.Name, t.Source
			d := digitsOnly(la.HS)
			for _, rr := range t.Reduced {
				for _, pre := range rr.HS {
					if strings.HasPrefix(d, digitsOnly(pre)) {
						rate, rateName, src = rr.Rate, t.Name+" ("+rr.Name+")", rr.Source
					}
				}
			}
			amt := t.Rounding.apply(base.Mul(rate).Mul(decimal.New(1, -2)))
			ch := Charge{Kind: "tax", Code: t.Code, Name: rateName, Rate: rate.String() + "%", Base: base, Amount: amt,
				Source: src, Effective: t.From, Collection: AtBorder, Note: note.String()}
			// A tax collected at the sale stays due even where the border
			// would relieve it (SG: OVR vendors charge GST on goods the
			// border relief of SGD 400 covers).
			switch {
			case atSale && !t.OnDutyOnly:
				ch.Collection = AtSale
				ch.Name = t.Code + " collected at the point of sale"
				ch.Note = fmt.Sprintf("collected at the point of sale by the seller or marketplace, not at the border: %s (%s); %s", pos.Code, pos.Reason, ch.Note)
			case relieved:
				ch.Amount, ch.Collection = k.zero(), NotDue
				ch.Note = fmt.Sprintf("not due: %s: %s", reliefTax.Code, reliefTax.Reason)
			}
			la.Taxes = append(la.Taxes, ch)
			la.Tax = Money{amount: la.Tax.amount.Add(ch.Amount.amount), currency: k.cur}
			prior = Money{amount: prior.amount.Add(ch.Amount.amount), currency: k.cur}
			k.trace("tax", i, ch.Name+" ("+string(ch.Collection)+")", ch.Rate, base, ch.Amount, src)
		}
	}
	return nil
}

func (k *calc) totals() error {
	t := Totals{Duty: k.zero(), Tax: k.zero(), TaxAtBorder: k.zero(), TaxAtSale: k.zero(), Fees: k.zero()}
	add := func(a, b Money) Money { return Money{amount: a.amount.Add(b.amount), currency: k.cur} }
	for _, l := range k.a.Lines {
		t.Duty = add(t.Duty, l.Duty)
		for _, x := range l.Taxes {
			t.Tax = add(t.Tax, x.Amount)
			switch x.Collection {
			case AtBorder:
				t.TaxAtBorder = add(t.TaxAtBorder, x.Amount)
			case AtSale:
				t.TaxAtSale = add(t.TaxAtSale, x.Amount)
			}
		}
	}
	for _, f := range k.a.Fees {
		t.Fees = add(t.Fees, f.Amount)
	}
	t.Total = add(add(t.Duty, t.Tax), t.Fees)
	k.a.Totals = t
	k.trace("total", -1, "total = duty + tax + fees", "", Money{}, t.Total, "")
	return nil
}
