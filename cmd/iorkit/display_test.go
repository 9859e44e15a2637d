package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// With --lang every amount of the text output follows the language; the
// expected strings are worked by hand from the DE sample (total 183.04 EUR).
// \u00a0 is the no-break space CLDR puts between an amount and its symbol.
func TestQuoteLang(t *testing.T) {
	out, errs, code := runCLI(t, "quote", "../../examples/shipments/de-tshirts.json", "--lang", "de")
	require.Equal(t, 0, code, errs)
	for _, want := range []string{
		"Customs value (CIF): 550,00\u00a0€",
		"= 66,00\u00a0€",
		"= 117,04\u00a0€",
		"total 183,04\u00a0€",
		"seller pays at import 183,04\u00a0€",
	} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "total 183.04 EUR")

	out, errs, code = runCLI(t, "quote", "--lang", "en", "../../examples/shipments/de-tshirts.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "total €183.04")

	// A well-formed tag x/text does not know falls back to English.
	out, errs, code = runCLI(t, "quote", "--lang", "xx", "../../examples/shipments/de-tshirts.json")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "total €183.04")
}

func TestLangJSONUnchanged(t *testing.T) {
	plain, errs, code := runCLI(t, "quote", "--json", "../../examples/shipments/de-tshirts.json")
	require.Equal(t, 0, code, errs)
	de, errs, code := runCLI(t, "quote", "--json", "--lang", "de", "../../examples/shipments/de-tshirts.json")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, plain, de)
}

func TestPlanAndDecideLang(t *testing.T) {
	out, errs, code := runCLI(t, "plan", "../../examples/shipments/de-tshirts.json", "--to", "DE", "--lang", "fr")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Landed cost: duty 66,00\u00a0€, tax 117,04\u00a0€, fees 0,00\u00a0€, total 183,04\u00a0€")

	out, errs, code = runCLI(t, "decide", "../../examples/shipments/de-tshirts.json", "--lang", "de")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Importer of record in DE: Acme Inc (seller)")
}

func TestLangMalformed(t *testing.T) {
	for _, args := range [][]string{
		{"quote", "../../examples/shipments/de-tshirts.json", "--lang", "!!"},
		{"decide", "../../examples/shipments/de-tshirts.json", "--lang", "!!"},
		{"plan", "../../examples/shipments/de-tshirts.json", "--to", "DE", "--lang", "!!"},
	} {
		_, errs, code := runCLI(t, args...)
		assert.Equal(t, exitUsage, code, args[0])
		assert.Contains(t, errs, `--lang "!!": want a BCP 47 language tag`, args[0])
	}
}
