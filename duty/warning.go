// Warnings: what an assessment used beyond what its data asserts, and the
// strict mode that refuses such an assessment.

package duty

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// WarningCode is the stable, machine-readable code of a Warning. Callers
// branch on it; the message is for people.
type WarningCode string

// Warning codes. Each says how a figure of the assessment goes beyond what
// its data asserts. A quote without warnings is one iorkit stands behind.
const (
	// StaleData: a figure used past its known period or its review date
	// (a fee whose fiscal year ended and whose successor is not in the
	// data: the last known figure applies).
	StaleData WarningCode = "STALE_DATA"
	// ReferenceTariff: a duty rate from an older official edition of the
	// tariff (named in the warning), used because no current schedule of
	// the destination is loaded.
	ReferenceTariff WarningCode = "REFERENCE_TARIFF"
	// SampleTariff: a duty rate from the embedded sample tariff, a few
	// common lines copied from official schedules; not a full schedule.
	SampleTariff WarningCode = "SAMPLE_TARIFF"
	// FXRateAge: an exchange rate of an earlier day than the entry date,
	// because the rate data ends earlier (the warning names the rate's day).
	FXRateAge WarningCode = "FX_RATE_AGE"
	// LayersNotLoaded: additional duties are known to exist for goods of
	// this origin in this destination (US Section 301 on CN origin...) but
	// the data does not say whether this line is covered.
	LayersNotLoaded WarningCode = "LAYERS_NOT_LOADED"
	// HSResolved: a code shorter than the schedule's lines was resolved to
	// them: all lines below it share one set of measures, or a strategy
	// (highest, lowest) chose one; the warning names the lines.
	HSResolved WarningCode = "HS_RESOLVED"
	// NotModelled: a rule that docs/accuracy.md lists as not modelled
	// applies to this shipment; the figures leave it out.
	NotModelled WarningCode = "NOT_MODELLED"
	// TariffQuota: a tariff quota at a lower rate exists for the goods and
	// origin; whether an allocation is open is not known to the quote, so
	// the rate outside the quota is charged (the warning names the order
	// numbers).
	TariffQuota WarningCode = "TARIFF_QUOTA"
	// MeasureCondition: a measure depends on something the quote cannot
	// check: a document that grants a preference or waives a duty, a
	// suspension for goods described only in footnotes, an end-use
	// authorisation. The rate charged is the one without it.
	MeasureCondition WarningCode = "MEASURE_CONDITION"
	// AdditionalCode: the tariff sets rates per additional code (a
	// substance list, an exporter named in an anti-dumping regulation) and
	// the goods were given none: the highest rate is charged and the
	// warning lists the codes.
	AdditionalCode WarningCode = "ADDITIONAL_CODE"
)

// WarningCodes lists every code, in the order of the constants.
func WarningCodes() []WarningCode {
	return []WarningCode{StaleData, ReferenceTariff, SampleTariff, FXRateAge, LayersNotLoaded, HSResolved, NotModelled, TariffQuota, MeasureCondition, AdditionalCode}
}

// Warning is one thing an assessment assumed: its stable Code, a message
// for people, the 0-based index of the line it concerns (nil for the
// entry) and the figure it concerns (Subject: "MFN 6109.10.00", "fee MPF",
// "USD/EUR"). Edition names the data the figure comes from when that is
// the point (the reference edition, the rate's day).
type Warning struct {
	Code    WarningCode `json:"code"`
	Message string      `json:"message"`
	Line    *int        `json:"line,omitempty"`
	Subject string      `json:"subject,omitempty"`
	Edition string      `json:"edition,omitempty"`
}

// String formats as "SAMPLE_TARIFF line 0 (MFN 6109.10): message".
func (w Warning) String() string {
	var b strings.Builder
	b.WriteString(string(w.Code))
	if w.Line != nil {
		b.WriteString(" line ")
		b.WriteString(strconv.Itoa(*w.Line))
	}
	if w.Subject != "" {
		b.WriteString(" (")
		b.WriteString(w.Subject)
		b.WriteString(")")
	}
	b.WriteString(": ")
	b.WriteString(w.Message)
	return b.String()
}

// ErrStrict is matched by *StrictError.
var ErrStrict = errors.New("duty: strict mode refuses an estimate")

// StrictError is what strict mode returns instead of an assessment or a
// quote that carries warnings: every warning, so the caller can see what
// data it would need. It matches ErrStrict.
type StrictError struct {
	Warnings []Warning
}

func (e *StrictError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "duty: strict mode: %d warning(s): ", len(e.Warnings))
	for i, w := range e.Warnings {
		if i > 0 {
			b.WriteString("; ")
		}
		if i == 5 {
			fmt.Fprintf(&b, "and %d more", len(e.Warnings)-i)
			break
		}
		b.WriteString(w.String())
	}
	return b.String()
}

// Is reports whether target is ErrStrict.
func (e *StrictError) Is(target error) bool { return target == ErrStrict }

// Has reports whether one of the warnings has the code.
func (e *StrictError) Has(code WarningCode) bool {
	for _, w := range e.Warnings {
		if w.Code == code {
			return true
		}
	}
	return false
}

// warn records a warning once: a second warning with the same code, line,
// subject and edition is dropped.
func (k *calc) warn(code WarningCode, line int, subject, edition, msg string) {
	var lp *int
	if line >= 0 && line < len(k.lineIdx) {
		lp = &k.lineIdx[line]
	}
	for _, w := range k.a.Warnings {
		if w.Code == code && w.Subject == subject && w.Edition == edition && ((w.Line == nil && lp == nil) || (w.Line != nil && lp != nil && *w.Line == *lp)) {
			return
		}
	}
	k.a.Warnings = append(k.a.Warnings, Warning{Code: code, Message: msg, Line: lp, Subject: subject, Edition: edition})
}

// measureWarning turns the provenance of a measure used on line i into a
// warning (Measure.Caveat, Measure.Edition).
func (k *calc) measureWarning(i int, m Measure, what string) {
	if m.Caveat == "" {
		return
	}
	subject := what + " " + m.HS
	msg := m.Note
	if msg == "" {
		switch m.Caveat {
		case SampleTariff:
			msg = "rate from the embedded sample tariff, not a full schedule"
		case ReferenceTariff:
			msg = "rate from an older official edition of the tariff"
		case StaleData:
			msg = "rate used past its known period"
		default:
			msg = "rate used beyond what the data asserts"
		}
		if m.Edition != "" {
			msg += " (" + m.Edition + ")"
		}
		msg += "; load the current schedule with WithSchedule"
	}
	k.warn(m.Caveat, i, subject, m.Edition, msg)
}
