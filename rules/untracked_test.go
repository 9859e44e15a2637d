package rules

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"cel.dev/cel-go/cel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// fullShipment is a shipment at the size hints: every free-text string
// MaxStringSize bytes long, MaxListSize registrations on every party and
// MaxListSize affiliates and providers, each line's HS code and origin set
// by the caller.
func fullShipment(kind, incoterm, mode string, flag bool) *tShipment {
	long := func(c string) string { return strings.Repeat(c, MaxStringSize) }
	regs := make([]tRegistration, MaxListSize)
	for i := range regs {
		regs[i] = tRegistration{Scheme: long("S"), ID: long("I")}
	}
	party := func(country string) tParty {
		return tParty{Name: long("N"), Country: country, Kind: kind, LocalEntity: flag, VATRegistered: flag,
			AcceptsImportRisk: &flag, Registrations: regs, Region: long("R"),
			Fee: &tFee{Percent: "2.5", Minimum: duty.MustMoney("150", "EUR")}}
	}
	s := &tShipment{ID: long("O"), Date: tDate{2026, 6, 1}, Origin: "US", Destination: "DE", DestinationRegion: long("D"),
		Incoterm: incoterm, Mode: mode, Seller: party("US"), Buyer: party("DE"), Freight: duty.MustMoney("50", "EUR"),
		Insurance: duty.MustMoney("5", "EUR"), ClaimPreference: &flag}
	c := party("DE")
	s.Consignee = &c
	for i := 0; i < MaxListSize; i++ {
		s.Affiliates = append(s.Affiliates, party("FR"))
		s.IORProviders = append(s.IORProviders, party("DE"))
	}
	q, _ := duty.ParseQuantity("100 item")
	s.Lines = []tLine{{SKU: long("K"), Description: long("d"), HS: "6109.10", Origin: "CN", Quantity: q,
		UnitPrice: duty.MustMoney("5", "EUR"), NetWeight: q}}
	return s
}

// Every embedded rule that runs without the cost tracker (untrackedMaxCost)
// gives what it gives under the tracker and is charged at least the cost
// the tracker counts, on everyday shipments and on shipments at the size
// hints, with each line rule's guarded fields set so that its guards pass.
func TestUntrackedChargeCoversActualCost(t *testing.T) {
	env := testEnv(t)
	book, err := CompileFS(env, DefaultPacks())
	require.NoError(t, err)
	var inputs []*tShipment
	for _, kind := range []string{"business", "consumer"} {
		for _, flag := range []bool{false, true} {
			for _, inc := range []string{"DDP", "DAP"} {
				inputs = append(inputs, fullShipment(kind, inc, "air", flag), fullShipment(kind, inc, "post", flag))
			}
		}
	}
	everyday := testShipment(1)
	everyday.Consignee = &tParty{Name: "Shop", Country: "DE", Kind: "business"}
	inputs = append(inputs, everyday)
	ctx := context.Background()
	untracked := 0
	for _, cp := range book.packs {
		for _, rules := range cp.scoped {
			for _, cr := range rules {
				if cr.tracked {
					continue
				}
				untracked++
				ce := env.scopes[cr.rule.Scope]
				checked, iss := ce.Compile(cr.rule.When)
				require.NoError(t, iss.Err())
				prg, err := ce.Program(checked, cel.EvalOptions(cel.OptOptimize), cel.CostLimit(book.budget))
				require.NoError(t, err)
				for _, s := range inputs {
					s := *s
					s.Lines = append([]tLine(nil), s.Lines...)
					for gi, g := range cr.guards {
						f := reflect.ValueOf(&s.Lines[0]).Elem().FieldByIndex(env.vars[VarLine].fields[env.vars[VarLine].names[cr.guardIdx[gi]]].index)
						f.SetString(g.values[len(g.values)-1])
					}
					for _, imp := range []*tParty{nil, &s.Seller, &s.Buyer, s.Consignee} {
						act := func() *activation {
							a := &activation{shipment: newObject(env.vars[VarShipment], reflect.ValueOf(&s).Elem())}
							switch cr.rule.Scope {
							case ScopeLine:
								a.line = newObject(env.vars[VarLine], reflect.ValueOf(&s.Lines[0]).Elem())
							case ScopeImporter:
								if imp == nil {
									return nil
								}
								a.importer = newObject(env.vars[VarImporter], reflect.ValueOf(imp).Elem())
							}
							return a
						}
						a := act()
						if a == nil {
							continue
						}
						want, det, werr := prg.Eval(a)
						got := cr.run(ctx, act())
						assert.Equal(t, werr != nil, got.err != nil, cr.rule.ID)
						assert.Equal(t, want, got.v, cr.rule.ID)
						require.NotNil(t, det.ActualCost())
						assert.LessOrEqual(t, *det.ActualCost(), got.cost, "%s on %s/%s", cr.rule.ID, s.Seller.Kind, s.Incoterm)
					}
				}
			}
		}
	}
	// Most embedded rules are cheap enough: the HS guards, importer
	// registrations, comparisons with literals.
	assert.Greater(t, untracked, 200)
}
