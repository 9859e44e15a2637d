// Package reftariff reads reference tariff editions: official schedules
// that are complete but older than the day quoted, used when no current
// schedule is loaded and always named as such.
//
// # The embedded editions
//
// The package embeds the UK Department for International Trade's "Check
// the future UK global tariff" download (global-uk-tariff.csv, archived
// 2021-01-27; Crown copyright, Open Government Licence v3.0), gzip-
// compressed and otherwise byte-identical (go generate rebuilds it; a test
// checks its SHA-256). The file holds two editions for its 11,830 lines:
//
//   - CET2020(): the EU Common Customs Tariff as in force in 2020 (CN 2020
//     nomenclature, column cet_duty_rate; amounts in EUR). EU returns it.
//   - UKGT2021(): the UK Global Tariff as legislated for 1 January 2021
//     (column ukgt_duty_rate; amounts in GBP). GB returns it.
//
// Each is read lazily, on first use, and shared: a Schedule is immutable.
//
// # Lookups
//
// A Schedule is a duty.Schedule with one MFN measure per line. A 10-digit
// code resolves to its own line when the file lists it (the file lists
// 10-digit lines for end-use and suspension subdivisions), else to its
// 8-digit line. A code that is not a line of the edition is a
// *duty.UnknownCodeError: a code of the HS 2022 nomenclature that the 2020
// or 2021 edition does not have (8517.13, smartphones, was 8517.12 before)
// is unknown, never mapped to a neighbour. A code shorter than the lines
// under it is unknown too; Lines lists the candidates.
//
// Every measure's Source starts with "REFERENCE" and the edition's name,
// its Caveat is duty.ReferenceTariff and its Edition the edition's name:
// a quote priced from it carries a REFERENCE_TARIFF warning naming the
// edition (an error in strict mode). The rate is the official rate of that
// edition, not necessarily today's.
//
// # Rates the grammar cannot read
//
// Every rate is parsed with duty.ParseRate. Seasonal rates such as
// "15.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15 JUN)" are read
// as seasons, each rate parsed by the grammar: a lookup takes the season
// of its day (its From and To are that season's days around it), and a day
// no season covers is a *duty.NoMeasureInForceError. A few lines (17 CET,
// 57 UKGT, all agricultural but two) have text outside the grammar:
// amounts per kg of lactic matter or per 100 kg net of sugar, a number
// without "%". Such a line stays known and its
// lookup returns a *RateTextError (ErrUnreadableRate); Unreadable lists
// them. Agricultural components (EA, ADSZ, entry prices) parse into
// components that duty.Rate.Apply refuses with duty.ErrUnsupportedRate.
//
// # A newer edition
//
// ReadCSV reads any file of the same format (a header naming commodity and
// the rate column) into a Schedule, with the Edition describing it, so a
// newer download drops in: ior.WithSchedule("EU", s) then uses it.
//
// # Switzerland
//
// Switzerland returns the rule Switzerland has applied since 2024-01-01:
// no import duty on industrial goods (chapters 25 to 97, except some
// agricultural products of chapters 35 and 38, which stay unknown codes
// here). Agricultural chapters 1 to 24 are unknown codes until a schedule
// is loaded.
package reftariff
