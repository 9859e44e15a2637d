// Package shareddata locates the official data sets that tests read: the
// project's shared/data folder, which CI places beside the repository root
// and a developer may keep in any folder above the working directory.
// Tests skip with a clear message when the data is absent; nothing is
// copied into the repository.
package shareddata

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Find looks for shared/data/<parts...> in the working directory and each
// of its parents and returns the first that exists.
func Find(parts ...string) (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		p := filepath.Join(append([]string{dir, "shared", "data"}, parts...)...)
		if _, err := os.Stat(p); err == nil {
			return p, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Path is Find for a test: it skips the test, saying what is missing, when
// the data is not there.
func Path(t testing.TB, parts ...string) string {
	t.Helper()
	p, ok := Find(parts...)
	if !ok {
		t.Skipf("shared/data/%s not found above the working directory: official data not available (see shared/data/SOURCES.md)", filepath.Join(parts...))
	}
	return p
}

// ModuleRoot returns the folder of the first go.mod in the working
// directory or above it: where the generators (go generate runs them in
// their package's folder) write the files they make.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
