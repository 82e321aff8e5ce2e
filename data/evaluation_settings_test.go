package data

import (
	"strings"
	"testing"
)

func TestEvaluationSettingsValidate(t *testing.T) {
	t.Parallel()
	ok := DefaultEvaluationSettings()
	if errs := ok.Validate(); len(errs) != 0 {
		t.Fatalf("defaults invalid: %v", errs)
	}
	tests := []struct {
		name  string
		edit  func(*EvaluationSettings)
		field string
	}{
		{"annual cadence", func(s *EvaluationSettings) { s.Cadence = PeriodAnnual }, FieldCadence},
		{"unknown cadence", func(s *EvaluationSettings) { s.Cadence = "mingguan" }, FieldCadence},
		{"negative deadline", func(s *EvaluationSettings) { s.DeadlineDays = -1 }, FieldDeadlineDays},
		{"deadline 367", func(s *EvaluationSettings) { s.DeadlineDays = 367 }, FieldDeadlineDays},
		{"bad head capaian", func(s *EvaluationSettings) { s.HeadWorkRatings = HeadWorkRatings{"luar_biasa": RatingSesuai} }, FieldHeadRatings},
		{"bad head rating", func(s *EvaluationSettings) { s.HeadWorkRatings = HeadWorkRatings{CapaianBaik: "bagus"} }, FieldHeadRatings},
		{"bad distribution", func(s *EvaluationSettings) {
			s.Distribution = DistributionRules{Bounds: map[CapaianOrganisasi][]DistributionBound{CapaianBaik: {{Kind: BoundAtMost, Percent: 101, Predikat: []Predikat{PredikatBaik}}}}}
		}, FieldDistribution},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := DefaultEvaluationSettings()
			tt.edit(&s)
			errs := s.Validate()
			if len(errs) != 1 || errs[0].Field != tt.field {
				t.Fatalf("errs = %v, want one on %s", errs, tt.field)
			}
		})
	}
	for _, days := range []int{0, 366} {
		s := DefaultEvaluationSettings()
		s.DeadlineDays = days
		if errs := s.Validate(); len(errs) != 0 {
			t.Errorf("deadline %d refused: %v", days, errs)
		}
	}
}

func TestEvaluationSettingsWithDefaults(t *testing.T) {
	t.Parallel()
	got := EvaluationSettings{DeadlineDays: 0}.WithDefaults()
	if got.Cadence != DefaultCadence || got.DeadlineDays != 0 || len(got.Distribution.Bounds) != 5 || got.HeadWorkRatings.Of(CapaianBaik) != RatingSesuai {
		t.Fatalf("WithDefaults = %+v", got)
	}
	kept := EvaluationSettings{Cadence: PeriodMonthly, HeadWorkRatings: HeadWorkRatings{CapaianBaik: RatingDiAtas}}.WithDefaults()
	if kept.Cadence != PeriodMonthly || kept.HeadWorkRatings.Of(CapaianBaik) != RatingDiAtas {
		t.Fatalf("WithDefaults overwrote set values: %+v", kept)
	}
}

func TestEvaluationPeriodCheck(t *testing.T) {
	t.Parallel()
	q3, _ := ParsePeriodID("2026-Q3")
	tests := []struct {
		name string
		edit func(*EvaluationPeriod)
		want string // "" for no error
	}{
		{"as parsed", func(*EvaluationPeriod) {}, ""},
		{"deadline on the last day", func(p *EvaluationPeriod) { p.Deadline = p.End }, ""},
		{"with capaian", func(p *EvaluationPeriod) { p.Capaian = CapaianBaik }, ""},
		{"deadline before end", func(p *EvaluationPeriod) { p.Deadline = p.End.AddDays(-1) }, "batas pengisian"},
		{"wrong end", func(p *EvaluationPeriod) { p.End = p.End.AddDays(1) }, "tidak sesuai"},
		{"wrong kind", func(p *EvaluationPeriod) { p.Kind = PeriodMonthly }, "tidak sesuai"},
		{"lower-case id", func(p *EvaluationPeriod) { p.ID = "2026-q3" }, "tidak sesuai"},
		{"bad id", func(p *EvaluationPeriod) { p.ID = "2026-Q5" }, "tidak dikenali"},
		{"unknown capaian", func(p *EvaluationPeriod) { p.Capaian = "hebat" }, "capaian"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := EvaluationPeriod{Period: q3}
			tt.edit(&p)
			err := p.Check()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Check: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Check = %v, want error containing %q", err, tt.want)
			}
		})
	}
}

func TestParseDeadlineDays(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{{"0", 0, true}, {" 10 ", 10, true}, {"366", 366, true}, {"367", 0, false}, {"-1", 0, false}, {"", 0, false}, {"x", 0, false}, {"1.5", 0, false}} {
		if got, ok := ParseDeadlineDays(tc.in); got != tc.want || ok != tc.ok {
			t.Errorf("ParseDeadlineDays(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCadences(t *testing.T) {
	t.Parallel()
	want := []PeriodKind{PeriodMonthly, PeriodQuarterly, PeriodSemester}
	got := Cadences()
	if len(got) != len(want) {
		t.Fatalf("Cadences() = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Cadences() = %v, want %v", got, want)
		}
	}
}
