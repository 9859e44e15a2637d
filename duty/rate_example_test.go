package duty_test

import (
	"errors"
	"fmt"

	"github.com/iorkit/iorkit/duty"
	"github.com/shopspring/decimal"
)

func ExampleParseRate() {
	r, err := duty.ParseRate("4.4¢/kg + 6%")
	if err != nil {
		panic(err)
	}
	kg, _ := duty.ParseQuantity("100 kg")
	m, err := r.Apply(duty.Basis{Value: duty.MustMoney("1000", "USD"), Quantities: []duty.Quantity{kg}})
	if err != nil {
		panic(err)
	}
	fmt.Println(r, "→", m.Round())
	// Output: 4.4¢/kg + 6% → 64.40 USD
}

func ExampleParseRate_taric() {
	r, _ := duty.ParseRate("12.000 % MIN 2.000 EUR DTN MAX 3.000 EUR DTN")
	t, _ := duty.ParseQuantity("1000 kg")
	for _, v := range []string{"100", "200", "1000"} {
		m, _ := r.Apply(duty.Basis{Value: duty.MustMoney(v, "EUR"), Quantities: []duty.Quantity{t}})
		fmt.Println(v, "EUR:", m.Round())
	}
	fmt.Println(r)
	// Output:
	// 100 EUR: 20.00 EUR
	// 200 EUR: 24.00 EUR
	// 1000 EUR: 30.00 EUR
	// 12% MIN 2 EUR/100kg MAX 3 EUR/100kg
}

func ExampleParseRate_inCurrency() {
	r, _ := duty.ParseRate("$1.50/kg", duty.InCurrency("CAD"))
	kg, _ := duty.ParseQuantity("4 kg")
	m, _ := r.Apply(duty.Basis{Value: duty.MustMoney("80", "CAD"), Quantities: []duty.Quantity{kg}})
	fmt.Println(r.Currencies(), m)
	// Output: [CAD] 6.00 CAD
}

func ExampleParseRate_reference() {
	_, err := duty.ParseRate("See additional U.S. note 1")
	var ref *duty.RateReferenceError
	if errors.As(err, &ref) {
		fmt.Println(ref.Kind, "→", ref.Target)
	}
	r, _ := duty.ParseRate("The duty provided in the applicable subheading + 25%")
	m, _ := r.Apply(duty.Basis{Value: duty.MustMoney("1000", "USD")})
	fmt.Println(r.AdditionalOnBase(), m)
	// Output:
	// note → additional U.S. note 1
	// true 250.00 USD
}

func ExampleParseRate_syntaxError() {
	_, err := duty.ParseRate("12.8 % + EUR / 100 kg")
	var se *duty.RateSyntaxError
	fmt.Println(errors.As(err, &se), errors.Is(err, duty.ErrInvalidRate), se.Pos)
	fmt.Println(err)
	// Output:
	// true true 9
	// duty: rate "12.8 % + EUR / 100 kg" at position 9: expected a rate component, got "EUR"
}

func ExampleRate_Apply_parts() {
	r, _ := duty.ParseRate("$1.35 each + 4% on the case + 5.3% on the battery")
	fmt.Println(r.Parts())
	items, _ := duty.ParseQuantity("10 item")
	b := duty.Basis{
		Value:      duty.MustMoney("200", "USD"),
		Quantities: []duty.Quantity{items},
		Parts: map[string]duty.Basis{
			"case": {Value: duty.MustMoney("50", "USD")},
		},
	}
	_, err := r.Apply(b)
	fmt.Println(err)
	b.Parts["battery"] = duty.Basis{Value: duty.MustMoney("2", "USD")}
	m, _ := r.Apply(b)
	fmt.Println(m.Amount(), "→", m.Round())
	// Output:
	// [case battery]
	// duty: rate "$1.35/item + 4% on case + 5.3% on battery" needs part "battery" in Basis.Parts
	// 15.606 → 15.61 USD
}

func ExampleRate_Apply_sugar() {
	r, _ := duty.ParseRate("3.6606¢/kg less 0.020668¢/kg for each degree under 100 degrees (and fractions of a degree in proportion) but not less than 3.143854¢/kg")
	kg, _ := duty.ParseQuantity("1000 kg")
	b := duty.Basis{Value: duty.MustMoney("500", "USD"), Quantities: []duty.Quantity{kg}}
	b.Polarization = decimal.NullDecimal{Decimal: decimal.RequireFromString("96"), Valid: true}
	m, _ := r.Apply(b)
	fmt.Println(m.Amount())
	// Output: 35.77928
}

func ExampleRate_Apply_unsupported() {
	r, _ := duty.ParseRate("8.3 % + EA MAX 18.7 % +ADSZ")
	_, err := r.Apply(duty.Basis{Value: duty.MustMoney("100", "EUR")})
	fmt.Println(errors.Is(err, duty.ErrUnsupportedRate))
	fmt.Println(err)
	// Output:
	// true
	// duty: rate component "EA" needs data an entry does not hold
}

func ExampleParsePreferences() {
	ps, _ := duty.ParsePreferences("Free (A+,AU,BH,CL) 9.3¢/pf.liter (JO) See 9822.04.25 (AU)")
	for _, p := range ps {
		if p.Reference != nil {
			fmt.Println("reference", p.Reference.Target, p.Programs)
			continue
		}
		fmt.Println(p.Rate, p.Programs)
	}
	// Output:
	// Free [A+ AU BH CL]
	// 9.3¢/pfl [JO]
	// reference 9822.04.25 [AU]
}
