// Package display formats money, decimals and percentages for people, in the
// conventions of a language: digits, grouping and decimal separators, the
// minus and percent signs, and currency symbols.
//
// # Where the conventions come from
//
// Everything locale-specific comes from golang.org/x/text, which carries
// CLDR data: separators, digits and signs from x/text/number and
// x/text/message, currency symbols from x/text/currency (Symbol, or
// NarrowSymbol with the NarrowSymbols option). The one thing x/text does not
// expose is where a language puts the currency symbol; for that the package
// keeps a small table taken from CLDR's standard currency patterns: the
// symbol follows the number after a no-break space for
// most European languages (de, fr, es, it, pl, sv, ru...: "1.234,56 €"),
// precedes it after a no-break space for nl, pt-BR and German in Austria and
// Switzerland ("€ 1.234,56"), and precedes it directly everywhere else,
// English included ("€1,234.56"). As CLDR asks, a symbol made of letters
// (an ISO code such as "JPY") is kept apart from the digits by a no-break
// space ("JPY 1,235").
//
// x/text's number data is CLDR 32 (2017). Newer CLDR releases changed a few
// locales (French grouping became U+202F NARROW NO-BREAK SPACE in CLDR 34;
// x/text still gives U+00A0 NO-BREAK SPACE): this package shows what x/text
// gives and keeps no corrections of its own. Its currency data is as old and
// does not know codes introduced since (VES, MRU, SLE, ZWG, VED, XCG): those
// show their ISO code.
//
// # Exactness
//
// No amount ever becomes a float. x/text formats numbers it receives as
// interface values, which for anything with a fraction means a binary
// floating-point value; so a
// Formatter asks x/text only for the conventions, once, by formatting a few
// fixed integers when it is built, and then writes every digit of the
// decimal itself. 12345678901234567.89 EUR prints as
// "12.345.678.901.234.567,89 €" in German, to the last cent.
//
// Display never rounds: an amount shows at least its currency's minor-unit
// digits (JPY 0, EUR 2, KWD 3) and every further digit it carries, like
// duty.Money.String. Round first (duty.Money.Round) for a rounded figure.
//
// # Use
//
// Build one Formatter per language with NewFormatter and reuse it: it is
// immutable and safe for concurrent use. Money is the one-off shorthand.
package display
