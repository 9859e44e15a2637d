// Service charges: what carriers and brokers bill for a shipment besides
// the international freight (clearance, handling, delivery to the first
// destination). They are not state charges and stay out of the totals, but
// where the law says so they enter the VAT base (BaseServices).

package duty

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// ServiceKind says what a service charge pays for; a tax's base names the
// kinds it includes.
type ServiceKind string

// Service kinds.
const (
	// ServiceClearance: customs clearance, brokerage, disbursement or
	// advancement fees of a carrier or broker.
	ServiceClearance ServiceKind = "clearance"
	// ServiceHandling: handling, storage, loading at the place of import.
	ServiceHandling ServiceKind = "handling"
	// ServiceDelivery: transport from the border to the first destination
	// in the country of import.
	ServiceDelivery ServiceKind = "delivery"
	// ServiceOther: anything else (never in a tax base).
	ServiceOther ServiceKind = "other"
)

// Valid reports whether k is a known kind.
func (k ServiceKind) Valid() bool {
	switch k {
	case ServiceClearance, ServiceHandling, ServiceDelivery, ServiceOther:
		return true
	}
	return false
}

// ServiceCharge is a carrier's or broker's charge for the shipment: a
// fixed amount, a percent of the goods value, or both (Swiss Post:
// CHF 16 + 3% of the goods value), at least Minimum.
type ServiceCharge struct {
	Code    string          // the caller's stable name, e.g. "brokerage"
	Name    string          // shown to people
	Kind    ServiceKind     // what it pays for
	Fixed   Money           // zero Money: none
	Percent decimal.Decimal // percent of the goods value
	Minimum Money           // zero Money: none
}

// BaseServices adds the line's share of the entry's service charges of the
// kinds the tax lists in ServiceKinds (CH: the carrier's charges are part
// of the VAT base; GB: incidental expenses such as clearance, handling and
// transport to the first destination).
const BaseServices BasePart = "services"

// services computes the entry's service charges in the destination's
// currency and records them apart from the state charges.
func (k *calc) services() error {
	for i, s := range k.e.Services {
		what := fmt.Sprintf("services[%d] (%s)", i, s.Code)
		if !s.Kind.Valid() {
			return fmt.Errorf("duty: %s: kind %q: want clearance, handling, delivery or other", what, s.Kind)
		}
		if s.Percent.IsNegative() {
			return fmt.Errorf("duty: %s: percent %s is negative", what, s.Percent)
		}
		amt := k.zero()
		rate := ""
		if s.Fixed.Currency() != "" {
			if s.Fixed.IsNegative() {
				return fmt.Errorf("duty: %s: fixed %s is negative", what, s.Fixed)
			}
			f, err := k.convert(s.Fixed, what)
			if err != nil {
				return err
			}
			amt = amt.with(amt.amount.Add(f.amount))
			rate = s.Fixed.String()
		}
		if !s.Percent.IsZero() {
			p := k.a.Goods.Mul(s.Percent).Mul(decimal.New(1, -2))
			amt = amt.with(amt.amount.Add(p.amount))
			if rate != "" {
				rate += " + "
			}
			rate += s.Percent.String() + "% of the goods"
		}
		note := ""
		if s.Minimum.Currency() != "" {
			if s.Minimum.IsNegative() {
				return fmt.Errorf("duty: %s: minimum %s is negative", what, s.Minimum)
			}
			mn, err := k.convert(s.Minimum, what)
			if err != nil {
				return err
			}
			rate += " min " + s.Minimum.String()
			if amt.amount.LessThan(mn.amount) {
				amt, note = mn, "minimum applies"
			}
		}
		amt = amt.Round()
		name := s.Name
		if name == "" {
			name = s.Code
		}
		k.a.Services = append(k.a.Services, Charge{Kind: "service", Code: s.Code, Name: name, Rate: rate, Base: k.a.Goods,
			Amount: amt, Collection: ByProvider, Note: note, exact: amt, service: s.Kind})
		k.trace("service", -1, name+" ("+string(s.Kind)+", a carrier's or broker's charge, not a state charge)", rate, k.a.Goods, amt, "")
	}
	return nil
}

// serviceShares allocates the service charges of the kinds a tax includes
// over the lines by customs value.
func (k *calc) serviceShares(kinds []ServiceKind) ([]Money, error) {
	total := k.zero()
	for _, c := range k.a.Services {
		if len(kinds) == 0 || containsKind(kinds, c.service) {
			if c.service == ServiceOther && len(kinds) == 0 {
				continue
			}
			total = total.with(total.amount.Add(c.Amount.amount))
		}
	}
	out := make([]Money, len(k.a.Lines))
	if total.IsZero() {
		for i := range out {
			out[i] = k.zero()
		}
		return out, nil
	}
	w := make([]decimal.Decimal, len(k.a.Lines))
	sum := decimal.Zero
	for i, l := range k.a.Lines {
		w[i] = l.CustomsValue.amount
		sum = sum.Add(w[i])
	}
	if sum.IsZero() { // nothing to weigh by: share equally
		for i := range w {
			w[i] = decimal.New(1, 0)
		}
	}
	return Allocate(total, w)
}

func containsKind(list []ServiceKind, k ServiceKind) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return false
}
