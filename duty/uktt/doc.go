// Package uktt reads the UK Online Trade Tariff (www.trade-tariff.service.gov.uk)
// and serves it as a duty.Schedule: the UK service for Great Britain
// (amounts in GBP) and the XI service, which publishes the EU's measures as
// Northern Ireland applies them (amounts in EUR).
//
// # Documents
//
// AddCommodity reads one commodity document: the API's own response to
// /api/v2/commodities/{code} (JSON:API, data and included: measures,
// measure types, duty expressions, geographical areas and their members,
// additional codes, conditions, order numbers and quota definitions), or
// the flattened form of the UK duty calculator. ReadAreas reads area
// groups (/api/v2/geographical_areas/{id}, such as 1013, the European
// Union). ReadMonthlyRates reads HMRC's monthly customs exchange rates
// (/api/v2/exchange_rates/{year}-{month}) as a duty.Rates for GB quotes;
// ReadExchangeRates reads the tariff's EUR to GBP rates for EUR amounts in
// duty expressions. Every reader stops at a size limit (MaxDocumentSize)
// and its errors are *DocumentError values naming the JSON path; nothing
// panics on any input.
//
// # Measures
//
//   - 103 Third country duty: the MFN measure. One for an area other than
//     erga omnes (1080, the Channel Islands) applies to that area's
//     countries and duty.Choose prefers it.
//   - 142 Tariff preference and 106 Customs Union Duty: preferential
//     measures for a country or an area group, expanded to its members less
//     the excluded countries. Program is the area id ("1013", "JP"). A
//     preference granted only with a document the quote cannot check (its
//     conditions say "measure not applicable" otherwise) is a Note, not a
//     measure.
//   - 695 and 696 additional duties (retaliatory, safeguard) and the
//     anti-dumping and countervailing series (55x to 57x, series D):
//     additional measures.
//   - Measures set per additional code (two third-country duties for
//     2924297099; anti-dumping duties per exporter) apply for the goods'
//     codes (WithAdditionalCodes, MeasuresFor). Without one, the highest
//     rate is used and flagged ADDITIONAL_CODE with every code and rate
//     (an error in strict mode); rates that cannot be compared without
//     the goods' value, or RequireAdditionalCodes, make it an
//     *AdditionalCodeError: the schedule never picks one silently.
//   - Tariff quotas (122, 123, 143, 146...), suspensions and end-use reliefs
//     (105, 112, 115, 117, 119, 145) are reported by Notes with their rate,
//     order number and conditions, never applied: they need an allocation,
//     an authorisation or goods described only in footnotes. The measures
//     a lookup returns carry them (Caveat TARIFF_QUOTA or
//     MEASURE_CONDITION, Note), so a quote shows them as warnings; so do
//     the conditions of a measure in use (a document that waives it).
//   - VAT, excise and controls are not duty measures; Skipped lists them.
//
// A measure's effective_start_date and effective_end_date become its From
// and To, both inclusive: the tariff's end date is the last day the
// measure is in force, as every period in iorkit.
//
// Every measure's Source names the service, the day the document was
// fetched (AsOf), the commodity, the measure id, its type, area and legal
// act.
//
// # Currencies
//
// A UK measure with an amount in EUR is stored once and converted to GBP at
// lookup, with the tariff's rate for the month looked up
// (WithExchangeRates); the Source states the rate. Outside the months of
// the rates given the amount stays in EUR: no rate is assumed.
//
// # Licence
//
// Tariff data from the UK Online Trade Tariff is Crown copyright. Reuse needs
// this attribution: "Contains public sector information licensed under the
// Open Government Licence v3.0."
package uktt
