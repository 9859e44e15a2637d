package duty_test

import (
	"context"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readOneProfile(t *testing.T, taxes string) ([]duty.Profile, error) {
	t.Helper()
	doc := `{"profiles": [{"country": "JP", "name": "t", "currency": "JPY", "valuation": "CIF", "from": "2025-01-01",
	 "sources": ["test"], "taxes": [` + taxes + `]}]}`
	return duty.ReadProfiles(strings.NewReader(doc))
}

func TestTaxOnTaxChecks(t *testing.T) {
	_, err := readOneProfile(t, `{"code": "LCT", "rate": "0", "on_tax": "JCT", "fraction": {"num": 22, "den": 78}, "from": "2025-01-01", "source": "s"}`)
	var pe *duty.ProfileError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "profiles[0].taxes[0].on_tax", pe.Path)
	assert.Equal(t, "JCT", pe.Value)
	assert.Contains(t, err.Error(), `"JCT" is not an earlier tax of the profile`)

	_, err = readOneProfile(t, `{"code": "JCT", "rate": "7.8", "from": "2025-01-01", "source": "s"},
	 {"code": "LCT", "rate": "0", "on_tax": "JCT", "fraction": {"num": 22, "den": 0}, "from": "2025-01-01", "source": "s"}`)
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "profiles[0].taxes[1].fraction", pe.Path)
	assert.Contains(t, err.Error(), "fraction (JP): 22/0: want a non-negative numerator over a positive denominator")
}

// A tax on a tax with an exact ratio, and the declaration rounding of its
// total: national 7.8% of 10,000 = 780 (rounded down to 100: 700); local
// 22/78 of 700 = 197.43... -> 197 (yen fractions dropped); declared local
// total 197.43 rounded down to 100 = 100, an adjustment of -97. Tax 800.
func TestTaxOnTaxAndDeclarationRounding(t *testing.T) {
	ps, err := readOneProfile(t, `{"code": "JCT", "rate": "7.8", "rounding": {"places": -2, "mode": "down"}, "from": "2025-01-01", "source": "s"},
	 {"code": "LCT", "rate": "0", "on_tax": "JCT", "fraction": {"num": 22, "den": 78}, "rounding": {"places": 0, "mode": "down"},
	  "total_rounding": {"places": -2, "mode": "down"}, "from": "2025-01-01", "source": "s"}`)
	require.NoError(t, err)
	set, err := duty.NewProfiles(ps...)
	require.NoError(t, err)
	c, err := duty.NewCalculator(duty.WithProfiles(set))
	require.NoError(t, err)
	free, err := duty.ParseRate("Free")
	require.NoError(t, err)
	a, err := c.Calculate(context.Background(), duty.Entry{Destination: "JP", Date: duty.MustDate("2026-01-10"), Mode: "air", Lines: []duty.EntryLine{{
		HS: "610910", Origin: "CN", Value: duty.MustMoney("10000", "JPY"),
		Measures: []duty.Measure{{Kind: duty.MFN, Rate: free, Source: "test"}},
	}}})
	require.NoError(t, err)
	require.Len(t, a.Lines[0].Taxes, 2)
	assert.Equal(t, "700 JPY", a.Lines[0].Taxes[0].Amount.String())
	assert.Equal(t, "197 JPY", a.Lines[0].Taxes[1].Amount.String())
	assert.Equal(t, "22/78", a.Lines[0].Taxes[1].Rate)
	require.Len(t, a.Adjustments, 1)
	assert.Equal(t, "-97 JPY", a.Adjustments[0].Amount.String())
	assert.Equal(t, "800 JPY", a.Totals.Tax.String())
	assert.Equal(t, "800 JPY", a.Totals.TaxAtBorder.String())
}
