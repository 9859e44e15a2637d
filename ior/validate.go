package ior

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/jsonpath"
	"github.com/shopspring/decimal"
)

// at is the path of a field in an error, kept in two parts and joined
// only when a problem is reported, so that a valid shipment builds no
// paths.
type at struct{ base, leaf string }

func (a at) String() string { return a.base + a.leaf }

type validator struct {
	problems []*FieldError
}

func (v *validator) add(path, value, msg string, err error) {
	v.problems = append(v.problems, &FieldError{Path: path, Value: clip(value), Msg: msg, Err: err})
}

// clip shortens a value quoted in an error to about 100 bytes (on a rune
// boundary, jsonpath.Clip as everywhere in iorkit), so that a huge input
// never makes a huge message.
func clip(s string) string { return jsonpath.Clip(s) }

// text refuses a string longer than MaxStringBytes (the value is shown
// clipped).
func (v *validator) text(path at, s string) {
	if len(s) > MaxStringBytes {
		v.add(path.String(), s, fmt.Sprintf("is %d bytes long: at most %d", len(s), MaxStringBytes), ErrTooLong)
	}
}

// list refuses a list longer than MaxListItems.
func (v *validator) list(path at, n int) {
	if n > MaxListItems {
		v.add(path.String(), "", fmt.Sprintf("has %d items: at most %d", n, MaxListItems), ErrTooLong)
	}
}

// quantity checks a further quantity a rate may use: a known unit and a
// value that is not negative (zero is an error only where a rate charges on
// it, when the duty is computed).
func (v *validator) quantity(path at, q duty.Quantity) {
	switch {
	case q.Unit == "":
		v.add(path.String()+".unit", "", "is required (e.g. l, lpa, m2)", ErrRequired)
	case !q.Unit.Valid():
		v.add(path.String()+".unit", string(q.Unit), "is not a known unit (e.g. item, kg, l)", duty.ErrInvalidUnit)
	}
	if q.Value.IsNegative() {
		v.add(path.String()+".value", q.Value.String(), "must not be negative", ErrInvalidValue)
	}
}

func (v *validator) country(path at, code string, required bool) {
	if code == "" {
		if required {
			v.add(path.String(), "", "is required (an ISO 3166-1 alpha-2 country code)", ErrRequired)
		}
		return
	}
	if err := duty.ValidateCountry(code); err != nil {
		var ce *duty.InvalidCountryError
		msg := "is not an ISO 3166-1 alpha-2 country code"
		if errors.As(err, &ce) {
			if i := strings.Index(ce.Error(), " ("); i >= 0 {
				msg += ce.Error()[i:]
			}
		}
		v.add(path.String(), code, msg, duty.ErrInvalidCountry)
	}
}

func (v *validator) region(path at, region, country string) {
	if region == "" {
		return
	}
	cc, _, _ := strings.Cut(region, "-")
	if country != "" && cc != country && duty.ValidateCountry(cc) == nil {
		v.add(path.String(), region, fmt.Sprintf("is not a subdivision of %s", country), ErrInvalidRegion)
		return
	}
	if err := duty.ValidateRegion(region); err != nil {
		var re *duty.InvalidRegionError
		msg := "is not an ISO 3166-2 subdivision code (e.g. CA-ON)"
		if errors.As(err, &re) && len(re.Known) > 0 {
			msg = fmt.Sprintf("is not an ISO 3166-2 subdivision of %s (want one of %s)", cc, strings.Join(re.Known, ", "))
		}
		v.add(path.String(), region, msg, ErrInvalidRegion)
	}
}

// NormalizeHS strips dots and spaces from a tariff code and reports
// whether what is left is 6 to 10 digits (see duty.NormalizeHS).
func NormalizeHS(hs string) (string, bool) {
	d, err := duty.NormalizeHS(hs)
	return d, err == nil && len(d) >= 6
}

// validHS reports what NormalizeHS does (6 to 10 digits once dots and
// spaces are removed, and nothing else) without building the digits.
func validHS(hs string) bool {
	n := 0
	for i := 0; i < len(hs); i++ {
		switch c := hs[i]; {
		case c >= '0' && c <= '9':
			n++
		case c != '.' && c != ' ':
			return false
		}
	}
	return n >= 6 && n <= 10
}

func (v *validator) money(path at, m duty.Money, currency string, required bool) {
	if m.Currency() == "" {
		if required {
			v.add(path.String(), "", "is required ({\"amount\":\"…\",\"currency\":\"…\"})", ErrRequired)
		}
		return
	}
	if m.IsNegative() {
		// The amount as the shipment states it ("-5.00", not "-5").
		amount := strings.TrimSuffix(m.String(), " "+m.Currency())
		v.add(path.String()+".amount", amount, "must not be negative", ErrInvalidValue)
	}
	if currency != "" && m.Currency() != currency {
		v.add(path.String()+".currency", m.Currency(), fmt.Sprintf("differs from the shipment's currency %s", currency), ErrMixedCurrency)
	}
}

func (v *validator) party(path string, p Party, required bool) {
	if p.Country == "" && p.Name == "" && !required {
		return
	}
	v.text(at{path, ".name"}, p.Name)
	v.country(at{path, ".country"}, p.Country, true)
	v.region(at{path, ".region"}, p.Region, p.Country)
	v.list(at{path, ".registrations"}, len(p.Registrations))
	switch p.Kind {
	case Business, Consumer:
	case "":
		v.add(path+".kind", "", "is required (business or consumer)", ErrRequired)
	default:
		v.add(path+".kind", string(p.Kind), "is not a party kind (want business or consumer)", ErrInvalidKind)
	}
	for i, r := range p.Registrations {
		if r.Scheme != "" && r.ID != "" && len(r.Scheme) <= MaxStringBytes && len(r.ID) <= MaxStringBytes {
			continue // nothing to report: no path to build
		}
		rp := fmt.Sprintf("%s.registrations[%d]", path, i)
		if r.Scheme == "" {
			v.add(rp+".scheme", "", "is required (e.g. EORI, EIN, IEC)", ErrRequired)
		}
		if r.ID == "" {
			v.add(rp+".id", "", "is required", ErrRequired)
		}
		v.text(at{rp, ".scheme"}, r.Scheme)
		v.text(at{rp, ".id"}, r.ID)
	}
	if p.Fee != nil {
		if p.Fee.Percent.IsNegative() || p.Fee.Percent.GreaterThan(decimal.New(100, 0)) {
			v.add(path+".fee.percent", p.Fee.Percent.String(), "must be between 0 and 100", ErrInvalidValue)
		}
		if p.Fee.Minimum != nil {
			v.money(at{path, ".fee.minimum"}, *p.Fee.Minimum, "", false)
		}
	}
}

// Validate checks the whole shipment and reports every problem at once in
// a *ValidationError, each with its field path and value, for example
// `lines[2].hs: "84A1" is not an HS code (6 to 10 digits)`. The error
// matches ErrInvalidShipment and, through its problems, the sentinel of each
// (ErrInvalidHS, duty.ErrInvalidCountry...).
func (s Shipment) Validate() error { return s.validate(nil) }

// checkedLines are the problems of a shipment's lines (nil: none), found
// once by checkLines for the copies of the shipment Plan validates, which
// differ only outside the lines.
type checkedLines struct{ problems []*FieldError }

// checkLines validates the lines of s.
func (s Shipment) checkLines() *checkedLines {
	var v validator
	v.lines(s, s.Currency())
	return &checkedLines{problems: v.problems}
}

// validate is Validate, with the lines' problems taken from lines when
// not nil (each a copy, so that no two errors share a problem).
func (s Shipment) validate(lines *checkedLines) error {
	var v validator
	v.text(at{"id", ""}, s.ID)
	if s.Date.IsZero() {
		v.add("date", "", "is required (YYYY-MM-DD)", ErrRequired)
	}
	v.country(at{"origin", ""}, s.Origin, true)
	v.country(at{"destination", ""}, s.Destination, true)
	v.region(at{"destination_region", ""}, s.DestinationRegion, s.Destination)
	v.region(at{"port_region", ""}, s.PortRegion, s.Destination)
	if s.Origin != "" && s.Origin == s.Destination {
		v.add("destination", s.Destination, "is the origin country: an import needs goods to cross a border", ErrInvalidValue)
	}
	switch {
	case s.Incoterm == "":
		v.add("incoterm", "", "is required (an Incoterms 2020 rule such as DAP or DDP)", ErrRequired)
	case !s.Incoterm.Valid():
		v.add("incoterm", string(s.Incoterm), "is not an Incoterms 2020 rule (want EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR or CIF)", ErrInvalidIncoterm)
	}
	switch {
	case s.Mode == "":
		v.add("mode", "", "is required (courier, post, air, ocean, road or rail)", ErrRequired)
	case !s.Mode.Valid():
		v.add("mode", string(s.Mode), "is not a mode of transport (want courier, post, air, ocean, road or rail)", ErrInvalidMode)
	}
	v.party("seller", s.Seller, true)
	v.party("buyer", s.Buyer, true)
	for i, c := range s.ServiceCharges {
		p := "service_charges[" + strconv.Itoa(i) + "]"
		if c.Code == "" {
			v.add(p+".code", "", "is required (e.g. brokerage)", ErrRequired)
		}
		if !c.Kind.Valid() {
			v.add(p+".kind", string(c.Kind), "is not a service kind (want clearance, handling, delivery or other)", ErrInvalidValue)
		}
		if c.Amount == nil && c.Percent.IsZero() && c.Minimum == nil {
			v.add(p, c.Code, "needs an amount, a percent or a minimum", ErrRequired)
		}
		if c.Percent.IsNegative() || c.Percent.GreaterThan(decimal.New(100, 0)) {
			v.add(p+".percent", c.Percent.String(), "must be between 0 and 100", ErrInvalidValue)
		}
		if c.Amount != nil {
			v.money(at{p, ".amount"}, *c.Amount, "", false)
		}
		if c.Minimum != nil {
			v.money(at{p, ".minimum"}, *c.Minimum, "", false)
		}
	}
	if s.Gift && (s.Seller.Kind == Business || s.Buyer.Kind == Business) {
		v.add("gift", "true", "a gift is sent by a private person to a private person: seller.kind and buyer.kind must be consumer", ErrInvalidValue)
	}
	if s.Consignee != nil {
		v.party("consignee", *s.Consignee, true)
	}
	v.list(at{"affiliates", ""}, len(s.Affiliates))
	v.list(at{"ior_providers", ""}, len(s.IORProviders))
	for i, a := range s.Affiliates {
		v.party("affiliates["+strconv.Itoa(i)+"]", a, true)
	}
	for i, p := range s.IORProviders {
		v.party("ior_providers["+strconv.Itoa(i)+"]", p, true)
	}
	cur := s.Currency()
	if lines != nil {
		for _, p := range lines.problems {
			cp := *p
			v.problems = append(v.problems, &cp)
		}
	} else {
		v.lines(s, cur)
	}
	v.money(at{"freight", ""}, s.Freight, cur, false)
	v.money(at{"insurance", ""}, s.Insurance, cur, false)
	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.problems}
}

// lines validates the lines of s, whose currency is cur.
func (v *validator) lines(s Shipment, cur string) {
	switch {
	case len(s.Lines) == 0:
		v.add("lines", "", "is required: a shipment has at least one line", ErrRequired)
	case len(s.Lines) > MaxLines:
		v.add("lines", "", fmt.Sprintf("has %d lines: at most %d per shipment (split it)", len(s.Lines), MaxLines), ErrTooManyLines)
	}
	for i := range s.Lines {
		if i >= MaxLines {
			break
		}
		l := &s.Lines[i] // in place: a line is a large struct
		p := "lines[" + strconv.Itoa(i) + "]"
		v.text(at{p, ".sku"}, l.SKU)
		v.text(at{p, ".description"}, l.Description)
		switch {
		case len(l.HS) > MaxStringBytes:
			v.text(at{p, ".hs"}, l.HS)
		case l.HS == "":
			v.add(p+".hs", "", "is required (6 to 10 digits, e.g. 6109.10)", ErrRequired)
		default:
			if !validHS(l.HS) {
				v.add(p+".hs", l.HS, "is not an HS code (6 to 10 digits, dots allowed)", ErrInvalidHS)
			}
		}
		v.country(at{p, ".origin"}, l.Origin, len(l.OriginAlternatives) == 0)
		if len(l.HSAlternatives) > MaxAlternatives || len(l.OriginAlternatives) > MaxAlternatives {
			v.add(p+".hs_alternatives", strconv.Itoa(len(l.HSAlternatives)+len(l.OriginAlternatives)),
				"alternatives: at most "+strconv.Itoa(MaxAlternatives)+" codes and "+strconv.Itoa(MaxAlternatives)+" origins a line", ErrInvalidValue)
		}
		for j, hs := range l.HSAlternatives {
			if !validHS(hs) {
				v.add(p+".hs_alternatives["+strconv.Itoa(j)+"]", hs, "is not an HS code (6 to 10 digits, dots allowed)", ErrInvalidHS)
			}
		}
		for j, o := range l.OriginAlternatives {
			v.country(at{p, ".origin_alternatives[" + strconv.Itoa(j) + "]"}, o, true)
		}
		switch {
		case l.Quantity.Unit == "":
			v.add(p+".quantity", "", "is required ({\"value\":\"…\",\"unit\":\"…\"})", ErrRequired)
		case !l.Quantity.Unit.Valid():
			v.add(p+".quantity.unit", string(l.Quantity.Unit), "is not a known unit (e.g. item, kg, l)", duty.ErrInvalidUnit)
		case !l.Quantity.Value.IsPositive():
			v.add(p+".quantity.value", l.Quantity.Value.String(), "must be positive", ErrInvalidValue)
		}
		if l.UnitPrice.Currency() == "" {
			v.add(p+".unit_price", "", "is required ({\"amount\":\"…\",\"currency\":\"…\"})", ErrRequired)
		} else {
			v.money(at{p, ".unit_price"}, l.UnitPrice, cur, true)
		}
		v.list(at{p, ".quantities"}, len(l.Quantities))
		for j, q := range l.Quantities {
			v.quantity(at{p, ".quantities[" + strconv.Itoa(j) + "]"}, q)
		}
		if !l.ABV.IsZero() && (l.ABV.IsNegative() || l.ABV.GreaterThan(decimal.New(100, 0))) { // no decimal built for the usual 0
			v.add(p+".abv", l.ABV.String(), "is a strength in percent, from 0 to 100", ErrInvalidValue)
		}
		v.list(at{p, ".parts"}, len(l.Parts))
		for j, part := range l.Parts {
			pp := p + ".parts[" + strconv.Itoa(j) + "]"
			if part.Name == "" {
				v.add(pp+".name", "", "is required (e.g. metal_content, case)", ErrRequired)
			}
			v.text(at{pp, ".name"}, part.Name)
			v.list(at{pp, ".quantities"}, len(part.Quantities))
			for k, q := range part.Quantities {
				v.quantity(at{pp, ".quantities[" + strconv.Itoa(k) + "]"}, q)
			}
			if part.Value.Currency() == "" {
				v.add(pp+".value", "", "is required ({\"amount\":\"…\",\"currency\":\"…\"})", ErrRequired)
			} else {
				v.money(at{pp, ".value"}, part.Value, cur, true)
			}
		}
		if l.NetWeight.Unit != "" {
			if l.NetWeight.Unit.Dimension() != duty.Mass {
				v.add(p+".net_weight.unit", string(l.NetWeight.Unit), "is not a unit of mass", duty.ErrIncompatibleUnits)
			}
			if l.NetWeight.Value.IsNegative() {
				v.add(p+".net_weight.value", l.NetWeight.Value.String(), "must not be negative", ErrInvalidValue)
			}
		}
	}
}
