package duty

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// endlessReader never ends, like /dev/zero.
type endlessReader struct{ b byte }

func (e endlessReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.b
	}
	return len(p), nil
}

func TestReadTableRejectsOverlaps(t *testing.T) {
	const head = "hs,kind,rate,origins,program,from,to,source\n"
	for _, tc := range []struct {
		name, rows string
		row        int    // the row reported
		prev       string // the row it overlaps
	}{
		{"duplicate row", "6109,mfn,20%,,,,,a\n6109,mfn,20%,,,,,a\n", 3, "row 2"},
		{"same layer twice", "61,additional,7.5%,CN,9903.88.15,2019-09-01,,a\n6109,mfn,16.5%,,,,,b\n61,additional,7.5%,CN,9903.88.15,2020-01-01,,c\n", 4, "row 2"},
		{"open origins overlap a listed one", "6109,preferential,Free,CA MX,S,,,a\n6109,preferential,5%,MX,S,,,b\n", 3, "row 2"},
		{"all origins overlap one origin", "6109,additional,10%,,X,,,a\n6109,additional,10%,CN,X,,,b\n", 3, "row 2"},
		// the first period ends on 2025-12-31 inclusive, the second starts
		// that same day: one day in common
		{"inclusive end shares a day", "6109,mfn,16.5%,,,2020-01-01,2025-12-31,a\n6109,mfn,16%,,,2025-12-31,,b\n", 3, "row 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadTable(strings.NewReader(head + tc.rows))
			require.Error(t, err)
			var te *TableError
			require.True(t, errors.As(err, &te), "%v", err)
			assert.Equal(t, tc.row, te.Row)
			assert.Contains(t, err.Error(), "overlaps "+tc.prev)
		})
	}
	// What may coexist: consecutive periods, other origins, other programmes,
	// other kinds, other prefixes.
	ok := head + `6109,mfn,16.5%,,,2020-01-01,2025-12-31,a
6109,mfn,16%,,,2026-01-01,,b
6109,preferential,Free,CA MX,S,,,c
6109,preferential,Free,KR,KR,,,d
6109,preferential,Free,CL,CL,,,e
6109,additional,7.5%,CN,9903.88.15,,,f
6109,additional,10%,CN,9903.01.24,,,g
6109.10,mfn,16.5%,,,,,h
`
	tb, err := ReadTable(strings.NewReader(ok))
	require.NoError(t, err)
	assert.Equal(t, 8, tb.Len())

	// A layer file read into a table that already has the layer.
	_, err = ReadTable(strings.NewReader(head+"6109,additional,7.5%,CN,9903.88.15,,,again\n"), IntoTable(tb))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "overlaps a measure already in the table")
}

func TestReadTableRejectsUnknownColumn(t *testing.T) {
	// "orgins" misspelt: read before, it made the KR preference apply to
	// every origin.
	_, err := ReadTable(strings.NewReader("hs,kind,rate,orgins,program\n6109,preferential,Free,KR,KR\n"))
	var te *TableError
	require.True(t, errors.As(err, &te), "%v", err)
	assert.Equal(t, 1, te.Row)
	assert.Equal(t, "orgins", te.Column)
	// The optional columns are known.
	_, err = ReadTable(strings.NewReader("hs,kind,rate,excludes,base\n7208,additional,50%,9903.81,metal_content\n"))
	assert.NoError(t, err)
}

func TestReadTableLimits(t *testing.T) {
	// Size: an endless input stops at the limit with a *LimitError.
	_, err := ReadTable(io.MultiReader(strings.NewReader("hs,kind,rate\n"), endlessReader{'\n'}), TableMaxBytes(1<<16))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInputLimit)
	assert.ErrorIs(t, err, ErrInvalidTable)
	var le *LimitError
	require.True(t, errors.As(err, &le))
	assert.Equal(t, int64(1<<16), le.Limit)

	// Without TableMaxBytes the default applies; an input below it reads.
	_, err = ReadTable(strings.NewReader("hs,kind,rate\n6109,mfn,20%\n"), TableMaxBytes(26))
	assert.NoError(t, err, "26 bytes (13 + 13) is exactly the input's size")
	_, err = ReadTable(strings.NewReader("hs,kind,rate\n6109,mfn,20%\n"), TableMaxBytes(25))
	assert.ErrorIs(t, err, ErrInputLimit)

	// Field length: one cell over MaxFieldBytes names the row and column.
	long := strings.Repeat("x", MaxFieldBytes+1)
	_, err = ReadTable(strings.NewReader("hs,kind,rate,source\n6109,mfn,20%," + long + "\n"))
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, `line 2: column "source"`, le.What)
	assert.Equal(t, int64(MaxFieldBytes+1), le.Got)
}

func TestReadProfilesLimits(t *testing.T) {
	_, err := ReadProfiles(io.MultiReader(strings.NewReader(`{"profiles":[`), endlessReader{' '}))
	assert.ErrorIs(t, err, ErrInputLimit)
	long := strings.Repeat("x", MaxFieldBytes+1)
	_, err = ReadProfiles(strings.NewReader(`{"profiles":[{"country":"DE","name":"` + long + `"}]}`))
	var le *LimitError
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, "profiles[0].name", le.What)
}

func TestApplyRefusesNegativeAndZeroBasis(t *testing.T) {
	r, err := ParseRate("4.4¢/kg + 6%")
	require.NoError(t, err)
	kg := func(v string) Quantity { q, err := ParseQuantity(v + " kg"); require.NoError(t, err); return q }
	usd := func(v string) Money { return MustMoney(v, "USD") }

	// 100 kg at 4.4¢ = 4.40 USD, plus 6% of 1000 = 60: 64.40 USD.
	m, err := r.Apply(Basis{Value: usd("1000"), Quantities: []Quantity{kg("100")}})
	require.NoError(t, err)
	assert.Equal(t, "64.4", m.Amount().String())

	// -100 kg gave -4.40 + 60 = 55.60 USD, a plausible wrong figure: now an error.
	_, err = r.Apply(Basis{Value: usd("1000"), Quantities: []Quantity{kg("-100")}})
	var ib *InvalidBasisError
	require.True(t, errors.As(err, &ib), "%v", err)
	assert.ErrorIs(t, err, ErrInvalidBasis)
	assert.Equal(t, "quantity", ib.What)
	assert.Equal(t, "-100", ib.Value)

	// A negative value: 4.40 + 6% of -1000 = -55.60 was clamped to zero.
	_, err = r.Apply(Basis{Value: usd("-1000"), Quantities: []Quantity{kg("100")}})
	require.True(t, errors.As(err, &ib), "%v", err)
	assert.Equal(t, "value", ib.What)

	// Zero kilograms where the rate charges per kilogram: missing data, not
	// a free line.
	_, err = r.Apply(Basis{Value: usd("1000"), Quantities: []Quantity{kg("0")}})
	require.True(t, errors.As(err, &ib), "%v", err)
	assert.Equal(t, "0", ib.Value)
	assert.Contains(t, err.Error(), "is zero, and the rate charges on it")

	// Zero value with an ad valorem rate is a real zero (a free sample).
	adv, err := ParseRate("6%")
	require.NoError(t, err)
	m, err = adv.Apply(Basis{Value: usd("0")})
	require.NoError(t, err)
	assert.True(t, m.Amount().IsZero())

	// A part's negative quantity is refused too.
	_, err = adv.Apply(Basis{Value: usd("10"), Parts: map[string]Basis{"case": {Value: usd("1"), Quantities: []Quantity{kg("-1")}}}})
	require.True(t, errors.As(err, &ib), "%v", err)
	assert.Equal(t, "case", ib.Part)
}

func TestPlausibilityAtLoad(t *testing.T) {
	// A tariff table row with a 1500% duty, or a 40-digit percentage.
	for _, rate := range []string{"1500%", "1234567890123456789012345678901234567890%", "1.23456789012345678901234567%"} {
		_, err := ReadTable(strings.NewReader("hs,kind,rate\n6109,mfn," + rate + "\n"))
		var te *TableError
		require.True(t, errors.As(err, &te), "%s: %v", rate, err)
		assert.Equal(t, 2, te.Row)
		assert.Equal(t, "rate", te.Column)
	}
	// 1000% itself is accepted.
	_, err := ReadTable(strings.NewReader("hs,kind,rate\n6109,mfn,1000%\n"))
	assert.NoError(t, err)

	// A profile with a VAT of 1900% (a decimal point lost) or a region
	// that is no subdivision.
	doc := func(tax string) string {
		return `{"profiles":[{"country":"CA","name":"Canada","currency":"CAD","valuation":"FOB","from":"2026-01-01","sources":["s"],
 "taxes":[` + tax + `]}]}`
	}
	_, err = ReadProfiles(strings.NewReader(doc(`{"code":"GST","name":"GST","rate":"1900","from":"2026-01-01","source":"s"}`)))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "taxes[0].rate")
	assert.Contains(t, err.Error(), "above the plausible bound of 1000%")
	_, err = ReadProfiles(strings.NewReader(doc(`{"code":"HST","name":"HST","rate":"13","regions":["CA-0N"],"from":"2026-01-01","source":"s"}`)))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidRegion)
	assert.Contains(t, err.Error(), "taxes[0].regions[0]")
	_, err = ReadProfiles(strings.NewReader(doc(`{"code":"HST","name":"HST","rate":"13","regions":["CA-ON"],"from":"2026-01-01","source":"s"}`)))
	assert.NoError(t, err)
}

// An unknown TARIC unit qualifier after the unit is a syntax error naming
// it; read before as a part of the goods, it asked the entry for a
// quantity no caller could know was meant.
func TestUnknownUnitQualifier(t *testing.T) {
	_, err := ParseRate("10% + 100 GBP / 100 kg / ABC", InCurrency("GBP"))
	var se *RateSyntaxError
	require.True(t, errors.As(err, &se), "%v", err)
	// "10% + 100 GBP / 100 kg / " is 25 bytes: ABC starts at offset 25.
	assert.Equal(t, 25, se.Pos)
	assert.Contains(t, err.Error(), `unknown unit qualifier "ABC"`)
	r, err := ParseRate("10% + 100 GBP / 100 kg / net drained wt", InCurrency("GBP"))
	require.NoError(t, err)
	assert.Equal(t, "10% + 100 GBP/100kg on drained weight", r.String())
}
