package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const gbShipment = `{"id": "gb-1", "date": "2025-03-10", "origin": "US", "destination": "GB",
  "incoterm": "DDP", "mode": "courier",
  "seller": {"name": "Prairie Meats Inc", "country": "US", "kind": "business", "accepts_import_risk": true},
  "buyer": {"name": "Butcher Ltd", "country": "GB", "kind": "business", "local_entity": true},
  "lines": [{"sku": "B-1", "description": "Bison carcases", "hs": "0201100099", "origin": "US",
    "quantity": {"value": "4", "unit": "item"}, "unit_price": {"amount": "1250.00", "currency": "GBP"},
    "net_weight": {"value": "1000", "unit": "kg"}}],
  "freight": {"amount": "0", "currency": "GBP"}, "insurance": {"amount": "0", "currency": "GBP"}}`

// tariff fetch fills the cache from the API (a test server replaying the
// package's fixture); quote --uktt-cache prices from it offline.
func TestTariffFetchAndQuote(t *testing.T) {
	body, err := os.ReadFile("../../duty/uktt/testdata/api_commodity_0201100099.json")
	require.NoError(t, err)
	fxBody, err := os.ReadFile("../../duty/uktt/testdata/api_exchange_rates_2025-3_monthly.json")
	require.NoError(t, err)
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path == "/api/v2/exchange_rates/2025-3" {
			_, _ = w.Write(fxBody)
			return
		}
		if r.URL.Path != "/api/v2/commodities/0201100099" || r.URL.Query().Get("as_of") != "2025-03-10" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write(body)
	}))
	defer srv.Close()
	dir := t.TempDir()
	out, errs, code := runCLI(t, "tariff", "fetch", "--service", "uk", "--cache", dir, "--date", "2025-03-10", "--base", srv.URL, "0201100099")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "0201100099 uk as of 2025-03-10: 6 duty measures, 1 other measures left out")
	assert.FileExists(t, filepath.Join(dir, "uk", "2025-03-10", "commodity_0201100099.json"))
	// again: from the cache
	_, errs, code = runCLI(t, "tariff", "fetch", "--service", "uk", "--cache", dir, "--date", "2025-03-10", "--base", srv.URL, "0201100099")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, int32(1), hits.Load())

	ship := filepath.Join(t.TempDir(), "gb.json")
	require.NoError(t, os.WriteFile(ship, []byte(gbShipment), 0o644))
	srv.Close() // offline from here
	out, errs, code = runCLI(t, "quote", ship, "--uktt-cache", dir)
	require.Equal(t, 0, code, errs)
	// 4 x 1250 = 5000 GBP; duty 12% x 5000 = 600 plus 147 GBP x 1000 kg / 100 kg = 1470: 2070
	assert.Contains(t, out, "= 2070.00 GBP")
	assert.Contains(t, out, "MEASURE_CONDITION")

	// HMRC's rates of March 2025 into the cache: a USD shipment converts at
	// 1 / 1.25 = 0.8
	srv2 := httptest.NewServer(srv.Config.Handler)
	defer srv2.Close()
	out, errs, code = runCLI(t, "tariff", "fetch", "--service", "uk", "--cache", dir, "--fx", "2025-03", "--base", srv2.URL)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "exchange rates 2025-03: cached")
	usd := filepath.Join(t.TempDir(), "gb-usd.json")
	require.NoError(t, os.WriteFile(usd, []byte(strings.ReplaceAll(gbShipment, `"GBP"`, `"USD"`)), 0o644))
	srv2.Close()
	out, errs, code = runCLI(t, "quote", usd, "--uktt-cache", dir)
	require.Equal(t, 0, code, errs)
	// 4 x 1250 = 5000 USD x 0.8 = 4000 GBP; duty 12% x 4000 = 480 + 1470 = 1950
	assert.Contains(t, out, "Customs value (CIF): 4000.00 GBP")
	assert.Contains(t, out, "= 1950.00 GBP")

	// usage errors
	_, _, code = runCLI(t, "tariff", "fetch", "--service", "xi", "--cache", dir, "--fx", "2025-03")
	assert.Equal(t, exitUsage, code)
	_, _, code = runCLI(t, "tariff", "fetch", "--service", "uk", "--cache", dir, "--fx", "2025-04:2025-03")
	assert.Equal(t, exitUsage, code)
	_, _, code = runCLI(t, "tariff", "fetch", "--service", "eu", "--cache", dir, "0201100099")
	assert.Equal(t, exitUsage, code)
	_, _, code = runCLI(t, "tariff", "fetch", "--service", "uk", "0201100099")
	assert.Equal(t, exitUsage, code)
	_, _, code = runCLI(t, "tariff", "list")
	assert.Equal(t, exitUsage, code)
	_, _, code = runCLI(t, "quote", ship, "--uktt-cache", filepath.Join(dir, "missing"))
	assert.Equal(t, exitInvalid, code)
}
