// Package hts reads the Harmonized Tariff Schedule of the United States as
// the USITC exports it (hts.usitc.gov, "Export" as CSV or JSON) and serves
// it as a duty.Schedule.
//
// # Reading
//
// ReadCSV reads the full-schedule CSV (UTF-8 with a byte-order mark, a JSON
// array inside the unit column); ReadJSON reads the JSON export (with its
// footnotes and USITC's misspelled addiitionalDuties key). Both keep every
// row as a Line and build the measures once, at load: the full 2026
// schedule loads in well under a second. Errors are *FormatError values
// naming the row and field; nothing panics on any input.
//
// # Measures
//
//   - General column: the MFN measure. A rate set on an 8-digit line applies
//     to its 10-digit statistical lines.
//   - Special column: one preferential measure per programme code whose
//     origins are known (see Programs: USMCA, CAFTA-DR, the bilateral FTAs,
//     the US-Japan agreement, CBERA, CBTPA, Nepal). Lapsed programmes (GSP
//     since 2020-12-31, ATPA, Nepal since 2025-12-31) carry their expiry
//     and are not applied after it. Programmes that depend on use rather
//     than origin (B, C, K, L), or whose beneficiary list is not carried
//     (AGOA), are not applied; WithPrograms supplies them.
//   - Column 2: an MFN measure for the countries of Column2() (Cuba, North
//     Korea, and Russia and Belarus since 2022-04-09), which duty.Choose
//     prefers over the general rate for those origins.
//   - Chapter 99: kept as text. Its headings say what they add but not,
//     machine-readably, which goods they cover; they apply only through
//     layer data (AddLayers).
//
// Every measure's Source names the revision (Source option) and, for
// programmes, the legal basis and its status.
//
// # Lookups
//
// Measures accepts 4 to 10 digits. A 10-digit code must exist; a code above
// the tariff lines resolves when all its lines share the same rates and is
// an *AmbiguousCodeError otherwise. The calculator resolves such codes
// itself through LinesUnder (duty.LineLister), flagged HS_RESOLVED, with
// the strategy of the call. A rate the duty parser cannot read is a
// *RateTextError on lookup, never a silent zero.
//
// # Memory
//
// A Schedule keeps each distinct text and rate once, one small record per
// row and per rate line, and builds a line's measures when it is looked
// up: the full 2026 schedule retains about 6 MB and loads in about 0.1 to
// 0.3 s. Descriptions are kept only with KeepDescriptions (Lines, Line and
// Diff then carry them).
//
// # Layer gaps
//
// AddLayerGaps reads the additional duties known to exist whose product
// lists the layer data does not carry (LayerGap); Caveats
// (duty.Caveated) turns each gap that concerns a lookup into a
// LAYERS_NOT_LOADED warning. Package htsdata embeds the 2026 Revision 3
// export with its layers and gaps as the default US schedule of package
// ior.
//
// # Revisions
//
// Diff lists the lines added, removed and changed between two exports.
package hts
