package ior

import (
	"errors"
	"fmt"
	"strings"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/rules"
)

// Sentinel errors. FieldError and ValidationError match them with errors.Is.
var (
	// ErrInvalidShipment is matched by every *ValidationError.
	ErrInvalidShipment = errors.New("ior: invalid shipment")
	// ErrRequired: a required field is missing.
	ErrRequired = errors.New("ior: required")
	// ErrInvalidHS: a tariff code that is not 6 to 10 digits.
	ErrInvalidHS = errors.New("ior: invalid HS code")
	// ErrInvalidIncoterm: not an Incoterms 2020 rule.
	ErrInvalidIncoterm = errors.New("ior: invalid incoterm")
	// ErrInvalidMode: not a known mode of transport.
	ErrInvalidMode = errors.New("ior: invalid mode")
	// ErrInvalidKind: a party kind other than business or consumer.
	ErrInvalidKind = errors.New("ior: invalid party kind")
	// ErrInvalidValue: a number out of its range (negative price, zero quantity).
	ErrInvalidValue = errors.New("ior: invalid value")
	// ErrTooManyLines: more than MaxLines lines.
	ErrTooManyLines = errors.New("ior: too many lines")
	// ErrTooLong: a string over MaxStringBytes or a list over MaxListItems.
	ErrTooLong = errors.New("ior: too long")
	// ErrInvalidJSON: a shipment document that is not JSON, or has data
	// after it (ReadShipment).
	ErrInvalidJSON = errors.New("ior: invalid JSON")
	// ErrMixedCurrency: lines, freight and insurance in different currencies.
	ErrMixedCurrency = errors.New("ior: mixed currencies")
	// ErrInvalidRegion: an ISO 3166-2 code that is malformed or of another country.
	ErrInvalidRegion = errors.New("ior: invalid region")
)

// FieldError is one problem of a shipment: the field's path
// (lines[2].hs), the value given (clipped to about 100 bytes) and what is
// wrong.
type FieldError struct {
	Path  string
	Value string
	Msg   string
	Err   error // a sentinel of this package or of duty
}

func (e *FieldError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	}
	return fmt.Sprintf("%s: %q %s", e.Path, e.Value, e.Msg)
}

// Unwrap returns the sentinel.
func (e *FieldError) Unwrap() error { return e.Err }

// ValidationError lists every problem Validate found, in field order.
type ValidationError struct {
	Problems []*FieldError
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("ior: invalid shipment: ")
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Is reports whether target is ErrInvalidShipment.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidShipment }

// Unwrap returns every problem, so errors.Is(err, ErrInvalidHS) tells
// whether any of them is an invalid HS code.
func (e *ValidationError) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

// ErrorCode is a stable name for a class of error of Decide, Quote and
// Plan, for callers that pass errors on as data (JSON, logs, metrics): see
// ErrorCodeOf. It is itself an error, so that errors.Is(err, code) works on
// a *PlanError read back from JSON.
type ErrorCode string

// Error implements error.
func (c ErrorCode) Error() string { return string(c) }

// The codes ErrorCodeOf gives, most specific first.
const (
	CodeCanceled         ErrorCode = "canceled"          // the context was cancelled
	CodeDeadline         ErrorCode = "deadline_exceeded" // the context's deadline passed
	CodeInvalidShipment  ErrorCode = "invalid_shipment"  // ErrInvalidShipment
	CodeNoProfile        ErrorCode = "no_profile"        // duty.ErrNoProfile
	CodeNoSchedule       ErrorCode = "no_schedule"       // duty.ErrNoSchedule
	CodeDataExpired      ErrorCode = "data_expired"      // duty.ErrDataExpired
	CodeUnknownCode      ErrorCode = "unknown_code"      // duty.ErrUnknownCode
	CodeNotInForce       ErrorCode = "not_in_force"      // duty.ErrNotInForce
	CodeNoBaseRate       ErrorCode = "no_base_rate"      // duty.ErrNoBaseRate
	CodeMissingRate      ErrorCode = "missing_rate"      // duty.ErrMissingRate (exchange rate)
	CodeMissingBasis     ErrorCode = "missing_basis"     // duty.ErrMissingBasis
	CodeUnsupportedRate  ErrorCode = "unsupported_rate"  // duty.ErrUnsupportedRate
	CodeCurrencyMismatch ErrorCode = "currency_mismatch" // duty.ErrCurrencyMismatch
	CodeStrict           ErrorCode = "strict"            // duty.ErrStrict: an estimate refused in strict mode
	CodeNoViewRate       ErrorCode = "no_view_rate"      // ErrNoViewRate: no rate into a view's display currency
	CodeNoPack           ErrorCode = "no_pack"           // rules.ErrNoPack
	CodeRuleFailed       ErrorCode = "rule_failed"       // rules.ErrRuleFailed
	CodeRuleStopped      ErrorCode = "rule_stopped"      // *rules.CostError over its budget
	CodeLine             ErrorCode = "line"              // duty.ErrLine for another cause
	CodeOther            ErrorCode = "error"             // anything else
)

// ErrorCodeOf classifies an error of Decide, Quote or Plan by the first
// sentinel it matches, in the order of the Code constants; nil gives "".
func ErrorCodeOf(err error) ErrorCode {
	if err == nil {
		return ""
	}
	var pe *PlanError
	if errors.As(err, &pe) {
		return pe.Code
	}
	for _, k := range errorKinds {
		if k.code != "" && errors.Is(err, k.target) {
			return k.code
		}
	}
	var ce *rules.CostError
	switch {
	case errors.As(err, &ce):
		return CodeRuleStopped
	case errors.Is(err, duty.ErrLine):
		return CodeLine
	}
	return CodeOther
}
