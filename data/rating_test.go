package data

import "testing"

func TestParseRating(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Rating
		ok   bool
	}{
		{"di_atas", RatingDiAtas, true},
		{"Di Atas Ekspektasi", RatingDiAtas, true},
		{" DIATAS ", RatingDiAtas, true},
		{"sesuai", RatingSesuai, true},
		{"Sesuai Ekspektasi", RatingSesuai, true},
		{"di_bawah", RatingDiBawah, true},
		{"Di  Bawah", RatingDiBawah, true},
		{"", "", true},
		{"baik", "", false},
		{"ekspektasi", "", false},
	}
	for _, tt := range tests {
		got, err := ParseRating(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseRating(%q) = %q, %v; want %q ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	for _, r := range Ratings {
		if !r.Valid() || r.Label() == "" {
			t.Errorf("%q: Valid=%v Label=%q", r, r.Valid(), r.Label())
		}
	}
	if Rating("x").Valid() || Rating("x").Label() != "" {
		t.Error("unknown rating treated as valid")
	}
}
