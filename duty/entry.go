package duty

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Entry is a customs declaration in the destination's terms: what is
// imported, from where, when and how, with its value.
type Entry struct {
	Destination string // country of import (ISO 3166-1 alpha-2)
	Region      string // ISO 3166-2 subdivision, for regional taxes (CA-ON)
	// PortRegion is the ISO 3166-2 subdivision of the customs office where
	// the goods are released, when known. Canada's border collects a
	// province's sales tax only on goods released in that province
	// (TaxRule.PortInRegion); empty: not known.
	PortRegion string
	Date       Date   // date of import: selects the data in force
	Mode       string // courier, post, air, ocean, road, rail
	// ShippedFrom is the country of direct shipment (CA courier thresholds).
	ShippedFrom string
	// Consumer is true for a sale to a private person (B2C).
	Consumer bool
	// SellerRegistrations are the schemes the seller holds (IOSS, VOEC...):
	// point-of-sale regimes apply only to registered sellers.
	SellerRegistrations []string
	// BuyerVATRegistered is true when the buyer is a business registered
	// for VAT/GST in the destination (GB: consignments of GBP 135 or less
	// are then reverse-charged by the buyer).
	BuyerVATRegistered bool
	// Gift is true for goods sent by a private person to a private person
	// without payment of any kind, where a gift relief may apply.
	Gift bool
	// Services are the carrier's and broker's charges for the shipment
	// (clearance, handling, delivery): not state charges, shown apart, and
	// in the VAT base where the profile's tax includes them.
	Services  []ServiceCharge
	Lines     []EntryLine
	Freight   Money // international freight (zero Money: none)
	Insurance Money // insurance of that transport (zero Money: none)
}

// EntryLine is one line of an entry.
type EntryLine struct {
	HS          string // 6 to 10 digits, dots allowed
	Origin      string // country of origin
	Description string
	Value       Money      // invoice value of the line (quantity × unit price)
	Quantities  []Quantity // net mass, items, litres... as rates need them
	// ClaimPreference: nil claims a preferential rate where the origin
	// qualifies (proof of origin required); false pays MFN.
	ClaimPreference *bool
	// Measures, when set, are used instead of the schedule's.
	Measures []Measure
	// ABV is the alcoholic strength by volume in percent (40 for a 40%
	// spirit), for per-unit excise (Profile.Excise): with a volume among
	// Quantities it gives the line's litres of pure alcohol. Zero: not
	// given.
	ABV decimal.Decimal
	// Parts are named components some rates are charged on: "metal_content"
	// (US Section 232 derivatives), "case", "movement", "battery", "drained
	// weight"... (see Rate.Parts).
	Parts []Part
}

// Part is a named component of a line with its value and quantities.
type Part struct {
	Name       string     `json:"name"`
	Value      Money      `json:"value"`
	Quantities []Quantity `json:"quantities,omitempty"`
}

// ErrLine is matched by every *LineError.
var ErrLine = fmt.Errorf("duty: line cannot be assessed")

// LineError says which line could not be assessed and why.
type LineError struct {
	Line int    // 0-based index
	HS   string // the line's code
	Err  error
}

func (e *LineError) Error() string {
	return fmt.Sprintf("duty: line %d (HS %s): %v", e.Line, clip(e.HS), e.Err)
}

// Unwrap returns the cause.
func (e *LineError) Unwrap() error { return e.Err }

// Is reports whether target is ErrLine.
func (e *LineError) Is(target error) bool { return target == ErrLine }
