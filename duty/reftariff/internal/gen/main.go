// Command gen writes the embedded copy of the UK Global Tariff file: the
// official CSV, gzip-compressed with a fixed header (no name, no time), so
// that the same input always gives the same bytes. Run it with go generate
// in duty/reftariff after replacing the source file; the test
// TestEmbeddedIsTheOfficialFile checks that the embedded bytes decompress
// to the file whose SHA-256 docs/data.md records.
//
// Usage: go run ./internal/gen [SOURCE.csv] OUT.csv.gz
//
// Without SOURCE, the file is looked up as shared/data/uk_tariff/
// global-uk-tariff.csv in the working directory or a folder above it.
package main

import (
	"fmt"
	"os"

	"github.com/iorkit/iorkit/internal/gzfile"
	"github.com/iorkit/iorkit/internal/shareddata"
)

func main() {
	args := os.Args[1:]
	if len(args) == 1 {
		src, ok := shareddata.Find("uk_tariff", "global-uk-tariff.csv")
		if !ok {
			fmt.Fprintln(os.Stderr, "gen: shared/data/uk_tariff/global-uk-tariff.csv not found above the working directory; give its path")
			os.Exit(1)
		}
		args = []string{src, args[0]}
	}
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen [SOURCE.csv] OUT.csv.gz")
		os.Exit(2)
	}
	if err := gzfile.CompressFile(args[0], args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
