package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/demo"
	"kinerja/data/service"
)

// seedKinerja fills st as the CLI's demo does, on testToday: the fictional
// office's staff and unit heads, this year's triwulan periods up to today,
// this year's SKPs, and the demo evaluations of the ended periods (capaian
// Baik, every predikat present). It returns the stored staff.
func seedKinerja(t testing.TB, svc *service.Service) []data.Staff {
	t.Helper()
	made := demo.New(demo.Options{Staff: 45, Seed: 1, Today: testToday})
	saved, err := svc.AddDemoStaff(made)
	if err != nil {
		t.Fatal(err)
	}
	units, err := svc.Units()
	if err != nil {
		t.Fatal(err)
	}
	periods, err := svc.CreatePeriodsUpTo(testToday)
	if err != nil {
		t.Fatal(err)
	}
	skps, err := svc.SaveSKPs(demo.SKPs(saved, testToday.Year()))
	if err != nil {
		t.Fatal(err)
	}
	var ended []data.Period
	for _, p := range periods {
		if p.End.Before(testToday) {
			ended = append(ended, p.Period)
		}
	}
	set := demo.Evaluations(demo.EvaluationOptions{Staff: saved, Units: units, SKPs: skps, Periods: ended, Today: testToday, Seed: 1})
	for id, c := range set.Capaian {
		if _, err := svc.SetCapaian(id, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := svc.SaveEvaluations(set.Evaluations, set.Revisions); err != nil {
		t.Fatal(err)
	}
	return saved
}

// tapRadio taps the option label of g as a user would, and fails when g does not then show it.
func tapRadio(t *testing.T, g *widget.RadioGroup, label string) {
	t.Helper()
	items := test.WidgetRenderer(g).Objects()
	for i, o := range g.Options {
		if o != label || i >= len(items) {
			continue
		}
		tap, ok := items[i].(fyne.Tappable)
		if !ok {
			t.Fatalf("radio option %q cannot be tapped", label)
		}
		test.Tap(tap)
		if g.Selected != label {
			t.Fatalf("after tapping %q the radio group shows %q", label, g.Selected)
		}
		return
	}
	t.Fatalf("radio group has no option %q (options %v)", label, g.Options)
}
