package duty_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

func TestParseUnitSpellings(t *testing.T) {
	cases := map[string]duty.Unit{
		// US HTS
		"kg": duty.Kilogram, "doz.": duty.Dozen, "pf. liter": duty.ProofLitre, "t": duty.Tonne,
		"No.": duty.Item, "liters": duty.Litre, "m2": duty.SquareMetre, "doz. pr.": duty.DozenPair,
		"pr.": duty.Pair, "gross": duty.Gross, "thousand": duty.Thousand,
		// EU TARIC measurement-unit codes (DTN = 100 kg)
		"KGM": duty.Kilogram, "DTN": duty.Quintal, "TNE": duty.Tonne, "HLT": duty.Hectolitre,
		"LTR": duty.Litre, "MTK": duty.SquareMetre, "MTQ": duty.CubicMetre, "NAR": duty.Item,
		"NPR": duty.Pair, "MIL": duty.Thousand, "LPA": duty.LitrePure, "GRM": duty.Gram,
		// UK Online Trade Tariff text
		"100 kg": duty.Quintal, "1000 kg": duty.Tonne, "hl": duty.Hectolitre,
		"l alc. 100%": duty.LitrePure, "p/st": duty.Item, "% vol/hl": duty.HectolitrePct,
		// case and spaces do not matter
		"  Kg ": duty.Kilogram, "PF.  LITER": duty.ProofLitre, "100  KG": duty.Quintal,
		"MWh": duty.MegawattHour, "kWh": duty.KilowattHour,
	}
	for s, want := range cases {
		got, err := duty.ParseUnit(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
}

func TestParseUnitCanonicalRoundTrip(t *testing.T) {
	all := []duty.Unit{
		duty.Kilogram, duty.Gram, duty.Tonne, duty.Pound, duty.Quintal, duty.Carat,
		duty.Litre, duty.Millilitre, duty.Hectolitre, duty.CubicMetre, duty.Item, duty.Pair,
		duty.Dozen, duty.DozenPair, duty.Gross, duty.Hundred, duty.Thousand, duty.Metre,
		duty.SquareMetre, duty.LitrePure, duty.ProofLitre, duty.MegawattHour, duty.KilowattHour,
		duty.HectolitrePct,
	}
	for _, u := range all {
		assert.True(t, u.Valid(), u)
		assert.NotEmpty(t, u.Name(), u)
		assert.NotZero(t, u.Dimension(), u)
		got, err := duty.ParseUnit(u.String())
		require.NoError(t, err, u)
		assert.Equal(t, u, got)
		f, err := u.Factor()
		require.NoError(t, err)
		assert.True(t, f.IsPositive())
	}
}

func TestParseUnitUnknown(t *testing.T) {
	for _, s := range []string{"", "kilo", "KGS.", "furlong", "100", "l alc"} {
		_, err := duty.ParseUnit(s)
		require.Error(t, err, s)
		assert.ErrorIs(t, err, duty.ErrInvalidUnit)
		var ue *duty.InvalidUnitError
		require.ErrorAs(t, err, &ue)
		assert.Equal(t, s, ue.Unit)
	}
	bad := duty.Unit("furlong")
	assert.False(t, bad.Valid())
	assert.Zero(t, bad.Dimension())
	_, err := bad.Factor()
	assert.ErrorIs(t, err, duty.ErrInvalidUnit)
}

func TestUnitFactorsAndDimensions(t *testing.T) {
	// Factors to each dimension's base unit, from the definitions:
	// 1 t = 1000 kg; 1 lb = 0.45359237 kg (international pound, 1959);
	// 1 ct = 0.2 g = 0.0002 kg; 1 hl = 100 l; 1 m3 = 1000 l;
	// 1 dozen pairs = 12 × 2 = 24 items; 1 gross = 144; a proof litre is a
	// litre at 100 US proof = 50 % alcohol = 0.5 lpa; 1 kWh = 0.001 MWh.
	want := map[duty.Unit]struct {
		dim    duty.Dimension
		factor string
	}{
		duty.Tonne: {duty.Mass, "1000"}, duty.Pound: {duty.Mass, "0.45359237"},
		duty.Carat: {duty.Mass, "0.0002"}, duty.Quintal: {duty.Mass, "100"},
		duty.Hectolitre: {duty.Volume, "100"}, duty.CubicMetre: {duty.Volume, "1000"},
		duty.DozenPair: {duty.Count, "24"}, duty.Gross: {duty.Count, "144"},
		duty.ProofLitre: {duty.Alcohol, "0.5"}, duty.KilowattHour: {duty.Energy, "0.001"},
	}
	for u, w := range want {
		assert.Equal(t, w.dim, u.Dimension(), u)
		f, err := u.Factor()
		require.NoError(t, err)
		assert.True(t, f.Equal(d(w.factor)), "%s: factor %s, want %s", u, f, w.factor)
	}
	assert.Equal(t, "mass", duty.Mass.String())
	assert.Equal(t, "Dimension(99)", duty.Dimension(99).String())
}

func TestUnitJSON(t *testing.T) {
	var u duty.Unit
	require.NoError(t, json.Unmarshal([]byte(`"KGM"`), &u))
	assert.Equal(t, duty.Kilogram, u)
	assert.Equal(t, `"100kg"`, mustJSON(t, duty.Quintal))
	assert.ErrorIs(t, json.Unmarshal([]byte(`"furlong"`), &u), duty.ErrInvalidUnit)
	assert.Error(t, json.Unmarshal([]byte(`3`), &u))
}
