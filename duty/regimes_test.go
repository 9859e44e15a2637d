package duty_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// lnq is ln with a count of items.
func lnq(t *testing.T, hs, origin, value, cur, rate, items string) duty.EntryLine {
	t.Helper()
	l := ln(t, hs, origin, value, cur, rate)
	q, err := duty.ParseQuantity(items + " item")
	require.NoError(t, err)
	l.Quantities = []duty.Quantity{q}
	return l
}

// GB: the GBP 135 arrangements do not include alcohol, tobacco products,
// perfume or toilet waters; charges are payable at import
// (nibusinessinfo.co.uk, Calculating customs charges when importing by post).
func TestGBExciseGoodsNotCoveredBy135(t *testing.T) {
	c := calculator(t)
	a := run(t, c, duty.Entry{Destination: "GB", Date: duty.MustDate("2026-11-25"), Mode: "post", Consumer: true,
		Lines: []duty.EntryLine{
			ln(t, "610910", "CN", "50", "GBP", "12%"),  // T-shirt
			ln(t, "330300", "FR", "40", "GBP", "6.5%"), // eau de toilette
		}})
	// Goods 90 <= 135: the T-shirt has no duty and VAT 20% of 50 = 10.00 at
	// the sale; the perfume pays duty 6.5% of 40 = 2.60 and VAT 20% of
	// 42.60 = 8.52 at the border.
	eqm(t, "0", a.Lines[0].Duty, "T-shirt duty")
	eqm(t, "2.60", a.Lines[1].Duty, "perfume duty")
	eqm(t, "10.00", a.Totals.TaxAtSale, "T-shirt VAT at sale")
	eqm(t, "8.52", a.Totals.TaxAtBorder, "perfume VAT at import")
	assert.Equal(t, duty.AtBorder, taxOf(t, a, 1, "VAT").Collection)
	o := outcome(t, a, "GB_135_DUTY")
	assert.True(t, o.Met)
	require.Len(t, o.Excluded, 1)
	assert.Equal(t, 1, o.Excluded[0].Line)
	assert.Contains(t, o.Excluded[0].Reason, "perfume")
}

// AU: no duty or border GST at or below AUD 1,000 except on tobacco and
// alcoholic beverages (ABF); NZ likewise (NZ Customs, Duty and GST FAQs:
// "Duty and GST are collected regardless of the amount").
func TestAUNZAlcoholAlwaysAtBorder(t *testing.T) {
	c := calculator(t)
	a := run(t, c, duty.Entry{Destination: "AU", Date: duty.MustDate("2026-11-25"), Mode: "post", Consumer: true,
		Lines: []duty.EntryLine{
			ln(t, "610910", "CN", "100", "AUD", "5%"),
			ln(t, "220421", "FR", "100", "AUD", "5%"),
		}})
	// T-shirt: no duty, GST 10% of 100 = 10.00 at sale. Wine: duty 5% of
	// 100 = 5.00, GST 10% of 105 = 10.50 at the border.
	eqm(t, "5.00", a.Totals.Duty, "AU wine duty only")
	eqm(t, "10.00", a.Totals.TaxAtSale, "AU T-shirt GST at sale")
	eqm(t, "10.50", a.Totals.TaxAtBorder, "AU wine GST at border")
	n := run(t, c, duty.Entry{Destination: "NZ", Date: duty.MustDate("2026-11-25"), Mode: "post", Consumer: true,
		Lines: []duty.EntryLine{ln(t, "240220", "CN", "50", "NZD", "0%")}})
	// Cigarettes of NZD 50: GST 15% of 50 = 7.50 at the border.
	eqm(t, "7.50", n.Totals.TaxAtBorder, "NZ tobacco GST at border")
	assert.False(t, outcome(t, n, "NZ_LVG").Met)
}

// NO: VOEC covers each item under NOK 3,000 (Skatteetaten, VOEC low
// value goods: "goods with a value below NOK 3,000, per item"), not
// excise goods (Tolletaten import calculator).
func TestNOVOECPerItem(t *testing.T) {
	c := calculator(t)
	a := run(t, c, duty.Entry{Destination: "NO", Date: duty.MustDate("2026-11-25"), Mode: "post", Consumer: true,
		SellerRegistrations: []string{"VOEC"},
		Lines: []duty.EntryLine{
			lnq(t, "620193", "CN", "5000", "NOK", "10%", "2"), // two jackets of 2,500
			lnq(t, "852589", "CN", "3500", "NOK", "10%", "1"), // a camera of 3,500
			lnq(t, "220421", "FR", "200", "NOK", "10%", "1"),  // wine, excise goods
		}})
	// Jackets: 2,500 per item < 3,000: no duty, VAT 25% of 5,000 = 1,250
	// at sale. Camera: duty 10% of 3,500 = 350, VAT 25% of 3,850 = 962.50
	// -> 963 (whole kroner) at the border. Wine: duty 20, VAT 25% of 220 =
	// 55 at the border.
	eqm(t, "0", a.Lines[0].Duty, "jackets duty")
	eqm(t, "370", a.Totals.Duty, "camera 350 + wine 20")
	eqm(t, "1250", a.Totals.TaxAtSale, "jackets VAT at sale")
	eqm(t, "1018", a.Totals.TaxAtBorder, "963 + 55 at the border")
	o := outcome(t, a, "NO_VOEC")
	assert.True(t, o.Met)
	eqm(t, "3500", o.Value, "highest value per item")
	require.Len(t, o.Excluded, 2)
	assert.Equal(t, 1, o.Excluded[0].Line)
	assert.Contains(t, o.Excluded[0].Reason, "per item")
	assert.Equal(t, 2, o.Excluded[1].Line)
}

// SG: an OVR vendor's items of SGD 400 or less are taxed at sale even in a
// consignment over SGD 400 (GST Act s.18A; Singapore Customs, ask.gov.sg:
// low-value goods on a non-payment permit, others on a payment permit);
// the SGD 400 border relief stays per consignment.
func TestSGOVRPerItem(t *testing.T) {
	c := calculator(t)
	a := run(t, c, duty.Entry{Destination: "SG", Date: duty.MustDate("2026-11-25"), Mode: "air", Consumer: true,
		SellerRegistrations: []string{"SG_GST"},
		Lines: []duty.EntryLine{
			lnq(t, "851830", "CN", "300", "SGD", "Free", "1"),
			lnq(t, "847130", "CN", "900", "SGD", "Free", "1"),
		}})
	// 300 <= 400: GST 9% of 300 = 27.00 at sale; 900 > 400: 9% of 900 =
	// 81.00 at the border (consignment 1,200 > 400: no border relief).
	eqm(t, "27.00", a.Totals.TaxAtSale, "headphones at sale")
	eqm(t, "81.00", a.Totals.TaxAtBorder, "laptop at the border")
	assert.False(t, outcome(t, a, "SG_400_RELIEF").Met)
	// Exactly SGD 400 an item is low-value (not more than SGD 400).
	b := run(t, c, duty.Entry{Destination: "SG", Date: duty.MustDate("2026-11-25"), Mode: "air", Consumer: true,
		SellerRegistrations: []string{"SG_GST"},
		Lines:               []duty.EntryLine{lnq(t, "851830", "CN", "800", "SGD", "Free", "2")}})
	// Two items of 400: GST 9% of 800 = 72.00 at sale.
	eqm(t, "72.00", b.Totals.TaxAtSale, "two items of 400")
	eqm(t, "0", b.Totals.TaxAtBorder, "nothing at the border")
}

func TestCategoryChecks(t *testing.T) {
	p := duty.Profile{Country: "GB", Currency: "GBP", Valuation: duty.CIF, From: duty.MustDate("2021-01-01"), Sources: []string{"x"},
		Categories: []duty.GoodsCategory{{Code: "alcohol", HS: []string{"2208"}, Source: "x"}},
		DeMinimis: []duty.Threshold{{Code: "T", Applies: duty.AppliesDuty, Outcome: duty.Relief, Amount: duty.MustMoney("1", "GBP"),
			Compare: duty.CompareGoods, NotCategories: []string{"perfume"}, Source: "x"}}}
	_, err := duty.NewProfiles(p)
	var pe *duty.ProfileError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "profiles[0].de_minimis[0].not_categories", pe.Path)
	assert.Equal(t, "perfume", pe.Value)
	p.DeMinimis[0].NotCategories = []string{"alcohol"}
	p.DeMinimis[0].Categories = []string{"perfume"}
	_, err = duty.NewProfiles(p)
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "profiles[0].de_minimis[0].categories", pe.Path)
	assert.Equal(t, "perfume", pe.Value)
	p.DeMinimis[0].Categories = nil
	p.Categories[0].HS = []string{"x"}
	_, err = duty.NewProfiles(p)
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "profiles[0].categories[0].hs", pe.Path)
	assert.ErrorIs(t, err, duty.ErrInvalidCode)
	p.Categories[0].HS = []string{"2208"}
	_, err = duty.NewProfiles(p)
	assert.NoError(t, err)
	assert.Equal(t, []string{"alcohol"}, p.CategoriesOf("2208.30"))
}

// EU: IOSS does not cover products subject to excise duties (Directive
// 2006/112/EC Art. 369l); before 2026-07-01 the EUR 150 duty relief did
// not cover alcoholic products, perfumes and toilet waters or tobacco
// (Reg. 1186/2009 Art. 23-24; AEAT low-value manual 2.2.3).
func TestEUExciseGoodsOutsideIOSSAndRelief(t *testing.T) {
	c := calculator(t)
	a := run(t, c, duty.Entry{Destination: "DE", Date: duty.MustDate("2026-03-01"), Mode: "post", Consumer: true,
		SellerRegistrations: []string{"IOSS"},
		Lines: []duty.EntryLine{
			ln(t, "610910", "CN", "100", "EUR", "12%"),
			ln(t, "220421", "CL", "20", "EUR", "10%"),
		}})
	// T-shirt: relieved of duty, VAT 19% of 100 = 19.00 at the sale (IOSS).
	// Wine: duty 10% of 20 = 2.00; VAT 19% of 22 = 4.18 at the border.
	eqm(t, "2.00", a.Totals.Duty, "wine duty")
	eqm(t, "19.00", a.Totals.TaxAtSale, "T-shirt VAT via IOSS")
	eqm(t, "4.18", a.Totals.TaxAtBorder, "wine VAT at import")
}

// GB: goods of GBP 135 or less sold to a UK VAT-registered business are
// reverse-charged by the customer; no import VAT and no VAT from the
// seller (GOV.UK, Charging VAT on goods sold direct to customers in the
// UK).
func TestGBB2BReverseCharge(t *testing.T) {
	c := calculator(t)
	a := run(t, c, duty.Entry{Destination: "GB", Date: duty.MustDate("2026-11-25"), Mode: "courier", Consumer: false,
		BuyerVATRegistered: true, Lines: []duty.EntryLine{ln(t, "847130", "CN", "120", "GBP", "0%")}})
	// VAT 20% of 120 = 24.00, accounted for by the buyer: nothing due here.
	eqm(t, "0", a.Totals.Tax, "no VAT collected")
	v := taxOf(t, a, 0, "VAT")
	assert.Equal(t, duty.NotDue, v.Collection)
	assert.Contains(t, v.Note, "24.00 GBP")
	assert.True(t, outcome(t, a, "GB_135_REVERSE_CHARGE").Met)
	// Over GBP 135 the usual import VAT applies: 20% of 150 = 30.00.
	b := run(t, c, duty.Entry{Destination: "GB", Date: duty.MustDate("2026-11-25"), Mode: "courier",
		BuyerVATRegistered: true, Lines: []duty.EntryLine{ln(t, "847130", "CN", "150", "GBP", "0%")}})
	eqm(t, "30.00", b.Totals.TaxAtBorder, "import VAT over 135")
}

// Gifts between private persons, behind the entry's Gift flag: GB up to
// GBP 39 free of duty and import VAT (nibusinessinfo.co.uk); EU up to
// EUR 45 (Reg. 1186/2009 Art. 25-26; Dir. 2006/79 Art. 1).
func TestGifts(t *testing.T) {
	c := calculator(t)
	gb := func(value string, gift bool) duty.Assessment {
		return run(t, c, duty.Entry{Destination: "GB", Date: duty.MustDate("2026-11-25"), Mode: "post", Consumer: true, Gift: gift,
			Lines: []duty.EntryLine{ln(t, "610910", "US", value, "GBP", "12%")}})
	}
	eqm(t, "0", gb("39", true).Totals.Total, "GB gift of 39")
	// A gift of 40: no sale, so no point-of-sale VAT: import VAT 20% of 40
	// = 8.00 at the border; duty relieved (<= 135).
	a := gb("40", true)
	eqm(t, "0", a.Totals.Duty, "GB gift of 40: duty")
	eqm(t, "8.00", a.Totals.TaxAtBorder, "GB gift of 40: import VAT")
	// The same goods bought: VAT 8.00 at the sale.
	eqm(t, "8.00", gb("40", false).Totals.TaxAtSale, "a purchase of 40")
	eqm(t, "0", gb("39", false).Totals.TaxAtBorder, "a purchase of 39 is not a gift")
	assert.False(t, outcome(t, gb("39", false), "GB_GIFT_39").Met)

	de := func(value string) duty.Assessment {
		return run(t, c, duty.Entry{Destination: "DE", Date: duty.MustDate("2026-11-25"), Mode: "post", Consumer: true, Gift: true,
			Lines: []duty.EntryLine{ln(t, "610910", "US", value, "EUR", "12%")}})
	}
	eqm(t, "0", de("45").Totals.Total, "EU gift of 45")
	// A gift of 46 after 2026-07-01: the EUR 3 duty is for sales, not
	// gifts: duty 12% of 46 = 5.52; VAT 19% of 51.52 = 9.7888 -> 9.79.
	b := de("46")
	eqm(t, "5.52", b.Totals.Duty, "EU gift of 46: duty")
	eqm(t, "9.79", b.Totals.TaxAtBorder, "EU gift of 46: VAT")
}

// Carrier and broker charges: shown apart from the state charges, and in
// the VAT base where the law puts incidental costs (BAZG, Bemessungs-
// grundlagen, MWSTG Art. 54: transport and customs clearance costs to the
// destination; VATA 1994 s.21 and GOV.UK, Working out the VAT value).
func TestServiceChargesInVATBase(t *testing.T) {
	c := calculator(t)
	// A carrier's clearance fee of CHF 16 + 3% of the goods (Swiss Post's
	// published structure for parcels from outside the EU, reported by
	// saldo.ch; here only an input): goods 100 -> 16 + 3 = 19.00.
	a := run(t, c, duty.Entry{Destination: "CH", Date: duty.MustDate("2026-11-25"), Mode: "post",
		Freight: duty.MustMoney("15", "CHF"),
		Services: []duty.ServiceCharge{
			{Code: "clearance", Kind: duty.ServiceClearance, Fixed: duty.MustMoney("16", "CHF"), Percent: dec("3")},
			{Code: "insurance-upsell", Kind: duty.ServiceOther, Fixed: duty.MustMoney("5", "CHF")},
		},
		Lines: []duty.EntryLine{ln(t, "610910", "CN", "100", "CHF", "Free")}})
	require.Len(t, a.Services, 2)
	eqm(t, "19.00", a.Services[0].Amount, "clearance fee")
	assert.Equal(t, duty.ByProvider, a.Services[0].Collection)
	// VAT base: CIF 115 + clearance 19 = 134 (the "other" charge stays
	// out); 8.1% = 10.854 -> 10.85 (5 centimes).
	v := taxOf(t, a, 0, "VAT")
	eqm(t, "134.00", v.Base, "VAT base with the clearance fee")
	eqm(t, "10.85", a.Totals.Tax, "VAT")
	eqm(t, "10.85", a.Totals.Total, "the carrier's charges are not state charges")

	// GB: a broker's fee of 2% of the goods, at least GBP 12, on goods of
	// GBP 300: 6 -> 12.00. VAT 20% of (300 + 12) = 62.40.
	b := run(t, c, duty.Entry{Destination: "GB", Date: duty.MustDate("2026-11-25"), Mode: "courier",
		Services: []duty.ServiceCharge{{Code: "brokerage", Kind: duty.ServiceClearance, Percent: dec("2"), Minimum: duty.MustMoney("12", "GBP")}},
		Lines:    []duty.EntryLine{ln(t, "847130", "CN", "300", "GBP", "0%")}})
	eqm(t, "12.00", b.Services[0].Amount, "minimum applies")
	assert.Equal(t, "minimum applies", b.Services[0].Note)
	eqm(t, "62.40", b.Totals.TaxAtBorder, "VAT on goods + brokerage")

	// A bad kind is an error naming it.
	_, err := c.Calculate(context.Background(), duty.Entry{Destination: "GB", Date: duty.MustDate("2026-11-25"), Mode: "courier",
		Services: []duty.ServiceCharge{{Code: "x", Kind: "tip", Fixed: duty.MustMoney("1", "GBP")}},
		Lines:    []duty.EntryLine{ln(t, "847130", "CN", "300", "GBP", "0%")}})
	assert.ErrorContains(t, err, `kind "tip"`)
}

// CN cross-border e-commerce retail imports: duty 0% and import VAT at
// 70% within RMB 5,000 a transaction: 13% x 70% = the composite 9.1% the
// Ningbo Customs Q&A gives for goods without consumption tax.
func TestCNCrossBorderECommerce(t *testing.T) {
	c := calculator(t)
	cn := func(value string, regs ...string) duty.Assessment {
		return run(t, c, duty.Entry{Destination: "CN", Date: duty.MustDate("2026-11-25"), Mode: "courier", Consumer: true,
			SellerRegistrations: regs, Lines: []duty.EntryLine{ln(t, "330499", "KR", value, "CNY", "5%")}})
	}
	// RMB 1,000 through a CBEC platform: no duty; VAT 13% x 1,000 x 0.7 =
	// 91.00 (9.1%).
	a := cn("1000", "CN_CBEC")
	eqm(t, "0", a.Totals.Duty, "CBEC duty")
	eqm(t, "91.00", a.Totals.Tax, "CBEC VAT, 9.1%")
	assert.Contains(t, taxOf(t, a, 0, "VAT").Rate, "× 0.7")
	// Over RMB 5,000: general trade: duty 5% of 5,001 = 250.05; VAT 13% of
	// 5,251.05 = 682.6365 -> 682.64.
	b := cn("5001", "CN_CBEC")
	eqm(t, "250.05", b.Totals.Duty, "over the limit: duty")
	eqm(t, "682.64", b.Totals.Tax, "over the limit: VAT")
	// Not through a CBEC platform: general trade.
	eqm(t, "50.00", cn("1000").Totals.Duty, "general trade duty")
}

// MX courier simplified regime (T): a global rate in lieu of IGI and IVA
// on the customs value; from the US or Canada free up to USD 50, 17% to
// USD 117, 19% to USD 2,500; from elsewhere 33.5%.
func TestMXCourierGlobalRates(t *testing.T) {
	c := calculator(t, duty.WithRates(duty.FixedRates{"USD/MXN": dec("18")}))
	mx := func(from, usd string) duty.Assessment {
		return run(t, c, duty.Entry{Destination: "MX", Date: duty.MustDate("2026-11-25"), Mode: "courier", Consumer: true,
			ShippedFrom: from, Lines: []duty.EntryLine{ln(t, "610910", "CN", usd, "USD", "30%")}})
	}
	eqm(t, "0", mx("US", "50").Totals.Total, "US, USD 50: free")
	// USD 100 = MXN 1,800: 17% = 306.00; no IVA.
	a := mx("US", "100")
	eqm(t, "306.00", a.Totals.Duty, "US, USD 100: 17%")
	eqm(t, "0", a.Totals.Tax, "IVA included in the global rate")
	assert.Equal(t, duty.NotDue, taxOf(t, a, 0, "IVA").Collection)
	// USD 200 = MXN 3,600: 19% = 684.00.
	eqm(t, "684.00", mx("CA", "200").Totals.Total, "CA, USD 200: 19%")
	// From China, USD 100 = MXN 1,800: 33.5% = 603.00.
	eqm(t, "603.00", mx("CN", "100").Totals.Total, "CN, USD 100: 33.5%")
	// Over USD 2,500: the ordinary assessment: IGI 30% of 45,018 =
	// 13,505.40; IVA 16% of 58,523.40 = 9,363.744 -> 9,363.74.
	b := mx("CN", "2501")
	eqm(t, "13505.40", b.Totals.Duty, "ordinary IGI")
	eqm(t, "9363.74", b.Totals.Tax, "ordinary IVA")
}

// Gross-up ("por dentro"), a tax on a list of earlier taxes, and a flat
// rate less a deduction, on a profile built for the test (BR-like, not
// the embedded data). Goods 100.00, CIF.
//
//	II: flat 60% less 20.00 = 40.00
//	PIS 2.1% of 100 = 2.10; COFINS 9.65% of 100 = 9.65
//	ICMS 17% por dentro on 100 + II 40 + PIS 2.10 + COFINS 9.65 = 151.75:
//	base 151.75 / 0.83 = 182.831325..., ICMS = 31.081325... -> 31.08
func TestGrossUpAndBaseTaxes(t *testing.T) {
	p := duty.Profile{Country: "BR", Currency: "BRL", Valuation: duty.CIF, From: duty.MustDate("2026-01-01"), Sources: []string{"test"},
		Taxes: []duty.TaxRule{
			{Code: "PIS", Name: "PIS", Rate: dec("2.1"), From: duty.MustDate("2026-01-01"), Source: "test"},
			{Code: "COFINS", Name: "COFINS", Rate: dec("9.65"), From: duty.MustDate("2026-01-01"), Source: "test"},
			{Code: "ICMS", Name: "ICMS", Rate: dec("17"), Base: []duty.BasePart{duty.BaseDuty}, BaseTaxes: []string{"PIS", "COFINS"},
				Inclusive: true, From: duty.MustDate("2026-01-01"), Source: "test"},
		},
		DeMinimis: []duty.Threshold{{Code: "FLAT", Applies: duty.AppliesDuty, Outcome: duty.FlatRate, Rate: dec("60"),
			Deduction: ptr(duty.MustMoney("20", "BRL")), Amount: duty.MustMoney("3000", "BRL"), Compare: duty.CompareCIF,
			From: duty.MustDate("2026-01-01"), Source: "test"}},
	}
	ps, err := duty.NewProfiles(p)
	require.NoError(t, err)
	c := calculator(t, duty.WithProfiles(ps))
	a := run(t, c, duty.Entry{Destination: "BR", Date: duty.MustDate("2026-11-25"), Mode: "post",
		Lines: []duty.EntryLine{ln(t, "610910", "CN", "100", "BRL", "35%")}})
	eqm(t, "40.00", a.Totals.Duty, "flat 60% less 20")
	eqm(t, "2.10", taxOf(t, a, 0, "PIS").Amount, "PIS")
	eqm(t, "9.65", taxOf(t, a, 0, "COFINS").Amount, "COFINS")
	icms := taxOf(t, a, 0, "ICMS")
	eqm(t, "31.08", icms.Amount, "ICMS por dentro")
	assert.Contains(t, icms.Note, "por dentro")
	// The ICMS is 17% of the grossed-up base, shown to the centavo.
	eqm(t, "182.83", icms.Base, "grossed-up base")

	// A base_taxes name that is not an earlier tax is refused.
	p.Taxes[2].BaseTaxes = []string{"IPI"}
	_, err = duty.NewProfiles(p)
	assert.ErrorContains(t, err, "base_taxes")
}

// GB gifts over GBP 135 up to GBP 630 a consignment: a flat duty of 2.5%
// "only if it is to your advantage" (HMRC Notice 143 s.3.1, 2013 edition
// via a copy; GOV.UK "Tax and customs for goods sent from abroad" as
// restated by xpats.io in 2024: gifts between GBP 135 and GBP 630 at 2.5%).
// Sent by post from the US, no freight, so the customs value is the goods
// value; VAT 20% on customs value + duty.
func TestGBGiftFlatRate(t *testing.T) {
	c := calculator(t)
	gift := func(gift bool, lines ...duty.EntryLine) duty.Assessment {
		return run(t, c, duty.Entry{Destination: "GB", Date: duty.MustDate("2026-11-25"), Mode: "post", Consumer: true, Gift: gift, Lines: lines})
	}
	// A bag of 300 at a tariff rate of 3%: ordinary 3% × 300 = 9.00, flat
	// 2.5% × 300 = 7.50, lower: duty 7.50; VAT 20% × (300 + 7.50) = 61.50.
	a := gift(true, ln(t, "420221", "US", "300", "GBP", "3%"))
	assert.True(t, outcome(t, a, "GB_GIFT_FLAT_630").Met)
	eqm(t, "7.50", a.Totals.Duty, "gift of 300 at 3%: flat 2.5%")
	assert.Equal(t, "FLAT_RATE", a.Lines[0].Duties[0].Code)
	eqm(t, "61.50", a.Totals.TaxAtBorder, "gift of 300: VAT on 307.50")
	// Bought, not a gift: the tariff rate, 3% × 300 = 9.00; VAT 20% × 309
	// = 61.80.
	b := gift(false, ln(t, "420221", "US", "300", "GBP", "3%"))
	assert.False(t, outcome(t, b, "GB_GIFT_FLAT_630").Met)
	eqm(t, "9.00", b.Totals.Duty, "purchase of 300")
	eqm(t, "61.80", b.Totals.TaxAtBorder, "purchase of 300: VAT")
	// A laptop of 300 at 0%: the flat rate (7.50) is no advantage: no duty;
	// VAT 20% × 300 = 60.00.
	d := gift(true, ln(t, "847130", "US", "300", "GBP", "0%"))
	eqm(t, "0", d.Totals.Duty, "gift of 300 at 0%: ordinary rate kept")
	eqm(t, "60.00", d.Totals.TaxAtBorder, "gift of 300 at 0%: VAT")
	// The comparison is for the consignment: 200 at 0% and 200 at 4%:
	// ordinary 0 + 8.00 = 8.00; flat 2.5% × 400 = 10.00, not lower: the
	// ordinary 8.00 stands, although the 4% line alone would gain (5.00).
	e := gift(true, ln(t, "847130", "US", "200", "GBP", "0%"), ln(t, "420221", "US", "200", "GBP", "4%"))
	eqm(t, "8.00", e.Totals.Duty, "mixed gift of 400: ordinary total lower")
	// At 630 the flat rate still applies: 2.5% × 630 = 15.75 against 3% ×
	// 630 = 18.90. Over 630 (631) it does not: 3% × 631 = 18.93.
	eqm(t, "15.75", gift(true, ln(t, "420221", "US", "630", "GBP", "3%")).Totals.Duty, "gift of 630")
	g := gift(true, ln(t, "420221", "US", "631", "GBP", "3%"))
	assert.False(t, outcome(t, g, "GB_GIFT_FLAT_630").Met)
	eqm(t, "18.93", g.Totals.Duty, "gift of 631")
	// At 135 the GBP 135 duty relief applies: no duty; VAT 20% × 135 = 27.00.
	h := gift(true, ln(t, "420221", "US", "135", "GBP", "3%"))
	eqm(t, "0", h.Totals.Duty, "gift of 135: duty relief")
	eqm(t, "27.00", h.Totals.TaxAtBorder, "gift of 135: VAT")
}

// if_lower is for a flat rate that replaces no tax.
func TestIfLowerChecked(t *testing.T) {
	for _, th := range []string{
		`{"code":"X","applies":"duty","outcome":"relief","if_lower":true,"amount":{"amount":"10","currency":"GBP"},"compare":"goods","from":"2021-01-01","source":"s"}`,
		`{"code":"X","applies":"duty","outcome":"flat_rate","rate":"2.5","if_lower":true,"replaces_taxes":["VAT"],"amount":{"amount":"10","currency":"GBP"},"compare":"goods","from":"2021-01-01","source":"s"}`,
	} {
		_, err := duty.ReadProfiles(strings.NewReader(`{"version":"2026-12-01","profiles":[{"country":"GB","name":"GB","currency":"GBP","valuation":"CIF","from":"2021-01-01","sources":["s"],
			"taxes":[{"code":"VAT","name":"VAT","rate":"20","base":["duty"],"from":"2021-01-01","source":"s"}],"de_minimis":[` + th + `]}]}`))
		var pe *duty.ProfileError
		require.ErrorAs(t, err, &pe, th)
		assert.Contains(t, pe.Path, "if_lower")
	}
}

// Türkiye's postal and express regime from 2024-08-21 to 2026-02-05: goods
// of no commercial nature sent to a person, worth EUR 30 or less, pay a
// single flat tax in lieu of duty and VAT: 30% when they come directly
// from an EU country, 60% otherwise (Presidential Decision, Official
// Gazette 2024-08-06, in force after 15 days, restated by ckay.com.tr; the
// EUR 30 limit deleted from 2026-02-06, Official Gazette 2026-01-07 + 30
// days). Here EUR 1 = TRY 40, so the limit is TRY 1,200; the lines carry a
// 10% duty measure for the ordinary assessment.
func TestTRPostalFlatTax(t *testing.T) {
	c := calculator(t, duty.WithRates(duty.FixedRates{"EUR/TRY": dec("40")}))
	tr := func(day, from, value string, consumer bool) duty.Assessment {
		return run(t, c, duty.Entry{Destination: "TR", Date: duty.MustDate(day), Mode: "courier", ShippedFrom: from, Consumer: consumer,
			Lines: []duty.EntryLine{ln(t, "610910", "CN", value, "TRY", "10%")}})
	}
	// From China, TRY 1,000 <= 1,200: 60% × 1,000 = 600.00, no VAT.
	a := tr("2025-06-02", "CN", "1000", true)
	assert.True(t, outcome(t, a, "TR_POST_30").Met)
	eqm(t, "600.00", a.Totals.Duty, "CN parcel: flat 60%")
	eqm(t, "0", a.Totals.Tax, "CN parcel: VAT included in the flat tax")
	assert.True(t, hasWarning(a, duty.NotModelled, "TR_POSTAL_OTV_IV"))
	// Directly from Germany: 30% × 1,000 = 300.00.
	b := tr("2025-06-02", "DE", "1000", true)
	assert.True(t, outcome(t, b, "TR_POST_EU_30").Met)
	eqm(t, "300.00", b.Totals.Total, "EU parcel: flat 30%")
	// TRY 1,300 > 1,200: the ordinary assessment: duty 10% = 130.00; VAT
	// 20% × 1,430 = 286.00.
	d := tr("2025-06-02", "CN", "1300", true)
	eqm(t, "130.00", d.Totals.Duty, "over EUR 30: duty")
	eqm(t, "286.00", d.Totals.Tax, "over EUR 30: VAT")
	// A business buyer: commercial, the ordinary assessment: duty 100.00,
	// VAT 20% × 1,100 = 220.00.
	eqm(t, "320.00", tr("2025-06-02", "CN", "1000", false).Totals.Total, "business buyer")
	// From 2026-02-06 the limit is gone: the ordinary assessment, 320.00,
	// and the medicines regime flagged as not modelled.
	e := tr("2026-03-02", "CN", "1000", true)
	eqm(t, "320.00", e.Totals.Total, "after 2026-02-05")
	assert.True(t, hasWarning(e, duty.NotModelled, "TR_POSTAL_EXPRESS"))
	assert.False(t, hasWarning(a, duty.NotModelled, "TR_POSTAL_EXPRESS"))
}
