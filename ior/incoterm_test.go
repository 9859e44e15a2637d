package ior_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/ior"
)

// icc is Incoterms® 2020 (ICC publication 723E) as the rules themselves
// state it, written here independently of incoterms.go:
//   - A7/B7: export clearance by the seller under every rule except EXW
//     (buyer); import clearance, and with it the import duties and taxes
//     (A9/B9), by the buyer under every rule except DDP (seller).
//   - A4/B4: the seller contracts and pays the main carriage under CPT, CIP,
//     DAP, DPU, DDP, CFR and CIF; the buyer under EXW, FCA, FAS and FOB.
//   - A5: the seller must insure only under CIP and CIF.
//   - FAS, FOB, CFR and CIF are for sea and inland waterway transport only.
//   - Delivery (A2) is in the origin country under the E, F and C rules;
//     at the destination under DAP, DPU and DDP.
var icc = []struct {
	code                       ior.Incoterm
	name                       string
	export, imp, duties, carry ior.Side
	insurance, sea, atOrigin   bool
}{
	{ior.EXW, "Ex Works", ior.BuyerSide, ior.BuyerSide, ior.BuyerSide, ior.BuyerSide, false, false, true},
	{ior.FCA, "Free Carrier", ior.SellerSide, ior.BuyerSide, ior.BuyerSide, ior.BuyerSide, false, false, true},
	{ior.CPT, "Carriage Paid To", ior.SellerSide, ior.BuyerSide, ior.BuyerSide, ior.SellerSide, false, false, true},
	{ior.CIP, "Carriage and Insurance Paid To", ior.SellerSide, ior.BuyerSide, ior.BuyerSide, ior.SellerSide, true, false, true},
	{ior.DAP, "Delivered at Place", ior.SellerSide, ior.BuyerSide, ior.BuyerSide, ior.SellerSide, false, false, false},
	{ior.DPU, "Delivered at Place Unloaded", ior.SellerSide, ior.BuyerSide, ior.BuyerSide, ior.SellerSide, false, false, false},
	{ior.DDP, "Delivered Duty Paid", ior.SellerSide, ior.SellerSide, ior.SellerSide, ior.SellerSide, false, false, false},
	{ior.FAS, "Free Alongside Ship", ior.SellerSide, ior.BuyerSide, ior.BuyerSide, ior.BuyerSide, false, true, true},
	{ior.FOB, "Free on Board", ior.SellerSide, ior.BuyerSide, ior.BuyerSide, ior.BuyerSide, false, true, true},
	{ior.CFR, "Cost and Freight", ior.SellerSide, ior.BuyerSide, ior.BuyerSide, ior.SellerSide, false, true, true},
	{ior.CIF, "Cost, Insurance and Freight", ior.SellerSide, ior.BuyerSide, ior.BuyerSide, ior.SellerSide, true, true, true},
}

func TestIncotermTableMatchesICC(t *testing.T) {
	rules := ior.Incoterms()
	require.Len(t, rules, len(icc), "eleven rules in ICC order")
	for i, want := range icc {
		t.Run(string(want.code), func(t *testing.T) {
			got := rules[i]
			assert.Equal(t, want.code, got.Code, "ICC order")
			assert.Equal(t, want.name, got.Name)
			assert.Equal(t, want.export, got.ExportClearance, "export clearance")
			assert.Equal(t, want.imp, got.ImportClearance, "import clearance")
			assert.Equal(t, want.duties, got.ImportDutiesTax, "import duties and taxes")
			assert.Equal(t, want.carry, got.MainCarriage, "main carriage")
			assert.Equal(t, want.insurance, got.InsuranceSeller, "insurance on the seller")
			assert.Equal(t, want.sea, got.SeaOnly, "sea and inland waterway only")
			assert.Equal(t, want.atOrigin, got.DeliveryAtOrigin, "delivery in the origin country")
			assert.Equal(t, want.duties, want.code.ImportPayer())
			r, ok := want.code.Rule()
			require.True(t, ok)
			assert.Equal(t, got, r)
			assert.True(t, want.code.Valid())
		})
	}
}

func TestParseIncoterm(t *testing.T) {
	for _, c := range []struct {
		in   string
		want ior.Incoterm
	}{{"DDP", ior.DDP}, {"ddp", ior.DDP}, {" fca ", ior.FCA}, {"Cif", ior.CIF}} {
		got, err := ior.ParseIncoterm(c.in)
		require.NoError(t, err, c.in)
		assert.Equal(t, c.want, got)
	}
	// Incoterms 2010's DAT and the withdrawn DDU, DAF, DES, DEQ (2000) are
	// not Incoterms 2020 rules.
	for _, s := range []string{"DDU", "DAT", "DAF", "DES", "DEQ", "", "FOB Shanghai", "EXW2020"} {
		_, err := ior.ParseIncoterm(s)
		require.Error(t, err, s)
		assert.ErrorIs(t, err, ior.ErrInvalidIncoterm)
		assert.Contains(t, err.Error(), `"`+s+`"`)
	}
	assert.False(t, ior.Incoterm("DDU").Valid())
	_, ok := ior.Incoterm("DDU").Rule()
	assert.False(t, ok)
}

func TestIncotermJSON(t *testing.T) {
	var i ior.Incoterm
	require.NoError(t, json.Unmarshal([]byte(`"dap"`), &i))
	assert.Equal(t, ior.DAP, i)
	// An unknown rule is kept so that Validate reports it with its path.
	require.NoError(t, json.Unmarshal([]byte(`"DDU"`), &i))
	assert.Equal(t, ior.Incoterm("DDU"), i)
	require.NoError(t, json.Unmarshal([]byte(`""`), &i))
	assert.Equal(t, ior.Incoterm(""), i)
	assert.ErrorIs(t, json.Unmarshal([]byte(`7`), &i), ior.ErrInvalidIncoterm)
	b, err := json.Marshal(ior.CIP)
	require.NoError(t, err)
	assert.Equal(t, `"CIP"`, string(b))
}

func TestModeValid(t *testing.T) {
	for _, m := range []ior.Mode{ior.Courier, ior.Post, ior.Air, ior.Ocean, ior.Road, ior.Rail} {
		assert.True(t, m.Valid(), m)
	}
	for _, m := range []ior.Mode{"", "sea", "Courier", "truck"} {
		assert.False(t, m.Valid(), m)
	}
}
