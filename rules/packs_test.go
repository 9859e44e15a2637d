package rules

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// packCase is one embedded rule with a shipment it must fire on and one it
// must not fire on, both written as JSON merge patches (RFC 7386) of the
// base shipment and base importer below. "$DEST" stands for the
// destination. A "lines" patch is applied to each base line in turn.
type packCase struct {
	Rule        string         `json:"rule"`
	Destination string         `json:"destination"`
	Fires       map[string]any `json:"fires"`
	Quiet       map[string]any `json:"quiet"`
}

const baseShipment = `{
  "id": "case", "date": "2026-03-01", "origin": "HK", "destination": "$DEST",
  "incoterm": "DDP", "mode": "courier",
  "seller": {"name": "Seller Ltd", "country": "HK", "kind": "business", "accepts_import_risk": true},
  "buyer": {"name": "Buyer", "country": "$DEST", "kind": "consumer"},
  "consignee": null, "affiliates": [], "ior_providers": [],
  "lines": [{"sku": "TS-1", "description": "Cotton T-shirt", "hs": "6109.10", "origin": "CN",
             "quantity": {"value": "10", "unit": "item"},
             "unit_price": {"amount": "5.00", "currency": "USD"},
             "net_weight": {"value": "2", "unit": "kg"}}],
  "freight": {"amount": "10.00", "currency": "USD"},
  "insurance": {"amount": "0.00", "currency": "USD"},
  "claim_preference": false
}`

const baseImporter = `{"name": "Seller Ltd", "country": "HK", "kind": "business", "accepts_import_risk": true}`

func loadCases(t testing.TB) []packCase {
	t.Helper()
	b, err := os.ReadFile("testdata/cases.json")
	require.NoError(t, err)
	var cases []packCase
	require.NoError(t, json.Unmarshal(b, &cases))
	return cases
}

func mergePatch(base any, patch any) any {
	pm, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	bm, ok := base.(map[string]any)
	if !ok {
		bm = map[string]any{}
	}
	out := map[string]any{}
	for k, v := range bm {
		out[k] = v
	}
	for k, v := range pm {
		if v == nil {
			delete(out, k)
			continue
		}
		out[k] = mergePatch(out[k], v)
	}
	return out
}

// caseInput builds the shipment and importer JSON of one side of a case.
func caseInput(t testing.TB, dest string, patch map[string]any) (shipment, importer []byte) {
	t.Helper()
	var s, imp any
	require.NoError(t, json.Unmarshal([]byte(strings.ReplaceAll(baseShipment, "$DEST", dest)), &s))
	require.NoError(t, json.Unmarshal([]byte(baseImporter), &imp))
	if sp, ok := patch["shipment"].(map[string]any); ok {
		sm := s.(map[string]any)
		if lp, ok := sp["lines"].([]any); ok {
			baseLine := sm["lines"].([]any)[0]
			var lines []any
			for _, l := range lp {
				lines = append(lines, mergePatch(baseLine, l))
			}
			sp = mergePatch(sp, map[string]any{"lines": nil}).(map[string]any)
			sm["lines"] = lines
		}
		s = mergePatch(sm, sp)
	}
	if ip, ok := patch["importer"]; ok {
		imp = mergePatch(imp, ip)
	}
	sb, err := json.Marshal(s)
	require.NoError(t, err)
	ib, err := json.Marshal(imp)
	require.NoError(t, err)
	return []byte(strings.ReplaceAll(string(sb), "$DEST", dest)), []byte(strings.ReplaceAll(string(ib), "$DEST", dest))
}

func TestEmbeddedPacksCompile(t *testing.T) {
	packs, err := ParseFS(DefaultPacks())
	require.NoError(t, err)
	require.Len(t, packs, 40)
	_, err = Compile(testEnv(t), packs...)
	require.NoError(t, err)
}

// TestEmbeddedRules checks that every embedded rule fires on the shipment
// written for it and stays quiet on its counterpart, and that every rule has
// a case.
func TestEmbeddedRules(t *testing.T) {
	book, err := CompileFS(testEnv(t), DefaultPacks())
	require.NoError(t, err)
	cases := loadCases(t)
	covered := map[string]bool{}
	for _, c := range cases {
		covered[c.Rule] = true
		t.Run(c.Rule, func(t *testing.T) {
			for _, side := range []struct {
				name  string
				patch map[string]any
				want  bool
			}{{"fires", c.Fires, true}, {"quiet", c.Quiet, false}} {
				sj, ij := caseInput(t, c.Destination, side.patch)
				var s tShipment
				require.NoError(t, json.Unmarshal(sj, &s), side.name)
				var imp tParty
				require.NoError(t, json.Unmarshal(ij, &imp), side.name)
				got, err := book.Evaluate(context.Background(), Input{Destination: c.Destination, Date: date(2026, 3, 1), Shipment: &s, Importer: &imp})
				require.NoError(t, err, side.name)
				fired := false
				for _, f := range got {
					if f.Rule == c.Rule {
						fired = true
					}
				}
				assert.Equal(t, side.want, fired, "%s: %s", side.name, sj)
			}
		})
	}
	for _, p := range book.Packs() {
		for _, r := range p.Rules {
			assert.True(t, covered[r.ID], "rule %s has no test case", r.ID)
			assert.NotEmpty(t, r.Finding.Reference, r.ID)
		}
	}
}

// TestGuardsDoNotChangeResults evaluates every case with and without the
// Go-side line guards: the findings must be identical.
func TestGuardsDoNotChangeResults(t *testing.T) {
	guarded, err := CompileFS(testEnv(t), DefaultPacks())
	require.NoError(t, err)
	plain, err := CompileFS(testEnv(t), DefaultPacks())
	require.NoError(t, err)
	n := 0
	for _, cp := range plain.packs {
		for _, cr := range cp.scoped[1] {
			n += len(cr.guards)
			cr.guards, cr.onlyGuards = nil, false
		}
	}
	require.Greater(t, n, 50, "most line rules should have guards")
	for _, c := range loadCases(t) {
		for _, patch := range []map[string]any{c.Fires, c.Quiet} {
			sj, ij := caseInput(t, c.Destination, patch)
			var s tShipment
			require.NoError(t, json.Unmarshal(sj, &s))
			var imp tParty
			require.NoError(t, json.Unmarshal(ij, &imp))
			in := Input{Destination: c.Destination, Date: date(2026, 3, 1), Shipment: &s, Importer: &imp}
			a, err := guarded.Evaluate(context.Background(), in)
			require.NoError(t, err)
			b, err := plain.Evaluate(context.Background(), in)
			require.NoError(t, err)
			assert.Equal(t, b, a, c.Rule)
		}
	}
}

// The same on one shipment per destination holding the lines of every
// case (fires and quiet) twice over: many distinct HS codes and origins in
// one evaluation (guard columns past their small linear search), lines
// that repeat (memoised runs), rules with two guards.
func TestGuardsDoNotChangeResultsOnManyLines(t *testing.T) {
	guarded, err := CompileFS(testEnv(t), DefaultPacks())
	require.NoError(t, err)
	plain, err := CompileFS(testEnv(t), DefaultPacks())
	require.NoError(t, err)
	for _, cp := range plain.packs {
		for _, cr := range cp.scoped[1] {
			cr.guards, cr.onlyGuards = nil, false
		}
	}
	byDest := map[string]*tShipment{}
	var dests []string
	for _, c := range loadCases(t) {
		for _, patch := range []map[string]any{c.Fires, c.Quiet} {
			sj, _ := caseInput(t, c.Destination, patch)
			var s tShipment
			require.NoError(t, json.Unmarshal(sj, &s))
			all := byDest[c.Destination]
			if all == nil {
				all = &s
				byDest[c.Destination] = all
				dests = append(dests, c.Destination)
				continue
			}
			all.Lines = append(all.Lines, s.Lines...)
		}
	}
	many, found := 0, 0
	for _, d := range dests {
		s := byDest[d]
		s.Lines = append(s.Lines, s.Lines...)
		distinct := map[string]bool{}
		for _, l := range s.Lines {
			distinct[l.HS] = true
		}
		if len(distinct) > 16 {
			many++
		}
		in := Input{Destination: d, Date: date(2026, 3, 1), Shipment: s}
		a, err := guarded.Evaluate(context.Background(), in)
		require.NoError(t, err, d)
		b, err := plain.Evaluate(context.Background(), in)
		require.NoError(t, err, d)
		assert.Equal(t, b, a, d)
		found += len(a)
	}
	assert.Greater(t, many, 3, "destinations with more than 16 distinct HS codes")
	assert.Greater(t, found, 500)
}

func TestLineGuards(t *testing.T) {
	env := testEnv(t)
	p := mustParse(t, packWith(
		rule("G1", "line", "hs_in(line.hs, ['8517', '85.25']) && line.origin == 'CN' && 'KP' != line.origin")+","+
			rule("G2", "line", "line.origin in ['IR', 'CU'] || hs_prefix(line.hs, '8517')")+","+
			rule("G3", "line", "'RU' == line.origin && hs_prefix(line.hs, '72')")+","+
			rule("G4", "line", "hs_in(line.hs, ['8517.13']) || (hs_prefix(line.hs, '8518') && line.description.matches('(?i)wireless'))")+","+
			rule("G5", "line", "line.origin in ['IR'] || line.origin == 'CU' || line.origin == 'KP' && hs_prefix(line.hs, '93')")+","+
			rule("G6", "line", "line.origin == 'IR' || hs_prefix(line.hs, '93') || line.origin == 'CU'")))
	book, err := Compile(env, p)
	require.NoError(t, err)
	got := map[string][]guard{}
	only := map[string]bool{}
	for _, cr := range book.packs[0].scoped[1] {
		var gs []guard
		for _, g := range cr.guards {
			if g.prefix {
				assert.NotNil(t, g.lead, cr.rule.ID)
			}
			g.lead = nil // compared below without the index
			gs = append(gs, g)
		}
		got[cr.rule.ID] = gs
		only[cr.rule.ID] = cr.onlyGuards
	}
	// Only G3 is nothing but its guards ('KP' != line.origin is none; a
	// union from a disjunction is not its sides).
	assert.Equal(t, map[string]bool{"G1": false, "G2": false, "G3": true, "G4": false, "G5": false, "G6": false}, only)
	assert.Equal(t, []guard{{field: "hs", prefix: true, values: []string{"8517", "85.25"}, whole: true}, {field: "origin", values: []string{"CN"}, whole: true}}, got["G1"])
	assert.Empty(t, got["G2"], "a disjunction is no guard")
	assert.Equal(t, []guard{{field: "origin", values: []string{"RU"}, whole: true}, {field: "hs", prefix: true, values: []string{"72"}, whole: true}}, got["G3"])
	// A disjunction is guarded by the union of its sides' guards on one field.
	assert.Equal(t, []guard{{field: "hs", prefix: true, values: []string{"8517.13", "8518"}}}, got["G4"])
	assert.Equal(t, []guard{{field: "origin", values: []string{"IR", "CU", "KP"}}}, got["G5"])
	assert.Empty(t, got["G6"], "a side without a guard on the field makes the disjunction unguarded")
}

// A rule that is nothing but its guards runs CEL once per distinct value
// of the guarded fields; the findings, their lines and the cost spent are
// those of running it on every line.
func TestOnlyGuardsMemo(t *testing.T) {
	src := packWith(rule("M1", "line", "hs_in(line.hs, ['61', '62'])") + "," +
		rule("M2", "line", "line.origin == 'CN' && hs_prefix(line.hs, '6109')") + "," +
		rule("M3", "line", "hs_prefix(line.hs, '61') && line.description == 'x'"))
	memo, err := Compile(testEnv(t), mustParse(t, src))
	require.NoError(t, err)
	plain, err := Compile(testEnv(t), mustParse(t, src))
	require.NoError(t, err)
	for _, cr := range plain.packs[0].scoped[1] {
		cr.onlyGuards = false
	}
	s := tShipment{Destination: "DE", Lines: []tLine{
		{HS: "6109.10", Origin: "CN", Description: "x"}, {HS: "6109.10", Origin: "CN"},
		{HS: "6110.20", Origin: "CN"}, {HS: "61.09.10", Origin: "VN", Description: "x"}, {HS: "8517.13", Origin: "CN"}}}
	in := Input{Destination: "DE", Date: date(2026, 3, 1), Shipment: &s}
	bm, bp := memo.NewBudget(), plain.NewBudget()
	in.Budget = bm
	a, err := memo.Evaluate(context.Background(), in)
	require.NoError(t, err)
	in.Budget = bp
	b, err := plain.Evaluate(context.Background(), in)
	require.NoError(t, err)
	assert.Equal(t, b, a)
	cp, fp := bp.Used()
	cm, fm := bm.Used()
	assert.Equal(t, [2]uint64{cp, uint64(fp)}, [2]uint64{cm, uint64(fm)})
	// M1 fires on the four lines under 61, M2 on the two CN 6109 lines,
	// M3 on lines 0 and 3.
	assert.Len(t, a, 8)
}

// The two-digit index of a prefix guard decides as comparing every prefix
// does.
func TestGuardLeadIndex(t *testing.T) {
	g := guard{field: "hs", prefix: true, values: []string{"8517.13", "85 25", "0101"}}.indexed()
	require.NotNil(t, g.lead)
	plain := guard{field: "hs", prefix: true, values: g.values}
	for _, hs := range []string{"8517.13.00", "851713", "8517.14", "85.25.60", "8525", "0101.21", "01", "8", "", "85", "x851713", " 8 5 1 7 1 3", "6109.10", "99"} {
		assert.Equal(t, plain.match(hs), g.match(hs), hs)
	}
	// A prefix of one digit (or not digits) leaves the guard unindexed.
	assert.Nil(t, guard{field: "hs", prefix: true, values: []string{"8517", "9"}}.indexed().lead)
	assert.Nil(t, guard{field: "origin", values: []string{"CN"}}.indexed().lead)
}
