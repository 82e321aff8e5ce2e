package data

import (
	"fmt"
)

// Predikat is the predikat kinerja pegawai, the quadrant given by the two
// ratings (PermenPANRB 6/2022). It is never typed in: see PredikatOf.
type Predikat string

// The five predikat, with the JSON ids the CLI and exports use.
const (
	PredikatSangatBaik     Predikat = "sangat_baik"
	PredikatBaik           Predikat = "baik"
	PredikatButuhPerbaikan Predikat = "butuh_perbaikan"
	PredikatKurang         Predikat = "kurang"
	PredikatSangatKurang   Predikat = "sangat_kurang"
)

// Predikats lists every Predikat from best to worst, the order reports use.
var Predikats = []Predikat{PredikatSangatBaik, PredikatBaik, PredikatButuhPerbaikan, PredikatKurang, PredikatSangatKurang}

// Valid reports whether p is one of Predikats.
func (p Predikat) Valid() bool { return p.Label() != "" }

// Label returns the predikat spelled exactly as PermenPANRB 6/2022 does:
// "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat
// Kurang"; "" for an empty or unknown Predikat.
func (p Predikat) Label() string {
	switch p {
	case PredikatSangatBaik:
		return "Sangat Baik"
	case PredikatBaik:
		return "Baik"
	case PredikatButuhPerbaikan:
		return "Butuh Perbaikan"
	case PredikatKurang:
		return "Kurang/Misconduct"
	case PredikatSangatKurang:
		return "Sangat Kurang"
	}
	return ""
}

// NeedsFollowUp reports whether p is Butuh Perbaikan or worse: the employees the
// office view lists with their development follow-up.
func (p Predikat) NeedsFollowUp() bool {
	return p == PredikatButuhPerbaikan || p == PredikatKurang || p == PredikatSangatKurang
}

// predikatMatrix is the kuadran of PermenPANRB 6/2022 (docs/aturan.md §7.4), indexed
// by rating hasil kerja, then rating perilaku kerja.
var predikatMatrix = map[Rating]map[Rating]Predikat{
	RatingDiAtas: {
		RatingDiBawah: PredikatKurang,
		RatingSesuai:  PredikatBaik,
		RatingDiAtas:  PredikatSangatBaik,
	},
	RatingSesuai: {
		RatingDiBawah: PredikatKurang,
		RatingSesuai:  PredikatBaik,
		RatingDiAtas:  PredikatBaik,
	},
	RatingDiBawah: {
		RatingDiBawah: PredikatSangatKurang,
		RatingSesuai:  PredikatButuhPerbaikan,
		RatingDiAtas:  PredikatButuhPerbaikan,
	},
}

// PredikatOf returns the predikat kinerja pegawai for a rating hasil kerja
// (work) and a rating perilaku kerja (behavior), from the kuadran of
// PermenPANRB 6/2022. A missing or unknown rating is a FieldError naming it.
func PredikatOf(work, behavior Rating) (Predikat, error) {
	if err := checkRating(FieldWorkRating, "Rating hasil kerja", work); err != nil {
		return "", err
	}
	if err := checkRating(FieldBehaviorRating, "Rating perilaku kerja", behavior); err != nil {
		return "", err
	}
	return predikatMatrix[work][behavior], nil
}

func checkRating(field, name string, r Rating) error {
	switch {
	case r == "":
		return FieldError{Field: field, Message: name + " belum diisi."}
	case !r.Valid():
		return FieldError{Field: field, Message: fmt.Sprintf("%s %q tidak dikenali.", name, string(r))}
	}
	return nil
}
