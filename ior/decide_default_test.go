package ior_test

import (
	"context"
	"strings"

	"github.com/iorkit/iorkit/duty"
	"testing"

	"github.com/iorkit/iorkit/ior"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Decisions on the embedded packs, one per class of destination. The
// expected importer and actions follow from the facts each pack cites.

func codes(fs []ior.Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Code
	}
	return out
}

func defaultEngine(t *testing.T) *ior.Engine {
	t.Helper()
	e, err := ior.NewEngine()
	require.NoError(t, err)
	return e
}

// EU (non-resident allowed with conditions), DDP: the US seller imports,
// and must get an EORI, appoint an indirect customs representative (UCC
// Art. 170(2)), register for VAT, and name an EU responsible operator for
// consumer products; the cotton T-shirts (6109.10) need a fibre-composition
// label (Regulation (EU) 1007/2011).
func TestDecideEUDDPSellerWithConditions(t *testing.T) {
	d, err := defaultEngine(t).Decide(context.Background(), readShipment(t, "../examples/shipments/de-tshirts.json"))
	require.NoError(t, err)
	require.NotNil(t, d.Importer)
	assert.Equal(t, ior.RoleSeller, d.Importer.Role)
	assert.ElementsMatch(t, []string{"EU_RESPONSIBLE_OPERATOR", "EU_TEXTILE_LABEL", "EORI", "INDIRECT_REPRESENTATIVE", "EU_VAT_REGISTRATION"}, codes(d.Actions))
	assert.Contains(t, d.Reasons[0], `seller "Acme Inc" imports: first eligible candidate under DDP`)
	require.Len(t, d.Alternatives, 2)
	assert.Equal(t, ior.RoleIORProvider, d.Alternatives[0].Role)
	assert.True(t, d.Alternatives[0].Eligible)
}

// EU, DAP to a consumer: the consumer imports; a private person needs no
// EORI (UCC Art. 9 asks it of economic operators). The seller remains an
// alternative with the representative it would need.
func TestDecideEUDAPConsumerImports(t *testing.T) {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.Incoterm = ior.DAP
	d, err := defaultEngine(t).Decide(context.Background(), s)
	require.NoError(t, err)
	require.NotNil(t, d.Importer)
	assert.Equal(t, ior.RoleBuyer, d.Importer.Role)
	assert.NotContains(t, codes(d.Actions), "EORI")
	var seller *ior.Candidate
	for i := range d.Alternatives {
		if d.Alternatives[i].Role == ior.RoleSeller {
			seller = &d.Alternatives[i]
		}
	}
	require.NotNil(t, seller)
	assert.Contains(t, strings.Join(seller.Reasons, " "), "INDIRECT_REPRESENTATIVE")
}

// BR (resident-only), DDP: the foreign seller cannot import (RADAR is only
// for a Brazilian CNPJ); a Brazilian provider holding RADAR is chosen.
func TestDecideBRResidentOnlyProvider(t *testing.T) {
	s := brShipment(t)
	s.IORProviders = []ior.Party{{Name: "Importa BR Ltda", Country: "BR", Kind: ior.Business, LocalEntity: true,
		Registrations: []ior.Registration{{Scheme: "RADAR", ID: "123"}}}}
	d, err := defaultEngine(t).Decide(context.Background(), s)
	require.NoError(t, err)
	require.NotNil(t, d.Importer)
	assert.Equal(t, ior.RoleIORProvider, d.Importer.Role)
	assert.False(t, d.Alternatives[0].Eligible)
	assert.Contains(t, d.Alternatives[0].Reasons[0], "RESIDENT_ONLY")
}

// BR, DDP with no provider: only the Brazilian consumer can import, which
// contradicts DDP; the decision says so.
func TestDecideBRDDPFallsToBuyer(t *testing.T) {
	d, err := defaultEngine(t).Decide(context.Background(), brShipment(t))
	require.NoError(t, err)
	require.NotNil(t, d.Importer)
	assert.Equal(t, ior.RoleBuyer, d.Importer.Role)
	assert.Contains(t, strings.Join(d.Reasons, "\n"), "the buyer's side imports although DDP puts import clearance on the seller")
}

// US (non-resident allowed with conditions), DDP: the German seller imports
// with CBP Form 5106 and a resident agent (19 CFR 141.18). The goods are
// worth 2 × 149.00 + 3 × 20.00 = 358.00 USD, at most USD 2,500: an informal
// entry (19 CFR 143.21(a)), which needs no bond when paid at release.
func TestDecideUSDDP(t *testing.T) {
	s := readShipment(t, "../examples/shipments/us-headphones.json")
	s.Incoterm = ior.DDP
	d, err := defaultEngine(t).Decide(context.Background(), s)
	require.NoError(t, err)
	require.NotNil(t, d.Importer)
	assert.Equal(t, ior.RoleSeller, d.Importer.Role)
	assert.Subset(t, codes(d.Actions), []string{"CBP_5106", "RESIDENT_AGENT"})
	assert.NotContains(t, codes(d.Actions), "CUSTOMS_BOND")

	// 20 headphones: 20 × 149.00 + 3 × 20.00 = 3,040.00 USD, above USD 2,500:
	// a formal entry, which is bonded.
	q, err := duty.ParseQuantity("20 item")
	require.NoError(t, err)
	s.Lines[0].Quantity = q
	d, err = defaultEngine(t).Decide(context.Background(), s)
	require.NoError(t, err)
	assert.Subset(t, codes(d.Actions), []string{"CBP_5106", "CUSTOMS_BOND", "RESIDENT_AGENT"})
}

// A line of North Korean origin blocks a US import (31 CFR 510).
func TestDecideUSSanctionsBlock(t *testing.T) {
	s := readShipment(t, "../examples/shipments/us-headphones.json")
	s.Lines[0].Origin = "KP"
	d, err := defaultEngine(t).Decide(context.Background(), s)
	require.NoError(t, err)
	assert.True(t, d.Blocked)
	assert.Contains(t, d.Reasons[0], "blocked by SANCTIONS (line 0)")
}

// When the decision makes the buyer import under DDP (IN: only a resident
// may import, so the US seller cannot), the buyer pays the import charges
// and the quote says why.
func TestQuotePayerFollowsImporter(t *testing.T) {
	in := table(t, "6109.10,mfn,20%,,,2025-01-01,,test table\n")
	e, err := ior.NewEngine(ior.WithSchedule("IN", in), ior.WithRates(duty.FixedRates{"EUR/INR": mustDec("100")}))
	require.NoError(t, err)
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	s.Destination, s.Buyer.Country, s.IORProviders = "IN", "IN", nil
	q, err := e.Quote(context.Background(), s)
	require.NoError(t, err)
	require.NotNil(t, q.Importer)
	assert.Equal(t, ior.RoleBuyer, q.Importer.Role)
	assert.True(t, q.Totals.Total.IsPositive())
	sum, _ := duty.Sum(q.Totals.Duty, q.Totals.TaxAtBorder, q.Totals.Fees)
	assert.Equal(t, sum.String(), q.Payers.Buyer.AtImport.String())
	assert.True(t, q.Payers.Seller.AtImport.IsZero())
	assert.Contains(t, strings.Join(q.Notes, "\n"), "the importer (buyer) pays the import charges although DDP puts them on the seller")
}

// US under DAP to a consumer: the buyer imports (informal entry through
// the carrier); the German seller stays an alternative that would need
// CBP Form 5106, a bond and a resident agent to import.
func TestDecideUSDAPConsumer(t *testing.T) {
	d, err := defaultEngine(t).Decide(context.Background(), readShipment(t, "../examples/shipments/us-headphones.json"))
	require.NoError(t, err)
	require.NotNil(t, d.Importer)
	assert.Equal(t, ior.RoleBuyer, d.Importer.Role)
	assert.NotContains(t, codes(d.Actions), "CBP_5106")
	require.NotEmpty(t, d.Alternatives)
	assert.Equal(t, ior.RoleSeller, d.Alternatives[0].Role)
	assert.Contains(t, strings.Join(d.Alternatives[0].Reasons, " "), "CBP_5106")
	assert.Contains(t, d.Reasons[0], `buyer "Sam Rivera" imports: first eligible candidate under DAP (buyer side first)`)
}

// BR under DAP to a consumer: the Brazilian consumer imports; the foreign
// seller is ruled out (RESIDENT_ONLY) and the parcel needs the consumer's
// CPF.
func TestDecideBRDAPConsumer(t *testing.T) {
	s := brShipment(t)
	s.Incoterm = ior.DAP
	d, err := defaultEngine(t).Decide(context.Background(), s)
	require.NoError(t, err)
	require.NotNil(t, d.Importer)
	assert.Equal(t, ior.RoleBuyer, d.Importer.Role)
	assert.Contains(t, codes(d.Actions), "CONSIGNEE_CPF")
	assert.False(t, d.Alternatives[0].Eligible)
	assert.Contains(t, d.Alternatives[0].Reasons[0], "RESIDENT_ONLY")
	assert.NotContains(t, strings.Join(d.Reasons, "\n"), "although")
}
