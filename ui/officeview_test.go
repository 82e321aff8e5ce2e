package ui

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2/test"

	"kinerja/data"
)

// showPeriodOnKinerja shows Kinerja with period id chosen and waits for its office view.
func showPeriodOnKinerja(t *testing.T, u *App, id string) {
	t.Helper()
	u.Show(ScreenPerform)
	k := u.perform
	for i, p := range k.periods {
		if p.ID == id {
			k.list.Select(i)
		}
	}
	waitFor(t, "the office view of "+id, func() bool { return k.overview.loaded && k.overview.shown.Period.ID == id })
}

func TestOfficeViewMatchesService(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	for _, id := range []string{"2026-Q1", "2026-Q3", "2026-Q4"} {
		t.Run(id, func(t *testing.T) {
			showPeriodOnKinerja(t, u, id)
			want, err := svc.OfficeView(id)
			if err != nil {
				t.Fatal(err)
			}
			o := u.perform.overview
			total := 0
			for _, p := range data.Predikats {
				total += want.Counts[p]
				if got := o.chart.count(p); got != strconv.Itoa(want.Counts[p]) {
					t.Errorf("%s: chart shows %s, service counts %d", p.Label(), got, want.Counts[p])
				}
				if !shownText(u, p.Label()) {
					t.Errorf("the chart has no row %q", p.Label())
				}
			}
			if id != "2026-Q4" && total == 0 {
				t.Fatal("the seeded period has no predikat; the comparison proves nothing")
			}
			// The head of the office is left out of the chart and said so.
			if want.HeadName == "" || !shownText(u, "Pola distribusi untuk pegawai di bawah pimpinan: "+want.HeadName+" tidak dihitung") {
				t.Errorf("the head left out is not named (%q)", want.HeadName)
			}
			for _, w := range want.Warnings {
				if !shownText(u, w.Message) {
					t.Errorf("warning %q is not on screen", w.Message)
				}
			}
			if len(want.Warnings) > 0 && !shownText(u, "Peringatan: sebaran predikat tidak sesuai pola distribusi") {
				t.Error("no pola distribusi warning heading")
			}
			for _, f := range want.NeedsFollowUp {
				if !shownText(u, f.Employee.Name+" — "+f.Predikat.Label()) {
					t.Errorf("follow-up of %s is not listed", f.Employee.Name)
				}
			}
			for _, p := range want.Units {
				if !shownText(u, p.Unit) {
					t.Errorf("unit %q has no progress row", p.Unit)
				}
			}
		})
	}
}

func TestCapaianChangeUpdatesWarning(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	showPeriodOnKinerja(t, u, "2026-Q3")
	k := u.perform
	k.capaian.SetSelected("Sangat Kurang")
	p, err := svc.PeriodByID("2026-Q3")
	if err != nil || p.Capaian != data.CapaianSangatKurang {
		t.Fatalf("capaian stored = %q, %v", p.Capaian, err)
	}
	waitFor(t, "the new warnings", func() bool { return k.overview.loaded && k.overview.shown.Period.Capaian == data.CapaianSangatKurang })
	if !shownText(u, "capaian organisasi Sangat Kurang") {
		t.Error("the warning does not name the new capaian")
	}
	k.capaian.SetSelectedIndex(0)
	waitFor(t, "no capaian", func() bool { return k.overview.loaded && k.overview.shown.Period.Capaian == "" })
	if !shownText(u, "belum diisi, jadi pola distribusi belum dapat diperiksa") {
		t.Error("without a capaian the view does not say the check cannot run")
	}
}

func TestHomeShowsCurrentPeriodOverview(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	u.Show(ScreenHome)
	o := u.home.overview
	waitFor(t, "Beranda's office view", func() bool { return o.loaded })
	if o.shown.Period.ID != "2026-Q4" || !shownText(u, "Triwulan IV 2026") || !shownText(u, "Sebaran predikat") {
		t.Errorf("Beranda shows period %q", o.shown.Period.ID)
	}
	if o.followUp.Visible() && len(o.followUp.Objects) > 0 && shownText(u, "Perlu tindak lanjut") {
		t.Error("the compact view on Beranda lists the follow-up")
	}
}

func TestNextPeriod(t *testing.T) {
	period := func(id string) data.EvaluationPeriod {
		p, err := data.ParsePeriodID(id)
		if err != nil {
			t.Fatal(err)
		}
		return data.EvaluationPeriod{Period: p}
	}
	tests := []struct {
		name    string
		stored  []string
		cadence data.PeriodKind
		want    string
	}{
		{"none stored: the current one", nil, data.PeriodQuarterly, "2026-Q4"},
		{"after the latest", []string{"2026-Q1", "2026-Q2"}, data.PeriodQuarterly, "2026-Q3"},
		{"across the year end", []string{"2026-Q4"}, data.PeriodQuarterly, "2027-Q1"},
		{"annual ignored for a triwulan cadence", []string{"2026-Q1", "2026"}, data.PeriodQuarterly, "2026-Q2"},
		{"monthly", []string{"2026-11"}, data.PeriodMonthly, "2026-12"},
		{"semester", []string{"2026-S2"}, data.PeriodSemester, "2027-S1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ps []data.EvaluationPeriod
			for _, id := range tt.stored {
				ps = append(ps, period(id))
			}
			if got := nextPeriod(ps, tt.cadence, testToday).ID; got != tt.want {
				t.Errorf("nextPeriod = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestCreateNextPeriod(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	u.Show(ScreenPerform)
	test.Tap(button(t, u, "Buat periode Triwulan I 2027"))
	test.Tap(button(t, u, "Buat"))
	if _, err := svc.PeriodByID("2027-Q1"); err != nil {
		t.Fatalf("period not created: %v", err)
	}
	if u.perform.selected != "2027-Q1" || !shownText(u, "Buat periode Triwulan II 2027") {
		t.Errorf("after creating, the screen shows %q", u.perform.selected)
	}
}
