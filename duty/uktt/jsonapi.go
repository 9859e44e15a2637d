package uktt

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/iorkit/iorkit/duty"
)

// ref is a JSON:API resource identifier.
type ref struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

// one is a to-one relationship (data may be null).
type one struct {
	Data *ref `json:"data"`
}

// many is a to-many relationship.
type many struct {
	Data []ref `json:"data"`
}

// resource is an entry of included, decoded lazily by type.
type resource struct {
	ID            string                     `json:"id"`
	Type          string                     `json:"type"`
	Attributes    json.RawMessage            `json:"attributes"`
	Relationships map[string]json.RawMessage `json:"relationships"`
}

type apiCommodity struct {
	Data struct {
		ID         string `json:"id"`
		Type       string `json:"type"`
		Attributes struct {
			Code string `json:"goods_nomenclature_item_id"`
		} `json:"attributes"`
		Relationships struct {
			ImportMeasures many `json:"import_measures"`
		} `json:"relationships"`
		Meta struct {
			DutyCalculator struct {
				Source string `json:"source"`
			} `json:"duty_calculator"`
		} `json:"meta"`
	} `json:"data"`
	Included []resource `json:"included"`
}

type apiMeasure struct {
	Attributes struct {
		Start  string `json:"effective_start_date"`
		End    string `json:"effective_end_date"`
		VAT    bool   `json:"vat"`
		Excise bool   `json:"excise"`
	} `json:"attributes"`
	Relationships struct {
		DutyExpression one  `json:"duty_expression"`
		MeasureType    one  `json:"measure_type"`
		LegalActs      many `json:"legal_acts"`
		Conditions     many `json:"measure_conditions"`
		Area           one  `json:"geographical_area"`
		Excluded       many `json:"excluded_countries"`
		AdditionalCode one  `json:"additional_code"`
		OrderNumber    one  `json:"order_number"`
	} `json:"relationships"`
}

// readAPI reads a raw JSON:API commodity response (/api/v2/commodities/
// {code}): data is the commodity, its import_measures relationship lists
// the measures, and included holds them with their measure types, duty
// expressions, geographical areas (groups with their members), additional
// codes, conditions, order numbers and quota definitions.
func (s *Schedule) readAPI(b []byte, info *docInfo) ([]rawMeasure, error) {
	var doc apiCommodity
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, &DocumentError{Document: "commodity", Err: err}
	}
	d := doc.Data
	if d.Type != "commodity" && d.Type != "subheading" && d.Type != "heading" {
		return nil, &DocumentError{Document: "commodity", Path: "data.type", Value: d.Type, Err: errors.New("want a commodity")}
	}
	code, err := duty.NormalizeHS(d.Attributes.Code)
	if err != nil || len(code) != 10 {
		return nil, &DocumentError{Document: "commodity", Path: "data.attributes.goods_nomenclature_item_id", Value: d.Attributes.Code, Err: errors.New("want a 10-digit commodity code")}
	}
	info.code = code
	if src := d.Meta.DutyCalculator.Source; src != "" && Service(src) != s.service {
		return nil, &DocumentError{Document: code, Path: "data.meta.duty_calculator.source", Value: src,
			Err: fmt.Errorf("a document of the %s service cannot go into a %s schedule", src, s.service)}
	}
	inc := make(map[ref]*resource, len(doc.Included))
	for i := range doc.Included {
		r := &doc.Included[i]
		inc[ref{ID: r.ID, Type: r.Type}] = r
	}
	x := &apiReader{code: code, inc: inc}
	out := make([]rawMeasure, 0, len(d.Relationships.ImportMeasures.Data))
	for i, mref := range d.Relationships.ImportMeasures.Data {
		path := fmt.Sprintf("data.relationships.import_measures.data[%d]", i)
		r, ok := inc[ref{ID: mref.ID, Type: "measure"}]
		if !ok {
			return nil, &DocumentError{Document: code, Path: path, Value: mref.ID, Err: errors.New("measure not in included")}
		}
		rm, err := x.measure(r, path)
		if err != nil {
			return nil, err
		}
		out = append(out, rm)
	}
	return out, nil
}

type apiReader struct {
	code string
	inc  map[ref]*resource
}

func (x *apiReader) fail(path, value string, err error) error {
	return &DocumentError{Document: x.code, Path: path, Value: value, Err: err}
}

// attrs decodes the attributes of the included resource r points to into
// v; ok is false when r is nil.
func (x *apiReader) attrs(r *ref, typ, path string, v any) (bool, error) {
	if r == nil {
		return false, nil
	}
	res, found := x.inc[ref{ID: r.ID, Type: typ}]
	if !found {
		return false, x.fail(path, r.ID, fmt.Errorf("%s not in included", typ))
	}
	if len(res.Attributes) == 0 {
		return true, nil
	}
	if err := json.Unmarshal(res.Attributes, v); err != nil {
		return false, x.fail(path, r.ID, err)
	}
	return true, nil
}

func (x *apiReader) measure(r *resource, path string) (rawMeasure, error) {
	var m apiMeasure
	if len(r.Attributes) > 0 {
		if err := json.Unmarshal(r.Attributes, &m.Attributes); err != nil {
			return rawMeasure{}, x.fail(path+".attributes", r.ID, err)
		}
	}
	if len(r.Relationships) > 0 {
		rel, _ := json.Marshal(r.Relationships)
		if err := json.Unmarshal(rel, &m.Relationships); err != nil {
			return rawMeasure{}, x.fail(path+".relationships", r.ID, err)
		}
	}
	path = fmt.Sprintf("included[measure %s]", r.ID)
	rm := rawMeasure{path: path, id: r.ID, start: m.Attributes.Start, end: m.Attributes.End, tax: m.Attributes.VAT || m.Attributes.Excise}
	rel := m.Relationships

	var mt struct {
		Desc   string `json:"description"`
		Series string `json:"measure_type_series_id"`
	}
	if rel.MeasureType.Data == nil {
		return rawMeasure{}, x.fail(path+".relationships.measure_type", "", errors.New("missing"))
	}
	if _, err := x.attrs(rel.MeasureType.Data, "measure_type", path+".relationships.measure_type", &mt); err != nil {
		return rawMeasure{}, err
	}
	rm.typeID, rm.typeDesc, rm.series = rel.MeasureType.Data.ID, mt.Desc, mt.Series

	var de struct {
		Base string `json:"base"`
	}
	if _, err := x.attrs(rel.DutyExpression.Data, "duty_expression", path+".relationships.duty_expression", &de); err != nil {
		return rawMeasure{}, err
	}
	rm.expr = de.Base

	if rel.Area.Data == nil {
		return rawMeasure{}, x.fail(path+".relationships.geographical_area", "", errors.New("missing"))
	}
	rm.area = rel.Area.Data.ID
	if res, ok := x.inc[ref{ID: rm.area, Type: "geographical_area"}]; ok {
		var ga apiArea
		raw, _ := json.Marshal(res)
		if err := json.Unmarshal(raw, &ga); err != nil {
			return rawMeasure{}, x.fail(path+".relationships.geographical_area", rm.area, err)
		}
		if id := ga.id(); id != "" {
			rm.area = id
		}
		rm.areaDesc = ga.Attributes.Desc
		if kids := ga.Relationships.Children.Data; len(kids) > 0 {
			rm.hasMembers = true
			for _, k := range kids {
				if duty.ValidCountry(k.ID) {
					rm.members = append(rm.members, k.ID)
				}
			}
		}
	}
	for _, e := range rel.Excluded.Data {
		rm.excluded = append(rm.excluded, e.ID)
	}

	var ac struct {
		Code string `json:"code"`
		Desc string `json:"description"`
	}
	if ok, err := x.attrs(rel.AdditionalCode.Data, "additional_code", path+".relationships.additional_code", &ac); err != nil {
		return rawMeasure{}, err
	} else if ok {
		rm.addCode, rm.addDesc = ac.Code, plain(ac.Desc)
		if rm.addCode == "" {
			rm.addCode = rel.AdditionalCode.Data.ID
		}
	}

	if len(rel.LegalActs.Data) > 0 {
		var la struct {
			Code string `json:"regulation_code"`
		}
		if ok, _ := x.attrs(&rel.LegalActs.Data[0], "legal_act", path+".relationships.legal_acts", &la); ok {
			rm.legal = la.Code
		}
		if rm.legal == "" {
			rm.legal = rel.LegalActs.Data[0].ID
		}
	}

	for i, c := range rel.Conditions.Data {
		var mc struct {
			Code     string `json:"condition_code"`
			Document string `json:"document_code"`
			Action   string `json:"action"`
			Req      string `json:"requirement"`
		}
		if _, err := x.attrs(&c, "measure_condition", fmt.Sprintf("%s.relationships.measure_conditions.data[%d]", path, i), &mc); err != nil {
			return rawMeasure{}, err
		}
		rm.conditions = append(rm.conditions, condition{code: mc.Code, document: mc.Document, action: mc.Action, requirement: plain(mc.Req)})
	}

	if on := rel.OrderNumber.Data; on != nil {
		rm.order = on.ID
		if res, ok := x.inc[ref{ID: on.ID, Type: "order_number"}]; ok {
			var orel struct {
				Definition one `json:"definition"`
			}
			if raw, ok := res.Relationships["definition"]; ok {
				_ = json.Unmarshal(raw, &orel.Definition)
			}
			var def struct {
				Start   string `json:"validity_start_date"`
				End     string `json:"validity_end_date"`
				Status  string `json:"status"`
				Balance string `json:"balance"`
				Unit    string `json:"measurement_unit"`
				Money   string `json:"monetary_unit"`
			}
			if ok, err := x.attrs(orel.Definition.Data, "definition", path+".relationships.order_number.definition", &def); err != nil {
				return rawMeasure{}, err
			} else if ok {
				unit := def.Unit
				if unit == "" {
					unit = def.Money
				}
				rm.quota = fmt.Sprintf("period %s to %s, status %s, balance %s %s as published", day10(def.Start), day10(def.End), def.Status, def.Balance, unit)
			}
		}
	}
	return rm, nil
}

func day10(s string) string {
	if len(s) >= 10 {
		return s[:10]
	}
	if s == "" {
		return "open"
	}
	return s
}

// plain removes HTML tags and the entities the tariff's descriptions use.
func plain(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	var b bytes.Buffer
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.NewReplacer("&amp;", "&", "&apos;", "'", "&quot;", `"`, "&lt;", "<", "&gt;", ">", "&nbsp;", " ").Replace(b.String())
}
