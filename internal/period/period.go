// Package period holds what every loader of dated data shares: the
// spellings of a period's end that iorkit refuses.
//
// Across iorkit a period runs from its first day in force ("from") to its
// last day in force ("to"), both inclusive. Files written for a convention
// with an exclusive end ("until", "end", "expires", "valid_to"...) would be
// misread by one day, so loaders reject those names instead of ignoring
// them.
package period

import (
	"fmt"
	"strings"
)

// exclusive are names of a period's end that a loader refuses: they read as
// an exclusive end, or are ambiguous about it.
var exclusive = map[string]bool{
	"until": true, "till": true, "end": true, "ends": true, "end_date": true, "ends_on": true,
	"expires": true, "expiry": true, "expires_on": true, "before": true, "not_after": true,
	"valid_to": true, "valid_until": true, "to_exclusive": true, "through": true, "thru": true,
}

// Refused reports whether name (a JSON key or CSV column, compared
// case-insensitively with "-" and " " read as "_") spells a period's end
// otherwise than "to".
func Refused(name string) bool {
	n := strings.ToLower(strings.TrimSpace(name))
	n = strings.NewReplacer("-", "_", " ", "_").Replace(n)
	return exclusive[n]
}

// Message is the explanation a loader gives for a refused name.
func Message(name string) string {
	return fmt.Sprintf("%q is not accepted: a period ends with \"to\", its last day in force (inclusive); rename the field and check the date (an exclusive end is one day later)", name)
}
