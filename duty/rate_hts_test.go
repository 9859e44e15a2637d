package duty

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"github.com/iorkit/iorkit/internal/shareddata"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// htsDataDir locates shared/data/usitc_hts, skipping the test when absent.
func htsDataDir(t *testing.T) string {
	t.Helper()
	return shareddata.Path(t, "usitc_hts")
}

type htsRow struct {
	hts, general, special, col2 string
}

func readHTS(t *testing.T, path string) []htsRow {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	require.NoError(t, err)
	idx := map[string]int{}
	for i, h := range head {
		idx[strings.TrimPrefix(h, "\ufeff")] = i
	}
	for _, h := range []string{"HTS Number", "General Rate of Duty", "Special Rate of Duty", "Column 2 Rate of Duty"} {
		_, ok := idx[h]
		require.Truef(t, ok, "%s: no column %q", path, h)
	}
	var rows []htsRow
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		rows = append(rows, htsRow{
			hts: rec[idx["HTS Number"]], general: rec[idx["General Rate of Duty"]],
			special: rec[idx["Special Rate of Duty"]], col2: rec[idx["Column 2 Rate of Duty"]],
		})
	}
	return rows
}

// TestParseRateHTS parses every general, special and column-2 rate of
// chapters 1-97 of the USITC exports and reports the share read as rates.
// Every line that is not read must be a classified reference.
func TestParseRateHTS(t *testing.T) {
	dir := htsDataDir(t)
	for _, name := range []string{"usitc_hts_2026_revision_3.csv", "usitc_hts_2025-04_htsdata.csv"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("%s absent", path)
			}
			rows := readHTS(t, path)
			var total, rates, refs, col2, col2Rates, special, specialRates int
			var computed, needParts, unsupported int
			// A basis with every common quantity, so that what Apply cannot
			// compute is a named part or an unsupported component.
			basis := Basis{Value: MustMoney("1000", "USD"), Polarization: decimal.NullDecimal{Decimal: decimal.NewFromInt(96), Valid: true}}
			for _, q := range []string{"100 kg", "120 item", "10 lpa", "100 l", "10 m2", "10 m", "1 MWh"} {
				basis.Quantities = append(basis.Quantities, qty(t, q))
			}
			chapter := ""
			for _, row := range rows {
				if len(row.hts) >= 2 {
					chapter = row.hts[:2]
				}
				if chapter == "" || chapter > "97" {
					continue
				}
				if row.general != "" {
					total++
					r, err := ParseRate(row.general)
					switch {
					case err == nil:
						rates++
						back, err := ParseRate(r.String())
						if err != nil || back.String() != r.String() {
							t.Errorf("%s general %q: canonical %q does not round-trip: %v", row.hts, row.general, r.String(), err)
						}
						m, err := r.Apply(basis)
						switch {
						case err == nil && m.IsZero() && !r.IsFree():
							t.Errorf("%s general %q: a zero from a rate that is not free", row.hts, row.general)
						case err == nil:
							computed++
						case errors.Is(err, ErrMissingBasis):
							needParts++
						case errors.Is(err, ErrUnsupportedRate):
							unsupported++
						default:
							t.Errorf("%s general %q: apply: %v", row.hts, row.general, err)
						}
					case errors.Is(err, ErrRateReference):
						refs++
					default:
						t.Errorf("%s general %q: %v", row.hts, row.general, err)
					}
				}
				if row.col2 != "" {
					col2++
					r, err := ParseRate(row.col2)
					if err == nil {
						col2Rates++
						back, err := ParseRate(r.String())
						if err != nil || back.String() != r.String() {
							t.Errorf("%s column 2 %q: canonical %q does not round-trip: %v", row.hts, row.col2, r.String(), err)
						}
					} else if !errors.Is(err, ErrRateReference) {
						t.Errorf("%s column 2 %q: %v", row.hts, row.col2, err)
					}
				}
				if row.special != "" {
					special++
					ps, err := ParsePreferences(row.special)
					if err != nil {
						t.Errorf("%s special %q: %v", row.hts, row.special, err)
						continue
					}
					ok := true
					for _, p := range ps {
						if p.Reference != nil {
							ok = false
						}
					}
					if ok {
						specialRates++
					}
				}
			}
			share := float64(rates) / float64(total) * 100
			t.Logf("%s: general %d lines, %d rates (%.2f%%), %d classified references, %d errors", name, total, rates, share, refs, total-rates-refs)
			t.Logf("%s: general rates applied to a full basis: %d computed, %d need a named part, %d unsupported (ErrUnsupportedRate)", name, computed, needParts, unsupported)
			t.Logf("%s: column 2 %d lines, %d rates; special %d lines, %d without references", name, col2, col2Rates, special, specialRates)
			require.Equal(t, total, rates+refs, "every general-column line is a rate or a classified reference")
			require.GreaterOrEqual(t, share, 99.5, "share of general-column lines read as rates")
		})
	}
}

// TestParseRateHTSChapter99 parses the general column of the chapter 99
// JSON exports: additional duties, mostly "The duty provided in the
// applicable subheading + 25%".
func TestParseRateHTSChapter99(t *testing.T) {
	dir := htsDataDir(t)
	for _, name := range []string{"usitc_hts_ch99_2026-02.json", "usitc_hts_ch99_2026-04.json"} {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Skipf("%s absent", name)
			}
			var rows []struct {
				HTS     string `json:"htsno"`
				General string `json:"general"`
			}
			require.NoError(t, json.Unmarshal(b, &rows))
			var total, rates, onBase, refs int
			for _, row := range rows {
				if strings.TrimSpace(row.General) == "" {
					continue
				}
				total++
				r, err := ParseRate(row.General)
				switch {
				case err == nil:
					rates++
					if r.AdditionalOnBase() {
						onBase++
					}
					back, err := ParseRate(r.String())
					if err != nil || back.String() != r.String() {
						t.Errorf("%s %q: canonical %q does not round-trip: %v", row.HTS, row.General, r.String(), err)
					}
				case errors.Is(err, ErrRateReference):
					refs++
				default:
					t.Errorf("%s %q: %v", row.HTS, row.General, err)
				}
			}
			t.Logf("%s: %d general rates, %d read (%d additional on the base duty), %d classified references", name, total, rates, onBase, refs)
			require.Equal(t, total, rates+refs)
		})
	}
}
