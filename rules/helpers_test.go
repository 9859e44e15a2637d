package rules

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
)

// The test types mirror the JSON shape of the ior package's shipment model.

type tDate struct{ y, m, d int }

func (d tDate) MarshalText() ([]byte, error) {
	return []byte(strings.Join([]string{pad(d.y, 4), pad(d.m, 2), pad(d.d, 2)}, "-")), nil
}

func pad(n, w int) string {
	s := ""
	for i := 0; i < w; i++ {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

type tRegistration struct {
	Scheme string `json:"scheme"`
	ID     string `json:"id"`
}

type tFee struct {
	Percent string     `json:"percent"`
	Minimum duty.Money `json:"minimum"`
}

type tParty struct {
	Name              string          `json:"name"`
	Country           string          `json:"country"`
	Kind              string          `json:"kind"`
	LocalEntity       bool            `json:"local_entity"`
	VATRegistered     bool            `json:"vat_registered"`
	AcceptsImportRisk *bool           `json:"accepts_import_risk"`
	Registrations     []tRegistration `json:"registrations"`
	Region            string          `json:"region"`
	Fee               *tFee           `json:"fee,omitempty"`
}

type tLine struct {
	SKU         string        `json:"sku"`
	Description string        `json:"description"`
	HS          string        `json:"hs"`
	Origin      string        `json:"origin"`
	Quantity    duty.Quantity `json:"quantity"`
	UnitPrice   duty.Money    `json:"unit_price"`
	NetWeight   duty.Quantity `json:"net_weight"`
}

type tShipment struct {
	ID                string     `json:"id"`
	Date              tDate      `json:"date"`
	Origin            string     `json:"origin"`
	Destination       string     `json:"destination"`
	DestinationRegion string     `json:"destination_region"`
	Incoterm          string     `json:"incoterm"`
	Mode              string     `json:"mode"`
	Seller            tParty     `json:"seller"`
	Buyer             tParty     `json:"buyer"`
	Consignee         *tParty    `json:"consignee"`
	Affiliates        []tParty   `json:"affiliates"`
	IORProviders      []tParty   `json:"ior_providers"`
	Lines             []tLine    `json:"lines"`
	Freight           duty.Money `json:"freight"`
	Insurance         duty.Money `json:"insurance"`
	ClaimPreference   *bool      `json:"claim_preference"`
}

func testEnv(t testing.TB) *Env {
	t.Helper()
	env, err := NewEnv(
		Var{Name: VarShipment, Type: reflect.TypeFor[tShipment](), Alias: "ior.Shipment"},
		Var{Name: VarLine, Type: reflect.TypeFor[tLine](), Alias: "ior.Line"},
		Var{Name: VarImporter, Type: reflect.TypeFor[tParty](), Alias: "ior.Party"},
	)
	require.NoError(t, err)
	return env
}

func testShipment(nLines int) *tShipment {
	yes := true
	s := &tShipment{
		ID: "order-1", Date: tDate{2026, 3, 1}, Origin: "US", Destination: "DE", Incoterm: "DDP", Mode: "courier",
		Seller: tParty{Name: "Acme", Country: "US", Kind: "business", AcceptsImportRisk: &yes,
			Registrations: []tRegistration{{Scheme: "EIN", ID: "12-3456789"}}},
		Buyer:     tParty{Name: "Jana", Country: "DE", Kind: "consumer"},
		Freight:   duty.MustMoney("50.00", "EUR"),
		Insurance: duty.MustMoney("0.00", "EUR"),
	}
	for i := 0; i < nLines; i++ {
		q, _ := duty.ParseQuantity("100 item")
		w, _ := duty.ParseQuantity("20 kg")
		s.Lines = append(s.Lines, tLine{SKU: "TS", Description: "T-shirt", HS: "6109.10", Origin: "CN",
			Quantity: q, UnitPrice: duty.MustMoney("5.00", "EUR"), NetWeight: w})
	}
	return s
}

func mustParse(t testing.TB, src string) *Pack {
	t.Helper()
	p, err := Parse(strings.NewReader(src))
	require.NoError(t, err)
	return p
}

func (d *tDate) UnmarshalText(b []byte) error {
	t, err := time.Parse(time.DateOnly, string(b))
	if err != nil {
		return err
	}
	*d = tDate{t.Year(), int(t.Month()), t.Day()}
	return nil
}
