package hts

import (
	"slices"
	"sort"

	"github.com/iorkit/iorkit/duty"
)

// Program is a special-column programme indicator of the HTS (the codes in
// parentheses after a special rate, such as "S" in "Free (S,SG)") with the
// origin countries it covers and the days it is in force.
//
// Only programmes with Applied set produce preferential measures. The
// others either do not depend on origin (civil aircraft, pharmaceuticals,
// dyes, auto parts: they depend on the use or nature of the goods, which a
// schedule lookup cannot see) or their beneficiary list is not carried here;
// a caller who has the list can supply it with WithPrograms.
type Program struct {
	Code    string
	Name    string
	Origins []string  // ISO 3166-1 alpha-2
	From    duty.Date // first day in force; zero: open
	To      duty.Date // last day in force, inclusive; zero: open
	Applied bool
	Source  string
	Note    string
}

// d reads a date of the programme table below (constants, checked by the
// package's tests).
func d(s string) duty.Date { return duty.MustDate(s) }

const (
	srcGN   = "HTSUS General Notes (USITC, 2026 Revision 3)"
	srcGSP  = "GSP authorization expired 2020-12-31 and has not been renewed: CBP CSMS notice (SPI A, A+, A* lapse), https://www.internationaltradeinsights.com/2020/12/gsp-special-tariff-status-to-expire-at-end-of-2020/"
	srcAGOA = "AGOA extension signed 2026-02-03, through 2026-12-31, retroactive to 2025-09-30: https://allafrica.com/stories/202602040573.html"
	srcCBI  = "CBI/CBERA beneficiaries: https://www.trade.gov/cbtpa-trade-preference (17 countries)"
	srcCBTP = "CBTPA in effect until 2030-09-30, beneficiaries as of 2018-01-01: https://www.cbp.gov/trade/priority-issues/trade-agreements/special-trade-legislation/caribbean-basin-initiative/cbtpa"
	srcNP   = "Nepal Preference Program (TFTEA 2015 s.915) expired 2025-12-31: https://dev.trade.gov/otexa-nepal-trade-preference-program"
	srcATPA = "ATPA/ATPDEA expired 2013-07-31 (HTSUS General Note 11 of earlier editions)"
	srcCol2 = "HTSUS General Note 3(b) (Cuba, North Korea); Public Law 117-110, Suspending Normal Trade Relations with Russia and Belarus Act, 2022-04-08, column 2 from the day after enactment: https://www.congress.gov/117/plaws/publ110/PLAW-117publ110.htm"
)

var cbi = []string{"AG", "AW", "BS", "BB", "BZ", "VG", "CW", "DM", "GD", "GY", "HT", "JM", "MS", "KN", "LC", "VC", "TT"}

// defaultPrograms is the programme table, each entry with its source.
var defaultPrograms = []Program{
	{Code: "S", Name: "USMCA", Origins: []string{"CA", "MX"}, From: d("2020-07-01"), Applied: true, Source: srcGN + ", General Note 11"},
	{Code: "S+", Name: "USMCA", Origins: []string{"CA", "MX"}, From: d("2020-07-01"), Applied: true, Source: srcGN + ", General Note 11"},
	{Code: "P", Name: "CAFTA-DR", Origins: []string{"CR", "DO", "SV", "GT", "HN", "NI"}, Applied: true, Source: srcGN + ", General Note 29"},
	{Code: "P+", Name: "CAFTA-DR (+)", Note: "left out: the scope of the P+ indicator was not verified", Source: srcGN + ", General Note 29"},
	{Code: "AU", Name: "US-Australia FTA", Origins: []string{"AU"}, From: d("2005-01-01"), Applied: true, Source: srcGN + ", General Note 28"},
	{Code: "BH", Name: "US-Bahrain FTA", Origins: []string{"BH"}, From: d("2006-08-01"), Applied: true, Source: srcGN + ", General Note 30"},
	{Code: "CL", Name: "US-Chile FTA", Origins: []string{"CL"}, From: d("2004-01-01"), Applied: true, Source: srcGN + ", General Note 26"},
	{Code: "CO", Name: "US-Colombia TPA", Origins: []string{"CO"}, From: d("2012-05-15"), Applied: true, Source: srcGN + ", General Note 35"},
	{Code: "IL", Name: "US-Israel FTA", Origins: []string{"IL"}, Applied: true, Source: srcGN + ", General Note 8"},
	{Code: "JO", Name: "US-Jordan FTA", Origins: []string{"JO"}, Applied: true, Source: srcGN + ", General Note 18"},
	{Code: "KR", Name: "KORUS FTA", Origins: []string{"KR"}, From: d("2012-03-15"), Applied: true, Source: srcGN + ", General Note 33"},
	{Code: "MA", Name: "US-Morocco FTA", Origins: []string{"MA"}, From: d("2006-01-01"), Applied: true, Source: srcGN + ", General Note 27"},
	{Code: "OM", Name: "US-Oman FTA", Origins: []string{"OM"}, From: d("2009-01-01"), Applied: true, Source: srcGN + ", General Note 31"},
	{Code: "PA", Name: "US-Panama TPA", Origins: []string{"PA"}, From: d("2012-10-31"), Applied: true, Source: srcGN + ", General Note 34"},
	{Code: "PE", Name: "US-Peru TPA", Origins: []string{"PE"}, From: d("2009-02-01"), Applied: true, Source: srcGN + ", General Note 32"},
	{Code: "SG", Name: "US-Singapore FTA", Origins: []string{"SG"}, From: d("2004-01-01"), Applied: true, Source: srcGN + ", General Note 25"},
	{Code: "JP", Name: "US-Japan Trade Agreement", Origins: []string{"JP"}, From: d("2020-01-01"), Applied: true, Source: srcGN + ", General Note 36"},
	{Code: "E", Name: "CBERA", Origins: cbi, Applied: true, Source: srcGN + ", General Note 7; " + srcCBI},
	{Code: "E*", Name: "CBERA (some beneficiaries excluded)", Note: "left out: the excluded beneficiaries differ by line", Source: srcGN + ", General Note 7"},
	{Code: "R", Name: "CBTPA", Origins: []string{"BB", "BZ", "CW", "GY", "HT", "JM", "LC", "TT"}, From: d("2000-10-01"), To: d("2030-09-30"), Applied: true, Source: srcGN + ", General Note 17; " + srcCBTP},
	{Code: "NP", Name: "Nepal Preference Program", Origins: []string{"NP"}, To: d("2025-12-31"), Applied: true, Source: srcNP},
	{Code: "A", Name: "GSP", To: d("2020-12-31"), Note: "lapsed; beneficiary list not carried", Source: srcGSP},
	{Code: "A*", Name: "GSP (some beneficiaries excluded)", To: d("2020-12-31"), Note: "lapsed; beneficiary list not carried", Source: srcGSP},
	{Code: "A+", Name: "GSP (least-developed beneficiaries)", To: d("2020-12-31"), Note: "lapsed; beneficiary list not carried", Source: srcGSP},
	{Code: "D", Name: "AGOA", To: d("2026-12-31"), Note: "in force to 2026-12-31 after the 2026 extension; the beneficiary list (General Note 16) is not carried: supply it with WithPrograms", Source: srcAGOA},
	{Code: "J", Name: "ATPA", To: d("2013-07-31"), Note: "lapsed", Source: srcATPA},
	{Code: "J*", Name: "ATPA (some beneficiaries excluded)", To: d("2013-07-31"), Note: "lapsed", Source: srcATPA},
	{Code: "B", Name: "Automotive Products Trade Act", Note: "not origin-based alone: depends on use (original equipment)", Source: srcGN + ", General Note 5"},
	{Code: "C", Name: "Agreement on Trade in Civil Aircraft", Note: "not origin-based: depends on use (civil aircraft)", Source: srcGN + ", General Note 6"},
	{Code: "K", Name: "Agreement on Trade in Pharmaceutical Products", Note: "not origin-based: any origin for listed products", Source: srcGN + ", General Note 13"},
	{Code: "L", Name: "Uruguay Round concessions on intermediate chemicals for dyes", Note: "not origin-based: any origin for listed products", Source: srcGN + ", General Note 14"},
}

// Column2 returns the countries whose goods pay the column 2 rate instead
// of the general (column 1) rate, with the first day it applies. Each call
// returns a new slice the caller may modify.
func Column2() []Program { return clonePrograms(column2) }

var column2 = []Program{
	{Code: "CU", Name: "Cuba", Origins: []string{"CU"}, Applied: true, Source: srcCol2},
	{Code: "KP", Name: "North Korea", Origins: []string{"KP"}, Applied: true, Source: srcCol2},
	{Code: "RU", Name: "Russia", Origins: []string{"RU"}, From: d("2022-04-09"), Applied: true, Source: srcCol2},
	{Code: "BY", Name: "Belarus", Origins: []string{"BY"}, From: d("2022-04-09"), Applied: true, Source: srcCol2},
}

// Programs returns the built-in programme table sorted by code: every
// special-column indicator this package knows, with its origins, dates,
// whether it is applied, and its source.
func Programs() []Program {
	out := clonePrograms(defaultPrograms)
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// clonePrograms copies ps and their origin lists, so that callers never
// share the package's tables.
func clonePrograms(ps []Program) []Program {
	out := make([]Program, len(ps))
	for i, p := range ps {
		p.Origins = slices.Clone(p.Origins)
		out[i] = p
	}
	return out
}
