package reftariff

import (
	"github.com/iorkit/iorkit/duty"
)

// SwissIndustrialSource is the legal source of the Swiss rule.
const SwissIndustrialSource = "Swiss Customs Tariff Act (Zolltarifgesetz, SR 632.10) as amended on 1 October 2021 (BBl 2021 2330), " +
	"in force from 2024-01-01 by the Federal Council's decision of 2 February 2022: no import duty on industrial goods, " +
	"chapters 25 to 97 except some agricultural products of chapters 35 and 38 " +
	"(FOCBS, https://www.bazg.admin.ch/bazg/en/home/topics/aufhebung_industriezoelle.html)"

// SwissIndustrialFrom returns the day Switzerland abolished its
// industrial tariffs (a function, so that no caller can change it).
func SwissIndustrialFrom() duty.Date { return swissIndustrialFrom }

var swissIndustrialFrom = duty.MustDate("2024-01-01")

// Switzerland returns the Swiss schedule as far as a rule decides it: goods
// of chapters 25 to 97 enter free of customs duty from 2024-01-01 (one MFN
// measure "Free" for every origin). Chapters 35 and 38, where some
// products count as agricultural and keep their duties, and the
// agricultural chapters 1 to 24 are unknown codes: their rates are not
// embedded. A day before 2024-01-01 is a *duty.NoMeasureInForceError for
// the industrial chapters, whose earlier duties are not embedded either.
func Switzerland() duty.Schedule { return swissRule{} }

type swissRule struct{}

// Measures implements duty.Schedule.
func (swissRule) Measures(hs, origin string, on duty.Date) ([]duty.Measure, error) {
	code, err := duty.NormalizeHS(hs)
	if err != nil {
		return nil, err
	}
	if len(code) < 4 {
		return nil, &duty.InvalidCodeError{HS: hs, Msg: "2 digits: want 4 to 10"}
	}
	ch := int(code[0]-'0')*10 + int(code[1]-'0')
	if ch < 25 || ch > 97 || ch == 35 || ch == 38 {
		return nil, &duty.UnknownCodeError{HS: hs}
	}
	if on.Before(swissIndustrialFrom) {
		return nil, &duty.NoMeasureInForceError{HS: hs, Date: on}
	}
	return []duty.Measure{{
		Kind: duty.MFN, Rate: free, HS: code[:2], From: swissIndustrialFrom,
		Program: "", Source: SwissIndustrialSource,
	}}, nil
}

var free = mustRate("Free")

func mustRate(s string) duty.Rate {
	r, err := duty.ParseRate(s)
	if err != nil {
		panic(err)
	}
	return r
}
