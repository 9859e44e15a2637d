package display_test

import (
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/display"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

// A nil or zero Formatter formats in the root (English) conventions.
func TestZeroFormatter(t *testing.T) {
	var z display.Formatter
	var n *display.Formatter
	for _, f := range []*display.Formatter{&z, n} {
		assert.Equal(t, "€1,234.56", f.Money(duty.MustMoney("1234.56", "EUR")))
		assert.Equal(t, "1.5", f.Decimal(decimal.RequireFromString("1.5")))
		assert.Equal(t, "19%", f.Percent(decimal.New(19, 0)))
		assert.Equal(t, "€", f.Symbol("EUR"))
		assert.Equal(t, language.Und, f.Tag())
	}
}
