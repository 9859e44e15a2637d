package uktt

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/iorkit/iorkit/duty"
)

// docInfo is what a source says about the document a measure came from.
type docInfo struct {
	code    string
	service Service
	asOf    duty.Date
	filter  string // the only origin the document covers ("" all)
}

// rawMeasure is one import measure of either document format, before it
// is classified.
type rawMeasure struct {
	path       string // JSON path of the measure, for errors
	id         string
	typeID     string
	typeDesc   string
	series     string
	tax        bool // the document flags it VAT or excise
	area       string
	areaDesc   string
	members    []string // members of a group area as the document lists them
	hasMembers bool
	excluded   []string
	expr       string
	start, end string
	addCode    string
	addDesc    string
	legal      string
	conditions []condition
	order      string
	quota      string // quota definition summary
}

type condition struct {
	code, document, action, requirement string
}

// kind classifies a measure type: the role it plays and, for applied
// measures, its kind; reason says why a type is not used at all.
func kind(typeID, series string) (duty.MeasureKind, role, string) {
	switch typeID {
	case "103":
		return duty.MFN, applied, ""
	case "142", "106": // tariff preference; customs union duty (AD, SM, TR)
		return duty.Preferential, applied, ""
	case "695", "696":
		return duty.Additional, applied, ""
	case "105", "112", "115", "117", "119", "145":
		// authorised use; suspensions (for goods named in footnotes, end
		// use, airworthiness); preferential suspension
		return 0, relief, ""
	case "122", "123", "143", "146", "147", "907":
		return 0, quota, ""
	case "305", "306", "VTA", "VTE", "VTS", "VTZ":
		return 0, 0, "tax, not a customs duty"
	}
	if series == "D" || strings.HasPrefix(typeID, "55") || strings.HasPrefix(typeID, "56") || strings.HasPrefix(typeID, "57") {
		return duty.Additional, applied, ""
	}
	return 0, 0, "not a duty measure (control, prohibition or statistical)"
}

// DocOption describes one document given to AddCommodity.
type DocOption func(*docInfo)

// AsOf says on which day the document was fetched (the as_of of the
// request): sources then name it.
func AsOf(day duty.Date) DocOption { return func(d *docInfo) { d.asOf = day } }

// FilteredTo says the document was fetched for one origin only (the
// filter[geographical_area_id] of the request): it lists only that
// origin's measures, so lookups for any other origin are a
// *FilteredError instead of a partial answer.
func FilteredTo(origin string) DocOption { return func(d *docInfo) { d.filter = origin } }

// AddCommodity reads one commodity document of the Online Trade Tariff and
// adds its duty measures. It reads the API's own response to
// /api/v2/commodities/{code} (JSON:API: data and included, see
// ReadCommodity) and the flattened form of the UK duty calculator
// (top-level goods_nomenclature_item_id and import_measures). A document
// whose meta says it comes from the other service than the schedule's is
// refused. Errors are *DocumentError values naming the JSON path.
func (s *Schedule) AddCommodity(r io.Reader, opts ...DocOption) error {
	if !s.usable() {
		return errNilSchedule
	}
	b, err := readAll(r, s.maxSize, "commodity")
	if err != nil {
		return err
	}
	info := docInfo{service: s.service}
	for _, o := range opts {
		o(&info)
	}
	var probe struct {
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return &DocumentError{Document: "commodity", Err: err}
	}
	var ms []rawMeasure
	if len(bytes.TrimSpace(probe.Data)) > 0 {
		ms, err = s.readAPI(b, &info)
	} else {
		ms, err = readFlat(b, &info)
	}
	if err != nil {
		return err
	}
	return s.add(info, ms)
}

type flatDocument struct {
	Code     string        `json:"goods_nomenclature_item_id"`
	Measures []flatMeasure `json:"import_measures"`
}

type flatMeasure struct {
	ID    json.Number `json:"id"`
	Start string      `json:"effective_start_date"`
	End   *string     `json:"effective_end_date"`
	VAT   bool        `json:"vat"`
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
		Desc string `json:"description"`
	} `json:"additional_code"`
	LegalActs []struct {
		Regulation string `json:"regulation_code"`
	} `json:"legal_acts"`
	Conditions []struct {
		Code     string `json:"condition_code"`
		Document string `json:"document_code"`
		Action   string `json:"action"`
		Req      string `json:"requirement"`
	} `json:"measure_conditions"`
	Order *struct {
		Number string `json:"number"`
	} `json:"order_number"`
}

func readFlat(b []byte, info *docInfo) ([]rawMeasure, error) {
	var doc flatDocument
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, &DocumentError{Document: "commodity", Err: err}
	}
	code, err := duty.NormalizeHS(doc.Code)
	if err != nil || len(code) != 10 {
		return nil, &DocumentError{Document: "commodity", Path: "goods_nomenclature_item_id", Value: doc.Code, Err: errors.New("want a 10-digit commodity code")}
	}
	info.code = code
	out := make([]rawMeasure, 0, len(doc.Measures))
	for i, m := range doc.Measures {
		rm := rawMeasure{path: fmt.Sprintf("import_measures[%d]", i), id: m.ID.String(), typeID: m.Type.ID, typeDesc: m.Type.Desc,
			series: m.Type.Series, tax: m.VAT, area: m.Area.id(), areaDesc: m.Area.Desc, start: m.Start}
		if len(m.Area.Children) > 0 {
			rm.members, rm.hasMembers = childIDs(m.Area.Children), true
		}
		for _, e := range m.Excluded {
			rm.excluded = append(rm.excluded, e.id())
		}
		if m.End != nil {
			rm.end = *m.End
		}
		if m.Duty != nil {
			rm.expr = m.Duty.Base
		}
		if m.AddCode != nil {
			rm.addCode, rm.addDesc = m.AddCode.Code, m.AddCode.Desc
		}
		if len(m.LegalActs) > 0 {
			rm.legal = m.LegalActs[0].Regulation
		}
		for _, c := range m.Conditions {
			rm.conditions = append(rm.conditions, condition{code: c.Code, document: c.Document, action: c.Action, requirement: c.Req})
		}
		if m.Order != nil {
			rm.order = m.Order.Number
		}
		out = append(out, rm)
	}
	return out, nil
}

// add classifies and stores the measures of one document.
func (s *Schedule) add(info docInfo, ms []rawMeasure) error {
	code := info.code
	// Members of area groups: given to the Schedule, or listed by any
	// measure of this document.
	groups := map[string][]string{}
	for k, v := range s.areas {
		groups[k] = v
	}
	for _, m := range ms {
		if m.hasMembers && !duty.ValidCountry(m.area) {
			if _, ok := groups[m.area]; !ok {
				groups[m.area] = m.members
			}
		}
	}
	where := s.source
	if info.service != "" {
		where += ", " + info.service.Name()
	}
	if !info.asOf.IsZero() {
		where += " as of " + info.asOf.String()
	}
	if info.filter != "" {
		where += " (filtered to origin " + info.filter + ")"
	}
	var es []entry
	for _, m := range ms {
		fail := func(field, value string, err error) error {
			return &DocumentError{Document: code, Path: m.path + "." + field, Value: value, Err: err}
		}
		typ := strings.TrimSpace(m.typeID + " " + m.typeDesc)
		k, rl, why := kind(m.typeID, m.series)
		if why == "" && m.tax {
			why = "tax, not a customs duty"
		}
		if why != "" {
			s.skipped = append(s.skipped, Skipped{Commodity: code, Type: typ, Area: m.area, Reason: why})
			continue
		}
		expr := strings.TrimSpace(m.expr)
		if expr == "" {
			s.skipped = append(s.skipped, Skipped{Commodity: code, Type: typ, Area: m.area, Reason: "no duty expression"})
			continue
		}
		from, err := date(m.start)
		if err != nil {
			return fail("effective_start_date", m.start, err)
		}
		to, err := date(m.end)
		if err != nil {
			return fail("effective_end_date", m.end, err)
		}
		if !from.IsZero() && !to.IsZero() && to.Before(from) {
			return fail("effective_end_date", m.end, errors.New("ends before it starts"))
		}
		origins, ok := origins(m, groups)
		if !ok {
			s.skipped = append(s.skipped, Skipped{Commodity: code, Type: typ, Area: m.area, Reason: "members of area group " + m.area + " unknown: give them with WithAreas"})
			continue
		}
		reg := ""
		if m.legal != "" {
			reg = ", regulation " + m.legal
		}
		program := m.area
		if k == duty.Additional {
			program = m.typeID
		}
		areaTxt := strings.TrimSpace(m.area + " " + m.areaDesc)
		src := fmt.Sprintf("%s, commodity %s, measure %s (%s, %s%s)", where, code, m.id, typ, areaTxt, reg)
		if m.addCode != "" {
			src = fmt.Sprintf("%s, commodity %s, measure %s (%s, additional code %s, %s%s)", where, code, m.id, typ, m.addCode, areaTxt, reg)
		}
		rate, perr := duty.ParseRate(expr, duty.InCurrency(s.service.Currency()))
		if perr != nil {
			// Kept, so that a lookup it matters to says why (an MFN or an
			// additional duty: an error; a preference, quota or relief: a
			// note) while the document's other measures serve.
			s.skipped = append(s.skipped, Skipped{Commodity: code, Type: typ, Area: m.area, Reason: "duty expression cannot be read: " + perr.Error()})
		}
		e := entry{
			expr:    expr,
			perr:    perr,
			m:       duty.Measure{Kind: k, Rate: rate, Program: program, Origins: origins, From: from, To: to, Source: src, HS: code},
			role:    rl,
			typ:     typ,
			addCode: m.addCode,
			addDesc: m.addDesc,
			conds:   conditionText(m.conditions),
			order:   m.order,
			area:    areaTxt,
		}
		if m.quota != "" {
			e.quotaTxt = "; " + m.quota
		}
		if s.service != XI && contains(rate.Currencies(), "EUR") {
			e.foreign = "EUR"
		}
		es = append(es, e)
	}
	// A document replaces what an earlier one said about the code.
	if old, ok := s.byCode[code]; ok {
		s.count -= len(old)
	}
	s.byCode[code] = es
	s.days[code] = info.asOf
	if info.filter != "" {
		s.filters[code] = info.filter
	} else {
		delete(s.filters, code)
	}
	s.count += len(es)
	return nil
}

// conditionText summarises measure conditions: for each condition, the
// document (or "otherwise") and the action.
func conditionText(cs []condition) string {
	if len(cs) == 0 {
		return ""
	}
	var sb strings.Builder
	for i, c := range cs {
		if i > 0 {
			sb.WriteString("; ")
		}
		d := c.document
		if d == "" {
			d = "otherwise"
		} else {
			d = "with document " + d
		}
		fmt.Fprintf(&sb, "%s: %s", d, strings.ToLower(c.action))
	}
	return sb.String()
}

// origins expands a measure's area into countries, less the excluded ones.
// Erga omnes (1011) with no exclusion is every origin (nil).
func origins(m rawMeasure, groups map[string][]string) ([]string, bool) {
	id := m.area
	var members []string
	switch {
	case duty.ValidCountry(id):
		members = []string{id}
	case id == "1011" && len(m.excluded) == 0:
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
	if len(m.excluded) == 0 {
		return members, true
	}
	out := make([]string, 0, len(members))
	for _, c := range members {
		if !contains(m.excluded, c) {
			out = append(out, c)
		}
	}
	return out, true
}
