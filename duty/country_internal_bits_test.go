package duty

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The bit set answers as the table does for every two-letter code.
func TestValidCountryBitsMatchTable(t *testing.T) {
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			assert.Equal(t, countryTable()[code], ValidCountry(code), code)
		}
	}
	for _, code := range []string{"", "D", "de", "DEU", "D1", "1E", "É"} {
		assert.Equal(t, countryTable()[code], ValidCountry(code), code)
	}
}
