// Package uktt reads the UK Online Trade Tariff (www.trade-tariff.service.gov.uk)
// commodity documents and serves them as a duty.Schedule.
//
// # Documents
//
// AddCommodity reads one commodity document: the API's
// /api/v2/commodities/{id} as the UK duty calculator flattens it, with a
// top-level goods_nomenclature_item_id and import_measures. ReadExchangeRates
// reads the tariff's monthly EUR→GBP rates (/api/v2/monetary_exchange_rates),
// and ReadAreas reads area groups (/api/v2/geographical_areas/{id}, such as
// 1013, the European Union). Errors are *DocumentError values naming the
// JSON path; nothing panics on any input.
//
// # Measures
//
//   - 103 Third country duty: the MFN measure.
//   - 142 Tariff preference: a preferential measure for a country or an area
//     group. The group is expanded to its members, less the excluded
//     countries. Its Program is the area id ("1013", "JP").
//   - 695 and 696 additional duties (retaliatory, safeguard), and the
//     anti-dumping and countervailing series (55x): additional measures. A
//     measure set for one additional code (an exporter named in an
//     anti-dumping regulation) applies only when MeasuresFor is given that
//     code.
//   - Quotas, suspensions, authorised use, VAT, excise and controls are not
//     duty measures of a plain lookup. Skipped lists them, and the reason
//     for each.
//
// A measure's effective_start_date and effective_end_date become its From
// and To, both inclusive: the tariff's end date is the last day the
// measure is in force, as every period in iorkit.
//
// A duty expression in EUR ("10.20 % + 93.10 EUR / 100 kg") is converted
// to GBP with the tariff's rate for each month. The measure is split by
// month and every piece's Source states the rate it used. Outside the
// months of the rates given, the amount stays in EUR: no rate is assumed.
//
// # Licence
//
// Tariff data from the UK Online Trade Tariff is Crown copyright. Reuse needs
// this attribution: "Contains public sector information licensed under the
// Open Government Licence v3.0."
package uktt
