package duty

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func qty(t *testing.T, s string) Quantity {
	t.Helper()
	q, err := ParseQuantity(s)
	require.NoError(t, err)
	return q
}

// bas builds a Basis of value (amount, currency) and quantities; an empty
// currency leaves the value unset.
func bas(t *testing.T, amount, currency string, quantities ...string) Basis {
	t.Helper()
	b := Basis{}
	if currency != "" {
		b.Value = MustMoney(amount, currency)
	}
	for _, s := range quantities {
		b.Quantities = append(b.Quantities, qty(t, s))
	}
	return b
}

func withParts(b Basis, parts map[string]Basis) Basis { b.Parts = parts; return b }

func withPol(b Basis, deg string) Basis {
	b.Polarization = decimal.NullDecimal{Decimal: decimal.RequireFromString(deg), Valid: true}
	return b
}

func valuePart(amount, currency string) Basis { return Basis{Value: MustMoney(amount, currency)} }

func qtyPart(t *testing.T, s string) Basis { return Basis{Quantities: []Quantity{qty(t, s)}} }

const sugarText = "3.6606¢/kg less 0.020668¢/kg for each degree under 100 degrees (and fractions of a degree in proportion) but not less than 3.143854¢/kg"

// TestRateApply: every expected amount is worked by hand in the comment
// beside it. Amounts are exact and unrounded.
func TestRateApply(t *testing.T) {
	eurToGBP := func(m Money, to string) (Money, error) {
		if m.Currency() == "EUR" && to == "GBP" {
			return NewMoney(m.Amount().Mul(decimal.RequireFromString("0.85")), "GBP")
		}
		return Money{}, &CurrencyMismatchError{A: m.Currency(), B: to}
	}
	watch := map[string]Basis{"case": valuePart("50", "USD"), "strap, band or bracelet": valuePart("20", "USD"), "battery": valuePart("2", "USD")}
	cases := []struct {
		name  string
		rate  string
		opts  []ParseOption
		basis Basis
		want  string // amount
		cur   string // currency of the result (basis currency when empty)
	}{
		// Free and ad valorem
		{"free", "Free", nil, bas(t, "1000", "USD"), "0", ""},
		{"free lower case", "free", nil, bas(t, "1000", "USD"), "0", ""},
		{"free under bond", "Free, under bond, as prescribed in U.S. note 1 to this subchapter", nil, bas(t, "1000", "USD"), "0", ""},
		{"ad valorem", "6.8%", nil, bas(t, "1000", "USD"), "68", ""},               // 1000 × 6.8/100
		{"space before %", "12.8 %", nil, bas(t, "250", "USD"), "32", ""},          // 250 × 0.128
		{"trailing space", "37.5% ", nil, bas(t, "80", "USD"), "30", ""},           // 80 × 0.375
		{"stray spaces", "  2.5   %  ", nil, bas(t, "0.01", "USD"), "0.00025", ""}, // unrounded
		{"percent word", "20 percent", nil, bas(t, "55", "USD"), "11", ""},         // 55 × 0.2
		{"zero percent", "0%", nil, bas(t, "55", "USD"), "0", ""},                  // 0
		{"one third", "33 1/3%", nil, bas(t, "300", "USD"), "100", ""},             // 300 / 3
		{"TARIC percent", "12.000 %", nil, bas(t, "100", "EUR"), "12", ""},         // 100 × 0.12
		{"percent in CAD", "9.5%", []ParseOption{InCurrency("CAD")}, bas(t, "200", "CAD"), "19", ""},
		// specific, US notation
		{"cents per kg", "1.5¢/kg", nil, bas(t, "100", "USD", "100 kg"), "1.5", ""},                 // 100 × 0.015
		{"grams to kg", "1.5¢/kg", nil, bas(t, "100", "USD", "2500 g"), "0.0375", ""},               // 2.5 kg × 0.015
		{"pounds to kg", "1.5¢/kg", nil, bas(t, "1", "USD", "3 lb"), "0.02041165665", ""},           // 3 × 0.45359237 = 1.36077711 kg × 0.015
		{"dollars per kg", "$1.189/kg", nil, bas(t, "100", "USD", "10 kg"), "11.89", ""},            // 10 × 1.189
		{"per dozen from items", "2.8¢/doz.", nil, bas(t, "1", "USD", "36 item"), "0.084", ""},      // 3 doz × 0.028
		{"half dozen", "2.8¢/doz.", nil, bas(t, "1", "USD", "6 item"), "0.014", ""},                 // 0.5 doz × 0.028
		{"gross to dozen", "2.8¢/doz.", nil, bas(t, "1", "USD", "2 gross"), "0.672", ""},            // 288 items = 24 doz × 0.028
		{"proof litres", "$1.68/pf. liter", nil, bas(t, "1", "USD", "10 pfl"), "16.8", ""},          // 10 × 1.68
		{"lpa to proof litres", "$1.68/pf. liter", nil, bas(t, "1", "USD", "10 lpa"), "33.6", ""},   // 10 lpa = 20 pfl × 1.68
		{"pf.liter no space", "21.1¢/pf.liter", nil, bas(t, "1", "USD", "3 lpa"), "1.266", ""},      // 6 pfl × 0.211
		{"each", "98¢ each", nil, bas(t, "1", "USD", "5 item"), "4.9", ""},                          // 5 × 0.98
		{"each from dozens", "98¢ each", nil, bas(t, "1", "USD", "2 dozen"), "23.52", ""},           // 24 × 0.98
		{"per t", "$4.91/t", nil, bas(t, "1", "USD", "2500 kg"), "12.275", ""},                      // 2.5 t × 4.91
		{"per tonne", "$30.86/tonne", nil, bas(t, "1", "USD", "500 kg"), "15.43", ""},               // 0.5 t × 30.86
		{"per barrel", "5.25¢/bbl", nil, bas(t, "1", "USD", "10 bbl"), "0.525", ""},                 // 10 × 0.0525
		{"litres to barrels", "5.25¢/bbl", nil, bas(t, "1", "USD", "1589.87294928 l"), "0.525", ""}, // 1589.87294928 l = 10 bbl
		{"per m3 from litres", "$1.13/m3", nil, bas(t, "1", "USD", "2000 l"), "2.26", ""},           // 2 m3 × 1.13
		{"per thousand", "89.6¢/1000", nil, bas(t, "1", "USD", "2500 item"), "2.24", ""},            // 2.5 × 0.896
		{"per head", "68¢/head", nil, bas(t, "1", "USD", "3 item"), "2.04", ""},                     // 3 × 0.68
		{"per square metre", "14.5¢/m2", nil, bas(t, "1", "USD", "10 m2"), "1.45", ""},              // 10 × 0.145
		{"per litre, stray space", "8.4¢/ liter", nil, bas(t, "1", "USD", "50 l"), "4.2", ""},       // 50 × 0.084
		{"specific without value", "1.5¢/kg", nil, bas(t, "", "", "100 kg"), "1.5", "USD"},          // rate's own currency
		{"dollar in CAD", "$1/kg", []ParseOption{InCurrency("CAD")}, bas(t, "5", "CAD", "10 kg"), "10", ""},
		{"cents in CAD", "5¢/kg", []ParseOption{InCurrency("CAD")}, bas(t, "5", "CAD", "10 kg"), "0.5", ""},
		// specific, EU and UK notation
		{"UK per 100 kg", "35.10 GBP / 100 kg", nil, bas(t, "1000", "GBP", "250 kg"), "87.75", ""},                                                             // 2.5 × 35.10
		{"EU per 100 kg", "176.8 EUR / 100 kg", nil, bas(t, "10", "EUR", "50 kg"), "88.4", ""},                                                                 // 0.5 × 176.8
		{"pound sign", "£20.50 / 100 kg", nil, bas(t, "1", "GBP", "200 kg"), "41", ""},                                                                         // 2 × 20.50
		{"euro sign", "€3 / hl", nil, bas(t, "1", "EUR", "250 l"), "7.5", ""},                                                                                  // 2.5 hl × 3
		{"biodiesel", "144.10 GBP / 1000 kg/biodiesel", nil, withParts(bas(t, "1", "GBP"), map[string]Basis{"biodiesel": qtyPart(t, "2000 kg")}), "288.2", ""}, // 2 t × 144.10
		{"DTN", "1.100 EUR DTN", nil, bas(t, "1", "EUR", "1000 kg"), "11", ""},                                                                                 // 10 × 1.1
		{"TNE thousands", "1,554.300 EUR TNE", nil, bas(t, "1", "EUR", "2 t"), "3108.6", ""},                                                                   // 2 × 1554.3
		{"MTK", "2.800 EUR MTK", nil, bas(t, "1", "EUR", "15 m2"), "42", ""},                                                                                   // 15 × 2.8
		{"MIL", "52.000 EUR MIL", nil, bas(t, "1", "EUR", "2500 item"), "130", ""},                                                                             // 2.5 × 52
		{"UK per 1000 items", "43.00 GBP/1000 items", nil, bas(t, "1", "GBP", "5000 item"), "215", ""},                                                         // 5 × 43
		{"EU per 1,000 items", "52.00 EUR / 1,000 items", nil, bas(t, "1", "EUR", "2500 item"), "130", ""},                                                     // 2.5 × 52
		{"UK 1000kg unspaced", "121.00 GBP/1000kg", nil, bas(t, "1", "GBP", "2500 kg"), "302.5", ""},                                                           // 2.5 t × 121
		{"EU % vol / hl", "1.75 EUR / % vol / hl", nil, bas(t, "1", "EUR", "22.5 lpa"), "39.375", ""},                                                          // 22.5 × 1.75
		{"HLT", "0.400 EUR HLT", nil, bas(t, "1", "EUR", "250 l"), "1", ""},                                                                                    // 2.5 hl × 0.4
		{"HLT from m3", "0.400 EUR HLT", nil, bas(t, "1", "EUR", "1 m3"), "4", ""},                                                                             // 10 hl × 0.4
		{"ASV X", "0.075 EUR ASV X", nil, bas(t, "1", "EUR", "40 lpa"), "3", ""},                                                                               // 100 l at 40 % vol = 40 %vol·hl × 0.075
		// compound
		{"issue example", "4.4¢/kg + 6%", nil, bas(t, "1000", "USD", "100 kg"), "64.4", ""},                                                 // 4.40 + 60
		{"dollar compound", "$1.035/kg + 2.6%", nil, bas(t, "200", "USD", "20 kg"), "25.9", ""},                                             // 20.70 + 5.20
		{"each compound", "98¢ each + 3%", nil, bas(t, "150", "USD", "3 item"), "7.44", ""},                                                 // 2.94 + 4.50
		{"no space after +", "1.2¢/kg +3%", nil, bas(t, "100", "USD", "50 kg"), "3.6", ""},                                                  // 0.60 + 3
		{"EU compound", "12.8 % + 176.8 EUR / 100 kg", nil, bas(t, "1000", "EUR", "200 kg"), "481.6", ""},                                   // 128 + 353.6
		{"minus", "131.70 EUR / 100 kg - 10 EUR / 100 kg", nil, bas(t, "1", "EUR", "100 kg"), "121.7", ""},                                  // 131.7 − 10
		{"minus percent", "5% - 2%", nil, bas(t, "100", "EUR"), "3", ""},                                                                    // 5 − 2
		{"never negative", "2% - 5%", nil, bas(t, "100", "EUR"), "0", ""},                                                                   // −3 → 0
		{"three parts", "13.5¢/kg + 6.3% + 1.9¢/article", nil, bas(t, "100", "USD", "10 kg", "4 item"), "7.726", ""},                        // 1.35 + 6.3 + 0.076
		{"thousand and percent", "$1.50/1,000 + 50%", nil, bas(t, "10", "USD", "4000 item"), "11", ""},                                      // 6 + 5
		{"pins", "10¢/1,000 pins + 3.5%", nil, withParts(bas(t, "100", "USD"), map[string]Basis{"pins": qtyPart(t, "5000 item")}), "4", ""}, // 0.5 + 3.5
		// MIN and MAX
		{"TARIC MIN wins", "12.000 % MIN 2.000 EUR DTN MAX 3.000 EUR DTN", nil, bas(t, "100", "EUR", "1000 kg"), "20", ""},       // 12 < 20 → 20
		{"TARIC MAX wins", "12.000 % MIN 2.000 EUR DTN MAX 3.000 EUR DTN", nil, bas(t, "1000", "EUR", "1000 kg"), "30", ""},      // 120 > 30 → 30
		{"TARIC between", "12.000 % MIN 2.000 EUR DTN MAX 3.000 EUR DTN", nil, bas(t, "200", "EUR", "1000 kg"), "24", ""},        // 20 ≤ 24 ≤ 30
		{"UK MAX", "20.00% MAX 24.00 GBP / 100 kg", nil, bas(t, "500", "GBP", "200 kg"), "48", ""},                               // 100 vs 48
		{"MIN floor", "10% MIN 5 EUR / 100 kg", nil, bas(t, "100", "EUR", "300 kg"), "15", ""},                                   // 10 vs 15
		{"MIN not binding", "10% MIN 5 EUR / 100 kg", nil, bas(t, "1000", "EUR", "300 kg"), "100", ""},                           // 100 vs 15
		{"but not less than", "5% but not less than 2¢/kg", nil, bas(t, "100", "USD", "500 kg"), "10", ""},                       // 5 vs 10
		{"but not more than", "25% but not more than $1/kg", nil, bas(t, "100", "USD", "10 kg"), "10", ""},                       // 25 vs 10
		{"compound MAX compound", "8% + 2 EUR / 100 kg MAX 12% + 1 EUR / 100 kg", nil, bas(t, "100", "EUR", "100 kg"), "10", ""}, // 8+2=10 vs 12+1=13
		// component bases
		{"watch", "$1.35 each + 4% on the case + 5.3% on the strap, band or bracelet + 5.3% on the battery", nil, withParts(bas(t, "200", "USD", "10 item"), watch), "16.666", ""},                                                                                                               // 13.5 + 2 + 1.06 + 0.106
		{"movement and case", "6.2% on the movement and case + 5.3% on the battery", nil, withParts(bas(t, "300", "USD"), map[string]Basis{"movement and case": valuePart("100", "USD"), "battery": valuePart("10", "USD")}), "6.73", ""},                                                        // 6.2 + 0.53
		{"caller spells part with the", "4% on the case", nil, withParts(bas(t, "300", "USD"), map[string]Basis{"The Case": valuePart("25", "USD")}), "1", ""},                                                                                                                                   // 25 × 0.04
		{"value of lead content", "5% on the value of the lead content", nil, withParts(bas(t, "100", "USD"), map[string]Basis{"lead content": valuePart("40", "USD")}), "2", ""},                                                                                                                // 40 × 0.05
		{"kg of lead content", "1.5¢/kg on lead content", nil, withParts(bas(t, "100", "USD"), map[string]Basis{"lead content": qtyPart(t, "200 kg")}), "3", ""},                                                                                                                                 // 200 × 0.015
		{"drained weight", "15.4¢/kg on drained weight", nil, withParts(bas(t, "100", "USD", "60 kg"), map[string]Basis{"drained weight": qtyPart(t, "50 kg")}), "7.7", ""},                                                                                                                      // 50 × 0.154
		{"drained weight compound", "21.3¢/kg on drained weight + 9.6%", nil, withParts(bas(t, "100", "USD"), map[string]Basis{"drained weight": qtyPart(t, "10 kg")}), "11.73", ""},                                                                                                             // 2.13 + 9.6
		{"metal contents", "1.7¢/kg on copper content + 1.7¢/kg on lead content + 1.7¢/kg on zinc content", nil, withParts(bas(t, "100", "USD"), map[string]Basis{"copper content": qtyPart(t, "10 kg"), "lead content": qtyPart(t, "20 kg"), "zinc content": qtyPart(t, "30 kg")}), "1.02", ""}, // 0.17 + 0.34 + 0.51
		{"jewels over 7", "43¢ each + 2.8¢/jewel over 7 + 3.7% on the case", nil, withParts(bas(t, "100", "USD", "2 item"), map[string]Basis{"jewels": qtyPart(t, "17 item"), "case": valuePart("30", "USD")}), "2.25", ""},                                                                      // 0.86 + 10 × 0.028 + 1.11
		{"jewels under 7", "43¢ each + 2.8¢/jewel over 7 + 3.7% on the case", nil, withParts(bas(t, "100", "USD", "2 item"), map[string]Basis{"jewels": qtyPart(t, "5 item"), "case": valuePart("30", "USD")}), "1.97", ""},                                                                      // 0.86 + 0 + 1.11
		{"jewels", "17¢ each + 2.5% + 1¢/jewel", nil, withParts(bas(t, "40", "USD", "1 item"), map[string]Basis{"jewels": qtyPart(t, "17 item")}), "1.34", ""},                                                                                                                                   // 0.17 + 1 + 0.17
		{"optional part absent", "3.9% on the value of the rifle + 1.5% on the value of the telescopic sight, if any", nil, withParts(bas(t, "500", "USD"), map[string]Basis{"rifle": valuePart("500", "USD")}), "19.5", ""},                                                                     // 19.5 + 0
		{"optional part present", "3.9% on the value of the rifle + 1.5% on the value of the telescopic sight, if any", nil, withParts(bas(t, "600", "USD"), map[string]Basis{"rifle": valuePart("500", "USD"), "telescopic sight": valuePart("100", "USD")}), "21", ""},                         // 19.5 + 1.5
		{"fair retail value", "20 percent of the fair retail value", nil, withParts(bas(t, "100", "USD"), map[string]Basis{"fair retail value": valuePart("300", "USD")}), "60", ""},                                                                                                             // 300 × 0.2
		{"clean kg", "18.7¢/clean kg", nil, withParts(bas(t, "100", "USD", "150 kg"), map[string]Basis{"clean weight": qtyPart(t, "100 kg")}), "18.7", ""},                                                                                                                                       // 100 × 0.187
		{"including container", "5¢/kg, including weight of container", nil, withParts(bas(t, "100", "USD"), map[string]Basis{"gross weight including container": qtyPart(t, "40 kg")}), "2", ""},                                                                                                // 40 × 0.05
		{"total sugars", "1.8¢/kg of total sugars + 8.5%", nil, withParts(bas(t, "200", "USD"), map[string]Basis{"total sugars": qtyPart(t, "100 kg")}), "18.8", ""},                                                                                                                             // 1.8 + 17
		{"ethyl alcohol content", "1.1¢/liter + 5.2¢/pf. liter on ethyl alcohol content", nil, withParts(bas(t, "1", "USD", "100 l"), map[string]Basis{"ethyl alcohol content": qtyPart(t, "20 lpa")}), "3.18", ""},                                                                              // 1.10 + 40 pfl × 0.052
		// sugar
		{"sugar 96 degrees", sugarText, nil, withPol(bas(t, "1", "USD", "1000 kg"), "96"), "35.77928", ""},     // (3.6606 − 4 × 0.020668)¢ = 3.577928¢ × 1000
		{"sugar 96.5 degrees", sugarText, nil, withPol(bas(t, "1", "USD", "1000 kg"), "96.5"), "35.88262", ""}, // (3.6606 − 3.5 × 0.020668)¢ = 3.588262¢ × 1000
		{"sugar 100 degrees", sugarText, nil, withPol(bas(t, "1", "USD", "1000 kg"), "100"), "36.606", ""},     // no reduction
		{"sugar over 100", sugarText, nil, withPol(bas(t, "1", "USD", "1000 kg"), "101"), "36.606", ""},        // no increase above 100
		{"sugar 75 degrees", sugarText, nil, withPol(bas(t, "1", "USD", "1000 kg"), "75"), "31.439", ""},       // 3.6606 − 0.5167 = 3.1439¢ > floor
		{"sugar floor", sugarText, nil, withPol(bas(t, "1", "USD", "1000 kg"), "70"), "31.43854", ""},          // 3.04056¢ < floor 3.143854¢
		{"sugar odd spacing", "3.6606¢/kg less 0.020668¢ /kg for each degree under 100 degrees (and fractions of a degree in proportion) but not less 3.143854¢ /kg", nil, withPol(bas(t, "1", "USD", "1000 kg"), "96"), "35.77928", ""},
		// additional on the base duty (chapter 99)
		{"applicable subheading +", "The duty provided in the applicable subheading + 25%", nil, bas(t, "1000", "USD"), "250", ""}, // 1000 × 0.25
		{"such subheading minus", "The duty rate provided in such subheading minus 0.5%", nil, bas(t, "1000", "USD"), "-5", ""},    // reduction
		// Canadian customs tariff and other spellings
		{"CA absolute alcohol", "$0.0122/litre of absolute ethyl alcohol", []ParseOption{InCurrency("CAD")}, bas(t, "1", "CAD", "100 lpa"), "1.22", ""},                                                                                        // 100 × 0.0122
		{"CA kilolitre", "$11.16/kL", []ParseOption{InCurrency("CAD")}, bas(t, "1", "CAD", "500 l"), "5.58", ""},                                                                                                                               // 0.5 kL × 11.16
		{"CA whichever is greater", "10% or 5¢/kg, whichever is greater", []ParseOption{InCurrency("CAD")}, bas(t, "100", "CAD", "300 kg"), "15", ""},                                                                                          // 10 vs 15
		{"CA but not less than", "238% but not less than $3.59/kg", []ParseOption{InCurrency("CAD")}, bas(t, "10", "CAD", "5 kg"), "23.8", ""},                                                                                                 // 23.8 vs 17.95
		{"whichever is less", "10% or 5¢/kg, whichever is less", nil, bas(t, "100", "USD", "300 kg"), "10", ""},                                                                                                                                // 10 vs 15
		{"currency first", "EUR 5/100 kg", nil, bas(t, "1", "EUR", "200 kg"), "10", ""},                                                                                                                                                        // 2 × 5
		{"UK drained weight qualifier", "12.80 % + 176.80 EUR / 100 kg / net drained wt", nil, withParts(bas(t, "100", "EUR"), map[string]Basis{"drained weight": qtyPart(t, "50 kg")}), "101.2", ""},                                          // 12.8 + 88.4
		{"base duty alone", "The duty provided in the applicable subheading", nil, bas(t, "1000", "USD"), "0", ""},                                                                                                                             // no additional duty
		{"no change", "No change", nil, bas(t, "1000", "USD"), "0", ""},                                                                                                                                                                        // no additional duty
		{"trailing full stop", "The duty provided in the applicable subheading + 50%.", nil, bas(t, "1000", "USD"), "500", ""},                                                                                                                 // 1000 × 0.5
		{"provided inthe", "The duty provided inthe applicable subheading+ 25%", nil, bas(t, "1000", "USD"), "250", ""},                                                                                                                        // 1000 × 0.25
		{"provided for in, plus", "The duty provided for in the applicable subheading plus 10%", nil, bas(t, "1000", "USD"), "100", ""},                                                                                                        // 1000 × 0.1
		{"steel content", "The duty provided in the applicable subheading + a duty of 50% upon the value of the steel content.", nil, withParts(bas(t, "1000", "USD"), map[string]Basis{"steel content": valuePart("400", "USD")}), "200", ""}, // 400 × 0.5
		{"percent with full stop", "5%.", nil, bas(t, "100", "USD"), "5", ""},                                                                                                                                                                  // 100 × 0.05
		// other currency
		{"exchange", "176.8 EUR / 100 kg", nil, func() Basis { b := bas(t, "100", "GBP", "50 kg"); b.Exchange = eurToGBP; return b }(), "75.14", ""}, // 88.4 EUR × 0.85
	}
	require.GreaterOrEqual(t, len(cases), 80)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := ParseRate(c.rate, c.opts...)
			require.NoError(t, err)
			got, err := r.Apply(c.basis)
			require.NoError(t, err)
			want := decimal.RequireFromString(c.want)
			assert.Truef(t, want.Equal(got.Amount()), "%s: got %s, want %s", c.rate, got.Amount(), want)
			cur := c.cur
			if cur == "" {
				cur = c.basis.Value.Currency()
			}
			assert.Equal(t, cur, got.Currency())
			// The canonical text parses back (without options) and applies identically.
			back, err := ParseRate(r.String())
			require.NoErrorf(t, err, "canonical %q", r.String())
			assert.Equal(t, r.String(), back.String())
			got2, err := back.Apply(c.basis)
			require.NoError(t, err)
			assert.Truef(t, got.Equal(got2), "canonical %q applies to %s, original to %s", r.String(), got2, got)
		})
	}
}

func TestRateOneThird(t *testing.T) {
	r, err := ParseRate("33 1/3%")
	require.NoError(t, err)
	got, err := r.Apply(bas(t, "100", "USD"))
	require.NoError(t, err)
	// 100/3 carried to 28 decimals.
	assert.Equal(t, "33.3333333333333333333333333333", got.Amount().String())
	_, ok := r.AdValorem()
	assert.False(t, ok)
}

func TestRateApplyErrors(t *testing.T) {
	type check func(t *testing.T, err error)
	missing := func(what string, unit Unit, part string) check {
		return func(t *testing.T, err error) {
			var mb *MissingBasisError
			require.ErrorAs(t, err, &mb)
			assert.ErrorIs(t, err, ErrMissingBasis)
			assert.Equal(t, what, mb.What)
			assert.Equal(t, unit, mb.Unit)
			assert.Equal(t, part, mb.Part)
		}
	}
	unsupportedRate := func(component string) check {
		return func(t *testing.T, err error) {
			var ue *UnsupportedRateError
			require.ErrorAs(t, err, &ue)
			assert.ErrorIs(t, err, ErrUnsupportedRate)
			assert.Contains(t, ue.Component, component)
		}
	}
	cases := []struct {
		rate  string
		basis Basis
		check check
	}{
		{"1.5¢/kg", bas(t, "100", "USD"), missing("quantity", Kilogram, "")},
		{"1.5¢/kg", bas(t, "100", "USD", "3 item"), missing("quantity", Kilogram, "")},
		{"$1.68/pf. liter", bas(t, "100", "USD", "10 l"), missing("quantity", ProofLitre, "")},
		{"2.8¢/doz.", bas(t, "100", "USD", "1 kg"), missing("quantity", Dozen, "")},
		{"4% on the case + 5.3% on the battery", withParts(bas(t, "100", "USD"), map[string]Basis{"case": valuePart("50", "USD")}), missing("part", "", "battery")},
		{"15.4¢/kg on drained weight", bas(t, "100", "USD", "60 kg"), missing("part", "", "drained weight")},
		{"15.4¢/kg on drained weight", withParts(bas(t, "100", "USD"), map[string]Basis{"drained weight": valuePart("5", "USD")}), missing("quantity", Kilogram, "drained weight")},
		{"5% on the value of the lead content", withParts(bas(t, "100", "USD"), map[string]Basis{"lead content": qtyPart(t, "2 kg")}), missing("value", "", "lead content")},
		{sugarText, bas(t, "1", "USD", "1000 kg"), missing("polarization", "", "")},
		{"6%", bas(t, "", "", "1 kg"), missing("value", "", "")},
		{"8.3 % + EA", bas(t, "100", "EUR", "100 kg"), unsupportedRate("EA")},
		{"EAR", bas(t, "100", "EUR"), unsupportedRate("EAR")},
		{"0.000 EUR DTN + ADSZ", bas(t, "100", "EUR"), unsupportedRate("ADSZ")},
		{"5% + ADSZR", bas(t, "100", "EUR"), unsupportedRate("ADSZR")},
		{"5% + ADFM", bas(t, "100", "EUR"), unsupportedRate("ADFM")},
		{"5% + ADFMR", bas(t, "100", "EUR"), unsupportedRate("ADFMR")},
		{"5% + AC", bas(t, "100", "EUR"), unsupportedRate("AC")},
		{"9.0 % + EA MAX 18.7 % +ADSZ", bas(t, "100", "EUR"), unsupportedRate("EA")},
		{"5% + entry price", bas(t, "100", "EUR"), unsupportedRate("entry price")},
		{"0.3¢/line/ gross + 4.6%", bas(t, "100", "USD", "1 gross"), unsupportedRate("line/ gross")},
		{"4.3% + 1.7¢/jewel + 0.2¢ for each other piece or part, but if consisting in part of a plate or a set of plates the total duty shall not exceed the duty for the complete movement", bas(t, "100", "USD"), unsupportedRate("but if consisting")},
		{"176.8 EUR / 100 kg", bas(t, "100", "GBP", "50 kg"), func(t *testing.T, err error) {
			var cm *CurrencyMismatchError
			require.ErrorAs(t, err, &cm)
			assert.ErrorIs(t, err, ErrCurrencyMismatch)
			assert.ElementsMatch(t, []string{"GBP", "EUR"}, []string{cm.A, cm.B})
		}},
		{"5% on the case", withParts(bas(t, "100", "GBP"), map[string]Basis{"case": valuePart("5", "USD")}), func(t *testing.T, err error) {
			assert.ErrorIs(t, err, ErrCurrencyMismatch)
		}},
	}
	for _, c := range cases {
		t.Run(c.rate, func(t *testing.T) {
			r, err := ParseRate(c.rate)
			require.NoError(t, err)
			_, err = r.Apply(c.basis)
			require.Error(t, err)
			assert.NotEmpty(t, err.Error())
			c.check(t, err)
		})
	}
	// The message names what is missing.
	r, _ := ParseRate("15.4¢/kg on drained weight + 1.5¢/kg")
	_, err := r.Apply(bas(t, "1", "USD", "1 kg"))
	assert.ErrorContains(t, err, `"drained weight"`)
	_, err = r.Apply(withParts(bas(t, "1", "USD"), map[string]Basis{"drained weight": qtyPart(t, "1 kg")}))
	assert.ErrorContains(t, err, "kg (kilogram)")
}

func TestParseRateErrors(t *testing.T) {
	cases := []struct {
		in  string
		pos int
	}{
		{"NIHIL / 100 kg", 0},
		{"+ 5.5% 10%", 0},
		{"5%%", 2},
		{"-3%", 0},
		{"12.8 % + EUR / 100 kg", 9},
		{"5.5% 10%", 5},
		{"", 0},
		{"   ", 3},
		{"5 EUR", 5},
		{"5 XYZ / kg", 2},
		{"5¢/furlong", 4},
		{"5% MIN", 6},
		{"5% +", 4},
		{"5", 1},
		{"Free (A)", 5},
		{"Free,", 5},
		{"1/3%", 1},
		{"5 1/3¢/kg", 5},
		{"3.6606¢/kg less 0.02¢/l for each degree under 100 degrees but not less than 3¢/kg", 24},
		{"3.6606¢/kg less 0.02¢/kg for each degree", 27},
		{"5% on", 5},
		{"5% on + 3%", 6},
		{"1.5¢/kg, or else", 8},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			_, err := ParseRate(c.in)
			require.Error(t, err)
			var se *RateSyntaxError
			require.ErrorAs(t, err, &se)
			assert.ErrorIs(t, err, ErrInvalidRate)
			assert.Equal(t, c.in, se.Input)
			assert.Equal(t, c.pos, se.Pos, se.Error())
			assert.Contains(t, err.Error(), "position")
		})
	}
	_, err := ParseRate("5%", InCurrency("XYZ"))
	assert.ErrorIs(t, err, ErrInvalidCurrency)
}

func TestParseRateReferences(t *testing.T) {
	cases := []struct {
		in     string
		kind   ReferenceKind
		target string
	}{
		{"See additional U.S. note 1", RefNote, "additional U.S. note 1"},
		{"See 9822.04.25", RefProvision, "9822.04.25"},
		{"The rate applicable to each garment in the ensemble if separately entered", RefApplicableRate, ""},
		{"The rate applicable to the natural juice in heading 2009", RefApplicableRate, "2009"},
		{"The rate of duty applicable to that article in the set subject to the highest rate of duty", RefApplicableRate, ""},
		{"The rate provided for beneficiary countries in heading 9901.00.50", RefProvision, "9901.00.50"},
		{"The duty rate provided for originating goods of Korea in such subheading", RefProvision, ""},
		{"A duty upon the value of the repairs or alterations (see U.S. note 3 of this subchapter)", RefValuation, "U.S. note 3"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			_, err := ParseRate(c.in)
			var re *RateReferenceError
			require.ErrorAs(t, err, &re)
			assert.ErrorIs(t, err, ErrRateReference)
			assert.False(t, errors.Is(err, ErrInvalidRate))
			assert.Equal(t, c.kind, re.Kind)
			assert.Equal(t, c.target, re.Target)
			assert.Equal(t, c.in, re.Input)
		})
	}
	assert.Equal(t, "note", RefNote.String())
	assert.Equal(t, "valuation", RefValuation.String())
}

func TestRateStructure(t *testing.T) {
	mustRate := func(s string, opts ...ParseOption) Rate {
		r, err := ParseRate(s, opts...)
		require.NoError(t, err)
		return r
	}
	var zero Rate
	assert.True(t, zero.IsFree())
	assert.Equal(t, "Free", zero.String())
	assert.True(t, mustRate("Free").IsFree())
	assert.True(t, mustRate("Free, under bond").IsFree())
	assert.Equal(t, "under bond", mustRate("Free, under bond").Condition())
	assert.False(t, mustRate("0%").IsFree())

	p, ok := mustRate("6.8%").AdValorem()
	assert.True(t, ok)
	assert.Equal(t, "6.8", p.String())
	_, ok = mustRate("4.4¢/kg + 6%").AdValorem()
	assert.False(t, ok)
	_, ok = mustRate("4% on the case").AdValorem()
	assert.False(t, ok)

	assert.Equal(t, []Unit{Kilogram}, mustRate("4.4¢/kg + 6%").Units())
	assert.Equal(t, []Unit{Quintal}, mustRate("12.000 % MIN 2.000 EUR DTN MAX 3.000 EUR DTN").Units())
	assert.Equal(t, []Unit{Item, Kilogram}, mustRate("98¢ each + 1¢/kg + 2¢ each").Units())
	assert.Empty(t, mustRate("6%").Units())

	assert.Equal(t, []string{"case", "strap, band or bracelet", "battery"}, mustRate("$1.35 each + 4% on the case + 5.3% on the strap, band or bracelet + 5.3% on the battery").Parts())
	assert.Equal(t, []string{"EUR"}, mustRate("12.8 % + 176.8 EUR / 100 kg").Currencies())
	assert.Equal(t, []string{"CAD"}, mustRate("$1/kg", InCurrency("CAD")).Currencies())
	assert.Equal(t, "1 CAD/kg", mustRate("$1/kg", InCurrency("CAD")).String())
	assert.Empty(t, mustRate("6%").Currencies())
	assert.True(t, mustRate(sugarText).NeedsPolarization())
	assert.False(t, mustRate("1¢/kg").NeedsPolarization())

	add := mustRate("The duty provided in the applicable subheading + 25%")
	assert.True(t, add.AdditionalOnBase())
	assert.False(t, add.IsFree())
	assert.False(t, mustRate("25%").AdditionalOnBase())
	assert.True(t, mustRate("No change").AdditionalOnBase())
	assert.Equal(t, "The duty provided in the applicable subheading", mustRate("No change").String())

	assert.NoError(t, mustRate("5%").Supported())
	assert.ErrorIs(t, mustRate("5% + EA").Supported(), ErrUnsupportedRate)
}

func TestRateCanonical(t *testing.T) {
	cases := map[string]string{
		"Free":                                  "Free",
		"37.5% ":                                "37.5%",
		"12.8 %":                                "12.8%",
		"98¢ each":                              "98¢/item",
		"$1.68/pf. liter":                       "$1.68/pfl",
		"1.100 EUR DTN":                         "1.1 EUR/100kg",
		"1,554.300 EUR TNE":                     "1554.3 EUR/t",
		"0.075 EUR ASV X":                       "0.075 EUR/%vol_hl",
		"35.10 GBP / 100 kg":                    "35.1 GBP/100kg",
		"£20.50 / 100 kg":                       "20.5 GBP/100kg",
		"5% but not less than 2¢/kg":            "5% MIN 2¢/kg",
		"8.3 % + EA MAX 18.7 % +ADSZ":           "8.3% + EA MAX 18.7% + ADSZ",
		"5% on the value of the lead content":   "5% on lead content",
		"131.70 EUR / 100 kg - 10 EUR / 100 kg": "131.7 EUR/100kg - 10 EUR/100kg",
		"The duty rate provided in such subheading minus 0.5%": "The duty provided in the applicable subheading - 0.5%",
		"33 1/3%": "33 1/3%",
		sugarText: sugarText,
	}
	for in, want := range cases {
		r, err := ParseRate(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, r.String(), in)
	}
}

func TestRateJSON(t *testing.T) {
	type line struct {
		Rate Rate `json:"rate"`
	}
	in := line{}
	require.NoError(t, json.Unmarshal([]byte(`{"rate":"12.8 % + 176.8 EUR / 100 kg"}`), &in))
	out, err := json.Marshal(in)
	require.NoError(t, err)
	assert.JSONEq(t, `{"rate":"12.8% + 176.8 EUR/100kg"}`, string(out))
	err = json.Unmarshal([]byte(`{"rate":"5%%"}`), &in)
	assert.ErrorIs(t, err, ErrInvalidRate)
	out, err = json.Marshal(line{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"rate":"Free"}`, string(out))
}
