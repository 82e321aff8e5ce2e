package data

import (
	"errors"
	"testing"
)

func TestPredikatOfWholeMatrix(t *testing.T) {
	t.Parallel()
	tests := []struct {
		work, behavior Rating
		want           Predikat
		label          string
	}{
		{RatingDiAtas, RatingDiBawah, PredikatKurang, "Kurang/Misconduct"},
		{RatingDiAtas, RatingSesuai, PredikatBaik, "Baik"},
		{RatingDiAtas, RatingDiAtas, PredikatSangatBaik, "Sangat Baik"},
		{RatingSesuai, RatingDiBawah, PredikatKurang, "Kurang/Misconduct"},
		{RatingSesuai, RatingSesuai, PredikatBaik, "Baik"},
		{RatingSesuai, RatingDiAtas, PredikatBaik, "Baik"},
		{RatingDiBawah, RatingDiBawah, PredikatSangatKurang, "Sangat Kurang"},
		{RatingDiBawah, RatingSesuai, PredikatButuhPerbaikan, "Butuh Perbaikan"},
		{RatingDiBawah, RatingDiAtas, PredikatButuhPerbaikan, "Butuh Perbaikan"},
	}
	for _, tt := range tests {
		got, err := PredikatOf(tt.work, tt.behavior)
		if err != nil {
			t.Fatalf("PredikatOf(%s, %s): %v", tt.work, tt.behavior, err)
		}
		if got != tt.want || got.Label() != tt.label {
			t.Errorf("PredikatOf(%s, %s) = %s %q, want %s %q", tt.work, tt.behavior, got, got.Label(), tt.want, tt.label)
		}
	}
}

func TestPredikatOfMissingRating(t *testing.T) {
	t.Parallel()
	tests := []struct {
		work, behavior Rating
		field          string
	}{
		{"", RatingSesuai, FieldWorkRating},
		{RatingSesuai, "", FieldBehaviorRating},
		{"bagus", RatingSesuai, FieldWorkRating},
		{RatingSesuai, "Sesuai Ekspektasi", FieldBehaviorRating},
	}
	for _, tt := range tests {
		_, err := PredikatOf(tt.work, tt.behavior)
		var fe FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("PredikatOf(%q, %q) error = %v, want FieldError on %s", tt.work, tt.behavior, err, tt.field)
		}
	}
}

func TestPredikatLabels(t *testing.T) {
	t.Parallel()
	tests := []struct {
		p        Predikat
		label    string
		followUp bool
	}{
		{PredikatSangatBaik, "Sangat Baik", false},
		{PredikatBaik, "Baik", false},
		{PredikatButuhPerbaikan, "Butuh Perbaikan", true},
		{PredikatKurang, "Kurang/Misconduct", true},
		{PredikatSangatKurang, "Sangat Kurang", true},
		{"", "", false},
		{"cukup", "", false},
	}
	for _, tt := range tests {
		if got := tt.p.Label(); got != tt.label {
			t.Errorf("%q.Label() = %q, want %q", tt.p, got, tt.label)
		}
		if got := tt.p.NeedsFollowUp(); got != tt.followUp {
			t.Errorf("%q.NeedsFollowUp() = %v, want %v", tt.p, got, tt.followUp)
		}
		if tt.p.Valid() != (tt.label != "") {
			t.Errorf("%q.Valid() = %v", tt.p, tt.p.Valid())
		}
	}
}
