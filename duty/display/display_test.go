package display

import (
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/iorkit/iorkit/duty"
)

// Expected strings are written by hand from CLDR's conventions as x/text
// carries them. \u00a0 is NO-BREAK SPACE, which CLDR puts between an
// amount and its symbol and which x/text uses as French, Polish and Swedish
// grouping (CLDR 32; CLDR 34 moved French to U+202F, x/text has not).
func TestMoney(t *testing.T) {
	tests := []struct {
		lang, amount, cur, want string
	}{
		{"de", "1234.56", "EUR", "1.234,56\u00a0€"},
		{"en", "1234.56", "EUR", "€1,234.56"},
		{"en-US", "1234.56", "USD", "$1,234.56"},
		{"fr", "1234.56", "EUR", "1\u00a0234,56\u00a0€"},
		{"ja", "1235", "JPY", "￥1,235"},
		{"en", "1235", "JPY", "¥1,235"},
		{"de", "-1234.56", "EUR", "-1.234,56\u00a0€"},
		{"en", "-1234.56", "EUR", "-€1,234.56"},
		{"sv", "-1234.56", "EUR", "−1\u00a0234,56\u00a0€"}, // U+2212 MINUS SIGN
		{"nl", "-1234.56", "EUR", "€\u00a0-1.234,56"},
		{"pt-BR", "1234.56", "BRL", "R$\u00a01.234,56"},
		{"de-CH", "1234.56", "CHF", "CHF\u00a01’234.56"},
		{"de", "0", "EUR", "0,00\u00a0€"},
		{"en", "0", "JPY", "¥0"},
		{"en", "0.5", "EUR", "€0.50"},
		// KWD has three minor digits; x/text has no English symbol for it,
		// and a symbol of letters keeps a space from the digits.
		{"en", "1.5", "KWD", "KWD\u00a01.500"},
		{"de", "1.5", "KWD", "1,500\u00a0KWD"},
		// More digits than the minor unit are shown, never rounded away.
		{"en", "0.125", "EUR", "€0.125"},
		{"en", "1234.5", "JPY", "¥1,234.5"},
		// Codes newer than x/text's data show their ISO code.
		{"en", "1000", "VES", "VES\u00a01,000.00"},
		{"de", "1000", "ZWG", "1.000,00\u00a0ZWG"},
		// Exact beyond float64's 15-17 significant digits.
		{"de", "12345678901234567.89", "EUR", "12.345.678.901.234.567,89\u00a0€"},
		{"en", "12345678901234567.89", "EUR", "€12,345,678,901,234,567.89"},
		{"en", "-98765432109876543210.01", "USD", "-$98,765,432,109,876,543,210.01"},
		// Indian grouping: 3 then 2.
		{"en-IN", "12345678.9", "INR", "₹1,23,45,678.90"},
		// Native digits.
		{"ar", "1234.5", "EUR", "€١٬٢٣٤٫٥٠"},
	}
	for _, tt := range tests {
		m := duty.MustMoney(tt.amount, tt.cur)
		assert.Equal(t, tt.want, Money(m, language.MustParse(tt.lang)), "%s %s", tt.lang, m)
	}
}

// An unknown language falls back to the root (English) conventions.
func TestUnknownTag(t *testing.T) {
	tag, err := language.Parse("xx")
	assert.Error(t, err)
	m := duty.MustMoney("1234.56", "EUR")
	assert.Equal(t, "€1,234.56", Money(m, tag))
	assert.Equal(t, "€1,234.56", Money(m, language.Und))
}

func TestZeroMoney(t *testing.T) {
	assert.Equal(t, "0", NewFormatter(language.German).Money(duty.Money{}))
}

func TestNarrowSymbols(t *testing.T) {
	m := duty.MustMoney("1235", "JPY")
	assert.Equal(t, "1\u00a0235\u00a0JPY", Money(m, language.French))
	assert.Equal(t, "1\u00a0235\u00a0¥", Money(m, language.French, NarrowSymbols()))
	assert.Equal(t, "CA$1.00", Money(duty.MustMoney("1", "CAD"), language.English))
	assert.Equal(t, "$1.00", Money(duty.MustMoney("1", "CAD"), language.English, NarrowSymbols()))
}

func TestDecimalAndPercent(t *testing.T) {
	de, en := NewFormatter(language.German), NewFormatter(language.English)
	d := decimal.RequireFromString
	assert.Equal(t, "1.234.567,50", de.Decimal(d("1234567.50")))
	assert.Equal(t, "1,234,567.50", en.Decimal(d("1234567.50")))
	assert.Equal(t, "-0,85", de.Decimal(d("-0.85")))
	assert.Equal(t, "0", de.Decimal(decimal.Zero))
	assert.Equal(t, "19\u00a0%", de.Percent(d("19")))
	assert.Equal(t, "19%", en.Percent(d("19")))
	assert.Equal(t, "-2,5\u00a0%", de.Percent(d("-2.5")))
	assert.Equal(t, "0.3464%", en.Percent(d("0.3464")))
	assert.Equal(t, "1,000%", en.Percent(d("1000")))
}

// The conventions a Formatter learns reproduce x/text's own formatting of
// every integer x/text can take exactly.
func TestAgreesWithXText(t *testing.T) {
	ints := []int64{0, 7, 12, 123, 1234, 12345, 123456, 1234567, 99999999, 100000000, -1, -1234, -1234567,
		9223372036854775807, -9223372036854775807}
	for _, s := range []string{"en", "de", "fr", "es", "pl", "sv", "nb", "de-CH", "en-IN", "hi", "bn", "mr", "ar", "fa", "ja", "zh", "ru", "pt-PT", "he", "my", "und"} {
		tag := language.MustParse(s)
		f := NewFormatter(tag)
		p := message.NewPrinter(tag)
		for _, i := range ints {
			assert.Equal(t, p.Sprint(number.Decimal(i)), f.Decimal(decimal.NewFromInt(i)), "%s %d", s, i)
		}
		assert.Equal(t, p.Sprint(number.Decimal(-1234, number.Scale(2))), f.Decimal(decimal.New(-123400, -2)), s)
		assert.Equal(t, p.Sprint(number.Percent(19)), f.Percent(decimal.NewFromInt(1900)), s)
	}
}

func TestConcurrent(t *testing.T) {
	f := NewFormatter(language.German)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				assert.Equal(t, "1,00\u00a0$", f.Money(duty.MustMoney("1", "USD")))
			}
		})
	}
	wg.Wait()
}

func BenchmarkFormatterMoney(b *testing.B) {
	f := NewFormatter(language.German)
	m := duty.MustMoney("1234567.89", "EUR")
	for b.Loop() {
		_ = f.Money(m)
	}
}
