// Package fx reads official exchange rates and applies the rule each
// destination's customs uses to convert invoice amounts.
//
// # Data
//
// Two publications are embedded and exported readers read newer files of
// the same formats:
//
//   - The ECB euro foreign exchange reference rates: the ECB's own
//     eurofxref-hist.zip (daily, 1999-01-04 to 2026-04-13), embedded as
//     downloaded. ReadECBCSV reads eurofxref-hist.csv and the daily
//     eurofxref.csv; ReadECBXML reads eurofxref-daily.xml and the
//     eurofxref-hist*.xml files. (*ECB).Merge puts a newer file over the
//     history. Source: European Central Bank (ECB), euro foreign exchange
//     reference rates.
//   - HMRC's monthly exchange rates for customs and VAT, January 2025 to
//     August 2026 (one XML file a month, embedded gzip-compressed by go
//     generate). ReadHMRCXML reads one month; NewHMRC makes a series.
//     Crown copyright, Open Government Licence v3.0.
//
// EmbeddedECB and EmbeddedHMRC read the embedded data on first use.
//
// # Which rate a destination's customs uses
//
// Customs (Default over the embedded data, NewCustoms over data the
// caller read) is a duty.DestinationRates: the calculator asks it for the
// destination's rates once per entry.
//
//   - EU member states: the monthly rate of Commission Implementing
//     Regulation (EU) 2015/2447 Art. 146: the ECB rate published on the
//     penultimate Wednesday of the previous month (Article146Day), or the
//     last published before it when none was published that day, applied
//     for the whole month. For the currency of a member state outside the
//     euro area the regulation uses its national authority's rate, which
//     is not embedded: the ECB cross rate of the same day is used and its
//     source says so.
//   - GB: HMRC's rate of the month of the entry.
//   - Every other destination: the ECB reference rate of the entry date
//     (the last publication on or before it), crossed through EUR, its
//     source saying it is not that customs' own rate.
//
// # Sources, days and age
//
// Every rate is a duty.RateInfo: the rate, the day it is of (the ECB
// publication, the first day of HMRC's month), the days it applies to
// under its rule, and a source naming the publication and the figures
// published ("1 EUR = 1.15 USD"). The calculator records the source and
// the day in the assessment's fx. When the rule needs a day after the
// data ends, the last rate of the data applies and the RateInfo carries
// the caveat duty.FXRateAge, which becomes a FX_RATE_AGE warning (an error
// in strict mode). A currency the data does not hold, or a day before it,
// is a *duty.MissingRateError: no rate is assumed.
//
// # Exactness
//
// Published rates are exact decimals. A rate in the other direction (1 ÷
// 1.1684) or crossed through EUR or GBP rarely terminates: it is rounded
// half-up to Places (16) decimals, far below a cent on any invoice.
package fx
