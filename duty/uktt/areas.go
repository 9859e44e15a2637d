package uktt

import (
	"bytes"
	"encoding/json"
	"io"
	"sort"

	"github.com/iorkit/iorkit/duty"
)

type area struct {
	ID       string `json:"id"`
	AreaID   string `json:"geographical_area_id"`
	Desc     string `json:"description"`
	Children []area `json:"children_geographical_areas"`
}

func (a area) id() string {
	if a.AreaID != "" {
		return a.AreaID
	}
	return a.ID
}

// apiArea is a geographical_area resource of a JSON:API response.
type apiArea struct {
	ID         string `json:"id"`
	Type       string `json:"type"`
	Attributes struct {
		AreaID string `json:"geographical_area_id"`
		Desc   string `json:"description"`
	} `json:"attributes"`
	Relationships struct {
		Children struct {
			Data []ref `json:"data"`
		} `json:"children_geographical_areas"`
	} `json:"relationships"`
}

func (a apiArea) id() string {
	if a.Attributes.AreaID != "" {
		return a.Attributes.AreaID
	}
	return a.ID
}

// ReadAreas reads geographical area documents and returns the member
// countries of each group by its id. It reads the API's own responses
// (/api/v2/geographical_areas/{id}, such as 1013, the European Union, with
// its members in children_geographical_areas; or the list of
// /api/v2/geographical_areas/countries, which has no groups) and the
// flattened form (one area or an array of areas with nested
// children_geographical_areas).
func ReadAreas(r io.Reader) (map[string][]string, error) {
	const doc = "geographical areas"
	b, err := readAll(r, DefaultMaxDocumentSize, doc)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimSpace(b)
	out := map[string][]string{}
	if len(b) > 0 && b[0] == '{' {
		var probe struct {
			Data json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(b, &probe); err != nil {
			return nil, &DocumentError{Document: doc, Err: err}
		}
		if len(probe.Data) > 0 {
			var list []apiArea
			d := bytes.TrimSpace(probe.Data)
			if len(d) > 0 && d[0] == '[' {
				err = json.Unmarshal(d, &list)
			} else {
				var one apiArea
				err = json.Unmarshal(d, &one)
				list = []apiArea{one}
			}
			if err != nil {
				return nil, &DocumentError{Document: doc, Path: "data", Err: err}
			}
			for _, a := range list {
				if len(a.Relationships.Children.Data) == 0 {
					continue
				}
				var ms []string
				for _, c := range a.Relationships.Children.Data {
					if duty.ValidCountry(c.ID) {
						ms = append(ms, c.ID)
					}
				}
				sort.Strings(ms)
				out[a.id()] = ms
			}
			return out, nil
		}
	}
	var list []area
	if len(b) > 0 && b[0] == '[' {
		if err := json.Unmarshal(b, &list); err != nil {
			return nil, &DocumentError{Document: doc, Err: err}
		}
	} else {
		var one area
		if err := json.Unmarshal(b, &one); err != nil {
			return nil, &DocumentError{Document: doc, Err: err}
		}
		list = []area{one}
	}
	for _, a := range list {
		if len(a.Children) > 0 {
			out[a.id()] = childIDs(a.Children)
		}
	}
	return out, nil
}

func childIDs(cs []area) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		if id := c.id(); duty.ValidCountry(id) {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
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
