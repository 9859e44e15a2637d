// Command iorkit quotes landed cost and decides the importer of record for
// shipments given as JSON, on the embedded defaults or on data you load.
//
//	iorkit quote FILE [--json] [--lang TAG] [--rates FILE] [--schedule AREA=FILE.csv]
//	iorkit decide FILE [--json] [--packs DIR]
//	iorkit plan FILE --to DE,GB,US,CA,BR,IN,JP,AU [--json]
//	iorkit rate "4.4¢/kg + 6%" --value "1000 USD" --qty "100 kg"
//
// Run "iorkit help" for every command.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/iorhttp"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `iorkit: importer of record and landed cost, offline and exact.

Usage:
  iorkit quote FILE [flags]     landed-cost quote for a shipment (JSON)
  iorkit decide FILE [flags]    who should act as importer of record, and what it needs
  iorkit plan FILE --to CC,CC   decision and quote for each destination
  iorkit rate RATE [flags]      parse a duty rate and apply it
  iorkit serve [--addr HOST:PORT]  the HTTP API (POST /v1/quote, /v1/decide, /v1/plan,
                                /v1/price; GET /v1/openapi.json, /healthz) until SIGTERM
  iorkit tariff fetch --service uk|xi --cache DIR CODE...
                                fetch UK Online Trade Tariff documents into a cache
                                (see "iorkit tariff help")
  iorkit rules lint [DIR]       compile rule packs (default: the embedded ones),
                                print errors with positions and each rule's cost
  iorkit version [--files] [--json]
                                the embedded data set's version (ior.DataVersion);
                                --files lists each data file with its SHA-256
  iorkit help                   this text

Flags of quote, decide and plan:
  --json                  print the quote as JSON
  --rates FILE            exchange rates: JSON object {"USD/EUR": "0.92", ...},
                          instead of the embedded customs rates (ECB, HMRC)
  --schedule AREA=FILE    load a tariff CSV (hs,kind,rate,origins,program,from,to,source)
                          for a country or "EU"; repeatable
  --partial               quote what can be quoted; mark the other lines
  --hs STRATEGY           a short HS code whose lines differ: highest (the default)
                          or lowest (flagged HS_RESOLVED), strict (an error)
  --strict                refuse a quote that carries warnings (sample or
                          reference rates, stale figures, resolved short codes...)
  --no-sample             do not use the embedded sample tariff
  --no-reference          do not use the embedded EU and GB reference tariffs
                          (2020 CET, 2021 UK Global Tariff) and the Swiss rule
  --no-default-rates      do not use the embedded customs exchange rates
  --hts FILE              a USITC HTS export (.csv or .json) as the US tariff
  --uktt-cache DIR        the UK Online Trade Tariff cache of "iorkit tariff fetch":
                          UK documents as the GB tariff, XI documents as the EU's
  --packs DIR             rule packs (*.json) to evaluate; repeatable
  --to CC,CC              (plan) the destinations
  --lang TAG              format amounts for a language: --lang de prints 183,04 €
                          (default: 183.04 EUR; JSON output is never localized)

Exit codes: 0 done, 1 internal error (a bug), 2 usage (command, flag or
argument), 3 invalid input (shipment, rates or another file), 4 the data
does not cover the shipment, 5 interrupted or timed out. With --json an
error is also printed on standard output as {"error": {"code", "class", "message",
"path", "problems"}}, the shape of the HTTP API.

Flags of rate:
  --value "AMOUNT CUR"    customs value, e.g. "1000 USD"
  --qty "N UNIT"          a quantity, e.g. "100 kg"; repeatable
  --currency CUR          currency of $ and ¢ in the rate (default USD)
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var cmd func([]string, io.Writer) error
	switch args[0] {
	case "quote":
		cmd = cmdQuote
	case "rate":
		cmd = cmdRate
	case "decide":
		cmd = cmdDecide
	case "plan":
		cmd = cmdPlan
	case "rules":
		cmd = cmdRules
	case "serve":
		cmd = cmdServe
	case "tariff":
		cmd = cmdTariff
	case "version":
		cmd = cmdVersion
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	default:
		fmt.Fprintf(stderr, "iorkit: unknown command %q\n\n%s", escape(args[0]), usage)
		return exitUsage
	}
	out := stdout
	if !wantsJSON(args[1:]) {
		// Text output quotes names, codes and findings from the input:
		// no control sequence of theirs reaches the terminal.
		out = &escapingWriter{w: stdout}
	}
	err := guarded(func() error { return cmd(args[1:], out) })
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	if err == nil {
		return exitOK
	}
	code := exitCode(err)
	if wantsJSON(args[1:]) {
		_, body := iorhttp.Describe(err)
		switch {
		case code == exitUsage:
			body.Code, body.Class = "usage", string(ior.ClassInvalid)
		case code == exitInvalid && body.Class == string(ior.ClassInternal):
			// A file named on the command line that cannot be read: what
			// only the CLI can tell, invalid input as its exit code says.
			body.Code, body.Class = string(ior.ClassInvalid), string(ior.ClassInvalid)
		}
		_ = writeJSON(stdout, struct {
			Error iorhttp.APIError `json:"error"`
		}{body})
	}
	fmt.Fprintf(stderr, "iorkit %s: %s\n", args[0], escape(err.Error()))
	return code
}

// internalError is a panic caught by guarded: a bug, reported in one line
// (exit code 1) instead of a runtime stack trace.
type internalError struct{ v any }

func (e *internalError) Error() string {
	return fmt.Sprintf("internal error (a bug; please report it with the input): %v", e.v)
}

// guarded runs f, turning a panic into an *internalError.
func guarded(f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &internalError{v}
		}
	}()
	return f()
}

// Exit codes of the command, so scripts can tell whose move it is.
const (
	exitOK        = 0
	exitInternal  = 1 // a bug: report it
	exitUsage     = 2 // unknown command, bad flag or argument
	exitInvalid   = 3 // the shipment, rates or another input file is wrong (or missing)
	exitUncovered = 4 // the data does not cover the shipment (or strict mode refused an estimate)
	exitCanceled  = 5 // interrupted or timed out
)

// usageError is a mistake in the command line itself.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

func exitCode(err error) int {
	var ue *usageError
	var pe *fs.PathError
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case errors.As(err, &pe):
		return exitInvalid
	}
	switch ior.Classify(err) {
	case ior.ClassInvalid:
		return exitInvalid
	case ior.ClassUncovered:
		return exitUncovered
	case ior.ClassCanceled, ior.ClassTimeout:
		return exitCanceled
	}
	return exitInternal
}

// wantsJSON reports whether the command line asked for JSON output, so
// errors come as JSON on standard output too.
func wantsJSON(args []string) bool {
	for _, a := range args {
		if a == "--json" || a == "-json" || a == "--json=true" || a == "-json=true" {
			return true
		}
	}
	return false
}
