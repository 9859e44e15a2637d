package reftariff_test

import (
	"errors"
	"fmt"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/reftariff"
)

// The EU reference edition prices a CN 2020 line and names its edition;
// an HS 2022 code it does not have is unknown.
func ExampleEU() {
	eu, err := reftariff.EU()
	if err != nil {
		fmt.Println(err)
		return
	}
	on := duty.MustDate("2026-12-01")
	ms, err := eu.Measures("6109.10.00", "CN", on)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ms[0].Rate, ms[0].Caveat, ms[0].Edition)
	_, err = eu.Measures("8517.13.00", "CN", on)
	fmt.Println(errors.Is(err, duty.ErrUnknownCode))
	// Output:
	// 12% REFERENCE_TARIFF EU Common Customs Tariff 2020 (CN 2020)
	// true
}

// Switzerland: industrial goods enter free from 2024-01-01.
func ExampleSwitzerland() {
	ms, err := reftariff.Switzerland().Measures("8471.30", "CN", duty.MustDate("2026-03-01"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ms[0].Rate, ms[0].From)
	// Output: Free 2024-01-01
}
