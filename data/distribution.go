package data

import (
	"fmt"
	"sort"
	"strings"
)

// CapaianOrganisasi is the capaian kinerja organisasi, the office's (or unit's)
// own predikat (PermenPANRB 6/2022). It bounds the pola distribusi of the
// employees' predikat and sets the head's rating hasil kerja.
type CapaianOrganisasi string

// The five capaian kinerja organisasi.
const (
	CapaianIstimewa       CapaianOrganisasi = "istimewa"
	CapaianBaik           CapaianOrganisasi = "baik"
	CapaianButuhPerbaikan CapaianOrganisasi = "butuh_perbaikan"
	CapaianKurang         CapaianOrganisasi = "kurang"
	CapaianSangatKurang   CapaianOrganisasi = "sangat_kurang"
)

// Capaians lists every CapaianOrganisasi from best to worst.
var Capaians = []CapaianOrganisasi{CapaianIstimewa, CapaianBaik, CapaianButuhPerbaikan, CapaianKurang, CapaianSangatKurang}

// Valid reports whether c is one of Capaians.
func (c CapaianOrganisasi) Valid() bool { return c.Label() != "" }

// Label returns the wording of PermenPANRB 6/2022 (docs/aturan.md §7.5): "Istimewa", "Baik", "Butuh
// Perbaikan/Cukup", "Kurang", "Sangat Kurang"; "" when empty or unknown.
func (c CapaianOrganisasi) Label() string {
	switch c {
	case CapaianIstimewa:
		return "Istimewa"
	case CapaianBaik:
		return "Baik"
	case CapaianButuhPerbaikan:
		return "Butuh Perbaikan/Cukup"
	case CapaianKurang:
		return "Kurang"
	case CapaianSangatKurang:
		return "Sangat Kurang"
	}
	return ""
}

// ParseCapaian reads a capaian as its JSON id ("butuh_perbaikan") or its label
// ("Butuh Perbaikan/Cukup", also "Butuh Perbaikan" or "Cukup"), in any case.
func ParseCapaian(s string) (CapaianOrganisasi, error) {
	switch strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " "))), " ") {
	case "istimewa":
		return CapaianIstimewa, nil
	case "baik":
		return CapaianBaik, nil
	case "butuh perbaikan", "butuh perbaikan/cukup", "cukup":
		return CapaianButuhPerbaikan, nil
	case "kurang":
		return CapaianKurang, nil
	case "sangat kurang":
		return CapaianSangatKurang, nil
	}
	return "", fmt.Errorf("capaian kinerja organisasi %q tidak dikenali; pilih Istimewa, Baik, Butuh Perbaikan/Cukup, Kurang atau Sangat Kurang", s)
}

// HeadWorkRatings maps each capaian kinerja organisasi to the rating hasil
// kerja of the unit's head. SE MenPANRB 3/2023 (Tata Cara Penetapan Predikat
// Kinerja) states that when the pimpinan of an organisation is the one
// evaluated, the capaian kinerja of the organisation he or she leads is set as
// his or her rating hasil kerja (docs/aturan.md §7.5). It is data so that
// Settings can change it.
type HeadWorkRatings map[CapaianOrganisasi]Rating

// DefaultHeadWorkRatings returns the default mapping: Istimewa → Di Atas
// Ekspektasi; Baik → Sesuai Ekspektasi; Butuh Perbaikan/Cukup, Kurang and
// Sangat Kurang → Di Bawah Ekspektasi. SE MenPANRB 3/2023 sets the capaian
// "as" the head's rating but names five capaian against three ratings; this
// reading of the five onto the three is the app's default, editable in
// Settings, not a quoted table (docs/aturan.md §7.5).
func DefaultHeadWorkRatings() HeadWorkRatings {
	return HeadWorkRatings{
		CapaianIstimewa:       RatingDiAtas,
		CapaianBaik:           RatingSesuai,
		CapaianButuhPerbaikan: RatingDiBawah,
		CapaianKurang:         RatingDiBawah,
		CapaianSangatKurang:   RatingDiBawah,
	}
}

// Of returns the head's rating hasil kerja for capaian c, or "" when c is not
// in the table.
func (h HeadWorkRatings) Of(c CapaianOrganisasi) Rating { return h[c] }

// HeadWorkRating returns the head's rating hasil kerja for capaian c under
// DefaultHeadWorkRatings, or "" when c is empty or unknown.
func HeadWorkRating(c CapaianOrganisasi) Rating { return DefaultHeadWorkRatings().Of(c) }

// FieldDistribution is the FieldError.Field of problems in DistributionRules.
const FieldDistribution = "distribution"

// BoundKind says how a DistributionBound limits the share of its predikat.
type BoundKind string

// The kinds of bound of the pola distribusi.
const (
	BoundAtMost      BoundKind = "maks"      // share ≤ Percent
	BoundAtLeast     BoundKind = "min"       // share ≥ Percent
	BoundMustInclude BoundKind = "wajib_ada" // at least one employee; Percent unused
)

// DistributionBound is one line of the pola distribusi: the share of employees
// whose predikat is any of Predikat, compared with Percent.
type DistributionBound struct {
	Kind     BoundKind  `json:"kind"`
	Predikat []Predikat `json:"predikat"`
	Percent  int        `json:"percent,omitempty"`
}

// DistributionRules is the pola distribusi as data: for each capaian kinerja
// organisasi, the bounds on the employees' predikat, and the circular they come
// from (cited in every warning). Circulars change, so Settings may edit it.
type DistributionRules struct {
	Source string                                    `json:"source"`
	Bounds map[CapaianOrganisasi][]DistributionBound `json:"bounds"`
}

// DefaultDistributionRules returns the pola distribusi of SE MenPANRB 3/2023
// (docs/aturan.md §7.6):
//   - Istimewa: at most 70% Sangat Baik;
//   - Baik: at most 70% Baik; must include Butuh Perbaikan and/or Kurang/Misconduct;
//   - Butuh Perbaikan: at least 60% Butuh Perbaikan; at most 10% Sangat Baik;
//   - Kurang: at least 60% Kurang/Misconduct; at least 10% Butuh Perbaikan; at most 10% Sangat Baik;
//   - Sangat Kurang: at least 60% Sangat Kurang; at least 10% Kurang/Misconduct
//     or Butuh Perbaikan; no Sangat Baik (at most 0%).
func DefaultDistributionRules() DistributionRules {
	one := func(p ...Predikat) []Predikat { return p }
	return DistributionRules{
		Source: "SE MenPANRB 3/2023",
		Bounds: map[CapaianOrganisasi][]DistributionBound{
			CapaianIstimewa: {
				{Kind: BoundAtMost, Predikat: one(PredikatSangatBaik), Percent: 70},
			},
			CapaianBaik: {
				{Kind: BoundAtMost, Predikat: one(PredikatBaik), Percent: 70},
				{Kind: BoundMustInclude, Predikat: one(PredikatButuhPerbaikan, PredikatKurang)},
			},
			CapaianButuhPerbaikan: {
				{Kind: BoundAtLeast, Predikat: one(PredikatButuhPerbaikan), Percent: 60},
				{Kind: BoundAtMost, Predikat: one(PredikatSangatBaik), Percent: 10},
			},
			CapaianKurang: {
				{Kind: BoundAtLeast, Predikat: one(PredikatKurang), Percent: 60},
				{Kind: BoundAtLeast, Predikat: one(PredikatButuhPerbaikan), Percent: 10},
				{Kind: BoundAtMost, Predikat: one(PredikatSangatBaik), Percent: 10},
			},
			CapaianSangatKurang: {
				{Kind: BoundAtLeast, Predikat: one(PredikatSangatKurang), Percent: 60},
				{Kind: BoundAtLeast, Predikat: one(PredikatKurang, PredikatButuhPerbaikan), Percent: 10},
				{Kind: BoundAtMost, Predikat: one(PredikatSangatBaik), Percent: 0},
			},
		},
	}
}

// Validate returns the problems of edited rules: an unknown capaian, bound kind
// or predikat, a bound with no predikat, or a percentage outside 0–100.
func (r DistributionRules) Validate() []FieldError {
	var errs []FieldError
	for _, c := range sortedCapaians(r.Bounds) {
		name := c.Label()
		if name == "" {
			errs = append(errs, FieldError{Field: FieldDistribution, Message: fmt.Sprintf("Capaian organisasi %q tidak dikenali.", string(c))})
			continue
		}
		for i, b := range r.Bounds[c] {
			where := fmt.Sprintf("Pola distribusi %s, batas %d", name, i+1)
			switch {
			case b.Kind != BoundAtMost && b.Kind != BoundAtLeast && b.Kind != BoundMustInclude:
				errs = append(errs, FieldError{Field: FieldDistribution, Message: fmt.Sprintf("%s: jenis batas %q tidak dikenali.", where, string(b.Kind))})
			case b.Percent < 0 || b.Percent > 100:
				errs = append(errs, FieldError{Field: FieldDistribution, Message: fmt.Sprintf("%s: persentase %d harus antara 0 dan 100.", where, b.Percent)})
			case len(b.Predikat) == 0:
				errs = append(errs, FieldError{Field: FieldDistribution, Message: where + ": predikat belum dipilih."})
			}
			for _, p := range b.Predikat {
				if !p.Valid() {
					errs = append(errs, FieldError{Field: FieldDistribution, Message: fmt.Sprintf("%s: predikat %q tidak dikenali.", where, string(p))})
				}
			}
		}
	}
	return errs
}

// sortedCapaians returns the keys of m, known capaian first in Capaians order,
// then unknown ones sorted, so messages come out in a stable order.
func sortedCapaians(m map[CapaianOrganisasi][]DistributionBound) []CapaianOrganisasi {
	var out, unknown []CapaianOrganisasi
	for _, c := range Capaians {
		if _, ok := m[c]; ok {
			out = append(out, c)
		}
	}
	for c := range m {
		if !c.Valid() {
			unknown = append(unknown, c)
		}
	}
	sort.Slice(unknown, func(i, j int) bool { return unknown[i] < unknown[j] })
	return append(out, unknown...)
}

// DistributionWarning is one broken bound of the pola distribusi. Count is the
// number of employees with the bound's predikat, Total the number with any
// predikat; Message is the Indonesian sentence shown to the user.
type DistributionWarning struct {
	Capaian CapaianOrganisasi `json:"capaian"`
	Bound   DistributionBound `json:"bound"`
	Count   int               `json:"count"`
	Total   int               `json:"total"`
	Message string            `json:"message"`
}

// CheckDistribution compares the count of employees per predikat with the
// bounds of rules for capaian c and returns one warning per broken bound, in
// the order of the rules. It never changes a rating. Shares are compared in
// integers (count×100 against percent×total), so exactly 70% is within "at
// most 70%" and exactly 60% meets "at least 60%". Counts of unknown predikat
// are ignored; with no employee counted, or a capaian the rules do not list,
// there is nothing to check.
func CheckDistribution(c CapaianOrganisasi, counts map[Predikat]int, rules DistributionRules) []DistributionWarning {
	total := 0
	for _, p := range Predikats {
		if n := counts[p]; n > 0 {
			total += n
		}
	}
	if total == 0 {
		return nil
	}
	var out []DistributionWarning
	for _, b := range rules.Bounds[c] {
		n := 0
		for _, p := range uniquePredikat(b.Predikat) {
			if counts[p] > 0 {
				n += counts[p]
			}
		}
		broken := false
		switch b.Kind {
		case BoundAtMost:
			broken = n*100 > b.Percent*total
		case BoundAtLeast:
			broken = n*100 < b.Percent*total
		case BoundMustInclude:
			broken = n == 0
		}
		if broken {
			out = append(out, DistributionWarning{
				Capaian: c, Bound: b, Count: n, Total: total,
				Message: distributionMessage(c, b, n, total, rules.Source),
			})
		}
	}
	return out
}

func uniquePredikat(ps []Predikat) []Predikat {
	var out []Predikat
	for _, p := range ps {
		dup := false
		for _, q := range out {
			dup = dup || p == q
		}
		if !dup {
			out = append(out, p)
		}
	}
	return out
}

// distributionMessage words a broken bound: "Sangat Baik 75% melebihi batas 70%
// untuk capaian Istimewa (SE MenPANRB 3/2023)".
func distributionMessage(c CapaianOrganisasi, b DistributionBound, n, total int, source string) string {
	names := make([]string, 0, len(b.Predikat))
	for _, p := range uniquePredikat(b.Predikat) {
		names = append(names, p.Label())
	}
	group := strings.Join(names, " atau ")
	suffix := ""
	if source != "" {
		suffix = " (" + source + ")"
	}
	switch {
	case b.Kind == BoundMustInclude:
		return fmt.Sprintf("Belum ada pegawai berpredikat %s, padahal wajib ada untuk capaian %s%s", group, c.Label(), suffix)
	case b.Kind == BoundAtMost && b.Percent == 0:
		return fmt.Sprintf("%s %s (%d pegawai), padahal tidak boleh ada untuk capaian %s%s", group, sharePercent(n, total, true), n, c.Label(), suffix)
	case b.Kind == BoundAtMost:
		return fmt.Sprintf("%s %s melebihi batas %d%% untuk capaian %s%s", group, sharePercent(n, total, true), b.Percent, c.Label(), suffix)
	}
	return fmt.Sprintf("%s %s kurang dari batas minimal %d%% untuk capaian %s%s", group, sharePercent(n, total, false), b.Percent, c.Label(), suffix)
}

// sharePercent writes n/total as a percentage with at most one decimal and an
// Indonesian decimal comma ("66,7%"). It rounds up (up=true) or down, so that
// an excess never reads as equal to its bound (70,01% shows as "70,1%").
func sharePercent(n, total int, up bool) string {
	tenths := n * 1000 / total
	if up && n*1000%total != 0 {
		tenths++
	}
	if tenths%10 == 0 {
		return fmt.Sprintf("%d%%", tenths/10)
	}
	return fmt.Sprintf("%d,%d%%", tenths/10, tenths%10)
}
