// Command gen writes the embedded exchange-rate data of package fx from
// the official files: the ECB's eurofxref-hist.zip copied unchanged (it
// is the ECB's own compressed download) and each HMRC monthly XML file
// gzip-compressed with a fixed header (no name, no time), so that the
// same input always gives the same bytes. Run it with go generate in
// duty/fx after adding newer files to the source folder; the tests check
// the embedded bytes against the SHA-256 sums docs/data.md records.
//
// Usage: go run ./internal/gen [FXDIR] OUTDIR
//
// FXDIR holds ecb/eurofxref-hist.zip and hmrc/exrates-monthly-*.xml;
// without it, shared/data/fx is looked up in the working directory or a
// folder above it.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/iorkit/iorkit/internal/gzfile"
	"github.com/iorkit/iorkit/internal/shareddata"
)

func main() {
	args := os.Args[1:]
	if len(args) == 1 {
		src, ok := shareddata.Find("fx")
		if !ok {
			fmt.Fprintln(os.Stderr, "gen: shared/data/fx not found above the working directory; give its path")
			os.Exit(1)
		}
		args = []string{src, args[0]}
	}
	if len(args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen [FXDIR] OUTDIR")
		os.Exit(2)
	}
	if err := run(args[0], args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(src, dst string) error {
	zip, err := os.ReadFile(filepath.Join(src, "ecb", "eurofxref-hist.zip"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dst, "eurofxref-hist.zip"), zip, 0o644); err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(src, "hmrc", "exrates-monthly-*.xml"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no hmrc/exrates-monthly-*.xml in %s", src)
	}
	sort.Strings(files)
	if err := os.MkdirAll(filepath.Join(dst, "hmrc"), 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := gzfile.CompressFile(f, filepath.Join(dst, "hmrc", filepath.Base(f)+".gz")); err != nil {
			return err
		}
	}
	return nil
}
