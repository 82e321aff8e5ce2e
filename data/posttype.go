package data

import (
	"strings"
	"unicode"
)

// PostType is the jenis jabatan a document states (PP 11/2017; docs/aturan.md
// §1.6, §7.2).
type PostType string

// The post types of a kecamatan.
const (
	PostAdministrator PostType = "Jabatan Administrator" // Camat, Sekretaris Kecamatan
	PostSupervisor    PostType = "Jabatan Pengawas"      // Kepala Subbagian, Kepala Seksi
	PostFunctional    PostType = "Jabatan Fungsional"
	PostExecutor      PostType = "Jabatan Pelaksana"
)

// functionalLevels are the jenjang of jabatan fungsional (keahlian and
// keterampilan); a position name carrying one of them is a fungsional post.
var functionalLevels = []string{"ahli pertama", "ahli muda", "ahli madya", "ahli utama", "terampil", "mahir", "penyelia", "pemula"}

// PostTypeOf returns the jenis jabatan of s on day on. It is derived from the
// unit structure and the jenjang words, not stored: the head
// (Unit.HeadStaffID) of a pimpinan or sekretariat unit holds a Jabatan
// Administrator; the head of a subbagian or seksi a Jabatan Pengawas, unless
// the position is a fungsional title (after the penyetaraan jabatan a unit's
// head may hold a fungsional post); a position whose name carries a
// fungsional jenjang ("Ahli Pertama", "Ahli Muda", "Ahli Madya", "Ahli
// Utama", "Terampil", "Mahir", "Penyelia", "Pemula") is a Jabatan Fungsional;
// anything else a Jabatan Pelaksana. Headship is the units' current one;
// inactive units are ignored.
func PostTypeOf(s Staff, units []Unit, on Date) PostType {
	functional := IsFunctionalPosition(s.At(on).Position)
	supervisor := false
	for _, u := range units {
		if u.Inactive || u.HeadStaffID == 0 || u.HeadStaffID != s.ID {
			continue
		}
		switch u.Kind {
		case UnitLeadership, UnitSecretariat:
			return PostAdministrator
		case UnitSubsection, UnitSection:
			supervisor = true
		}
	}
	switch {
	case functional:
		return PostFunctional
	case supervisor:
		return PostSupervisor
	default:
		return PostExecutor
	}
}

// IsFunctionalPosition reports whether a position name carries a fungsional
// jenjang as whole words, in any letter case: "Analis Kebijakan Ahli Muda"
// does, "Penata Layanan Operasional" does not.
func IsFunctionalPosition(position string) bool {
	words := strings.FieldsFunc(strings.ToLower(position), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	padded := " " + strings.Join(words, " ") + " "
	for _, level := range functionalLevels {
		if strings.Contains(padded, " "+level+" ") {
			return true
		}
	}
	return false
}
