package schemagen

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/iorhttp"
)

// customFuncs describe types whose JSON is another type's: a MarketPlan
// is written with its error as {"code", "class", "message"}. (Filled in
// init: the functions call of, which reads the map.)
var customFuncs = map[reflect.Type]func(g *gen) schema{}

func marketPlan(g *gen) schema {
	key := g.prefix + "ior.MarketPlan"
	if _, ok := g.defs[key]; !ok {
		g.defs[key] = schema{}
		g.defs[key] = schema{
			"type": "object",
			"properties": schema{
				"destination":   schema{"type": "string"},
				"decision":      g.of(reflect.TypeFor[*ior.Decision]()),
				"quote":         g.of(reflect.TypeFor[*ior.Quote]()),
				"ddp_by_seller": schema{"type": "boolean"},
				"error":         g.of(reflect.TypeFor[*ior.PlanError]()),
			},
			"required":             []string{"destination", "ddp_by_seller"},
			"additionalProperties": false,
		}
	}
	return g.refTo("ior.MarketPlan")
}

func init() {
	customFuncs[reflect.TypeFor[ior.MarketPlan]()] = marketPlan
	inputRequired[reflect.TypeFor[iorhttp.PlanRequest]()] = []string{"shipment", "destinations"}
	inputRequired[reflect.TypeFor[iorhttp.PriceRequest]()] = []string{"items"}
	inputRequired[reflect.TypeFor[ior.PriceItem]()] = []string{"shipment", "target"}
}

// OpenAPI returns the OpenAPI 3.1 document of the HTTP API (package
// iorhttp), indented with a final newline. Its schemas are generated from
// the same Go types, by the same rules, as the shipment, decision and
// quote schemas; request bodies use the input form of a type (only what
// Validate requires is required), responses the output form.
func OpenAPI() ([]byte, error) {
	const ref = "#/components/schemas/"
	in := &gen{defs: schema{}, input: true, ref: ref, prefix: "input."}
	out := &gen{defs: schema{}, ref: ref}
	body := func(g *gen, t reflect.Type) schema {
		return schema{"required": true, "content": schema{"application/json": schema{"schema": g.of(t)}}}
	}
	errResp := func(desc string) schema {
		return schema{"description": desc, "content": schema{"application/json": schema{"schema": out.of(reflect.TypeFor[iorhttp.ErrorResponse]())}}}
	}
	errors := func() schema {
		return schema{
			"400": errResp("invalid input (class invalid_input): every validation problem is listed"),
			"413": errResp("the body is over the size limit (code too_large)"),
			"422": errResp("the data does not cover the shipment, or strict mode refused an estimate (class data_not_covered)"),
			"499": errResp("the client cancelled the request (class canceled)"),
			"503": errResp("the request took longer than its limit (class timeout)"),
			"500": errResp("an internal error (class internal)"),
		}
	}
	ok := func(desc string, t reflect.Type) schema {
		return schema{"description": desc, "content": schema{"application/json": schema{"schema": out.of(t)}}}
	}
	query := func(name, desc string, s schema) schema {
		return schema{"name": name, "in": "query", "required": false, "description": desc, "schema": s}
	}
	boolean := schema{"type": "boolean"}
	callParams := []any{
		query("strict", "refuse an estimate: any warning becomes a 422", boolean),
		query("partial", "quote what can be quoted; mark the other lines not calculable", boolean),
		query("hs", "how a code shorter than the tariff's lines is resolved when they differ (default highest)",
			schema{"type": "string", "enum": []string{"strict", "highest", "lowest"}}),
	}
	op := func(id, summary string, req schema, params []any, resp schema) schema {
		responses := errors()
		responses["200"] = resp
		o := schema{"operationId": id, "summary": summary, "responses": responses}
		if req != nil {
			o["requestBody"] = req
		}
		if len(params) > 0 {
			o["parameters"] = params
		}
		return o
	}
	quoteParams := append([]any{
		query("currency", "add the shopper's view in this ISO 4217 currency", schema{"type": "string", "pattern": "^[A-Z]{3}$"}),
		query("inverse", "the view may use 1 ÷ the opposite exchange rate", boolean),
		query("via", "the view may cross rates through this currency", schema{"type": "string", "pattern": "^[A-Z]{3}$"}),
	}, callParams...)
	paths := schema{
		"/v1/quote": schema{"post": op("quote", "Landed-cost quote of a shipment, with the shopper's view on request",
			body(in, reflect.TypeFor[ior.Shipment]()), quoteParams, ok("the quote (and view)", reflect.TypeFor[iorhttp.QuoteResponse]()))},
		"/v1/decide": schema{"post": op("decide", "Who should act as importer of record, and what it still needs",
			body(in, reflect.TypeFor[ior.Shipment]()), callParams, ok("the decision", reflect.TypeFor[ior.Decision]()))},
		"/v1/plan": schema{"post": op("plan", "Decision and quote for the same goods in several destinations",
			body(in, reflect.TypeFor[iorhttp.PlanRequest]()), callParams, ok("one plan per destination, in order", reflect.TypeFor[iorhttp.PlanResponse]()))},
		"/v1/price": schema{"post": op("price", "Net selling prices for duty-inclusive targets (SKUs × markets)",
			body(in, reflect.TypeFor[iorhttp.PriceRequest]()), callParams, ok("one result or error per item, in order", reflect.TypeFor[iorhttp.PriceResponse]()))},
		"/v1/openapi.json": schema{"get": schema{"operationId": "openapi", "summary": "This document",
			"responses": schema{"200": schema{"description": "the OpenAPI 3.1 document", "content": schema{"application/json": schema{"schema": schema{"type": "object"}}}}}}},
		"/healthz": schema{"get": schema{"operationId": "healthz", "summary": "Liveness",
			"responses": schema{"200": schema{"description": "ok", "content": schema{"text/plain": schema{"schema": schema{"type": "string"}}}}}}},
	}
	for _, g := range []*gen{in, out} {
		if g.err != nil {
			return nil, fmt.Errorf("schemagen: openapi: %w", g.err)
		}
	}
	components := schema{}
	for k, v := range in.defs {
		components[k] = v
	}
	for k, v := range out.defs {
		components[k] = v
	}
	doc := schema{
		"openapi":           "3.1.0",
		"jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
		"info": schema{
			"title":       "iorkit",
			"version":     "1",
			"description": "Importer of record and landed cost over HTTP (package iorhttp, iorkit serve). Generated from the Go types by go generate ./schema: do not edit.",
		},
		"paths":      paths,
		"components": schema{"schemas": components},
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
