package ior_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/iorkit/iorkit/ior"
)

func ExampleShipment_Validate() {
	var s ior.Shipment
	err := json.Unmarshal([]byte(`{
		"date": "2026-03-01", "origin": "US", "destination": "UK",
		"incoterm": "DDU", "mode": "courier",
		"seller": {"name": "Acme Inc", "country": "US", "kind": "business"},
		"buyer": {"name": "Jane Doe", "country": "GB", "kind": "consumer"},
		"lines": [{"hs": "84A1", "origin": "CN",
		           "quantity": {"value": "1", "unit": "item"},
		           "unit_price": {"amount": "25.00", "currency": "GBP"}}]
	}`), &s)
	if err != nil {
		panic(err)
	}
	err = s.Validate()
	var ve *ior.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Println(p)
		}
	}
	fmt.Println(errors.Is(err, ior.ErrInvalidHS))
	// Output:
	// destination: "UK" is not an ISO 3166-1 alpha-2 country code (the ISO code of the United Kingdom is GB)
	// incoterm: "DDU" is not an Incoterms 2020 rule (want EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR or CIF)
	// lines[0].hs: "84A1" is not an HS code (6 to 10 digits, dots allowed)
	// true
}

func ExampleParseIncoterm() {
	i, err := ior.ParseIncoterm("ddp")
	fmt.Println(i, err)

	_, err = ior.ParseIncoterm("DDU") // Incoterms 2000; replaced by DAP in 2010
	fmt.Println(errors.Is(err, ior.ErrInvalidIncoterm))
	// Output:
	// DDP <nil>
	// true
}

func ExampleIncoterm_ImportPayer() {
	for _, i := range []ior.Incoterm{ior.EXW, ior.DAP, ior.DDP, ior.CIF} {
		fmt.Println(i, i.ImportPayer())
	}
	// Output:
	// EXW buyer
	// DAP buyer
	// DDP seller
	// CIF buyer
}
