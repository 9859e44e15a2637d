package duty_test

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
)

func ExampleParseMoney() {
	m, err := duty.ParseMoney("1234.5", "EUR")
	if err != nil {
		panic(err)
	}
	fmt.Println(m)

	// Exponents, separators and spaces are refused: amounts read one way.
	_, err = duty.ParseMoney("1,234.50", "EUR")
	fmt.Println(errors.Is(err, duty.ErrInvalidAmount))
	// Output:
	// 1234.50 EUR
	// true
}

func ExampleMoney_Round() {
	// Half away from zero at the currency's minor unit.
	fmt.Println(duty.MustMoney("1.005", "EUR").Round())
	fmt.Println(duty.MustMoney("-1.005", "EUR").Round())
	fmt.Println(duty.MustMoney("2.5", "JPY").Round())
	fmt.Println(duty.MustMoney("1.0005", "KWD").Round())
	fmt.Println(duty.MustMoney("1.005", "EUR").RoundWith(duty.HalfEven))
	// Output:
	// 1.01 EUR
	// -1.01 EUR
	// 3 JPY
	// 1.001 KWD
	// 1.00 EUR
}

func ExampleMoney_RoundTo() {
	// Japan rounds the taxable value down to 1,000 yen.
	fmt.Println(duty.MustMoney("123456", "JPY").RoundTo(-3, duty.Down))
	fmt.Println(duty.MustMoney("19.99", "EUR").RoundTo(0, duty.Up))
	// Output:
	// 123000 JPY
	// 20.00 EUR
}

func ExampleAllocate() {
	// Freight of 10.00 EUR over three equal lines: the cent left over goes
	// to the first line, and the parts sum to the whole.
	parts, err := duty.Allocate(duty.MustMoney("10.00", "EUR"), []decimal.Decimal{
		decimal.NewFromInt(1), decimal.NewFromInt(1), decimal.NewFromInt(1),
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(parts)
	sum, _ := duty.Sum(parts...)
	fmt.Println(sum)
	// Output:
	// [3.34 EUR 3.33 EUR 3.33 EUR]
	// 10.00 EUR
}

func ExampleParseQuantity() {
	for _, s := range []string{"100 kg", "7 DTN", "2 1000 kg", "3 l alc. 100%", "12 doz."} {
		q, err := duty.ParseQuantity(s)
		if err != nil {
			panic(err)
		}
		fmt.Println(q)
	}
	// Output:
	// 100 kg
	// 7 100kg
	// 2 t
	// 3 lpa
	// 12 dozen
}

func ExampleQuantity_Convert() {
	q, _ := duty.ParseQuantity("2.5 t")
	kg, _ := q.Convert(duty.Kilogram)
	fmt.Println(kg)

	_, err := q.Convert(duty.Litre)
	fmt.Println(err)
	// Output:
	// 2500 kg
	// duty: cannot convert t (mass) to l (volume)
}

func ExampleParseUnit() {
	for _, s := range []string{"KGM", "DTN", "pf. liter", "No.", "p/st", "HLT"} {
		u, err := duty.ParseUnit(s)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s → %s (%s)\n", s, u, u.Name())
	}
	// Output:
	// KGM → kg (kilogram)
	// DTN → 100kg (100 kilograms)
	// pf. liter → pfl (proof litre)
	// No. → item (item)
	// p/st → item (item)
	// HLT → hl (hectolitre)
}

func ExampleLookupCurrency() {
	info, _ := duty.LookupCurrency("KWD")
	fmt.Println(info.Code, info.Numeric, info.Minor)

	_, err := duty.LookupCurrency("HRK") // withdrawn: Croatia uses the euro
	fmt.Println(err)
	// Output:
	// KWD 414 3
	// duty: "HRK" is not an active ISO 4217 currency code
}

func ExampleValidateCountry() {
	fmt.Println(duty.ValidateCountry("DE"))
	fmt.Println(duty.ValidateCountry("UK"))
	fmt.Println(duty.ValidateCountry("DEU"))
	// Output:
	// <nil>
	// duty: "UK" is not an ISO 3166-1 alpha-2 country code (the ISO code of the United Kingdom is GB)
	// duty: "DEU" is not an ISO 3166-1 alpha-2 country code (use the alpha-2 code, not alpha-3)
}
