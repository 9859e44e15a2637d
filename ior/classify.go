package ior

import (
	"context"
	"errors"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/rules"
)

// ErrorClass sorts an error of the engine by what a caller can do about
// it, so services and the CLI need not read error text: fix the input,
// load more data, retry later, or report a bug.
type ErrorClass string

// Error classes.
const (
	// ClassInvalid: the input is wrong (a field, a code, a currency, a
	// price target); the error names it.
	ClassInvalid ErrorClass = "invalid_input"
	// ClassUncovered: the input is fine but the data does not cover it (no
	// profile, an HS code not in the tariff, a missing exchange rate, data
	// not in force on the date, a warning refused in strict mode).
	ClassUncovered ErrorClass = "data_not_covered"
	// ClassCanceled: the context was cancelled.
	ClassCanceled ErrorClass = "canceled"
	// ClassTimeout: the context's deadline passed.
	ClassTimeout ErrorClass = "timeout"
	// ClassInternal: anything else; a bug to report.
	ClassInternal ErrorClass = "internal"
)

// Classify returns the class of err (ClassInternal for an error it does
// not know; "" for nil). It reads the table ErrorCodeOf reads: the class of
// the first sentinel err matches, trying the classes in the order
// cancelled, timeout, invalid input, not covered.
func Classify(err error) ErrorClass {
	var pe *PlanError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &pe):
		return pe.Class
	}
	for _, class := range [...]ErrorClass{ClassCanceled, ClassTimeout, ClassInvalid, ClassUncovered} {
		for _, k := range errorKinds {
			if k.class == class && errors.Is(err, k.target) {
				return class
			}
		}
	}
	return ClassInternal
}

// errorKinds gives each sentinel a caller may branch on its stable code
// (ErrorCodeOf; "" where it has none of its own) and its class (Classify;
// "" for ClassInternal). ErrorCodeOf takes the first row with a code that
// matches, so the rows with codes stand in the order of the Code
// constants; a new sentinel gets one row here, with both.
var errorKinds = [...]struct {
	target error
	code   ErrorCode
	class  ErrorClass
}{
	{context.Canceled, CodeCanceled, ClassCanceled},
	{context.DeadlineExceeded, CodeDeadline, ClassTimeout},
	{ErrInvalidShipment, CodeInvalidShipment, ClassInvalid},
	{duty.ErrNoProfile, CodeNoProfile, ClassUncovered},
	{duty.ErrNoSchedule, CodeNoSchedule, ClassUncovered},
	{duty.ErrDataExpired, CodeDataExpired, ClassUncovered},
	{duty.ErrUnknownCode, CodeUnknownCode, ClassUncovered},
	{duty.ErrNotInForce, CodeNotInForce, ClassUncovered},
	{duty.ErrNoBaseRate, CodeNoBaseRate, ClassUncovered},
	{duty.ErrMissingRate, CodeMissingRate, ClassUncovered},
	{duty.ErrMissingBasis, CodeMissingBasis, ClassInvalid},
	{duty.ErrUnsupportedRate, CodeUnsupportedRate, ClassUncovered},
	{duty.ErrCurrencyMismatch, CodeCurrencyMismatch, ClassInvalid},
	{duty.ErrStrict, CodeStrict, ClassUncovered},
	{ErrNoViewRate, CodeNoViewRate, ClassUncovered},
	{rules.ErrNoPack, CodeNoPack, ""},
	{rules.ErrRuleFailed, CodeRuleFailed, ""},
	// Sentinels with a class but no code of their own.
	{ErrInvalidValue, "", ClassInvalid},
	{ErrTargetTooLow, "", ClassInvalid},
	{ErrUnknownField, "", ClassInvalid},
	{ErrTooLong, "", ClassInvalid},
	{ErrInvalidJSON, "", ClassInvalid},
	{duty.ErrInvalidCurrency, "", ClassInvalid},
	{duty.ErrInvalidCountry, "", ClassInvalid},
	{duty.ErrInvalidAmount, "", ClassInvalid},
	{duty.ErrInvalidCode, "", ClassInvalid},
	{duty.ErrInvalidDate, "", ClassInvalid},
	{duty.ErrInvalidQuantity, "", ClassInvalid},
	{duty.ErrInvalidUnit, "", ClassInvalid},
	{duty.ErrIncompatibleUnits, "", ClassInvalid},
	{duty.ErrInputLimit, "", ClassInvalid},
	{duty.ErrInvalidRates, "", ClassInvalid},
	{duty.ErrInvalidBasis, "", ClassInvalid},
	{duty.ErrInvalidTable, "", ClassInvalid},
	{duty.ErrInvalidRegion, "", ClassInvalid},
	{duty.ErrInvalidProfile, "", ClassInvalid},
	{duty.ErrUnknownName, "", ClassInvalid},
	{duty.ErrInvalidEntry, "", ClassInvalid},
	{rules.ErrInvalidPack, "", ClassInvalid},
	{duty.ErrRateReference, "", ClassUncovered},
}
