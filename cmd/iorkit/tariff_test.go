package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
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
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
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

	// usage errors
	_, _, code = runCLI(t, "tariff", "fetch", "--service", "eu", "--cache", dir, "0201100099")
	assert.Equal(t, exitUsage, code)
	_, _, code = runCLI(t, "tariff", "fetch", "--service", "uk", "0201100099")
	assert.Equal(t, exitUsage, code)
	_, _, code = runCLI(t, "tariff", "list")
	assert.Equal(t, exitUsage, code)
	_, _, code = runCLI(t, "quote", ship, "--uktt-cache", filepath.Join(dir, "missing"))
	assert.Equal(t, exitInvalid, code)
}
