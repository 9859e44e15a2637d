package duty

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParsePreferences(t *testing.T) {
	ps, err := ParsePreferences("Free (A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)")
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.True(t, ps[0].Rate.IsFree())
	assert.Nil(t, ps[0].Reference)
	assert.Equal(t, []string{"A+", "AU", "BH", "CL", "CO", "D", "E", "IL", "JO", "KR", "MA", "OM", "P", "PA", "PE", "S", "SG"}, ps[0].Programs)

	ps, err = ParsePreferences("Free\n(A, AU,  BH , CL)")
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, []string{"A", "AU", "BH", "CL"}, ps[0].Programs)

	ps, err = ParsePreferences("Free (A,AU,BH)9.3¢/pf.liter(JO)")
	require.NoError(t, err)
	require.Len(t, ps, 2)
	assert.Equal(t, []string{"JO"}, ps[1].Programs)
	assert.Equal(t, "9.3¢/pf.liter", ps[1].Text)
	m, err := ps[1].Rate.Apply(bas(t, "100", "USD", "2 pfl"))
	require.NoError(t, err)
	assert.True(t, decimal.RequireFromString("0.186").Equal(m.Amount())) // 2 × 0.093

	ps, err = ParsePreferences("Free (A,AU) 16.6% (E)")
	require.NoError(t, err)
	require.Len(t, ps, 2)
	p, ok := ps[1].Rate.AdValorem()
	require.True(t, ok)
	assert.Equal(t, "16.6", p.String())
	assert.Equal(t, []string{"E"}, ps[1].Programs)

	ps, err = ParsePreferences("Free (BH,CL) 7.5¢/kg (KR) See 9823.04.01-9823.04.54 (S+) See 9918.04.50, 9918.04.58 (CO)")
	require.NoError(t, err)
	require.Len(t, ps, 4)
	assert.Equal(t, []string{"KR"}, ps[1].Programs)
	require.NotNil(t, ps[2].Reference)
	assert.Equal(t, RefProvision, ps[2].Reference.Kind)
	assert.Equal(t, "9823.04.01-9823.04.54", ps[2].Reference.Target)
	assert.Equal(t, []string{"S+"}, ps[2].Programs)
	assert.Equal(t, "9918.04.50, 9918.04.58", ps[3].Reference.Target)

	ps, err = ParsePreferences("See 9822.04.25 (AU)")
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.ErrorIs(t, ps[0].Reference, ErrRateReference)
	assert.Equal(t, "9822.04.25", ps[0].Reference.Target)
	assert.Equal(t, []string{"AU"}, ps[0].Programs)

	// Parentheses that are not program codes belong to the rate text.
	ps, err = ParsePreferences("Free (AU,BH) A duty upon the value of the repairs or alterations (see U.S. note 3 of this subchapter) (B,C,)")
	require.NoError(t, err)
	require.Len(t, ps, 2)
	assert.Equal(t, RefValuation, ps[1].Reference.Kind)
	assert.Equal(t, []string{"B", "C"}, ps[1].Programs)

	ps, err = ParsePreferences("Free, under the terms of U.S. note 1(b) to this subchapter")
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.True(t, ps[0].Rate.IsFree())
	assert.Empty(t, ps[0].Programs)

	// Slips of the source: a missing comma, a stray full stop, a doubled parenthesis.
	ps, err = ParsePreferences("Free (A*,D,E IL,.OM) See 9919.04.50 (PA (PA)")
	require.NoError(t, err)
	assert.Equal(t, []string{"A*", "D", "E", "IL", "OM"}, ps[0].Programs)
	assert.Equal(t, []string{"PA"}, ps[1].Programs)

	ps, err = ParsePreferences("Free (A) 4.4¢/kg + 6% (JO)", InCurrency("CAD"))
	require.NoError(t, err)
	assert.Equal(t, []string{"CAD"}, ps[1].Rate.Currencies())
}

func TestParsePreferencesErrors(t *testing.T) {
	cases := []struct {
		in  string
		pos int
	}{
		{"Free (A) 5%% (B)", 11},
		{"Free (A) 5%", 9},
		{"NIHIL (A)", 0},
		{"(A)", 0},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			_, err := ParsePreferences(c.in)
			var se *RateSyntaxError
			require.ErrorAs(t, err, &se)
			assert.ErrorIs(t, err, ErrInvalidRate)
			assert.Equal(t, c.in, se.Input)
			assert.Equal(t, c.pos, se.Pos, se.Error())
		})
	}
}
