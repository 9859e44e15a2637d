package iorhttp_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/internal/schemagen"
	"github.com/iorkit/iorkit/iorhttp"
)

// The committed document (embedded, and its copy in docs/) is what the Go
// types give now.
func TestOpenAPIUpToDate(t *testing.T) {
	want, err := schemagen.OpenAPI()
	require.NoError(t, err)
	const regenerate = "run `go generate ./schema` and commit iorhttp/openapi.json and docs/openapi.json"
	assert.Equal(t, string(want), string(iorhttp.OpenAPI()), regenerate)
	doc, err := os.ReadFile("../docs/openapi.json")
	require.NoError(t, err)
	assert.Equal(t, string(want), string(doc), regenerate)
}

const openapiURL = "https://iorkit.test/openapi.json"

var (
	apiOnce     sync.Once
	apiCompiler *jsonschema.Compiler
	apiDoc      map[string]any
	apiErr      error
	apiSchemas  sync.Map // "#/components/..." → *jsonschema.Schema
)

// responseSchema compiles the schema the OpenAPI document gives for the
// JSON response of method path with status.
func responseSchema(t *testing.T, method, path string, status int) *jsonschema.Schema {
	t.Helper()
	apiOnce.Do(func() {
		b := iorhttp.OpenAPI()
		if apiErr = json.Unmarshal(b, &apiDoc); apiErr != nil {
			return
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			apiErr = err
			return
		}
		apiCompiler = jsonschema.NewCompiler()
		apiCompiler.DefaultDraft(jsonschema.Draft2020)
		apiErr = apiCompiler.AddResource(openapiURL, doc)
	})
	require.NoError(t, apiErr)
	get := func(m any, keys ...string) any {
		for _, k := range keys {
			mm, ok := m.(map[string]any)
			if !ok {
				return nil
			}
			m = mm[k]
		}
		return m
	}
	ref, _ := get(apiDoc, "paths", path, strings.ToLower(method), "responses", strconv.Itoa(status), "content", "application/json", "schema", "$ref").(string)
	require.NotEmpty(t, ref, "the OpenAPI document has no JSON response %d for %s %s", status, method, path)
	if s, ok := apiSchemas.Load(ref); ok {
		return s.(*jsonschema.Schema)
	}
	s, err := apiCompiler.Compile(openapiURL + ref)
	require.NoError(t, err)
	apiSchemas.Store(ref, s)
	return s
}

// validateResponse checks a response body against the OpenAPI document.
func validateResponse(t *testing.T, method, path string, status int, body []byte) {
	t.Helper()
	s := responseSchema(t, method, path, status)
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	require.NoError(t, err)
	if err := s.Validate(v); err != nil {
		assert.NoError(t, err, fmt.Sprintf("%s %s → %d does not match the OpenAPI document:\n%s", method, path, status, body))
	}
}

// The validation is not vacuous: a body of the wrong shape fails.
func TestOpenAPIRejectsWrongShape(t *testing.T) {
	s := responseSchema(t, "POST", "/v1/quote", 200)
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"quote": {"id": 1}}`))
	require.NoError(t, err)
	assert.Error(t, s.Validate(v))
	e := responseSchema(t, "POST", "/v1/quote", 422)
	v, err = jsonschema.UnmarshalJSON(strings.NewReader(`{"error": {"code": "x", "class": "y", "message": "z", "extra": 1}}`))
	require.NoError(t, err)
	assert.Error(t, e.Validate(v), "objects are closed")
}
