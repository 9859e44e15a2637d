package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/schemagen"
	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/schema"
)

const regenerate = "the Go types and the schemas differ: run `go generate ./schema` and commit schema/*.json and docs/schema/*.json"

// The committed schemas (embedded, and the copies in docs/schema) are what
// the Go types give now: a field added to Shipment, Decision, Quote or a
// type they hold, without regenerating, fails here.
func TestSchemasUpToDate(t *testing.T) {
	want, err := schemagen.Generate()
	require.NoError(t, err)
	for _, name := range schema.Names() {
		got, err := schema.Get(name)
		require.NoError(t, err)
		assert.Equal(t, string(want[name]), string(got), "%s: %s", name, regenerate)
		doc, err := os.ReadFile(filepath.Join("..", "docs", "schema", name+".json"))
		require.NoError(t, err)
		assert.Equal(t, string(want[name]), string(doc), "docs/schema/%s.json: %s", name, regenerate)
	}
	_, err = schema.Get("plan")
	assert.Error(t, err)
}

// Independently of the generator: every JSON field of the Go types is a
// property of the schema's definition of its type, and every property a
// field. Types with their own encoding (Money, Date...) are left out.
func TestSchemaPropertiesMatchGoFields(t *testing.T) {
	for name, root := range map[string]reflect.Type{
		"shipment": reflect.TypeFor[ior.Shipment](),
		"decision": reflect.TypeFor[ior.Decision](),
		"quote":    reflect.TypeFor[ior.Quote](),
	} {
		b, err := schema.Get(name)
		require.NoError(t, err)
		var doc struct {
			Defs map[string]struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"$defs"`
		}
		require.NoError(t, json.Unmarshal(b, &doc))
		seen := map[reflect.Type]bool{}
		var walk func(rt reflect.Type)
		walk = func(rt reflect.Type) {
			for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice || rt.Kind() == reflect.Map || rt.Kind() == reflect.Array {
				rt = rt.Elem()
			}
			if rt.Kind() != reflect.Struct || seen[rt] || rt.PkgPath() == "" {
				return
			}
			seen[rt] = true
			pkg := rt.PkgPath()[strings.LastIndex(rt.PkgPath(), "/")+1:]
			def, ok := doc.Defs[pkg+"."+rt.Name()]
			if !ok {
				return // a type with its own encoding (Money, Date, Decimal...)
			}
			fields := map[string]bool{}
			for _, f := range reflect.VisibleFields(rt) {
				tag := f.Tag.Get("json")
				if !f.IsExported() || f.Anonymous || tag == "-" {
					continue
				}
				jn, _, _ := strings.Cut(tag, ",")
				if jn == "" {
					jn = f.Name
				}
				fields[jn] = true
				assert.Contains(t, def.Properties, jn, "%s: %v.%s is not in the schema: %s", name, rt, f.Name, regenerate)
				walk(f.Type)
			}
			for p := range def.Properties {
				assert.True(t, fields[p], "%s: schema property %s.%s has no Go field", name, rt, p)
			}
		}
		walk(root)
		assert.NotEmpty(t, seen, name)
	}
}

func compile(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	b, err := schema.Get(name)
	require.NoError(t, err)
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	url := schemagen.BaseURI + name + ".json"
	require.NoError(t, c.AddResource(url, doc))
	s, err := c.Compile(url)
	require.NoError(t, err)
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, what string, b []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err, what)
	assert.NoError(t, s.Validate(v), what)
}

// exampleShipments are every shipment file of the repository that is
// meant to be valid.
func exampleShipments(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join("..", "examples", "shipments", "*.json"))
	require.NoError(t, err)
	more, err := filepath.Glob(filepath.Join("..", "testdata", "shipments", "*.json"))
	require.NoError(t, err)
	files = append(files, more...)
	files = append(files, filepath.Join("..", "ior", "testdata", "shipment_de.json"))
	require.NotEmpty(t, files)
	return files
}

// Every example shipment is valid against the shipment schema; the
// quote and decision iorkit produces for it are valid against theirs.
func TestExamplesAndOutputsValidate(t *testing.T) {
	ship, quote, decision := compile(t, "shipment"), compile(t, "quote"), compile(t, "decision")
	e, err := ior.NewEngine()
	require.NoError(t, err)
	quoted := 0
	for _, f := range exampleShipments(t) {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		validate(t, ship, f, b)
		var s ior.Shipment
		require.NoError(t, json.Unmarshal(b, &s), f)
		d, err := e.Decide(context.Background(), s)
		require.NoError(t, err, f)
		out, err := json.Marshal(d)
		require.NoError(t, err)
		validate(t, decision, f+" decision", out)
		q, err := e.Quote(context.Background(), s, ior.Partial())
		if err != nil {
			// A shipment the embedded data cannot quote (a rate not
			// given...) still has a decision.
			var sErr *duty.StrictError
			require.False(t, errors.As(err, &sErr), f)
			t.Logf("%s: not quoted: %v", f, err)
			continue
		}
		out, err = json.Marshal(q)
		require.NoError(t, err)
		validate(t, quote, f+" quote", out)
		quoted++
	}
	assert.Positive(t, quoted)
}

// The golden outputs of Quote, Decide and Plan (testdata/golden, kept
// byte-identical by ior's TestGolden) validate: each quote, each decision,
// and the decision and quote of each market of a plan.
func TestGoldenOutputsValidate(t *testing.T) {
	quote, decision := compile(t, "quote"), compile(t, "decision")
	files, err := filepath.Glob(filepath.Join("..", "testdata", "golden", "*.json"))
	require.NoError(t, err)
	var n int
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		switch {
		case strings.HasSuffix(f, ".quote.json"):
			validate(t, quote, f, b)
		case strings.HasSuffix(f, ".decide.json"):
			validate(t, decision, f, b)
		case strings.HasSuffix(f, ".plan.json"):
			var plans []struct {
				Decision json.RawMessage `json:"decision"`
				Quote    json.RawMessage `json:"quote"`
			}
			require.NoError(t, json.Unmarshal(b, &plans), f)
			for i, p := range plans {
				if len(p.Decision) > 0 {
					validate(t, decision, fmt.Sprintf("%s[%d].decision", f, i), p.Decision)
				}
				if len(p.Quote) > 0 {
					validate(t, quote, fmt.Sprintf("%s[%d].quote", f, i), p.Quote)
				}
			}
		default:
			continue
		}
		n++
	}
	if len(files) > 0 {
		assert.Positive(t, n)
	}
}

// The carts of the checkout example are shipments too.
func TestCheckoutCartsValidate(t *testing.T) {
	ship := compile(t, "shipment")
	b, err := os.ReadFile(filepath.Join("..", "examples", "checkout", "carts.json"))
	require.NoError(t, err)
	var carts []json.RawMessage
	require.NoError(t, json.Unmarshal(b, &carts))
	require.NotEmpty(t, carts)
	for i, c := range carts {
		validate(t, ship, fmt.Sprintf("carts.json[%d]", i), c)
	}
}

// The schemas refuse what they should: a number as an amount, an unknown
// field, a missing required field, a mode that does not exist.
func TestShipmentSchemaRefuses(t *testing.T) {
	ship := compile(t, "shipment")
	b, err := os.ReadFile(filepath.Join("..", "examples", "shipments", "de-tshirts.json"))
	require.NoError(t, err)
	for name, edit := range map[string]func(m map[string]any){
		"amount as number": func(m map[string]any) { m["freight"] = map[string]any{"amount": 50, "currency": "EUR"} },
		"unknown field":    func(m map[string]any) { m["incotem"] = "DDP" },
		"missing lines":    func(m map[string]any) { delete(m, "lines") },
		"unknown mode":     func(m map[string]any) { m["mode"] = "sea" },
		"bad date":         func(m map[string]any) { m["date"] = "2026-13-01" },
	} {
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		edit(m)
		out, err := json.Marshal(m)
		require.NoError(t, err)
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
		require.NoError(t, err)
		assert.Error(t, ship.Validate(v), name)
	}
}
