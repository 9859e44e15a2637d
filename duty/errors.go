package duty

import (
	"errors"
	"fmt"
	"sort"

	"github.com/iorkit/iorkit/internal/jsonpath"
	"github.com/iorkit/iorkit/internal/limits"
)

// Sentinel errors. The typed errors of this package match them with
// errors.Is, so callers can test the class of a failure and still use
// errors.As to read the value that caused it.
var (
	// ErrInvalidCurrency: a currency code that is not active ISO 4217.
	ErrInvalidCurrency = errors.New("duty: invalid currency")
	// ErrInvalidCountry: a code that is not ISO 3166-1 alpha-2.
	ErrInvalidCountry = errors.New("duty: invalid country")
	// ErrInvalidAmount: an amount string that is not a decimal number.
	ErrInvalidAmount = errors.New("duty: invalid amount")
	// ErrCurrencyMismatch: arithmetic on two different currencies.
	ErrCurrencyMismatch = errors.New("duty: currency mismatch")
	// ErrDivisionByZero: division or allocation by zero.
	ErrDivisionByZero = errors.New("duty: division by zero")
	// ErrInvalidUnit: a unit spelling this package does not know.
	ErrInvalidUnit = errors.New("duty: invalid unit")
	// ErrIncompatibleUnits: a conversion across dimensions (kg to litres).
	ErrIncompatibleUnits = errors.New("duty: incompatible units")
	// ErrInvalidQuantity: a quantity string that cannot be read.
	ErrInvalidQuantity = errors.New("duty: invalid quantity")
)

func sortStrings(s []string) { sort.Strings(s) }

// clip shortens an input quoted in an error message (see jsonpath.Clip).
func clip(s string) string { return jsonpath.Clip(s) }

// LimitError reports an input over one of the limits that bound what
// iorkit reads (docs/security.md lists them): Input names what was read,
// What the limit ("size" for the whole input, otherwise the field), Limit
// the bound in bytes and Got, for a field, its length. It matches
// ErrInputLimit. The readers of every package of the module (duty, hts,
// uktt, ior, rules) return it, wrapped in their own errors.
type LimitError = limits.Error

// ErrInputLimit is matched (errors.Is) by every *LimitError.
var ErrInputLimit = limits.ErrLimit

// ErrUninitialized is matched by *UninitializedError: a method was called
// on a nil pointer, or on a zero value that only its constructor can make
// usable.
var ErrUninitialized = errors.New("duty: value not initialized")

// UninitializedError reports a method called on a nil (or unusable zero)
// value: Type is the receiver's type ("*duty.Table") and Constructor the
// function that builds a usable one ("duty.NewTable"). Every package of the
// module returns it instead of panicking.
type UninitializedError struct {
	Type        string
	Constructor string
}

func (e *UninitializedError) Error() string {
	return "iorkit: " + e.Type + " is nil or not initialized: build it with " + e.Constructor
}

// Is reports whether target is ErrUninitialized.
func (e *UninitializedError) Is(target error) bool { return target == ErrUninitialized }

// ErrUnknownName is matched by *NameError: a name outside a closed set
// (a rounding mode, a measure kind, an HS strategy).
var ErrUnknownName = errors.New("duty: unknown name")

// NameError reports a name that is not one of a closed set: what it names
// (Kind, e.g. "rounding mode"), the value given and the names allowed.
type NameError struct {
	Kind  string // what the name is of: "rounding mode", "measure kind", "HS strategy"
	Value string // the name given
	Want  string // the names allowed, for the message
}

func (e *NameError) Error() string {
	return fmt.Sprintf("duty: %s %q: want %s", e.Kind, clip(e.Value), e.Want)
}

// Is reports whether target is ErrUnknownName.
func (e *NameError) Is(target error) bool { return target == ErrUnknownName }

// ErrInvalidEntry is matched by *EntryError.
var ErrInvalidEntry = errors.New("duty: invalid entry")

// EntryError reports an Entry that Calculate cannot start on: no date, no
// lines. Problems of one line are *LineError.
type EntryError struct {
	Field string // "date", "lines"
	Msg   string
}

func (e *EntryError) Error() string { return "duty: entry " + e.Msg }

// Is reports whether target is ErrInvalidEntry.
func (e *EntryError) Is(target error) bool { return target == ErrInvalidEntry }
