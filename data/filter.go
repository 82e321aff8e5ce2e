package data

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// StatusFilter selects staff by whether they are still at the office.
type StatusFilter int

// The status filters; StatusAll is the zero value.
const (
	StatusAll    StatusFilter = iota // everyone
	StatusActive                     // started and not left (Situation.Active)
	StatusLeft                       // started and since left
)

// StaffFilter is what the staff list is narrowed by. Zero fields select everyone.
type StaffFilter struct {
	Query  string       // words matched against the name with gelar and the NIP/NIK digits
	UnitID uint64       // current unit; 0 = all units
	Kind   Kind         // "" = all kinds
	Status StatusFilter // active, left or all, from Staff.Current
}

// Match reports whether s passes f. A query made only of digits, spaces, dots and
// dashes is matched whole against the NIP or NIK digits, so "1968 0411" and
// "196804" find 196804111993031009. Any other query matches when each of its
// words occurs, ignoring case, in the name, gelar depan, gelar belakang, NIP or NIK.
func (f StaffFilter) Match(s Staff) bool {
	return f.compile().match(s)
}

// FilterStaff returns the staff in list that pass f, in their order.
func FilterStaff(list []Staff, f StaffFilter) []Staff {
	c := f.compile()
	var out []Staff
	for _, s := range list {
		if c.match(s) {
			out = append(out, s)
		}
	}
	return out
}

// compiledFilter is a StaffFilter with its query prepared once for many matches.
type compiledFilter struct {
	StaffFilter
	words  []string // lower-case query words
	digits string   // the query as NIP/NIK digits when it is only digits and separators
}

func (f StaffFilter) compile() compiledFilter {
	c := compiledFilter{StaffFilter: f, words: strings.Fields(strings.ToLower(f.Query))}
	if d := NormalizeNIP(f.Query); d != "" && allDigits(d, len(d)) {
		c.digits = d
	}
	return c
}

func (c compiledFilter) match(s Staff) bool {
	if c.Kind != "" && s.Kind != c.Kind || !c.matchQuery(s) {
		return false
	}
	if c.UnitID == 0 && c.Status == StatusAll {
		return true
	}
	sit := currentSituation(s)
	switch {
	case c.UnitID != 0 && sit.UnitID != c.UnitID:
		return false
	case c.Status == StatusActive:
		return sit.Active
	case c.Status == StatusLeft:
		return sit.Started && !sit.Active
	}
	return true
}

func (c compiledFilter) matchQuery(s Staff) bool {
	if c.digits != "" {
		return strings.Contains(NormalizeNIP(s.NIP), c.digits) || strings.Contains(NormalizeNIP(s.NIK), c.digits)
	}
	for _, w := range c.words {
		if !containsFold(s.Name, w) && !containsFold(s.GelarDepan, w) && !containsFold(s.GelarBelakang, w) &&
			!strings.Contains(s.NIP, w) && !strings.Contains(s.NIK, w) {
			return false
		}
	}
	return true
}

// currentSituation is s.Current() without copying History when it is already
// in date order, as the store keeps it.
func currentSituation(s Staff) Situation {
	if !slices.IsSortedFunc(s.History, func(a, b Event) int { return a.Date.Time().Compare(b.Date.Time()) }) {
		return s.Current()
	}
	var sit Situation
	for _, e := range s.History {
		sit.apply(e)
	}
	return sit
}

// containsFold reports whether lowerNeedle (already lower-case) occurs in s ignoring case.
// ASCII text is compared without allocating.
func containsFold(s, lowerNeedle string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.Contains(strings.ToLower(s), lowerNeedle)
		}
	}
	n := len(lowerNeedle)
	for i := 0; i+n <= len(s); i++ {
		j := 0
		for j < n && lowerASCII(s[i+j]) == lowerNeedle[j] {
			j++
		}
		if j == n {
			return true
		}
	}
	return false
}

func lowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// SortKey is the column the staff list is sorted by.
type SortKey int

// The sort keys. Ties are broken by name, then by NIP/NIK.
const (
	SortByName SortKey = iota // name without gelar, A–Z
	SortByNIP                 // NIP, or NIK for staff without one, ascending
	SortByRank                // current rank, highest first; PNS before PPPK at equal position; no rank last
	SortByUnit                // name of the current unit, A–Z; no unit last
)

// SortStaff sorts list in place by key; units give the unit names for SortByUnit.
func SortStaff(list []Staff, key SortKey, units []Unit) {
	type keyed struct {
		name, id, unit string
		rank           int
		s              Staff
	}
	ks := make([]keyed, len(list))
	for i, s := range list {
		k := keyed{name: strings.ToLower(s.Name), id: s.Identifier(), s: s}
		if key == SortByRank || key == SortByUnit {
			sit := currentSituation(s)
			k.rank = rankSortValue(sit.Rank)
			k.unit = strings.ToLower(UnitName(units, sit.UnitID))
		}
		ks[i] = k
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		var c int
		switch key {
		case SortByNIP:
			c = cmp.Compare(a.id, b.id)
		case SortByRank:
			c = cmp.Compare(b.rank, a.rank)
		case SortByUnit:
			c = cmp.Or(cmp.Compare(emptyLast(a.unit), emptyLast(b.unit)), cmp.Compare(a.unit, b.unit))
		}
		if c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.id, b.id))
	})
	for i, k := range ks {
		list[i] = k.s
	}
}

// emptyLast is 1 for an empty string, so that empty values sort after the rest.
func emptyLast(s string) int {
	if s == "" {
		return 1
	}
	return 0
}

// rankSortValue orders ranks highest first when sorted descending: PNS above
// PPPK at the same scale position, no rank lowest.
func rankSortValue(code string) int {
	o := RankOrder(code)
	if slices.Contains(pnsRankCodes, code) {
		return o*2 + 1
	}
	return o * 2
}
