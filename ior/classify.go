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
// not know; "" for nil).
func Classify(err error) ErrorClass {
	var pe *PlanError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &pe):
		return pe.Class
	case errors.Is(err, context.Canceled):
		return ClassCanceled
	case errors.Is(err, context.DeadlineExceeded):
		return ClassTimeout
	case errors.Is(err, ErrInvalidShipment), errors.Is(err, ErrInvalidValue), errors.Is(err, ErrTargetTooLow),
		errors.Is(err, duty.ErrInvalidCurrency), errors.Is(err, duty.ErrInvalidCountry), errors.Is(err, duty.ErrInvalidAmount),
		errors.Is(err, duty.ErrInvalidCode), errors.Is(err, duty.ErrInvalidDate), errors.Is(err, duty.ErrInvalidQuantity),
		errors.Is(err, duty.ErrInvalidUnit), errors.Is(err, duty.ErrIncompatibleUnits), errors.Is(err, duty.ErrMissingBasis),
		errors.Is(err, duty.ErrCurrencyMismatch), errors.Is(err, ErrUnknownField), errors.Is(err, ErrTooLong),
		errors.Is(err, ErrInvalidJSON), errors.Is(err, duty.ErrInputLimit), errors.Is(err, duty.ErrInvalidRates),
		errors.Is(err, duty.ErrInvalidBasis), errors.Is(err, duty.ErrInvalidTable), errors.Is(err, duty.ErrInvalidRegion),
		errors.Is(err, duty.ErrInvalidProfile), errors.Is(err, duty.ErrUnknownName), errors.Is(err, duty.ErrInvalidEntry),
		errors.Is(err, rules.ErrInvalidPack):
		return ClassInvalid
	case errors.Is(err, duty.ErrNoProfile), errors.Is(err, duty.ErrUnknownCode), errors.Is(err, duty.ErrNotInForce),
		errors.Is(err, duty.ErrNoSchedule), errors.Is(err, duty.ErrNoBaseRate), errors.Is(err, duty.ErrMissingRate),
		errors.Is(err, duty.ErrDataExpired), errors.Is(err, duty.ErrUnsupportedRate), errors.Is(err, duty.ErrRateReference),
		errors.Is(err, ErrNoViewRate), errors.Is(err, duty.ErrStrict):
		return ClassUncovered
	}
	return ClassInternal
}
