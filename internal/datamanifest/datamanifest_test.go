package datamanifest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const regenerate = "the embedded data changed: run `go generate ./internal/datamanifest` and commit manifest.json and version.go"

// The manifest lists exactly the files the library embeds, with their
// current hashes: a data change cannot land without a new manifest.
func TestManifestUpToDate(t *testing.T) {
	m, err := Build(filepath.Join("..", ".."))
	require.NoError(t, err)
	assert.Equal(t, string(m.Encode()), string(raw), regenerate)
	assert.Equal(t, m.Version(), Version, regenerate)
	assert.Equal(t, Embedded().Version(), Version)
}

// The kinds of data the manifest must hold are in it, each with a hash,
// and the rule packs and profiles with their edition.
func TestManifestCoversTheData(t *testing.T) {
	m := Embedded()
	has := func(prefix string) bool {
		for _, f := range m.Files {
			if strings.HasPrefix(f.Path, prefix) {
				return true
			}
		}
		return false
	}
	for _, p := range []string{"duty/data/profiles/", "duty/data/sample_tariff.csv", "duty/data/iso4217.csv", "rules/packs/"} {
		assert.True(t, has(p), p)
	}
	for _, f := range m.Files {
		assert.Len(t, f.SHA256, 64, f.Path)
		assert.Positive(t, f.Bytes, f.Path)
		if strings.HasPrefix(f.Path, "rules/packs/") || strings.HasPrefix(f.Path, "duty/data/profiles/") {
			assert.NotEmpty(t, f.Edition, f.Path)
		}
	}
}

// A file added under an embed pattern is found, and a changed byte changes
// the version.
func TestBuildFindsEmbeddedFiles(t *testing.T) {
	root := t.TempDir()
	write := func(p, s string) {
		full := filepath.Join(root, filepath.FromSlash(p))
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
		require.NoError(t, os.WriteFile(full, []byte(s), 0o644))
	}
	write("go.mod", "module x\n")
	write("duty/x.go", "package duty\n\nimport \"embed\"\n\n//go:embed data/*.json data/t.csv\nvar fs embed.FS\n")
	write("duty/data/a.json", `{"version": "2026.1"}`)
	write("duty/data/t.csv", "hs,kind,rate\n")
	write("duty/data/skip.txt", "not embedded")
	write("rules/p.go", "package rules\n\nconst EmbeddedEdition = \"Pack set 7\"\n\n//go:embed packs\nvar p embed.FS\n")
	write("rules/packs/one.json", `{"pack": "one", "version": "3"}`)
	write("rules/packs/_hidden.json", `{}`)
	write("rules/x_test.go", "package rules\n\n//go:embed testonly.json\nvar t string\n")
	m, err := Build(root)
	require.NoError(t, err)
	var got []string
	for _, f := range m.Files {
		got = append(got, f.Path+" "+f.Edition)
	}
	assert.Equal(t, []string{"duty/data/a.json 2026.1", "duty/data/t.csv ", "rules/packs/one.json Pack set 7"}, got)
	v := m.Version()
	write("duty/data/t.csv", "hs,kind,rate\n6109,mfn,1%\n")
	m2, err := Build(root)
	require.NoError(t, err)
	assert.NotEqual(t, v, m2.Version())
}
