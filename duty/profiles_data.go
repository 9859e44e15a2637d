package duty

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"sort"
	"sync"

	"github.com/iorkit/iorkit/internal/jsonpath"
	"github.com/iorkit/iorkit/internal/limits"

	"github.com/shopspring/decimal"
)

//go:embed data/profiles/*.json
var profileFS embed.FS

// ProfileFile is the JSON document ReadProfiles reads: plain profiles, and
// customs unions whose members share everything but a few national
// figures (the EU: one customs territory, 27 VAT rates).
type ProfileFile struct {
	Version  string        `json:"version"`
	Profiles []Profile     `json:"profiles"`
	Unions   []UnionSource `json:"unions"`
}

// UnionSource expands into one profile per member: the template with the
// member's country, name, currency and VAT.
type UnionSource struct {
	Union    string         `json:"union"` // e.g. "EU"
	Template Profile        `json:"template"`
	Members  []MemberSource `json:"members"`
}

// MemberSource is one member state's national figures.
type MemberSource struct {
	Country  string          `json:"country"`
	Name     string          `json:"name"`
	Currency string          `json:"currency"`
	VATRate  decimal.Decimal `json:"vat_rate"`
	VATFrom  Date            `json:"vat_from"`
	Source   string          `json:"vat_source"`
	Reduced  []ReducedRate   `json:"reduced,omitempty"`
}

// ReadProfiles reads one profile document (see ProfileFile). Unknown
// fields are errors, so a misspelt key never silently drops a rule.
//
// Errors name the field and the value: a value that does not decode is
// reported with its path ("profiles[0].taxes[0].rate: ..."), and every
// profile is checked as NewProfiles checks it ("profiles[0] (DE):
// valuation "CIP": want CIF or FOB"). Data after the document is an error.
// The document is bounded: DefaultProfileMaxBytes in all, MaxFieldBytes per
// string; over a limit the error wraps a *LimitError.
func ReadProfiles(r io.Reader) ([]Profile, error) {
	b, err := limits.ReadAll(r, DefaultProfileMaxBytes, "profile document")
	if err == nil {
		err = limits.JSONStrings(b, MaxFieldBytes, "profile document")
	}
	if err != nil {
		return nil, &ProfileError{Msg: "reading the document: " + err.Error(), Err: err}
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var f ProfileFile
	err = dec.Decode(&f)
	if err == nil {
		if _, terr := dec.Token(); terr != io.EOF {
			err = errors.New("unexpected data after the JSON document")
		}
	}
	if err != nil {
		var loc *jsonpath.Error
		if errors.As(jsonpath.Locate(b, reflect.TypeFor[ProfileFile](), true), &loc) {
			return nil, &ProfileError{Path: loc.Path, Value: loc.Value, Msg: loc.Msg, Err: loc.Err}
		}
		return nil, &ProfileError{Msg: jsonpath.ClipWithin(err.Error(), ""), Err: err}
	}
	out := append([]Profile(nil), f.Profiles...)
	for i, p := range f.Profiles {
		if err := p.check(); err != nil {
			err.Path = fmt.Sprintf("profiles[%d].%s", i, err.Path)
			return nil, err
		}
	}
	for i, u := range f.Unions {
		for j, m := range u.Members {
			at := fmt.Sprintf("unions[%d].members[%d]", i, j)
			p, err := u.member(m)
			if err != nil {
				err.Path = at + err.Path
				return nil, err
			}
			if err := p.check(); err != nil {
				// The member's own fields are named; the others come
				// from the template.
				switch err.Path {
				case "country", "currency":
				default:
					err.Path = fmt.Sprintf("unions[%d].template.%s", i, err.Path)
					return nil, err
				}
				err.Path = at + "." + err.Path
				return nil, err
			}
			out = append(out, p)
		}
	}
	return out, nil
}

func (u UnionSource) member(m MemberSource) (Profile, *ProfileError) {
	// Deep-copy the template through JSON so members never share slices.
	b, err := json.Marshal(u.Template)
	if err == nil {
		var p Profile
		err = json.Unmarshal(b, &p)
		if err == nil {
			return u.withMember(p, m)
		}
	}
	return Profile{}, &ProfileError{Country: m.Country, Msg: "copying the union's template: " + err.Error(), Err: err}
}

func (u UnionSource) withMember(p Profile, m MemberSource) (Profile, *ProfileError) {
	p.Country, p.Name, p.Union = m.Country, m.Name, u.Union
	if m.VATFrom.After(p.From) {
		// A member's profile starts when its current VAT rate does: before
		// that date the data does not know the rate, so it must not answer.
		p.From = m.VATFrom
	}
	if m.Currency != "" {
		p.Currency = m.Currency
	}
	found := false
	for i := range p.Taxes {
		if p.Taxes[i].Code == "VAT" {
			p.Taxes[i].Rate, p.Taxes[i].Source, p.Taxes[i].Reduced = m.VATRate, m.Source, m.Reduced
			if !m.VATFrom.IsZero() {
				p.Taxes[i].From = m.VATFrom
			}
			found = true
		}
	}
	if !found {
		return Profile{}, &ProfileError{Path: ".vat_rate", Country: m.Country, Value: m.VATRate.String(),
			Msg: fmt.Sprintf("template of union %s has no tax with code VAT to take the member's vat_rate", clip(u.Union))}
	}
	if m.Source == "" {
		return Profile{}, &ProfileError{Path: ".vat_source", Country: m.Country, Msg: "is required (the source of the member's VAT rate)"}
	}
	p.Sources = append(p.Sources, m.Source)
	return p, nil
}

// DefaultProfiles returns the embedded profiles: every figure with its
// source and the date it is in force from (see docs/data.md). Each call
// builds a new set, so callers may not share mutable state by accident:
// the embedded files are read once per process and every call gets a deep
// copy of what they hold.
func DefaultProfiles() (*Profiles, error) {
	all, err := embeddedProfiles()
	if err != nil {
		return nil, err
	}
	return NewProfiles(all...) // which keeps deep copies
}

// embeddedProfiles reads the embedded profile files once. Its result is
// never handed out: DefaultProfiles copies it.
var embeddedProfiles = sync.OnceValues(readEmbeddedProfiles)

func readEmbeddedProfiles() ([]Profile, error) {
	names, err := fs.Glob(profileFS, "data/profiles/*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var all []Profile
	for _, n := range names {
		b, err := profileFS.ReadFile(n)
		if err != nil {
			return nil, err
		}
		ps, err := ReadProfiles(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		all = append(all, ps...)
	}
	if _, err := NewProfiles(all...); err != nil {
		return nil, err
	}
	return all, nil
}
