package duty

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/iso4217.csv
var iso4217CSV string

// CurrencyInfo describes one ISO 4217 currency from the embedded table.
type CurrencyInfo struct {
	Code    string // alphabetic code, e.g. "EUR"
	Numeric string // numeric code, e.g. "978"
	Minor   int32  // number of minor-unit digits: JPY 0, EUR 2, KWD 3
	Name    string // English name as ISO 4217 gives it
}

// currencyTable is parsed once from the embedded CSV. It is read-only after
// that, so sharing it is safe; it is not mutable global state.
var currencyTable = sync.OnceValue(func() map[string]CurrencyInfo {
	t := make(map[string]CurrencyInfo, 170)
	for _, line := range strings.Split(iso4217CSV, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "code,") {
			continue
		}
		f := strings.SplitN(line, ",", 4)
		if len(f) != 4 {
			panic("duty: malformed embedded ISO 4217 row: " + line) // build-time data; tested
		}
		minor, err := strconv.Atoi(f[2])
		if err != nil {
			panic("duty: malformed embedded ISO 4217 minor unit: " + line)
		}
		t[f[0]] = CurrencyInfo{Code: f[0], Numeric: f[1], Minor: int32(minor), Name: f[3]}
	}
	return t
})

// LookupCurrency returns the ISO 4217 entry for an upper-case alphabetic
// code. It returns an *InvalidCurrencyError for anything else.
func LookupCurrency(code string) (CurrencyInfo, error) {
	if info, ok := currencyTable()[code]; ok {
		return info, nil
	}
	return CurrencyInfo{}, &InvalidCurrencyError{Code: code}
}

// Currencies returns every code in the embedded ISO 4217 table, sorted.
func Currencies() []string {
	t := currencyTable()
	out := make([]string, 0, len(t))
	for c := range t {
		out = append(out, c)
	}
	sortStrings(out)
	return out
}

// InvalidCurrencyError reports a currency code that is not an active ISO 4217
// code. It matches ErrInvalidCurrency with errors.Is.
type InvalidCurrencyError struct {
	Code string
}

func (e *InvalidCurrencyError) Error() string {
	return fmt.Sprintf("duty: %q is not an active ISO 4217 currency code", clip(e.Code))
}

// Is reports whether target is ErrInvalidCurrency.
func (e *InvalidCurrencyError) Is(target error) bool { return target == ErrInvalidCurrency }
