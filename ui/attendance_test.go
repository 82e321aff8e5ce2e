package ui

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/demo"
	"kinerja/data/service"
)

// workDay is a Friday, a working day in the 2026 calendar.
var workDay = data.NewDate(2026, 11, 27)

// newAttendanceUI builds the window on a store holding the demo office's
// staff (as `kinerja demo` makes them, without attendance) and shows
// Kehadiran.
func newAttendanceUI(t *testing.T, n int) (*App, *service.Service) {
	t.Helper()
	u, svc := newTestUI(t, false, Options{})
	made := demo.New(demo.Options{Staff: n, Seed: 1, Today: testToday})
	if _, err := svc.AddStaff(made.Staff); err != nil {
		t.Fatal(err)
	}
	u.Show(ScreenAttendance)
	return u, svc
}

// pressEnter sends Enter to a focused entry, as the keyboard does.
func pressEnter(u *App) {
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// staffOfKind returns the first active staff member of one of the kinds.
func staffOfKind(t *testing.T, svc *service.Service, kinds ...data.Kind) data.Staff {
	t.Helper()
	all, err := svc.AllStaff()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		for _, k := range kinds {
			if s.Kind == k && s.At(testToday).Active {
				return s
			}
		}
	}
	t.Fatalf("no active staff of kind %v", kinds)
	return data.Staff{}
}

func TestDailyGridByKeyboard(t *testing.T) {
	u, svc := newAttendanceUI(t, 12)
	g := u.attendance.day
	g.date.SetText(workDay.Slash())
	if g.shown != workDay || len(g.rows) < 4 {
		t.Fatalf("grid of %s has %d rows", g.shown, len(g.rows))
	}
	if !shownText(u, "belum diisi") {
		t.Error("rows without an entry do not say belum diisi")
	}
	test.Tap(button(t, u, "Hari ini"))
	if g.shown != testToday || len(g.rows) != 0 {
		t.Fatalf("Hari ini shows %s with %d rows", g.shown, len(g.rows))
	}
	g.date.SetText(workDay.Slash())
	g.date.OnSubmitted(g.date.Text)
	if at, ok := focusedCell(u); !ok || at != (dayCursor{0, fieldCode}) {
		t.Fatal("the first row's code is not focused after choosing the date")
	}
	typeKeys(u, "h")
	pressEnter(u)
	if at, ok := focusedCell(u); !ok || at != (dayCursor{1, fieldCode}) {
		t.Fatal("Enter did not move to the next row's code")
	}
	typeKeys(u, "tl")
	typeAt(t, g, 1, fieldIn, "07.45")
	if l, m := cellsOf(t, g, 1).label.Text, cellsOf(t, g, 1).minutes.Text; l != "TL — Terlambat" || m != "TL 15 mnt" {
		t.Errorf("row 2 shows %q, %q", l, m)
	}
	pressEnter(u)
	cellsOf(t, g, 2).entries[fieldCode].SetText("H")
	g.focusCell(1, fieldCode)
	pressEnter(u)
	typeKeys(u, "xx")
	if g.rows[2].code != "xx" || cellsOf(t, g, 2).entries[fieldCode].Text != "xx" {
		t.Errorf("typing after Enter did not replace the code there: %q", g.rows[2].code)
	}
	if l := cellsOf(t, g, 2).label.Text; !strings.Contains(l, "tidak dikenal") {
		t.Errorf("unknown code shows %q", l)
	}
	test.Tap(g.save)
	if p := cellsOf(t, g, 2).problem; p.Hidden || !strings.Contains(g.msg.Text, "Tidak ada yang disimpan") {
		t.Fatalf("a refused row was not named: %q / %q", p.Text, g.msg.Text)
	}
	grid, err := svc.DayGrid(workDay, 0)
	if err != nil {
		t.Fatal(err)
	}
	if grid[0].Entered {
		t.Fatal("a refused save stored a row")
	}
	cellsOf(t, g, 2).entries[fieldCode].SetText("")
	typeAt(t, g, 2, fieldCode, "s")
	test.Tap(g.save)
	grid, err = svc.DayGrid(workDay, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"H", "TL", "S"}
	for i, w := range want {
		if !grid[i].Entered || grid[i].Entry.Code != w {
			t.Errorf("row %d: stored %+v, want %s", i+1, grid[i].Entry, w)
		}
	}
	rules, err := svc.AttendanceRules()
	if err != nil {
		t.Fatal(err)
	}
	// The times are stored; the minutes are derived when read.
	if late := data.DeriveDay(workDay, grid[1].Entry, rules).LateMinutes; late != 15 || grid[1].Entry.In != "07:45" || grid[3].Entered {
		t.Errorf("row 2 late %d minutes (in %q); row 4 entered %v", late, grid[1].Entry.In, grid[3].Entered)
	}
	rec, err := svc.MonthRecap(2026, time.November, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range rec.Lines {
		if l.StaffID == grid[1].StaffID && (l.Recap.LateCount != 1 || l.Recap.LateMinutes != 15) {
			t.Errorf("recap of row 2: %+v", l.Recap)
		}
	}
	if !strings.Contains(g.msg.Text, "3 baris") {
		t.Errorf("after saving: %q", g.msg.Text)
	}
}

func TestDailyGridMarkAllH(t *testing.T) {
	u, svc := newAttendanceUI(t, 10)
	g := u.attendance.day
	g.show(workDay)
	typeAt(t, g, 0, fieldCode, "s")
	test.Tap(button(t, u, "Tandai semua yang belum diisi sebagai H"))
	grid, err := svc.DayGrid(workDay, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range grid {
		want := "H"
		if i == 0 {
			want = "S"
		}
		if !r.Entered || r.Entry.Code != want {
			t.Errorf("row %d: %+v, want %s", i+1, r.Entry, want)
		}
	}
	if want := fmt.Sprintf("%d pegawai", len(grid)-1); !strings.Contains(g.msg.Text, want) {
		t.Errorf("message %q does not say %q", g.msg.Text, want)
	}
	for _, r := range g.rows {
		if l, _ := r.label(g.codes); l == "belum diisi" {
			t.Errorf("%s still shows belum diisi", r.row.Name)
		}
	}
}

func TestDailyGridHolidayDisablesEntry(t *testing.T) {
	u, _ := newAttendanceUI(t, 5)
	g := u.attendance.day
	g.show(data.NewDate(2026, 12, 25))
	if len(g.rows) != 0 || !g.save.Disabled() || !strings.Contains(g.status.Text, "bukan hari kerja") {
		t.Errorf("Christmas: %d rows, save disabled %v, status %q", len(g.rows), g.save.Disabled(), g.status.Text)
	}
	if !strings.Contains(g.status.Text, "Kelahiran Yesus Kristus") {
		t.Errorf("status does not name the holiday: %q", g.status.Text)
	}
}

func TestLeaveDialogOffersPPPKOnlyTheirCodes(t *testing.T) {
	u, svc := newAttendanceUI(t, 30)
	pppk := staffOfKind(t, svc, data.KindPPPK, data.KindPPPKParuhWaktu)
	l := u.openLeave(pppk.ID)
	opts := strings.Join(l.code.Options, "|")
	for _, want := range []string{"CT — Cuti Tahunan", "CS — Cuti Sakit", "CM — Cuti Melahirkan", "DL — Dinas Luar"} {
		if !strings.Contains(opts, want) {
			t.Errorf("PPPK not offered %q: %s", want, opts)
		}
	}
	for _, not := range []string{"CB —", "CAP —", "CLTN —", "TL —", "H —"} {
		if strings.Contains(opts, not) {
			t.Errorf("PPPK offered %q: %s", not, opts)
		}
	}
	pns := staffOfKind(t, svc, data.KindPNS)
	l2 := u.openLeave(pns.ID)
	if !strings.Contains(strings.Join(l2.code.Options, "|"), "CB — Cuti Besar") {
		t.Error("PNS not offered cuti besar")
	}
	l2.code.SetSelected("CT — Cuti Tahunan")
	l2.from.SetText("23/11/2026")
	l2.to.SetText("29/11/2026")
	if !strings.Contains(l2.info.Text, "5 hari kerja") || !strings.Contains(l2.info.Text, "Sisa cuti tahunan 2026") {
		t.Errorf("info: %q", l2.info.Text)
	}
	l2.code.SetSelected("DL — Dinas Luar")
	if l2.letterLabel.Text != "Nomor Surat Perintah Tugas" {
		t.Errorf("DL letter label %q", l2.letterLabel.Text)
	}
	l2.letter.SetText("094/12/Kec")
	test.Tap(buttonIn(t, objects(u.win.Canvas()), "Simpan"))
	m, err := svc.AttendanceMonth(pns.ID, 2026, time.November)
	if err != nil {
		t.Fatal(err)
	}
	if e, ok := m.Entry(workDay); !ok || e.Code != "DL" || e.Letter != "094/12/Kec" {
		t.Errorf("DL on %s: %+v", workDay, e)
	}
	if _, ok := m.Entry(data.NewDate(2026, 11, 28)); ok {
		t.Error("DL entered on a Saturday")
	}
}

func TestImportPreviewSavesNothingUntilConfirmed(t *testing.T) {
	u, svc := newAttendanceUI(t, 6)
	s := staffOfKind(t, svc, data.KindPNS)
	all, err := svc.AllStaff()
	if err != nil {
		t.Fatal(err)
	}
	other := all[0]
	if other.ID == s.ID {
		other = all[1]
	}
	log := "  " + s.NIP + "\t2026-11-26 07:25:01\t1\t0\n" +
		s.NIP + "\t2026-11-26 16:10:00\t1\t1\n" +
		"999\t2026-11-26 07:50:00\t1\t0\n" +
		"this is not a punch\n"
	w := u.openAttendanceImport("1_attlog.dat", []byte(log), nil)
	waitFor(t, "the preview", func() bool { return w.previews.Load() >= 1 })
	if len(w.plan.Unknown) != 1 || w.plan.Unknown[0].PIN != "999" {
		t.Errorf("unknown PINs: %+v", w.plan.Unknown)
	}
	if len(w.plan.BadLines) != 1 || w.plan.BadLines[0].Line != 4 {
		t.Errorf("bad lines: %+v", w.plan.BadLines)
	}
	for _, title := range []string{"PIN tidak dikenal (1)", "Baris tidak terbaca (1)", "Berubah (1)"} {
		if !shownText(u, title) {
			t.Errorf("preview does not show %q", title)
		}
	}
	w.tabs.SelectIndex(3)
	if !shownText(u, "PIN 999: 1 rekaman") {
		t.Error("unknown PIN not listed")
	}
	w.tabs.SelectIndex(4)
	if !shownText(u, "baris 4:") {
		t.Error("bad line not listed with its number")
	}
	day := data.NewDate(2026, 11, 26)
	if m, _ := svc.AttendanceMonth(s.ID, 2026, time.November); len(m.Days) != 0 {
		t.Fatalf("the preview saved %v", m.Days)
	}
	w.tabs.SelectIndex(3)
	var sel = findSelect(t, u, "(Pilih)")
	sel.SetSelected(other.DisplayName() + " — " + other.Identifier())
	waitFor(t, "the new plan", func() bool { return w.previews.Load() >= 2 })
	if len(w.plan.Unknown) != 0 || w.plan.NewPins["999"] != other.ID {
		t.Fatalf("after mapping: unknown %v, new pins %v", w.plan.Unknown, w.plan.NewPins)
	}
	if pins, _ := svc.MachinePins(); pins["999"] != 0 {
		t.Fatal("a mapping was saved before Simpan")
	}
	test.Tap(w.save)
	waitFor(t, "the import", func() bool {
		m, _ := svc.AttendanceMonth(other.ID, 2026, time.November)
		_, ok := m.Entry(day)
		return ok
	})
	m, _ := svc.AttendanceMonth(s.ID, 2026, time.November)
	if e, ok := m.Entry(day); !ok || e.In != "07:25" || e.Out != "16:10" || e.Code != "H" {
		t.Errorf("imported %+v", e)
	}
	if pins, _ := svc.MachinePins(); pins["999"] != other.ID {
		t.Errorf("PIN 999 not remembered: %v", pins)
	}
}

// findSelect returns the last visible select showing text.
func findSelect(t *testing.T, u *App, text string) *widget.Select {
	t.Helper()
	objs := objects(u.win.Canvas())
	for i := len(objs) - 1; i >= 0; i-- {
		if s, ok := objs[i].(*widget.Select); ok && s.Selected == "" && s.PlaceHolder == text {
			return s
		}
	}
	t.Fatalf("no select showing %q", text)
	return nil
}

func TestRecapShowsServiceNumbers(t *testing.T) {
	u, svc := newAttendanceUI(t, 12)
	if _, err := svc.MarkNotEnteredAsH(workDay, 0); err != nil {
		t.Fatal(err)
	}
	grid, err := svc.DayGrid(data.NewDate(2026, 11, 26), 0)
	if err != nil {
		t.Fatal(err)
	}
	err = svc.SaveDay(data.NewDate(2026, 11, 26), []service.DayInput{
		{StaffID: grid[0].StaffID, Code: "TL", In: "08:10"}, {StaffID: grid[1].StaffID, Code: "TK"},
		{StaffID: grid[2].StaffID, In: "07:20", Out: "15:00"}})
	if err != nil {
		t.Fatal(err)
	}
	u.attendance.tabs.SelectIndex(1)
	v := u.attendance.recap
	v.year.SetSelected("2026")
	v.month.SetSelectedIndex(10)
	want, err := svc.MonthRecap(2026, time.November, 0)
	if err != nil {
		t.Fatal(err)
	}
	byStaff := map[uint64]service.RecapLine{}
	for _, l := range want.Lines {
		byStaff[l.StaffID] = l
	}
	staffLines := 0
	for _, l := range v.lines {
		if l.staffID == 0 {
			continue
		}
		staffLines++
		w := byStaff[l.staffID].Recap
		got := []string{l.cell(2), l.cell(3), l.cell(4), l.cell(5), l.cell(6), l.cell(7), l.cell(14), l.cell(15)}
		exp := fmt.Sprint([]int{w.WorkingDays, w.H, w.LateCount, w.LateMinutes, w.EarlyCount, w.EarlyMinutes, w.TK, w.NotEntered})
		if fmt.Sprint(got) != strings.NewReplacer(",", "").Replace(exp) {
			t.Errorf("%s: table %v, service %s", l.name, got, exp)
		}
		wantTPP := "—" // receives no TPP
		if tpp := byStaff[l.staffID].TPP; tpp != nil {
			wantTPP = fmt.Sprintf("%.2f", tpp.Percent)
		}
		if l.cell(17) != wantTPP {
			t.Errorf("%s: TPP %s, service %s", l.name, l.cell(17), wantTPP)
		}
	}
	last := v.lines[len(v.lines)-1]
	if staffLines != len(want.Lines) || last.cell(3) != fmt.Sprint(want.Office.H) || last.cell(15) != fmt.Sprint(want.Office.NotEntered) {
		t.Errorf("%d staff lines (want %d); office H %s NotEntered %s, want %d %d",
			staffLines, len(want.Lines), last.cell(3), last.cell(15), want.Office.H, want.Office.NotEntered)
	}
	if want.Office.H == 0 || want.Office.TK != 1 || want.Office.LateMinutes == 0 {
		t.Errorf("the fixture did not record what it meant to: %+v", want.Office)
	}
	v.table.ScrollToBottom()
	if !shownText(u, "Jumlah kantor") {
		t.Error("office total not on screen")
	}
	v.mode.SetSelectedIndex(1)
	titles := make([]string, len(v.cols))
	for i, c := range v.cols {
		titles[i] = c.title
	}
	if got := strings.Join(titles, " "); got != "Nama NIP TK TL1 TL2 TL3 TL4 PSW1 PSW2 PSW3 PSW4 Pot. TPP % Jenis" {
		t.Fatalf("TPP columns %q", got)
	}
	for _, l := range v.lines {
		if l.staffID != grid[0].StaffID {
			continue
		}
		w := byStaff[l.staffID].TPP
		got := strings.Join([]string{v.cols[3].cell(l), v.cols[4].cell(l), v.cols[11].cell(l)}, " ")
		if want := fmt.Sprintf("%d %d %.2f", w.Late[0], w.Late[1], w.Percent); got != want || w.Late[1] != 1 {
			t.Errorf("TPP line of the late arrival: %s, service %s", got, want)
		}
	}
}

func TestDisciplineAndCalendarTabs(t *testing.T) {
	u, svc := newAttendanceUI(t, 6)
	s := staffOfKind(t, svc, data.KindPNS)
	var inputs []service.DayInput
	for _, d := range []data.Date{data.NewDate(2026, 11, 23), data.NewDate(2026, 11, 24)} {
		inputs = []service.DayInput{{StaffID: s.ID, Code: "TK"}}
		if err := svc.SaveDay(d, inputs); err != nil {
			t.Fatal(err)
		}
	}
	u.attendance.tabs.SelectIndex(2)
	v := u.attendance.discipline
	found := false
	for _, l := range v.lines {
		if l.StaffID == s.ID {
			found = true
			texts := disciplineTexts(l)
			if !strings.Contains(texts[1], "TK 2 hari") || !strings.Contains(texts[3], "Tinggal 1 hari TK lagi") {
				t.Errorf("discipline texts %q", texts)
			}
		}
	}
	if !found {
		t.Fatal("staff member with TK not listed")
	}
	u.Show(ScreenHome)
	if !shownText(u, s.DisplayName()) || !shownText(u, "Tinggal 1 hari TK lagi mencapai batas teguran lisan") {
		t.Error("Beranda does not list the staff member near a threshold")
	}
	u.Show(ScreenAttendance)
	u.attendance.tabs.SelectIndex(3)
	c := u.attendance.calendar
	c.newDate.SetText("30/11/2026")
	c.newName.SetText("HUT Kecamatan")
	test.Tap(buttonIn(t, objectsUnder(c.view), "Tambah libur lokal"))
	hs, err := svc.Holidays()
	if err != nil {
		t.Fatal(err)
	}
	ok := false
	for _, h := range hs {
		ok = ok || (h.Date == data.NewDate(2026, 11, 30) && h.Kind == data.HolidayLocal)
	}
	if !ok {
		t.Fatalf("local day off not saved: %s", c.msg.Text)
	}
	u.attendance.tabs.SelectIndex(0)
	u.attendance.day.show(data.NewDate(2026, 11, 30))
	if !strings.Contains(u.attendance.day.status.Text, "HUT Kecamatan") {
		t.Errorf("daily grid on the local day off: %q", u.attendance.day.status.Text)
	}
}

func TestImportTableWithColumnMapping(t *testing.T) {
	u, svc := newAttendanceUI(t, 6)
	s := staffOfKind(t, svc, data.KindPNS)
	table := data.Table{Header: []string{"No. ID", "Nama", "Tanggal", "Jam"}, Rows: []data.Row{
		{Line: 2, Cells: []string{s.NIP, s.Name, "2026-11-25", "07:41:00"}},
		{Line: 3, Cells: []string{s.NIP, s.Name, "2026-11-25", "16:02:00"}},
		{Line: 4, Cells: []string{s.NIP, s.Name, "kemarin", "07:00"}},
	}}
	w := u.openAttendanceImport("scan.csv", nil, &table)
	if w.colSel[0].SelectedIndex() != 1 || w.colSel[2].SelectedIndex() != 3 || w.colSel[3].SelectedIndex() != 4 {
		t.Fatalf("guessed columns %d %d %d", w.colSel[0].SelectedIndex(), w.colSel[2].SelectedIndex(), w.colSel[3].SelectedIndex())
	}
	w.colSel[0].SetSelectedIndex(0)
	test.Tap(button(t, u, "Lanjut: periksa baris"))
	if w.previews.Load() != 0 || !shownText(u, "pilih kolom PIN") {
		t.Fatal("a mapping without the PIN column was accepted")
	}
	w.colSel[0].SetSelectedIndex(1)
	test.Tap(button(t, u, "Lanjut: periksa baris"))
	waitFor(t, "the preview", func() bool { return w.previews.Load() >= 1 })
	if w.plan.Count(data.MergeAdded) != 1 || len(w.plan.BadLines) != 1 || w.plan.BadLines[0].Line != 4 {
		t.Fatalf("plan: %d added, bad lines %+v", w.plan.Count(data.MergeAdded), w.plan.BadLines)
	}
	test.Tap(w.save)
	waitFor(t, "the import", func() bool {
		m, _ := svc.AttendanceMonth(s.ID, 2026, time.November)
		e, ok := m.Entry(data.NewDate(2026, 11, 25))
		return ok && e.Code == "TL" && e.In == "07:41" && e.LateMinutes == 0 // minutes are derived, not stored
	})
}

func TestClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"Budi", 4, "Budi"},
		{"Budi Santoso", 4, "Bud…"},
		{"Drs. Ádi Sútisna", 6, "Drs. …"},
		{"", 3, ""},
	}
	for _, tt := range tests {
		if got := clip(tt.in, tt.n); got != tt.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestSheetDialogWeekAndRender(t *testing.T) {
	u, _ := newAttendanceUI(t, 5)
	u.attendance.day.show(workDay)
	test.Tap(button(t, u, "Daftar hadir kosong…"))
	s := u.attendance.day.sheet
	test.Tap(button(t, u, "Seminggu"))
	if s.from.Text != "23/11/2026" || s.to.Text != "29/11/2026" {
		t.Fatalf("week of %s: %s–%s", workDay, s.from.Text, s.to.Text)
	}
	b, _, err := s.render()
	if err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("render: %v", err)
	}
	s.from.SetText("28/11/2026")
	s.to.SetText("29/11/2026")
	test.Tap(button(t, u, "Cetak"))
	if !strings.Contains(s.msg.Text, "bukan hari kerja") {
		t.Errorf("a weekend sheet: %q", s.msg.Text)
	}
}

func TestLeaveOpeningBalance(t *testing.T) {
	u, svc := newAttendanceUI(t, 8)
	pns := staffOfKind(t, svc, data.KindPNS)
	l := u.openLeave(pns.ID)
	if !strings.Contains(l.opening.Text, "belum diisi") {
		t.Errorf("opening shown as %q", l.opening.Text)
	}
	test.Tap(button(t, u, "Ubah…"))
	entries := []*widget.Entry{}
	for _, o := range objects(u.win.Canvas()) {
		if e, ok := o.(*widget.Entry); ok {
			entries = append(entries, e)
		}
	}
	year, days := entries[len(entries)-2], entries[len(entries)-1]
	if year.Text != "2026" || days.Text != "12" {
		t.Fatalf("opening form starts at %q, %q", year.Text, days.Text)
	}
	days.SetText("30")
	test.Tap(button(t, u, "Simpan"))
	if _, found, _ := svc.LeaveOpening(pns.ID); found {
		t.Fatal("30 days were accepted")
	}
	days.SetText("20")
	test.Tap(button(t, u, "Simpan"))
	o, found, err := svc.LeaveOpening(pns.ID)
	if err != nil || !found || o.Days != 20 || o.Year != 2026 {
		t.Fatalf("opening %+v %v %v", o, found, err)
	}
	if l.opening.Text != "20 hari pada 2026" {
		t.Errorf("opening shown as %q", l.opening.Text)
	}
	l.code.SetSelected("CT — Cuti Tahunan")
	l.from.SetText("30/11/2026")
	l.to.SetText("01/12/2026")
	if !strings.Contains(l.info.Text, "20 dari 20 hari") || !strings.Contains(l.info.Text, "sesudah cuti ini 18 hari") {
		t.Errorf("info %q", l.info.Text)
	}
}

func TestRulesTabSavesScheduleTPPAndDiscipline(t *testing.T) {
	u, svc := newAttendanceUI(t, 3)
	u.attendance.tabs.SelectIndex(4)
	r := u.attendance.rules
	if r.week[time.Friday].end.Text != "16:30" || r.absent.Text != "1,5" || !r.convert.Checked {
		t.Fatalf("defaults shown: Friday ends %q, TK %q, convert %v", r.week[time.Friday].end.Text, r.absent.Text, r.convert.Checked)
	}
	r.late[1].percent.SetText("x")
	test.Tap(buttonIn(t, objectsUnder(r.view), "Simpan jadwal"))
	if !strings.Contains(r.msg.Text, "TL2") {
		t.Errorf("bad percent message %q does not name the band", r.msg.Text)
	}
	if set, _ := svc.AttendanceSettings(); set.Schedule.Week[time.Saturday].Works() {
		t.Fatal("refused settings were saved")
	}
	r.late[1].percent.SetText("1,25")
	r.week[time.Saturday].works.SetChecked(true)
	r.week[time.Saturday].start.SetText("08.00")
	r.week[time.Saturday].end.SetText("12:00")
	r.ramWeek[time.Monday].start.SetText("08:30")
	r.absent.SetText("2,5")
	r.convert.SetChecked(false)
	r.addRange(data.DateRange{From: data.NewDate(2027, 2, 8), To: data.NewDate(2027, 3, 9)})
	test.Tap(buttonIn(t, objectsUnder(r.view), "Simpan jadwal"))
	set, err := svc.AttendanceSettings()
	if err != nil {
		t.Fatal(err)
	}
	sat := set.Schedule.Week[time.Saturday]
	if sat.Start != 8*60 || sat.End != 12*60 || set.TPP.AbsentPercent != 2.5 || set.TPP.Late[1].Percent != 1.25 ||
		set.Discipline.ConvertLateness || len(set.Ramadan) != 1 || set.Schedule.Ramadan[time.Monday].Start != 8*60+30 {
		t.Errorf("saved %+v (message %q)", set, r.msg.Text)
	}
	if ds, _ := svc.WorkingDay(data.NewDate(2026, 11, 28)); !ds.Working {
		t.Error("a Saturday is still not a working day in a six-day week")
	}
}

func TestParseNumberAndFormatPercent(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"1,5", 1.5, true}, {"2.25", 2.25, true}, {" 7 ", 7, true}, {"", 0, false}, {"x", 0, false}, {"1,2,3", 0, false},
	}
	for _, tt := range tests {
		got, err := parseNumber(tt.in, "f")
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("parseNumber(%q) = %v, %v", tt.in, got, err)
		}
	}
	if got := formatPercent(1.25); got != "1,25" {
		t.Errorf("formatPercent(1.25) = %q", got)
	}
}

func TestRecapUnitFilterAndYearView(t *testing.T) {
	u, svc := newAttendanceUI(t, 12)
	if _, err := svc.MarkNotEnteredAsH(workDay, 0); err != nil {
		t.Fatal(err)
	}
	u.attendance.tabs.SelectIndex(1)
	v := u.attendance.recap
	v.units.sel.SetSelectedIndex(5)
	unit := v.units.id()
	want, err := svc.MonthRecap(2026, time.November, unit)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.lines) != len(want.Lines)+len(want.Units)+1 {
		t.Fatalf("unit %d: %d table lines, service %d people in %d units", unit, len(v.lines), len(want.Lines), len(want.Units))
	}
	if len(want.Lines) > 0 {
		v.table.Select(widget.TableCellID{Row: 1, Col: 0})
		y, err := svc.YearRecap(want.Lines[0].StaffID, 2026)
		if err != nil {
			t.Fatal(err)
		}
		if !shownText(u, "Rekap kehadiran "+y.Name+" tahun 2026") {
			t.Error("year view not shown for the line chosen")
		}
		lines := yearLines(y)
		if len(lines) != 13 || lines[10].cell(3) != fmt.Sprint(y.Months[10].H) || lines[12].cell(2) != fmt.Sprint(y.Total.WorkingDays) {
			t.Errorf("year lines: %d, November H %s, total working days %s", len(lines), lines[10].cell(3), lines[12].cell(2))
		}
	}
}

func TestRecapExportWritesFiles(t *testing.T) {
	u, svc := newAttendanceUI(t, 6)
	if _, err := svc.MarkNotEnteredAsH(workDay, 0); err != nil {
		t.Fatal(err)
	}
	u.attendance.tabs.SelectIndex(1)
	v := u.attendance.recap
	dir := t.TempDir()
	for _, format := range []string{service.FormatXLSX, service.FormatPDF} {
		var got []string
		v.writeExport(2026, time.November, dir, format, func(paths []string) { got = paths })
		waitFor(t, format+" export", func() bool { return len(got) > 0 })
		for _, p := range got {
			if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
				t.Errorf("%s: %v", p, err)
			}
		}
	}
}

func TestDailyGridUnitFilter(t *testing.T) {
	u, _ := newAttendanceUI(t, 20)
	g := u.attendance.day
	g.show(workDay)
	all := len(g.rows)
	g.units.sel.SetSelectedIndex(4)
	unit := g.units.id()
	if unit == 0 || len(g.rows) == 0 || len(g.rows) >= all {
		t.Fatalf("unit %d: %d of %d rows", unit, len(g.rows), all)
	}
	for _, r := range g.rows {
		if r.row.UnitID != unit {
			t.Errorf("%s of unit %d shown for unit %d", r.row.Name, r.row.UnitID, unit)
		}
	}
}

func TestImportOverwriteNeedsConfirmation(t *testing.T) {
	u, svc := newAttendanceUI(t, 4)
	s := staffOfKind(t, svc, data.KindPNS)
	day := data.NewDate(2026, 11, 26)
	if err := svc.SaveDay(day, []service.DayInput{{StaffID: s.ID, Code: "S", Note: "surat dokter"}}); err != nil {
		t.Fatal(err)
	}
	log := s.NIP + "\t2026-11-26 07:20:00\n" + s.NIP + "\t2026-11-26 16:05:00\n"
	w := u.openAttendanceImport("1_attlog.dat", []byte(log), nil)
	waitFor(t, "the preview", func() bool { return w.previews.Load() >= 1 })
	if w.plan.Count(data.MergeKeptHand) != 1 || !w.save.Disabled() {
		t.Fatalf("hand entry: kept %d, save enabled %v", w.plan.Count(data.MergeKeptHand), !w.save.Disabled())
	}
	var check *widget.Check
	for _, o := range objects(u.win.Canvas()) {
		if c, ok := o.(*widget.Check); ok && c.Text == "Timpa isian yang dibuat dengan tangan" {
			check = c
		}
	}
	test.Tap(check)
	test.Tap(button(t, u, "Tidak"))
	if check.Checked || w.overwrite || w.previews.Load() != 1 {
		t.Fatalf("refusing the question left checked %v, overwrite %v", check.Checked, w.overwrite)
	}
	test.Tap(check)
	test.Tap(button(t, u, "Ya"))
	waitFor(t, "the new plan", func() bool { return w.previews.Load() >= 2 })
	if !w.plan.Overwrite || w.plan.Count(data.MergeChanged) != 1 {
		t.Fatalf("overwrite plan: %+v", w.plan)
	}
	if m, _ := svc.AttendanceMonth(s.ID, 2026, time.November); m.Days[26].Code != "S" {
		t.Fatal("the hand entry changed before Simpan")
	}
	test.Tap(w.save)
	waitFor(t, "the import", func() bool {
		m, _ := svc.AttendanceMonth(s.ID, 2026, time.November)
		return m.Days[26].Code == "H"
	})
}

func TestLeaveOverDaysAlreadyEnteredAsksFirst(t *testing.T) {
	u, svc := newAttendanceUI(t, 4)
	s := staffOfKind(t, svc, data.KindPNS)
	if _, err := svc.MarkNotEnteredAsH(workDay, 0); err != nil {
		t.Fatal(err)
	}
	l := u.openLeave(s.ID)
	l.code.SetSelected("S — Sakit")
	l.from.SetText("26/11/2026")
	l.to.SetText("27/11/2026")
	test.Tap(buttonIn(t, objects(u.win.Canvas()), "Simpan"))
	if m, _ := svc.AttendanceMonth(s.ID, 2026, time.November); m.Days[26].Code != "" || m.Days[27].Code != "H" {
		t.Fatalf("saved before the question: %v", m.Days)
	}
	test.Tap(button(t, u, "Ya"))
	m, _ := svc.AttendanceMonth(s.ID, 2026, time.November)
	if m.Days[26].Code != "S" || m.Days[27].Code != "S" {
		t.Errorf("after confirming: %v", m.Days)
	}
}

func TestRulesTabEditsTheCodeList(t *testing.T) {
	u, svc := newAttendanceUI(t, 3)
	u.attendance.tabs.SelectIndex(4)
	r := u.attendance.rules
	if len(r.codeRows) != len(data.DefaultCodes()) || !r.codeRows[0].code.Disabled() {
		t.Fatalf("%d code rows; H editable %v", len(r.codeRows), !r.codeRows[0].code.Disabled())
	}
	test.Tap(buttonIn(t, objectsUnder(r.view), "Tambah kode"))
	added := r.codeRows[len(r.codeRows)-1]
	added.code.SetText("tb2")
	added.label.SetText("Tugas Belajar Mandiri")
	test.Tap(buttonIn(t, objectsUnder(r.view), "Simpan jadwal"))
	set, err := svc.AttendanceSettings()
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := set.Codes.Lookup("TB2"); !ok || c.Label != "Tugas Belajar Mandiri" || c.Category != data.CategoryExcused {
		t.Fatalf("added code saved as %+v %v (message %q)", c, ok, r.msg.Text)
	}
	for _, row := range r.codeRows {
		if row.orig.Code == "TK" {
			r.removeCode(row)
		}
	}
	test.Tap(buttonIn(t, objectsUnder(r.view), "Simpan jadwal"))
	if !strings.Contains(r.msg.Text, "TK") {
		t.Errorf("removing TK: %q", r.msg.Text)
	}
	set, _ = svc.AttendanceSettings()
	if _, ok := set.Codes.Lookup("TK"); !ok {
		t.Error("TK was removed from the stored list")
	}
}

// unsavedAnswer taps one button of the "Simpan perubahan?" question.
func unsavedAnswer(t *testing.T, u *App, label string) {
	t.Helper()
	if !shownText(u, "Simpan perubahan?") {
		t.Fatal("no \"Simpan perubahan?\" question")
	}
	test.Tap(button(t, u, label))
}

func TestDailyGridAsksBeforeLosingTypedRows(t *testing.T) {
	u, svc := newAttendanceUI(t, 8)
	g := u.attendance.day
	g.date.SetText(workDay.Slash())
	typeAt(t, g, 0, fieldCode, "h")
	typeAt(t, g, 1, fieldCode, "tl")
	typeAt(t, g, 1, fieldIn, "0815") // typed as people do
	if m := cellsOf(t, g, 1).minutes.Text; m != "TL 45 mnt" {
		t.Errorf("0815 shows %q", m)
	}
	// Clicking another screen asks; Batal stays with the typing intact.
	u.nav.Select(ScreenStaff)
	unsavedAnswer(t, u, "Batal")
	if u.current != ScreenAttendance || g.rows[0].code != "h" {
		t.Fatalf("Batal left Kehadiran (%s) or lost the typing", u.current)
	}
	// Changing the date asks too; Batal keeps the date.
	var nextDay *widget.Button
	for _, o := range objects(u.win.Canvas()) {
		if b, ok := o.(*widget.Button); ok && b.Icon == theme.NavigateNextIcon() && nextDay == nil {
			nextDay = b
		}
	}
	test.Tap(nextDay)
	unsavedAnswer(t, u, "Batal")
	if g.shown != workDay || g.date.Text != workDay.Slash() {
		t.Fatalf("Batal moved to %s", g.shown)
	}
	// Another tab and back keeps the typing.
	u.attendance.tabs.SelectIndex(1)
	u.attendance.tabs.SelectIndex(0)
	if g.rows[1].in != "0815" || cellsOf(t, g, 1).entries[fieldIn].Text != "0815" {
		t.Fatal("switching tabs lost the typing")
	}
	// Simpan saves, then goes where asked.
	u.nav.Select(ScreenStaff)
	unsavedAnswer(t, u, "Simpan")
	if u.current != ScreenStaff {
		t.Fatalf("after Simpan the screen is %s", u.current)
	}
	grid, err := svc.DayGrid(workDay, 0)
	if err != nil {
		t.Fatal(err)
	}
	if grid[0].Entry.Code != "H" || grid[1].Entry.Code != "TL" || grid[1].Entry.In != "08:15" {
		t.Fatalf("saved %+v / %+v", grid[0].Entry, grid[1].Entry)
	}
	// Buang drops the typing and moves on.
	u.Show(ScreenAttendance)
	g.date.SetText(workDay.Slash())
	typeAt(t, g, 2, fieldCode, "s")
	u.nav.Select(ScreenHome)
	unsavedAnswer(t, u, "Buang")
	if u.current != ScreenHome {
		t.Fatalf("after Buang the screen is %s", u.current)
	}
	if grid, _ := svc.DayGrid(workDay, 0); grid[2].Entered {
		t.Error("Buang saved the row")
	}
}

func TestLeaveDialogRefusesByRuleAndPrintsTheForm(t *testing.T) {
	u, svc := newAttendanceUI(t, 8)
	s := staffOfKind(t, svc, data.KindPNS)
	if err := svc.SetLeaveOpening(s.ID, data.LeaveOpening{Year: 2026, Days: 2}); err != nil {
		t.Fatal(err)
	}
	l := u.openLeave(s.ID)
	l.code.SetSelected("CT — Cuti Tahunan")
	l.from.SetText("23/11/2026")
	l.to.SetText("25/11/2026")
	l.reason.SetText("Keperluan keluarga")
	l.address.SetText("Jl. Raya Soreang 5")
	test.Tap(buttonIn(t, objects(u.win.Canvas()), "Simpan"))
	if !strings.Contains(l.msg.Text, "melebihi sisa cuti tahunan") {
		t.Fatalf("CT over the balance: %q", l.msg.Text)
	}
	test.Tap(buttonIn(t, objects(u.win.Canvas()), "Cetak formulir"))
	if !strings.Contains(l.msg.Text, "Simpan cutinya dulu") {
		t.Errorf("form of a leave not saved: %q", l.msg.Text)
	}
	l.to.SetText("24/11/2026")
	test.Tap(buttonIn(t, objects(u.win.Canvas()), "Simpan"))
	if !strings.Contains(l.msg.Text, "tercatat untuk 2 hari") {
		t.Fatalf("CT within the balance: %q", l.msg.Text)
	}
	test.Tap(buttonIn(t, objects(u.win.Canvas()), "Cetak formulir"))
	b, err := os.ReadFile(l.formPath)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("form %q: %v", l.formPath, err)
	}
	g, err := svc.LeaveGrant(s.ID, data.NewDate(2026, 11, 23))
	if err != nil || g.Reason != "Keperluan keluarga" || g.Address != "Jl. Raya Soreang 5" {
		t.Errorf("grant = %+v, %v", g, err)
	}
}

func TestRulesTabPreviewsTheDaysAChangeAffects(t *testing.T) {
	u, svc := newAttendanceUI(t, 3)
	s := staffOfKind(t, svc, data.KindPNS)
	if err := svc.SaveDay(workDay, []service.DayInput{{StaffID: s.ID, In: "07:40", Out: "16:30"}}); err != nil {
		t.Fatal(err)
	}
	u.attendance.tabs.SelectIndex(4)
	r := u.attendance.rules
	r.week[time.Friday].start.SetText("07:45") // 27 November 2026 is a Friday: the TL day becomes H
	test.Tap(buttonIn(t, objectsUnder(r.view), "Simpan jadwal"))
	if r.lastEffect.Days != 1 || !shownText(u, "mengubah angka kehadiran 1 hari-orang dalam 1 bulan (November 2026") {
		t.Fatalf("preview = %+v", r.lastEffect)
	}
	if set, _ := svc.AttendanceSettings(); set.Schedule.Week[time.Friday].Start != 7*60+30 {
		t.Fatal("saved before the answer")
	}
	test.Tap(button(t, u, "Ya"))
	if set, _ := svc.AttendanceSettings(); set.Schedule.Week[time.Friday].Start != 7*60+45 {
		t.Fatal("not saved after Ya")
	}
	rec, _ := svc.MonthRecap(2026, time.November, 0)
	for _, l := range rec.Lines {
		if l.StaffID == s.ID && (l.Recap.LateCount != 0 || l.Recap.H != 1) {
			t.Errorf("recap under the new hours = %+v", l.Recap)
		}
	}
}

func TestDailyGridPiketOnCutiBersama(t *testing.T) {
	u, svc := newAttendanceUI(t, 5)
	g := u.attendance.day
	xmasEve := data.NewDate(2026, 12, 24) // cuti bersama
	g.show(xmasEve)
	if len(g.rows) != 0 || g.piketBtn.Hidden {
		t.Fatalf("day off: %d rows, piket button hidden %v", len(g.rows), g.piketBtn.Hidden)
	}
	test.Tap(g.piketBtn)
	if len(g.rows) == 0 || g.save.Disabled() || !g.markH.Disabled() || !strings.Contains(g.status.Text, "piket") {
		t.Fatalf("piket grid: %d rows, save disabled %v, status %q", len(g.rows), g.save.Disabled(), g.status.Text)
	}
	typeAt(t, g, 0, fieldCode, "h")
	typeAt(t, g, 0, fieldIn, "0800")
	if m := cellsOf(t, g, 0).minutes.Text; m != "piket (hari libur)" {
		t.Errorf("piket row shows %q", m)
	}
	test.Tap(g.save)
	rec, err := svc.MonthRecap(2026, time.December, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range rec.Lines {
		if l.StaffID == g.rows[0].row.StaffID && (l.Recap.Piket != 1 || l.Recap.Present != 0) {
			t.Errorf("recap = %+v", l.Recap)
		}
	}
}
