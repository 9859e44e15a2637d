package ior_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/iorkit/iorkit/duty"
	"github.com/iorkit/iorkit/ior"
	"github.com/iorkit/iorkit/rules"
)

// DataVersion is derived from the manifest of the embedded files, which
// lists each with its hash.
func TestDataVersionFromManifest(t *testing.T) {
	assert.True(t, strings.HasPrefix(ior.DataVersion, "iorkit-data-"))
	files := ior.DataManifest()
	require.NotEmpty(t, files)
	var packs, profiles int
	for _, f := range files {
		assert.Len(t, f.SHA256, 64, f.Path)
		switch {
		case strings.HasPrefix(f.Path, "rules/packs/"):
			packs++
		case strings.HasPrefix(f.Path, "duty/data/profiles/"):
			profiles++
		}
	}
	assert.Positive(t, packs)
	assert.Positive(t, profiles)
	files[0].Path = "changed"
	assert.NotEqual(t, "changed", ior.DataManifest()[0].Path, "DataManifest returns a copy")
}

// usdToDE is the DESIGN.md T-shirts shipment priced in USD, so that the
// quote (in EUR) applies an exchange rate.
func usdToDE(t *testing.T) ior.Shipment {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	for i := range s.Lines {
		s.Lines[i].UnitPrice = duty.MustMoney(s.Lines[i].UnitPrice.Amount().String(), "USD")
	}
	s.Freight = duty.MustMoney(s.Freight.Amount().String(), "USD")
	s.Insurance = duty.MustMoney(s.Insurance.Amount().String(), "USD")
	s.IORProviders = nil
	return s
}

// Two engines that differ only in the exchange rates give different ids
// (the rates applied enter the id); the same engine and shipment give the
// same id every time, and so does an engine built alike.
func TestQuoteIDCoversExchangeRates(t *testing.T) {
	s := usdToDE(t)
	quote := func(rate string) ior.Quote {
		e := euEngine(t, ior.WithRates(duty.FixedRates{"USD/EUR": decimal.RequireFromString(rate)}))
		q, err := e.Quote(context.Background(), s)
		require.NoError(t, err)
		require.NotEmpty(t, q.FX)
		return q
	}
	a, b, c := quote("0.92"), quote("0.93"), quote("0.92")
	assert.NotEqual(t, a.ID, b.ID)
	assert.Equal(t, a.ID, c.ID)
	assert.Equal(t, a.Data, b.Data, "the engines differ only in the rates")
}

// Caller-supplied tables, profiles and packs enter the id by their
// content: the same content gives the same id, other content another.
func TestQuoteIDCoversCallerData(t *testing.T) {
	s := readShipment(t, "../examples/shipments/de-tshirts.json")
	id := func(opts ...ior.Option) string {
		t.Helper()
		e, err := ior.NewEngine(append([]ior.Option{ior.WithoutSampleTariff()}, opts...)...)
		require.NoError(t, err)
		q, err := e.Quote(context.Background(), s)
		require.NoError(t, err)
		return q.ID
	}
	row := func(rate string) string { return "6109.10,mfn," + rate + ",,,2020-01-01,,CN 2026 6109 10 00 (test)\n" }
	t12, t12again, t13 := table(t, row("12%")), table(t, row("12%")), table(t, row("13%"))
	assert.Equal(t, t12.Fingerprint(), t12again.Fingerprint())
	assert.NotEqual(t, t12.Fingerprint(), t13.Fingerprint())
	base := id(ior.WithSchedule("EU", t12))
	assert.Equal(t, base, id(ior.WithSchedule("EU", t12again)), "same table content")
	assert.NotEqual(t, base, id(ior.WithSchedule("EU", t13)), "other table content")

	ps, err := duty.DefaultProfiles()
	require.NoError(t, err)
	de, err := ps.For("DE", duty.MustDate("2026-03-01"))
	require.NoError(t, err)
	de.Sources = append(de.Sources, "a note that changes no figure but the content")
	other, err := ps.With(de)
	require.NoError(t, err)
	assert.NotEqual(t, ps.Fingerprint(), other.Fingerprint())
	withPS := id(ior.WithSchedule("EU", t12), ior.WithProfiles(ps))
	assert.NotEqual(t, withPS, id(ior.WithSchedule("EU", t12), ior.WithProfiles(other)))
	again, err := duty.DefaultProfiles()
	require.NoError(t, err)
	assert.Equal(t, withPS, id(ior.WithSchedule("EU", t12), ior.WithProfiles(again)))

	pack := func(title string) *rules.Pack {
		p, err := rules.Parse(strings.NewReader(`{"pack": "extra", "country": "DE", "version": "1", "effective": {"from": "2020-01-01"},
		 "rules": [{"id": "X1", "scope": "shipment", "when": "false", "finding": {"kind": "document", "code": "X", "title": "` + title + `", "severity": "info", "reference": "r"}}]}`))
		require.NoError(t, err)
		return p
	}
	withPack := id(ior.WithSchedule("EU", t12), ior.WithPacks(pack("one")))
	assert.Equal(t, withPack, id(ior.WithSchedule("EU", t12), ior.WithPacks(pack("one"))))
	assert.NotEqual(t, withPack, id(ior.WithSchedule("EU", t12), ior.WithPacks(pack("two"))))
}
