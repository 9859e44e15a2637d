// Package iorhttp serves an ior.Engine over HTTP with JSON, for checkouts
// and tools written in other languages. NewHandler returns an
// http.Handler to mount in any Go server; `iorkit serve` runs it alone.
//
// Routes:
//
//	POST /v1/quote     body: a shipment; ?currency=USD adds the shopper's view,
//	                   ?strict=true refuses estimates, ?partial=true quotes what it can,
//	                   ?hs=strict|highest|lowest resolves a short HS code
//	POST /v1/decide    body: a shipment
//	POST /v1/plan      body: {"shipment": {...}, "destinations": ["DE", "GB"]}
//	POST /v1/price     body: {"items": [{"key", "shipment", "line", "target"}]}
//	GET  /v1/openapi.json  the OpenAPI 3.1 document of these routes
//	GET  /healthz      "ok"
//
// Errors are JSON, {"error": {"code", "class", "message", "path", "problems"}}, with
// the status saying whose move it is: 400 bad input (every validation
// problem listed), 413 a body over the limit, 422 a shipment the data
// cannot quote (or one refused in strict mode), 499 a request the client
// cancelled, 503 a request over its time limit, 500 a bug.
package iorhttp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/internal/jsonpath"
	"github.com/iorkit/iorkit/ior"
)

// Defaults of a Handler.
const (
	DefaultMaxBody = 1 << 20          // bytes of one request body
	DefaultTimeout = 10 * time.Second // work on one request
	// MaxDestinations bounds one plan request; MaxPriceItems one price
	// list (each item runs about 20 quotes).
	MaxDestinations = 100
	MaxPriceItems   = 200
)

// StatusClientClosedRequest is the status of a request the client
// cancelled (nginx's 499); it is logged, as the client has gone.
const StatusClientClosedRequest = 499

// Option configures a Handler.
type Option func(*Handler)

// MaxBody sets the largest request body accepted (DefaultMaxBody).
func MaxBody(n int64) Option { return func(h *Handler) { h.maxBody = n } }

// Timeout sets the time one request may take (DefaultTimeout).
func Timeout(d time.Duration) Option { return func(h *Handler) { h.timeout = d } }

// Handler serves the engine. It is safe for concurrent use.
type Handler struct {
	eng     *ior.Engine
	maxBody int64
	timeout time.Duration
	mux     *http.ServeMux
}

// NewHandler returns the HTTP API of eng.
func NewHandler(eng *ior.Engine, opts ...Option) (*Handler, error) {
	if eng == nil {
		return nil, errors.New("iorhttp: NewHandler(nil engine)")
	}
	h := &Handler{eng: eng, maxBody: DefaultMaxBody, timeout: DefaultTimeout, mux: http.NewServeMux()}
	for _, o := range opts {
		o(h)
	}
	if h.maxBody <= 0 || h.timeout <= 0 {
		return nil, fmt.Errorf("iorhttp: MaxBody %d and Timeout %s must be positive", h.maxBody, h.timeout)
	}
	h.mux.HandleFunc("POST /v1/quote", h.quote)
	h.mux.HandleFunc("POST /v1/decide", h.decide)
	h.mux.HandleFunc("POST /v1/plan", h.plan)
	h.mux.HandleFunc("POST /v1/price", h.price)
	h.mux.HandleFunc("GET /v1/openapi.json", h.openapi)
	h.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	h.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, APIError{Code: "not_found", Class: string(ior.ClassInvalid), Message: "no route " + r.Method + " " + r.URL.Path})
	})
	return h, nil
}

// ServeHTTP routes the request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil { // never a stack trace to the client
			writeError(w, http.StatusInternalServerError, APIError{Code: string(ior.ClassInternal), Class: string(ior.ClassInternal), Message: "internal error"})
		}
	}()
	h.mux.ServeHTTP(w, r)
}

// APIError is the body of every error response, under "error": Code is
// the most specific stable code (ior.ErrorCodeOf: unknown_code,
// missing_rate, invalid_shipment...; too_large, not_found and usage for
// what only the API or the CLI can tell), Class what the caller can do
// about it (ior.Classify: invalid_input, data_not_covered, canceled,
// timeout, internal), which also decides the HTTP status.
type APIError struct {
	Code     string    `json:"code"`
	Class    string    `json:"class"`
	Message  string    `json:"message"`
	Path     string    `json:"path,omitempty"`
	Problems []Problem `json:"problems,omitempty"`
}

// ErrorResponse is the body of every error response.
type ErrorResponse struct {
	Error APIError `json:"error"`
}

// Problem is one validation problem of the input.
type Problem struct {
	Path    string `json:"path"`
	Value   string `json:"value,omitempty"`
	Message string `json:"message"`
}

// QuoteResponse is the body of /v1/quote.
type QuoteResponse struct {
	Quote ior.Quote `json:"quote"`
	// View is the shopper's view, when ?currency= asked for one.
	View *ior.View `json:"view,omitempty"`
}

// PlanRequest is the body of /v1/plan.
type PlanRequest struct {
	Shipment     ior.Shipment `json:"shipment"`
	Destinations []string     `json:"destinations"`
}

// PlanResponse is the body of a /v1/plan answer.
type PlanResponse struct {
	Plans []ior.MarketPlan `json:"plans"`
}

// PriceRequest is the body of /v1/price.
type PriceRequest struct {
	Items []ior.PriceItem `json:"items"`
}

// PriceResponse answers /v1/price, one entry per item in order.
type PriceResponse struct {
	Results []PriceEntry `json:"results"`
}

// PriceEntry is one item's answer: its result or its error.
type PriceEntry struct {
	Key    string           `json:"key"`
	Result *ior.PriceResult `json:"result,omitempty"`
	Error  *APIError        `json:"error,omitempty"`
}

func (h *Handler) ctx(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), h.timeout)
}

// call is what every POST route does: read the body into a Req strictly,
// check it (check returns the path and message of a problem, or ""), read
// the call options from the query and run do under the handler's time
// limit, writing its answer, or its error with the status of its class.
func call[Req any](h *Handler, w http.ResponseWriter, r *http.Request, check func(*Req) (path, msg string),
	do func(ctx context.Context, req *Req, opts []ior.CallOption) (any, error)) {
	var req Req
	if !h.read(w, r, &req) {
		return
	}
	if check != nil {
		if path, msg := check(&req); path != "" {
			badRequest(w, path, msg)
			return
		}
	}
	opts, ok := callOptions(w, r)
	if !ok {
		return
	}
	ctx, cancel := h.ctx(r)
	defer cancel()
	out, err := do(ctx, &req, opts)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

func (h *Handler) quote(w http.ResponseWriter, r *http.Request) {
	inverse, ok := boolParam(w, r, "inverse")
	if !ok {
		return
	}
	call(h, w, r, nil, func(ctx context.Context, s *ior.Shipment, opts []ior.CallOption) (any, error) {
		q, err := h.eng.Quote(ctx, *s, opts...)
		if err != nil {
			return nil, err
		}
		resp := QuoteResponse{Quote: q}
		if cur := r.URL.Query().Get("currency"); cur != "" {
			var vopts []ior.ViewOption
			if inverse {
				vopts = append(vopts, ior.AllowInverse())
			}
			if via := r.URL.Query().Get("via"); via != "" {
				vopts = append(vopts, ior.CrossVia(via))
			}
			v, err := h.eng.View(*s, q, cur, vopts...)
			if err != nil {
				return nil, err
			}
			resp.View = &v
		}
		return resp, nil
	})
}

func (h *Handler) decide(w http.ResponseWriter, r *http.Request) {
	call(h, w, r, nil, func(ctx context.Context, s *ior.Shipment, opts []ior.CallOption) (any, error) {
		return h.eng.Decide(ctx, *s, opts...)
	})
}

func (h *Handler) plan(w http.ResponseWriter, r *http.Request) {
	check := func(req *PlanRequest) (string, string) {
		if n := len(req.Destinations); n == 0 || n > MaxDestinations {
			return "destinations", fmt.Sprintf("give 1 to %d destinations, not %d", MaxDestinations, n)
		}
		return "", ""
	}
	call(h, w, r, check, func(ctx context.Context, req *PlanRequest, opts []ior.CallOption) (any, error) {
		plans, err := h.eng.Plan(ctx, req.Shipment, req.Destinations, opts...)
		return PlanResponse{Plans: plans}, err
	})
}

func (h *Handler) price(w http.ResponseWriter, r *http.Request) {
	check := func(req *PriceRequest) (string, string) {
		if n := len(req.Items); n == 0 || n > MaxPriceItems {
			return "items", fmt.Sprintf("give 1 to %d items, not %d", MaxPriceItems, n)
		}
		return "", ""
	}
	call(h, w, r, check, func(ctx context.Context, req *PriceRequest, opts []ior.CallOption) (any, error) {
		out, err := h.eng.PriceList(ctx, req.Items, opts...)
		if err != nil {
			return nil, err
		}
		resp := PriceResponse{Results: make([]PriceEntry, len(out))}
		for i, e := range out {
			resp.Results[i] = PriceEntry{Key: e.Key, Result: e.Result}
			if e.Err != nil {
				_, ae := Describe(e.Err)
				resp.Results[i].Error = &ae
			}
		}
		return resp, nil
	})
}

// callOptions reads the per-call options from the query.
func callOptions(w http.ResponseWriter, r *http.Request) ([]ior.CallOption, bool) {
	var opts []ior.CallOption
	for _, p := range []struct {
		name string
		opt  ior.CallOption
	}{{"partial", ior.Partial()}, {"strict", ior.Strict()}} {
		b, ok := boolParam(w, r, p.name)
		if !ok {
			return nil, false
		}
		if b {
			opts = append(opts, p.opt)
		}
	}
	if v := r.URL.Query().Get("hs"); v != "" {
		st, err := duty.ParseHSStrategy(v)
		if err != nil {
			badRequest(w, "?hs", fmt.Sprintf("%q is not strict, highest or lowest", clip(v)))
			return nil, false
		}
		opts = append(opts, ior.ResolveHS(st))
	}
	return opts, true
}

// boolParam reads the query parameter name as true or false (absent:
// false); another value is answered 400 and reported as not ok.
func boolParam(w http.ResponseWriter, r *http.Request, name string) (b, ok bool) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return false, true
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		badRequest(w, "?"+name, fmt.Sprintf("%q is not true or false", clip(v)))
		return false, false
	}
	return b, true
}

// read decodes the body into v strictly: one JSON value, no unknown
// fields, at most maxBody bytes.
func (h *Handler) read(w http.ResponseWriter, r *http.Request, v any) bool {
	r.Body = http.MaxBytesReader(w, r.Body, h.maxBody)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, e := dec.Token(); e != io.EOF {
			err = errors.New("trailing data after the JSON value")
			var tooBig *http.MaxBytesError
			if errors.As(e, &tooBig) {
				err = e
			}
		}
	}
	if err == nil {
		return true
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, APIError{Code: "too_large", Class: string(ior.ClassInvalid), Message: fmt.Sprintf("request body over %d bytes", tooBig.Limit)})
		return false
	}
	status, ae := Describe(err)
	if status == http.StatusInternalServerError { // a decoding error is the client's
		status, ae.Code, ae.Class = http.StatusBadRequest, string(ior.ClassInvalid), string(ior.ClassInvalid)
	}
	writeError(w, status, ae)
	return false
}

// fail writes err with the status its class calls for.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, ae := Describe(err)
	writeError(w, status, ae)
}

// Describe turns an error of the engine into the API's error body and
// the HTTP status its class calls for (see ior.Classify).
func Describe(err error) (int, APIError) {
	class := ior.Classify(err)
	if class == "" {
		class = ior.ClassInternal
	}
	ae := APIError{Code: string(ior.ErrorCodeOf(err)), Class: string(class), Message: clip(err.Error())}
	if ae.Code == string(ior.CodeOther) {
		ae.Code = string(class)
	}
	var ve *ior.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			ae.Problems = append(ae.Problems, Problem{Path: p.Path, Value: clip(p.Value), Message: p.Msg})
		}
		if len(ve.Problems) > 0 {
			ae.Path = ve.Problems[0].Path
		}
	}
	var fe *ior.FieldError
	if ae.Path == "" && errors.As(err, &fe) {
		ae.Path = fe.Path
	}
	switch class {
	case ior.ClassInvalid:
		return http.StatusBadRequest, ae
	case ior.ClassUncovered:
		return http.StatusUnprocessableEntity, ae
	case ior.ClassCanceled:
		return StatusClientClosedRequest, ae
	case ior.ClassTimeout:
		return http.StatusServiceUnavailable, ae
	}
	return http.StatusInternalServerError, ae
}

// clip keeps error text from repeating an unbounded input: a whole
// message is allowed 300 bytes.
func clip(s string) string { return jsonpath.ClipTo(s, 300) }

// badRequest answers 400 for a request whose field or parameter at path is
// wrong (code and class invalid_input).
func badRequest(w http.ResponseWriter, path, msg string) {
	writeError(w, http.StatusBadRequest, APIError{Code: string(ior.ClassInvalid), Class: string(ior.ClassInvalid), Path: path, Message: msg})
}

func writeError(w http.ResponseWriter, status int, e APIError) {
	writeJSON(w, status, ErrorResponse{Error: e})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := encode(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","class":"internal","message":"encoding the response failed"}}`)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// encode is json.Marshal(v), with the answers of the quote, decide and
// plan routes written by their hand-written encoders (the same bytes, a
// few times faster: see ior.Quote.AppendJSON).
func encode(v any) ([]byte, error) {
	switch x := v.(type) {
	case QuoteResponse:
		b := x.Quote.AppendJSON([]byte(`{"quote":`))
		if x.View != nil {
			view, err := json.Marshal(x.View)
			if err != nil {
				return nil, err
			}
			b = append(append(b, `,"view":`...), view...)
		}
		return append(b, '}'), nil
	case ior.Decision:
		return x.AppendJSON(nil), nil
	case PlanResponse:
		if x.Plans == nil {
			return []byte(`{"plans":null}`), nil
		}
		b := []byte(`{"plans":[`)
		for i := range x.Plans {
			if i > 0 {
				b = append(b, ',')
			}
			b = x.Plans[i].AppendJSON(b)
		}
		return append(b, "]}"...), nil
	}
	return json.Marshal(v)
}
