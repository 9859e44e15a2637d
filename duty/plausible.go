package duty

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Plausibility bounds of the figures read from data (rate strings, tariff
// tables, HTS exports, profile documents). A figure outside them is a typo
// or a hostile file, never a real tariff: the reader refuses it, naming the
// file, row or path, instead of quoting from it.
const (
	// MaxPlausiblePercent is the largest ad valorem rate, tax or fee
	// percentage accepted. The highest ad valorem duties in force are a
	// few hundred percent (agricultural tariff quotas out of quota).
	MaxPlausiblePercent = 1000
	// MaxFigureDigits is the most significant digits a figure may have
	// (a 40-digit percentage is refused).
	MaxFigureDigits = 20
)

var maxPercent = decimal.New(MaxPlausiblePercent, 0)

// implausible returns why a figure is not plausible, or "".
func implausible(d decimal.Decimal, percent bool) string {
	if n := len(d.Coefficient().String()); d.Coefficient().Sign() < 0 && n-1 > MaxFigureDigits || d.Coefficient().Sign() >= 0 && n > MaxFigureDigits {
		return fmt.Sprintf("has more than %d significant digits", MaxFigureDigits)
	}
	if percent && d.GreaterThan(maxPercent) {
		return fmt.Sprintf("is above the plausible bound of %d%%", MaxPlausiblePercent)
	}
	return ""
}
