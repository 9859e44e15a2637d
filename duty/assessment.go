package duty

// Assessment is the result of Calculator.Calculate: customs value, duties,
// taxes and fees per line and in total, in the destination's currency,
// with the de minimis outcome, the exchange rates used and a trace.
type Assessment struct {
	Destination  string             `json:"destination"`
	Region       string             `json:"destination_region,omitempty"`
	Date         Date               `json:"date"`
	Currency     string             `json:"currency"`
	Valuation    Valuation          `json:"valuation"`
	CustomsValue Money              `json:"customs_value"`
	Goods        Money              `json:"goods_value"`
	Freight      Money              `json:"freight"`
	Insurance    Money              `json:"insurance"`
	DeMinimis    []DeMinimisOutcome `json:"de_minimis"`
	Lines        []LineAssessment   `json:"lines"`
	Fees         []Charge           `json:"fees"`
	// Adjustments are entry-level corrections that make the totals what
	// the declaration charges when it rounds totals, not lines (JP: duty
	// and consumption tax totals rounded down to 100 yen from the unrounded
	// line amounts). Totals = lines + fees + adjustments.
	Adjustments []Charge `json:"adjustments,omitempty"`
	// Services are the carrier's and broker's charges given with the entry
	// (Entry.Services), shown apart: they are not in Totals, which hold
	// state charges only, but the taxes whose base includes them are.
	Services   []Charge `json:"services,omitempty"`
	Totals     Totals   `json:"totals"`
	FX         []FXUse  `json:"fx"`
	Incomplete bool     `json:"incomplete,omitempty"`
	// Warnings lists what the assessment used beyond what its data
	// asserts (sample or reference rates, stale figures, aged exchange
	// rates, resolved short codes, rules not modelled), each with a stable
	// code. Empty: every figure is data iorkit stands behind. With Strict
	// the calculator returns a *StrictError instead.
	Warnings []Warning `json:"warnings"`
	Trace    []Step    `json:"trace"`
	Profile  string    `json:"profile"` // "DE from 2026-07-01": which profile period applied
}

// LineAssessment is one line's customs value, duties and taxes.
type LineAssessment struct {
	Index        int      `json:"index"`
	HS           string   `json:"hs"`
	Origin       string   `json:"origin"`
	Value        Money    `json:"value"`
	Freight      Money    `json:"freight"`
	Insurance    Money    `json:"insurance"`
	CustomsValue Money    `json:"customs_value"`
	Duties       []Charge `json:"duties"`
	Taxes        []Charge `json:"taxes"`
	Duty         Money    `json:"duty"`
	Tax          Money    `json:"tax"`
	// Calculable is false in a partial assessment for a line that could not
	// be assessed; Reason says why.
	Calculable bool   `json:"calculable"`
	Reason     string `json:"reason,omitempty"`
}

// Collection says where a tax is collected.
type Collection string

// Where a charge is collected.
const (
	AtBorder    Collection = "border"
	AtSale      Collection = "point_of_sale"
	NotDue      Collection = "not_due"
	CollectedBy Collection = ""
	// ByProvider: a carrier's or broker's charge, paid to it, not to the
	// state.
	ByProvider Collection = "service_provider"
)

// Charge is one duty, tax or fee: what it is, its rate, its base and its
// amount, and where the figure comes from.
type Charge struct {
	Kind string `json:"kind"` // duty, tax, fee
	Code string `json:"code"` // MFN, PREF, ADD, FLAT, VAT, GST, MPF...
	// Program is the Program of the measure that produced a duty: the
	// preference programme of a PREF charge ("S", "TCA", "1013"), the legal
	// heading of an ADD layer ("9903.88.15"), column 2 or a schedule's own
	// code on an MFN charge; empty when the measure has none. Callers read
	// it here instead of parsing Source or Name.
	Program string `json:"program,omitempty"`
	Name    string `json:"name"`
	Rate    string `json:"rate"`
	Base    Money  `json:"base"`
	Amount  Money  `json:"amount"`
	Source  string `json:"source"`
	// Effective is the first day the rule behind the figure is in force.
	Effective  Date       `json:"effective,omitzero"`
	Collection Collection `json:"collected"`
	Note       string     `json:"note,omitempty"`
	// exact is the amount before rounding, for totals rounded at the
	// declaration (DutyTotalRounding, TaxRule.TotalRounding).
	exact Money
	// service is the kind of a service charge.
	service ServiceKind
}

// Totals sums the assessment. Total = Duty + Tax + Fees. Tax includes tax
// collected at the point of sale; TaxAtBorder is the part due at import.
type Totals struct {
	Duty        Money `json:"duty"`
	Tax         Money `json:"tax"`
	TaxAtBorder Money `json:"tax_at_border"`
	TaxAtSale   Money `json:"tax_at_sale"`
	Fees        Money `json:"fees"`
	Total       Money `json:"total"`
}

// DeMinimisOutcome records one threshold: whether it applied and why.
type DeMinimisOutcome struct {
	Code      string   `json:"code"`
	Applies   Applies  `json:"applies"`
	Outcome   Outcome  `json:"outcome"`
	Threshold Money    `json:"threshold"`
	Compared  Compared `json:"compared"`
	Value     Money    `json:"value"`
	Met       bool     `json:"met"`
	Reason    string   `json:"reason"`
	Source    string   `json:"source"`
	// Excluded are the lines a met threshold does not cover: goods of a
	// category it excludes, or items over a per-item limit.
	Excluded []ExcludedLine `json:"excluded_lines,omitempty"`
}

// FXUse is an exchange rate the assessment used: 1 From = Rate To, the
// day the rate is of (the entry date when the rates do not say) and, for
// SourcedRates, the publication it comes from.
type FXUse struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Rate   string `json:"rate"`
	Date   Date   `json:"date"`
	Source string `json:"source,omitempty"`
}

// Step is one figure of the trace: which rule produced which amount from
// which base at which rate, and its source.
type Step struct {
	Step   string `json:"step"`           // valuation, fx, de_minimis, duty, tax, fee, total
	Line   *int   `json:"line,omitempty"` // 0-based line index, absent for entry-level steps
	What   string `json:"what"`
	Rate   string `json:"rate,omitempty"`
	Base   Money  `json:"base"`   // what the rate was applied to (absent when none)
	Amount Money  `json:"amount"` // the figure produced (absent when none)
	Source string `json:"source,omitempty"`
}

// MarshalJSON leaves out the base and amount a step does not have.
func (s Step) MarshalJSON() ([]byte, error) { return s.AppendJSON(make([]byte, 0, 256)), nil }
