// Command cmd writes schema/*.json and docs/schema/*.json, and the OpenAPI
// document iorhttp/openapi.json and docs/openapi.json, from the Go
// types (see package schemagen). Run it with `go generate ./schema`.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/iorkit/iorkit/internal/schemagen"
	"github.com/iorkit/iorkit/internal/shareddata"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "schemagen:", err)
		os.Exit(1)
	}
}

func run() error {
	root, err := shareddata.ModuleRoot()
	if err != nil {
		return err
	}
	docs, err := schemagen.Generate()
	if err != nil {
		return err
	}
	for _, dir := range []string{"schema", filepath.Join("docs", "schema")} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			return err
		}
		for _, name := range schemagen.Names {
			if err := os.WriteFile(filepath.Join(root, dir, name+".json"), docs[name], 0o644); err != nil {
				return err
			}
		}
	}
	api, err := schemagen.OpenAPI()
	if err != nil {
		return err
	}
	for _, path := range []string{filepath.Join("iorhttp", "openapi.json"), filepath.Join("docs", "openapi.json")} {
		if err := os.WriteFile(filepath.Join(root, path), api, 0o644); err != nil {
			return err
		}
	}
	return nil
}
