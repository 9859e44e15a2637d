package ior

import (
	"fmt"
	"reflect"

	"github.com/iorkit/iorkit/rules"
)

// WithPacks adds rule packs to those Decide evaluates (country
// requirements: registrations, representatives, licences, prohibitions);
// with WithoutDefaultPacks they are the only ones. Rules see the
// ior types under their JSON names: `shipment` (ior.Shipment), `line`
// (ior.Line) and `importer` (ior.Party, the candidate).
func WithPacks(packs ...*rules.Pack) Option {
	return func(c *engineConfig) error {
		c.packs = append(c.packs, packs...)
		for _, p := range packs {
			if p != nil {
				c.labels = append(c.labels, fingerprintLabel("pack:"+p.Name+"@"+p.Version, p))
			}
		}
		return nil
	}
}

// NewRulesEnv returns the CEL environment over the ior types that packs
// are compiled in; use it to lint or compile packs outside an Engine.
func NewRulesEnv() (*rules.Env, error) {
	return rules.NewEnv(
		rules.Var{Name: rules.VarShipment, Type: reflect.TypeOf(Shipment{}), Alias: "ior.Shipment"},
		rules.Var{Name: rules.VarLine, Type: reflect.TypeOf(Line{}), Alias: "ior.Line"},
		rules.Var{Name: rules.VarImporter, Type: reflect.TypeOf(Party{}), Alias: "ior.Party"},
	)
}

func compilePacks(packs []*rules.Pack) (*rules.Book, error) {
	if len(packs) == 0 {
		return nil, nil
	}
	env, err := NewRulesEnv()
	if err != nil {
		return nil, fmt.Errorf("ior: rules environment: %w", err)
	}
	book, err := rules.Compile(env, packs...)
	if err != nil {
		return nil, fmt.Errorf("ior: rule packs: %w", err)
	}
	return book, nil
}
