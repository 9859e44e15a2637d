// Package notariff reads the Norwegian customs tariff (Tolltariffen) as
// Tolletaten publishes it on data.toll.no: the English nomenclature
// (customstariffstructure.json, ReadNomenclature), the preferential rates
// by trade agreement (ratetradeagreements.json, ReadPreferences) and the
// countries' group memberships (medlemsland.json, ReadCountries), and
// combines them into a duty.Schedule (NewSchedule).
//
// # The ordinary duty is not in these files
//
// Norway's ordinary (MFN) duty is Tolletaten's tollavgiftssats dataset
// (country group TALL, "Toll fra alle land"), which iorkit does not carry.
// Without it every line is a *MFNNotLoadedError, which matches
// duty.ErrUnknownCode: iorkit never prices a Norwegian line it has no
// ordinary rate for. A caller loads the ordinary duty as any duty.Schedule
// (a duty.Table read with duty.ReadTable from a CSV made from tollavgiftssats,
// for example) and passes it to NewSchedule; the preferential rates of the
// agreements covering the origin are then added, and duty.Choose claims
// the lowest.
//
// iorkit's engine has no default Norwegian schedule: with no MFN data, an
// embedded nomenclature could only say "unknown" in more words.
//
// # Agreements and origins
//
// ratetradeagreements.json names agreements (EU, EEA, EFTA, GB, GSP,
// GSP+, GSP-LDC, SACU, GCC, and country codes for bilateral agreements);
// AgreementGroups() maps each to the country group of medlemsland.json whose
// members it covers, on the days of their membership. A value of type
// "pr.kg" is NOK per kg; "%" is ad valorem; FREE is duty-free; NA (no
// preference) is left out. Numbers are read from the JSON text as
// decimals.
//
// # Licence
//
// Tolletaten publishes these datasets under Creative Commons Attribution
// 4.0: "Source: Tolletaten (Norwegian Customs), data.toll.no, CC BY 4.0"
// (Attribution).
package notariff
