// Package ior decides who should act as importer of record for an
// international shipment and what it costs to land it.
//
// It is the package most programs import. It holds the shipment model, the
// eleven Incoterms 2020 rules, the importer-of-record decision and the
// Engine that composes the country rule packs of package rules with the
// customs calculator of package duty into one answer, in-process, exactly
// (decimal, never float) and with an explanation for every figure.
//
// # Data flow
//
// One call to Engine.Quote runs, in order:
//
//  1. Shipment.Validate: every field is checked and every problem reported
//     at once, with its path (lines[2].hs).
//  2. The rule packs of the destination (and of its union, "EU") are
//     evaluated for the shipment, each line and each candidate importer:
//     their findings are the registrations, representatives, licences,
//     certifications, documents and prohibitions that apply (Finding).
//  3. The Decision: the candidates (seller, its affiliates, IOR providers,
//     buyer, consignee) in the order the Incoterm prefers, the first one
//     that is willing and that no blocking finding rules out, the actions
//     it still needs, and why each other candidate was or was not chosen.
//     A destination no pack covers gets its importer from the Incoterm,
//     said so in the quote's notes.
//  4. A duty.Entry in the destination's terms: lines, values, quantities,
//     freight, insurance, whether the buyer is a consumer, the seller's
//     registrations (IOSS, VOEC...) that point-of-sale regimes need.
//  5. A duty.Assessment from the duty.Calculator: valuation (CIF or FOB),
//     exchange, de minimis, duties, fees, taxes, totals and a trace.
//  6. The Quote: the assessment with the importer, the split between the
//     payers under the Incoterm (Payer), an IOR provider's fee when a
//     provider imports, tax recoverable by a VAT-registered importer, and
//     an id that hashes the inputs and the data versions.
//
// Engine.Decide stops after step 3. Engine.Plan runs Decide and Quote for
// the same goods and seller in several destinations and reports, for each,
// whether the seller's side can import (sell DDP) and what it needs; one
// destination that cannot be quoted does not stop the others.
//
// # Calls: context and per-call options
//
// The three entry points take a context first and per-call options last:
//
//	Decide(ctx context.Context, s Shipment, opts ...CallOption) (Decision, error)
//	Quote(ctx context.Context, s Shipment, opts ...CallOption) (Quote, error)
//	Plan(ctx context.Context, s Shipment, destinations []string, opts ...CallOption) ([]MarketPlan, error)
//
// The context reaches rule evaluation, the per-line work of the calculator
// and the per-destination loop of Plan: once it is cancelled or past its
// deadline, the call returns within one line's work with an error that
// wraps ctx.Err() (errors.Is(err, context.Canceled) or
// context.DeadlineExceeded). The package never makes a context of its own.
//
// For a checkout, Price and PriceList (a duty-inclusive selling price:
// Price(ctx, req PriceRequest, opts...)) take the context and call options
// the same way, and View(s, q, currency, opts ...ViewOption) turns a quote
// into what the shopper sees (goods, shipping, duty, tax, pay now and on
// delivery, parts adding up), converting with the quote's and the
// engine's exchange rates; it takes no context
// (docs/checkout.md).
//
// A CallOption is a choice made per request (Partial: quote what can be
// quoted; Strict: refuse an estimate; ResolveHS: how a short HS code
// resolves); an Option given to NewEngine configures the data, once for
// every call. The same engine answers complete and partial quotes.
//
// # Warnings and strict mode
//
// A quote carries Warnings (duty.Warning: a stable code, a message, the
// line and the figure it concerns) for every figure used beyond what its
// data asserts: a sample or reference tariff, a figure past its review
// date, an aged exchange rate, additional duties known but not loaded, a
// resolved short code, a rule not modelled (docs/data.md lists the codes).
// A quote without warnings is one iorkit stands behind. Strict (per call)
// and WithStrict (per engine) turn a quote with warnings into a
// *duty.StrictError listing them. WithProfile overlays one country's
// profiles, to bring newer figures (the next US MPF fiscal year) without
// replacing the set.
//
// # Representation
//
// Shipments and quotes are plain structs with JSON tags in snake_case; the
// command-line tool, the examples and services built on iorkit speak that
// JSON. Amounts are duty.Money and quantities duty.Quantity, which read and
// write their numbers as JSON strings, so that no float ever carries an
// amount. Dates are duty.Date (a calendar day, "2026-03-01"); countries are
// ISO 3166-1 alpha-2 codes and regions ISO 3166-2 codes ("CA-ON").
// Quote.AppendJSON, Decision.AppendJSON and MarketPlan.AppendJSON write
// the bytes json.Marshal gives several times faster, in one buffer (the
// HTTP handler uses them); json.Marshal stays correct.
//
// A quote is in the destination's currency (Quote.Currency); every line,
// the freight and the insurance of a shipment are in one currency
// (Shipment.Currency), and totals are converted back to it when a rate for
// that direction was given (TotalsInShipmentCurrency).
//
// # Collected at the border or at the sale
//
// Every charge says where it is collected (duty.Collection). Tax due at
// the border is paid by the side that imports: the seller under DDP, the
// buyer under the other rules, or the other side when the decision makes
// it the importer (the quote notes it). Tax that a low-value regime moves to the
// point of sale (EU IOSS, UK VAT on consignments of GBP 135 or less,
// Australian and New Zealand GST on goods up to 1,000, Norwegian VOEC,
// Singapore's overseas vendor registration) is
// still in the totals, labelled duty.AtSale: the seller or its marketplace
// charges it to the shopper in the price and remits it
// (Payers.Seller.AtSale). A checkout shows it either way; it is never
// silently dropped.
//
// # Configuration
//
// NewEngine works on the embedded defaults: the country profiles of
// duty.DefaultProfiles, the sample tariff of duty.SampleSchedules, the
// reference editions of the EU and GB tariffs (duty/reftariff: the 2020
// CET and the 2021 UK Global Tariff, every line, flagged
// REFERENCE_TARIFF) over the sample, the Swiss industrial-goods rule, the
// customs exchange rates of duty/fx (for EU members the monthly rate of
// Regulation (EU) 2015/2447 Art. 146 from ECB data, for GB HMRC's monthly
// rate, elsewhere the ECB rate of the day; each named with its source and
// day in the quote's fx) and the rule packs of rules.DefaultPacks. The
// tariffs and rates are read on the first quote that needs them. Options
// replace or add data: WithSchedule (a full tariff for a country or for
// the EU, from duty.ReadTable, duty/hts, duty/uktt, duty/reftariff or
// duty/notariff), WithRates (exchange rates; none is ever assumed),
// WithProfiles, WithPacks (a company's own rules), WithoutDefaultPacks,
// WithoutSampleTariff, WithoutReferenceTariffs, WithoutDefaultRates and
// WithDataVersion (a label for loaded data, which enters quote ids).
// Rule packs are type-checked when the engine is built, so a bad
// expression fails at start-up, not at the first shipment.
//
// # Concurrency
//
// An Engine never changes after NewEngine: build it once and share it
// between goroutines: Decide, Quote, Plan, Price, PriceList and View are
// safe for concurrent use.
// Data handed to an option
// (a *duty.Table, an *hts.Schedule, a duty.FixedRates map) must not be
// modified afterwards.
//
// # Determinism
//
// The same shipment on the same data gives the same quote, byte for byte,
// and the same Quote.ID. The package reads no clock, no network, no
// environment and no file: the date of a shipment selects the data in
// force, and a date outside the validity of any data is an error.
//
// # Errors
//
// Nothing is guessed and nothing is a silent zero. A shipment that does
// not validate is a *ValidationError listing every *FieldError; it matches
// ErrInvalidShipment with errors.Is and, through its problems, each
// problem's sentinel (ErrInvalidHS, ErrInvalidIncoterm, ErrMixedCurrency,
// duty.ErrInvalidCountry...), and errors.As reads the path and the value.
// What the data cannot answer is an error of package duty that names the
// line and the missing thing: duty.ErrNoSchedule (no tariff for the
// destination), duty.ErrUnknownCode (a code the tariff does not hold),
// duty.ErrMissingRate (an exchange rate not given), duty.ErrNoProfile (a
// destination or date no profile covers), duty.ErrUnsupportedRate (a rate
// component an entry cannot supply). A failure of one line names the line
// (a tariff failure is a *duty.LineError, duty.ErrLine, with its index and
// code), and errors.Is sees through the wrapping. With the Partial call
// option such
// lines are marked not calculable with the reason, their charges are left
// out of the totals and the quote is flagged Incomplete instead. A rule
// that fails at run time is a *rules.EvalError (rules.ErrRuleFailed)
// naming the pack and rule. Plan reports the failure of one destination in
// MarketPlan.Err, an error like any other; ErrorCodeOf gives its stable
// code (no_profile, missing_rate, unknown_code...) and Classify its class,
// which is what the JSON form {"code", "class", "message"} carries. Error
// messages quote at most about 100 bytes of a bad input.
//
// # Embedded data
//
// DataVersion names the embedded data set: it is derived from a manifest
// of every embedded data file with its SHA-256 and edition (DataManifest;
// `iorkit version --files` prints it). A quote's id hashes everything that
// can change a figure: the shipment, DataVersion, the content of the
// caller's tables, profiles and packs (their duty.Fingerprinter hash,
// taken once when the engine is built; a Schedule or Rates that is not a
// Fingerprinter enters by name only, so label it with WithDataVersion),
// the exchange rates the quote applied, and the per-call choices that
// change figures (Partial, ResolveHS). The
// country profiles (valuation, VAT/GST, de minimis thresholds, fees,
// rounding) and the rule packs carry the legal or official source and the
// effective date of every figure and rule. The US is priced from the full
// HTS 2026 Revision 3 (package duty/hts/htsdata), read once per process on
// the first US quote; build with the tag iorkit_nohtsdata to leave it out
// of the binary, or use WithoutEmbeddedHTS. The sample tariff holds about
// thirty common e-commerce lines per area (US, EU, GB, JP, AU), each copied
// from the official schedule named in its source: it is for trying the
// library, not for real quotes; load full schedules with WithSchedule.
// docs/data.md says where each data set comes from and how to refresh it.
package ior
