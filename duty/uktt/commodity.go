package uktt

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/iorkit/iorkit/duty"
)

type document struct {
	Code     string    `json:"goods_nomenclature_item_id"`
	Measures []measure `json:"import_measures"`
}

type measure struct {
	ID    json.Number `json:"id"`
	Start string      `json:"effective_start_date"`
	End   *string     `json:"effective_end_date"`
	Duty  *struct {
		Base string `json:"base"`
	} `json:"duty_expression"`
	Type struct {
		ID     string `json:"id"`
		Desc   string `json:"description"`
		Series string `json:"measure_type_series_id"`
	} `json:"measure_type"`
	Area     area   `json:"geographical_area"`
	Excluded []area `json:"excluded_countries"`
	AddCode  *struct {
		Code string `json:"code"`
	} `json:"additional_code"`
	LegalActs []struct {
		Regulation string `json:"regulation_code"`
	} `json:"legal_acts"`
}

// kind classifies a measure type; reason says why a type is not a duty
// measure.
func kind(typeID, series string) (duty.MeasureKind, string) {
	switch typeID {
	case "103":
		return duty.MFN, ""
	case "142":
		return duty.Preferential, ""
	case "695", "696":
		return duty.Additional, ""
	case "105", "106":
		return 0, "duty under authorised use: needs an authorisation"
	case "112", "115", "117", "119":
		return 0, "suspension: needs end-use or authorisation"
	case "122", "123", "143", "146":
		return 0, "tariff quota: needs a quota allocation"
	case "305", "306", "VTA", "VTE", "VTS", "VTZ":
		return 0, "tax, not a customs duty"
	}
	if series == "D" || strings.HasPrefix(typeID, "55") || strings.HasPrefix(typeID, "56") || strings.HasPrefix(typeID, "57") {
		return duty.Additional, ""
	}
	return 0, "not a duty measure (control, prohibition or statistical)"
}

// AddCommodity reads one commodity document of the Online Trade Tariff (as
// the UK duty calculator flattens /api/v2/commodities/{id}: top-level
// goods_nomenclature_item_id and import_measures, each measure with
// measure_type, duty_expression.base, geographical_area,
// excluded_countries, additional_code and effective dates) and adds its
// duty measures. Errors are *DocumentError values naming the JSON path.
func (s *Schedule) AddCommodity(r io.Reader) error {
	if !s.usable() {
		return errNilSchedule
	}
	var doc document
	dec := json.NewDecoder(r)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return &DocumentError{Document: "commodity", Err: err}
	}
	code, err := duty.NormalizeHS(doc.Code)
	if err != nil || len(code) != 10 {
		return &DocumentError{Document: "commodity", Path: "goods_nomenclature_item_id", Value: doc.Code, Err: errors.New("want a 10-digit commodity code")}
	}
	// Members of area groups: given to the Schedule, or listed by any
	// measure of this document.
	groups := map[string][]string{}
	for k, v := range s.areas {
		groups[k] = v
	}
	for _, m := range doc.Measures {
		if id := m.Area.id(); len(m.Area.Children) > 0 && !duty.ValidCountry(id) {
			if _, ok := groups[id]; !ok {
				groups[id] = childIDs(m.Area.Children)
			}
		}
	}
	for i, m := range doc.Measures {
		path := fmt.Sprintf("import_measures[%d]", i)
		fail := func(field, value string, err error) error {
			return &DocumentError{Document: code, Path: path + "." + field, Value: value, Err: err}
		}
		typ := m.Type.ID + " " + m.Type.Desc
		k, why := kind(m.Type.ID, m.Type.Series)
		if why != "" {
			s.skipped = append(s.skipped, Skipped{Commodity: code, Type: typ, Area: m.Area.id(), Reason: why})
			continue
		}
		expr := ""
		if m.Duty != nil {
			expr = strings.TrimSpace(m.Duty.Base)
		}
		if expr == "" {
			s.skipped = append(s.skipped, Skipped{Commodity: code, Type: typ, Area: m.Area.id(), Reason: "no duty expression"})
			continue
		}
		from, err := date(m.Start)
		if err != nil {
			return fail("effective_start_date", m.Start, err)
		}
		var to duty.Date
		if m.End != nil && *m.End != "" {
			if to, err = date(*m.End); err != nil {
				return fail("effective_end_date", *m.End, err)
			}
			if !from.IsZero() && to.Before(from) {
				return fail("effective_end_date", *m.End, errors.New("ends before it starts"))
			}
		}
		origins, ok := s.origins(m, groups)
		if !ok {
			s.skipped = append(s.skipped, Skipped{Commodity: code, Type: typ, Area: m.Area.id(), Reason: "members of area group " + m.Area.id() + " unknown: give them with WithAreas"})
			continue
		}
		reg := ""
		if len(m.LegalActs) > 0 && m.LegalActs[0].Regulation != "" {
			reg = ", regulation " + m.LegalActs[0].Regulation
		}
		program := m.Area.id()
		if k == duty.Additional {
			program = m.Type.ID
		}
		src := fmt.Sprintf("%s, commodity %s, measure %s (%s, %s %s%s)", s.source, code, m.ID, typ, m.Area.id(), m.Area.Desc, reg)
		base := duty.Measure{Kind: k, Program: program, Origins: origins, From: from, To: to, Source: src}
		ps := []ratePeriod{{from: from, to: to}}
		if strings.Contains(expr, "EUR") && len(s.rates) > 0 {
			ps = s.periods(from, to)
		}
		for _, p := range ps {
			text, note := expr, ""
			if p.ok {
				text = inGBP(expr, p.rate)
				note = fmt.Sprintf("; EUR converted at %s GBP (tariff rate from %s)", p.rate, p.from)
			}
			rate, err := duty.ParseRate(text)
			if err != nil {
				if k == duty.Preferential {
					s.skipped = append(s.skipped, Skipped{Commodity: code, Type: typ, Area: m.Area.id(), Reason: "duty expression cannot be read: " + err.Error()})
					break
				}
				return fail("duty_expression.base", expr, err)
			}
			mm := base
			mm.Rate, mm.From, mm.To, mm.Source = rate, p.from, p.to, src+note
			if m.AddCode != nil && m.AddCode.Code != "" {
				mm.HS = code
				s.coded[code] = append(s.coded[code], codedMeasure{code: m.AddCode.Code, measure: mm})
				continue
			}
			if err := s.table.Add(code, mm); err != nil {
				return fail("effective_end_date", "", err)
			}
		}
	}
	return nil
}

// origins expands a measure's area into countries, less the excluded ones.
// Erga omnes (1011) with no exclusion is every origin (nil).
func (s *Schedule) origins(m measure, groups map[string][]string) ([]string, bool) {
	id := m.Area.id()
	var members []string
	switch {
	case duty.ValidCountry(id):
		members = []string{id}
	case id == "1011" && len(m.Excluded) == 0:
		return nil, true
	case id == "1011":
		members = allCountries()
	default:
		g, ok := groups[id]
		if !ok {
			return nil, false
		}
		members = g
	}
	if len(m.Excluded) == 0 {
		return members, true
	}
	ex := map[string]bool{}
	for _, e := range m.Excluded {
		ex[e.id()] = true
	}
	out := make([]string, 0, len(members))
	for _, c := range members {
		if !ex[c] {
			out = append(out, c)
		}
	}
	return out, true
}

// allCountries lists every ISO 3166-1 alpha-2 code in order.
func allCountries() []string {
	var out []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			if c := string([]rune{a, b}); duty.ValidCountry(c) {
				out = append(out, c)
			}
		}
	}
	return out
}
