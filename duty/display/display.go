package display

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/iorkit/iorkit/duty"
)

// nbsp separates a currency symbol from the number, as CLDR's patterns do,
// so that a line is never broken between the two.
const nbsp = "\u00a0"

// Money formats m for the language tag: Money(duty.MustMoney("1234.56",
// "EUR"), language.German) is "1.234,56 €". It builds a Formatter on every
// call; build one with NewFormatter to format many amounts.
func Money(m duty.Money, tag language.Tag, opts ...Option) string {
	return NewFormatter(tag, opts...).Money(m)
}

// Option adjusts a Formatter.
type Option func(*Formatter)

// NarrowSymbols uses CLDR's narrow currency symbols ("$" rather than "US$",
// "¥" rather than "JPY" in French) where the language has them.
func NarrowSymbols() Option {
	return func(f *Formatter) { f.narrow = true }
}

// Formatter formats amounts in the conventions of one language. It learns
// those conventions from x/text once, in NewFormatter, and formats every
// amount without x/text afterwards, so that it is cheap to call and exact
// (see the package documentation). A Formatter is immutable and safe for
// concurrent use. A nil or zero Formatter formats in the root (English)
// conventions, as NewFormatter(language.Und) does.
type Formatter struct {
	tag    language.Tag
	narrow bool

	digits [10]string
	// group separates groups of the integer part; primary is the size of the
	// rightmost group and secondary of the others (3 and 2 in Hindi:
	// 12,34,567). primary 0 means no grouping.
	group              string
	primary, secondary int
	// minGroup is the number of integer digits from which grouping starts
	// beyond the primary group (1: 1,234; 2: 1234 but 12,345).
	minGroup          int
	decimal           string
	minusPre, minusSu string
	pctPre, pctSuf    string
	style             symbolStyle

	symbols sync.Map // ISO code → symbol
}

// NewFormatter builds the formatter of the language tag. A tag that x/text
// does not know (language.Und, "xx") falls back, as in x/text, to the
// root conventions, which are English ones: "€1,234.56".
func NewFormatter(tag language.Tag, opts ...Option) *Formatter {
	f := &Formatter{tag: tag}
	for _, o := range opts {
		o(f)
	}
	f.style = styleFor(tag)
	if !f.learn(message.NewPrinter(tag)) {
		f.plain()
	}
	return f
}

// plain sets the conventions of the root locale. It is used only if x/text
// answers in a shape learn does not understand.
func (f *Formatter) plain() {
	for i := range f.digits {
		f.digits[i] = string(rune('0' + i))
	}
	f.group, f.primary, f.secondary, f.minGroup = ",", 3, 3, 1
	f.decimal, f.minusPre, f.minusSu = ".", "-", ""
	f.pctPre, f.pctSuf = "", "%"
}

// learn reads the language's conventions off x/text by formatting fixed
// integers (never a float) and taking the output apart. It reports false if
// the output is not the shape expected.
func (f *Formatter) learn(p *message.Printer) bool {
	for i := range f.digits {
		f.digits[i] = p.Sprint(number.Decimal(i))
		if f.digits[i] == "" {
			return false
		}
	}
	// Grouping: 1234567890123 shows every separator and group size.
	toks := f.tokens(p.Sprint(number.Decimal(int64(1234567890123))))
	var runs []int
	for i, t := range toks {
		switch {
		case t.digit >= 0 && (i == 0 || toks[i-1].digit < 0):
			runs = append(runs, 1)
		case t.digit >= 0:
			runs[len(runs)-1]++
		case i > 0 && i < len(toks)-1 && f.group == "":
			f.group = t.text
		}
	}
	if digitsOf(toks) != "1234567890123" || len(runs) == 0 {
		return false
	}
	if len(runs) > 1 {
		f.primary = runs[len(runs)-1]
		f.secondary = runs[len(runs)-2]
		f.minGroup = 1
		if !strings.Contains(p.Sprint(number.Decimal(1234)), f.group) {
			f.minGroup = 2
		}
	}
	// Decimal separator and minus sign: -15 with one decimal is "-15.0".
	toks = f.tokens(p.Sprint(number.Decimal(-15, number.Scale(1))))
	if digitsOf(toks) != "150" {
		return false
	}
	var pre, mid, suf strings.Builder
	seen := 0
	for _, t := range toks {
		switch {
		case t.digit >= 0:
			seen++
		case seen == 0:
			pre.WriteString(t.text)
		case seen == 2:
			mid.WriteString(t.text)
		case seen == 3:
			suf.WriteString(t.text)
		}
	}
	f.minusPre, f.decimal, f.minusSu = pre.String(), mid.String(), suf.String()
	if f.decimal == "" {
		return false
	}
	// Percent sign and its position: 1 as a percentage is "100%".
	toks = f.tokens(p.Sprint(number.Percent(1)))
	if digitsOf(toks) != "100" {
		return false
	}
	pre.Reset()
	suf.Reset()
	seen = 0
	for _, t := range toks {
		switch {
		case t.digit >= 0:
			seen++
		case seen == 0:
			pre.WriteString(t.text)
		default:
			suf.WriteString(t.text)
		}
	}
	f.pctPre, f.pctSuf = pre.String(), suf.String()
	return true
}

// token is one digit (digit ≥ 0) or a run of anything else.
type token struct {
	digit int
	text  string
}

func (f *Formatter) tokens(s string) []token {
	var out []token
	for len(s) > 0 {
		d := -1
		for i, dg := range f.digits {
			if strings.HasPrefix(s, dg) {
				d = i
				break
			}
		}
		if d >= 0 {
			out = append(out, token{digit: d, text: f.digits[d]})
			s = s[len(f.digits[d]):]
			continue
		}
		_, n := utf8.DecodeRuneInString(s)
		if k := len(out); k > 0 && out[k-1].digit < 0 {
			out[k-1].text += s[:n]
		} else {
			out = append(out, token{digit: -1, text: s[:n]})
		}
		s = s[n:]
	}
	return out
}

func digitsOf(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		if t.digit >= 0 {
			b.WriteByte(byte('0' + t.digit))
		}
	}
	return b.String()
}

// Money formats m with its currency's symbol, in at least the currency's
// minor-unit digits and every further digit it carries: "1.234,56 €" in
// German, "€1,234.56" in English, "￥1,235" in Japanese. The zero Money,
// which has no currency, is "0".
func (f *Formatter) Money(m duty.Money) string {
	f = f.ready()
	if m.Currency() == "" {
		return f.Decimal(m.Amount())
	}
	places := m.MinorUnits()
	if e := -m.Amount().Exponent(); e > places {
		places = e
	}
	num := f.number(m.Amount(), places)
	sym := f.Symbol(m.Currency())
	neg := m.IsNegative()
	var b strings.Builder
	switch f.style {
	case symbolAfter:
		f.signed(&b, neg, num+nbsp+sym)
	case symbolBeforeSpaced:
		f.signed(&b, neg, sym+nbsp+num)
	case symbolBeforeSpacedSignInside:
		b.WriteString(sym + nbsp)
		f.signed(&b, neg, num)
	default:
		sep := ""
		if r, _ := utf8.DecodeLastRuneInString(sym); !unicode.IsSymbol(r) && !unicode.IsSpace(r) {
			sep = nbsp
		}
		f.signed(&b, neg, sym+sep+num)
	}
	return b.String()
}

// Decimal formats d with the language's digits and separators and every
// digit d carries ("1.50" stays "1,50" in German).
func (f *Formatter) Decimal(d decimal.Decimal) string {
	f = f.ready()
	var b strings.Builder
	f.signed(&b, d.IsNegative(), f.number(d, max(0, -d.Exponent())))
	return b.String()
}

// Percent formats d, a number of percent as iorkit keeps rates (19 for
// 19 %), with the language's percent sign: "19%" in English, "19 %" in
// German (with a no-break space). Every digit d carries is shown.
func (f *Formatter) Percent(d decimal.Decimal) string {
	f = f.ready()
	var b strings.Builder
	f.signed(&b, d.IsNegative(), f.pctPre+f.number(d, max(0, -d.Exponent()))+f.pctSuf)
	return b.String()
}

// Symbol returns the currency's symbol in the language (x/text's Symbol, or
// NarrowSymbol with the NarrowSymbols option), or the ISO code itself when
// x/text has no symbol for it or does not know the code.
func (f *Formatter) Symbol(code string) string {
	f = f.ready()
	if s, ok := f.symbols.Load(code); ok {
		return s.(string)
	}
	sym := code
	if u, err := currency.ParseISO(code); err == nil {
		form := currency.Symbol
		if f.narrow {
			form = currency.NarrowSymbol
		}
		if s := message.NewPrinter(f.tag).Sprint(form(u)); s != "" {
			sym = s
		}
	}
	f.symbols.Store(code, sym)
	return sym
}

// Tag returns the language tag the formatter was built for.
func (f *Formatter) Tag() language.Tag { return f.ready().tag }

// root is the formatter of the root conventions, built once, that a nil or
// zero Formatter formats with.
var root = sync.OnceValue(func() *Formatter { return NewFormatter(language.Und) })

// ready returns f, or the root formatter when f is nil or was not built by
// NewFormatter.
func (f *Formatter) ready() *Formatter {
	if f == nil || f.digits[0] == "" {
		return root()
	}
	return f
}

func (f *Formatter) signed(b *strings.Builder, neg bool, s string) {
	if neg {
		b.WriteString(f.minusPre)
	}
	b.WriteString(s)
	if neg {
		b.WriteString(f.minusSu)
	}
}

// number writes |d| with places decimals (places is never below the
// decimal's own, so nothing is rounded) in the language's digits, grouping
// and decimal separator.
func (f *Formatter) number(d decimal.Decimal, places int32) string {
	s := d.Abs().StringFixed(places)
	ip, fp, _ := strings.Cut(s, ".")
	var b strings.Builder
	n := len(ip)
	grouped := f.primary > 0 && n > f.primary && n-f.primary >= f.minGroup
	for i := 0; i < n; i++ {
		if grouped && i > 0 {
			// Digits still to write after this one, counted from the right.
			rest := n - i
			if rest == f.primary || rest > f.primary && (rest-f.primary)%f.secondary == 0 {
				b.WriteString(f.group)
			}
		}
		b.WriteString(f.digits[ip[i]-'0'])
	}
	if fp != "" {
		b.WriteString(f.decimal)
		for i := 0; i < len(fp); i++ {
			b.WriteString(f.digits[fp[i]-'0'])
		}
	}
	return b.String()
}
