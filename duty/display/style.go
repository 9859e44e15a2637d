package display

import "golang.org/x/text/language"

// symbolStyle is where a language puts the currency symbol.
type symbolStyle int

const (
	// symbolBefore: "€1,234.56" (CLDR "¤#,##0.00"), the default.
	symbolBefore symbolStyle = iota
	// symbolBeforeSpaced: "€ 1.234,56" (CLDR "¤ #,##0.00"), negative
	// "-€ 1.234,56".
	symbolBeforeSpaced
	// symbolBeforeSpacedSignInside: as symbolBeforeSpaced, but the minus sign
	// follows the symbol: "€ -1.234,56" (Dutch, CLDR "¤ #,##0.00;¤ -#,##0.00").
	symbolBeforeSpacedSignInside
	// symbolAfter: "1.234,56 €" (CLDR "#,##0.00 ¤").
	symbolAfter
)

// symbolAfterLangs put the symbol after the number, after a no-break space,
// in CLDR's standard currency pattern.
var symbolAfterLangs = map[string]bool{
	"be": true, "bg": true, "ca": true, "cs": true, "da": true, "de": true,
	"el": true, "es": true, "et": true, "eu": true, "fi": true, "fr": true,
	"gl": true, "hr": true, "hu": true, "is": true, "it": true, "lt": true,
	"lv": true, "mk": true, "nb": true, "nn": true, "no": true, "pl": true,
	"pt": true, "ro": true, "ru": true, "sk": true, "sl": true, "sq": true,
	"sr": true, "sv": true, "uk": true, "vi": true,
}

// regionStyles override the language's style in some regions.
var regionStyles = map[string]symbolStyle{
	"de-AT": symbolBeforeSpaced, "de-CH": symbolBeforeSpaced,
	"de-LI": symbolBeforeSpaced, "it-CH": symbolBeforeSpaced,
	"pt-BR": symbolBeforeSpaced,
	"es-MX": symbolBefore, "es-US": symbolBefore, "es-419": symbolBefore,
}

// styleFor is the documented rule for symbol position, which x/text does
// not expose. It follows CLDR's standard currency patterns for the languages
// listed; any other language puts the symbol first, as English does.
func styleFor(tag language.Tag) symbolStyle {
	base, _ := tag.Base()
	region, _ := tag.Region()
	if s, ok := regionStyles[base.String()+"-"+region.String()]; ok {
		return s
	}
	switch {
	case base.String() == "nl":
		return symbolBeforeSpacedSignInside
	case symbolAfterLangs[base.String()]:
		return symbolAfter
	}
	return symbolBefore
}
