package duty

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync/atomic"

	"github.com/shopspring/decimal"
)

// Valuation is how a destination values goods for duty.
type Valuation string

// Valuation bases.
const (
	// CIF: transaction value plus international freight and insurance to
	// the border (EU, GB, JP, KR, CN, IN, ...).
	CIF Valuation = "CIF"
	// FOB: transaction value without international freight and insurance
	// (US, CA, AU, NZ, ZA, ...).
	FOB Valuation = "FOB"
)

// Profile is one destination's customs and tax rules for a period: the
// valuation basis, the import taxes and their bases, the de minimis
// thresholds, the fees and the rounding. Profiles are data: DefaultProfiles
// returns the embedded, sourced set and ReadProfiles reads more.
type Profile struct {
	Country   string    `json:"country"`         // ISO 3166-1 alpha-2
	Union     string    `json:"union,omitempty"` // customs union whose schedule applies, e.g. "EU"
	Name      string    `json:"name"`
	Currency  string    `json:"currency"`
	Valuation Valuation `json:"valuation"`
	From      Date      `json:"from"`
	To        Date      `json:"to,omitempty"`
	// ReviewAfter, when set, is the last day the data is known to be
	// current. A figure with no To stays in force until a later one
	// supersedes it; used after ReviewAfter it is flagged STALE_DATA.
	ReviewAfter Date        `json:"review_after,omitempty"`
	Taxes       []TaxRule   `json:"taxes,omitempty"`
	DeMinimis   []Threshold `json:"de_minimis,omitempty"`
	Fees        []Fee       `json:"fees,omitempty"`
	// Categories are the goods some rules treat apart (excise goods
	// excluded from low-value reliefs), by HS prefixes.
	Categories []GoodsCategory `json:"categories,omitempty"`
	// NotModelled lists the destination's rules the calculator does not
	// model, with when an entry is concerned: such an assessment is
	// flagged NOT_MODELLED.
	NotModelled []NotModelledRule `json:"not_modelled,omitempty"`
	// Excise are the per-unit excise duties charged at import (GB Alcohol
	// Duty per litre of pure alcohol by strength band).
	Excise []ExciseRule `json:"excise,omitempty"`
	// DutyRounding rounds each line's duty (default: the currency's minor
	// unit, half up).
	DutyRounding *Rounding `json:"duty_rounding,omitempty"`
	// DutyBaseRounding rounds the value an ad valorem duty is computed on
	// (JP: the CIF value rounded down to 1,000 yen). Default: not rounded.
	DutyBaseRounding *Rounding `json:"duty_base_rounding,omitempty"`
	// DutyTotalRounding rounds the declaration's duty total from the
	// unrounded line duties (JP: their sum, rounded down to 100 yen); the
	// difference from the sum of the rounded lines is an adjustment of the
	// assessment. Default: the total is the sum of the lines.
	DutyTotalRounding *Rounding `json:"duty_total_rounding,omitempty"`
	Sources           []string  `json:"sources"`
	Notes             []string  `json:"notes,omitempty"`
}

// Rounding is a number of decimals (negative for tens, hundreds...) and a
// mode: Japan rounds the consumption-tax base down to 1,000 yen
// ({-3, down}) and the tax down to 100 yen ({-2, down}). Increment, when
// set, rounds to a multiple of it instead of to Places decimals
// (Switzerland: tax to 5 centimes, {increment 0.05, half_up}).
type Rounding struct {
	Places    int32           `json:"places"`
	Mode      RoundingMode    `json:"mode"`
	Increment decimal.Decimal `json:"increment,omitzero"`
}

func (r *Rounding) apply(m Money) Money {
	if r == nil {
		return m.Round()
	}
	if r.Increment.IsPositive() {
		n := r.Mode.round(m.amount.Div(r.Increment), 0)
		return m.with(n.Mul(r.Increment))
	}
	return m.RoundTo(r.Places, r.Mode)
}

// String describes the rounding: "to 0.05 half up", "to 1 down".
func (r *Rounding) String() string {
	step := decimal.New(1, -r.Places)
	if r.Increment.IsPositive() {
		step = r.Increment
	}
	return "to " + step.String() + " " + strings.ReplaceAll(r.Mode.String(), "_", " ")
}

func (r *Rounding) check(field string) *ProfileError {
	if r == nil {
		return nil
	}
	if r.Increment.IsNegative() {
		return &ProfileError{Path: field + ".increment", Value: r.Increment.String(), Msg: fmt.Sprintf("%s is negative", r.Increment)}
	}
	return nil
}

// BasePart is one component of a tax base.
type BasePart string

// The parts a tax base can add up. Every tax base includes the customs
// value; the parts say what is added to it.
const (
	// BaseDuty adds the line's duties.
	BaseDuty BasePart = "duty"
	// BaseFreightInsurance adds the line's share of international freight
	// and insurance when the valuation (FOB) left them out (AU, NZ).
	BaseFreightInsurance BasePart = "freight_insurance"
	// BaseUplift adds Uplift percent of the customs value (ZA: 10%).
	BaseUplift BasePart = "uplift"
	// BaseFees adds the line's share of the entry's fees marked taxable.
	BaseFees BasePart = "fees"
	// BasePriorTaxes adds the taxes listed before this one (IN: IGST on
	// value + BCD + SWS).
	BasePriorTaxes BasePart = "prior_taxes"
)

// TaxRule is an import tax: VAT, GST, HST, IGST, or a duty-like surcharge
// computed on the duty (IN social welfare surcharge).
type TaxRule struct {
	Code string `json:"code"` // stable code: VAT, GST, HST, PST, IGST, SWS, ICMS...
	Name string `json:"name"`
	// Rate is the standard rate in percent (19 for 19%).
	Rate decimal.Decimal `json:"rate"`
	// OnDutyOnly computes the tax on the line's duty alone (SWS = 10% of BCD).
	OnDutyOnly bool            `json:"on_duty_only,omitempty"`
	Base       []BasePart      `json:"base,omitempty"`
	Uplift     decimal.Decimal `json:"uplift,omitempty"`         // percent, with BaseUplift
	UpliftNot  []string        `json:"uplift_not_for,omitempty"` // origins exempt from the uplift (ZA: BLNS)
	Reduced    []ReducedRate   `json:"reduced,omitempty"`
	Regions    []string        `json:"regions,omitempty"` // only for these destination regions (CA-ON...)
	// NotRegions excludes destination regions where another tax replaces
	// this one (CA: GST is not charged where HST, which includes it, is).
	NotRegions []string `json:"not_regions,omitempty"`
	// B2COnly charges the tax only when the buyer is a consumer
	// (Entry.Consumer) and B2BOnly only when it is not (CA: the provincial
	// part of the HST is collected at the border on non-commercial goods
	// only, ETA s.212.1(3)). Neither: both.
	B2COnly bool `json:"b2c_only,omitempty"`
	B2BOnly bool `json:"b2b_only,omitempty"`
	// PortInRegion charges the tax only when the goods are released at a
	// customs office in the destination region (Entry.PortRegion equals
	// Entry.Region): the CBSA collects a province's sales tax on casual
	// goods only when they are imported through the buyer's province. An
	// entry that does not give its port region is not charged it.
	PortInRegion bool `json:"port_in_region,omitempty"`
	// BaseTaxes adds the line's amounts of these earlier taxes to the base
	// (BR ICMS: on value + II + IPI + PIS + COFINS).
	BaseTaxes []string `json:"base_taxes,omitempty"`
	// Inclusive computes the tax "por dentro": the tax is part of its own
	// base, base / (1 - rate) (BR ICMS).
	Inclusive bool `json:"inclusive,omitempty"`
	// UnderRegimes limits the tax to the lines a met threshold of one of
	// these codes covers (BR: the ICMS rate agreed for the simplified
	// regime, RTS, differs from the state's rate on other imports).
	UnderRegimes []string `json:"under_regimes,omitempty"`
	// ServiceKinds are the kinds of service charges BaseServices adds
	// (empty: clearance, handling and delivery).
	ServiceKinds []ServiceKind `json:"service_kinds,omitempty"`
	// OnTax computes the tax on the line's amount of an earlier tax of the
	// profile (JP: the local consumption tax is 22/78 of the national one);
	// Base parts are then ignored.
	OnTax string `json:"on_tax,omitempty"`
	// Fraction, when set, is the rate as an exact ratio instead of Rate
	// (22/78 has no finite decimal form).
	Fraction *Ratio `json:"fraction,omitempty"`
	// BaseRounding and Rounding round the taxable base and the tax.
	BaseRounding *Rounding `json:"base_rounding,omitempty"`
	Rounding     *Rounding `json:"rounding,omitempty"`
	// TotalRounding rounds the declaration's total of this tax from the
	// unrounded line amounts, as DutyTotalRounding does for duty.
	TotalRounding *Rounding `json:"total_rounding,omitempty"`
	From          Date      `json:"from"`
	To            Date      `json:"to,omitempty"`
	// ReviewAfter: see Profile.ReviewAfter.
	ReviewAfter Date   `json:"review_after,omitempty"`
	Source      string `json:"source"`
}

// Ratio is an exact fraction Num/Den.
type Ratio struct {
	Num int64 `json:"num"`
	Den int64 `json:"den"`
}

// String formats as "22/78".
func (r Ratio) String() string { return fmt.Sprintf("%d/%d", r.Num, r.Den) }

// ReducedRate is a lower rate for goods whose HS code starts with one of
// the prefixes.
type ReducedRate struct {
	HS     []string        `json:"hs"`
	Rate   decimal.Decimal `json:"rate"`
	Name   string          `json:"name"`
	Source string          `json:"source"`
}

// Applies says what a threshold relieves or moves.
type Applies string

// What a de minimis threshold covers.
const (
	AppliesDuty Applies = "duty"
	AppliesTax  Applies = "tax"
	AppliesBoth Applies = "duty_and_tax"
	AppliesFees Applies = "fees"
)

// Outcome is what happens to the charges a threshold covers when the
// shipment is at or under it.
type Outcome string

// Threshold outcomes.
const (
	// Relief: the charge is not due.
	Relief Outcome = "relief"
	// PointOfSale: the tax is still due but collected at the sale by the
	// seller or marketplace (GB GBP 135, AU/NZ 1,000, NO VOEC, EU IOSS), not
	// at the border. It stays in the quote's totals, labelled so.
	PointOfSale Outcome = "point_of_sale"
	// FlatPerSubheading: duty is replaced by a fixed amount per distinct
	// 6-digit subheading (EU EUR 3 from 2026-07-01).
	FlatPerSubheading Outcome = "flat_per_subheading"
	// ReverseCharge: the tax is neither collected at the border nor by the
	// seller; the VAT-registered business buyer accounts for it itself
	// (GB: consignments of GBP 135 or less sold to a UK VAT-registered
	// business). The quote shows it not due, with the amount in the note.
	ReverseCharge Outcome = "reverse_charge"
)

// Compared is the value a threshold is tested against.
type Compared string

// Values a threshold can compare.
const (
	// CompareGoods: the intrinsic value of the goods (sum of line values),
	// without transport and insurance.
	CompareGoods Compared = "goods"
	// CompareCustomsValue: the customs value (CIF or FOB per the profile).
	CompareCustomsValue Compared = "customs_value"
	// CompareCIF: goods + freight + insurance, whatever the valuation.
	CompareCIF Compared = "cif"
	// CompareTaxAmount: the tax itself (CH: not levied if CHF 5 or less).
	CompareTaxAmount Compared = "tax_amount"
	// CompareDutyAmount: the duty itself.
	CompareDutyAmount Compared = "duty_amount"
)

// Threshold is a de minimis rule: charges of kind Applies are relieved or
// moved when the compared value is at or under Amount (or strictly under
// it when Strict).
type Threshold struct {
	Code    string   `json:"code"` // stable: US_DE_MINIMIS, EU_IOSS, GB_135...
	Applies Applies  `json:"applies"`
	Outcome Outcome  `json:"outcome"`
	Amount  Money    `json:"amount"`
	Compare Compared `json:"compare"`
	Strict  bool     `json:"strict,omitempty"` // value < Amount (default value <= Amount)
	// FlatAmount is the duty per distinct subheading with FlatPerSubheading.
	FlatAmount *Money `json:"flat_amount,omitempty"`
	// ShippedFrom limits the threshold to goods shipped from these countries
	// (CA: CAD 40/150 for the US and MX); NotShippedFrom excludes some.
	ShippedFrom    []string `json:"shipped_from,omitempty"`
	NotShippedFrom []string `json:"not_shipped_from,omitempty"`
	// NotOrigins excludes goods of these origins (US: CN, HK from 2025-05-02).
	NotOrigins []string `json:"not_origins,omitempty"`
	Modes      []string `json:"modes,omitempty"`      // only these modes (courier, post...)
	B2COnly    bool     `json:"b2c_only,omitempty"`   // only when the buyer is a consumer
	Registered string   `json:"registered,omitempty"` // only when the seller holds this registration (IOSS)
	Suspended  bool     `json:"suspended,omitempty"`  // kept for the record; never applies
	From       Date     `json:"from"`
	To         Date     `json:"to,omitempty"`
	// ReviewAfter: see Profile.ReviewAfter.
	ReviewAfter Date   `json:"review_after,omitempty"`
	Source      string `json:"source"`
	Note        string `json:"note,omitempty"`

	// NotCategories are goods categories of the profile the threshold does
	// not cover: their lines pay at the border whatever the value (GB:
	// excise goods and the GBP 135 relief), the other lines keep it.
	NotCategories []string `json:"not_categories,omitempty"`
	// Categories, when set, limits the threshold to lines of these goods
	// categories of the profile: the other lines are not covered (ID: the
	// consignment duty of 15% or 25% on certain commodities).
	Categories []string `json:"categories,omitempty"`
	// B2BOnly limits the threshold to business buyers, BuyerVATRegistered
	// to buyers registered for VAT in the destination.
	B2BOnly            bool `json:"b2b_only,omitempty"`
	BuyerVATRegistered bool `json:"buyer_vat_registered,omitempty"`
	// GiftOnly limits the threshold to gifts between private persons
	// (Entry.Gift); NotGift to consignments that are not gifts (a
	// point-of-sale regime needs a sale).
	GiftOnly bool `json:"gift_only,omitempty"`
	NotGift  bool `json:"not_gift,omitempty"`
	// Above makes a band: the threshold applies only when the compared
	// value is above it (MX courier: USD 50 < value <= USD 117).
	Above *Money `json:"above,omitempty"`
	// Rate (percent) and Deduction are a FlatRate regime's duty: Rate% of
	// the customs value less Deduction per consignment (BR: 60% less
	// USD 20); ReplacesTaxes are the profile's taxes the flat rate includes
	// (MX courier: IVA) or that the regime does not levy.
	Rate          decimal.Decimal `json:"rate,omitzero"`
	Deduction     *Money          `json:"deduction,omitempty"`
	ReplacesTaxes []string        `json:"replaces_taxes,omitempty"`
	// IfLower applies a FlatRate regime only when its duty is lower than
	// the ordinary duty of the lines it covers, taken together (GB gifts:
	// the flat rate is applied "only if it is to your advantage"); the
	// ordinary duty is charged otherwise. Not with ReplacesTaxes.
	IfLower bool `json:"if_lower,omitempty"`
	// Factor is a TaxFactor regime's multiplier of the taxes (CN: 0.7).
	Factor decimal.Decimal `json:"factor,omitzero"`
}

// FeeKind is how a fee is computed.
type FeeKind string

// Fee kinds.
const (
	// FeePercent: Percent of the customs value, clamped to Min and Max.
	FeePercent FeeKind = "percent"
	// FeeFixed: a fixed amount per entry.
	FeeFixed FeeKind = "fixed"
)

// Fee is a charge on the entry: the US merchandise processing fee (MPF),
// harbor maintenance fee (HMF), a handling fee.
type Fee struct {
	Code    string          `json:"code"`
	Name    string          `json:"name"`
	Kind    FeeKind         `json:"kind"`
	Percent decimal.Decimal `json:"percent,omitempty"`
	Min     *Money          `json:"min,omitempty"`
	Max     *Money          `json:"max,omitempty"`
	Amount  *Money          `json:"amount,omitempty"` // FeeFixed
	// Above and AtMost limit the fee to entries whose customs value is
	// above / at most these amounts (US formal entry above USD 2,500).
	Above  *Money   `json:"above,omitempty"`
	AtMost *Money   `json:"at_most,omitempty"`
	Modes  []string `json:"modes,omitempty"` // only these modes (HMF: ocean)
	// Taxable adds the fee to the base of taxes that include BaseFees.
	Taxable bool `json:"taxable,omitempty"`
	From    Date `json:"from"`
	To      Date `json:"to,omitempty"`
	// ReviewAfter is the last day the figure is known to be current (the
	// end of the fiscal year it was published for). It stays in force
	// after it, until a later figure of the same code supersedes it, and is
	// then flagged STALE_DATA. Give To instead when the figure truly ends.
	ReviewAfter Date   `json:"review_after,omitempty"`
	Source      string `json:"source"`
}

// checkReview refuses a review date before the figure is in force.
func checkReview(path string, from, review Date) *ProfileError {
	if !review.IsZero() && !from.IsZero() && review.Before(from) {
		return &ProfileError{Path: path + "review_after", Value: review.String(), Msg: fmt.Sprintf("%s is before from %s", review, from)}
	}
	return nil
}

// stale reports whether a figure reviewed after review is used on day on
// past that date.
func stale(review, on Date) bool { return !review.IsZero() && on.After(review) }

func inForce(from, to, on Date) bool {
	if !from.IsZero() && on.Before(from) {
		return false
	}
	if !to.IsZero() && on.After(to) {
		return false
	}
	return true
}

// errNilProfiles is what the methods of a nil *Profiles return. The zero
// Profiles is an empty set: every country is a *NoProfileError.
var errNilProfiles = &UninitializedError{Type: "*duty.Profiles", Constructor: "duty.NewProfiles or duty.DefaultProfiles"}

// Profiles is a set of profiles, several per country when rules change
// over time. Build it with NewProfiles, DefaultProfiles or ReadProfiles.
type Profiles struct {
	byCountry map[string][]Profile
	fp        atomic.Pointer[string] // caches Fingerprint
}

// NewProfiles checks each profile and indexes them by country. Two
// profiles of one country whose periods overlap are an error. The set keeps
// deep copies: changing a profile given to it (its Taxes, Sources...)
// afterwards does not change the set.
func NewProfiles(ps ...Profile) (*Profiles, error) {
	out := &Profiles{byCountry: map[string][]Profile{}}
	for i, p := range ps {
		if err := p.check(); err != nil {
			err.Path = fmt.Sprintf("profiles[%d].%s", i, err.Path)
			return nil, err
		}
		out.byCountry[p.Country] = append(out.byCountry[p.Country], cloneProfile(p))
	}
	for c, list := range out.byCountry {
		sort.Slice(list, func(a, b int) bool { return list[a].From.Before(list[b].From) })
		for i := 1; i < len(list); i++ {
			prev := list[i-1]
			if prev.To.IsZero() || !list[i].From.After(prev.To) {
				return nil, &ProfileError{Country: c, Value: list[i].From.String(),
					Msg: fmt.Sprintf("profiles of %s overlap: one from %s to %s, one from %s", c, prev.From, orOpen(prev.To), list[i].From)}
			}
		}
	}
	return out, nil
}

func orOpen(d Date) string {
	if d.IsZero() {
		return "(open)"
	}
	return d.String()
}

// With returns a new set: the profiles of ps's countries replace every
// profile of those countries in the receiver (one country at a time, all
// its periods), the other countries are kept. The receiver is not changed.
// The new profiles are checked as NewProfiles checks them.
func (ps *Profiles) With(overlay ...Profile) (*Profiles, error) {
	if ps == nil {
		return nil, errNilProfiles
	}
	replaced := map[string]bool{}
	for _, p := range overlay {
		replaced[p.Country] = true
	}
	all := make([]Profile, 0, len(overlay))
	for c, list := range ps.byCountry {
		if !replaced[c] {
			all = append(all, list...)
		}
	}
	all = append(all, overlay...)
	return NewProfiles(all...)
}

// Countries lists the countries with a profile, sorted.
func (ps *Profiles) Countries() []string {
	if ps == nil {
		return nil
	}
	out := make([]string, 0, len(ps.byCountry))
	for c := range ps.byCountry {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// For returns the profile of country in force on the date. A country
// without a profile, or a date outside every period of its profiles, is a
// *NoProfileError (errors.Is(err, ErrNoProfile)); its message lists the
// periods the data covers. Never a guess.
//
// The profile is a deep copy: a caller may change it (its Taxes,
// DeMinimis, Sources...), e.g. to build an overlay for With, without
// changing the set or its Fingerprint. The calculator reads the set's own
// profiles without copying them.
func (ps *Profiles) For(country string, on Date) (Profile, error) {
	p, err := ps.lookup(country, on)
	if err != nil {
		return Profile{}, err
	}
	return cloneProfile(*p), nil
}

// lookup is For without the copy, for the calculator, which only reads
// the profile: the set's own, never handed to a caller.
func (ps *Profiles) lookup(country string, on Date) (*Profile, error) {
	if ps == nil {
		return nil, errNilProfiles
	}
	list, ok := ps.byCountry[country]
	if !ok {
		return nil, &NoProfileError{Country: country}
	}
	for i := range list {
		if inForce(list[i].From, list[i].To, on) {
			return &list[i], nil
		}
	}
	return nil, &NoProfileError{Country: country, Date: on, periods: list}
}

// ErrNoProfile is matched by *NoProfileError.
var ErrNoProfile = fmt.Errorf("duty: no profile")

// NoProfileError reports a destination without a profile, or a date
// outside the periods of its profiles.
type NoProfileError struct {
	Country string
	Date    Date
	periods []Profile
}

func (e *NoProfileError) Error() string {
	if e.Date.IsZero() {
		return fmt.Sprintf("duty: no customs/tax profile for destination %q", clip(e.Country))
	}
	var spans []string
	for _, p := range e.periods {
		spans = append(spans, p.From.String()+".."+orOpen(p.To))
	}
	return fmt.Sprintf("duty: no profile of %s in force on %s (data covers %s)", e.Country, e.Date, strings.Join(spans, ", "))
}

// Is reports whether target is ErrNoProfile.
func (e *NoProfileError) Is(target error) bool { return target == ErrNoProfile }

func (p Profile) check() *ProfileError {
	bad := func(path, value, format string, args ...any) *ProfileError {
		return &ProfileError{Path: path, Country: clip(p.Country), Value: clip(value), Msg: fmt.Sprintf(format, args...)}
	}
	if err := ValidateCountry(p.Country); err != nil {
		return &ProfileError{Path: "country", Country: clip(p.Country), Value: clip(p.Country), Err: err}
	}
	if _, err := LookupCurrency(p.Currency); err != nil {
		return &ProfileError{Path: "currency", Country: p.Country, Value: clip(p.Currency), Err: err}
	}
	if p.Valuation != CIF && p.Valuation != FOB {
		return bad("valuation", string(p.Valuation), "%q: want CIF or FOB", clip(string(p.Valuation)))
	}
	if p.From.IsZero() {
		return bad("from", "", "a profile needs the date it is in force from")
	}
	if !p.To.IsZero() && p.To.Before(p.From) {
		return bad("to", p.To.String(), "%s is before from %s", p.To, p.From)
	}
	if len(p.Sources) == 0 {
		return bad("sources", "", "every profile names its sources")
	}
	if err := checkReview("", p.From, p.ReviewAfter); err != nil {
		err.Country = clip(p.Country)
		return err
	}
	for i, r := range p.NotModelled {
		if err := r.check(p); err != nil {
			return &ProfileError{Path: fmt.Sprintf("not_modelled[%d]", i), Country: clip(p.Country), Value: clip(r.Code), Err: err}
		}
	}
	for _, r := range []struct {
		field string
		r     *Rounding
	}{{"duty_rounding", p.DutyRounding}, {"duty_base_rounding", p.DutyBaseRounding}, {"duty_total_rounding", p.DutyTotalRounding}} {
		if err := r.r.check(r.field); err != nil {
			err.Country = clip(p.Country)
			return err
		}
	}
	for i, t := range p.Taxes {
		at := func(f string) string { return fmt.Sprintf("taxes[%d]%s", i, f) }
		if t.Code == "" || t.Source == "" {
			return bad(at(""), "", "code and source are required")
		}
		if t.Fraction != nil && (t.Fraction.Den <= 0 || t.Fraction.Num < 0) {
			return bad(at(".fraction"), t.Fraction.String(), "%s: want a non-negative numerator over a positive denominator", t.Fraction)
		}
		if t.OnTax != "" {
			found := false
			for _, prev := range p.Taxes[:i] {
				found = found || prev.Code == t.OnTax
			}
			if !found {
				return bad(at(".on_tax"), t.OnTax, "%q is not an earlier tax of the profile", clip(t.OnTax))
			}
		}
		if t.Rate.IsNegative() {
			return bad(at(".rate"), t.Rate.String(), "%s is negative", t.Rate)
		}
		if why := implausible(t.Rate, true); why != "" {
			return bad(at(".rate"), t.Rate.String(), "%s %s", clip(t.Rate.String()), why)
		}
		for j, rr := range t.Reduced {
			if why := implausible(rr.Rate, true); why != "" || rr.Rate.IsNegative() {
				if why == "" {
					why = "is negative"
				}
				return bad(at(fmt.Sprintf(".reduced[%d].rate", j)), rr.Rate.String(), "%s %s", clip(rr.Rate.String()), why)
			}
		}
		if t.B2COnly && t.B2BOnly {
			return bad(at(".b2b_only"), "true", "b2c_only and b2b_only are both set: the tax would never apply")
		}
		for j, r := range append(slices.Clone(t.Regions), t.NotRegions...) {
			if err := ValidateRegion(r); err != nil {
				field := fmt.Sprintf(".regions[%d]", j)
				if j >= len(t.Regions) {
					field = fmt.Sprintf(".not_regions[%d]", j-len(t.Regions))
				}
				return &ProfileError{Path: at(field), Country: clip(p.Country), Value: clip(r), Err: err}
			}
		}
		if err := checkReview(fmt.Sprintf("taxes[%d].", i), t.From, t.ReviewAfter); err != nil {
			err.Country = clip(p.Country)
			return err
		}
		for _, r := range []struct {
			field string
			r     *Rounding
		}{{"base_rounding", t.BaseRounding}, {"rounding", t.Rounding}, {"total_rounding", t.TotalRounding}} {
			if err := r.r.check(at("." + r.field)); err != nil {
				err.Country = clip(p.Country)
				return err
			}
		}
		for _, b := range t.Base {
			switch b {
			case BaseDuty, BaseFreightInsurance, BaseUplift, BaseFees, BasePriorTaxes, BaseServices:
			default:
				return bad(at(".base"), string(b), "unknown part %q", clip(string(b)))
			}
		}
		for _, sk := range t.ServiceKinds {
			if !sk.Valid() {
				return bad(at(".service_kinds"), string(sk), "%q: want clearance, handling, delivery or other", clip(string(sk)))
			}
		}
	}
	for i, th := range p.DeMinimis {
		at := func(f string) string { return fmt.Sprintf("de_minimis[%d]%s", i, f) }
		if th.Code == "" || th.Source == "" {
			return bad(at(""), "", "code and source are required")
		}
		switch th.Applies {
		case AppliesDuty, AppliesTax, AppliesBoth, AppliesFees:
		default:
			return bad(at(".applies"), string(th.Applies), "%q: want duty, tax, duty_and_tax or fees", clip(string(th.Applies)))
		}
		switch th.Outcome {
		case Relief, PointOfSale, ReverseCharge, FlatRate, TaxFactor:
		case FlatPerSubheading:
			if th.FlatAmount == nil {
				return bad(at(".flat_amount"), "", "flat_per_subheading needs flat_amount")
			}
		default:
			return bad(at(".outcome"), string(th.Outcome), "%q: want relief, point_of_sale, reverse_charge, flat_rate, tax_factor or flat_per_subheading", clip(string(th.Outcome)))
		}
		switch th.Compare {
		case CompareGoods, CompareCustomsValue, CompareCIF, CompareTaxAmount, CompareDutyAmount, CompareItem:
		default:
			return bad(at(".compare"), string(th.Compare), "%q: want goods, customs_value, cif, item, tax_amount or duty_amount", clip(string(th.Compare)))
		}
		if th.Amount.Currency() == "" {
			return bad(at(".amount"), "", "is required")
		}
		if th.Amount.IsNegative() {
			return bad(at(".amount"), th.Amount.String(), "%s is negative", th.Amount)
		}
		if err := checkReview(fmt.Sprintf("de_minimis[%d].", i), th.From, th.ReviewAfter); err != nil {
			err.Country = clip(p.Country)
			return err
		}
	}
	if err := p.checkCategories(); err != nil {
		return err
	}
	if err := p.checkRegimes(); err != nil {
		return err
	}
	if err := p.checkExcise(); err != nil {
		return err
	}
	for i, f := range p.Fees {
		at := func(s string) string { return fmt.Sprintf("fees[%d]%s", i, s) }
		if f.Code == "" || f.Source == "" {
			return bad(at(""), "", "code and source are required")
		}
		switch f.Kind {
		case FeePercent:
		case FeeFixed:
			if f.Amount == nil {
				return bad(at(".amount"), "", "a fixed fee needs amount")
			}
		default:
			return bad(at(".kind"), string(f.Kind), "%q: want percent or fixed", clip(string(f.Kind)))
		}
		if f.Percent.IsNegative() {
			return bad(at(".percent"), f.Percent.String(), "%s is negative", f.Percent)
		}
		if why := implausible(f.Percent, true); why != "" {
			return bad(at(".percent"), f.Percent.String(), "%s %s", clip(f.Percent.String()), why)
		}
		if f.Amount != nil && f.Amount.IsNegative() {
			return bad(at(".amount"), f.Amount.String(), "%s is negative", f.Amount)
		}
		if err := checkReview(fmt.Sprintf("fees[%d].", i), f.From, f.ReviewAfter); err != nil {
			err.Country = clip(p.Country)
			return err
		}
	}
	return nil
}

// ErrInvalidProfile is matched (errors.Is) by every *ProfileError.
var ErrInvalidProfile = errors.New("duty: invalid profile")

// ProfileError reports a problem in a profile document (ReadProfiles) or
// in a profile given to NewProfiles: the JSON path of the field
// ("profiles[0].de_minimis[1].applies", "unions[0].members[2].country";
// for NewProfiles the index is the argument's), the country of the
// profile when known, the value found and what is wrong. It matches
// ErrInvalidProfile and unwraps to the cause when there is one (an
// *InvalidCountryError, an *InvalidDateError...), so errors.Is(err,
// ErrInvalidCountry) holds for a bad country.
type ProfileError struct {
	Path    string // JSON path of the field; "" for the document as a whole
	Country string // the profile's country, when known
	Value   string // the value found, as text, clipped to about 100 bytes
	Msg     string // what is wrong and what was expected; "" when Err says it
	Err     error  // the cause, or nil
}

func (e *ProfileError) Error() string {
	var b strings.Builder
	b.WriteString("duty: profile: ")
	if e.Path != "" {
		b.WriteString(e.Path)
		if e.Country != "" {
			fmt.Fprintf(&b, " (%s)", e.Country)
		}
		b.WriteString(": ")
	}
	switch {
	case e.Msg != "":
		b.WriteString(e.Msg)
	case e.Err != nil:
		b.WriteString(e.Err.Error())
	default:
		b.WriteString("invalid")
	}
	return b.String()
}

// Is reports whether target is ErrInvalidProfile.
func (e *ProfileError) Is(target error) bool { return target == ErrInvalidProfile }

// Unwrap returns the cause, or nil.
func (e *ProfileError) Unwrap() error { return e.Err }
