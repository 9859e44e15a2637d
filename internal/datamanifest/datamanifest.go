// Package datamanifest lists every data file embedded in iorkit's library
// packages (country profiles, rule packs, tariffs, exchange rates, code
// lists) with its SHA-256, its size and its edition, in one manifest that
// is itself embedded (manifest.json). Version, derived from the manifest,
// names the whole set: it is ior.DataVersion and enters every quote id, so
// that any change to an embedded file changes ids.
//
// The manifest is generated: `go generate ./internal/datamanifest` finds
// every //go:embed directive of the packages under Roots and hashes the
// files they embed. A test fails when the manifest is out of date with the
// files, so a data change cannot land without it. docs/data.md says more.
package datamanifest

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

//go:generate go run ./gen

//go:embed manifest.json
var raw []byte

// Roots are the directories (from the module root) whose packages' embedded
// files the manifest lists: the library. Examples, commands and the HTTP
// API's own documents are not data a quote depends on.
var Roots = []string{"duty", "rules", "ior"}

// File is one embedded file.
type File struct {
	Path    string `json:"path"`    // from the module root, with forward slashes
	SHA256  string `json:"sha256"`  // hex
	Bytes   int64  `json:"bytes"`   // size
	Edition string `json:"edition"` // what the file says it is, when it says (see Build); "" otherwise
}

// Manifest is the list of embedded files, sorted by path.
type Manifest struct {
	Files []File `json:"files"`
}

// Embedded returns the manifest generated with the data (a new copy).
func Embedded() Manifest {
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		// manifest.json is generated and tested: it always decodes.
		panic("datamanifest: embedded manifest.json: " + err.Error())
	}
	return m
}

// Version names a manifest: "iorkit-data-" and the first 12 hex digits of
// the SHA-256 of its encoding. Any change to a file, its edition or the
// list changes it.
func (m Manifest) Version() string {
	sum := sha256.Sum256(m.Encode())
	return "iorkit-data-" + hex.EncodeToString(sum[:6])
}

// Encode is the manifest as manifest.json holds it: indented JSON and a
// final newline, the same bytes for the same files.
func (m Manifest) Encode() []byte {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		panic(err) // strings and ints only
	}
	return append(b, '\n')
}

var (
	embedLine   = regexp.MustCompile(`^//go:embed\s+(.+)$`)
	editionDecl = regexp.MustCompile(`(?m)^const EmbeddedEdition = "((?:[^"\\]|\\.)*)"`)
)

// Build scans the module at root: for every non-test Go file of the
// packages under Roots, every //go:embed pattern and the files it embeds.
// A file's edition is, in order: the EmbeddedEdition constant of the
// package that embeds it, or for a JSON document its top-level "version"
// (prefixed with its "pack" name for a rule pack); otherwise "".
func Build(root string) (Manifest, error) {
	seen := map[string]bool{}
	var m Manifest
	for _, r := range Roots {
		if _, err := os.Stat(filepath.Join(root, r)); os.IsNotExist(err) {
			continue
		}
		err := filepath.WalkDir(filepath.Join(root, r), func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if n := d.Name(); n == "testdata" || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			files, edition, err := embedded(p)
			if err != nil {
				return err
			}
			dir := filepath.Dir(p)
			for _, f := range files {
				full := filepath.Join(dir, filepath.FromSlash(f))
				rel, err := filepath.Rel(root, full)
				if err != nil {
					return err
				}
				rel = filepath.ToSlash(rel)
				if seen[rel] {
					continue
				}
				seen[rel] = true
				e, err := describe(full, rel, edition)
				if err != nil {
					return err
				}
				m.Files = append(m.Files, e)
			}
			return nil
		})
		if err != nil {
			return Manifest{}, err
		}
	}
	slices.SortFunc(m.Files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return m, nil
}

// embedded returns the files a Go source file embeds (relative to its
// directory) and the EmbeddedEdition its package declares.
func embedded(goFile string) ([]string, string, error) {
	src, err := os.ReadFile(goFile)
	if err != nil {
		return nil, "", err
	}
	var patterns []string
	for _, line := range strings.Split(string(src), "\n") {
		if mm := embedLine.FindStringSubmatch(strings.TrimSpace(line)); mm != nil {
			patterns = append(patterns, strings.Fields(mm[1])...)
		}
	}
	if len(patterns) == 0 {
		return nil, "", nil
	}
	dir := filepath.Dir(goFile)
	edition, err := packageEdition(dir)
	if err != nil {
		return nil, "", err
	}
	fsys := os.DirFS(dir)
	var out []string
	for _, pat := range patterns {
		pat = strings.Trim(pat, "\"`")
		pat = strings.TrimPrefix(pat, "all:")
		matches, err := fs.Glob(fsys, pat)
		if err != nil {
			return nil, "", fmt.Errorf("%s: //go:embed %s: %w", goFile, pat, err)
		}
		if len(matches) == 0 {
			return nil, "", fmt.Errorf("%s: //go:embed %s matches no file", goFile, pat)
		}
		for _, mt := range matches {
			err := fs.WalkDir(fsys, mt, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					return err
				}
				base := path.Base(p)
				if d.IsDir() {
					if p != mt && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_")) {
						return fs.SkipDir
					}
					return nil
				}
				if p != mt && (strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_")) {
					return nil
				}
				out = append(out, p)
				return nil
			})
			if err != nil {
				return nil, "", err
			}
		}
	}
	return out, edition, nil
}

// packageEdition finds `const EmbeddedEdition = "..."` among the package's
// non-test files.
func packageEdition(dir string) (string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return "", err
	}
	slices.Sort(names)
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		src, err := os.ReadFile(n)
		if err != nil {
			return "", err
		}
		if mm := editionDecl.FindSubmatch(src); mm != nil {
			var s string
			if err := json.Unmarshal(append(append([]byte{'"'}, mm[1]...), '"'), &s); err != nil {
				return "", fmt.Errorf("%s: EmbeddedEdition: %w", n, err)
			}
			return s, nil
		}
	}
	return "", nil
}

func describe(full, rel, edition string) (File, error) {
	b, err := os.ReadFile(full)
	if err != nil {
		return File{}, err
	}
	sum := sha256.Sum256(b)
	f := File{Path: rel, SHA256: hex.EncodeToString(sum[:]), Bytes: int64(len(b)), Edition: edition}
	if f.Edition == "" && strings.HasSuffix(rel, ".json") {
		var doc struct {
			Pack    string `json:"pack"`
			Version string `json:"version"`
		}
		if json.Unmarshal(bytes.TrimSpace(b), &doc) == nil {
			f.Edition = strings.TrimSpace(doc.Pack + " " + doc.Version)
		}
	}
	return f, nil
}
