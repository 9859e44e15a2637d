package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// The README's main command: the DE sample on the embedded defaults shows
// the customs value, duty, VAT, the totals and the importer.
func TestQuoteSample(t *testing.T) {
	out, errs, code := runCLI(t, "quote", "../../examples/shipments/de-tshirts.json")
	require.Equal(t, 0, code, errs)
	for _, want := range []string{
		"Importer of record: Acme Inc (seller",
		"Customs value (CIF): 550.00 EUR",
		"= 66.00 EUR",  // duty 12% of 550.00
		"= 117.04 EUR", // VAT 19% of 616.00
		"total 183.04 EUR",
		"seller pays at import 183.04 EUR",
	} {
		assert.Contains(t, out, want)
	}
}

func TestQuoteJSON(t *testing.T) {
	out, errs, code := runCLI(t, "quote", "--json", "../../examples/shipments/de-tshirts.json")
	require.Equal(t, 0, code, errs)
	var q struct {
		ID     string `json:"id"`
		Totals struct {
			Total struct{ Amount, Currency string } `json:"total"`
		} `json:"totals"`
		Lines []struct {
			CustomsValue struct{ Amount string } `json:"customs_value"`
		} `json:"lines"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &q))
	assert.Equal(t, "183.04", q.Totals.Total.Amount)
	assert.Equal(t, "550.00", q.Lines[0].CustomsValue.Amount)
	assert.NotEmpty(t, q.ID)
}

func TestQuoteWithRatesAndSchedule(t *testing.T) {
	dir := t.TempDir()
	rates := filepath.Join(dir, "rates.json")
	require.NoError(t, os.WriteFile(rates, []byte(`{"EUR/GBP": "0.85"}`), 0o644))
	table := filepath.Join(dir, "gb.csv")
	require.NoError(t, os.WriteFile(table, []byte("hs,kind,rate,origins,program,from,to,source\n6109.10,mfn,12%,,,2021-01-01,,test\n"), 0o644))
	// 500.00 EUR × 0.85 = 425.00 GBP; freight 42.50; CV 467.50; duty 12% = 56.10;
	// VAT 20% × 523.60 = 104.72; total 160.82 GBP.
	shipment := filepath.Join(dir, "gb.json")
	b, err := os.ReadFile("../../examples/shipments/de-tshirts.json")
	require.NoError(t, err)
	s := strings.Replace(strings.Replace(string(b), `"destination": "DE"`, `"destination": "GB"`, 1), `"country": "DE", "kind": "consumer"`, `"country": "GB", "kind": "consumer"`, 1)
	require.NoError(t, os.WriteFile(shipment, []byte(s), 0o644))
	out, errs, code := runCLI(t, "quote", shipment, "--rates", rates, "--schedule", "GB="+table)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "total 160.82 GBP")
	assert.Contains(t, out, "1 EUR = 0.85 GBP")
}

func TestErrors(t *testing.T) {
	_, errs, code := runCLI(t, "quote")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "want one shipment file")
	_, errs, code = runCLI(t, "quote", "nope.json")
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, errs, "nope.json")
	_, errs, code = runCLI(t, "frobnicate")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, `unknown command "frobnicate"`)
	_, errs, code = runCLI(t, "plan", "../../examples/shipments/de-tshirts.json")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "--to is required")
	_, _, code = runCLI(t, "quote", "--no-such-flag", "../../examples/shipments/de-tshirts.json")
	assert.Equal(t, exitUsage, code)
}

func TestHelpExitsZero(t *testing.T) {
	for _, cmd := range []string{"quote", "decide", "plan", "rate", "serve"} {
		out, _, code := runCLI(t, cmd, "--help")
		assert.Equal(t, exitOK, code, cmd)
		assert.Contains(t, out, "Usage:", cmd)
	}
}

func TestJSONErrors(t *testing.T) {
	// A shipment whose HS code is well formed but in no tariff: the data
	// does not cover it (exit 4), and --json prints the API's error shape.
	dir := t.TempDir()
	b, err := os.ReadFile("../../examples/shipments/de-tshirts.json")
	require.NoError(t, err)
	other := filepath.Join(dir, "s.json")
	require.NoError(t, os.WriteFile(other, bytes.Replace(b, []byte(`"6109.10"`), []byte(`"9999.99"`), 1), 0o600))
	out, _, code := runCLI(t, "quote", other, "--json", "--no-sample", "--no-reference")
	assert.Equal(t, exitUncovered, code)
	var e struct {
		Error struct{ Code, Class, Message string } `json:"error"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &e), out)
	assert.NotEmpty(t, e.Error.Code)
	assert.Equal(t, "data_not_covered", e.Error.Class)

	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, bytes.Replace(b, []byte(`"DDP"`), []byte(`"XXX"`), 1), 0o600))
	out, _, code = runCLI(t, "quote", bad, "--json")
	assert.Equal(t, exitInvalid, code)
	require.NoError(t, json.Unmarshal([]byte(out), &e), out)
	assert.Equal(t, "invalid_shipment", e.Error.Code)
	assert.Equal(t, "invalid_input", e.Error.Class)
}

func TestRate(t *testing.T) {
	// 4.4¢/kg × 100 kg = 4.40 USD; 6% × 1,000 = 60.00; total 64.40 USD.
	out, errs, code := runCLI(t, "rate", "4.4¢/kg + 6%", "--value", "1000 USD", "--qty", "100 kg")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "64.40 USD (rounded)")
}

func TestDecideAndPlan(t *testing.T) {
	out, errs, code := runCLI(t, "decide", "../../examples/shipments/de-tshirts.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Importer of record in DE: Acme Inc (seller)")
	out, errs, code = runCLI(t, "plan", "../../examples/shipments/de-tshirts.json", "--to", "DE,GB")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "== DE")
	assert.Contains(t, out, "total 183.04 EUR")
	// GB converts at HMRC's March 2026 rate, 1 GBP = 1.1469 EUR:
	// 550.00 EUR / 1.1469 = 479.5535... GBP; duty 12% = 57.5464... ->
	// 57.55 GBP; VAT 20% of (479.5535 + 57.5464 = 537.0999) = 107.42 GBP.
	assert.Contains(t, out, "== GB")
	assert.Contains(t, out, "Landed cost: duty 57.55 GBP, tax 107.42 GBP")
	// Without the embedded rates, GB lacks EUR/GBP.
	out, errs, code = runCLI(t, "plan", "../../examples/shipments/de-tshirts.json", "--to", "DE,GB", "--no-default-rates")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "no exchange rate EUR/GBP")
}

func TestRulesLint(t *testing.T) {
	out, errs, code := runCLI(t, "rules", "lint")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "ok: ")
	assert.Contains(t, out, "cost ")

	dir := t.TempDir()
	bad := `{"pack": "bad", "country": "DE", "version": "1", "effective": {"from": "2026-01-01"},
 "sources": [{"title": "t", "url": "https://example.org"}],
 "rules": [{"id": "B1", "scope": "shipment", "when": "shipment.destinaton == 'DE'",
  "finding": {"kind": "document", "code": "X", "title": "t", "severity": "info", "reference": "r"}}]}`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.json"), []byte(bad), 0o644))
	out, errs, code = runCLI(t, "rules", "lint", dir)
	assert.Equal(t, exitInvalid, code)
	assert.Contains(t, out, "destinaton")
	assert.Contains(t, out, "[expr_type]")
	assert.Contains(t, out, "bad.json:")
	assert.Contains(t, errs, "1 errors")
}

func TestHTSFlag(t *testing.T) {
	// A backpack of man-made fibres (4202.92.31.20) from Germany pays the
	// general rate of the fixture's 8-digit line, 17.6%: 17.6% × 100.00 =
	// 17.60 USD.
	b, err := os.ReadFile("../../examples/shipments/us-headphones.json")
	require.NoError(t, err)
	var s map[string]any
	require.NoError(t, json.Unmarshal(b, &s))
	s["lines"] = []any{map[string]any{"sku": "BP-1", "description": "Backpack", "hs": "4202.92.31.20", "origin": "DE",
		"quantity": map[string]any{"value": "1", "unit": "item"}, "unit_price": map[string]any{"amount": "100.00", "currency": "USD"},
		"net_weight": map[string]any{"value": "1", "unit": "kg"}}}
	file := filepath.Join(t.TempDir(), "s.json")
	b, err = json.Marshal(s)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, b, 0o600))
	out, errs, code := runCLI(t, "quote", file, "--json", "--hts", "../../duty/hts/testdata/mini.csv")
	require.Equal(t, exitOK, code, errs)
	var q struct {
		Lines []struct {
			Duty struct{ Amount string } `json:"duty"`
		} `json:"lines"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &q))
	require.Len(t, q.Lines, 1)
	assert.Equal(t, "17.60", q.Lines[0].Duty.Amount)

	_, _, code = runCLI(t, "quote", file, "--hts", "nope.csv")
	assert.Equal(t, exitInvalid, code)
}

// iorkit version prints the data version derived from the manifest.
func TestVersion(t *testing.T) {
	out, errs, code := runCLI(t, "version")
	require.Equal(t, 0, code, errs)
	assert.Regexp(t, `^data iorkit-data-[0-9a-f]{12}\n$`, out)
	out, _, code = runCLI(t, "version", "--files")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "rules/packs/us.json")
	out, _, code = runCLI(t, "version", "--json", "--files")
	require.Equal(t, 0, code)
	var v struct {
		Data  string `json:"data_version"`
		Files []struct{ Path, SHA256 string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &v))
	assert.NotEmpty(t, v.Files)
	_, _, code = runCLI(t, "version", "extra")
	assert.Equal(t, exitUsage, code)
}

// With --json, the error's class agrees with the exit code for the errors
// only the CLI can tell: a usage mistake (2) and a file that cannot be read
// (3) are invalid input, not internal (exit 1, a bug).
func TestJSONErrorClassFollowsExitCode(t *testing.T) {
	type body struct {
		Error struct{ Code, Class string } `json:"error"`
	}
	out, _, code := runCLI(t, "quote", "--json", "nope.json")
	assert.Equal(t, exitInvalid, code)
	var b body
	require.NoError(t, json.Unmarshal([]byte(out), &b), out)
	assert.Equal(t, "invalid_input", b.Error.Class)
	assert.Equal(t, "invalid_input", b.Error.Code)

	out, _, code = runCLI(t, "quote", "--json", "--no-such-flag", "x.json")
	assert.Equal(t, exitUsage, code)
	b = body{}
	require.NoError(t, json.Unmarshal([]byte(out), &b), out)
	assert.Equal(t, "usage", b.Error.Code)
	assert.Equal(t, "invalid_input", b.Error.Class)
}
