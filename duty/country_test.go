package duty_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

func TestValidCountry(t *testing.T) {
	for _, c := range []string{"DE", "US", "GB", "CN", "JP", "CA", "AU", "NO", "CH", "BQ", "CW", "SS", "AX"} {
		assert.True(t, duty.ValidCountry(c), c)
		assert.NoError(t, duty.ValidateCountry(c), c)
	}
}

func TestValidateCountryRejects(t *testing.T) {
	cases := []struct {
		code, hint string
	}{
		{"UK", "GB"},
		{"EU", "customs union"},
		{"XK", "Kosovo"},
		{"SU", "withdrawn"},
		{"DEU", "alpha-2"},
		{"de", "upper case"},
		{"", ""},
		{"D", ""},
		{"ZZ", ""},
		{"YU", ""},
	}
	for _, c := range cases {
		t.Run(c.code, func(t *testing.T) {
			assert.False(t, duty.ValidCountry(c.code))
			err := duty.ValidateCountry(c.code)
			require.Error(t, err)
			assert.ErrorIs(t, err, duty.ErrInvalidCountry)
			var ce *duty.InvalidCountryError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, c.code, ce.Code)
			assert.Contains(t, err.Error(), "is not an ISO 3166-1 alpha-2 country code")
			assert.Contains(t, err.Error(), c.hint)
		})
	}
}
