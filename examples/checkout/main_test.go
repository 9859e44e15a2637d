package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The figures below are worked out by hand from the embedded data in force
// on 2026-03-01: EU MFN duty on 6109.10 is 12% (CN 6109 10 00), German
// import VAT is 19% on customs value + duty (UStG s.12(1); Directive
// 2006/112/EC Art. 86), the EU values goods CIF, duty is relieved on
// consignments of intrinsic value up to EUR 150 until 2026-06-30, and an
// IOSS-registered seller charges VAT at the sale on B2C consignments up to
// EUR 150.
//
// cart-1001: 100 × 5.00 = 500.00 goods + 50.00 shipping = 550.00 CIF.
// Goods 500.00 > 150, so no relief. Duty 12% × 550.00 = 66.00. VAT 19% ×
// (550.00 + 66.00) = 117.04. The shop pays both at import (DDP), so the
// shopper pays 500.00 + 50.00 + 66.00 + 117.04 = 733.04 now.
//
// cart-1002: 2 × 25.00 = 50.00 goods + 5.00 shipping = 55.00 CIF. Goods
// 50.00 <= 150: duty relieved; IOSS: VAT at the sale, 19% × 55.00 = 10.45.
// The shopper pays 50.00 + 5.00 + 10.45 = 65.45.
//
// The product page: one T-shirt, no shipping, under EUR 150 so no duty,
// VAT 19% at import. At 16.80: 16.80 × 1.19 = 19.992 → 19.99; at 16.81:
// 20.0039 → 20.00, over the target. Net price 16.80, landing at 19.99.
func TestRun(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, run(context.Background(), &b))
	out := b.String()
	parts := strings.Split(out, "cart-1002")
	require.Len(t, parts, 2, out)
	for _, want := range []string{
		"Cotton T-shirt   goods 500.00 EUR  duty  66.00 EUR  VAT 117.04 EUR",
		"Shipping                50.00 EUR",
		"Total                  733.04 EUR",
		"Pay now                733.04 EUR",
		"Pay on delivery          0.00 EUR",
	} {
		assert.Contains(t, parts[0], want)
	}
	for _, want := range []string{
		"Cotton T-shirt   goods  50.00 EUR  duty   0.00 EUR  VAT  10.45 EUR",
		"Total                   65.45 EUR",
		"Pay now                 65.45 EUR",
	} {
		assert.Contains(t, parts[1], want)
	}
	assert.Contains(t, out, "net price 16.80 EUR (lands at 19.99 EUR)")
}
