package duty

// euMembers are the 27 member states of the European Union since
// 2020-02-01 (ISO 3166-1 alpha-2; Greece is GR), one customs territory
// with one tariff. Source:
// https://european-union.europa.eu/principles-countries-history/eu-countries_en
var euMembers = []string{"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
	"IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"}

// EUMembers returns the ISO codes of the 27 member states of the European
// Union (since 2020-02-01), which the origins column of ReadTable writes as
// EU and a rule pack for "EU" covers.
func EUMembers() []string { return append([]string(nil), euMembers...) }

// IsEUMember reports whether country (ISO 3166-1 alpha-2) is a member
// state of the European Union.
func IsEUMember(country string) bool { return contains(euMembers, country) }
