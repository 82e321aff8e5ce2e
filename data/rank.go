package data

import (
	"slices"
	"strings"
)

// Rank is a PNS pangkat with its golongan/ruang code.
type Rank struct {
	Code string // golongan/ruang, e.g. "III/b"
	Name string // pangkat, e.g. "Penata Muda Tingkat I"
}

// PNSRanks lists the 17 pangkat and golongan ruang of PNS, lowest first
// (docs/aturan.md §1.5).
var PNSRanks = []Rank{
	{"I/a", "Juru Muda"}, {"I/b", "Juru Muda Tingkat I"}, {"I/c", "Juru"}, {"I/d", "Juru Tingkat I"},
	{"II/a", "Pengatur Muda"}, {"II/b", "Pengatur Muda Tingkat I"}, {"II/c", "Pengatur"}, {"II/d", "Pengatur Tingkat I"},
	{"III/a", "Penata Muda"}, {"III/b", "Penata Muda Tingkat I"}, {"III/c", "Penata"}, {"III/d", "Penata Tingkat I"},
	{"IV/a", "Pembina"}, {"IV/b", "Pembina Tingkat I"}, {"IV/c", "Pembina Utama Muda"},
	{"IV/d", "Pembina Utama Madya"}, {"IV/e", "Pembina Utama"},
}

// PPPKGrades lists the golongan of PPPK, I to XVII, lowest first (Perpres 98/2020); they have no pangkat name.
var PPPKGrades = []string{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
	"X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"}

var pnsRankCodes = func() []string {
	codes := make([]string, len(PNSRanks))
	for i, r := range PNSRanks {
		codes[i] = r.Code
	}
	return codes
}()

// RankLabel returns the rank as printed: "Penata Muda Tingkat I (III/b)" for a PNS
// code, "Golongan IX" for a PPPK grade, and any other code unchanged.
func RankLabel(code string) string {
	code = strings.TrimSpace(code)
	for _, r := range PNSRanks {
		if r.Code == code {
			return r.Name + " (" + r.Code + ")"
		}
	}
	for _, g := range PPPKGrades {
		if g == code {
			return "Golongan " + g
		}
	}
	return code
}

// RanksFor returns the rank codes the form offers for staff of kind k, lowest
// first: the PNS codes for PNS and CPNS, the PPPK grades for PPPK and PPPK paruh
// waktu, none for Non-ASN.
func RanksFor(k Kind) []string { return slices.Clone(ranksFor(k)) }

// ValidRank reports whether code is one of RanksFor(k).
func ValidRank(k Kind, code string) bool { return slices.Contains(ranksFor(k), code) }

func ranksFor(k Kind) []string {
	switch {
	case k == KindPNS || k == KindCPNS:
		return pnsRankCodes
	case k.IsPPPK():
		return PPPKGrades
	}
	return nil
}

// RankOrder returns the 1-based position of code in its own scale (I/a = 1 …
// IV/e = 17; PPPK I = 1 … XVII = 17), or 0 for an empty or unknown code. The PNS
// and PPPK scales are separate; equal numbers do not mean equal ranks.
func RankOrder(code string) int {
	for i, c := range pnsRankCodes {
		if c == code {
			return i + 1
		}
	}
	for i, g := range PPPKGrades {
		if g == code {
			return i + 1
		}
	}
	return 0
}
