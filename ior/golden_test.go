package ior_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/ior"
	"github.com/stretchr/testify/require"
)

// update rewrites the golden files of TestGolden:
//
//	go test ./ior -run Golden -update
var update = flag.Bool("update", false, "rewrite the golden files in ../testdata/golden")

// goldenDir holds the Quote, Decide and Plan JSON of every example
// shipment on the default engine. The files guard performance work: an
// optimisation must leave every figure, trace step and quote id
// byte-identical.
const goldenDir = "../testdata/golden"

// goldenShipments are every example shipment a caller sees (the README's
// samples, the checkout carts) and the valid shipment of ior/testdata,
// keyed by the golden file stem. A shipment equal to one already listed
// (ior/testdata/shipment_de.json is the DE sample) is listed once.
func goldenShipments(t *testing.T) map[string]ior.Shipment {
	t.Helper()
	out := map[string]ior.Shipment{}
	seen := map[string]bool{}
	add := func(stem string, s ior.Shipment) {
		b, err := json.Marshal(s)
		require.NoError(t, err)
		if !seen[string(b)] {
			seen[string(b)] = true
			out[stem] = s
		}
	}
	files, err := filepath.Glob("../examples/shipments/*.json")
	require.NoError(t, err)
	files = append(files, "testdata/shipment_de.json")
	for _, f := range files {
		stem := strings.TrimSuffix(filepath.Base(f), ".json")
		if strings.HasPrefix(f, "testdata/") {
			stem = "testdata-" + stem
		}
		add(stem, readShipment(t, f))
	}
	b, err := os.ReadFile("../examples/checkout/carts.json")
	require.NoError(t, err)
	var carts []ior.Shipment
	require.NoError(t, json.Unmarshal(b, &carts))
	for i, c := range carts {
		add(fmt.Sprintf("checkout-%d-%s", i, c.ID), c)
	}
	require.GreaterOrEqual(t, len(out), 6, "example shipments not found")
	return out
}

// TestGolden compares the JSON of Quote, Decide and Plan (over every
// destination the engine has a profile for) with the files in
// testdata/golden, byte for byte.
func TestGolden(t *testing.T) {
	e, err := ior.NewEngine()
	require.NoError(t, err)
	ctx := context.Background()
	dests := e.Destinations()
	for stem, s := range goldenShipments(t) {
		t.Run(stem, func(t *testing.T) {
			var outs []struct {
				kind string
				v    any
				err  error
			}
			add := func(kind string, v any, err error) {
				outs = append(outs, struct {
					kind string
					v    any
					err  error
				}{kind, v, err})
			}
			q, err := e.Quote(ctx, s)
			add("quote", q, err)
			d, err := e.Decide(ctx, s)
			add("decide", d, err)
			p, err := e.Plan(ctx, s, dests)
			add("plan", p, err)
			for _, o := range outs {
				var got []byte
				if o.err != nil {
					got = []byte("error: " + o.err.Error() + "\n")
				} else {
					got, err = json.MarshalIndent(o.v, "", "  ")
					require.NoError(t, err)
					got = append(got, '\n')
				}
				checkGolden(t, filepath.Join(goldenDir, stem+"."+o.kind+".json"), got)
			}
		})
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "golden file missing; create it with: go test ./ior -run Golden -update")
	if bytes.Equal(want, got) {
		return
	}
	t.Errorf("%s differs from the output (first difference at line %d).\n"+
		"The golden files guard performance work: a figure, trace step or quote id must not change by accident.\n"+
		"If the change is intended (a rate, rule or output format changed on purpose), regenerate with\n"+
		"\tgo test ./ior -run Golden -update\n"+
		"and review the diff of testdata/golden before committing.\n%s",
		path, firstDiffLine(want, got), diffContext(want, got))
}

func firstDiffLine(a, b []byte) int {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(la), len(lb)) {
		if !bytes.Equal(la[i], lb[i]) {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}

func diffContext(want, got []byte) string {
	n := firstDiffLine(want, got) - 1
	la, lb := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	line := func(ls []string) string {
		if n < len(ls) {
			return ls[n]
		}
		return "<end of file>"
	}
	return fmt.Sprintf("want: %s\ngot:  %s", line(la), line(lb))
}
