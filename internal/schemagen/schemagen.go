// Package schemagen writes the JSON Schemas (draft 2020-12) of the JSON
// that iorkit reads and writes — the shipment, the decision and the quote
// — from the Go types, by reflection: every exported field under its JSON
// name, required unless omitempty, nullable where encoding/json writes null
// (pointers, slices, the zero Money, Date and Quantity), each named struct
// once under $defs, objects closed (additionalProperties false). Types with
// their own JSON encoding are described by hand in Generate's table and an
// unknown one is an error, so a new encoding cannot be described wrongly
// in silence.
//
// `go generate ./schema` runs it; the schema package's tests fail when the
// committed schemas differ from what it writes now (a field added to a Go
// type without regenerating), and validate example shipments and produced
// quotes and decisions against them.
package schemagen

import (
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/rules"
)

// BaseURI is where the schemas say they live ($id): the module's docs.
const BaseURI = "https://github.com/iorkit/iorkit/schema/"

// Names are the documents a schema is written for, in order.
var Names = []string{"shipment", "decision", "quote"}

type schema = map[string]any

var (
	decimalPattern = `^-?[0-9]+(\.[0-9]+)?$`
	moneyDef       = schema{
		"type":        "object",
		"description": "An exact amount in an ISO 4217 currency; the amount is a decimal string, never a JSON number.",
		"properties": schema{
			"amount":   schema{"type": "string", "pattern": decimalPattern},
			"currency": schema{"type": "string", "pattern": "^[A-Z]{3}$"},
		},
		"required":             []string{"amount", "currency"},
		"additionalProperties": false,
	}
	quantityDef = schema{
		"type":        "object",
		"description": "An exact quantity of a unit (kg, l, item, pair...); the value is a decimal string.",
		"properties": schema{
			"value": schema{"type": "string", "pattern": decimalPattern},
			"unit":  schema{"type": "string", "minLength": 1},
		},
		"required":             []string{"value", "unit"},
		"additionalProperties": false,
	}
)

// custom describes the types with their own JSON encoding: the schema (or
// a $defs name and its definition) and whether the zero value is null.
type custom struct {
	inline   schema
	defName  string
	def      schema
	nullable bool
	// structFields: describe as the struct's own fields, with these
	// fields optional (a MarshalJSON that only leaves some out).
	structFields []string
}

var customs = map[reflect.Type]custom{
	reflect.TypeFor[duty.Date]():       {inline: schema{"type": "string", "format": "date", "pattern": `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`}, nullable: true},
	reflect.TypeFor[decimal.Decimal](): {inline: schema{"type": "string", "pattern": decimalPattern}},
	reflect.TypeFor[duty.Money]():      {defName: "Money", def: moneyDef, nullable: true},
	reflect.TypeFor[duty.Quantity]():   {defName: "Quantity", def: quantityDef, nullable: true},
	reflect.TypeFor[duty.Step]():       {structFields: []string{"base", "amount"}},
}

// enums lists the values of closed string types.
var enums = map[reflect.Type][]string{
	reflect.TypeFor[ior.Mode](): {string(ior.Courier), string(ior.Post), string(ior.Air), string(ior.Ocean), string(ior.Road), string(ior.Rail)},
	reflect.TypeFor[ior.Kind](): {string(ior.Business), string(ior.Consumer)},
	reflect.TypeFor[ior.Role](): {string(ior.RoleSeller), string(ior.RoleAffiliate), string(ior.RoleBuyer), string(ior.RoleConsignee), string(ior.RoleIORProvider)},
	reflect.TypeFor[rules.Kind](): {string(rules.KindRegistration), string(rules.KindRepresentative), string(rules.KindLicence),
		string(rules.KindCertification), string(rules.KindDocument), string(rules.KindTaxRegistration), string(rules.KindIORRestriction), string(rules.KindProhibition)},
	reflect.TypeFor[rules.Severity](): {string(rules.SeverityInfo), string(rules.SeverityRequired), string(rules.SeverityBlocking)},
}

func init() {
	var codes []string
	for _, r := range ior.Incoterms() {
		codes = append(codes, string(r.Code))
	}
	enums[reflect.TypeFor[ior.Incoterm]()] = codes
}

// inputRequired: what a shipment must have for Validate (the schema of an
// input requires only these; everything else may be left out).
var inputRequired = map[reflect.Type][]string{
	reflect.TypeFor[ior.Shipment](): {"date", "origin", "destination", "incoterm", "mode", "seller", "buyer", "lines"},
	reflect.TypeFor[ior.Party]():    {"country", "kind"},
	reflect.TypeFor[ior.Line]():     {"hs", "origin", "quantity", "unit_price"},
}

type gen struct {
	defs  schema
	input bool // a document read by iorkit: required fields from inputRequired
	err   error
	// ref is where definitions are referred to ("#/$defs/" in a schema,
	// "#/components/schemas/" in an OpenAPI document) and prefix what
	// their names start with (to keep input and output forms apart).
	ref, prefix string
}

func (g *gen) refTo(name string) schema {
	if g.ref == "" {
		return schema{"$ref": "#/$defs/" + g.prefix + name}
	}
	return schema{"$ref": g.ref + g.prefix + name}
}

// Generate returns each schema, indented JSON with a final newline, by
// name (Names).
func Generate() (map[string][]byte, error) {
	docs := map[string]struct {
		t           reflect.Type
		input       bool
		title, desc string
	}{
		"shipment": {reflect.TypeFor[ior.Shipment](), true, "iorkit shipment",
			"A shipment as ior.Shipment reads it (iorkit quote FILE, POST /v1/quote). Validate checks more than the schema: codes, currencies, ranges."},
		"decision": {reflect.TypeFor[ior.Decision](), false, "iorkit decision",
			"Who should act as importer of record, as Engine.Decide returns it (iorkit decide --json)."},
		"quote": {reflect.TypeFor[ior.Quote](), false, "iorkit quote",
			"A landed-cost quote as Engine.Quote returns it (iorkit quote --json)."},
	}
	out := map[string][]byte{}
	for _, name := range Names {
		d := docs[name]
		g := &gen{defs: schema{}, input: d.input}
		root := g.of(d.t)
		if g.err != nil {
			return nil, fmt.Errorf("schemagen: %s: %w", name, g.err)
		}
		s := schema{
			"$schema":     "https://json-schema.org/draft/2020-12/schema",
			"$id":         BaseURI + name + ".json",
			"title":       d.title,
			"description": d.desc + " Generated from the Go types by go generate ./schema: do not edit.",
			"$ref":        root["$ref"],
			"$defs":       g.defs,
		}
		b, err := json.MarshalIndent(s, "", "  ")
		if err != nil {
			return nil, err
		}
		out[name] = append(b, '\n')
	}
	return out, nil
}

func defName(t reflect.Type) string {
	pkg := t.PkgPath()
	if i := strings.LastIndex(pkg, "/"); i >= 0 {
		pkg = pkg[i+1:]
	}
	return pkg + "." + t.Name()
}

func nullable(s schema) schema {
	return schema{"anyOf": []any{s, schema{"type": "null"}}}
}

var (
	marshaler     = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

func implements(t, iface reflect.Type) bool {
	return t.Implements(iface) || reflect.PointerTo(t).Implements(iface)
}

// of returns the schema of a value of type t (nullability of pointers and
// slices is the caller's: see field).
func (g *gen) of(t reflect.Type) schema {
	if t.Kind() == reflect.Pointer {
		return nullable(g.of(t.Elem()))
	}
	if f, ok := customFuncs[t]; ok {
		return f(g)
	}
	if c, ok := customs[t]; ok {
		switch {
		case c.inline != nil:
			return c.inline
		case c.def != nil:
			g.defs[g.prefix+c.defName] = c.def
			return g.refTo(c.defName)
		}
		return g.object(t, c.structFields)
	}
	if implements(t, marshaler) {
		g.fail(fmt.Errorf("%v has its own MarshalJSON: describe it in schemagen's customs table", t))
		return schema{}
	}
	if implements(t, textMarshaler) {
		return schema{"type": "string"}
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return schema{"type": "array", "items": g.of(t.Elem())}
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			g.fail(fmt.Errorf("%v: map keys must be strings", t))
		}
		return schema{"type": "object", "additionalProperties": g.of(t.Elem())}
	case reflect.String:
		if vals, ok := enums[t]; ok {
			return schema{"type": "string", "enum": vals}
		}
		return schema{"type": "string"}
	case reflect.Bool:
		return schema{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return schema{"type": "integer"}
	case reflect.Struct:
		return g.object(t, nil)
	case reflect.Interface:
		return schema{}
	}
	g.fail(fmt.Errorf("%v: kind %v has no JSON Schema here (floats have no place in iorkit's JSON)", t, t.Kind()))
	return schema{}
}

func (g *gen) fail(err error) {
	if g.err == nil {
		g.err = err
	}
}

// object describes a struct under $defs and returns a $ref to it.
func (g *gen) object(t reflect.Type, optional []string) schema {
	name := defName(t)
	ref := g.refTo(name)
	key := g.prefix + name
	if _, ok := g.defs[key]; ok {
		return ref
	}
	g.defs[key] = schema{} // placeholder against recursion
	props := schema{}
	var required []string
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		jname, opts, _ := strings.Cut(tag, ",")
		if jname == "" {
			jname = f.Name
		}
		omit := strings.Contains(","+opts+",", ",omitempty,") || strings.Contains(","+opts+",", ",omitzero,")
		props[jname] = g.field(f.Type, omit)
		switch {
		case g.input:
			if slices.Contains(inputRequired[t], jname) {
				required = append(required, jname)
			}
		case !omit && !slices.Contains(optional, jname):
			required = append(required, jname)
		}
	}
	def := schema{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		def["required"] = required
	}
	g.defs[key] = def
	return ref
}

// field is the schema of a field's value: null where encoding/json writes
// null for it (a nil pointer, a nil slice or map, a zero Money, Date or
// Quantity) unless omitempty leaves the field out instead.
func (g *gen) field(t reflect.Type, omit bool) schema {
	s := g.of(t)
	if t.Kind() == reflect.Pointer {
		return s // already nullable
	}
	null := t.Kind() == reflect.Slice || t.Kind() == reflect.Map
	if c, ok := customs[t]; ok && c.nullable {
		null = true
	}
	if null && (!omit || t.Kind() != reflect.Slice && t.Kind() != reflect.Map) {
		return nullable(s)
	}
	return s
}
