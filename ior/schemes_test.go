package ior_test

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// RegistrationSchemes lists exactly the schemes the embedded packs and
// profiles look for: a pack or profile that reads a new scheme fails here
// until the constant is added.
func TestRegistrationSchemesComplete(t *testing.T) {
	want := map[string]bool{}
	packRe := regexp.MustCompile(`has_registration\([^,]*,\s*'([A-Z_0-9]+)'\)|scheme == '([A-Z_0-9]+)'`)
	err := fs.WalkDir(rules.DefaultPacks(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(rules.DefaultPacks(), path)
		if err != nil {
			return err
		}
		for _, m := range packRe.FindAllStringSubmatch(string(b), -1) {
			want[m[1]+m[2]] = true
		}
		return nil
	})
	require.NoError(t, err)
	profRe := regexp.MustCompile(`"registered":\s*"([A-Z_0-9]+)"`)
	files, err := fs.Glob(os.DirFS("../duty/data/profiles"), "*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile("../duty/data/profiles/" + f)
		require.NoError(t, err)
		for _, m := range profRe.FindAllStringSubmatch(string(b), -1) {
			want[m[1]] = true
		}
	}
	var wantList []string
	for s := range want {
		wantList = append(wantList, s)
	}
	slices.Sort(wantList)
	got := ior.RegistrationSchemes()
	assert.Equal(t, wantList, got)
	assert.True(t, slices.IsSorted(got))
	got[0] = "XX"
	assert.NotEqual(t, "XX", ior.RegistrationSchemes()[0], "a copy")
}
