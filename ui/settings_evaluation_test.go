package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"kinerja/data"
	"kinerja/data/service"
)

func TestSettingsEvaluationSaves(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	u.Show(ScreenSettings)
	c := u.settings.eval
	if c.cadence.Selected != "Triwulan" || c.deadline.Text != "10" {
		t.Fatalf("defaults shown: cadence %q, deadline %q", c.cadence.Selected, c.deadline.Text)
	}
	if !shownText(u, "Pola distribusi predikat mengikuti SE MenPANRB 3/2023") {
		t.Error("the source of the pola distribusi is not shown")
	}
	c.cadence.SetSelected("Bulanan")
	c.deadline.SetText("")
	test.Type(c.deadline, "15")
	test.Tap(buttonIn(t, objectsUnder(c.view), "Simpan"))
	got, err := svc.EvaluationSettings()
	if err != nil {
		t.Fatal(err)
	}
	if got.Cadence != data.PeriodMonthly || got.DeadlineDays != 15 {
		t.Errorf("saved cadence %q, deadline %d", got.Cadence, got.DeadlineDays)
	}
	if got.Distribution.Source != "SE MenPANRB 3/2023" || len(got.HeadWorkRatings) == 0 {
		t.Errorf("saving lost the other settings: %+v", got)
	}
	if !shownText(u, "Pengaturan penilaian kinerja tersimpan.") {
		t.Error("no saved message")
	}
}

func TestSettingsEvaluationBadDeadline(t *testing.T) {
	for _, typed := range []string{"367", "-1", "dua", "", "1.5"} {
		t.Run(typed, func(t *testing.T) {
			u, svc := newTestUI(t, false, Options{})
			u.Show(ScreenSettings)
			c := u.settings.eval
			c.cadence.SetSelected("Semester")
			c.deadline.SetText("")
			test.Type(c.deadline, typed)
			test.Tap(buttonIn(t, objectsUnder(c.view), "Simpan"))
			if msg := c.fields[data.FieldDeadlineDays].message(); msg != "Batas pengisian harus bilangan bulat 0 sampai 366 hari." {
				t.Errorf("inline message %q", msg)
			}
			if found, _ := svc.Setting(service.SettingEvaluation, new(data.EvaluationSettings)); found {
				t.Error("a bad deadline was saved")
			}
			if shownText(u, "Pengaturan penilaian kinerja tersimpan.") {
				t.Error("saved message shown after a refused deadline")
			}
		})
	}
}
