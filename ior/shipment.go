package ior

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/jsonpath"
	"github.com/iorkit/iorkit/internal/limits"
	"github.com/iorkit/iorkit/rules"
	"github.com/shopspring/decimal"
)

// MaxLines bounds the lines of one shipment. Rules iterate over lines, so
// the bound is what keeps their cost finite; Validate refuses more.
const MaxLines = 1000

// MaxStringBytes bounds every string field of a shipment (id, names,
// registration ids, SKU, description, HS codes, part names...); Validate
// refuses longer ones. It is the string size the rules' cost estimate
// assumes (rules.MaxStringSize), so the estimate holds for every shipment
// Validate accepts.
const MaxStringBytes = rules.MaxStringSize

// MaxListItems bounds every list of a shipment other than its lines
// (affiliates, IOR providers, registrations, a line's quantities and
// parts); Validate refuses more. It is the list size the rules' cost
// estimate assumes (rules.MaxListSize).
const MaxListItems = rules.MaxListSize

// MaxShipmentBytes bounds the JSON document ReadShipment reads: MaxLines
// lines with long descriptions fit in it many times over.
const MaxShipmentBytes = limits.ShipmentBytes

// Shipment is one international consignment from a seller to a buyer, as
// the CLI, the examples and services built on iorkit send it (JSON with
// snake_case names). Amounts are duty.Money, so they arrive as strings.
type Shipment struct {
	ID                string     `json:"id"`
	Date              duty.Date  `json:"date"`
	Origin            string     `json:"origin"`             // country the goods are shipped from (ISO 3166-1 alpha-2)
	Destination       string     `json:"destination"`        // country of import
	DestinationRegion string     `json:"destination_region"` // ISO 3166-2 subdivision, e.g. CA-ON (optional)
	Incoterm          Incoterm   `json:"incoterm"`
	Mode              Mode       `json:"mode"`
	Seller            Party      `json:"seller"`
	Buyer             Party      `json:"buyer"`
	Consignee         *Party     `json:"consignee"`     // receives the goods when not the buyer (optional)
	Affiliates        []Party    `json:"affiliates"`    // the seller's own entities abroad
	IORProviders      []Party    `json:"ior_providers"` // third parties offering to act as importer
	Lines             []Line     `json:"lines"`
	Freight           duty.Money `json:"freight"`   // international transport to the destination
	Insurance         duty.Money `json:"insurance"` // insurance of that transport
	// ClaimPreference says whether to claim a preferential (FTA) rate where
	// the origin qualifies. nil means claim, with a note that proof of origin
	// is required; false means pay the MFN rate.
	ClaimPreference *bool `json:"claim_preference,omitempty"`
	// Gift marks goods sent by a private person to a private person
	// without payment of any kind (seller and buyer both of kind consumer).
	// Gift reliefs (GB up to GBP 39, the EU up to EUR 45) apply only with
	// it, and point-of-sale regimes, which need a sale, do not.
	Gift bool `json:"gift,omitempty"`
	// PortRegion is the ISO 3166-2 subdivision of the customs office where
	// the goods are released (optional; a subdivision of Destination).
	// Canada: the CBSA collects a province's sales tax (PST, RST, QST) on
	// casual goods only when they enter through the buyer's province;
	// without it the quote cannot tell and says so (NOT_MODELLED).
	PortRegion string `json:"port_region,omitempty"`
	// ServiceCharges are what the carrier or a broker bills for the
	// shipment besides the international freight: clearance or brokerage,
	// handling, delivery to the first destination. They are not state
	// charges: the quote shows them apart (services) and adds them to the
	// VAT base where the destination's law does (CH, GB, NO, the EU).
	ServiceCharges []ServiceCharge `json:"service_charges,omitempty"`
}

// ServiceCharge is a carrier's or broker's charge: a fixed amount, a
// percent of the goods value, or both, at least Minimum. Kind is
// clearance, handling, delivery or other (never in a tax base).
type ServiceCharge struct {
	Code    string           `json:"code"` // your stable name, e.g. "brokerage"
	Name    string           `json:"name,omitempty"`
	Kind    duty.ServiceKind `json:"kind"`
	Amount  *duty.Money      `json:"amount,omitempty"`  // the fixed part
	Percent decimal.Decimal  `json:"percent,omitzero"`  // of the goods value
	Minimum *duty.Money      `json:"minimum,omitempty"` // the least charged
}

// Party is a seller, buyer, consignee, affiliate or IOR provider.
type Party struct {
	Name    string `json:"name"`
	Country string `json:"country"`          // where it is established
	Region  string `json:"region,omitempty"` // ISO 3166-2 subdivision (optional)
	Kind    Kind   `json:"kind"`             // business or consumer
	// LocalEntity says the party is established in the destination
	// (a resident company, branch or person).
	LocalEntity   bool `json:"local_entity"`
	VATRegistered bool `json:"vat_registered"` // registered for VAT/GST in the destination
	// AcceptsImportRisk is whether the party is willing to act as importer
	// and bear its liabilities. nil means not stated and counts as willing;
	// false rules the party out as importer.
	AcceptsImportRisk *bool          `json:"accepts_import_risk,omitempty"`
	Registrations     []Registration `json:"registrations,omitempty"`
	Fee               *ProviderFee   `json:"fee,omitempty"` // what an IOR provider charges
}

// Kind is what a party is: a business or a private consumer.
type Kind string

// Party kinds.
const (
	Business Kind = "business"
	Consumer Kind = "consumer"
)

// Registration is an identifier a party holds under a scheme: EORI, EIN,
// BN (with RM account), IEC, RADAR, IOSS, VOEC, UK_VAT...
type Registration struct {
	Scheme string `json:"scheme"`
	ID     string `json:"id"`
}

// ProviderFee is an IOR provider's charge: a percent of the customs value
// with an optional minimum.
type ProviderFee struct {
	Percent decimal.Decimal `json:"percent"`
	Minimum *duty.Money     `json:"minimum,omitempty"`
}

// Line is one kind of goods in the shipment.
type Line struct {
	SKU         string        `json:"sku"`
	Description string        `json:"description"`
	HS          string        `json:"hs"`     // tariff code, 6 to 10 digits; dots and spaces allowed
	Origin      string        `json:"origin"` // country of origin of the goods ("" when unknown: give OriginAlternatives)
	Quantity    duty.Quantity `json:"quantity"`
	UnitPrice   duty.Money    `json:"unit_price"`
	NetWeight   duty.Quantity `json:"net_weight"`
	// Quantities are further measures rates may need (litres, lpa, m2).
	Quantities []duty.Quantity `json:"quantities,omitempty"`
	// ABV is the alcoholic strength by volume in percent (40 for a 40%
	// spirit; optional). With a volume among the quantities (or as the
	// quantity) it gives the litres of pure alcohol per-unit excise is
	// charged on (GB Alcohol Duty): without it that excise is not computed
	// and the quote says so (NOT_MODELLED).
	ABV decimal.Decimal `json:"abv,omitzero"`
	// ClaimPreference overrides the shipment's setting for this line.
	ClaimPreference *bool `json:"claim_preference,omitempty"`
	// Parts are named components some rates are charged on, with their
	// value (for the whole line) and quantities: "metal_content" for US
	// Section 232 derivatives, "case" and "movement" for watches...
	Parts []duty.Part `json:"parts,omitempty"`
	// HSAlternatives are other codes the goods may be classified under,
	// and OriginAlternatives other countries they may come from (with
	// Origin "" when it is not known at all, the first is the expected
	// one). A quote of a shipment with alternatives reports the range of
	// its duty and tax (Quote.Range).
	HSAlternatives     []string `json:"hs_alternatives,omitempty"`
	OriginAlternatives []string `json:"origin_alternatives,omitempty"`
}

// Has reports whether the party holds a registration under scheme, in any
// case (see NormalizeScheme).
func (p Party) Has(scheme string) bool {
	for _, r := range p.Registrations {
		if NormalizeScheme(r.Scheme) == NormalizeScheme(scheme) {
			return true
		}
	}
	return false
}

// Willing reports whether the party accepts import risk (nil counts as yes).
func (p Party) Willing() bool { return p.AcceptsImportRisk == nil || *p.AcceptsImportRisk }

// Value returns quantity × unit price of the line, exactly.
func (l Line) Value() duty.Money { return l.UnitPrice.Mul(l.Quantity.Value) }

// Currency is the currency of the shipment's prices (that of its first
// line). Validate checks that every line, freight and insurance agree.
func (s Shipment) Currency() string {
	if len(s.Lines) == 0 {
		return ""
	}
	return s.Lines[0].UnitPrice.Currency()
}

// plainShipment is Shipment without its UnmarshalJSON method.
type plainShipment Shipment

// ErrUnknownField is matched by the error of a shipment JSON document with
// a key that is no field of the shipment (a misspelt "frieght" would
// otherwise be dropped and the quote silently lowered).
var ErrUnknownField = errors.New("ior: unknown field")

// UnmarshalJSON decodes a shipment strictly: a key that is no field of the
// shipment is an error (ErrUnknownField) naming it, and an error names the
// field where decoding failed (`lines[0].unit_price: duty: "5,00" is not a
// decimal amount ...`), which encoding/json does not do for errors of
// dates, amounts, quantities and units. The error wraps a *FieldError with
// that path and the cause (duty.ErrInvalidAmount...).
//
// Data after the document is an error of json.Unmarshal; a json.Decoder
// reading a stream does not see it: use ReadShipment for a document.
func (s *Shipment) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var ps plainShipment
	err := dec.Decode(&ps)
	if err == nil {
		*s = Shipment(ps)
		return nil
	}
	var je *jsonpath.Error
	if loc := jsonpath.Locate(b, reflect.TypeFor[plainShipment](), true); errors.As(loc, &je) {
		if key, ok := strings.CutPrefix(je.Msg, "unknown field "); ok {
			return unknownField(je.Path, key)
		}
		if je.Path != "" {
			return fmt.Errorf("ior: shipment JSON: %w", &FieldError{Path: je.Path, Msg: je.Msg, Err: je.Err})
		}
	}
	if key, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return unknownField("", key)
	}
	return fmt.Errorf("ior: shipment JSON: %w", err)
}

func unknownField(path, quotedKey string) error {
	key, err := strconv.Unquote(quotedKey)
	if err != nil {
		key = quotedKey
	}
	if path != "" {
		key = path + "." + key
	}
	return fmt.Errorf("ior: shipment JSON: %w", &FieldError{Path: key, Msg: "is not a field of the shipment (misspelt?)", Err: ErrUnknownField})
}

// ReadShipment reads one shipment JSON document from r: strictly (see
// UnmarshalJSON), refusing data after the document, and bounded: more than
// MaxShipmentBytes is an error wrapping a *duty.LimitError, as is a string
// longer than MaxStringBytes (checked again by Validate for shipments built
// in Go). It does not call Validate.
func ReadShipment(r io.Reader) (Shipment, error) {
	b, err := limits.ReadAll(r, MaxShipmentBytes, "ior: shipment JSON")
	if err == nil {
		err = limits.JSONStrings(b, MaxStringBytes, "ior: shipment JSON")
	}
	if err != nil {
		return Shipment{}, err
	}
	var s Shipment
	if err := json.Unmarshal(b, &s); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col := 1, 1
			for _, c := range b[:min(int(se.Offset), len(b))] {
				if c == '\n' {
					line, col = line+1, 1
				} else {
					col++
				}
			}
			return Shipment{}, fmt.Errorf("ior: shipment JSON: %w", &FieldError{Path: "(document)",
				Msg: fmt.Sprintf("line %d, column %d: %v (data after the document, or not JSON)", line, col, se), Err: ErrInvalidJSON})
		}
		var fe *FieldError
		if !errors.As(err, &fe) {
			return Shipment{}, fmt.Errorf("ior: shipment JSON: %w", &FieldError{Path: "(document)", Msg: err.Error(), Err: ErrInvalidJSON})
		}
		return Shipment{}, err
	}
	return s, nil
}

// UnmarshalJSON reads {"percent": "2.5", "minimum": {...}}. The percent is
// a JSON string of plain decimal digits, like every amount: no float, no
// exponent.
func (f *ProviderFee) UnmarshalJSON(b []byte) error {
	var raw struct {
		Percent json.RawMessage `json:"percent"`
		Minimum *duty.Money     `json:"minimum"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return err
	}
	var p string
	if len(raw.Percent) > 0 {
		if err := json.Unmarshal(raw.Percent, &p); err != nil {
			return &FieldError{Path: "percent", Value: string(raw.Percent), Msg: "must be a JSON string such as \"2.5\"", Err: ErrInvalidValue}
		}
	}
	d := decimal.Zero
	if p != "" {
		var err error
		if d, err = duty.ParseDecimal(p); err != nil {
			return &FieldError{Path: "percent", Value: p, Msg: "is not a decimal number (plain digits, e.g. \"2.5\")", Err: ErrInvalidValue}
		}
	}
	*f = ProviderFee{Percent: d, Minimum: raw.Minimum}
	return nil
}
