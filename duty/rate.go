package duty

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// ErrUnsupportedRate is returned (wrapped) by Rate.Apply for a component
// that parses but cannot be computed from an entry, such as an EU
// agricultural component (EA) or an entry-price system. Never a zero.
var ErrUnsupportedRate = errors.New("duty: unsupported rate component")

// ErrInvalidRate is matched by every rate parse error.
var ErrInvalidRate = errors.New("duty: invalid rate")

// ErrRateReference is matched by *RateReferenceError: the text refers to
// another provision instead of stating a rate.
var ErrRateReference = errors.New("duty: rate refers elsewhere")

// ErrMissingBasis is matched by *MissingBasisError: Apply needs a quantity,
// a named part or the polarization that the Basis does not supply.
var ErrMissingBasis = errors.New("duty: missing basis for rate")

// ErrInvalidBasis is matched by *InvalidBasisError: a value or quantity a
// rate cannot be applied to.
var ErrInvalidBasis = errors.New("duty: invalid basis for rate")

// InvalidBasisError reports a value or quantity of a Basis that no duty can
// honestly be computed on: a negative value or quantity (never clamped to
// zero, which would hide it), or a zero quantity in the unit a specific
// rate charges on. What is "value" or "quantity" (with Unit); Part names the
// part when it is a part's; Value is the figure given.
type InvalidBasisError struct {
	What  string
	Unit  Unit
	Part  string
	Value string
	Rate  string
}

// Error describes the problem with its input.
func (e *InvalidBasisError) Error() string {
	what := "the value"
	if e.What == "quantity" {
		what = fmt.Sprintf("the quantity in %s", e.Unit)
	}
	if e.Part != "" {
		what += fmt.Sprintf(" of part %q", e.Part)
	}
	problem := "is negative"
	if e.Value == "0" {
		problem = "is zero, and the rate charges on it"
	}
	return fmt.Sprintf("duty: rate %q: %s %s (%s)", e.Rate, what, problem, e.Value)
}

// Is reports whether target is ErrInvalidBasis.
func (e *InvalidBasisError) Is(target error) bool { return target == ErrInvalidBasis }

// checkBasis refuses negative values and quantities, in the basis and its
// parts, before any term is computed.
func checkBasis(b Basis, part string, r Rate) error {
	if b.Value.amount.IsNegative() {
		return &InvalidBasisError{What: "value", Part: part, Value: b.Value.amount.String(), Rate: r.String()}
	}
	for _, q := range b.Quantities {
		if q.Value.IsNegative() {
			return &InvalidBasisError{What: "quantity", Unit: q.Unit, Part: part, Value: q.Value.String(), Rate: r.String()}
		}
	}
	for name, pb := range b.Parts {
		if err := checkBasis(pb, name, r); err != nil {
			return err
		}
	}
	return nil
}

// Basis is what a rate is applied to: the customs value of a line and its
// quantities (net mass, items, litres...).
//
// Parts carries the values and quantities of named components that some
// rates are charged on ("on the case", "on drained weight", "on copper
// content"); the key is the part name as Rate.Parts reports it ("case",
// "drained weight", "copper content"). Polarization is the sugar degree
// that the US sugar formulas need. Exchange, when set, converts a specific
// amount stated in another currency than Value's; without it Apply refuses
// to mix currencies with a *CurrencyMismatchError.
type Basis struct {
	Value        Money
	Quantities   []Quantity
	Parts        map[string]Basis
	Polarization decimal.NullDecimal
	Exchange     func(m Money, to string) (Money, error)
}

// Rate is a parsed duty-rate expression. The zero Rate is "Free". A Rate is
// immutable and safe for concurrent use.
type Rate struct {
	// clauses: the first is the base sum, the others MIN (floor) or MAX
	// (cap) clauses applied left to right, the TARIC reading.
	clauses   []clause
	condition string // text after "Free," or an unsupported trailing condition
	onBase    bool   // "the duty provided in the applicable subheading + ..."
	negBase   bool   // "... minus ..."
	text      string // String, built once by ParseRate ("" for a free rate)
}

type clauseOp uint8

const (
	opBase clauseOp = iota
	opMin
	opMax
)

type clause struct {
	op    clauseOp
	terms []term
}

type termKind uint8

const (
	adValorem termKind = iota + 1
	specific
	sugar
	unsupported
)

// term is one component of a sum.
type term struct {
	kind     termKind
	neg      bool            // subtracted ("- 10 EUR / 100 kg")
	pct      decimal.Decimal // adValorem
	frac     *fraction       // adValorem: the "1/3" of "33 1/3%", nil when none
	amount   decimal.Decimal // specific and sugar: money per unit, in currency
	cents    bool            // printed as ¢ (amount already divided by 100)
	dollar   bool            // printed with $
	currency string
	unit     Unit
	over     decimal.NullDecimal // specific: only the quantity over this counts
	part     string              // named part the component is charged on
	optional bool                // ", if any": a missing part contributes nothing
	sugar    *sugarFormula       // sugar: the polarization formula
	code     string              // unsupported: EA, EAR, ..., or the text
}

// fraction is the vulgar fraction of a percentage such as "33 1/3%".
type fraction struct{ num, den decimal.Decimal }

// sugarFormula is the US sugar formula: amount less "less" for each degree
// of polarization under "under", but not less than "floor" (per unit).
type sugarFormula struct{ less, under, floor decimal.Decimal }

// IsFree reports whether the rate is "Free" (with or without a condition).
func (r Rate) IsFree() bool { return len(r.clauses) == 0 && !r.onBase }

// Condition returns the text that qualifies a free rate ("under bond, as
// prescribed in U.S. note 1 to this subchapter"), or "".
func (r Rate) Condition() string { return r.condition }

// AdditionalOnBase reports whether the rate is the chapter 99 form "The
// duty provided in the applicable subheading + 25%": the rate itself (as
// String and Apply read it) is the additional duty, charged on top of the
// base rate of the goods' own subheading. A "minus" form gives a negative
// result from Apply: a reduction of the base duty.
func (r Rate) AdditionalOnBase() bool { return r.onBase }

// AdValorem returns the percentage of a rate that is a single ad valorem
// component on the whole value ("6.8%" gives 6.8, true). A percentage with
// a vulgar fraction ("33 1/3%") has no exact decimal and gives false.
func (r Rate) AdValorem() (decimal.Decimal, bool) {
	if len(r.clauses) != 1 || len(r.clauses[0].terms) != 1 {
		return decimal.Decimal{}, false
	}
	t := r.clauses[0].terms[0]
	if t.kind != adValorem || t.part != "" || t.neg || r.negBase || t.frac != nil {
		return decimal.Decimal{}, false
	}
	return t.pct, true
}

// Supported returns nil when Apply can compute the rate from a complete
// Basis, or an error matching ErrUnsupportedRate naming the first component
// that needs data an entry cannot hold.
func (r Rate) Supported() error {
	if r.condition != "" && len(r.clauses) > 0 {
		return &UnsupportedRateError{Component: r.condition}
	}
	for _, c := range r.clauses {
		for _, t := range c.terms {
			if t.kind == unsupported {
				return &UnsupportedRateError{Component: t.code}
			}
		}
	}
	return nil
}

// Units returns the units of the quantities the rate needs, in order of
// first use and without repeats (quantities of named parts included).
func (r Rate) Units() []Unit {
	var out []Unit
	for _, c := range r.clauses {
		for _, t := range c.terms {
			if (t.kind == specific || t.kind == sugar) && !containsUnit(out, t.unit) {
				out = append(out, t.unit)
			}
		}
	}
	return out
}

func containsUnit(us []Unit, u Unit) bool {
	for _, x := range us {
		if x == u {
			return true
		}
	}
	return false
}

// Parts returns the names of the parts the rate is charged on, in order of
// first use and without repeats: the keys Basis.Parts must hold.
func (r Rate) Parts() []string {
	var out []string
	for _, c := range r.clauses {
		for _, t := range c.terms {
			if t.part != "" && !containsString(out, t.part) {
				out = append(out, t.part)
			}
		}
	}
	return out
}

// Currencies returns the currencies of the rate's specific amounts, in
// order of first use and without repeats. An ad valorem rate has none.
func (r Rate) Currencies() []string {
	var out []string
	for _, c := range r.clauses {
		for _, t := range c.terms {
			if t.currency != "" && !containsString(out, t.currency) {
				out = append(out, t.currency)
			}
		}
	}
	return out
}

// NeedsPolarization reports whether the rate has a US sugar formula, so
// that Basis.Polarization must be set.
func (r Rate) NeedsPolarization() bool {
	for _, c := range r.clauses {
		for _, t := range c.terms {
			if t.kind == sugar {
				return true
			}
		}
	}
	return false
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Apply computes the duty the rate gives on b, exactly and unrounded, in
// the currency of b.Value (or, when b.Value has no currency, in the rate's
// own currency). MIN clauses are floors and MAX clauses caps, applied left
// to right; a formula whose result is below zero (a rate "less" an amount)
// gives zero, except for a "minus" rate on the base (see
// AdditionalOnBase), which gives the reduction as a negative amount. A
// negative value or quantity in the basis, or a zero quantity in a unit the
// rate charges on, is an *InvalidBasisError (ErrInvalidBasis): a duty is
// never clamped to zero to hide bad input. A missing quantity, part or
// polarization is a *MissingBasisError;
// a component that needs data an entry cannot hold is an
// *UnsupportedRateError (ErrUnsupportedRate); a specific amount in another
// currency than the basis without b.Exchange is a *CurrencyMismatchError.
func (r Rate) Apply(b Basis) (Money, error) {
	if err := r.Supported(); err != nil {
		return Money{}, err
	}
	if err := checkBasis(b, "", r); err != nil {
		return Money{}, err
	}
	cur := b.Value.Currency()
	if cur == "" {
		cs := r.Currencies()
		if len(cs) == 0 {
			if r.IsFree() {
				return Money{}, nil
			}
			return Money{}, &MissingBasisError{What: "value", Rate: r.String()}
		}
		if len(cs) > 1 {
			return Money{}, &CurrencyMismatchError{A: cs[0], B: cs[1]}
		}
		cur = cs[0]
	}
	var total decimal.Decimal
	for i, c := range r.clauses {
		v, err := r.sum(c.terms, b, cur)
		if err != nil {
			return Money{}, err
		}
		switch {
		case i == 0:
			total = v
		case c.op == opMin && v.Cmp(total) > 0:
			total = v
		case c.op == opMax && v.Cmp(total) < 0:
			total = v
		}
	}
	if total.IsNegative() {
		total = decimal.Zero
	}
	if r.negBase {
		total = total.Neg()
	}
	return NewMoney(total, cur)
}

func (r Rate) sum(ts []term, b Basis, cur string) (decimal.Decimal, error) {
	var s decimal.Decimal
	for i := range ts {
		v, err := ts[i].apply(b, cur, r)
		if err != nil {
			return decimal.Decimal{}, err
		}
		if ts[i].neg {
			s = subDec(s, v)
		} else {
			s = addDec(s, v)
		}
	}
	return s, nil
}

var hundred = decimal.New(1, 2)

func (t *term) apply(b Basis, cur string, r Rate) (decimal.Decimal, error) {
	if t.part != "" {
		pb, ok := lookupPart(b.Parts, t.part)
		if !ok {
			if t.optional {
				return decimal.Zero, nil
			}
			return decimal.Decimal{}, &MissingBasisError{What: "part", Part: t.part, Rate: r.String()}
		}
		if pb.Exchange == nil {
			pb.Exchange = b.Exchange
		}
		if !pb.Polarization.Valid {
			pb.Polarization = b.Polarization
		}
		b = pb
	}
	switch t.kind {
	case adValorem:
		if b.Value.Currency() == "" {
			return decimal.Decimal{}, &MissingBasisError{What: "value", Part: t.part, Rate: r.String()}
		}
		if b.Value.Currency() != cur {
			return decimal.Decimal{}, &CurrencyMismatchError{A: cur, B: b.Value.Currency()}
		}
		if t.frac != nil {
			// A vulgar fraction ("33 1/3%") has no exact decimal: the
			// quotient is carried to 28 decimals.
			return b.Value.Amount().Mul(t.pct.Mul(t.frac.den).Add(t.frac.num)).DivRound(t.frac.den.Mul(hundred), 28), nil
		}
		return mulDec(b.Value.Amount(), t.pct).Shift(-2), nil
	case specific, sugar:
		q, den, err := quantityIn(b.Quantities, t.unit)
		if err != nil {
			return decimal.Decimal{}, &MissingBasisError{What: "quantity", Unit: t.unit, Part: t.part, Rate: r.String()}
		}
		if q.IsZero() && !t.amount.IsZero() {
			// A zero weight or volume is missing data, not goods that
			// weigh nothing: charging zero would look like a real figure.
			return decimal.Decimal{}, &InvalidBasisError{What: "quantity", Unit: t.unit, Part: t.part, Value: "0", Rate: r.String()}
		}
		per := t.amount
		if t.kind == sugar {
			if !b.Polarization.Valid {
				return decimal.Decimal{}, &MissingBasisError{What: "polarization", Part: t.part, Rate: r.String()}
			}
			if d := t.sugar.under.Sub(b.Polarization.Decimal); d.IsPositive() {
				per = per.Sub(t.sugar.less.Mul(d))
			}
			if per.Cmp(t.sugar.floor) < 0 {
				per = t.sugar.floor
			}
		}
		if t.over.Valid {
			q = divide(q, den).Sub(t.over.Decimal)
			den = decimal.Decimal{}
			if q.IsNegative() {
				q = decimal.Zero
			}
		}
		amt := divide(per.Mul(q), den)
		if t.currency == cur {
			return amt, nil
		}
		m, err := NewMoney(amt, t.currency)
		if err != nil {
			return decimal.Decimal{}, err
		}
		if b.Exchange == nil {
			return decimal.Decimal{}, &CurrencyMismatchError{A: cur, B: t.currency}
		}
		c, err := b.Exchange(m, cur)
		if err != nil {
			return decimal.Decimal{}, err
		}
		if c.Currency() != cur {
			return decimal.Decimal{}, &CurrencyMismatchError{A: cur, B: c.Currency()}
		}
		return c.Amount(), nil
	}
	return decimal.Decimal{}, &UnsupportedRateError{Component: t.code}
}

// lookupPart finds a part by its canonical name, tolerating the spellings
// a caller may use ("the case", "Case").
func lookupPart(parts map[string]Basis, name string) (Basis, bool) {
	if p, ok := parts[name]; ok {
		return p, true
	}
	for k, p := range parts {
		if partName(k) == name {
			return p, true
		}
	}
	return Basis{}, false
}

// quantityIn returns the first quantity in unit u as num/den: num is the
// value times its unit's factor and den u's factor, so that callers can
// multiply before they divide and stay exact wherever the result is.
func quantityIn(qs []Quantity, u Unit) (num, den decimal.Decimal, err error) {
	for _, q := range qs {
		if q.Unit == u {
			return q.Value, decimal.Decimal{}, nil
		}
	}
	to, ok := unitTable[u]
	if !ok {
		return decimal.Decimal{}, decimal.Decimal{}, ErrMissingBasis
	}
	for _, q := range qs {
		if from, ok := unitTable[q.Unit]; ok && from.dim == to.dim {
			if r, ok := exactRatios()[[2]Unit{q.Unit, u}]; ok {
				return q.Value.Mul(r), decimal.Decimal{}, nil
			}
			return q.Value.Mul(from.factor), to.factor, nil
		}
	}
	return decimal.Decimal{}, decimal.Decimal{}, ErrMissingBasis
}

// divide returns n/d carried to 28 decimals; a zero d means 1.
func divide(n, d decimal.Decimal) decimal.Decimal {
	if d.IsZero() || d.Equal(one) {
		return n
	}
	return normalize(n.DivRound(d, 28))
}

var one = decimal.New(1, 0)

// exactRatios holds, for each pair of units of one dimension whose ratio
// is a terminating decimal (kg to 100 kg: 0.01), that ratio, so that Apply
// converts with one multiplication. Pairs such as items to dozens are
// absent and divide instead.
var exactRatios = sync.OnceValue(func() map[[2]Unit]decimal.Decimal {
	m := make(map[[2]Unit]decimal.Decimal)
	for fu, f := range unitTable {
		for tu, t := range unitTable {
			if f.dim != t.dim || fu == tu {
				continue
			}
			r := normalize(f.factor.DivRound(t.factor, 28))
			if r.Mul(t.factor).Equal(f.factor) {
				m[[2]Unit{fu, tu}] = r
			}
		}
	}
	return m
})

// String returns the canonical text; ParseRate(r.String()) gives a rate
// that applies identically. Specific amounts in USD keep the $ and ¢ of the
// US schedule; others print as "176.8 EUR/100kg"; units print as their
// canonical code.
func (r Rate) String() string {
	if r.text != "" {
		return r.text
	}
	return r.build()
}

// build writes the rate's text from its clauses.
func (r Rate) build() string {
	var sb strings.Builder
	if r.onBase && len(r.clauses) == 0 {
		return "The duty provided in the applicable subheading"
	}
	if r.onBase {
		sb.WriteString("The duty provided in the applicable subheading ")
		if r.negBase {
			sb.WriteString("- ")
		} else {
			sb.WriteString("+ ")
		}
	} else if len(r.clauses) == 0 {
		if r.condition != "" {
			return "Free, " + r.condition
		}
		return "Free"
	}
	for i, c := range r.clauses {
		switch c.op {
		case opMin:
			sb.WriteString(" MIN ")
		case opMax:
			sb.WriteString(" MAX ")
		}
		for j, t := range c.terms {
			if j > 0 || i > 0 || t.neg {
				if t.neg {
					if j > 0 {
						sb.WriteString(" ")
					}
					sb.WriteString("- ")
				} else if j > 0 {
					sb.WriteString(" + ")
				}
			}
			t.write(&sb)
		}
	}
	if r.condition != "" {
		sb.WriteString(", ")
		sb.WriteString(r.condition)
	}
	return sb.String()
}

func (t *term) write(sb *strings.Builder) {
	switch t.kind {
	case adValorem:
		sb.WriteString(t.pct.String())
		if t.frac != nil {
			sb.WriteString(" ")
			sb.WriteString(t.frac.num.String())
			sb.WriteString("/")
			sb.WriteString(t.frac.den.String())
		}
		sb.WriteString("%")
	case specific, sugar:
		writeAmount(sb, t.amount, t.currency, t.cents, t.dollar)
		sb.WriteString("/")
		sb.WriteString(string(t.unit))
		if t.kind == sugar {
			sb.WriteString(" less ")
			writeAmount(sb, t.sugar.less, t.currency, t.cents, t.dollar)
			sb.WriteString("/")
			sb.WriteString(string(t.unit))
			sb.WriteString(" for each degree under ")
			sb.WriteString(t.sugar.under.String())
			sb.WriteString(" degrees (and fractions of a degree in proportion) but not less than ")
			writeAmount(sb, t.sugar.floor, t.currency, t.cents, t.dollar)
			sb.WriteString("/")
			sb.WriteString(string(t.unit))
		}
		if t.over.Valid {
			sb.WriteString(" over ")
			sb.WriteString(t.over.Decimal.String())
		}
	case unsupported:
		sb.WriteString(t.code)
	}
	if t.part != "" {
		sb.WriteString(" on ")
		sb.WriteString(t.part)
		if t.optional {
			sb.WriteString(", if any")
		}
	}
}

func writeAmount(sb *strings.Builder, a decimal.Decimal, cur string, cents, dollar bool) {
	switch {
	case cur == "USD" && cents:
		sb.WriteString(a.Shift(2).String())
		sb.WriteString("¢")
	case cur == "USD" && dollar:
		sb.WriteString("$")
		sb.WriteString(a.String())
	default:
		sb.WriteString(a.String())
		sb.WriteString(" ")
		sb.WriteString(cur)
	}
}

// MarshalText encodes the rate as its canonical text, so that a Rate is a
// JSON string ("4.4¢/kg + 6%").
func (r Rate) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads any text ParseRate accepts ("$" and "¢" as USD; the
// canonical text names other currencies).
func (r *Rate) UnmarshalText(b []byte) error {
	v, err := ParseRate(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// RateSyntaxError reports rate text that cannot be read, with the byte
// position of the problem. It matches ErrInvalidRate with errors.Is.
type RateSyntaxError struct {
	Input string
	Pos   int
	Msg   string
}

// Error describes the problem with its input.
func (e *RateSyntaxError) Error() string {
	return fmt.Sprintf("duty: rate %q at position %d: %s", clip(e.Input), e.Pos, e.Msg)
}

// Is reports whether target is ErrInvalidRate.
func (e *RateSyntaxError) Is(target error) bool { return target == ErrInvalidRate }

// UnsupportedRateError reports a component that parses but that Apply
// cannot compute from an entry (EU agricultural components such as EA,
// entry-price conditions, composite units). It matches ErrUnsupportedRate.
type UnsupportedRateError struct {
	Component string
}

// Error describes the problem with its input.
func (e *UnsupportedRateError) Error() string {
	return fmt.Sprintf("duty: rate component %q needs data an entry does not hold", clip(e.Component))
}

// Is reports whether target is ErrUnsupportedRate.
func (e *UnsupportedRateError) Is(target error) bool { return target == ErrUnsupportedRate }

// MissingBasisError reports what Apply needed and the Basis did not give:
// What is "quantity" (with Unit, and Part when it is a part's quantity),
// "part" (the named part), "polarization" or "value". It matches
// ErrMissingBasis.
type MissingBasisError struct {
	What string
	Unit Unit
	Part string
	Rate string
}

// Error describes the problem with its input.
func (e *MissingBasisError) Error() string {
	var what string
	switch e.What {
	case "quantity":
		what = fmt.Sprintf("a quantity in %s (%s)", e.Unit, e.Unit.Name())
		if e.Part != "" {
			what += fmt.Sprintf(" of part %q", clip(e.Part))
		}
	case "part":
		what = fmt.Sprintf("part %q in Basis.Parts", clip(e.Part))
	case "polarization":
		what = "the polarization (Basis.Polarization)"
	default:
		what = "a customs value"
		if e.Part != "" {
			what = fmt.Sprintf("the value of part %q", clip(e.Part))
		}
	}
	return fmt.Sprintf("duty: rate %q needs %s", clip(e.Rate), what)
}

// Is reports whether target is ErrMissingBasis.
func (e *MissingBasisError) Is(target error) bool { return target == ErrMissingBasis }

// plainAdValorem returns the percentage of a rate that is a single ad
// valorem term on the value ("12%"), and whether it is one: Apply then
// gives value × pct ÷ 100 on a basis whose value is not negative and
// whose quantities and parts check (checkBasis), when that product has no
// positive exponent (an exact zero sum of one term).
func (r Rate) plainAdValorem() (decimal.Decimal, bool) {
	if len(r.clauses) != 1 || r.condition != "" || r.negBase || len(r.clauses[0].terms) != 1 {
		return decimal.Decimal{}, false
	}
	t := &r.clauses[0].terms[0]
	if t.kind != adValorem || t.neg || t.frac != nil || t.part != "" || t.pct.IsNegative() {
		return decimal.Decimal{}, false
	}
	return t.pct, true
}
