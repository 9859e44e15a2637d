package iorhttp_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/iorhttp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// euEngine prices the EU on a one-line table: 6109.10 at 12%.
func euEngine(t testing.TB) *ior.Engine {
	t.Helper()
	tb, err := duty.ReadTable(strings.NewReader("hs,kind,rate,origins,program,from,to,source\n6109.10,mfn,12%,,,2020-01-01,,CN 2026 6109 10 00 (test)\n"))
	require.NoError(t, err)
	e, err := ior.NewEngine(ior.WithSchedule("EU", tb), ior.WithoutSampleTariff())
	require.NoError(t, err)
	return e
}

func server(t *testing.T, opts ...iorhttp.Option) *httptest.Server {
	t.Helper()
	h, err := iorhttp.NewHandler(euEngine(t), opts...)
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func shipment(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("../ior/testdata/shipment_de.json")
	require.NoError(t, err)
	return b
}

type errBody struct {
	Error iorhttp.APIError `json:"error"`
}

func post(t *testing.T, srv *httptest.Server, path string, body []byte) (int, []byte) {
	t.Helper()
	resp, err := srv.Client().Post(srv.URL+path, "application/json", bytes.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	route, _, _ := strings.Cut(path, "?")
	if resp.StatusCode != http.StatusNotFound {
		validateResponse(t, http.MethodPost, route, resp.StatusCode, b)
	}
	return resp.StatusCode, b
}

func TestQuoteWithView(t *testing.T) {
	srv := server(t)
	status, b := post(t, srv, "/v1/quote?currency=EUR", shipment(t))
	require.Equal(t, http.StatusOK, status, string(b))
	var resp struct {
		Quote struct {
			Totals struct{ Duty, Tax duty.Money }
		}
		View ior.View
	}
	require.NoError(t, json.Unmarshal(b, &resp))
	// 550.00 EUR customs value: duty 12% = 66.00, VAT 19% × 616 = 117.04;
	// the shopper pays 500 + 50 + 66 + 117.04 = 733.04.
	assert.Equal(t, "66.00 EUR", resp.Quote.Totals.Duty.String())
	assert.Equal(t, "117.04 EUR", resp.Quote.Totals.Tax.String())
	assert.Equal(t, "733.04 EUR", resp.View.Total.String())
}

func TestDecidePlanPrice(t *testing.T) {
	srv := server(t)
	status, b := post(t, srv, "/v1/decide", shipment(t))
	require.Equal(t, http.StatusOK, status, string(b))
	var d ior.Decision
	require.NoError(t, json.Unmarshal(b, &d))
	require.NotNil(t, d.Importer)

	plan := []byte(`{"shipment": ` + string(shipment(t)) + `, "destinations": ["DE", "FR"]}`)
	status, b = post(t, srv, "/v1/plan", plan)
	require.Equal(t, http.StatusOK, status, string(b))
	var pr iorhttp.PlanResponse
	require.NoError(t, json.Unmarshal(b, &pr))
	require.Len(t, pr.Plans, 2)
	assert.Equal(t, "FR", pr.Plans[1].Destination)

	// 733.04 EUR lands exactly at a unit price of 5.00 (see TestQuoteWithView).
	price := []byte(`{"items": [{"key": "TS-1/DE", "line": 0, "target": {"amount": "733.04", "currency": "EUR"}, "shipment": ` + string(shipment(t)) + `}]}`)
	status, b = post(t, srv, "/v1/price", price)
	require.Equal(t, http.StatusOK, status, string(b))
	var prices iorhttp.PriceResponse
	require.NoError(t, json.Unmarshal(b, &prices))
	require.Len(t, prices.Results, 1)
	require.NotNil(t, prices.Results[0].Result, string(b))
	assert.Equal(t, "5.00 EUR", prices.Results[0].Result.UnitPrice.String())
}

func TestErrors(t *testing.T) {
	srv := server(t, iorhttp.MaxBody(4096))
	t.Run("validation problems listed", func(t *testing.T) {
		bad := bytes.Replace(shipment(t), []byte(`"hs": "6109.10"`), []byte(`"hs": "61"`), 1)
		bad = bytes.Replace(bad, []byte(`"incoterm": "DDP"`), []byte(`"incoterm": "XXX"`), 1)
		status, b := post(t, srv, "/v1/quote", bad)
		assert.Equal(t, http.StatusBadRequest, status)
		var e errBody
		require.NoError(t, json.Unmarshal(b, &e))
		assert.Equal(t, "invalid_shipment", e.Error.Code)
		assert.Equal(t, "invalid_input", e.Error.Class)
		paths := []string{}
		for _, p := range e.Error.Problems {
			paths = append(paths, p.Path)
		}
		assert.Contains(t, paths, "incoterm")
		assert.Contains(t, paths, "lines[0].hs")
	})
	t.Run("unknown field", func(t *testing.T) {
		bad := []byte(`{"shipment": ` + string(shipment(t)) + `, "destinations": ["DE"], "destination": "FR"}`)
		status, b := post(t, srv, "/v1/plan", bad)
		assert.Equal(t, http.StatusBadRequest, status, string(b))
		// A misspelt shipment field must not silently lower the quote.
		bad = bytes.Replace(shipment(t), []byte(`"freight"`), []byte(`"frieght"`), 1)
		status, b = post(t, srv, "/v1/quote", bad)
		assert.Equal(t, http.StatusBadRequest, status, string(b))
		assert.Contains(t, string(b), "frieght")
	})
	t.Run("trailing data", func(t *testing.T) {
		status, _ := post(t, srv, "/v1/decide", append(shipment(t), []byte(" {}")...))
		assert.Equal(t, http.StatusBadRequest, status)
	})
	t.Run("too large", func(t *testing.T) {
		status, b := post(t, srv, "/v1/quote", append(shipment(t), bytes.Repeat([]byte(" "), 5000)...))
		assert.Equal(t, http.StatusRequestEntityTooLarge, status)
		var e errBody
		require.NoError(t, json.Unmarshal(b, &e))
		assert.Equal(t, "too_large", e.Error.Code)
		assert.Equal(t, "invalid_input", e.Error.Class)
	})
	t.Run("data not covered", func(t *testing.T) {
		other := bytes.Replace(shipment(t), []byte(`"hs": "6109.10"`), []byte(`"hs": "8518.30"`), 1)
		status, b := post(t, srv, "/v1/quote", other)
		assert.Equal(t, http.StatusUnprocessableEntity, status, string(b))
		var e errBody
		require.NoError(t, json.Unmarshal(b, &e))
		assert.Equal(t, "unknown_code", e.Error.Code)
		assert.Equal(t, "data_not_covered", e.Error.Class)
	})
	t.Run("bad query", func(t *testing.T) {
		status, _ := post(t, srv, "/v1/quote?partial=maybe", shipment(t))
		assert.Equal(t, http.StatusBadRequest, status)
		// ?inverse was read leniently: a bad value quietly meant false.
		status, b := post(t, srv, "/v1/quote?currency=USD&inverse=maybe", shipment(t))
		assert.Equal(t, http.StatusBadRequest, status, string(b))
		assert.Contains(t, string(b), `"path":"?inverse"`)
	})
	t.Run("not found", func(t *testing.T) {
		status, _ := post(t, srv, "/v1/nothing", shipment(t))
		assert.Equal(t, http.StatusNotFound, status)
	})
}

func TestTimeout(t *testing.T) {
	srv := server(t, iorhttp.Timeout(time.Nanosecond))
	status, b := post(t, srv, "/v1/quote", shipment(t))
	assert.Equal(t, http.StatusServiceUnavailable, status, string(b))
}

func TestHealthAndOpenAPI(t *testing.T) {
	srv := server(t)
	resp, err := srv.Client().Get(srv.URL + "/healthz")
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, "ok\n", string(b))

	resp, err = srv.Client().Get(srv.URL + "/v1/openapi.json")
	require.NoError(t, err)
	defer resp.Body.Close()
	var doc map[string]any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&doc))
	assert.Equal(t, "3.1.0", doc["openapi"])
}

func TestCancelled(t *testing.T) {
	h, err := iorhttp.NewHandler(euEngine(t))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest(http.MethodPost, "/v1/quote", bytes.NewReader(shipment(t))).WithContext(ctx)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	assert.Equal(t, iorhttp.StatusClientClosedRequest, rec.Code)
}

func TestNewHandlerErrors(t *testing.T) {
	_, err := iorhttp.NewHandler(nil)
	assert.Error(t, err)
	_, err = iorhttp.NewHandler(euEngine(t), iorhttp.MaxBody(0))
	assert.Error(t, err)
}

func TestStrictRefusesEstimates(t *testing.T) {
	// The embedded defaults price the T-shirt from the sample tariff: the
	// quote answers with a warning, and strict mode refuses it (422).
	eng, err := ior.NewEngine()
	require.NoError(t, err)
	h, err := iorhttp.NewHandler(eng)
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()
	status, b := post(t, srv, "/v1/quote", shipment(t))
	require.Equal(t, http.StatusOK, status, string(b))
	var ok struct {
		Quote struct {
			Warnings []duty.Warning `json:"warnings"`
		} `json:"quote"`
	}
	require.NoError(t, json.Unmarshal(b, &ok))
	require.NotEmpty(t, ok.Quote.Warnings)
	status, b = post(t, srv, "/v1/quote?strict=true", shipment(t))
	assert.Equal(t, http.StatusUnprocessableEntity, status, string(b))
	var e errBody
	require.NoError(t, json.Unmarshal(b, &e))
	assert.Equal(t, "strict", e.Error.Code)
	assert.Equal(t, "data_not_covered", e.Error.Class)
}

// ?hs= chooses how a short code is resolved; the strict strategy refuses
// a code whose lines differ, and a wrong value is a 400.
func TestHSStrategyParam(t *testing.T) {
	srv := server(t)
	status, b := post(t, srv, "/v1/quote?hs=sideways", shipment(t))
	assert.Equal(t, http.StatusBadRequest, status, string(b))
	assert.Contains(t, string(b), "?hs")
	status, b = post(t, srv, "/v1/quote?hs=lowest", shipment(t))
	assert.Equal(t, http.StatusOK, status, string(b))
}

// The quote, decide and plan routes write their answers with the
// hand-written encoders of package ior: the bytes json.Marshal gives.
func TestAnswersAreEncodingJSONBytes(t *testing.T) {
	srv := server(t)
	e := euEngine(t)
	var s ior.Shipment
	require.NoError(t, json.Unmarshal(shipment(t), &s))
	ctx := context.Background()
	marshal := func(v any) string {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		return string(b) + "\n"
	}

	q, err := e.Quote(ctx, s)
	require.NoError(t, err)
	_, b := post(t, srv, "/v1/quote", shipment(t))
	assert.Equal(t, marshal(iorhttp.QuoteResponse{Quote: q}), string(b))
	v, err := e.View(s, q, "EUR")
	require.NoError(t, err)
	_, b = post(t, srv, "/v1/quote?currency=EUR", shipment(t))
	assert.Equal(t, marshal(iorhttp.QuoteResponse{Quote: q, View: &v}), string(b))

	d, err := e.Decide(ctx, s)
	require.NoError(t, err)
	_, b = post(t, srv, "/v1/decide", shipment(t))
	assert.Equal(t, marshal(d), string(b))

	dests := []string{"DE", "FR", "US", "JP"} // no US or JP schedule: plans with errors
	plans, err := e.Plan(ctx, s, dests)
	require.NoError(t, err)
	_, b = post(t, srv, "/v1/plan", []byte(`{"shipment": `+string(shipment(t))+`, "destinations": ["DE", "FR", "US", "JP"]}`))
	assert.Equal(t, marshal(iorhttp.PlanResponse{Plans: plans}), string(b))
}
