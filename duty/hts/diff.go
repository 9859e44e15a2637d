package hts

import (
	"fmt"
	"sort"
	"strings"
)

// ChangeKind says how a line differs between two revisions.
type ChangeKind uint8

// Change kinds.
const (
	Added ChangeKind = iota + 1
	Removed
	Changed
)

// String returns added, removed or changed.
func (k ChangeKind) String() string {
	switch k {
	case Added:
		return "added"
	case Removed:
		return "removed"
	case Changed:
		return "changed"
	}
	return fmt.Sprintf("ChangeKind(%d)", uint8(k))
}

// Change is one line that differs between two revisions.
type Change struct {
	Number string // the HTS number as printed (in the new revision when present)
	Kind   ChangeKind
	Old    *Line // nil when Added
	New    *Line // nil when Removed
	// Fields names what changed for a Changed line: description, indent,
	// units, general, special, other, quota, additional, footnotes.
	Fields []string
}

// Diff lists the numbered lines added, removed and changed from old to new,
// sorted by HTS number. Descriptions are compared only as far as both
// schedules kept them (KeepDescriptions). Text is compared with runs of white space
// collapsed, so re-wrapped text is not a change. Rows without a number
// (superior text) are not compared.
func Diff(old, new *Schedule) []Change {
	// A nil schedule compares as an empty one.
	if old == nil {
		old = &Schedule{}
	}
	if new == nil {
		new = &Schedule{}
	}
	var out []Change
	for _, c := range new.codes {
		nl := new.line(c.row)
		j, ok := old.find(c.n)
		if !ok {
			out = append(out, Change{Number: nl.Number, Kind: Added, New: &nl})
			continue
		}
		ol := old.line(old.codes[j].row)
		if f := changedFields(&ol, &nl); len(f) > 0 {
			out = append(out, Change{Number: nl.Number, Kind: Changed, Old: &ol, New: &nl, Fields: f})
		}
	}
	for _, c := range old.codes {
		if _, ok := new.find(c.n); !ok {
			ol := old.line(c.row)
			out = append(out, Change{Number: ol.Number, Kind: Removed, Old: &ol})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		na, nb := digits(out[a].Number), digits(out[b].Number)
		if na != nb {
			return na < nb
		}
		return out[a].Kind < out[b].Kind
	})
	return out
}

func digits(s string) string { return strings.NewReplacer(".", "", " ", "").Replace(s) }

func changedFields(a, b *Line) []string {
	var f []string
	same := func(x, y string) bool {
		return strings.Join(strings.Fields(x), " ") == strings.Join(strings.Fields(y), " ")
	}
	if !same(a.Description, b.Description) {
		f = append(f, "description")
	}
	if a.Indent != b.Indent {
		f = append(f, "indent")
	}
	if strings.Join(a.Units, "\x00") != strings.Join(b.Units, "\x00") {
		f = append(f, "units")
	}
	if !same(a.General, b.General) {
		f = append(f, "general")
	}
	if !same(a.Special, b.Special) {
		f = append(f, "special")
	}
	if !same(a.Other, b.Other) {
		f = append(f, "other")
	}
	if !same(a.Quota, b.Quota) {
		f = append(f, "quota")
	}
	if !same(a.Additional, b.Additional) {
		f = append(f, "additional")
	}
	if footnoteText(a.Footnotes) != footnoteText(b.Footnotes) {
		f = append(f, "footnotes")
	}
	return f
}

func footnoteText(fs []Footnote) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(strings.Join(f.Columns, ","))
		b.WriteByte('|')
		b.WriteString(strings.Join(strings.Fields(f.Value), " "))
		b.WriteByte('|')
		b.WriteString(f.Type)
		b.WriteByte('\n')
	}
	return b.String()
}
