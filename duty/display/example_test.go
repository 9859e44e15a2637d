package display_test

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/display"
)

// show makes no-break spaces visible in the output below.
func show(s string) string { return strings.ReplaceAll(s, "\u00a0", "⍽") }

func ExampleMoney() {
	m := duty.MustMoney("1234.56", "EUR")
	fmt.Println(display.Money(m, language.English))
	fmt.Println(show(display.Money(m, language.German)))
	fmt.Println(show(display.Money(m, language.French)))
	// Output:
	// €1,234.56
	// 1.234,56⍽€
	// 1⍽234,56⍽€
}

func ExampleNewFormatter() {
	ja := display.NewFormatter(language.Japanese)
	fmt.Println(ja.Money(duty.MustMoney("1235", "JPY")))
	fmt.Println(ja.Money(duty.MustMoney("-0.5", "USD")))
	fmt.Println(show(ja.Money(duty.MustMoney("2.125", "KWD"))))
	// Output:
	// ￥1,235
	// -$0.50
	// KWD⍽2.125
}

// Amounts print exactly, whatever their size.
func ExampleFormatter_Money_exact() {
	de := display.NewFormatter(language.German)
	fmt.Println(show(de.Money(duty.MustMoney("12345678901234567.89", "EUR"))))
	// Output:
	// 12.345.678.901.234.567,89⍽€
}

func ExampleFormatter_Percent() {
	d := decimal.RequireFromString("19")
	fmt.Println(display.NewFormatter(language.English).Percent(d))
	fmt.Println(show(display.NewFormatter(language.German).Percent(d)))
	// Output:
	// 19%
	// 19⍽%
}

func ExampleFormatter_Decimal() {
	d := decimal.RequireFromString("1234.50")
	fmt.Println(display.NewFormatter(language.English).Decimal(d))
	fmt.Println(display.NewFormatter(language.German).Decimal(d))
	fmt.Println(display.NewFormatter(language.MustParse("en-IN")).Decimal(decimal.RequireFromString("12345678")))
	// Output:
	// 1,234.50
	// 1.234,50
	// 1,23,45,678
}

// A code x/text's 2017 data does not know keeps its ISO code.
func ExampleFormatter_Symbol() {
	en := display.NewFormatter(language.English)
	fmt.Println(en.Symbol("USD"), en.Symbol("GBP"), en.Symbol("VES"))
	// Output:
	// $ £ VES
}
