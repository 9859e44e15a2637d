package duty

import (
	"testing"

	"github.com/shopspring/decimal"
)

var fuzzSeeds = []string{
	"Free", "6.8%", "12.8 %", "37.5% ", "1.5¢/kg", "$1.189/kg", "2.8¢/doz.", "$1.68/pf. liter",
	"21.1¢/pf.liter", "98¢ each", "$4.91/t", "$30.86/tonne", "35.10 GBP / 100 kg", "176.8 EUR / 100 kg",
	"144.10 GBP / 1000 kg/biodiesel", "1.100 EUR DTN", "1,554.300 EUR TNE", "2.800 EUR MTK",
	"52.000 EUR MIL", "0.400 EUR HLT", "0.075 EUR ASV X", "4.4¢/kg + 6%", "12.8 % + 176.8 EUR / 100 kg",
	"12.000 % MIN 2.000 EUR DTN MAX 3.000 EUR DTN", "5% but not less than 2¢/kg", "8.3 % + EA MAX 18.7 % +ADSZ",
	"$1.35 each + 4% on the case + 5.3% on the strap, band or bracelet + 5.3% on the battery",
	"5% on the value of the lead content", "15.4¢/kg on drained weight", "1.7¢/kg on copper content",
	sugarText, "The duty provided in the applicable subheading + 25%", "See additional U.S. note 1",
	"The rate applicable to each garment in the ensemble if separately entered", "NIHIL / 100 kg",
	"+ 5.5% 10%", "5%%", "-3%", "12.8 % + EUR / 100 kg", "33 1/3%", "43¢ each + 2.8¢/jewel over 7 + 3.7% on the case",
	"3.9% on the value of the rifle + 1.5% on the value of the telescopic sight, if any",
	"4.3% + 1.7¢/jewel + 0.2¢ for each other piece or part, but if consisting in part of a plate",
	"0.3¢/line/ gross + 4.6%", "Free, under bond", "131.70 EUR / 100 kg - 10 EUR / 100 kg", "£20.50 / 100 kg",
}

func fuzzBasis() Basis {
	b := Basis{Value: MustMoney("1000", "USD")}
	for _, s := range []string{"100 kg", "10 item", "5 lpa", "50 l", "3 m2", "2 m", "1 MWh"} {
		q, _ := ParseQuantity(s)
		b.Quantities = append(b.Quantities, q)
	}
	b.Polarization = decimal.NullDecimal{Decimal: decimal.NewFromInt(96), Valid: true}
	return b
}

// FuzzParseRate: no input panics, and whatever parses has a canonical
// text that parses to the same canonical text and applies identically.
func FuzzParseRate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	basis := fuzzBasis()
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRate(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("%q: empty error", s)
			}
			return
		}
		c := r.String()
		back, err := ParseRate(c)
		if err != nil {
			t.Fatalf("%q: canonical %q does not parse: %v", s, c, err)
		}
		if back.String() != c {
			t.Fatalf("%q: canonical %q reads back as %q", s, c, back.String())
		}
		m1, err1 := r.Apply(basis)
		m2, err2 := back.Apply(basis)
		if (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() {
			t.Fatalf("%q: apply differs: %v / %v", s, err1, err2)
		}
		if err1 == nil && !m1.Equal(m2) {
			t.Fatalf("%q: apply differs: %s / %s", s, m1, m2)
		}
	})
}

// FuzzParsePreferences: no input panics.
func FuzzParsePreferences(f *testing.F) {
	for _, s := range []string{
		"Free (A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)", "Free (A, AU, BH)",
		"Free (A,AU,BH)9.3¢/pf.liter(JO)", "Free (A,AU) 16.6% (E)", "See 9822.04.25 (AU)",
		"Free (AU) See 9823.04.01-9823.04.54 (S+) See 9919.04.50, 9919.04.57 (PA (PA)",
		"Free, under the terms of U.S. note 1(b) to this subchapter", "Free (A) 5%%", "((((", ")(",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParsePreferences(s)
		if err != nil {
			return
		}
		for _, p := range ps {
			if p.Reference == nil {
				if _, err := ParseRate(p.Rate.String()); err != nil {
					t.Fatalf("%q: group %q canonical %q: %v", s, p.Text, p.Rate.String(), err)
				}
			}
		}
	})
}
