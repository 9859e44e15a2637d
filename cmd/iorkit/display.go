package main

import (
	"errors"
	"flag"

	"golang.org/x/text/language"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/duty/display"
)

// amounts formats the money of the text output: in a language's
// conventions with --lang ("183,04 €" for de), as duty.Money.String
// ("183.04 EUR") without. JSON output never goes through it.
type amounts struct {
	f *display.Formatter // nil: plain
}

func (a amounts) money(m duty.Money) string {
	if a.f == nil {
		return m.String()
	}
	return a.f.Money(m)
}

// langFlag registers --lang on fs; call the returned function after parsing.
func langFlag(fs *flag.FlagSet) func() (amounts, error) {
	lang := fs.String("lang", "", "format amounts for a language tag (de, fr, en-IN...)")
	return func() (amounts, error) {
		if *lang == "" {
			return amounts{}, nil
		}
		tag, err := language.Parse(*lang)
		// A well-formed tag x/text does not know ("xx") falls back to the
		// root, English, conventions; a malformed one is an error.
		var ve language.ValueError
		if err != nil && !errors.As(err, &ve) {
			return amounts{}, usagef("--lang %q: want a BCP 47 language tag such as de or en-GB: %v", *lang, err)
		}
		return amounts{f: display.NewFormatter(tag)}, nil
	}
}
