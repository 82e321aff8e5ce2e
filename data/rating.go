package data

import (
	"fmt"
	"strings"
)

// Rating is how the Pejabat Penilai Kinerja rates either the hasil kerja or the
// perilaku kerja of an employee (PermenPANRB 6/2022). The empty Rating means
// "not rated yet".
type Rating string

// The three ratings, with the JSON ids the CLI and exports use.
const (
	RatingDiAtas  Rating = "di_atas"
	RatingSesuai  Rating = "sesuai"
	RatingDiBawah Rating = "di_bawah"
)

// Ratings lists every Rating from best to worst, the order forms offer them.
var Ratings = []Rating{RatingDiAtas, RatingSesuai, RatingDiBawah}

// Field names of the two ratings, for FieldError.Field.
const (
	FieldWorkRating     = "work_rating"
	FieldBehaviorRating = "behavior_rating"
)

// Valid reports whether r is one of Ratings.
func (r Rating) Valid() bool {
	return r == RatingDiAtas || r == RatingSesuai || r == RatingDiBawah
}

// Label returns the Indonesian wording: "Di Atas Ekspektasi", "Sesuai
// Ekspektasi", "Di Bawah Ekspektasi", or "" for an empty or unknown Rating.
func (r Rating) Label() string {
	switch r {
	case RatingDiAtas:
		return "Di Atas Ekspektasi"
	case RatingSesuai:
		return "Sesuai Ekspektasi"
	case RatingDiBawah:
		return "Di Bawah Ekspektasi"
	}
	return ""
}

// ParseRating reads a rating as the CLI or a spreadsheet writes it: the JSON id
// ("di_atas"), the label ("Di Atas Ekspektasi") or its short form ("di atas",
// "diatas"), in any case. An empty string gives the empty Rating and no error.
func ParseRating(s string) (Rating, error) {
	n := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " "))), " ")
	n = strings.TrimSuffix(n, " ekspektasi")
	switch n {
	case "":
		return "", nil
	case "di atas", "diatas", "atas":
		return RatingDiAtas, nil
	case "sesuai":
		return RatingSesuai, nil
	case "di bawah", "dibawah", "bawah":
		return RatingDiBawah, nil
	}
	return "", fmt.Errorf("rating %q tidak dikenali; pilih di_atas, sesuai atau di_bawah", s)
}
