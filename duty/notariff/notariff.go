package notariff

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"sort"
	"strings"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/jsonpath"
	"github.com/shopspring/decimal"
)

// MaxInput is the most bytes a reader of this package reads unless
// MaxBytes says otherwise (ratetradeagreements.json of 2026 is 2.8 MB).
const MaxInput = 64 << 20

// Option changes how a reader reads.
type Option func(*config)

type config struct{ max int64 }

// MaxBytes sets the most bytes a reader accepts (MaxInput by default); a
// longer input is an error, not a truncation.
func MaxBytes(n int64) Option { return func(c *config) { c.max = n } }

// Attribution is the credit Tolletaten's licence (CC BY 4.0) asks for.
const Attribution = "Source: Tolletaten (Norwegian Customs), data.toll.no, CC BY 4.0"

// ErrInvalidFile is matched by every error of the readers of this package.
var ErrInvalidFile = errors.New("notariff: invalid tariff file")

// FileError reports a problem in a Tolletaten file: which file, the field
// and the value. It matches ErrInvalidFile and unwraps to the cause.
type FileError struct {
	File  string
	Field string
	Value string
	Err   error
}

func (e *FileError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("notariff: %s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("notariff: %s, %s %q: %v", e.File, e.Field, jsonpath.Clip(e.Value), e.Err)
}

// Is reports whether target is ErrInvalidFile.
func (e *FileError) Is(target error) bool { return target == ErrInvalidFile }

// Unwrap returns the cause.
func (e *FileError) Unwrap() error { return e.Err }

// decode reads one JSON document of at most max bytes into v, numbers as
// json.Number (never binary floating point).
func decode(r io.Reader, file string, max int64, v any) error {
	lr := &io.LimitedReader{R: r, N: max + 1}
	dec := json.NewDecoder(lr)
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		if lr.N <= 0 {
			return &FileError{File: file, Err: &duty.LimitError{Input: file, What: "size", Limit: max}}
		}
		return &FileError{File: file, Err: err}
	}
	if lr.N <= 0 {
		return &FileError{File: file, Err: &duty.LimitError{Input: file, What: "size", Limit: max}}
	}
	return nil
}

// Line is one 8-digit commodity line of the Norwegian customs tariff.
type Line struct {
	Code        string // 8 digits, e.g. "61091000"
	HS          string // the HS subheading, e.g. "610910"
	Description string // the English text of the line
}

// Nomenclature is the tariff's list of commodity lines.
type Nomenclature struct {
	Version string
	lines   map[string]Line
	codes   []string // sorted
}

type node struct {
	Type        string `json:"type"`
	ID          string `json:"id"`
	HSNumber    string `json:"hsNumber"`
	Item        string `json:"item"`
	Description string `json:"description"`
	Chapters    []node `json:"chapters"`
	Headings    []node `json:"headings"` // below a subchapter
	Divisions   []node `json:"divisions"`
}

// ReadNomenclature reads Tolletaten's customstariffstructure.json (the
// English nomenclature: sections, chapters, headings, sub-headings and
// "commodity" nodes with an 8-digit id). Input is bounded (MaxInput or
// MaxBytes); errors are *FileError values.
func ReadNomenclature(r io.Reader, opts ...Option) (*Nomenclature, error) {
	cfg := config{max: MaxInput}
	for _, o := range opts {
		o(&cfg)
	}
	const file = "customstariffstructure.json"
	var doc struct {
		Version  string `json:"version"`
		Sections []node `json:"sections"`
	}
	if err := decode(r, file, cfg.max, &doc); err != nil {
		return nil, err
	}
	n := &Nomenclature{Version: doc.Version, lines: map[string]Line{}}
	var walk func(ns []node, depth int) error
	walk = func(ns []node, depth int) error {
		if depth > 32 {
			return &FileError{File: file, Err: errors.New("nested more than 32 levels")}
		}
		for _, x := range ns {
			if x.Type == "commodity" {
				if !isDigits(x.ID, 8) {
					return &FileError{File: file, Field: "id", Value: x.ID, Err: errors.New("want an 8-digit commodity code")}
				}
				if _, dup := n.lines[x.ID]; dup {
					return &FileError{File: file, Field: "id", Value: x.ID, Err: errors.New("appears twice")}
				}
				n.lines[x.ID] = Line{Code: x.ID, HS: x.HSNumber, Description: strings.TrimSpace(x.Item)}
				n.codes = append(n.codes, x.ID)
			}
			if err := walk(x.Chapters, depth+1); err != nil {
				return err
			}
			if err := walk(x.Headings, depth+1); err != nil {
				return err
			}
			if err := walk(x.Divisions, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(doc.Sections, 0); err != nil {
		return nil, err
	}
	if len(n.codes) == 0 {
		return nil, &FileError{File: file, Err: errors.New("no commodity lines")}
	}
	sort.Strings(n.codes)
	return n, nil
}

func isDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Len returns the number of commodity lines.
func (n *Nomenclature) Len() int {
	if n == nil {
		return 0
	}
	return len(n.codes)
}

// Line returns the commodity line of an 8-digit code.
func (n *Nomenclature) Line(code string) (Line, bool) {
	if n == nil {
		return Line{}, false
	}
	l, ok := n.lines[code]
	return l, ok
}

// Under returns the codes of the lines that start with prefix, sorted.
func (n *Nomenclature) Under(prefix string) []string {
	if n == nil {
		return nil
	}
	i := sort.SearchStrings(n.codes, prefix)
	var out []string
	for ; i < len(n.codes) && strings.HasPrefix(n.codes[i], prefix); i++ {
		out = append(out, n.codes[i])
	}
	return out
}

// Preference is one preferential rate of a line: the rate, its text as
// built from the file, and the agreement codes it applies to ("EU",
// "EEA", "EFTA", "GB", "GSP", "GSP+", "GSP-LDC", "SACU", a country's code
// for a bilateral agreement).
type Preference struct {
	Rate       duty.Rate
	Text       string
	Agreements []string
}

// Preferences are the preferential rates of the tariff by line.
type Preferences struct {
	Version string
	byCode  map[string][]Preference
}

// ReadPreferences reads Tolletaten's ratetradeagreements.json: per
// commodity, groups of agreement codes ("landCodes") sharing a
// customDuty, which is a classifier (FREE: duty-free; NA: no preference,
// left out) or a value of type "%" or "pr.kg" (NOK per kg). Values are
// read as decimals from the JSON text. Input is bounded (MaxInput or
// MaxBytes); errors are *FileError values.
func ReadPreferences(r io.Reader, opts ...Option) (*Preferences, error) {
	cfg := config{max: MaxInput}
	for _, o := range opts {
		o(&cfg)
	}
	const file = "ratetradeagreements.json"
	var doc struct {
		Version     string `json:"version"`
		Commodities []struct {
			ID    string `json:"id"`
			Rates []struct {
				Duty struct {
					Value      json.Number `json:"value"`
					Type       *string     `json:"type"`
					Classifier *string     `json:"classifier"`
				} `json:"customDuty"`
				Lands []string `json:"landCodes"`
			} `json:"rateTradeAgreements"`
		} `json:"commodities"`
	}
	if err := decode(r, file, cfg.max, &doc); err != nil {
		return nil, err
	}
	p := &Preferences{Version: doc.Version, byCode: map[string][]Preference{}}
	for _, c := range doc.Commodities {
		if !isDigits(c.ID, 8) {
			return nil, &FileError{File: file, Field: "id", Value: c.ID, Err: errors.New("want an 8-digit commodity code")}
		}
		for _, x := range c.Rates {
			var text string
			switch {
			case x.Duty.Classifier != nil && *x.Duty.Classifier == "NA":
				continue
			case x.Duty.Classifier != nil && *x.Duty.Classifier == "FREE":
				text = "Free"
			case x.Duty.Classifier != nil:
				return nil, &FileError{File: file, Field: c.ID + " classifier", Value: *x.Duty.Classifier, Err: errors.New("want FREE or NA")}
			default:
				v, err := decimal.NewFromString(x.Duty.Value.String())
				if err != nil || v.IsNegative() {
					return nil, &FileError{File: file, Field: c.ID + " value", Value: x.Duty.Value.String(), Err: errors.New("want a non-negative number")}
				}
				typ := ""
				if x.Duty.Type != nil {
					typ = *x.Duty.Type
				}
				switch typ {
				case "%":
					text = v.String() + "%"
				case "pr.kg":
					text = v.String() + " NOK / kg"
				default:
					return nil, &FileError{File: file, Field: c.ID + " type", Value: typ, Err: errors.New(`want "%" or "pr.kg"`)}
				}
			}
			rate, err := duty.ParseRate(text, duty.InCurrency("NOK"))
			if err != nil {
				return nil, &FileError{File: file, Field: c.ID + " customDuty", Value: text, Err: err}
			}
			if len(x.Lands) == 0 {
				return nil, &FileError{File: file, Field: c.ID + " landCodes", Err: errors.New("a rate without agreements")}
			}
			p.byCode[c.ID] = append(p.byCode[c.ID], Preference{Rate: rate, Text: text, Agreements: append([]string(nil), x.Lands...)})
		}
	}
	if len(doc.Commodities) == 0 {
		return nil, &FileError{File: file, Err: errors.New("no commodities")}
	}
	return p, nil
}

// For returns the preferential rates of an 8-digit line (nil when none).
func (p *Preferences) For(code string) []Preference {
	if p == nil {
		return nil
	}
	return p.byCode[code]
}

// AgreementGroups returns the map from the agreement codes of ratetradeagreements.json to
// the country groups of landgruppe.json and medlemsland.json whose
// members the agreement covers. The mapping is read from the groups'
// names ("Toll fra EU- land", "Toll fra de minst utviklede land"...): a
// country code names its bilateral group T+code except where Tolletaten
// spells it otherwise (TR: TTYR, FO: TI, GL: TH, PS: TXI); GSP-LDC is TGS1
// (least developed countries), GSP TGS2 (ordinary developing countries),
// GSP+ TGSP (lower middle-income countries). An agreement code not in the
// map (FHA) covers no origin.
// Each call returns a new map the caller may change.
func AgreementGroups() map[string]string { return maps.Clone(agreementGroups) }

var agreementGroups = map[string]string{
	"EU": "TEF", "EEA": "TOES", "EFTA": "TEFT", "GB": "TGB",
	"GSP": "TGS2", "GSP+": "TGSP", "GSP-LDC": "TGS1",
	"SACU": "TSAC", "GCC": "TGCC", "TR": "TTYR", "FO": "TI", "GL": "TH", "PS": "TXI",
	"AL": "TAL", "BA": "TBA", "CA": "TCA", "CL": "TCL", "CO": "TCO", "CR": "TCR", "EC": "TEC",
	"EG": "TEG", "GE": "TGE", "HK": "THK", "ID": "TID", "IL": "TIL", "IN": "TIN", "JO": "TJO",
	"KR": "TKR", "LB": "TLB", "MA": "TMA", "MD": "TMD", "ME": "TME", "MK": "TMK", "MX": "TMX",
	"PA": "TPA", "PE": "TPE", "PH": "TPH", "RS": "TRS", "SG": "TSG", "TN": "TTN", "UA": "TUA",
}

type membership struct {
	group    string
	from, to duty.Date // to inclusive ("tomdato": til og med); zero = open
}

// Countries are the country-group memberships of medlemsland.json.
type Countries struct {
	Version string
	byLand  map[string][]membership
}

// ReadCountries reads Tolletaten's medlemsland.json: each country
// ("landkode") with its groups ("landgruppekode") and the days it belongs
// to each (fomdato, tomdato: from and to, both inclusive, empty = open).
// Input is bounded (MaxInput or MaxBytes); errors are *FileError values.
func ReadCountries(r io.Reader, opts ...Option) (*Countries, error) {
	cfg := config{max: MaxInput}
	for _, o := range opts {
		o(&cfg)
	}
	const file = "medlemsland.json"
	var doc struct {
		Version string `json:"versjon"`
		Lands   []struct {
			Code   string `json:"landkode"`
			Groups []struct {
				Group string `json:"landgruppekode"`
				From  string `json:"fomdato"`
				To    string `json:"tomdato"`
			} `json:"landgrupper"`
		} `json:"medlemsland"`
	}
	if err := decode(r, file, cfg.max, &doc); err != nil {
		return nil, err
	}
	c := &Countries{Version: doc.Version, byLand: map[string][]membership{}}
	for _, l := range doc.Lands {
		if len(l.Code) != 2 || strings.ToUpper(l.Code) != l.Code {
			return nil, &FileError{File: file, Field: "landkode", Value: l.Code, Err: errors.New("want a two-letter code")}
		}
		for _, g := range l.Groups {
			m := membership{group: g.Group}
			for _, d := range []struct {
				name, s string
				dst     *duty.Date
			}{{"fomdato", g.From, &m.from}, {"tomdato", g.To, &m.to}} {
				if d.s == "" {
					continue
				}
				v, err := duty.ParseDate(d.s)
				if err != nil {
					return nil, &FileError{File: file, Field: l.Code + " " + d.name, Value: d.s, Err: err}
				}
				*d.dst = v
			}
			c.byLand[l.Code] = append(c.byLand[l.Code], m)
		}
	}
	if len(c.byLand) == 0 {
		return nil, &FileError{File: file, Err: errors.New("no countries")}
	}
	return c, nil
}

// In reports whether country belongs to group on day on.
func (c *Countries) In(country, group string, on duty.Date) bool {
	if c == nil {
		return false
	}
	for _, m := range c.byLand[country] {
		if m.group != group {
			continue
		}
		if !m.from.IsZero() && on.Before(m.from) {
			continue
		}
		if !m.to.IsZero() && on.After(m.to) {
			continue
		}
		return true
	}
	return false
}

// MFNNotLoadedError is what Schedule.Measures returns for a line of the
// nomenclature when no MFN (ordinary duty) schedule was given: the
// ordinary duty of Norway is not in the files read here. It matches
// duty.ErrUnknownCode: the code has no rate iorkit can stand behind.
type MFNNotLoadedError struct{ HS string }

func (e *MFNNotLoadedError) Error() string {
	return fmt.Sprintf("notariff: %s is a Norwegian tariff line, but the ordinary (MFN) duty is not loaded: give NewSchedule an MFN schedule (for example a duty.Table made from Tolletaten's tollavgiftssats, country group TALL)", e.HS)
}

// Is reports whether target is duty.ErrUnknownCode.
func (e *MFNNotLoadedError) Is(target error) bool { return target == duty.ErrUnknownCode }

// Schedule is the Norwegian tariff as a duty.Schedule: the nomenclature's
// lines, their preferential rates for the origins each agreement covers on
// the day, and the ordinary (MFN) duty from the schedule the caller gives.
type Schedule struct {
	nom   *Nomenclature
	prefs *Preferences
	lands *Countries
	mfn   duty.Schedule
}

// NewSchedule combines the files. nom is required; prefs and lands go
// together (both or neither); mfn may be nil, and then every line is a
// *MFNNotLoadedError (duty.ErrUnknownCode).
func NewSchedule(nom *Nomenclature, prefs *Preferences, lands *Countries, mfn duty.Schedule) (*Schedule, error) {
	if nom == nil {
		return nil, errors.New("notariff: NewSchedule: the nomenclature is required")
	}
	if (prefs == nil) != (lands == nil) {
		return nil, errors.New("notariff: NewSchedule: preferences need the country groups (medlemsland.json) and the other way round")
	}
	return &Schedule{nom: nom, prefs: prefs, lands: lands, mfn: mfn}, nil
}

var errNilSchedule = &duty.UninitializedError{Type: "*notariff.Schedule", Constructor: "notariff.NewSchedule"}

// Source of the preferential measures.
const prefSource = "Tolletaten, ratetradeagreements.json (data.toll.no, CC BY 4.0), agreement "

// Measures implements duty.Schedule. A code must be an 8-digit line of the
// nomenclature (a 10-digit code is read as its first 8 digits); any other
// code is a *duty.UnknownCodeError, and a shorter one can be resolved with
// LinesUnder. The MFN measures come from the MFN schedule (none given: a
// *MFNNotLoadedError); each preferential rate whose agreement covers the
// origin on the day is a Preferential measure whose Program is the
// agreement code.
func (s *Schedule) Measures(hs, origin string, on duty.Date) ([]duty.Measure, error) {
	if s == nil || s.nom == nil {
		return nil, errNilSchedule
	}
	code, err := duty.NormalizeHS(hs)
	if err != nil {
		return nil, err
	}
	if len(code) == 10 {
		code = code[:8]
	}
	if _, ok := s.nom.Line(code); !ok {
		return nil, &duty.UnknownCodeError{HS: hs}
	}
	if s.mfn == nil {
		return nil, &MFNNotLoadedError{HS: hs}
	}
	ms, err := s.mfn.Measures(code, origin, on)
	if err != nil {
		return nil, err
	}
	if s.prefs == nil || origin == "" {
		return ms, nil
	}
	day := on
	for _, p := range s.prefs.For(code) {
		for _, ag := range p.Agreements {
			g, ok := agreementGroups[ag]
			if !ok || !s.lands.In(origin, g, day) {
				continue
			}
			ms = append(ms, duty.Measure{Kind: duty.Preferential, Rate: p.Rate, Program: ag, Origins: []string{origin}, HS: code,
				Source: prefSource + ag + " (country group " + g + "), line " + code + ": " + p.Text})
		}
	}
	return ms, nil
}

// LinesUnder implements duty.LineLister: the 8-digit lines below a code
// of 4 or 6 digits (nil for a line, or a code no line lies below).
func (s *Schedule) LinesUnder(hs string) ([]string, error) {
	if s == nil || s.nom == nil {
		return nil, errNilSchedule
	}
	code, err := duty.NormalizeHS(hs)
	if err != nil {
		return nil, err
	}
	if len(code) >= 8 {
		return nil, nil
	}
	return s.nom.Under(code), nil
}
