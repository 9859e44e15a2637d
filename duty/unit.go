package duty

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Dimension is what a unit measures. Quantities convert exactly within a
// dimension and never across dimensions.
type Dimension uint8

// The dimensions rates are charged on.
const (
	Mass    Dimension = iota + 1 // base unit kg
	Volume                       // base unit l
	Count                        // base unit item
	Length                       // base unit m
	Area                         // base unit m2
	Alcohol                      // base unit lpa (litre of pure alcohol)
	Energy                       // base unit MWh
)

var dimensionNames = map[Dimension]string{
	Mass: "mass", Volume: "volume", Count: "count", Length: "length",
	Area: "area", Alcohol: "alcohol", Energy: "energy",
}

// String names the dimension ("mass", "volume"...).
func (d Dimension) String() string {
	if n, ok := dimensionNames[d]; ok {
		return n
	}
	return fmt.Sprintf("Dimension(%d)", uint8(d))
}

// Unit is a canonical unit code such as "kg" or "hl". Build units with
// ParseUnit or the constants below; a Unit not in the table is refused by
// every operation with an *InvalidUnitError.
type Unit string

// Canonical units. Factors to each dimension's base unit are exact.
const (
	Kilogram      Unit = "kg"
	Gram          Unit = "g"
	Tonne         Unit = "t"     // 1000 kg (metric ton)
	Pound         Unit = "lb"    // 0.45359237 kg (international pound)
	Quintal       Unit = "100kg" // 100 kg: EU DTN, UK "100 kg"
	Carat         Unit = "ct"    // metric carat, 0.2 g
	Litre         Unit = "l"
	Millilitre    Unit = "ml"
	Hectolitre    Unit = "hl"
	CubicMetre    Unit = "m3"
	Item          Unit = "item"
	Pair          Unit = "pair"
	Dozen         Unit = "dozen"
	DozenPair     Unit = "dozen_pair" // US "doz. pr.": 12 pairs
	Gross         Unit = "gross"      // 144 items
	Hundred       Unit = "100items"   // EU CEN
	Thousand      Unit = "1000items"  // EU MIL, US "thousand"
	Metre         Unit = "m"
	SquareMetre   Unit = "m2"
	LitrePure     Unit = "lpa" // litre of pure (100%) alcohol
	ProofLitre    Unit = "pfl" // US proof litre: a litre at 100 proof = 0.5 lpa
	MegawattHour  Unit = "MWh"
	KilowattHour  Unit = "kWh"
	HectolitrePct Unit = "%vol_hl" // UK/EU "% vol/hl": 1 % vol in 1 hl = 1 lpa
	Barrel        Unit = "bbl"     // US HTS petroleum barrel: 42 US gallons = 158.987294928 l
)

type unitInfo struct {
	dim    Dimension
	factor decimal.Decimal // how many base units one of this unit is
	name   string
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// unitTable is read-only after package initialisation.
var unitTable = map[Unit]unitInfo{
	Kilogram:      {Mass, dec("1"), "kilogram"},
	Gram:          {Mass, dec("0.001"), "gram"},
	Tonne:         {Mass, dec("1000"), "tonne"},
	Pound:         {Mass, dec("0.45359237"), "pound"},
	Quintal:       {Mass, dec("100"), "100 kilograms"},
	Carat:         {Mass, dec("0.0002"), "metric carat"},
	Litre:         {Volume, dec("1"), "litre"},
	Millilitre:    {Volume, dec("0.001"), "millilitre"},
	Hectolitre:    {Volume, dec("100"), "hectolitre"},
	CubicMetre:    {Volume, dec("1000"), "cubic metre"},
	Item:          {Count, dec("1"), "item"},
	Pair:          {Count, dec("2"), "pair"},
	Dozen:         {Count, dec("12"), "dozen"},
	DozenPair:     {Count, dec("24"), "dozen pairs"},
	Gross:         {Count, dec("144"), "gross"},
	Hundred:       {Count, dec("100"), "100 items"},
	Thousand:      {Count, dec("1000"), "1000 items"},
	Metre:         {Length, dec("1"), "metre"},
	SquareMetre:   {Area, dec("1"), "square metre"},
	LitrePure:     {Alcohol, dec("1"), "litre of pure alcohol"},
	ProofLitre:    {Alcohol, dec("0.5"), "proof litre"},
	HectolitrePct: {Alcohol, dec("1"), "% vol per hectolitre"},
	MegawattHour:  {Energy, dec("1"), "megawatt hour"},
	KilowattHour:  {Energy, dec("0.001"), "kilowatt hour"},
	Barrel:        {Volume, dec("158.987294928"), "barrel (42 US gallons)"},
}

// unitSpellings maps the spellings of official schedules (lower-cased,
// spaces collapsed) to canonical units: US HTS, EU TARIC measurement-unit
// codes and UK Online Trade Tariff text.
var unitSpellings = map[string]Unit{
	// canonical codes
	"kg": Kilogram, "g": Gram, "t": Tonne, "lb": Pound, "100kg": Quintal, "ct": Carat,
	"l": Litre, "ml": Millilitre, "hl": Hectolitre, "m3": CubicMetre,
	"item": Item, "pair": Pair, "dozen": Dozen, "dozen_pair": DozenPair, "gross": Gross,
	"100items": Hundred, "1000items": Thousand, "m": Metre, "m2": SquareMetre,
	"lpa": LitrePure, "pfl": ProofLitre, "mwh": MegawattHour, "kwh": KilowattHour,
	"%vol_hl": HectolitrePct,
	// English words
	"kilogram": Kilogram, "kilograms": Kilogram, "kgs": Kilogram, "gram": Gram, "grams": Gram,
	"tonne": Tonne, "tonnes": Tonne, "metric ton": Tonne, "metric tons": Tonne,
	"lbs": Pound, "pound": Pound, "pounds": Pound, "carat": Carat, "carats": Carat,
	"litre": Litre, "litres": Litre, "liter": Litre, "liters": Litre,
	"millilitre": Millilitre, "milliliter": Millilitre, "hectolitre": Hectolitre,
	"items": Item, "each": Item, "piece": Item, "pieces": Item, "pcs": Item, "pc": Item, "unit": Item, "units": Item,
	"pairs": Pair, "dozens": Dozen, "thousand": Thousand,
	"square metre": SquareMetre, "square meter": SquareMetre, "cubic metre": CubicMetre, "cubic meter": CubicMetre,
	"metre": Metre, "meter": Metre, "metres": Metre, "meters": Metre,
	// US HTS "Unit of Quantity" and rate text
	"no.": Item, "no": Item, "head": Item, "doz.": Dozen, "doz": Dozen, "doz. pr.": DozenPair, "dozen pairs": DozenPair,
	"pr.": Pair, "pr": Pair, "pf. liter": ProofLitre, "pf.liter": ProofLitre, "pf. liters": ProofLitre,
	"pf.liters": ProofLitre, "proof liter": ProofLitre, "proof liters": ProofLitre, "proof litre": ProofLitre,
	"proof litres": ProofLitre, "mt": Tonne, "gross kg": Kilogram,
	// EU TARIC measurement-unit codes
	"kgm": Kilogram, "grm": Gram, "dtn": Quintal, "tne": Tonne, "ltr": Litre, "hlt": Hectolitre,
	"mtq": CubicMetre, "mtk": SquareMetre, "mtr": Metre, "nar": Item, "npr": Pair, "cen": Hundred,
	"mil": Thousand, "ctm": Carat,
	// UK Online Trade Tariff text
	"100 kg": Quintal, "1000 kg": Tonne, "p/st": Item, "1000 p/st": Thousand, "100 p/st": Hundred,
	"1000kg": Tonne, "1000 items": Thousand, "1,000 items": Thousand, "100 items": Hundred,
	"l alc. 100%": LitrePure, "l alc 100%": LitrePure, "% vol/hl": HectolitrePct, "%vol/hl": HectolitrePct,
	"1000 l": CubicMetre, "1000 kwh": MegawattHour,
	// additions for rate text (US HTS, EU TARIC)
	"bbl": Barrel, "barrel": Barrel, "barrels": Barrel, "lin. m": Metre, "asv x": HectolitrePct,
	"kl": CubicMetre, "kilolitre": CubicMetre, "kilolitres": CubicMetre, "m³": CubicMetre, "m²": SquareMetre,
}

// ParseUnit reads a unit as official schedules spell it: US HTS ("kg",
// "doz.", "pf. liter", "No.", "liters", "m2"), EU TARIC codes ("KGM", "DTN",
// "TNE", "HLT", "LTR", "MTK", "MTQ", "NAR", "NPR", "MIL", "LPA") and UK
// tariff text ("100 kg", "1000 kg", "hl", "l alc. 100%", "p/st"). Case and
// repeated spaces are ignored.
func ParseUnit(s string) (Unit, error) {
	key := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if u, ok := unitSpellings[key]; ok {
		return u, nil
	}
	return "", &InvalidUnitError{Unit: s}
}

// Dimension returns what the unit measures (0 for an unknown unit).
func (u Unit) Dimension() Dimension { return unitTable[u].dim }

// Valid reports whether u is a canonical unit of the table.
func (u Unit) Valid() bool { _, ok := unitTable[u]; return ok }

// Name is the unit's English name ("kilogram").
func (u Unit) Name() string { return unitTable[u].name }

// String returns the canonical code.
func (u Unit) String() string { return string(u) }

// Factor returns how many of the dimension's base unit one u is
// (Tonne: 1000, since the base of mass is kg).
func (u Unit) Factor() (decimal.Decimal, error) {
	info, ok := unitTable[u]
	if !ok {
		return decimal.Decimal{}, &InvalidUnitError{Unit: string(u)}
	}
	return info.factor, nil
}

// UnmarshalJSON reads any spelling ParseUnit accepts.
func (u *Unit) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("duty: unit must be a string: %w", err)
	}
	v, err := ParseUnit(s)
	if err != nil {
		return err
	}
	*u = v
	return nil
}

// InvalidUnitError reports a unit spelling that is not known. It matches
// ErrInvalidUnit with errors.Is.
type InvalidUnitError struct {
	Unit string
}

func (e *InvalidUnitError) Error() string {
	return fmt.Sprintf("duty: unknown unit %q", clip(string(e.Unit)))
}

// Is reports whether target is ErrInvalidUnit.
func (e *InvalidUnitError) Is(target error) bool { return target == ErrInvalidUnit }

// IncompatibleUnitsError reports a conversion between dimensions. It
// matches ErrIncompatibleUnits with errors.Is.
type IncompatibleUnitsError struct {
	From, To Unit
}

func (e *IncompatibleUnitsError) Error() string {
	return fmt.Sprintf("duty: cannot convert %s (%s) to %s (%s)", e.From, e.From.Dimension(), e.To, e.To.Dimension())
}

// Is reports whether target is ErrIncompatibleUnits.
func (e *IncompatibleUnitsError) Is(target error) bool { return target == ErrIncompatibleUnits }
