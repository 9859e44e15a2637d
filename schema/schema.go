// Package schema holds the JSON Schemas (draft 2020-12) of the JSON that
// iorkit reads and writes: the shipment (input of Quote, Decide and Plan,
// of `iorkit quote FILE` and the HTTP API), the decision and the quote.
// They are generated from the Go types of package ior (go generate
// ./schema) and copied to docs/schema/ for readers; a test fails when a
// Go field is added without regenerating them, and validates the example
// shipments and the quotes and decisions iorkit produces against them.
//
// Get returns one by name, for a service that validates requests or
// publishes the schemas:
//
//	b, err := schema.Get("shipment")
package schema

import (
	"embed"
	"fmt"
	"slices"
)

//go:generate go run ../internal/schemagen/cmd

//go:embed *.json
var files embed.FS

// Names lists the schemas: "shipment", "decision", "quote".
func Names() []string { return []string{"shipment", "decision", "quote"} }

// Get returns the schema of the named document as JSON.
func Get(name string) ([]byte, error) {
	if !slices.Contains(Names(), name) {
		return nil, fmt.Errorf("schema: no schema %q (want one of %v)", name, Names())
	}
	return files.ReadFile(name + ".json")
}
