package service

import (
	"path/filepath"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/data/demo"
)

// TestFillDemoYears fills a small office with two years of history and checks
// that attendance and the evaluated periods span both years, the older
// year's periods all decided.
func TestFillDemoYears(t *testing.T) {
	t.Parallel()
	svc, err := Open(filepath.Join(t.TempDir(), "demo.db"), Options{Create: true, Actor: "uji"})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	today := data.NewDate(2026, time.May, 20)
	if _, err := svc.FillDemo(demo.Options{Staff: 12, Seed: 3, Today: today, Years: 2}); err != nil {
		t.Fatal(err)
	}
	// Two years of months: June 2024 … May 2026.
	for _, ym := range []struct {
		year  int
		month time.Month
		want  bool
	}{{2024, time.May, false}, {2024, time.June, true}, {2025, time.January, true}, {2025, time.December, true}, {2026, time.May, true}} {
		months, err := svc.st.AttendanceMonths(ym.year, ym.month)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(months) > 0; got != ym.want {
			t.Errorf("%d-%02d: attendance of %d staff, want some: %v", ym.year, ym.month, len(months), ym.want)
		}
	}
	periods, err := svc.Periods()
	if err != nil {
		t.Fatal(err)
	}
	evaluated := map[int]int{}
	for _, p := range periods {
		evals, err := svc.Evaluations(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(evals) == 0 {
			continue
		}
		evaluated[p.Year()]++
		if p.Year() == 2025 {
			for _, e := range evals {
				if e.State != data.EvalFinal && e.Rater.IsSet() {
					t.Errorf("%s: evaluation of staff %d is %v, want final", p.ID, e.StaffID, e.State)
				}
			}
		}
	}
	set, err := svc.EvaluationSettings()
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, p := range data.PeriodsOfYear(2025, set.Cadence) {
		if p.Kind == set.Cadence {
			want++
		}
	}
	if evaluated[2025] != want || evaluated[2026] == 0 {
		t.Errorf("evaluated periods per year %v, want all %d of 2025 and some of 2026", evaluated, want)
	}
}
