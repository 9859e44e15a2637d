package duty_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Bad input must give an error that names the field and the value, and
// matches the package's sentinel. Each message below is the contract:
// written from what a user needs to fix the input, then checked against
// the code.

func TestBadRates(t *testing.T) {
	cases := []struct {
		in   string
		want string
		pos  int
	}{
		{"", `duty: rate "" at position 0: empty rate`, 0},
		{"5", `duty: rate "5" at position 1: expected %, ¢ or a currency after the number`, 1},
		{"5%%", `duty: rate "5%%" at position 2: unexpected second %`, 2},
		{"-5%", `duty: rate "-5%" at position 0: a rate cannot be negative`, 0},
		{"abc", `duty: rate "abc" at position 0: expected a rate component, got "abc"`, 0},
		{"1.5¢/parsec", `duty: rate "1.5¢/parsec" at position 6: unknown unit "parsec"`, 6},
		{"12 % + ", `duty: rate "12 % + " at position 7: expected a rate component, got the end of the text`, 7},
		{"12.8 % + 176.8 XYZ / 100 kg", `duty: rate "12.8 % + 176.8 XYZ / 100 kg" at position 15: unknown currency "XYZ"`, 15},
		{"1e3%", `duty: rate "1e3%" at position 1: expected %, ¢ or a currency after the number`, 1},
		{"5%)", `duty: rate "5%)" at position 2: expected +, -, MIN, MAX or the end of the rate`, 2},
		{"\xff", `duty: rate "\xff" at position 0: rate text is not valid UTF-8`, 0},
		{"Free Free", `duty: rate "Free Free" at position 5: unexpected text after "Free" (special-column text is read by ParsePreferences)`, 5},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			_, err := duty.ParseRate(c.in)
			require.Error(t, err)
			assert.EqualError(t, err, c.want)
			assert.ErrorIs(t, err, duty.ErrInvalidRate)
			var se *duty.RateSyntaxError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, c.in, se.Input)
			assert.Equal(t, c.pos, se.Pos)
		})
	}
}

func TestBadTables(t *testing.T) {
	cases := []struct {
		file   string
		want   string
		row    int
		column string
		value  string
		cause  error // a sentinel the cause matches, besides ErrInvalidTable
	}{
		{"table_empty.csv", `duty: tariff table row 1: empty input: want the header hs,kind,rate,origins,program,from,to,source`, 1, "", "", nil},
		{"table_no_hs.csv", `duty: tariff table row 1, column hs, value "": missing column: want the header hs,kind,rate,origins,program,from,to,source`, 1, "hs", "", nil},
		{"table_dup_column.csv", `duty: tariff table row 1, column hs, value "hs": column appears twice`, 1, "hs", "hs", nil},
		{"table_hs_letter.csv", `duty: tariff table row 2, column hs, value "61A9": duty: "61A9" is not an HS code: unexpected 'A': want digits, dots and spaces`, 2, "hs", "61A9", duty.ErrInvalidCode},
		{"table_hs_short.csv", `duty: tariff table row 2, column hs, value "1": duty: "1" is not an HS code: 1 digits: want 2 to 10`, 2, "hs", "1", duty.ErrInvalidCode},
		{"table_kind.csv", `duty: tariff table row 2, column kind, value "mfm": duty: measure kind "mfm": want mfn, preferential or additional`, 2, "kind", "mfm", nil},
		{"table_rate.csv", `duty: tariff table row 2, column rate, value "5%%": duty: rate "5%%" at position 2: unexpected second %`, 2, "rate", "5%%", duty.ErrInvalidRate},
		{"table_rate_empty_row4.csv", `duty: tariff table row 4, column rate, value "": duty: rate "" at position 0: empty rate`, 4, "rate", "", duty.ErrInvalidRate},
		{"table_origin.csv", `duty: tariff table row 2, column origins, value "XX": duty: "XX" is not an ISO 3166-1 alpha-2 country code`, 2, "origins", "XX", duty.ErrInvalidCountry},
		{"table_origin_lower.csv", `duty: tariff table row 2, column origins, value "cn": duty: "cn" is not an ISO 3166-1 alpha-2 country code (codes are upper case)`, 2, "origins", "cn", duty.ErrInvalidCountry},
		{"table_from.csv", `duty: tariff table row 2, column from, value "2026-13-01": want a date YYYY-MM-DD`, 2, "from", "2026-13-01", nil},
		{"table_to_before_from.csv", `duty: tariff table row 2, column to, value "2026-01-01": duty: measure on 6109: ends 2026-01-01 before it starts 2026-02-01`, 2, "to", "2026-01-01", nil},
		{"table_base.csv", `duty: tariff table row 2, column base, value "weight": want empty (customs value) or metal_content`, 2, "base", "weight", nil},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", "bad", c.file))
			require.NoError(t, err)
			defer f.Close()
			_, err = duty.ReadTable(f)
			require.Error(t, err)
			assert.EqualError(t, err, c.want)
			assert.ErrorIs(t, err, duty.ErrInvalidTable)
			var te *duty.TableError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, c.row, te.Row)
			assert.Equal(t, c.column, te.Column)
			assert.Equal(t, c.value, te.Value)
			if c.cause != nil {
				assert.ErrorIs(t, err, c.cause)
			}
		})
	}
}

func TestBadProfiles(t *testing.T) {
	// path and value are what a caller reads with errors.As (the value as
	// text: a string's content, other JSON as written).
	cases := []struct {
		file, path, value, want string
		cause                   error
	}{
		{"profile_cut_short.json", "", "", `duty: profile: the JSON document is empty or cut short`, nil},
		{"profile_trailing.json", "", "", `duty: profile: unexpected data after the JSON value`, nil},
		{"profile_unknown_field.json", "profiles[0]", "contry", `duty: profile: profiles[0]: unknown field "contry"`, nil},
		{"profile_date.json", "profiles[0].from", "2026-02-30", `duty: profile: profiles[0].from: duty: "2026-02-30" is not a date (want YYYY-MM-DD)`, duty.ErrInvalidDate},
		{"profile_tax_rate_text.json", "profiles[0].taxes[0].rate", "nineteen", `duty: profile: profiles[0].taxes[0].rate: error decoding string '"nineteen"': can't convert nineteen to decimal: multiple 'E' characters found`, nil},
		{"profile_threshold_amount_number.json", "profiles[0].de_minimis[0].amount", `{"amount":150,"currency":"EUR"}`, `duty: profile: profiles[0].de_minimis[0].amount: duty: invalid amount 150: amount must be a JSON string`, duty.ErrInvalidAmount},
		{"profile_rounding_mode.json", "profiles[0].duty_rounding.mode", "bankers", `duty: profile: profiles[0].duty_rounding.mode: duty: rounding mode "bankers": want half_up, half_even, down or up`, nil},
		{"profile_country.json", "profiles[0].country", "XX", `duty: profile: profiles[0].country (XX): duty: "XX" is not an ISO 3166-1 alpha-2 country code`, duty.ErrInvalidCountry},
		{"profile_currency.json", "profiles[0].currency", "EURO", `duty: profile: profiles[0].currency (DE): duty: "EURO" is not an active ISO 4217 currency code`, duty.ErrInvalidCurrency},
		{"profile_valuation.json", "profiles[0].valuation", "CIP", `duty: profile: profiles[0].valuation (DE): "CIP": want CIF or FOB`, nil},
		{"profile_to_before_from.json", "profiles[0].to", "2025-12-31", `duty: profile: profiles[0].to (DE): 2025-12-31 is before from 2026-01-01`, nil},
		{"profile_no_sources.json", "profiles[0].sources", "", `duty: profile: profiles[0].sources (DE): every profile names its sources`, nil},
		{"profile_tax_negative.json", "profiles[0].taxes[0].rate", "-19", `duty: profile: profiles[0].taxes[0].rate (DE): -19 is negative`, nil},
		{"profile_tax_base.json", "profiles[0].taxes[0].base", "duties", `duty: profile: profiles[0].taxes[0].base (DE): unknown part "duties"`, nil},
		{"profile_threshold_applies.json", "profiles[0].de_minimis[0].applies", "vat", `duty: profile: profiles[0].de_minimis[0].applies (DE): "vat": want duty, tax, duty_and_tax or fees`, nil},
		{"profile_threshold_compare.json", "profiles[0].de_minimis[0].compare", "value", `duty: profile: profiles[0].de_minimis[0].compare (DE): "value": want goods, customs_value, cif, item, tax_amount or duty_amount`, nil},
		{"profile_threshold_negative.json", "profiles[0].de_minimis[0].amount", "-150.00 EUR", `duty: profile: profiles[0].de_minimis[0].amount (DE): -150.00 EUR is negative`, nil},
		{"profile_fee_kind.json", "profiles[0].fees[0].kind", "per_kg", `duty: profile: profiles[0].fees[0].kind (DE): "per_kg": want percent or fixed`, nil},
		{"profile_fee_negative.json", "profiles[0].fees[0].percent", "-0.3464", `duty: profile: profiles[0].fees[0].percent (DE): -0.3464 is negative`, nil},
		{"profile_union_no_vat.json", "unions[0].members[0].vat_rate", "19", `duty: profile: unions[0].members[0].vat_rate (DE): template of union EU has no tax with code VAT to take the member's vat_rate`, nil},
		{"profile_union_member_country.json", "unions[0].members[1].country", "UK", `duty: profile: unions[0].members[1].country (UK): duty: "UK" is not an ISO 3166-1 alpha-2 country code (the ISO code of the United Kingdom is GB)`, duty.ErrInvalidCountry},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "bad", c.file))
			require.NoError(t, err)
			ps, err := duty.ReadProfiles(strings.NewReader(string(b)))
			require.Error(t, err)
			assert.Nil(t, ps)
			assert.EqualError(t, err, c.want)
			assert.ErrorIs(t, err, duty.ErrInvalidProfile)
			var pe *duty.ProfileError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, c.path, pe.Path)
			assert.Equal(t, c.value, pe.Value)
			if c.cause != nil {
				assert.ErrorIs(t, err, c.cause)
			}
		})
	}
}

// A profile built in Go and given to NewProfiles is checked as a
// document's is; the path counts the arguments.
func TestNewProfilesError(t *testing.T) {
	ps, err := duty.DefaultProfiles()
	require.NoError(t, err)
	de, err := ps.For("DE", duty.MustDate("2026-03-01"))
	require.NoError(t, err)
	bad := de
	bad.Valuation = "CIP"
	_, err = duty.NewProfiles(de, bad)
	var pe *duty.ProfileError
	require.ErrorAs(t, err, &pe)
	assert.ErrorIs(t, err, duty.ErrInvalidProfile)
	assert.Equal(t, "profiles[1].valuation", pe.Path)
	assert.Equal(t, "DE", pe.Country)
	assert.Equal(t, "CIP", pe.Value)
}

// A huge bad value is quoted clipped: at most about 100 bytes of it.
func TestProfileErrorClipsValue(t *testing.T) {
	long := strings.Repeat("x", 5000)
	for _, doc := range []string{
		`{"profiles":[{"country":"` + long + `"}]}`,
		`{"profiles":[{"from":"` + long + `"}]}`,
		`{"` + long + `":1}`,
		`{"profiles":[{"taxes":[{"rate":"` + long + `"}]}]}`,
	} {
		_, err := duty.ReadProfiles(strings.NewReader(doc))
		require.ErrorIs(t, err, duty.ErrInvalidProfile)
		assert.Less(t, len(err.Error()), 400, err.Error())
		var pe *duty.ProfileError
		require.ErrorAs(t, err, &pe)
		assert.LessOrEqual(t, len(pe.Value), 100+len("…"))
	}
}

// A set of profiles of one country whose periods overlap is refused by
// NewProfiles, naming both periods.
func TestBadProfilesOverlap(t *testing.T) {
	doc := `{"profiles":[
 {"country":"DE","name":"Germany","currency":"EUR","valuation":"CIF","from":"2026-01-01","sources":["s"]},
 {"country":"DE","name":"Germany","currency":"EUR","valuation":"CIF","from":"2026-06-01","sources":["s"]}]}`
	ps, err := duty.ReadProfiles(strings.NewReader(doc))
	require.NoError(t, err)
	_, err = duty.NewProfiles(ps...)
	assert.EqualError(t, err, "duty: profile: profiles of DE overlap: one from 2026-01-01 to (open), one from 2026-06-01")
	assert.False(t, errors.Is(err, duty.ErrInvalidTable))
}

// No error repeats more than about 100 bytes of a bad input, however long
// the input: messages end up in logs and HTTP responses.
func TestErrorsClipLongInput(t *testing.T) {
	long := strings.Repeat("x", 5000)
	digits := strings.Repeat("9", 5000) + "x"
	header := "hs,kind,rate,origins,program,from,to,source\n"
	errs := map[string]error{}
	_, errs["money amount"] = duty.ParseMoney(digits, "EUR")
	_, errs["money currency"] = duty.ParseMoney("1", long)
	_, errs["rate"] = duty.ParseRate(long)
	_, errs["rate tail"] = duty.ParseRate("5% " + long)
	_, errs["quantity"] = duty.ParseQuantity(long)
	_, errs["quantity unit"] = duty.ParseQuantity("5 " + long)
	_, errs["unit"] = duty.ParseUnit(long)
	_, errs["date"] = duty.ParseDate(long)
	errs["country"] = duty.ValidateCountry(long)
	_, errs["hs"] = duty.NormalizeHS(digits)
	_, errs["table hs"] = duty.ReadTable(strings.NewReader(header + long + ",mfn,5%,,,,,x\n"))
	_, errs["table rate"] = duty.ReadTable(strings.NewReader(header + "610910,mfn," + long + ",,,,,x\n"))
	_, errs["table kind"] = duty.ReadTable(strings.NewReader(header + "610910," + long + ",5%,,,,,x\n"))
	for name, err := range errs {
		require.Error(t, err, name)
		assert.LessOrEqual(t, longestRun(err.Error()), 100, "%s: %s", name, err)
		assert.Less(t, len(err.Error()), 600, "%s: %s", name, err)
	}
}

// longestRun is the length of the longest run of 'x' or '9' in s: how much
// of the test's long inputs a message repeats in one piece.
func longestRun(s string) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == 'x' || s[i] == '9' {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// Names outside a closed set are *NameError (ErrUnknownName); an entry
// Calculate cannot start on is an *EntryError (ErrInvalidEntry).
func TestNameAndEntryErrors(t *testing.T) {
	_, err := duty.ParseRoundingMode("bankers")
	var ne *duty.NameError
	require.ErrorAs(t, err, &ne)
	assert.Equal(t, "rounding mode", ne.Kind)
	assert.Equal(t, "bankers", ne.Value)
	_, err = duty.ParseMeasureKind("quota")
	assert.ErrorIs(t, err, duty.ErrUnknownName)
	_, err = duty.ParseHSStrategy("middle")
	assert.ErrorIs(t, err, duty.ErrUnknownName)
	assert.EqualError(t, err, `duty: HS strategy "middle": want strict, highest or lowest`)

	calc, err := duty.NewCalculator()
	require.NoError(t, err)
	_, err = calc.Calculate(context.Background(), duty.Entry{Destination: "DE"})
	var ee *duty.EntryError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, "date", ee.Field)
	_, err = calc.Calculate(context.Background(), duty.Entry{Destination: "DE", Date: duty.MustDate("2026-03-01")})
	assert.ErrorIs(t, err, duty.ErrInvalidEntry)
	assert.EqualError(t, err, "duty: entry has no lines")
}
