package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// listRowText returns the two lines shown in list's row for name, as drawn.
func listRowText(list *widget.List, name string) (string, bool) {
	for _, o := range objectsUnder(list) {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 2 {
			continue
		}
		title, ok1 := c.Objects[0].(*widget.Label)
		sub, ok2 := c.Objects[1].(*widget.Label)
		if ok1 && ok2 && title.Text == name {
			return sub.Text, true
		}
	}
	return "", false
}

// The automatic save of a draft when the next person is opened shows at
// once in the list: the row says Draf, as the detail does.
func TestEvaluationListRowFollowsAutosave(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	row := openFirstToRate(t, u)
	s := u.evaluation
	s.unitSel.SetSelectedIndex(0) // every unit, so there is a next person
	if s.staffID != row.Staff.ID {
		t.Fatal("choosing every unit did not keep the person open")
	}
	if got, ok := listRowText(s.list, row.Employee.Name); !ok || got != "Belum dimulai" {
		t.Fatalf("before typing the row says %q (drawn %v)", got, ok)
	}
	test.Type(s.form.realisasi[0], "Laporan selesai tepat waktu")
	i := s.index(row.Staff.ID)
	other := i + 1
	if other >= len(s.shown) {
		other = i - 1
	}
	s.list.Select(other)
	if s.staffID == row.Staff.ID {
		t.Fatalf("selecting another person (%d of %d, was %d) did not open them: %q", other, len(s.shown), i, s.form.status.Text)
	}
	if got, ok := listRowText(s.list, row.Employee.Name); !ok || got != "Draf" {
		t.Errorf("after the automatic save the row says %q (drawn %v), want Draf", got, ok)
	}
}

// One wheel notch (25 px from the driver) moves the evaluation form at
// least a few rows, and the bar above it jumps straight to the ratings.
func TestEvaluationFormScrollsAtAUsefulPace(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	openFirstToRate(t, u)
	f := u.evaluation.form
	if f.scroll.Content.MinSize().Height <= f.scroll.Size().Height {
		t.Fatalf("the form (%v) fits its pane (%v); nothing to scroll", f.scroll.Content.MinSize(), f.scroll.Size())
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.scroll).Add(fyne.NewPos(20, 20))
	test.Scroll(u.win.Canvas(), at, 0, -3*25) // three notches down
	if got := f.scroll.Offset.Y; got < 250 {
		t.Errorf("three wheel notches moved the form %.0f px, want at least 250", got)
	}
	// Over an entry field too (its own scroller took the wheel before).
	f.scroll.ScrollToTop()
	relayoutWindow(u)
	at = fyne.CurrentApp().Driver().AbsolutePositionForObject(f.realisasi[0]).Add(fyne.NewPos(10, 10))
	test.Scroll(u.win.Canvas(), at, 0, -3*25)
	if got := f.scroll.Offset.Y; got < 250 {
		t.Errorf("three wheel notches over Realisasi moved the form %.0f px, want at least 250", got)
	}
	test.Tap(buttonIn(t, objectsUnder(f.view), "Rating"))
	rating := f.jumps[2].card
	top := rating.Position().Y - f.scroll.Offset.Y
	if top < 0 || top > f.scroll.Size().Height/2 {
		t.Errorf("after Rating the ratings card is at %.0f px in a pane of %.0f px", top, f.scroll.Size().Height)
	}
	if !inside(f.work, f.scroll) {
		t.Error("the ratings are not in the scrolled form")
	}
	test.Tap(buttonIn(t, objectsUnder(f.view), "Hasil kerja"))
	if f.scroll.Offset.Y != f.jumps[0].card.Position().Y {
		t.Errorf("Hasil kerja scrolled to %.0f, want the card's top %.0f", f.scroll.Offset.Y, f.jumps[0].card.Position().Y)
	}
}

// inside reports whether o is drawn within root.
func inside(o, root fyne.CanvasObject) bool {
	for _, x := range objectsUnder(root) {
		if x == o {
			return true
		}
	}
	return false
}

// A final (Ditetapkan) evaluation shows its values as text, not as
// disabled entries drawn in the grey of empty placeholders.
func TestFinalEvaluationValuesReadAsText(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	openFinal(t, u, "2026-Q2")
	f := u.evaluation.form
	for _, o := range objectsUnder(f.scroll) {
		if e, ok := o.(*widget.Entry); ok && e.Disabled() {
			t.Errorf("a disabled entry %q (placeholder %q) in a final evaluation", e.Text, e.PlaceHolder)
		}
		if r, ok := o.(*widget.RadioGroup); ok && (r == f.work || r == f.behavior) {
			t.Errorf("a rating radio group in a final evaluation")
		}
	}
	e := f.v.Evaluation
	if e.WorkRating == "" || !shownText(u, e.WorkRating.Label()) {
		t.Errorf("the work rating %q is not shown as text", e.WorkRating.Label())
	}
	if len(e.Rows) > 0 && e.Rows[0].Realisasi != "" && !shownText(u, "Realisasi: "+e.Rows[0].Realisasi) {
		t.Errorf("the realisasi %q is not shown as text", e.Rows[0].Realisasi)
	}
}

// relayout lays out every container and widget under o again, top down, as
// the desktop driver does before it draws a frame (the test driver does not).
func relayout(o fyne.CanvasObject) {
	if o == nil || !o.Visible() {
		return
	}
	switch x := o.(type) {
	case *fyne.Container:
		if x.Layout != nil {
			x.Layout.Layout(x.Objects, x.Size())
		}
		for _, c := range x.Objects {
			relayout(c)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(x)
		r.Layout(x.Size())
		for _, c := range r.Objects() {
			relayout(c)
		}
	}
}

// relayoutWindow lays out the window and its dialogs again.
func relayoutWindow(u *App) {
	relayout(u.win.Canvas().Content())
	for _, o := range u.win.Canvas().Overlays().List() {
		relayout(o)
	}
}

// An inline error that appears and goes away again does not move the
// fields below it: the next click lands where the user aimed.
func TestStaffFormKeepsItsRowsInPlace(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	u.Show(ScreenStaff)
	test.Tap(button(t, u, "Tambah pegawai"))
	f := u.staff.form
	at := func() (fyne.Position, fyne.Position) {
		relayoutWindow(u)
		d := fyne.CurrentApp().Driver()
		return d.AbsolutePositionForObject(f.sex), d.AbsolutePositionForObject(f.position)
	}
	sex0, pos0 := at()
	test.Type(f.nik, "320405")
	if f.fields[data.FieldNIK].message() == "" {
		t.Fatal("a six-digit NIK shows no message")
	}
	sex1, pos1 := at()
	f.nik.SetText("3204055104680002")
	if msg := f.fields[data.FieldNIK].message(); f.fields[data.FieldNIK].hasError() {
		t.Fatalf("a sixteen-digit NIK still shows the error %q", msg)
	}
	sex2, pos2 := at()
	if sex1 != sex0 || sex2 != sex0 || pos1 != pos0 || pos2 != pos0 {
		t.Errorf("Jenis kelamin at %v, %v, %v and Jabatan at %v, %v, %v (no error, error, fixed): the rows moved",
			sex0, sex1, sex2, pos0, pos1, pos2)
	}
}

// Simpan on a form with mistakes puts the keyboard focus in the first field
// in error, top to bottom.
func TestStaffFormSimpanFocusesFirstError(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	u.Show(ScreenStaff)
	test.Tap(button(t, u, "Tambah pegawai"))
	f := u.staff.form
	test.Type(f.name, "Asep Saepudin")
	test.Tap(button(t, u, "Simpan"))
	if got := u.win.Canvas().Focused(); got != f.nip {
		t.Fatalf("after Simpan with an empty NIP the focus is on %T, want the NIP field", got)
	}
	test.Type(f.nip, "19680411 199303 1 009")
	f.sex.SetSelected("Laki-laki")
	test.Tap(button(t, u, "Simpan"))
	for _, name := range staffFormRows {
		fl := f.fields[name]
		if fl.box.Visible() && fl.hasError() {
			want, ok := fl.input.(fyne.Focusable)
			if !ok {
				t.Fatalf("the first error is on %s, which takes no focus", name)
			}
			if got := u.win.Canvas().Focused(); got != want {
				t.Errorf("the first error is on %s but the focus is on %T", name, got)
			}
			break
		}
	}
}

// Visiting every screen — Dokumen and Kehadiran on every tab, Pegawai and
// Penilaian with a person open — never asks for more than the smallest
// window: the desktop driver would otherwise widen the window by itself, and
// the sidebar, a share of it, with it.
func TestScreensDoNotWidenTheWindow(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	limit := smallestWindow.Width
	check := func(what string) {
		t.Helper()
		if w := windowWidthNeeded(u); w > limit {
			t.Errorf("%s asks for a window %.0f px wide, more than %.0f", what, w, limit)
		}
	}
	nav := u.nav.Size()
	u.Show(ScreenDocuments)
	for i, it := range u.documents.tabs.Items {
		u.documents.tabs.SelectIndex(i)
		check("Dokumen › " + it.Text)
	}
	u.Show(ScreenSettings)
	check("Pengaturan")
	u.Show(ScreenAttendance)
	for i, it := range u.attendance.tabs.Items {
		u.attendance.tabs.SelectIndex(i)
		check("Kehadiran › " + it.Text)
	}
	for _, s := range []string{ScreenHome, ScreenStaff, ScreenPerform, ScreenSKP} {
		u.Show(s)
		check(s)
	}
	u.staff.list.Select(0)
	check("Pegawai with a person open")
	// The evaluation form with its side column measured 1008 px once.
	openFirstToRate(t, u)
	check("Penilaian with a person open")
	if u.nav.Size() != nav {
		t.Errorf("the sidebar went from %v to %v", nav, u.nav.Size())
	}
}

// Every Simpan of Pengaturan looks the same and sits in the same place: the
// save icon, high importance, at the right edge of its card.
func TestSettingsSaveButtonsAlike(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	u.Show(ScreenSettings)
	relayoutWindow(u)
	d := fyne.CurrentApp().Driver()
	var cards []*widget.Card
	for _, o := range objectsUnder(u.settings.view) {
		if c, ok := o.(*widget.Card); ok {
			cards = append(cards, c)
		}
	}
	n := 0
	for _, c := range cards {
		for _, o := range objectsUnder(c) {
			b, ok := o.(*widget.Button)
			if !ok || b.Text != "Simpan" {
				continue
			}
			n++
			if b.Icon == nil || b.Icon.Name() != theme.DocumentSaveIcon().Name() || b.Importance != widget.HighImportance {
				t.Errorf("a Simpan with icon %v and importance %v", b.Icon, b.Importance)
			}
			right := d.AbsolutePositionForObject(c).X + c.Size().Width - (d.AbsolutePositionForObject(b).X + b.Size().Width)
			if right < 0 || right > 4*theme.Padding() {
				t.Errorf("a Simpan %.0f px from the right edge of card %q", right, c.Title)
			}
		}
	}
	if n < 3 {
		t.Errorf("found %d Simpan buttons in Pengaturan, want those of the office, evaluation and units", n)
	}
}

// A long destination folder is shown whole (wrapped), not cut with an
// ellipsis, and does not widen the window.
func TestExportFolderShownWhole(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	u.Show(ScreenDocuments)
	dir := "/media/admin/FLASHDISK-KECAMATAN/Arsip Kepegawaian/Penilaian Kinerja/Tahun 2026/Triwulan IV/dikirim ke BKPSDM"
	u.documents.export.setDir(dir)
	l := u.documents.export.dirLabel
	if l.Truncation != fyne.TextTruncateOff || !shownText(u, dir) {
		t.Errorf("the folder label cuts the path (truncation %v)", l.Truncation)
	}
	if w := windowWidthNeeded(u); w > 1000 {
		t.Errorf("a long folder asks for a window %.0f px wide", w)
	}
}

// The buttons above the staff list read as whole words: no trailing
// ellipsis that looks like text cut off, and never narrower than their text.
func TestStaffToolbarWordsWhole(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	u.Show(ScreenStaff)
	relayoutWindow(u)
	for _, text := range []string{"Tambah pegawai", "Impor", "Ekspor"} {
		b := button(t, u, text)
		if b.Size().Width < b.MinSize().Width {
			t.Errorf("button %q drawn %.0f px wide, needs %.0f", text, b.Size().Width, b.MinSize().Width)
		}
	}
}

// Simpan in Pengaturan with the kecamatan emptied puts the focus there, and
// the rows below do not move when it is filled in again.
func TestSettingsOfficeFocusAndRows(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	u.Show(ScreenSettings)
	f := u.settings.office
	relayoutWindow(u)
	d := fyne.CurrentApp().Driver()
	kota0 := d.AbsolutePositionForObject(f.kota)
	f.kecamatan.SetText("")
	test.Tap(buttonIn(t, objectsUnder(u.settings.officeBx), "Simpan"))
	if u.win.Canvas().Focused() != f.kecamatan {
		t.Errorf("after Simpan with no kecamatan the focus is on %T", u.win.Canvas().Focused())
	}
	relayoutWindow(u)
	kota1 := d.AbsolutePositionForObject(f.kota)
	test.Type(f.kecamatan, "Katapang")
	f.check()
	relayoutWindow(u)
	if kota2 := d.AbsolutePositionForObject(f.kota); kota1 != kota0 || kota2 != kota0 {
		t.Errorf("Kota pada tanda tangan at %v, %v, %v (before, with the error, fixed)", kota0, kota1, kota2)
	}
}

// In the smallest window (1000×700) every Kehadiran tab fits, the buttons of
// Isian harian show their whole words inside the window, and the day grid's
// Catatan column keeps its heading whole and room to type.
func TestAttendanceFitsTheSmallestWindow(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	u.win.Resize(fyne.NewSize(1000, 700))
	u.Show(ScreenAttendance)
	for i, it := range u.attendance.tabs.Items {
		u.attendance.tabs.SelectIndex(i)
		if w := windowWidthNeeded(u); w > 1000 {
			t.Errorf("Kehadiran › %s asks for a window %.0f px wide", it.Text, w)
		}
	}
	u.attendance.tabs.SelectIndex(0)
	relayoutWindow(u)
	d := fyne.CurrentApp().Driver()
	right := func(o fyne.CanvasObject) float32 { return d.AbsolutePositionForObject(o).X + o.Size().Width }
	win := u.win.Canvas().Size().Width
	for _, text := range []string{"Impor absen mesin", "Cuti / Dinas Luar…", "Daftar hadir kosong…", "Catatan tidak lengkap…", "PIN mesin…", "Simpan"} {
		b := button(t, u, text)
		if b.Size().Width < b.MinSize().Width || right(b) > win {
			t.Errorf("button %q drawn %.0f px wide (needs %.0f), ending at %.0f of %.0f", text, b.Size().Width, b.MinSize().Width, right(b), win)
		}
	}
	g := u.attendance.day
	if len(g.rows) == 0 {
		t.Fatal("no rows in the day grid")
	}
	var heading *widget.Label
	for _, o := range objectsUnder(g.view) {
		if l, ok := o.(*widget.Label); ok && l.Text == "Catatan" {
			heading = l
		}
	}
	if heading == nil {
		t.Fatal("no Catatan heading")
	}
	if heading.Size().Width < heading.MinSize().Width || right(heading) > win {
		t.Errorf("the Catatan heading is %.0f px wide (needs %.0f), ending at %.0f of %.0f",
			heading.Size().Width, heading.MinSize().Width, right(heading), win)
	}
	if g.status.Size().Width < 600 {
		t.Errorf("the day's status is squeezed to %.0f px", g.status.Size().Width)
	}
	note := cellsOf(t, g, 0).entries[fieldNote]
	if note.Size().Width < 150 || right(note) > win {
		t.Errorf("the note entry is %.0f px wide, ending at %.0f of %.0f", note.Size().Width, right(note), win)
	}
}

// Rekap bulanan in the smallest window: every column heading reads whole
// (short codes, not "TL — Terlam…"), in both modes, and the legend above
// the table says what each code means.
func TestRecapHeadingsReadWhole(t *testing.T) {
	u, _ := newAttendanceUI(t, 12)
	u.win.Resize(fyne.NewSize(1000, 700))
	u.attendance.tabs.SelectIndex(1)
	v := u.attendance.recap
	for mode := range 2 {
		v.mode.SetSelectedIndex(mode)
		waitFor(t, "the recap", func() bool { return len(v.lines) > 0 && (mode == 0) == (len(v.cols) == len(recapColumns)) })
		if w := windowWidthNeeded(u); w > 1000 {
			t.Errorf("mode %d asks for a window %.0f px wide", mode, w)
		}
		// Right to left: scrolling back to a heading out of view brings it
		// in at the left edge with the next few beside it.
		drawn := map[string]*widget.Label{}
		for i := len(v.cols) - 1; i >= 0; i-- {
			c := v.cols[i]
			if drawn[c.title] == nil {
				if i <= 1 {
					v.table.ScrollToLeading() // Fyne's ScrollTo does not scroll to the column after a sticky one
				} else {
					v.table.ScrollTo(widget.TableCellID{Row: 0, Col: i})
				}
				for _, o := range objectsUnder(v.table) {
					if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold {
						drawn[l.Text] = l
					}
				}
			}
			heading := drawn[c.title]
			if heading == nil {
				t.Errorf("mode %d: heading %q not drawn", mode, c.title)
				continue
			}
			// A label that may truncate asks for no width; measure its text.
			need := fyne.MeasureText(c.title, theme.TextSize(), heading.TextStyle).Width + 2*theme.InnerPadding()
			if heading.Size().Width < need {
				t.Errorf("mode %d: heading %q drawn %.0f px wide, needs %.0f", mode, c.title, heading.Size().Width, need)
			}
		}
	}
	for _, s := range []string{"TL = Terlambat", "PSW = Pulang Sebelum Waktunya", "TK = Tanpa Keterangan"} {
		if !shownText(u, s) {
			t.Errorf("the legend does not say %q", s)
		}
	}
}

// The wheel moves the staff form at the faster pace wherever the pointer
// is — over a label and over an entry field alike (an Entry keeps a
// scroller of its own that took the wheel and did nothing) — and a click
// on a field still puts the cursor in it.
func TestStaffFormWheelScrollsOverFields(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	u.Show(ScreenStaff)
	test.Tap(button(t, u, "Tambah pegawai"))
	f := u.staff.form
	relayoutWindow(u)
	if f.scroll.Content.MinSize().Height <= f.scroll.Size().Height {
		t.Fatalf("the form (%v) fits its pane (%v); nothing to scroll", f.scroll.Content.MinSize(), f.scroll.Size())
	}
	d := fyne.CurrentApp().Driver()
	for _, over := range []fyne.CanvasObject{f.nik, f.labels[data.FieldNIK]} {
		f.scroll.ScrollToTop()
		at := d.AbsolutePositionForObject(over).Add(fyne.NewPos(10, 10))
		test.Scroll(u.win.Canvas(), at, 0, -3*25) // three notches down
		if got := f.scroll.Offset.Y; got < 250 {
			t.Errorf("three wheel notches over %T moved the form %.0f px, want at least 250", over, got)
		}
	}
	f.scroll.ScrollToTop()
	relayoutWindow(u)
	at := d.AbsolutePositionForObject(f.name).Add(fyne.NewPos(10, 10))
	clicked := topmostAt(u.win.Canvas().Overlays().Top(), at, func(o fyne.CanvasObject) bool {
		_, ok := o.(desktop.Mouseable) // the mouse press that focuses an entry
		return ok
	})
	if clicked != f.name {
		t.Errorf("a click on Nama goes to %T", clicked)
	}
}

// topmostAt is the object under root at the absolute position pos that a
// pointer event matching match goes to: the last one drawn, as the drivers
// find it.
func topmostAt(root fyne.CanvasObject, pos fyne.Position, match func(fyne.CanvasObject) bool) fyne.CanvasObject {
	d := fyne.CurrentApp().Driver()
	var found fyne.CanvasObject
	for _, o := range objectsUnder(root) {
		p, s := d.AbsolutePositionForObject(o), o.Size()
		if match(o) && pos.X >= p.X && pos.Y >= p.Y && pos.X < p.X+s.Width && pos.Y < p.Y+s.Height {
			found = o
		}
	}
	return found
}

// A valid NIP typed into an empty form fills the birth date (digits 1–8)
// and the sex (digit 15); a corrected NIP corrects them while they still
// hold what the NIP gave; what the user typed or chose is never replaced.
func TestStaffFormFillsBirthDateAndSexFromNIP(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	u.Show(ScreenStaff)
	test.Tap(button(t, u, "Tambah pegawai"))
	f := u.staff.form
	test.Type(f.nip, "19680411 199303 1 00")
	if f.birthDate.Text != "" || f.sex.Selected != "" {
		t.Fatalf("an unfinished NIP filled %q and %q", f.birthDate.Text, f.sex.Selected)
	}
	test.Type(f.nip, "9")
	if f.birthDate.Text != "11/04/1968" || f.sex.Selected != "Laki-laki" {
		t.Errorf("after the NIP the birth date is %q and the sex %q, want 11/04/1968 and Laki-laki", f.birthDate.Text, f.sex.Selected)
	}
	f.nip.SetText("19700512 200012 2 001") // a typing mistake corrected
	if f.birthDate.Text != "12/05/1970" || f.sex.Selected != "Perempuan" {
		t.Errorf("after the corrected NIP the birth date is %q and the sex %q, want 12/05/1970 and Perempuan", f.birthDate.Text, f.sex.Selected)
	}
	f.birthDate.SetText("")
	test.Type(f.birthDate, "01/01/1971") // what the personnel file says
	f.sex.SetSelected("Laki-laki")
	f.nip.SetText("19680411 199303 1 009")
	if f.birthDate.Text != "01/01/1971" || f.sex.Selected != "Laki-laki" {
		t.Errorf("the NIP replaced what the user gave: %q and %q", f.birthDate.Text, f.sex.Selected)
	}
	if !strings.Contains(f.fields[data.FieldBirthDate].message(), "berbeda") {
		t.Errorf("no warning under the birth date that differs from the NIP: %q", f.fields[data.FieldBirthDate].message())
	}
}

// "Alasan NIP berbeda" shows only while the NIP disagrees with the birth
// date or sex (or a reason is written), and its coming and going moves no
// field above it.
func TestStaffFormReasonOnlyWhenItApplies(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	u.Show(ScreenStaff)
	test.Tap(button(t, u, "Tambah pegawai"))
	f := u.staff.form
	reason := func() bool {
		return f.labels[data.FieldMismatch].Visible() && f.fields[data.FieldMismatch].box.Visible() && shownText(u, "Alasan NIP berbeda")
	}
	d := fyne.CurrentApp().Driver()
	at := func() fyne.Position { relayoutWindow(u); return d.AbsolutePositionForObject(f.contractEnd) }
	f.kind.SetSelected("PPPK") // the contract dates are the last fields above the reason
	if reason() {
		t.Fatal("an empty form shows Alasan NIP berbeda")
	}
	end0 := at()
	test.Type(f.nip, "19900101 2022 21 1 001")
	if reason() {
		t.Fatal("a NIP agreeing with the form shows Alasan NIP berbeda")
	}
	f.sex.SetSelected("Perempuan")
	if !reason() {
		t.Fatal("a sex differing from the NIP does not ask for the reason")
	}
	end1 := at()
	f.sex.SetSelected("Laki-laki")
	if reason() {
		t.Error("the reason stays after the sex agrees with the NIP again")
	}
	if end2 := at(); end1 != end0 || end2 != end0 {
		t.Errorf("Akhir kontrak at %v, %v, %v (no reason, reason, none again): the fields moved", end0, end1, end2)
	}
	f.sex.SetSelected("Perempuan")
	test.Type(f.reason, "Data SK berbeda, dikonfirmasi BKPSDM")
	f.sex.SetSelected("Laki-laki")
	if !reason() {
		t.Error("a written reason was hidden")
	}
}

// Simpan keeps the evaluation form where the user was: the same scroll
// offset and the keyboard still in the field typed in.
func TestEvaluationSaveKeepsThePlace(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	openFirstToRate(t, u)
	f := u.evaluation.form
	test.Tap(buttonIn(t, objectsUnder(f.view), "Perilaku"))
	want := f.scroll.Offset
	if want.Y < 100 {
		t.Fatalf("Perilaku scrolled the form only to %v", want)
	}
	test.Type(f.perilaku[2], "Sigap menjawab pertanyaan warga")
	u.win.Canvas().Focus(f.perilaku[2])
	// A click on a button leaves the focus where it was on the desktop
	// (test.Tap would take it away first).
	buttonIn(t, objectsUnder(f.view), "Simpan").Tapped(&fyne.PointEvent{})
	g := u.evaluation.form
	if g == f {
		t.Fatal("Simpan did not show the saved evaluation again")
	}
	if !shownText(u, "tersimpan") {
		t.Error("no word that the evaluation was saved")
	}
	if g.scroll.Offset != want {
		t.Errorf("after Simpan the form is scrolled to %v, want %v where it was", g.scroll.Offset, want)
	}
	if u.win.Canvas().Focused() != g.perilaku[2] || g.perilaku[2].Text != "Sigap menjawab pertanyaan warga" {
		t.Errorf("after Simpan the focus is on %T, want the field typed in", u.win.Canvas().Focused())
	}
	if g.perilaku[2].CursorColumn != f.perilaku[2].CursorColumn {
		t.Errorf("the text cursor went from column %d to %d", f.perilaku[2].CursorColumn, g.perilaku[2].CursorColumn)
	}
}

// windowWidthNeeded is the width the window needs for its content: the
// content's own and the padding the window draws around it.
func windowWidthNeeded(u *App) float32 {
	w := u.win.Canvas().Content().MinSize().Width
	if u.win.Padded() {
		w += 2 * theme.Padding()
	}
	return w
}
