package duty

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func mustRate(t *testing.T, s string) Rate {
	t.Helper()
	r, err := ParseRate(s)
	require.NoError(t, err)
	return r
}

func basis(t *testing.T, usd string) Basis {
	return Basis{Value: MustMoney(usd, "USD")}
}

func TestChoosePreference(t *testing.T) {
	ms := []Measure{
		{Kind: MFN, Rate: mustRate(t, "16.5%"), HS: "61091000"},
		{Kind: MFN, Rate: mustRate(t, "90%"), Program: "column2", Origins: []string{"CU", "KP", "RU", "BY"}, HS: "61091000"},
		{Kind: Preferential, Rate: mustRate(t, "Free"), Program: "S", Origins: []string{"CA", "MX"}, HS: "61091000"},
		{Kind: Preferential, Rate: mustRate(t, "5%"), Program: "KR", Origins: []string{"KR"}, HS: "61091000"},
		{Kind: Preferential, Rate: mustRate(t, "2%"), Program: "X", Origins: []string{"MX"}, HS: "61091000"},
	}
	c, err := Choose(ms, "MX", basis(t, "100"), ChoiceOptions{})
	require.NoError(t, err)
	assert.True(t, c.Preference)
	assert.Equal(t, "S", c.Base.Program)
	var reasons []string
	for _, s := range c.Steps {
		reasons = append(reasons, s.Measure.Program+": "+s.Reason)
	}
	assert.Contains(t, reasons, "S: preference S claimed (origin qualifies); proof of origin is required")
	assert.Contains(t, reasons, ": replaced by preference S")
	assert.Contains(t, reasons, "column2: does not cover origin MX (covers CU KP RU BY)")
	assert.Len(t, c.Steps, len(ms))

	// no claim: MFN
	c, err = Choose(ms, "MX", basis(t, "100"), ChoiceOptions{Claim: ClaimNone})
	require.NoError(t, err)
	assert.False(t, c.Preference)
	assert.Equal(t, "16.5%", c.Base.Rate.String())

	// only programme X claimed
	c, err = Choose(ms, "MX", basis(t, "100"), ChoiceOptions{Programs: []string{"X"}})
	require.NoError(t, err)
	assert.Equal(t, "X", c.Base.Program)

	// column 2 beats the general rate for Russia
	c, err = Choose(ms, "RU", basis(t, "100"), ChoiceOptions{})
	require.NoError(t, err)
	assert.Equal(t, "90%", c.Base.Rate.String())

	// no preference for China
	c, err = Choose(ms, "CN", basis(t, "100"), ChoiceOptions{})
	require.NoError(t, err)
	assert.False(t, c.Preference)
	assert.Equal(t, "16.5%", c.Base.Rate.String())

	// a preference no better than MFN is not claimed
	free := []Measure{
		{Kind: MFN, Rate: mustRate(t, "Free"), HS: "8471"},
		{Kind: Preferential, Rate: mustRate(t, "Free"), Program: "KR", Origins: []string{"KR"}, HS: "8471"},
	}
	c, err = Choose(free, "KR", basis(t, "100"), ChoiceOptions{})
	require.NoError(t, err)
	assert.False(t, c.Preference)
	assert.Contains(t, c.Steps[1].Reason, "no saving over MFN")

	_, err = Choose(ms[2:], "MX", basis(t, "100"), ChoiceOptions{})
	assert.ErrorIs(t, err, ErrNoBaseRate)
}

func TestChooseLayers(t *testing.T) {
	ms := []Measure{
		{Kind: MFN, Rate: mustRate(t, "2.5%"), HS: "87032301"},
		{Kind: Additional, Rate: mustRate(t, "50%"), Program: "9903.81.90", HS: "8703", Source: "232 steel"},
		{Kind: Additional, Rate: mustRate(t, "25%"), Program: "9903.94.01", Excludes: []string{"9903.81", "9903.85"}, HS: "8703", Source: "EO 14289 / Proclamation 10908"},
		{Kind: Additional, Rate: mustRate(t, "25%"), Program: "9903.88.01", Origins: []string{"CN"}, HS: "8703"},
	}
	c, err := Choose(ms, "CN", basis(t, "100"), ChoiceOptions{})
	require.NoError(t, err)
	require.Len(t, c.Layers, 2)
	assert.Equal(t, "9903.94.01", c.Layers[0].Program)
	assert.Equal(t, "9903.88.01", c.Layers[1].Program)
	var set []string
	for _, s := range c.Steps {
		if !s.Used {
			set = append(set, s.Measure.Program+": "+s.Reason)
		}
	}
	assert.Equal(t, []string{"9903.81.90: excluded by 9903.94.01 (EO 14289 / Proclamation 10908)"}, set)

	c, err = Choose(ms, "JP", basis(t, "100"), ChoiceOptions{})
	require.NoError(t, err)
	require.Len(t, c.Layers, 1)
	assert.False(t, excludes([]string{"9903.8"}, "9903.81.90"))
	assert.True(t, excludes([]string{"9903.81.90"}, "9903.81.90"))
}
