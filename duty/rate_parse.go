package duty

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// ParseOption changes how ParseRate reads a rate.
type ParseOption func(*parseConfig)

type parseConfig struct {
	currency string
}

// InCurrency sets the currency that "$" and "¢" stand for (USD by default),
// e.g. InCurrency("CAD") for the Canadian customs tariff.
func InCurrency(code string) ParseOption { return func(c *parseConfig) { c.currency = code } }

// maxTerms bounds the components of one rate (official rates have at
// most five), so that parsing and applying cost stays bounded. Bounding
// components rather than bytes keeps every canonical text parseable.
const maxTerms = 64

// maxUnitWords bounds how many words a unit spelling may take
// ("l alc. 100%" has three).
const maxUnitWords = 4

// invalidUTF8 returns the byte offset of the first invalid UTF-8 sequence.
func invalidUTF8(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n <= 1 {
				return i
			}
		}
	}
	return len(s)
}

// ParseRate reads a duty-rate expression as official schedules print it:
// the US HTS ("Free", "6.8%", "4.4¢/kg + 6%", "98¢ each", "$1.68/pf.
// liter", component bases such as "on the case", the sugar formulas), the
// EU TARIC export ("12.000 % MIN 2.000 EUR DTN MAX 3.000 EUR DTN", "+ EA"),
// the UK Online Trade Tariff ("35.10 GBP / 100 kg") and the Canadian
// customs tariff (with InCurrency("CAD")). The grammar is in docs/rates.md.
//
// Malformed text is a *RateSyntaxError (ErrInvalidRate) with the byte
// position of the problem. Text that refers to another provision instead
// of giving a rate ("See additional U.S. note 1", "The rate applicable to
// ...") is a *RateReferenceError (ErrRateReference), except the chapter 99
// form "The duty provided in the applicable subheading + 25%", which parses
// into a rate whose AdditionalOnBase is true.
func ParseRate(s string, opts ...ParseOption) (Rate, error) {
	cfg := parseConfig{currency: "USD"}
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if _, err := LookupCurrency(cfg.currency); err != nil {
		return Rate{}, err
	}
	if !utf8.ValidString(s) {
		return Rate{}, &RateSyntaxError{Input: s, Pos: invalidUTF8(s), Msg: "rate text is not valid UTF-8"}
	}
	p := rateParser{s: s, cur: cfg.currency}
	r, err := p.parse()
	if err == nil && len(r.clauses) > 0 {
		// A Rate never changes once parsed: its text is built once here
		// rather than on every charge and trace step that shows it.
		r.text = r.build()
	}
	return r, err
}

type rateParser struct {
	s     string
	i     int
	cur   string
	terms int
}

func (p *rateParser) fail(pos int, msg string) error {
	return &RateSyntaxError{Input: p.s, Pos: pos, Msg: msg}
}

func (p *rateParser) eof() bool { return p.i >= len(p.s) }

func (p *rateParser) skipSpace() {
	for p.i < len(p.s) {
		switch {
		case p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n' || p.s[p.i] == '\r':
			p.i++
		case strings.HasPrefix(p.s[p.i:], "\u00a0"):
			p.i += 2
		default:
			return
		}
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// wordAt returns the run of letters starting at j.
func wordAt(s string, j int) string {
	k := j
	for k < len(s) && isLetter(s[k]) {
		k++
	}
	return s[j:k]
}

// word consumes w (case-insensitive) when it stands as a whole word at the
// current position.
func (p *rateParser) word(w string) bool {
	if !strings.EqualFold(wordAt(p.s, p.i), w) {
		return false
	}
	p.i += len(w)
	return true
}

// phrase consumes the words of ph (separated by single spaces in ph),
// with any spacing between them in the input.
func (p *rateParser) phrase(ph string) bool {
	save := p.i
	for k := 0; k < len(ph); {
		e := strings.IndexByte(ph[k:], ' ')
		if e < 0 {
			e = len(ph)
		} else {
			e += k
		}
		w := ph[k:e]
		if k > 0 {
			p.skipSpace()
		}
		k = e + 1
		if !isLetter(w[0]) {
			if !strings.HasPrefix(p.s[p.i:], w) {
				p.i = save
				return false
			}
			p.i += len(w)
			continue
		}
		if !p.word(w) {
			p.i = save
			return false
		}
	}
	return true
}

func (p *rateParser) parse() (Rate, error) {
	p.skipSpace()
	if p.eof() {
		return Rate{}, p.fail(p.i, "empty rate")
	}
	if p.word("free") {
		p.skipSpace()
		if p.eof() {
			return Rate{}, nil
		}
		if p.s[p.i] == ',' {
			cond := normSpace(p.s[p.i+1:])
			if cond == "" {
				return Rate{}, p.fail(p.i+1, "expected a condition after \"Free,\"")
			}
			return Rate{condition: cond}, nil
		}
		return Rate{}, p.fail(p.i, "unexpected text after \"Free\" (special-column text is read by ParsePreferences)")
	}
	r := Rate{}
	if isLetter(p.s[p.i]) && !agriCodes[wordAt(p.s, p.i)] {
		if p.onBasePhrase() {
			r.onBase = true
			p.skipSpace()
			if p.endsHere() {
				// The base duty alone: no additional duty.
				return r, nil
			}
			switch {
			case p.phrase("+") || p.word("plus"):
			case p.phrase("-") || p.word("minus"):
				r.negBase = true
			default:
				return Rate{}, p.fail(p.i, "expected + or - after \"the duty provided in the applicable subheading\"")
			}
			p.skipSpace()
			p.phrase("a duty of")
		} else if ref := classifyReference(p.s[p.i:]); ref != nil {
			ref.Input = p.s
			return Rate{}, ref
		}
	}
	if err := p.expr(&r); err != nil {
		return Rate{}, err
	}
	return r, nil
}

// onBasePhrase consumes the chapter 99 opening "The duty provided in the
// applicable subheading" in its printed variants, and "No change".
func (p *rateParser) onBasePhrase() bool {
	if p.phrase("no change") {
		return true
	}
	save := p.i
	if !p.phrase("the duty") {
		return false
	}
	p.skipSpace()
	p.word("rate")
	p.skipSpace()
	if !p.phrase("provided in") && !p.phrase("provided for in") && !p.phrase("provided inthe") {
		p.i = save
		return false
	}
	p.skipSpace()
	p.word("the")
	p.skipSpace()
	if !(p.phrase("applicable subheading") || p.phrase("such subheading")) {
		p.i = save
		return false
	}
	return true
}

// endsHere reports whether only spaces and a final full stop remain, and
// consumes them.
func (p *rateParser) endsHere() bool {
	j := p.i
	if j < len(p.s) && p.s[j] == '.' {
		j++
	}
	for j < len(p.s) && (p.s[j] == ' ' || p.s[j] == '\t' || p.s[j] == '\n' || p.s[j] == '\r') {
		j++
	}
	if j == len(p.s) {
		p.i = j
		return true
	}
	return false
}

func (p *rateParser) expr(r *Rate) error {
	r.clauses = make([]clause, 0, 1)
	ts, err := p.sum()
	if err != nil {
		return err
	}
	r.clauses = append(r.clauses, clause{op: opBase, terms: ts})
	for {
		p.skipSpace()
		if p.endsHere() {
			return nil
		}
		at := p.i
		var op clauseOp
		switch {
		case p.word("MIN") || p.phrase("but not less than"):
			op = opMin
		case p.word("MAX") || p.phrase("but not more than"):
			op = opMax
		case p.word("or"):
			// "10% or 5¢/kg, whichever is greater": a MIN or MAX clause
			// whose sense comes after it.
			ts, err := p.sum()
			if err != nil {
				return err
			}
			if op, err = p.whichever(); err != nil {
				return err
			}
			r.clauses = append(r.clauses, clause{op: op, terms: ts})
			continue
		case p.s[p.i] == ',' && r.condition == "":
			// A trailing condition the entry cannot settle, such as "but if
			// consisting in part of a plate ... shall not exceed ...".
			cond := normSpace(p.s[p.i+1:])
			if !strings.HasPrefix(strings.ToLower(cond), "but ") {
				return p.fail(at, "expected +, -, MIN, MAX or the end of the rate")
			}
			r.condition = cond
			return nil
		default:
			return p.fail(at, "expected +, -, MIN, MAX or the end of the rate")
		}
		ts, err := p.sum()
		if err != nil {
			return err
		}
		r.clauses = append(r.clauses, clause{op: op, terms: ts})
	}
}

// whichever reads ", whichever is greater" (a floor: MIN) or ", whichever
// is less" (a cap: MAX) after an "or" clause.
func (p *rateParser) whichever() (clauseOp, error) {
	p.skipSpace()
	if !p.eof() && p.s[p.i] == ',' {
		p.i++
		p.skipSpace()
	}
	if !p.phrase("whichever is") {
		return 0, p.fail(p.i, "expected \", whichever is greater\" or \", whichever is less\" after an \"or\" clause")
	}
	p.skipSpace()
	p.word("the")
	p.skipSpace()
	for _, w := range [...]string{"greater", "greatest", "higher", "highest"} {
		if p.word(w) {
			return opMin, nil
		}
	}
	for _, w := range [...]string{"less", "lesser", "least", "lower", "lowest"} {
		if p.word(w) {
			return opMax, nil
		}
	}
	return 0, p.fail(p.i, "expected \"greater\" or \"less\"")
}

func (p *rateParser) sum() ([]term, error) {
	ts := make([]term, 0, 2)
	neg := false
	for {
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		t.neg = neg
		ts = append(ts, t)
		p.skipSpace()
		if p.eof() {
			return ts, nil
		}
		switch p.s[p.i] {
		case '+':
			neg = false
		case '-':
			neg = true
		default:
			return ts, nil
		}
		p.i++
	}
}

// agriCodes are the EU agricultural components of TARIC duty expressions
// (meursing table, sugar and flour additional duties, agricultural
// component) and the entry-price marker; their amount depends on data an
// entry does not hold.
var agriCodes = map[string]bool{
	"EA": true, "EAR": true, "ADSZ": true, "ADSZR": true, "ADFM": true, "ADFMR": true,
	"AC": true, "EPS": true,
}

func (p *rateParser) term() (term, error) {
	p.skipSpace()
	at := p.i
	if p.terms++; p.terms > maxTerms {
		return term{}, p.fail(at, "more than 64 rate components")
	}
	if p.eof() {
		return term{}, p.fail(at, "expected a rate component, got the end of the text")
	}
	c := p.s[p.i]
	switch {
	case c == '-':
		return term{}, p.fail(at, "a rate cannot be negative")
	case c == '+':
		return term{}, p.fail(at, "expected a rate component before +")
	case isLetter(c):
		w := wordAt(p.s, p.i)
		if agriCodes[w] {
			p.i += len(w)
			return term{kind: unsupported, code: w}, nil
		}
		if p.phrase("a duty of") {
			p.skipSpace()
			if p.eof() || !isDigit(p.s[p.i]) {
				return term{}, p.fail(p.i, "expected a rate after \"a duty of\"")
			}
			return p.term()
		}
		if p.phrase("entry price") {
			return term{kind: unsupported, code: "entry price"}, nil
		}
		if len(w) == 3 && p.i+4 < len(p.s) && p.s[p.i+3] == ' ' && isDigit(p.s[p.i+4]) {
			if _, err := LookupCurrency(w); err == nil {
				// "EUR 5.00 / 100 kg": the currency before the amount.
				break
			}
		}
		return term{}, p.fail(at, "expected a rate component, got \""+clip(w)+"\"")
	case isDigit(c):
		n, err := p.number()
		if err != nil {
			return term{}, err
		}
		p.skipSpace()
		num, den, hasFrac := p.fraction()
		if !p.eof() && p.s[p.i] == '%' || p.word("percent") {
			if !p.eof() && p.s[p.i] == '%' {
				p.i++
			}
			if !p.eof() && p.s[p.i] == '%' {
				return term{}, p.fail(p.i, "unexpected second %")
			}
			if why := implausible(n, true); why != "" {
				return term{}, p.fail(at, "percentage "+clip(n.String())+"% "+why)
			}
			t := term{kind: adValorem, pct: n}
			if hasFrac {
				t.frac = &fraction{num: num, den: den}
			}
			return t, p.base(&t)
		}
		if hasFrac {
			return term{}, p.fail(p.i, "a fraction is only allowed in a percentage (\"33 1/3%\")")
		}
		p.i = at
	}
	t := term{kind: specific}
	if err := p.money(&t.amount, &t.currency, &t.cents, &t.dollar); err != nil {
		return term{}, err
	}
	p.skipSpace()
	switch {
	case p.word("each"):
		t.unit = Item
	case p.phrase("for each"):
		t.unit = Item
		p.skipSpace()
		name, optional, err := p.partName()
		if err != nil {
			return term{}, err
		}
		t.part, t.optional = name, optional
		return t, nil
	case !p.eof() && p.s[p.i] == '/':
		p.i++
		p.skipSpace()
		fallthrough
	case !p.eof() && isLetter(p.s[p.i]):
		ru, err := p.unit()
		if err != nil {
			return term{}, err
		}
		if ru.composite {
			return term{kind: unsupported, code: normSpace(p.s[at:p.i])}, nil
		}
		t.unit, t.part = ru.unit, ru.part
	default:
		return term{}, p.fail(p.i, "expected a unit (\"/kg\", \"each\", \"DTN\") after the amount")
	}
	p.skipSpace()
	if p.word("over") {
		p.skipSpace()
		n, err := p.number()
		if err != nil {
			return term{}, err
		}
		t.over = decimal.NullDecimal{Decimal: n, Valid: true}
		p.skipSpace()
	}
	if p.word("less") {
		if err := p.sugar(&t); err != nil {
			return term{}, err
		}
	}
	if t.part == "" && !p.eof() && p.s[p.i] == '/' {
		// UK and EU qualifiers after the unit: "/ 100 kg / net drained wt".
		p.i++
		p.skipSpace()
		at := p.i
		name, _, err := p.partName()
		if err != nil {
			return term{}, err
		}
		q, ok := qualifierParts[name]
		if !ok {
			// An unknown qualifier is not a part to look up in the entry:
			// it may change what the amount is charged on.
			return term{}, p.fail(at, fmt.Sprintf("unknown unit qualifier %q after the unit (known: %s)", clip(p.s[at:p.i]), qualifierList()))
		}
		t.part = q
		return t, nil
	}
	if t.part != "" {
		return t, nil
	}
	if err := p.base(&t); err != nil {
		return term{}, err
	}
	if t.unit == Litre && t.part == "absolute ethyl alcohol" {
		// Canada: "per litre of absolute ethyl alcohol" is a litre of pure alcohol.
		t.unit, t.part = LitrePure, ""
	}
	return t, nil
}

// qualifierParts names the parts of the UK and EU unit qualifiers that
// follow a unit ("/ 100 kg / net drained wt"), as the UK Trade Tariff
// prints them; any other qualifier is a syntax error.
var qualifierParts = map[string]string{
	"net drained wt": "drained weight", "net drained weight": "drained weight", "drained weight": "drained weight",
	"lactic matter": "lactic matter", "gross": "gross", "net dry": "net dry", "std qual": "std qual",
	"tot alc": "tot alc", "dry lactic matter": "dry lactic matter", "net/% sacchar": "net/% sacchar", "net": "net", "net/ % sacchar": "net/ % sacchar",
}

func qualifierList() string {
	out := make([]string, 0, len(qualifierParts))
	for k := range qualifierParts {
		out = append(out, strconv.Quote(k))
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

// sugar reads the rest of a US sugar formula after "less".
func (p *rateParser) sugar(t *term) error {
	t.kind = sugar
	t.sugar = &sugarFormula{}
	var cur string
	var cents, dollar bool
	if err := p.money(&t.sugar.less, &cur, &cents, &dollar); err != nil {
		return err
	}
	if err := p.sameUnit(t, cur); err != nil {
		return err
	}
	p.skipSpace()
	if !p.phrase("for each degree under") {
		return p.fail(p.i, "expected \"for each degree under\" in a sugar formula")
	}
	p.skipSpace()
	n, err := p.number()
	if err != nil {
		return err
	}
	t.sugar.under = n
	p.skipSpace()
	if !p.word("degrees") {
		return p.fail(p.i, "expected \"degrees\"")
	}
	p.skipSpace()
	p.phrase("( and fractions of a degree in proportion )")
	p.skipSpace()
	if !p.phrase("but not less than") && !p.phrase("but not less") {
		return p.fail(p.i, "expected \"but not less than\" in a sugar formula")
	}
	p.skipSpace()
	if err := p.money(&t.sugar.floor, &cur, &cents, &dollar); err != nil {
		return err
	}
	return p.sameUnit(t, cur)
}

func (p *rateParser) sameUnit(t *term, cur string) error {
	at := p.i
	if cur != t.currency {
		return p.fail(at, "sugar formula amounts must share one currency")
	}
	p.skipSpace()
	if p.eof() || p.s[p.i] != '/' {
		return p.fail(p.i, "expected \"/\" and the unit")
	}
	p.i++
	p.skipSpace()
	upos := p.i
	ru, err := p.unit()
	if err != nil {
		return err
	}
	if ru.unit != t.unit || ru.part != "" || ru.composite {
		return p.fail(upos, "sugar formula amounts must share one unit")
	}
	return nil
}

// money reads "$1.5", "£20.50", "€3", "1.5¢", "35.10 GBP".
func (p *rateParser) money(amount *decimal.Decimal, cur *string, cents, dollar *bool) error {
	p.skipSpace()
	sym := ""
	for _, s := range [...]string{"$", "£", "€"} {
		if strings.HasPrefix(p.s[p.i:], s) {
			sym = s
			p.i += len(s)
			p.skipSpace()
			break
		}
	}
	if sym == "" && p.i+4 < len(p.s) && isLetter(p.s[p.i]) {
		if w := wordAt(p.s, p.i); len(w) == 3 && p.s[p.i+3] == ' ' {
			if _, err := LookupCurrency(w); err == nil {
				sym = w
				p.i += 3
				p.skipSpace()
			}
		}
	}
	if p.eof() || !isDigit(p.s[p.i]) {
		return p.fail(p.i, "expected a number")
	}
	n, err := p.number()
	if err != nil {
		return err
	}
	*cents, *dollar = false, false
	switch sym {
	case "":
	case "$":
		*amount, *cur, *dollar = n, p.cur, true
		return nil
	case "£":
		*amount, *cur = n, "GBP"
		return nil
	case "€":
		*amount, *cur = n, "EUR"
		return nil
	default:
		*amount, *cur = n, sym
		return nil
	}
	p.skipSpace()
	if strings.HasPrefix(p.s[p.i:], "¢") {
		p.i += len("¢")
		*amount, *cur, *cents = n.Shift(-2), p.cur, true
		return nil
	}
	w := wordAt(p.s, p.i)
	if len(w) == 3 && strings.ToUpper(w) == w {
		if _, err := LookupCurrency(w); err == nil {
			p.i += 3
			*amount, *cur = n, w
			return nil
		}
		return p.fail(p.i, "unknown currency \""+clip(w)+"\"")
	}
	return p.fail(p.i, "expected %, ¢ or a currency after the number")
}

// number reads digits with optional thousands separators ("1,554.300") and
// an optional fraction.
func (p *rateParser) number() (decimal.Decimal, error) {
	at := p.i
	j := p.i
	for j < len(p.s) && isDigit(p.s[j]) {
		j++
	}
	if j == at {
		return decimal.Decimal{}, p.fail(at, "expected a number")
	}
	commas := false
	for j-at <= 40 && j+3 < len(p.s) && p.s[j] == ',' && isDigit(p.s[j+1]) && isDigit(p.s[j+2]) && isDigit(p.s[j+3]) &&
		(j+4 == len(p.s) || !isDigit(p.s[j+4])) {
		commas = true
		j += 4
	}
	if j < len(p.s) && p.s[j] == '.' && j+1 < len(p.s) && isDigit(p.s[j+1]) {
		j++
		for j < len(p.s) && isDigit(p.s[j]) {
			j++
		}
	}
	if j-at > 40 {
		return decimal.Decimal{}, p.fail(at, "number longer than 40 characters")
	}
	text := p.s[at:j]
	if strings.IndexByte(text, '.') >= 0 {
		// "12.000" is 12: trailing zeros would only lengthen every result.
		text = strings.TrimRight(strings.TrimRight(text, "0"), ".")
	}
	if !commas && len(text) <= 18 {
		// Fast path: up to 18 digits fit an int64 exactly.
		var v int64
		var exp int32
		for k := 0; k < len(text); k++ {
			if text[k] == '.' {
				exp = -int32(len(text) - k - 1)
				continue
			}
			v = v*10 + int64(text[k]-'0')
		}
		p.i = j
		return decimal.New(v, exp), nil
	}
	if commas {
		text = strings.ReplaceAll(text, ",", "")
	}
	d, err := decimal.NewFromString(text)
	if err != nil {
		return decimal.Decimal{}, p.fail(at, "not a decimal number")
	}
	if why := implausible(d, false); why != "" {
		return decimal.Decimal{}, p.fail(at, "number "+why)
	}
	p.i = j
	return d, nil
}

// rateUnit is a unit as a rate states it: a canonical unit, optionally of
// a named part ("clean kg"), or a composite the entry cannot measure.
type rateUnit struct {
	unit      Unit
	part      string
	composite bool
}

// rateUnits are the unit spellings of rate text that ParseUnit does not
// read, because they name what is measured besides the unit.
var rateUnits = map[string]rateUnit{
	"1000":              {unit: Thousand},
	"1,000":             {unit: Thousand},
	"1000 pins":         {unit: Thousand, part: "pins"},
	"1,000 pins":        {unit: Thousand, part: "pins"},
	"jewel":             {unit: Item, part: "jewels"},
	"jewels":            {unit: Item, part: "jewels"},
	"article":           {unit: Item},
	"pack":              {unit: Item},
	"clean kg":          {unit: Kilogram, part: "clean weight"},
	"1000 kg/biodiesel": {unit: Tonne, part: "biodiesel"},
	"100 kg/biodiesel":  {unit: Quintal, part: "biodiesel"},
	"dtn e":             {unit: Quintal, part: "drained weight"},
	"kgm e":             {unit: Kilogram, part: "drained weight"},
	"dtn g":             {unit: Quintal, part: "gross weight"},
	"kgm g":             {unit: Kilogram, part: "gross weight"},
	"line/gross":        {composite: true},
}

func lookupRateUnit(words []string) (rateUnit, bool) {
	if len(words) == 1 && !strings.Contains(words[0], "- ") {
		// Fast path: most rates have a one-word unit ("kg", "DTN").
		// Lower ASCII into a stack buffer: map lookups with string(buf)
		// do not allocate.
		var buf [24]byte
		if w := words[0]; len(w) <= len(buf) {
			for i := 0; i < len(w); i++ {
				c := w[i]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[i] = c
			}
			if ru, ok := rateUnits[string(buf[:len(w)])]; ok {
				return ru, true
			}
			if u, ok := unitSpellings[string(buf[:len(w)])]; ok {
				return rateUnit{unit: u}, true
			}
		}
	}
	key := strings.ToLower(strings.Join(words, " "))
	key = strings.ReplaceAll(key, "/ ", "/")
	key = strings.ReplaceAll(key, " /", "/") // "% vol / hl"
	key = strings.ReplaceAll(key, "- ", "")
	if ru, ok := rateUnits[key]; ok {
		return ru, true
	}
	if u, err := ParseUnit(key); err == nil {
		return rateUnit{unit: u}, true
	}
	return rateUnit{}, false
}

var unitStopWords = map[string]bool{
	"on": true, "of": true, "over": true, "less": true, "min": true, "max": true,
	"but": true, "including": true, "for": true, "each": true,
}

// unit reads the longest run of words that spells a unit.
func (p *rateParser) unit() (rateUnit, error) {
	at := p.i
	end := p.i
	for end < len(p.s) {
		c := p.s[end]
		if c == '+' || c == '(' || c == ')' || c == ',' && !(end+1 < len(p.s) && isDigit(p.s[end+1])) {
			break
		}
		if c == '-' && end > at && p.s[end-1] == ' ' {
			break
		}
		if isLetter(c) && (end == at || p.s[end-1] == ' ') && unitStopWords[strings.ToLower(wordAt(p.s, end))] {
			break
		}
		end++
	}
	type span struct{ from, to int }
	var wordBuf [maxUnitWords]string
	var spanBuf [maxUnitWords]span
	words, spans := wordBuf[:0], spanBuf[:0]
	for j := at; j < end; {
		for j < end && (p.s[j] == ' ' || p.s[j] == '\t' || p.s[j] == '\n' || p.s[j] == '\r') {
			j++
		}
		k := j
		for k < end && !(p.s[k] == ' ' || p.s[k] == '\t' || p.s[k] == '\n' || p.s[k] == '\r') {
			k++
		}
		if k > j {
			words = append(words, p.s[j:k])
			spans = append(spans, span{j, k})
		}
		j = k
		if len(words) == maxUnitWords {
			break
		}
	}
	for n := len(words); n > 0; n-- {
		if ru, ok := lookupRateUnit(words[:n]); ok {
			p.i = spans[n-1].to
			return ru, nil
		}
	}
	if len(words) == 0 {
		return rateUnit{}, p.fail(at, "expected a unit")
	}
	// A missing space before "of" ("m2of recording surface").
	if w, ok := strings.CutSuffix(words[0], "of"); ok && w != "" {
		if ru, ok := lookupRateUnit([]string{w}); ok && !ru.composite {
			p.i = spans[0].from + len(w)
			return ru, nil
		}
	}
	return rateUnit{}, p.fail(at, "unknown unit \""+clip(strings.Join(words, " "))+"\"")
}

// base reads an optional "on <part>" or "of <part>" after a component.
func (p *rateParser) base(t *term) error {
	p.skipSpace()
	switch {
	case p.word("on"), p.word("of"), p.word("upon"):
	case p.phrase(", including weight of container"):
		t.part = "gross weight including container"
		return nil
	default:
		return nil
	}
	p.skipSpace()
	name, optional, err := p.partName()
	if err != nil {
		return err
	}
	t.part, t.optional = name, optional
	return nil
}

// partName reads a part name up to the next +, -, MIN, MAX, "but" or the
// end.
func (p *rateParser) partName() (string, bool, error) {
	at := p.i
	end := p.i
	for end < len(p.s) {
		c := p.s[end]
		if c == '+' || c == '-' && end > at && p.s[end-1] == ' ' {
			break
		}
		if isLetter(c) && (end == at || !isLetter(p.s[end-1])) {
			switch strings.ToLower(wordAt(p.s, end)) {
			case "min", "max", "but":
				goto done
			}
		}
		end++
	}
done:
	raw := strings.TrimRightFunc(p.s[at:end], func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '.' })
	end = at + len(raw)
	name := partName(raw)
	optional := false
	if n, ok := strings.CutSuffix(name, ", if any"); ok {
		name, optional = n, true
	}
	name = strings.TrimRight(name, ", ")
	if !strings.ContainsFunc(name, unicode.IsLetter) {
		// A part is named in words ("the case"): punctuation alone is not a
		// name, and String could not print it back.
		return "", false, p.fail(at, "expected the name of a part after \"on\"")
	}
	p.i = end
	return name, optional, nil
}

// partName gives the canonical name of a part: lower case, single spaces,
// without a leading "the" or "value of the" ("on the value of the lead
// content" and "on lead content" both name "lead content").
func partName(s string) string {
	n := asciiLower(normSpace(s))
	for again := true; again; {
		again = false
		for _, pre := range [...]string{"the value of the ", "the value of ", "value of the ", "value of ", "the "} {
			if r, ok := strings.CutPrefix(n, pre); ok {
				n, again = r, true
				break
			}
		}
	}
	return n
}

func normSpace(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// fraction reads the "1/3" of "33 1/3%": a proper fraction with a
// denominator of 2 to 1000.
func (p *rateParser) fraction() (decimal.Decimal, decimal.Decimal, bool) {
	save := p.i
	j := p.i
	for j < len(p.s) && isDigit(p.s[j]) && j-save < 4 {
		j++
	}
	if j == save || j >= len(p.s) || p.s[j] != '/' {
		return decimal.Decimal{}, decimal.Decimal{}, false
	}
	k := j + 1
	for k < len(p.s) && isDigit(p.s[k]) && k-j < 5 {
		k++
	}
	if k == j+1 {
		return decimal.Decimal{}, decimal.Decimal{}, false
	}
	num, err1 := decimal.NewFromString(p.s[save:j])
	den, err2 := decimal.NewFromString(p.s[j+1 : k])
	if err1 != nil || err2 != nil || den.Cmp(decimal.NewFromInt(2)) < 0 || den.Cmp(decimal.NewFromInt(1000)) > 0 ||
		!num.IsPositive() || num.Cmp(den) >= 0 {
		return decimal.Decimal{}, decimal.Decimal{}, false
	}
	p.i = k
	p.skipSpace()
	return num, den, true
}
