package duty

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
)

// Fingerprinter is data whose content can be named by a hash: two values
// with the same fingerprint give the same figures. Table and Profiles are
// Fingerprinters; a Schedule or Rates of the caller's own may be one too,
// and ior then puts its fingerprint in quote ids (see ior.NewEngine).
type Fingerprinter interface {
	// Fingerprint is a hex SHA-256 of the content, the same for the same
	// content whatever order it was built in where order does not matter.
	Fingerprint() string
}

// Fingerprint is a SHA-256 of the table's content: every prefix (sorted)
// with its measures (in the order added, which decides nothing a quote
// shows but is kept), each as its JSON encoding, and whether the table is
// incomplete. It is computed once and kept until the next Add.
func (t *Table) Fingerprint() string {
	if t == nil {
		return ""
	}
	if p := t.fp.Load(); p != nil {
		return *p
	}
	h := sha256.New()
	prefixes := make([]string, 0, len(t.byPrefix))
	for p := range t.byPrefix {
		prefixes = append(prefixes, p)
	}
	slices.Sort(prefixes)
	enc := json.NewEncoder(h)
	if t.incomplete {
		h.Write([]byte("incomplete\n"))
	}
	for _, p := range prefixes {
		h.Write([]byte(p + "\n"))
		for _, m := range t.byPrefix[p] {
			if err := enc.Encode(m); err != nil {
				// Measures are plain data and encode; were one not to, its
				// error text still tells the content apart.
				h.Write([]byte(err.Error()))
			}
		}
	}
	s := hex.EncodeToString(h.Sum(nil))
	t.fp.Store(&s)
	return s
}

// Fingerprint is a SHA-256 of every profile of the set (by country, then
// by date), each as its JSON encoding. It is computed once: a Profiles
// never changes.
func (ps *Profiles) Fingerprint() string {
	if ps == nil {
		return ""
	}
	if p := ps.fp.Load(); p != nil {
		return *p
	}
	h := sha256.New()
	enc := json.NewEncoder(h)
	for _, c := range ps.Countries() {
		for _, p := range ps.byCountry[c] {
			if err := enc.Encode(p); err != nil {
				h.Write([]byte(err.Error())) // plain data: does not happen
			}
		}
	}
	s := hex.EncodeToString(h.Sum(nil))
	ps.fp.Store(&s)
	return s
}
