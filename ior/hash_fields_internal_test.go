package ior

import (
	"reflect"
	"testing"

	"github.com/iorkit/iorkit/duty"
	"github.com/stretchr/testify/assert"
)

// TestQuoteIDCoversEveryField pins the fields putShipment hashes:
// a field added to the shipment's types (as several engineers do in
// parallel) fails here until the quote id hashes it (hash.go) and it is
// added to this list, so that two shipments that differ never share an id.
func TestQuoteIDCoversEveryField(t *testing.T) {
	hashed := map[reflect.Type][]string{
		reflect.TypeFor[Shipment](): {"ID", "Date", "Origin", "Destination", "DestinationRegion", "Incoterm", "Mode",
			"Seller", "Buyer", "Consignee", "Affiliates", "IORProviders", "Lines", "Freight", "Insurance",
			"ClaimPreference", "Gift", "ServiceCharges", "PortRegion"},
		reflect.TypeFor[Party](): {"Name", "Country", "Region", "Kind", "LocalEntity", "VATRegistered",
			"AcceptsImportRisk", "Registrations", "Fee"},
		reflect.TypeFor[Registration](): {"Scheme", "ID"},
		reflect.TypeFor[ProviderFee]():  {"Percent", "Minimum"},
		reflect.TypeFor[Line](): {"SKU", "Description", "HS", "Origin", "Quantity", "UnitPrice", "NetWeight",
			"Quantities", "ClaimPreference", "Parts", "HSAlternatives", "OriginAlternatives", "ABV"},
		reflect.TypeFor[duty.Part]():     {"Name", "Value", "Quantities"},
		reflect.TypeFor[ServiceCharge](): {"Code", "Name", "Kind", "Amount", "Percent", "Minimum"},
	}
	for typ, want := range hashed {
		var got []string
		for f := range typ.Fields() {
			if f.IsExported() {
				got = append(got, f.Name)
			}
		}
		assert.ElementsMatch(t, want, got, "%s: hash the new field in putShipment (hash.go), then list it here", typ)
	}
}
