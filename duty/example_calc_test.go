package duty_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
)

// Calculate an entry into the US on a tariff of one's own. By hand: the US
// values goods FOB, so freight is left out and the customs value is 40 ×
// 25.00 = 1,000.00 USD; duty 16.5% × 1,000.00 = 165.00; the entry is at most
// USD 2,500, so the informal-entry merchandise processing fee applies, USD
// 2.69 in fiscal year 2026; no de minimis (suspended since 2025-08-29); no
// federal import tax. Total 165.00 + 2.69 = 167.69.
func ExampleCalculator_Calculate() {
	t := duty.NewTable()
	if err := t.Add("6109.10", duty.Measure{
		Kind: duty.MFN, Rate: mustRate("16.5%"), Source: "USITC HTS 2026 Rev. 3, 6109.10.00 (General)",
	}); err != nil {
		fmt.Println(err)
		return
	}
	calc, err := duty.NewCalculator(duty.WithSchedule("US", t))
	if err != nil {
		fmt.Println(err)
		return
	}
	a, err := calc.Calculate(context.Background(), duty.Entry{
		Destination: "US", Date: duty.MustDate("2026-03-01"), Mode: "courier", ShippedFrom: "VN",
		Lines: []duty.EntryLine{{
			HS: "6109.10.00", Origin: "VN", Description: "Cotton T-shirts",
			Value:      duty.MustMoney("1000.00", "USD"),
			Quantities: []duty.Quantity{{Value: decimal.NewFromInt(40), Unit: duty.Item}},
		}},
		Freight: duty.MustMoney("60.00", "USD"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("customs value:", a.CustomsValue, a.Valuation)
	for _, l := range a.Lines {
		for _, d := range l.Duties {
			fmt.Println(d.Code, d.Rate, "on", d.Base, "=", d.Amount)
		}
	}
	for _, f := range a.Fees {
		fmt.Println(f.Code, "=", f.Amount)
	}
	fmt.Println("duty", a.Totals.Duty, "tax", a.Totals.Tax, "fees", a.Totals.Fees, "total", a.Totals.Total)

	// A code the schedule does not hold is an error naming the line, never
	// a zero duty.
	_, err = calc.Calculate(context.Background(), duty.Entry{
		Destination: "US", Date: duty.MustDate("2026-03-01"), Mode: "courier",
		Lines: []duty.EntryLine{{HS: "6110.20", Origin: "VN", Value: duty.MustMoney("10.00", "USD")}},
	})
	fmt.Println(errors.Is(err, duty.ErrUnknownCode), errors.Is(err, duty.ErrLine))
	// Output:
	// customs value: 1000.00 USD FOB
	// MFN 16.5% on 1000.00 USD = 165.00 USD
	// MPF_INFORMAL = 2.69 USD
	// duty 165.00 USD tax 0.00 USD fees 2.69 USD total 167.69 USD
	// true true
}

func mustRate(s string) duty.Rate {
	r, err := duty.ParseRate(s)
	if err != nil {
		panic(err)
	}
	return r
}

// The profile in force on a day. The EU's duty relief for consignments up
// to EUR 150 ends on 2026-06-30; from 2026-07-01 a flat EUR 3 per
// subheading applies to B2C consignments of that size.
func ExampleProfiles_For() {
	ps, err := duty.DefaultProfiles()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, day := range []string{"2026-03-01", "2026-07-01"} {
		p, err := ps.For("DE", duty.MustDate(day))
		if err != nil {
			fmt.Println(err)
			return
		}
		var codes []string
		for _, th := range p.DeMinimis {
			d := duty.MustDate(day)
			if !d.Before(th.From) && (th.To.IsZero() || !d.After(th.To)) {
				codes = append(codes, th.Code)
			}
		}
		fmt.Println(day, p.Country, p.Union, p.Currency, p.Valuation, p.Taxes[0].Code, p.Taxes[0].Rate.String()+"%", strings.Join(codes, " "))
	}

	// No profile in force on the day (BR's data starts on 2024-08-01): an
	// error, never a guess.
	_, err = ps.For("BR", duty.MustDate("2024-07-31"))
	fmt.Println(errors.Is(err, duty.ErrNoProfile))
	// Output:
	// 2026-03-01 DE EU EUR CIF VAT 19% EU_DUTY_RELIEF_150 EU_GIFT_45 EU_IOSS
	// 2026-07-01 DE EU EUR CIF VAT 19% EU_FLAT_DUTY_3 EU_GIFT_45 EU_IOSS
	// true
}

// The embedded profiles: one per destination (the EU as its 27 member
// states), each figure with its source.
func ExampleDefaultProfiles() {
	ps, err := duty.DefaultProfiles()
	if err != nil {
		fmt.Println(err)
		return
	}
	cs := ps.Countries()
	fmt.Println(len(cs), "countries, from", cs[0], "to", cs[len(cs)-1])
	p, err := ps.For("GB", duty.MustDate("2026-03-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, th := range p.DeMinimis {
		fmt.Println(th.Code, th.Applies, th.Outcome, "at or under", th.Amount, "of", th.Compare)
	}
	// Output:
	// 66 countries, from AE to ZA
	// GB_135_DUTY duty relief at or under 135.00 GBP of goods
	// GB_135_VAT tax point_of_sale at or under 135.00 GBP of goods
	// GB_135_REVERSE_CHARGE tax reverse_charge at or under 135.00 GBP of goods
	// GB_GIFT_39 duty_and_tax relief at or under 39.00 GBP of goods
	// GB_GIFT_FLAT_630 duty flat_rate at or under 630.00 GBP of goods
}
