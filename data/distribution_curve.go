package data

import (
	"fmt"
	"strings"
)

// CurveOrder is the order of the predikat along the curve of the pola
// distribusi (SE MenPANRB 3/2023, "kurva distribusi predikat kinerja
// pegawai"): from Sangat Kurang at the left to Sangat Baik at the right.
var CurveOrder = []Predikat{PredikatSangatKurang, PredikatKurang, PredikatButuhPerbaikan, PredikatBaik, PredikatSangatBaik}

// StaffPredikat is the predikat of one staff member in one period.
type StaffPredikat struct {
	StaffID  uint64
	Predikat Predikat
}

// DistributionCounts counts the staff per predikat for the pola distribusi,
// leaving out every staff id in exclude and every empty or unknown predikat.
// The head of the office is left out: the pola distribusi is the distribution
// of the staff under the pimpinan, whose own rating hasil kerja is the
// organisation's capaian (SE MenPANRB 3/2023), so the caller passes the head's
// id. A staff id listed twice is counted once, with its first predikat.
func DistributionCounts(list []StaffPredikat, exclude ...uint64) map[Predikat]int {
	skip := make(map[uint64]bool, len(exclude)+len(list))
	for _, id := range exclude {
		skip[id] = true
	}
	out := make(map[Predikat]int, len(Predikats))
	for _, s := range list {
		if skip[s.StaffID] || !s.Predikat.Valid() {
			continue
		}
		skip[s.StaffID] = true
		out[s.Predikat]++
	}
	return out
}

// CurveClass is one point of the curve of the pola distribusi: a predikat,
// how many staff hold it, their share, and the share the rules allow for it
// on its own. Bounds over a group of predikat ("at least 10% Kurang/Misconduct
// or Butuh Perbaikan") are not folded in here; DescribeBounds words them.
type CurveClass struct {
	Predikat Predikat
	Count    int
	// Share is Count of the total as Indonesian text rounded to one decimal,
	// "66,7%"; "0%" when no one is counted.
	Share string
	// Min and Max are the allowed share in percent from the bounds on this
	// predikat alone: Min 0 and Max 100 when the rules set none.
	Min, Max int
	// Required is true when the predikat alone must be held by someone.
	Required bool
}

// DistributionCurve returns the five points of the curve for capaian c in
// CurveOrder, with the counts as given (see DistributionCounts) and the
// single-predikat bounds of rules. With an unknown capaian every class is
// unbounded.
func DistributionCurve(c CapaianOrganisasi, counts map[Predikat]int, rules DistributionRules) []CurveClass {
	total := 0
	for _, p := range Predikats {
		total += max(counts[p], 0)
	}
	out := make([]CurveClass, 0, len(CurveOrder))
	for _, p := range CurveOrder {
		cl := CurveClass{Predikat: p, Count: max(counts[p], 0), Share: "0%", Min: 0, Max: 100}
		if total > 0 {
			cl.Share = roundedPercent(cl.Count, total)
		}
		for _, b := range rules.Bounds[c] {
			if ps := uniquePredikat(b.Predikat); len(ps) != 1 || ps[0] != p {
				continue
			}
			switch b.Kind {
			case BoundAtMost:
				cl.Max = min(cl.Max, b.Percent)
			case BoundAtLeast:
				cl.Min = max(cl.Min, b.Percent)
			case BoundMustInclude:
				cl.Required = true
			}
		}
		out = append(out, cl)
	}
	return out
}

// DescribeBounds words the bounds of rules for capaian c, one line each in
// the order of the rules: "Sangat Baik paling banyak 70%", "Butuh Perbaikan
// atau Kurang/Misconduct wajib ada", "Sangat Baik tidak boleh ada", "Butuh
// Perbaikan paling sedikit 60%". An unknown capaian has no lines.
func DescribeBounds(c CapaianOrganisasi, rules DistributionRules) []string {
	var out []string
	for _, b := range rules.Bounds[c] {
		names := make([]string, 0, len(b.Predikat))
		for _, p := range uniquePredikat(b.Predikat) {
			names = append(names, p.Label())
		}
		group := strings.Join(names, " atau ")
		switch {
		case b.Kind == BoundMustInclude:
			out = append(out, group+" wajib ada")
		case b.Kind == BoundAtMost && b.Percent == 0:
			out = append(out, group+" tidak boleh ada")
		case b.Kind == BoundAtMost:
			out = append(out, fmt.Sprintf("%s paling banyak %d%%", group, b.Percent))
		case b.Kind == BoundAtLeast:
			out = append(out, fmt.Sprintf("%s paling sedikit %d%%", group, b.Percent))
		}
	}
	return out
}

// roundedPercent writes n/total as a percentage rounded half up to one
// decimal with an Indonesian decimal comma ("77,8%"); total must be positive.
func roundedPercent(n, total int) string {
	tenths := (n*2000 + total) / (2 * total)
	if tenths%10 == 0 {
		return fmt.Sprintf("%d%%", tenths/10)
	}
	return fmt.Sprintf("%d,%d%%", tenths/10, tenths%10)
}
