package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/iorkit/iorkit/ior"
)

// cmdVersion prints the embedded data set's version (ior.DataVersion) and,
// with --files, the manifest: every embedded data file with its SHA-256
// and edition.
func cmdVersion(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	files := fs.Bool("files", false, "list every embedded data file")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return &usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return &usageError{"version takes no arguments"}
	}
	if *asJSON {
		v := struct {
			Data  string         `json:"data_version"`
			Files []ior.DataFile `json:"files,omitempty"`
		}{Data: ior.DataVersion}
		if *files {
			v.Files = ior.DataManifest()
		}
		return writeJSON(w, v)
	}
	fmt.Fprintf(w, "data %s\n", ior.DataVersion)
	if *files {
		for _, f := range ior.DataManifest() {
			fmt.Fprintf(w, "%s  %s  %d", f.SHA256, f.Path, f.Bytes)
			if f.Edition != "" {
				fmt.Fprintf(w, "  (%s)", f.Edition)
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}
