package data

import (
	"strings"
	"testing"
)

func TestHeadWorkRating(t *testing.T) {
	t.Parallel()
	want := map[CapaianOrganisasi]Rating{
		CapaianIstimewa:       RatingDiAtas,
		CapaianBaik:           RatingSesuai,
		CapaianButuhPerbaikan: RatingDiBawah,
		CapaianKurang:         RatingDiBawah,
		CapaianSangatKurang:   RatingDiBawah,
		"":                    "",
		"luar biasa":          "",
	}
	for c, r := range want {
		if got := HeadWorkRating(c); got != r {
			t.Errorf("HeadWorkRating(%q) = %q, want %q", c, got, r)
		}
	}
	custom := HeadWorkRatings{CapaianButuhPerbaikan: RatingSesuai}
	if got := custom.Of(CapaianButuhPerbaikan); got != RatingSesuai {
		t.Errorf("custom table Of = %q", got)
	}
}

func TestCapaianLabels(t *testing.T) {
	t.Parallel()
	want := []string{"Istimewa", "Baik", "Butuh Perbaikan/Cukup", "Kurang", "Sangat Kurang"}
	for i, c := range Capaians {
		if c.Label() != want[i] || !c.Valid() {
			t.Errorf("%q.Label() = %q, want %q", c, c.Label(), want[i])
		}
	}
	for _, c := range Capaians {
		for _, in := range []string{string(c), c.Label(), strings.ToUpper(c.Label())} {
			if got, err := ParseCapaian(in); got != c || err != nil {
				t.Errorf("ParseCapaian(%q) = %q, %v", in, got, err)
			}
		}
	}
	if got, err := ParseCapaian("Cukup"); got != CapaianButuhPerbaikan || err != nil {
		t.Errorf("ParseCapaian(Cukup) = %q, %v", got, err)
	}
	if _, err := ParseCapaian("luar biasa"); err == nil {
		t.Error("ParseCapaian accepted an unknown capaian")
	}
	if CapaianOrganisasi("x").Valid() {
		t.Error("unknown capaian valid")
	}
}

// counts builds a count map from predikat/number pairs.
func counts(pairs ...any) map[Predikat]int {
	m := map[Predikat]int{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i].(Predikat)] = pairs[i+1].(int)
	}
	return m
}

func TestCheckDistributionBounds(t *testing.T) {
	t.Parallel()
	const (
		sb = PredikatSangatBaik
		b  = PredikatBaik
		bp = PredikatButuhPerbaikan
		k  = PredikatKurang
		sk = PredikatSangatKurang
	)
	tests := []struct {
		name   string
		c      CapaianOrganisasi
		counts map[Predikat]int
		want   []string // message of each warning, in order
	}{
		{"istimewa exactly 70% SB", CapaianIstimewa, counts(sb, 7, b, 3), nil},
		{"istimewa 75% SB", CapaianIstimewa, counts(sb, 15, b, 5),
			[]string{"Sangat Baik 75% melebihi batas 70% untuk capaian Istimewa (SE MenPANRB 3/2023)"}},
		{"istimewa one over 70%", CapaianIstimewa, counts(sb, 71, b, 29),
			[]string{"Sangat Baik 71% melebihi batas 70% untuk capaian Istimewa (SE MenPANRB 3/2023)"}},
		{"istimewa a hair over 70% never shows 70%", CapaianIstimewa, counts(sb, 701, b, 299),
			[]string{"Sangat Baik 70,1% melebihi batas 70% untuk capaian Istimewa (SE MenPANRB 3/2023)"}},
		{"baik exactly 70% with BP", CapaianBaik, counts(b, 7, sb, 2, bp, 1), nil},
		{"baik kurang satisfies must include", CapaianBaik, counts(b, 7, sb, 2, k, 1), nil},
		{"baik over 70% and none below", CapaianBaik, counts(b, 8, sb, 2),
			[]string{
				"Baik 80% melebihi batas 70% untuk capaian Baik (SE MenPANRB 3/2023)",
				"Belum ada pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct, padahal wajib ada untuk capaian Baik (SE MenPANRB 3/2023)",
			}},
		{"baik sangat kurang does not satisfy must include", CapaianBaik, counts(b, 5, sk, 5),
			[]string{"Belum ada pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct, padahal wajib ada untuk capaian Baik (SE MenPANRB 3/2023)"}},
		{"bp exactly 60% BP and 10% SB", CapaianButuhPerbaikan, counts(bp, 6, sb, 1, b, 3), nil},
		{"bp one under 60%, one over 10%", CapaianButuhPerbaikan, counts(bp, 59, sb, 11, b, 30),
			[]string{
				"Butuh Perbaikan 59% kurang dari batas minimal 60% untuk capaian Butuh Perbaikan/Cukup (SE MenPANRB 3/2023)",
				"Sangat Baik 11% melebihi batas 10% untuk capaian Butuh Perbaikan/Cukup (SE MenPANRB 3/2023)",
			}},
		{"bp two thirds rounds down", CapaianButuhPerbaikan, counts(bp, 1, b, 2),
			[]string{"Butuh Perbaikan 33,3% kurang dari batas minimal 60% untuk capaian Butuh Perbaikan/Cukup (SE MenPANRB 3/2023)"}},
		{"kurang exactly 60/10/10", CapaianKurang, counts(k, 6, bp, 1, sb, 1, b, 2), nil},
		{"kurang BP under 10%", CapaianKurang, counts(k, 60, bp, 9, b, 31),
			[]string{"Butuh Perbaikan 9% kurang dari batas minimal 10% untuk capaian Kurang (SE MenPANRB 3/2023)"}},
		{"sangat kurang exactly 60% and 10% from K or BP", CapaianSangatKurang, counts(sk, 6, k, 1, b, 3), nil},
		{"sangat kurang group adds K and BP", CapaianSangatKurang, counts(sk, 12, k, 1, bp, 1, b, 6), nil},
		{"sangat kurang any SB", CapaianSangatKurang, counts(sk, 6, bp, 3, sb, 1),
			[]string{"Sangat Baik 10% (1 pegawai), padahal tidak boleh ada untuk capaian Sangat Kurang (SE MenPANRB 3/2023)"}},
		{"sangat kurang group one under 10%", CapaianSangatKurang, counts(sk, 70, k, 5, bp, 4, b, 21),
			[]string{"Kurang/Misconduct atau Butuh Perbaikan 9% kurang dari batas minimal 10% untuk capaian Sangat Kurang (SE MenPANRB 3/2023)"}},
		{"nobody counted", CapaianIstimewa, counts(), nil},
		{"unknown capaian", "luar biasa", counts(sb, 10), nil},
		{"unknown predikat ignored", CapaianIstimewa, counts(sb, 7, b, 3, Predikat("cukup"), 50), nil},
		{"negative counts ignored", CapaianIstimewa, counts(sb, 7, b, 3, bp, -40), nil},
	}
	rules := DefaultDistributionRules()
	for _, tt := range tests {
		got := CheckDistribution(tt.c, tt.counts, rules)
		if len(got) != len(tt.want) {
			t.Errorf("%s: %d warnings %v, want %d", tt.name, len(got), got, len(tt.want))
			continue
		}
		for i, w := range got {
			if w.Message != tt.want[i] {
				t.Errorf("%s: warning %d = %q, want %q", tt.name, i, w.Message, tt.want[i])
			}
			if w.Capaian != tt.c || w.Total <= 0 {
				t.Errorf("%s: warning %d has capaian %q total %d", tt.name, i, w.Capaian, w.Total)
			}
		}
	}
}

func TestCheckDistributionNeverChangesCounts(t *testing.T) {
	t.Parallel()
	c := counts(PredikatSangatBaik, 9, PredikatBaik, 1)
	CheckDistribution(CapaianIstimewa, c, DefaultDistributionRules())
	if c[PredikatSangatBaik] != 9 || c[PredikatBaik] != 1 || len(c) != 2 {
		t.Errorf("counts changed: %v", c)
	}
}

func TestCheckDistributionEditedRules(t *testing.T) {
	t.Parallel()
	rules := DefaultDistributionRules()
	rules.Source = "SE MenPANRB 9/2030"
	rules.Bounds[CapaianIstimewa] = []DistributionBound{{Kind: BoundAtMost, Predikat: []Predikat{PredikatSangatBaik}, Percent: 50}}
	got := CheckDistribution(CapaianIstimewa, counts(PredikatSangatBaik, 6, PredikatBaik, 4), rules)
	if len(got) != 1 || !strings.Contains(got[0].Message, "batas 50%") || !strings.HasSuffix(got[0].Message, "(SE MenPANRB 9/2030)") {
		t.Errorf("edited rules: %v", got)
	}
	if got := CheckDistribution(CapaianIstimewa, counts(PredikatSangatBaik, 6, PredikatBaik, 4), DefaultDistributionRules()); len(got) != 0 {
		t.Errorf("default rules changed by editing a copy: %v", got)
	}
}

func TestDistributionRulesValidate(t *testing.T) {
	t.Parallel()
	if errs := DefaultDistributionRules().Validate(); len(errs) != 0 {
		t.Fatalf("default rules invalid: %v", errs)
	}
	bad := DistributionRules{Bounds: map[CapaianOrganisasi][]DistributionBound{
		CapaianBaik: {
			{Kind: BoundAtMost, Predikat: []Predikat{PredikatBaik}, Percent: 120},
			{Kind: "kira-kira", Predikat: []Predikat{PredikatBaik}},
			{Kind: BoundAtLeast},
			{Kind: BoundAtLeast, Predikat: []Predikat{"cukup"}, Percent: 10},
		},
		"luar biasa": nil,
	}}
	errs := bad.Validate()
	want := []string{
		"Pola distribusi Baik, batas 1: persentase 120 harus antara 0 dan 100.",
		`Pola distribusi Baik, batas 2: jenis batas "kira-kira" tidak dikenali.`,
		"Pola distribusi Baik, batas 3: predikat belum dipilih.",
		`Pola distribusi Baik, batas 4: predikat "cukup" tidak dikenali.`,
		`Capaian organisasi "luar biasa" tidak dikenali.`,
	}
	if len(errs) != len(want) {
		t.Fatalf("Validate = %v, want %d problems", errs, len(want))
	}
	for i, e := range errs {
		if e.Message != want[i] || e.Field != FieldDistribution {
			t.Errorf("problem %d = %q (%s), want %q", i, e.Message, e.Field, want[i])
		}
	}
}
