//go:build !iorkit_nohtsdata

package ior_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// catalogue is testdata/catalogue/catalogue.json: 200 SKUs over 56
// six-digit HS codes (chapters 39 to 95), quoted to ten markets.
type catalogue struct {
	Markets []string     `json:"markets"`
	Date    duty.Date    `json:"date"`
	Units   string       `json:"units"`
	SKUs    []catalogSKU `json:"skus"`
}

type catalogSKU struct {
	SKU       string        `json:"sku"`
	Desc      string        `json:"description"`
	HS        string        `json:"hs"`
	Origin    string        `json:"origin"`
	Unit      string        `json:"unit"`
	UnitPrice duty.Money    `json:"unit_price"`
	NetWeight duty.Quantity `json:"net_weight_per_unit"`
}

// catalogueShipment is one SKU at 20 units, B2B, DAP by courier, shipped
// from its country of origin.
func catalogueShipment(t testing.TB, c catalogue, k catalogSKU, dest string) ior.Shipment {
	t.Helper()
	qty, err := duty.ParseQuantity(c.Units + " " + k.Unit)
	require.NoError(t, err)
	n, err := duty.ParseDecimal(c.Units)
	require.NoError(t, err)
	weight := duty.Quantity{Value: k.NetWeight.Value.Mul(n), Unit: k.NetWeight.Unit}
	zero := duty.MustMoney("0", "USD")
	return ior.Shipment{ID: k.SKU + "-" + dest, Date: c.Date, Origin: k.Origin, Destination: dest, Incoterm: ior.DAP, Mode: ior.Courier,
		Seller: ior.Party{Name: "Maker", Country: k.Origin, Kind: ior.Business},
		Buyer:  ior.Party{Name: "Shop", Country: dest, Kind: ior.Business, LocalEntity: true},
		Lines: []ior.Line{{SKU: k.SKU, Description: k.Desc, HS: k.HS, Origin: k.Origin, Quantity: qty, UnitPrice: k.UnitPrice,
			NetWeight: weight}},
		Freight: zero, Insurance: zero}
}

type marketResult struct {
	quoted, ok, warned int
	warnings           map[duty.WarningCode]int
	failures           map[string]int
}

// errClass names the kind of failure for the report.
func errClass(err error) string {
	for _, c := range []struct {
		target error
		name   string
	}{{duty.ErrUnknownCode, "unknown code"}, {duty.ErrAmbiguousCode, "ambiguous code"}, {duty.ErrNoSchedule, "no schedule"},
		{duty.ErrNoProfile, "no profile"}, {duty.ErrMissingRate, "missing FX rate"}, {duty.ErrNotInForce, "not in force"},
		{duty.ErrDataExpired, "data expired"}, {duty.ErrUnsupportedRate, "unsupported rate"}, {duty.ErrStrict, "strict"}} {
		if errors.Is(err, c.target) {
			return c.name
		}
	}
	msg := err.Error()
	if len(msg) > 60 {
		msg = msg[:60]
	}
	return "other: " + msg
}

func runCatalogue(t *testing.T, e *ior.Engine, opts ...ior.CallOption) (map[string]*marketResult, int, int) {
	b, err := os.ReadFile("../testdata/catalogue/catalogue.json")
	require.NoError(t, err)
	var c catalogue
	require.NoError(t, json.Unmarshal(b, &c))
	require.Len(t, c.SKUs, 200)
	res := map[string]*marketResult{}
	total, ok := 0, 0
	for _, m := range c.Markets {
		r := &marketResult{warnings: map[duty.WarningCode]int{}, failures: map[string]int{}}
		res[m] = r
		for _, k := range c.SKUs {
			if k.Origin == m {
				continue // not an import
			}
			r.quoted++
			total++
			q, err := e.Quote(context.Background(), catalogueShipment(t, c, k, m), opts...)
			if err != nil {
				r.failures[errClass(err)]++
				continue
			}
			r.ok++
			ok++
			if len(q.Warnings) > 0 {
				r.warned++
			}
			seen := map[duty.WarningCode]bool{}
			for _, w := range q.Warnings {
				if !seen[w.Code] {
					seen[w.Code] = true
					r.warnings[w.Code]++
				}
			}
		}
	}
	return res, total, ok
}

func report(t *testing.T, title string, markets []string, res map[string]*marketResult, total, ok int) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d of %d quotes succeed (%.0f%%)\n", title, ok, total, 100*float64(ok)/float64(total))
	for _, m := range markets {
		r := res[m]
		fmt.Fprintf(&b, "  %s: %3d/%3d ok, %3d with warnings", m, r.ok, r.quoted, r.warned)
		var ws []string
		for c, n := range r.warnings {
			ws = append(ws, fmt.Sprintf("%s %d", c, n))
		}
		sort.Strings(ws)
		if len(ws) > 0 {
			fmt.Fprintf(&b, " [%s]", strings.Join(ws, ", "))
		}
		var fs []string
		for c, n := range r.failures {
			fs = append(fs, fmt.Sprintf("%s %d", c, n))
		}
		sort.Strings(fs)
		if len(fs) > 0 {
			fmt.Fprintf(&b, "; failed: %s", strings.Join(fs, ", "))
		}
		b.WriteByte('\n')
	}
	t.Log(b.String())
}

// TestCatalogueCoverage is the data-coverage harness of issue 12: the
// 200-SKU catalogue quoted to ten markets at 20 units on 2026-12-01 on
// ior.NewEngine() with no caller data. It reports the success rate and the
// warnings per market (go test -run CatalogueCoverage -v ./ior) and holds a
// floor. Every quote that succeeds on an estimate says so: a market
// priced from a sample or reference tariff warns on every quote.
func TestCatalogueCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("quotes 1,800 shipments")
	}
	e, err := ior.NewEngine()
	require.NoError(t, err)
	markets := []string{"US", "CA", "GB", "DE", "FR", "NL", "AU", "JP", "CH", "NO"}
	res, total, ok := runCatalogue(t, e)
	report(t, "default (short codes at the highest duty)", markets, res, total, ok)
	st, total2, ok2 := runCatalogue(t, e, ior.ResolveHS(duty.HSStrict))
	report(t, "ResolveHS(strict)", markets, st, total2, ok2)

	// The floor: what the embedded data achieves (see docs/data.md).
	assert.GreaterOrEqual(t, 100*ok/total, catalogueFloor, "share of catalogue quotes that succeed on the defaults")
	// Nothing silent: markets priced from the sample or a reference
	// edition warn on every quote that succeeds.
	for _, m := range []string{"GB", "DE", "FR", "NL", "AU", "JP"} {
		assert.Equal(t, res[m].ok, res[m].warned, "%s: every quote from a sample or reference tariff carries a warning", m)
	}
}

// BenchmarkCatalogue quotes the catalogue to one market (DE) per
// iteration on the default engine: 200 single-line quotes from the
// reference tariff, with exchange rates and warnings.
func BenchmarkCatalogue(b *testing.B) {
	raw, err := os.ReadFile("../testdata/catalogue/catalogue.json")
	if err != nil {
		b.Fatal(err)
	}
	var c catalogue
	if err := json.Unmarshal(raw, &c); err != nil {
		b.Fatal(err)
	}
	e, err := ior.NewEngine()
	if err != nil {
		b.Fatal(err)
	}
	ships := make([]ior.Shipment, 0, len(c.SKUs))
	for _, k := range c.SKUs {
		if k.Origin != "DE" {
			ships = append(ships, catalogueShipment(b, c, k, "DE"))
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range ships {
			_, _ = e.Quote(context.Background(), s)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ships)), "ns/quote")
}
