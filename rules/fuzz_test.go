package rules

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to Parse and compiles what parses. Nothing
// may panic; every failure must be an ErrorList of *Error with a position
// inside the input.
func FuzzParse(f *testing.F) {
	fsys := DefaultPacks()
	entries, _ := fs.ReadDir(fsys, ".")
	for _, e := range entries {
		b, _ := fs.ReadFile(fsys, e.Name())
		f.Add(b)
	}
	f.Add([]byte(packWith(rule("R1", "line", "line.unit_price.amount > decimal('1')"))))
	f.Add([]byte(`{"pack": "x", "rules": [{"id": "a"}, {"id": "a"}]}`))
	f.Add([]byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[`))
	f.Add([]byte("{\"pack\": \"\u00e9\", \"when\": \"\\u0041\"}"))
	env := testEnv(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(bytes.NewReader(data))
		if err != nil {
			checkErrors(t, err, data)
			return
		}
		book, err := Compile(env, p)
		if err != nil {
			checkErrors(t, err, data)
			return
		}
		// What compiles must evaluate without panicking.
		_, _ = book.Evaluate(context.Background(), Input{Destination: p.Country, Date: p.Effective.From, Shipment: testShipment(2), Importer: &tParty{}})
	})
}

func checkErrors(t *testing.T, err error, data []byte) {
	var list ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("error %T is not an ErrorList: %v", err, err)
	}
	lines := strings.Count(string(data), "\n") + 1
	for _, e := range list {
		if e.Line < 0 || e.Line > lines {
			t.Fatalf("error line %d outside input of %d lines: %v", e.Line, lines, e)
		}
	}
}
