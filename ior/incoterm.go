package ior

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Incoterm is one of the eleven Incoterms® 2020 rules. It decides who
// clears the goods for import and who pays import duties and taxes; iorkit
// uses it to order importer candidates and to split a quote between payers.
type Incoterm string

// The Incoterms 2020 rules (ICC publication 723E).
const (
	EXW Incoterm = "EXW" // Ex Works
	FCA Incoterm = "FCA" // Free Carrier
	CPT Incoterm = "CPT" // Carriage Paid To
	CIP Incoterm = "CIP" // Carriage and Insurance Paid To
	DAP Incoterm = "DAP" // Delivered at Place
	DPU Incoterm = "DPU" // Delivered at Place Unloaded
	DDP Incoterm = "DDP" // Delivered Duty Paid
	FAS Incoterm = "FAS" // Free Alongside Ship
	FOB Incoterm = "FOB" // Free on Board
	CFR Incoterm = "CFR" // Cost and Freight
	CIF Incoterm = "CIF" // Cost, Insurance and Freight
)

// Side is a party to the sale: the seller or the buyer.
type Side string

// The two sides of a sale.
const (
	SellerSide Side = "seller"
	BuyerSide  Side = "buyer"
)

// IncotermRule is what one Incoterms 2020 rule allocates. Source: ICC,
// Incoterms® 2020 (publication 723E), articles A2/B2 (delivery), A4/B4
// (carriage), A5/B5 (insurance) and A7/B7 (export/import clearance): import
// clearance, and the duties and taxes it brings, fall on the buyer under
// every rule except DDP, where they fall on the seller; export clearance
// falls on the seller under every rule except EXW.
type IncotermRule struct {
	Code             Incoterm
	Name             string
	SeaOnly          bool // FAS, FOB, CFR, CIF: sea and inland waterway transport only
	ExportClearance  Side // who clears for export (A7/B7)
	ImportClearance  Side // who clears for import (A7/B7)
	ImportDutiesTax  Side // who pays import duties, taxes and clearance costs (A9/B9)
	MainCarriage     Side // who contracts and pays the main carriage (A4/B4)
	InsuranceSeller  bool // the seller must insure the goods (A5): CIP and CIF
	DeliveryAtOrigin bool // risk passes in the origin country (E, F and C rules)
}

var incoterms = map[Incoterm]IncotermRule{
	EXW: {EXW, "Ex Works", false, BuyerSide, BuyerSide, BuyerSide, BuyerSide, false, true},
	FCA: {FCA, "Free Carrier", false, SellerSide, BuyerSide, BuyerSide, BuyerSide, false, true},
	CPT: {CPT, "Carriage Paid To", false, SellerSide, BuyerSide, BuyerSide, SellerSide, false, true},
	CIP: {CIP, "Carriage and Insurance Paid To", false, SellerSide, BuyerSide, BuyerSide, SellerSide, true, true},
	DAP: {DAP, "Delivered at Place", false, SellerSide, BuyerSide, BuyerSide, SellerSide, false, false},
	DPU: {DPU, "Delivered at Place Unloaded", false, SellerSide, BuyerSide, BuyerSide, SellerSide, false, false},
	DDP: {DDP, "Delivered Duty Paid", false, SellerSide, SellerSide, SellerSide, SellerSide, false, false},
	FAS: {FAS, "Free Alongside Ship", true, SellerSide, BuyerSide, BuyerSide, BuyerSide, false, true},
	FOB: {FOB, "Free on Board", true, SellerSide, BuyerSide, BuyerSide, BuyerSide, false, true},
	CFR: {CFR, "Cost and Freight", true, SellerSide, BuyerSide, BuyerSide, SellerSide, false, true},
	CIF: {CIF, "Cost, Insurance and Freight", true, SellerSide, BuyerSide, BuyerSide, SellerSide, true, true},
}

// Incoterms returns the eleven rules in ICC order.
func Incoterms() []IncotermRule {
	order := []Incoterm{EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR, CIF}
	out := make([]IncotermRule, len(order))
	for i, c := range order {
		out[i] = incoterms[c]
	}
	return out
}

// ParseIncoterm reads a rule code, case-insensitively ("ddp" → DDP).
func ParseIncoterm(s string) (Incoterm, error) {
	c := Incoterm(strings.ToUpper(strings.TrimSpace(s)))
	if _, ok := incoterms[c]; ok {
		return c, nil
	}
	return "", fmt.Errorf("%w: %q (want one of EXW, FCA, CPT, CIP, DAP, DPU, DDP, FAS, FOB, CFR, CIF)", ErrInvalidIncoterm, s)
}

// Rule returns what the rule allocates; ok is false for an unknown code.
func (i Incoterm) Rule() (IncotermRule, bool) {
	r, ok := incoterms[i]
	return r, ok
}

// Valid reports whether i is an Incoterms 2020 rule.
func (i Incoterm) Valid() bool { _, ok := incoterms[i]; return ok }

// ImportPayer is who pays import duties and taxes under the rule: the
// seller under DDP, the buyer under every other rule.
func (i Incoterm) ImportPayer() Side {
	if r, ok := incoterms[i]; ok {
		return r.ImportDutiesTax
	}
	return BuyerSide
}

// UnmarshalJSON reads a rule code, case-insensitively.
func (i *Incoterm) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("%w: got %s, want a string such as \"DDP\"", ErrInvalidIncoterm, b)
	}
	if s == "" {
		*i = ""
		return nil
	}
	v, err := ParseIncoterm(s)
	if err != nil {
		// Keep the raw value so Validate can report it with its path.
		*i = Incoterm(s)
		return nil
	}
	*i = v
	return nil
}
