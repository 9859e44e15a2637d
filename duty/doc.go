// Package duty computes customs values, duties, import taxes and fees exactly.
//
// It is the leaf of iorkit: money, quantities and units, duty-rate
// expressions as official schedules print them, tariff schedules, the
// customs and tax profiles of destination countries, exchange rates, and
// the Calculator that turns a customs entry into an assessment with a
// trace of every figure. It knows nothing of importers of record or rule
// packs (package ior composes them); it can be used alone to assess an
// Entry built by the caller.
//
// # Representation
//
// Money is an exact decimal (shopspring/decimal) in an ISO 4217 currency,
// "1234.56 EUR"; its JSON is {"amount": "1234.56", "currency": "EUR"} with
// the amount a string, and a numeric JSON amount is refused because it may
// already have been a float. Quantity is a decimal and a Unit ("20 kg",
// "3 dozen", "0.75 l"). Rate is a parsed duty-rate expression ("Free",
// "6.8%", "4.4¢/kg + 6%", "12.8 % + 176.8 EUR / 100 kg", MIN and MAX
// clauses); Rate.String is canonical and ParseRate reads it back. Date is a
// calendar day without time or zone. Measure is one duty line of a
// schedule (MFN, preferential or additional, with its origins, programme,
// dates and source), Profile one destination's rules for a period, Entry a
// customs declaration and Assessment its result. No binary floating point is
// used anywhere on a money path: amounts, rates and quantities come in as
// strings (ParseMoney, ParseDecimal, ParseRate, ParseQuantity) or as
// decimals.
//
// # Constraints
//
// Currencies are checked against an embedded ISO 4217 table
// (LookupCurrency) and countries against ISO 3166-1 alpha-2 (ValidCountry:
// "UK" and "EU" are not countries). Units are those official schedules
// charge on, in every spelling the US HTS, EU TARIC and UK tariff use
// (ParseUnit). HS codes are 6 to 10 digits in entries and 2 to 10 digits as
// schedule prefixes; dots and spaces are ignored. Values are immutable:
// every operation returns a new value, and the zero Money (no currency) is
// not an amount.
//
// # Conversions
//
// Quantities convert exactly within a dimension (mass, volume, count,
// length, area, alcohol, energy) and never across one
// (Quantity.Convert). Currencies convert through Rates, an interface the
// caller implements or fills with FixedRates ("USD/EUR" = how many EUR one
// USD buys). No rate is ever assumed and no inverse is derived: a missing
// pair is a *MissingRateError naming it. Convert does not round; the
// calculator rounds where the profile says.
//
// # Operations
//
// Money adds and subtracts only within one currency (Add, Sub, Sum, Cmp)
// and multiplies by decimals exactly (Mul). Allocate splits an amount over
// weights so that the parts always sum to the whole to the minor unit.
// Rate.Apply computes a duty on a Basis (value, quantities, named parts);
// Choose picks, among the measures a Schedule returns for a line, the MFN
// base, the best preference when it is claimed, and the additional layers
// with their stacking rules. Table is the in-memory Schedule, filled with
// Add or read from CSV by ReadTable (header
// hs,kind,rate,origins,program,from,to,source); packages duty/hts and
// duty/uktt serve the official US and UK tariffs as schedules.
//
// Calculator.Calculate assesses an Entry in this order, recording each step
// in the trace:
//
//  1. the profile of the destination in force on the entry's date;
//  2. valuation: line values, freight and insurance converted to the
//     destination's currency, freight and insurance allocated over the
//     lines, each line's customs value (CIF or FOB per the profile);
//  3. de minimis: each threshold compared with its value (goods, customs
//     value, CIF) and its conditions (B2C, mode, shipped from, the seller's
//     IOSS or VOEC registration), relieving duty or tax, replacing duty by
//     a flat amount, or moving tax to the point of sale;
//  4. duties, line by line, from the destination's schedule (its own, else
//     its union's) or the line's explicit measures;
//  5. fees (percent with minimum and maximum, such as the US MPF; fixed;
//     per mode, such as the HMF on ocean cargo);
//  6. taxes on their bases (customs value plus duty, freight and insurance
//     for FOB countries, uplifts, taxable fees, prior taxes), with regional
//     rates (Canadian HST) and reduced rates by HS prefix; thresholds on the
//     tax amount itself are applied after it;
//  7. totals: duty, tax (at the border and at the point of sale), fees.
//
// # Rounding
//
// Money.Round rounds to the currency's minor unit half away from zero
// (1.005 EUR → 1.01 EUR, 0.5 JPY → 1 JPY); RoundWith and RoundTo take a
// RoundingMode (HalfUp, HalfEven, Down, Up) and a number of places, which
// may be negative (Japan rounds its taxable value down to 1,000 yen).
// Rate.Apply and Convert never round. The calculator rounds each line's
// duty and each tax per the profile (default: the minor unit, half up),
// and the rounding of a tax base where the profile says so; totals are
// sums of rounded figures, and allocated amounts sum exactly to the whole.
// The package never touches shopspring/decimal's package-level settings.
//
// # Errors
//
// Failures are errors, never panics, and never a silent zero. Each failure
// a caller can act on has its own type carrying the input that caused it
// (*InvalidCurrencyError, *CurrencyMismatchError, *RateSyntaxError with the
// byte position, *MissingBasisError naming the unit, *TableError with row
// and column, *ProfileError with the JSON path and value of a profile
// document's bad field, *NameError for a name outside a closed set (a
// rounding mode, a measure kind), *EntryError for an entry without date or
// lines, *UnknownCodeError, *NoProfileError, *MissingRateError,
// *LineError with the line's index and code...), read with errors.As, and
// matches a sentinel with errors.Is (ErrInvalidCurrency,
// ErrCurrencyMismatch, ErrInvalidRate, ErrMissingBasis, ErrInvalidTable,
// ErrInvalidProfile, ErrUnknownName, ErrInvalidEntry, ErrUnknownCode, ErrNoProfile, ErrMissingRate,
// ErrLine...). Messages quote at most about 100 bytes of a bad input. A rate
// component that parses but cannot be computed from an entry (an EU
// agricultural component, an entry-price system) makes Apply return
// ErrUnsupportedRate; rate text that refers to another provision is a
// *RateReferenceError. Without the Partial call option, a line that cannot
// be assessed fails the whole entry; with it, the line is marked not
// calculable with the reason and the assessment is flagged incomplete.
// MustMoney, MustQuantity and MustDate are the panicking forms, for
// constants only.
//
// # Warnings
//
// An assessment carries Warnings for figures used beyond what the data
// asserts, each with a stable WarningCode (StaleData, ReferenceTariff,
// SampleTariff, FXRateAge, LayersNotLoaded, HSResolved, NotModelled...).
// Data says where it comes from: Measure.Caveat and Edition (a sample or
// an older edition), RateInfo from SourcedRates (an aged rate),
// review_after on profile figures (stale), Caveated schedules (known
// duties not loaded), LineLister schedules (short codes resolved by the
// ResolveHS strategy), the profile's NotModelled rules. The Strict call
// option makes Calculate return a *StrictError listing them instead.
//
// # Concurrency
//
// Money, Quantity, Rate and Date are values, safe to share. A Calculator
// never changes after NewCalculator and is safe for concurrent use; so are
// Profiles, which are read-only once built: NewProfiles keeps copies of the
// profiles it is given and For hands out copies, so no caller can change a
// set another one uses. A Table is safe for
// concurrent lookups once filled; Add must not run concurrently with
// anything else.
//
// # Embedded data
//
// DefaultProfiles returns the embedded country profiles (data/profiles):
// valuation basis, VAT/GST rates and bases, de minimis thresholds, fees and
// rounding of each destination, the EU as its 27 member states, every
// figure with its legal or official source and the date it is in force
// from; a date outside their periods is an error. SampleSchedules returns
// the embedded SAMPLE tariff (data/sample_tariff.csv): about thirty common
// e-commerce lines per area, each copied from the official schedule named
// in its source, for trying the library; every measure's Source starts
// with SampleLabel. The ISO 4217 and ISO 3166-1 tables are embedded with
// their sources (data/iso4217.csv, data/iso3166.txt).
package duty
