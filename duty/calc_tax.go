// Import taxes per line on the profile's base, and the totals.

package duty

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

func (k *calc) taxes() error {
	// Taxable fees are shared over the lines by customs value.
	taxableFees := k.zero()
	for _, f := range k.a.Fees {
		for _, pf := range k.p.Fees {
			if pf.Code == f.Code && pf.Taxable {
				taxableFees = k.money(addDec(taxableFees.amount, f.Amount.amount))
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
	var serviceShares map[int][]Money // by tax index, for taxes with BaseServices
	for ti, t := range k.p.Taxes {
		if len(k.a.Services) == 0 || !slices.Contains(t.Base, BaseServices) {
			continue
		}
		sh, err := k.serviceShares(t.ServiceKinds)
		if err != nil {
			return err
		}
		if serviceShares == nil {
			serviceShares = map[int][]Money{}
		}
		serviceShares[ti] = sh
	}
	// The plain notes of every line's taxes are written into one buffer
	// and become substrings of one string at the end: one allocation, not
	// one a line.
	type pendingNote struct{ line, tax, start, end int }
	var allArr [1024]byte
	var pendArr [32]pendingNote
	all, pending := allArr[:0], pendArr[:0]
	for i := range k.a.Lines {
		if err := k.cancelled(); err != nil {
			return err
		}
		la := &k.a.Lines[i]
		if !la.Calculable {
			continue
		}
		rc, reverse := k.metFor(i, AppliesTax, ReverseCharge)
		reliefTax, relieved := k.metFor(i, AppliesTax, Relief)
		pos, atSale := k.metFor(i, AppliesTax, PointOfSale)
		prior := k.zero()
		taxes := k.p.Taxes
		for ti := range taxes {
			t := &taxes[ti] // a TaxRule is a large struct: not copied a line
			if !inForce(t.From, t.To, k.e.Date) || k.superseded(ti, len(taxes), func(a, b int) bool {
				return taxes[a].Code == taxes[b].Code && slices.Equal(taxes[a].Regions, taxes[b].Regions)
			}, func(j int) Date { return taxes[j].From }) {
				continue
			}
			if len(t.Regions) > 0 && !contains(t.Regions, k.e.Region) {
				continue
			}
			if contains(t.NotRegions, k.e.Region) {
				continue
			}
			if (t.B2COnly && !k.e.Consumer) || (t.B2BOnly && k.e.Consumer) {
				continue
			}
			if t.PortInRegion && (k.e.PortRegion == "" || k.e.PortRegion != k.e.Region) {
				continue
			}
			if len(t.UnderRegimes) > 0 && !k.underRegime(i, t.UnderRegimes) {
				continue
			}
			if stale(t.ReviewAfter, k.e.Date) {
				k.warn(StaleData, -1, "tax "+t.Code, "", fmt.Sprintf("%s: the rate in force from %s was last confirmed for %s; no later figure is in the data, so it still applies", t.Name, t.From, t.ReviewAfter))
			}
			note := &k.note
			note.Reset()
			base := la.CustomsValue
			note.WriteString("base: customs value ")
			switch {
			case t.OnTax != "":
				base = k.zero()
				for _, prev := range la.Taxes {
					if prev.Code == t.OnTax {
						base = prev.Amount
					}
				}
				note.Reset()
				note.WriteString("base: " + t.OnTax + " ")
			case t.OnDutyOnly:
				base = la.Duty
				note.Reset()
				note.WriteString("base: duty ")
			}
			note.money(base)
			parts := t.Base
			if t.OnTax != "" {
				parts = nil
			}
			for _, b := range parts {
				switch b {
				case BaseDuty:
					base = k.money(addDec(base.amount, la.Duty.amount))
					note.WriteString(" + duty ")
					note.money(la.Duty)
				case BaseFreightInsurance:
					if k.p.Valuation == FOB {
						fi := addDec(la.Freight.amount, la.Insurance.amount)
						base = k.money(addDec(base.amount, fi))
						note.WriteString(" + freight and insurance ")
						note.money(k.money(fi))
					}
				case BaseUplift:
					if !contains(t.UpliftNot, la.Origin) {
						up := la.CustomsValue.Mul(t.Uplift).Mul(decimal.New(1, -2)).Round()
						base = k.money(addDec(base.amount, up.amount))
						note.WriteString(" + uplift " + t.Uplift.String() + "% ")
						note.money(up)
					}
				case BaseFees:
					base = k.money(addDec(base.amount, feeShares[i].amount))
					note.WriteString(" + fees ")
					note.money(feeShares[i])
				case BaseServices:
					if sh := serviceShares[ti]; sh != nil {
						base = base.with(addDec(base.amount, sh[i].amount))
						note.WriteString(" + carrier and broker charges ")
						note.money(sh[i])
					}
				case BasePriorTaxes:
					base = k.money(addDec(base.amount, prior.amount))
					note.WriteString(" + prior taxes ")
					note.money(prior)
				}
			}
			for _, c := range t.BaseTaxes {
				for _, prev := range la.Taxes {
					if prev.Code == c {
						base = base.with(addDec(base.amount, prev.Amount.amount))
						note.WriteString(" + " + c + " ")
						note.money(prev.Amount)
					}
				}
			}
			if t.BaseRounding != nil {
				base = t.BaseRounding.apply(base)
			}
			rate, rateName, src := t.Rate, t.Name, t.Source
			reduced := false
			for _, rr := range t.Reduced {
				for _, pre := range rr.HS {
					if HSHasPrefix(la.HS, pre) {
						rate, rateName, src = rr.Rate, t.Name+" ("+rr.Name+")", rr.Source
						reduced = true
					}
				}
			}
			taxed := base // the base the rate applies to, unrounded when grossed up
			if t.Inclusive {
				g, err := grossUp(base, rate)
				if err != nil {
					return err
				}
				note.WriteString(fmt.Sprintf("; tax-inclusive (por dentro): / (1 - %s%%) = %s", rate, g.Round()))
				taxed, base = g, g.Round()
			}
			// rate% is rate × 10^-2: the same value and exponent as
			// multiplying by 0.01, without building 0.01. The unrounded tax
			// is built as a decimal only when the profile keeps it.
			exact := lazyMul(taxed.amount, rate, -2)
			var rateText string
			if reduced {
				rateText = rate.String() + "%"
			} else {
				rateText = k.taxRateText(ti, rate)
			}
			if t.Fraction != nil {
				// A ratio such as 22/78 has no finite decimal: carry 12 places
				// below the currency's unit before the tax's own rounding.
				exact = lazyDec{d: base.amount.Mul(decimal.New(t.Fraction.Num, 0)).DivRound(decimal.New(t.Fraction.Den, 0), base.MinorUnits()+12)}
				rateText = t.Fraction.String()
			}
			if o, ok := k.metFor(i, AppliesTax, TaxFactor); ok && !t.OnDutyOnly {
				f := k.threshold(o.Code).Factor
				exact = exact.mul(f)
				rateText += " × " + f.String()
				note.WriteString(fmt.Sprintf("; charged at %s of the tax: %s (%s)", f, o.Code, o.Reason))
			}
			amt := exact.roundWith(t.Rounding, taxed, k.minor)
			ch := Charge{Kind: "tax", Code: t.Code, Name: rateName, Rate: rateText, Base: base, Amount: amt,
				Source: src, Effective: t.From, Collection: AtBorder, exact: k.exact(exact, amt)}
			// A tax collected at the sale stays due even where the border
			// would relieve it (SG: OVR vendors charge GST on goods the
			// border relief of SGD 400 covers).
			flat, replaced := k.replacedBy(i, t.Code)
			plain := false // the note is the one written above (set below)
			switch {
			case replaced:
				ch.Amount, ch.exact, ch.Collection = k.zero(), k.zero(), NotDue
				ch.Note = fmt.Sprintf("not levied: included in or excluded by the flat-rate regime %s (%s)", flat.Code, flat.Reason)
			case reverse && !t.OnDutyOnly:
				ch.Note = fmt.Sprintf("not due at import or from the seller: reverse charge, the business buyer accounts for %s %s itself (%s: %s)", t.Code, ch.Amount, rc.Code, rc.Reason)
				ch.Amount, ch.exact, ch.Collection = k.zero(), k.zero(), NotDue
			case atSale && !t.OnDutyOnly:
				ch.Collection = AtSale
				ch.Name = t.Code + " collected at the point of sale"
				ch.Note = fmt.Sprintf("collected at the point of sale by the seller or marketplace, not at the border: %s (%s); %s", pos.Code, pos.Reason, note.b)
			case relieved:
				ch.Amount, ch.exact, ch.Collection = k.zero(), k.zero(), NotDue
				ch.Note = fmt.Sprintf("not due: %s: %s", reliefTax.Code, reliefTax.Reason)
			default:
				plain = true
			}
			la.Taxes = append(la.Taxes, ch)
			if plain {
				start := len(all)
				all = append(all, note.b...)
				pending = append(pending, pendingNote{i, len(la.Taxes) - 1, start, len(all)})
			}
			la.Tax = k.money(addDec(la.Tax.amount, ch.Amount.amount))
			prior = k.money(addDec(prior.amount, ch.Amount.amount))
			k.trace("tax", i, k.taxStepText(ti, ch.Name, ch.Collection), ch.Rate, base, ch.Amount, src)
		}
	}
	if len(pending) > 0 {
		notes := string(all)
		for _, p := range pending {
			k.a.Lines[p.line].Taxes[p.tax].Note = notes[p.start:p.end]
		}
	}
	return nil
}

func (k *calc) totals() error {
	// Each total is summed in 64 bits while it fits (decSum): the same
	// figure as adding the amounts one by one, with one decimal built.
	z := k.zero().amount
	duty, tax, border, sale, fees := sumFrom(z), sumFrom(z), sumFrom(z), sumFrom(z), sumFrom(z)
	for li := range k.a.Lines {
		l := &k.a.Lines[li]
		duty.add(l.Duty.amount)
		for xi := range l.Taxes {
			x := &l.Taxes[xi]
			tax.add(x.Amount.amount)
			switch x.Collection {
			case AtBorder:
				border.add(x.Amount.amount)
			case AtSale:
				sale.add(x.Amount.amount)
			}
		}
	}
	for _, f := range k.a.Fees {
		fees.add(f.Amount.amount)
	}
	for _, x := range k.a.Adjustments {
		switch x.Kind {
		case "duty":
			duty.add(x.Amount.amount)
		case "tax":
			tax.add(x.Amount.amount)
			border.add(x.Amount.amount)
		}
	}
	t := Totals{Duty: k.money(duty.value()), Tax: k.money(tax.value()), TaxAtBorder: k.money(border.value()),
		TaxAtSale: k.money(sale.value()), Fees: k.money(fees.value())}
	t.Total = k.money(addDec(addDec(t.Duty.amount, t.Tax.amount), t.Fees.amount))
	k.a.Totals = t
	k.trace("total", -1, "total = duty + tax + fees", "", Money{}, t.Total, "")
	return nil
}

// declarationRounding rounds the totals a declaration rounds as a whole
// (DutyTotalRounding, TaxRule.TotalRounding): the declared total is the
// rounding of the unrounded line amounts, and its difference from the sum
// of the rounded lines becomes an adjustment, so lines keep the figures the
// declaration shows for them and the totals are what is charged.
func (k *calc) declarationRounding() {
	if r := k.p.DutyTotalRounding; r != nil {
		k.adjust("duty", "DUTY", "customs duty", r, func(l *LineAssessment) []Charge { return l.Duties }, "", strings.Join(k.p.Sources, "; "))
	}
	var seen map[string]bool // made only for profiles that round tax totals
	for _, t := range k.p.Taxes {
		if t.TotalRounding == nil || seen[t.Code] || !inForce(t.From, t.To, k.e.Date) {
			continue
		}
		if seen == nil {
			seen = map[string]bool{}
		}
		seen[t.Code] = true
		k.adjust("tax", t.Code, t.Name, t.TotalRounding, func(l *LineAssessment) []Charge { return l.Taxes }, t.Code, t.Source)
	}
}

func (k *calc) adjust(kind, code, name string, r *Rounding, charges func(*LineAssessment) []Charge, only, source string) {
	exact, lines := k.zero(), k.zero()
	for i := range k.a.Lines {
		for _, c := range charges(&k.a.Lines[i]) {
			if c.Collection != AtBorder || (only != "" && c.Code != only) {
				continue
			}
			exact = k.money(addDec(exact.amount, c.exact.amount))
			lines = k.money(addDec(lines.amount, c.Amount.amount))
		}
	}
	declared := r.apply(exact)
	diff := k.money(subDec(declared.amount, lines.amount))
	if diff.IsZero() {
		return
	}
	shown := exact.RoundTo(exact.MinorUnits()+2, HalfUp)
	note := fmt.Sprintf("declared total %s: the unrounded line amounts (%s) rounded %s %s; the rounded lines sum to %s",
		declared, shown, r, k.cur, lines)
	k.a.Adjustments = append(k.a.Adjustments, Charge{Kind: kind, Code: "ROUNDING_" + code, Name: "Declaration rounding of " + name,
		Rate: "total rounded " + r.String() + " " + k.cur, Base: exact, Amount: diff, Collection: AtBorder, Note: note, exact: diff,
		Source: source})
	k.trace(kind, -1, "declaration rounding of "+name+": "+note, "", exact, diff, source)
}
