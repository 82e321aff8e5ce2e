package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kinerja/data"
	"kinerja/data/service"
)

// ramadanRow returns the editor of the Ramadan period of a Hijri year.
func ramadanRow(t *testing.T, r *rulesView, year int) *periodRow {
	t.Helper()
	for _, row := range r.more.periodRows {
		if row.year.Text == strconv.Itoa(year) {
			return row
		}
	}
	t.Fatalf("no Ramadan %d H row among %d", year, len(r.more.periodRows))
	return nil
}

func TestRulesTabPunchWindowAndMissingMinutesShowTheEffect(t *testing.T) {
	u, svc := newAttendanceUI(t, 3)
	s := staffOfKind(t, svc, data.KindPNS)
	// Arrived 07:40 on a Friday, no departure recorded: TL 10 minutes and a
	// departure not recorded.
	if err := svc.SaveDay(workDay, []service.DayInput{{StaffID: s.ID, In: "07:40"}}); err != nil {
		t.Fatal(err)
	}
	u.attendance.tabs.SelectIndex(4)
	r := u.attendance.rules
	if r.more.window.Text != "10" || r.more.missing.Text != "0" || !r.more.tppKinds[0].check.Checked ||
		r.more.tppKinds[len(r.more.tppKinds)-1].check.Checked {
		t.Fatalf("defaults: window %q, missing %q", r.more.window.Text, r.more.missing.Text)
	}
	// The punch window only groups punches at import: no figure changes.
	r.more.window.SetText("15")
	test.Tap(buttonIn(t, objectsUnder(r.view), "Simpan jadwal"))
	if r.lastEffect.Days != 0 || !strings.Contains(r.msg.Text, "tidak mengubah angka kehadiran") {
		t.Fatalf("window change: effect %+v, message %q", r.lastEffect, r.msg.Text)
	}
	if set, _ := svc.AttendanceSettings(); set.Punches.WindowMinutes != 15 {
		t.Fatalf("window saved as %d", set.Punches.WindowMinutes)
	}
	r.more.window.SetText("x")
	test.Tap(buttonIn(t, objectsUnder(r.view), "Simpan jadwal"))
	if !strings.Contains(r.msg.Text, "Sentuhan berjarak") {
		t.Errorf("bad window message %q does not name the field", r.msg.Text)
	}
	r.more.window.SetText("15")
	// Minutes for a time not recorded change the day's 7.5-hour minutes:
	// the preview names the month, the days and the people, and waits.
	r.more.missing.SetText("60")
	test.Tap(buttonIn(t, objectsUnder(r.view), "Simpan jadwal"))
	if r.lastEffect.Days != 1 || !shownText(u, "mengubah angka kehadiran 1 hari-orang dalam 1 bulan (November 2026") ||
		!shownText(u, "November 2026: 1 hari-orang, 1 pegawai") {
		t.Fatalf("preview = %+v", r.lastEffect)
	}
	if set, _ := svc.AttendanceSettings(); set.Discipline.MissingPunchMinutes != 0 {
		t.Fatal("saved before the answer")
	}
	test.Tap(button(t, u, "Ya"))
	if set, _ := svc.AttendanceSettings(); set.Discipline.MissingPunchMinutes != 60 {
		t.Fatalf("not saved after Ya: %d", set.Discipline.MissingPunchMinutes)
	}
}

func TestRulesTabTPPKindsAndNonASNCodes(t *testing.T) {
	u, svc := newAttendanceUI(t, 3)
	u.attendance.tabs.SelectIndex(4)
	r := u.attendance.rules
	var ct *codeCheck
	for _, c := range r.more.nonASNRows {
		if (c.code == data.CodeS || c.code == data.CodeI) != c.check.Checked {
			t.Errorf("Non-ASN code %s checked %v", c.code, c.check.Checked)
		}
		if c.code == data.CodeCT {
			ct = c
		}
	}
	if ct == nil {
		t.Fatal("CT not offered for Non-ASN")
	}
	ct.check.SetChecked(true)
	for _, k := range r.more.tppKinds {
		k.check.SetChecked(k.kind == data.KindPNS)
	}
	test.Tap(buttonIn(t, objectsUnder(r.view), "Simpan jadwal"))
	set, _ := svc.AttendanceSettings()
	if len(set.TPPKinds) != 1 || set.TPPKinds[0] != data.KindPNS || len(set.NonASNCodes) != 3 || set.CodeAllowed(data.CodeCT, data.KindNonASN) != nil {
		t.Errorf("saved TPP kinds %v, Non-ASN codes %v (message %q)", set.TPPKinds, set.NonASNCodes, r.msg.Text)
	}
}

func TestRulesTabMarksRamadan2027Confirmed(t *testing.T) {
	u, svc := newAttendanceUI(t, 3)
	u.attendance.tabs.SelectIndex(4)
	r := u.attendance.rules
	row := ramadanRow(t, r, 1448)
	if row.statusOf() != data.RamadanEstimate || row.from.Text != "08/02/2027" || row.confirm.Disabled() {
		t.Fatalf("1448 H row: status %q, from %q", row.statusOf(), row.from.Text)
	}
	if done := ramadanRow(t, r, 1447); !done.confirm.Disabled() {
		t.Error("a confirmed period still offers Tandai pasti")
	}
	// The sidang isbat fixed 1 Syawal on 10 March: the last day stays 9 March.
	test.Tap(row.confirm)
	if row.statusOf() != data.RamadanConfirmed || !row.confirm.Disabled() || !strings.Contains(row.source.Text, "sidang isbat") {
		t.Fatalf("after Tandai pasti: status %q, source %q", row.statusOf(), row.source.Text)
	}
	test.Tap(buttonIn(t, objectsUnder(r.view), "Simpan jadwal"))
	set, _ := svc.AttendanceSettings()
	var got data.RamadanPeriod
	for _, p := range set.RamadanPeriods {
		if p.HijriYear == 1448 {
			got = p
		}
	}
	if got.Status != data.RamadanConfirmed || !got.From.Equal(data.NewDate(2027, 2, 8)) || !got.To.Equal(data.NewDate(2027, 3, 9)) ||
		!strings.Contains(got.Source, "diperiksa 28 November 2026") {
		t.Errorf("saved 1448 H = %+v (message %q)", got, r.msg.Text)
	}
	// Dates edited: the Ramadan hours move with them; a year twice is refused.
	row.to.SetText("08/03/2027")
	r.more.addPeriod(r, data.RamadanPeriod{HijriYear: 1448, From: data.NewDate(2028, 1, 28), To: data.NewDate(2028, 2, 25), Status: data.RamadanEstimate})
	test.Tap(buttonIn(t, objectsUnder(r.view), "Simpan jadwal"))
	if !strings.Contains(r.msg.Text, "1448 H tercantum dua kali") {
		t.Errorf("duplicate year message %q", r.msg.Text)
	}
}

func TestHomeAsksToConfirmEstimatedRamadan(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	title := "Tanggal Ramadan 1448 H masih perkiraan — periksa hasil sidang isbat"
	u.Show(ScreenHome) // 28 November 2026: 72 days before 8 February 2027
	if shownText(u, title) {
		t.Fatal("asked more than 60 days ahead")
	}
	u.today = func() data.Date { return data.NewDate(2027, 1, 10) }
	u.Show(ScreenHome)
	if !shownText(u, title) || !shownText(u, "8 Februari 2027") {
		t.Fatal("no Ramadan card 29 days ahead")
	}
	test.Tap(button(t, u, "Buka pengaturan Ramadan"))
	if u.current != ScreenAttendance || u.attendance.tabs.SelectedIndex() != 4 {
		t.Fatalf("opened %s, tab %d", u.current, u.attendance.tabs.SelectedIndex())
	}
	ramadanRow(t, u.attendance.rules, 1448)
	u.Show(ScreenHome)
	test.Tap(button(t, u, "Sudah benar"))
	if !shownText(u, "Tanggal Ramadan 1448 H ditandai pasti.") || shownText(u, title) {
		t.Error("card not replaced by the confirmation")
	}
	set, _ := svc.AttendanceSettings()
	for _, p := range set.RamadanPeriods {
		if p.HijriYear == 1448 && p.Status != data.RamadanConfirmed {
			t.Errorf("1448 H = %+v", p)
		}
	}
	u.Show(ScreenHome)
	if shownText(u, title) {
		t.Error("still asked after Sudah benar")
	}
}
