package ior

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/iorkit/iorkit/rules"
)

// actions picks the findings to act on: of the shipment's, required and
// blocking ones that are not prohibitions; of the importer's (the last imp),
// required ones. One run of the findings is shared, anything else copied.
func TestActions(t *testing.T) {
	f := func(code string, sev rules.Severity, kind rules.Kind) Finding {
		return Finding{Code: code, Severity: sev, Kind: kind}
	}
	info := f("I", rules.SeverityInfo, rules.KindDocument)
	req := f("R", rules.SeverityRequired, rules.KindRegistration)
	cert := f("C", rules.SeverityBlocking, rules.KindCertification)
	ban := f("B", rules.SeverityBlocking, rules.KindProhibition)
	codes := func(fs []Finding) (out []string) {
		for _, f := range fs {
			out = append(out, f.Code)
		}
		return out
	}

	// info, then three actions (the last the importer's): the run 1..3.
	fs := []Finding{info, req, cert, req}
	got := actions(fs, 3, 1)
	assert.Equal(t, []string{"R", "C", "R"}, codes(got))
	assert.Same(t, &fs[1], &got[0], "shared")
	assert.Equal(t, 3, cap(got), "capped at the run")

	// an info finding between actions: copied.
	fs = []Finding{req, info, cert, req}
	got = actions(fs, 3, 1)
	assert.Equal(t, []string{"R", "C", "R"}, codes(got))
	assert.NotSame(t, &fs[0], &got[0])

	// a prohibition is no action; an importer's info finding is none.
	fs = []Finding{ban, cert, req, info}
	got = actions(fs, 2, 2)
	assert.Equal(t, []string{"C", "R"}, codes(got))
	assert.Same(t, &fs[1], &got[0])

	assert.Equal(t, []Finding{}, actions([]Finding{info}, 0, 0))
}
