package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// openFirstToRate shows Evaluasi Kinerja on the current period and opens the
// first staff member not started yet who has an SKP and a rater in the office,
// with the unit select set to that person's unit.
func openFirstToRate(t *testing.T, u *App) service.EvaluationRow {
	t.Helper()
	u.Show(ScreenEvaluation)
	s := u.evaluation
	waitRows(t, s)
	if s.periodID != "2026-Q4" {
		t.Fatalf("Evaluasi Kinerja opens on period %q, want the current one 2026-Q4", s.periodID)
	}
	var row service.EvaluationRow
	for _, r := range s.rows {
		if !r.Stored && r.Rater.Name != "" && len(r.Evaluation.Rows) > 0 {
			row = r
			break
		}
	}
	if row.Staff.ID == 0 {
		t.Fatal("no staff member to rate in 2026-Q4")
	}
	for i, un := range s.units {
		if un.ID == row.UnitID {
			s.unitSel.SetSelectedIndex(i + 1)
		}
	}
	s.list.Select(s.index(row.Staff.ID))
	if s.form == nil || s.form.v.Staff.ID != row.Staff.ID {
		t.Fatalf("selecting %s did not open the evaluation", row.Employee.Name)
	}
	return row
}

func TestEvaluationPredikatFollowsRatings(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	openFirstToRate(t, u)
	f := u.evaluation.form
	tests := []struct {
		work, behavior string // "" leaves the group as it is
		want           string
	}{
		{"", "", "— (pilih kedua rating)"},
		{"Di Atas Ekspektasi", "", "— (pilih kedua rating)"},
		{"", "Sesuai Ekspektasi", "Baik"},
		{"", "Di Atas Ekspektasi", "Sangat Baik"},
		{"Sesuai Ekspektasi", "", "Baik"},
		{"", "Di Bawah Ekspektasi", "Kurang/Misconduct"},
		{"Di Bawah Ekspektasi", "", "Sangat Kurang"},
		{"", "Sesuai Ekspektasi", "Butuh Perbaikan"},
		{"", "Di Atas Ekspektasi", "Butuh Perbaikan"},
		{"Di Atas Ekspektasi", "", "Sangat Baik"},
	}
	for _, tt := range tests {
		if tt.work != "" {
			tapRadio(t, f.work, tt.work)
		}
		if tt.behavior != "" {
			tapRadio(t, f.behavior, tt.behavior)
		}
		if f.predikat.Text != tt.want || !shownText(u, tt.want) {
			t.Errorf("after %q / %q the predikat shows %q, want %q", f.work.Selected, f.behavior.Selected, f.predikat.Text, tt.want)
		}
	}
}

func TestEvaluationWorkflowThroughScreen(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	row := openFirstToRate(t, u)
	s := u.evaluation
	f := s.form
	if !shownText(u, "Status: Belum dimulai") {
		t.Error("a new evaluation does not say Belum dimulai")
	}
	test.Type(f.realisasi[0], "96%")
	test.Type(f.umpanBalik[0], "Pertahankan ketepatan waktu")
	test.Type(f.perilaku[0], "Ramah kepada warga")
	tapRadio(t, f.work, "Di Atas Ekspektasi")
	tapRadio(t, f.behavior, "Sesuai Ekspektasi")
	if f.predikat.Text != "Baik" {
		t.Fatalf("predikat = %q, want Baik", f.predikat.Text)
	}

	test.Tap(button(t, u, "Ajukan"))
	f = s.form
	if f.v.Evaluation.State != data.EvalSubmitted || !shownText(u, "Penilaian diajukan.") {
		t.Fatalf("after Ajukan: state %q, status %q", f.v.Evaluation.State, f.status.Text)
	}
	v, err := svc.EvaluationFor("2026-Q4", row.Staff.ID)
	if err != nil {
		t.Fatal(err)
	}
	e := v.Evaluation
	if e.Rows[0].Realisasi != "96%" || e.Rows[0].UmpanBalik != "Pertahankan ketepatan waktu" ||
		e.PerilakuFeedback[0] != "Ramah kepada warga" || e.Predikat != data.PredikatBaik {
		t.Fatalf("stored after Ajukan: %+v", e)
	}

	test.Tap(button(t, u, "Tetapkan"))
	f = s.form
	if !f.v.Locked() || !shownText(u, "terkunci") {
		t.Fatalf("after Tetapkan: state %q, label %q", f.v.Evaluation.State, f.state.Text)
	}
	if !f.realisasi[0].Disabled() || !f.note.Disabled() || !f.work.Disabled() || !f.behavior.Disabled() || f.save.Visible() {
		t.Error("a final evaluation must be read-only")
	}
	test.Type(f.realisasi[0], "salah")
	if f.realisasi[0].Text != "96%" {
		t.Errorf("typing into a final evaluation changed it to %q", f.realisasi[0].Text)
	}

	test.Tap(button(t, u, "Buka kembali"))
	if f.reopenDialog == nil {
		t.Fatal("Buka kembali asks for no reason")
	}
	f.reopenDialog.Submit()
	if s.form != f || !s.form.v.Locked() {
		t.Fatal("Buka kembali without a reason reopened the evaluation")
	}
	test.Type(f.reopenReason, "Realisasi triwulan salah hitung")
	f.reopenDialog.Submit()
	f = s.form
	if f.v.Evaluation.State != data.EvalDraft || f.v.Evaluation.Revision != 1 {
		t.Fatalf("after Buka kembali: state %q revision %d, want draft revision 1", f.v.Evaluation.State, f.v.Evaluation.Revision)
	}
	for _, want := range []string{"revisi 1 (Draf)", "dibuka kembali: Realisasi triwulan salah hitung", "Revisi 0 · ditetapkan"} {
		if !shownText(u, want) {
			t.Errorf("after Buka kembali %q is not on screen", want)
		}
	}
	if f.realisasi[0].Disabled() || f.realisasi[0].Text != "96%" {
		t.Error("the reopened draft must be editable and keep its realisasi")
	}
	revs, err := svc.Revisions("2026-Q4", row.Staff.ID)
	if err != nil || len(revs) != 1 || revs[0].State != data.EvalFinal {
		t.Fatalf("revisions = %+v, %v", revs, err)
	}
	if got := rowStatus(s.shown[s.index(row.Staff.ID)]); got != "Draf · Baik · revisi 1" {
		t.Errorf("list row = %q", got)
	}
}

func TestEvaluationNextKeepsPeriodAndUnit(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	u.Show(ScreenEvaluation)
	s := u.evaluation
	waitRows(t, s)
	perUnit := map[uint64]int{}
	var unit uint64
	for _, r := range s.rows {
		if perUnit[r.UnitID]++; perUnit[r.UnitID] > perUnit[unit] {
			unit = r.UnitID
		}
	}
	for i, un := range s.units {
		if un.ID == unit {
			s.unitSel.SetSelectedIndex(i + 1)
		}
	}
	if len(s.shown) < 2 || s.unitID != unit {
		t.Fatalf("unit %d shows %d staff; need two", unit, len(s.shown))
	}
	first := s.staffID
	if len(s.form.realisasi) == 0 {
		t.Fatal("the first person has no SKP rows")
	}
	test.Type(s.form.realisasi[0], "Tercatat sebelum pindah")
	seen := map[uint64]bool{}
	test.Tap(s.prev)
	for i := 0; i < len(s.shown); i++ {
		if i > 0 {
			test.Tap(s.next)
		}
		seen[s.staffID] = true
		if s.periodID != "2026-Q4" || s.unitID != unit {
			t.Fatalf("stepping changed the period or unit: %s, %d", s.periodID, s.unitID)
		}
		if want := strconv.Itoa(i+1) + " dari " + strconv.Itoa(len(s.shown)); s.place.Text != want {
			t.Errorf("place = %q, want %q", s.place.Text, want)
		}
	}
	if len(seen) != len(s.shown) || !s.next.Disabled() {
		t.Errorf("Berikutnya visited %d of %d staff; disabled at the end: %v", len(seen), len(s.shown), s.next.Disabled())
	}
	if v, _ := svc.EvaluationFor("2026-Q4", first); !v.Stored || v.Evaluation.Rows[0].Realisasi != "Tercatat sebelum pindah" {
		t.Errorf("Berikutnya did not save what was typed: %+v", v.Evaluation.Rows)
	}
	for _, r := range s.shown {
		if r.UnitID != unit {
			t.Errorf("%s of unit %d listed under unit %d", r.Employee.Name, r.UnitID, unit)
		}
	}
}

func TestEvaluationFinalizeAsksPassphraseWhenRaterSigns(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	row := openFirstToRate(t, u)
	rater := u.evaluation.form.v.Evaluation.Rater.StaffID
	if _, err := svc.CreateOfficeRoot("frasa-induk-kantor-uji"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CreateSigner(rater, "frasa-induk-kantor-uji", "frasa-penilai-uji-1"); err != nil {
		t.Fatal(err)
	}
	f := u.evaluation.form
	tapRadio(t, f.work, "Sesuai Ekspektasi")
	tapRadio(t, f.behavior, "Sesuai Ekspektasi")
	test.Tap(button(t, u, "Ajukan"))
	f = u.evaluation.form
	test.Tap(button(t, u, "Tetapkan"))
	if f.pass == nil {
		t.Fatal("Tetapkan did not ask the rater's passphrase")
	}
	d := f.pass
	// A wrong passphrase, submitted with Enter: the dialog stays open with
	// the message inside it and the passphrase selected for typing again.
	test.Type(d.entry, "frasa-salah-sekali")
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if v, _ := svc.EvaluationFor("2026-Q4", row.Staff.ID); v.Locked() {
		t.Fatal("a wrong passphrase finalized the evaluation")
	}
	if !dialogShown(u, d) || d.msg.Text != "Frasa sandi salah. Ketik lagi." || d.entry.SelectedText() != "frasa-salah-sekali" {
		t.Fatalf("after a wrong passphrase: dialog shown %v, message %q, selected %q",
			dialogShown(u, d), d.msg.Text, d.entry.SelectedText())
	}
	if u.win.Canvas().Focused() != d.entry {
		t.Error("after a wrong passphrase the field does not have the focus")
	}
	// Typing replaces the selection; Enter again signs and closes the dialog.
	test.Type(d.entry, "frasa-penilai-uji-1")
	d.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if v, _ := svc.EvaluationFor("2026-Q4", row.Staff.ID); !v.Locked() || !shownText(u, "ditandatangani") {
		t.Fatalf("the right passphrase: locked %v, message %q", v.Locked(), u.evaluation.form.status.Text)
	}
	if dialogShown(u, d) {
		t.Error("the passphrase dialog stays open after signing")
	}
}

// dialogShown reports whether the passphrase dialog d is on screen.
func dialogShown(u *App, d *passphraseDialog) bool {
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, x := range objectsUnder(o) {
			if x == d.entry {
				return true
			}
		}
	}
	return false
}

// openFinal shows Evaluasi Kinerja on period id and opens the first final evaluation.
func openFinal(t *testing.T, u *App, id string) service.EvaluationRow {
	t.Helper()
	u.Show(ScreenEvaluation)
	s := u.evaluation
	for i, p := range s.periods {
		if p.ID == id {
			s.periodSel.SetSelectedIndex(i)
		}
	}
	waitRows(t, s)
	for _, r := range s.shown {
		if r.Evaluation.State == data.EvalFinal {
			s.list.Select(s.index(r.Staff.ID))
			waitFor(t, r.Employee.Name+"'s final evaluation shown locked", func() bool {
				return s.form != nil && s.form.v.Staff.ID == r.Staff.ID && s.form.v.Locked()
			})
			return r
		}
	}
	t.Fatalf("no final evaluation in %s", id)
	return service.EvaluationRow{}
}

func TestFinalEvaluationTakesObjectionAndFollowUp(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	row := openFinal(t, u, "2026-Q2")
	f := u.evaluation.form
	test.Type(f.objection.keberatan, "Realisasi layanan belum dihitung penuh")
	test.Type(f.objection.penjelasan, "Data layanan dicek ulang")
	test.Type(f.objection.keputusan, "Predikat tetap")
	test.Tap(button(t, u, "Simpan keberatan"))
	v, err := svc.EvaluationFor("2026-Q2", row.Staff.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Locked() || v.Evaluation.Objection.Keberatan != "Realisasi layanan belum dihitung penuh" || v.Evaluation.Objection.Keputusan != "Predikat tetap" {
		t.Fatalf("after Simpan keberatan: %+v (locked %v)", v.Evaluation.Objection, v.Locked())
	}
	if !shownText(u, "Keberatan tersimpan") {
		t.Error("no message after saving the objection")
	}

	f = u.evaluation.form
	n := len(f.dev.rows)
	test.Tap(button(t, u, "Tambah tindak lanjut"))
	r := f.dev.rows[n]
	test.Type(r.need, "Pelatihan aplikasi layanan")
	test.Type(r.plan, "Diklat Maret")
	r.status.SetSelected("Direncanakan")
	test.Tap(button(t, u, "Simpan tindak lanjut"))
	v, _ = svc.EvaluationFor("2026-Q2", row.Staff.ID)
	dev := v.Evaluation.Development
	if !v.Locked() || len(dev) != n+1 || dev[n] != (data.FollowUp{Need: "Pelatihan aplikasi layanan", Plan: "Diklat Maret", Status: data.FollowUpPlanned}) {
		t.Fatalf("after Simpan tindak lanjut: %+v (locked %v)", dev, v.Locked())
	}
}

func TestRaterOverrideFromEvaluation(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	row := openFirstToRate(t, u)
	f := u.evaluation.form
	test.Tap(button(t, u, "Ubah penilai (Plt/Plh)"))
	d := f.raters
	if d == nil || !shownText(u, "Penilai untuk periode Triwulan IV 2026 saja") {
		t.Fatal("Ubah penilai opens no dialog")
	}
	pick := -1
	for i, p := range d.people {
		if p.ID != f.v.Evaluation.Rater.StaffID && p.ID != f.v.Evaluation.Atasan.StaffID {
			pick = i
			break
		}
	}
	d.rater.SetSelectedIndex(pick)
	d.raterActing.SetSelected("Plh")
	d.apply()
	v, err := svc.EvaluationFor("2026-Q4", row.Staff.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Evaluation.Rater != (data.RaterRef{StaffID: d.people[pick].ID, Acting: data.ActingPlh}) || !strings.HasPrefix(v.Identities.Rater.Position, "Plh. ") {
		t.Fatalf("rater after override: %+v, %+v", v.Evaluation.Rater, v.Identities.Rater)
	}
	if !shownText(u, d.people[pick].DisplayName()) || !shownText(u, "Penilai untuk periode ini tersimpan.") {
		t.Error("the new rater is not shown")
	}
	test.Tap(button(t, u, "Ubah penilai (Plt/Plh)"))
	test.Tap(u.evaluation.form.raters.reset)
	if v, _ := svc.EvaluationFor("2026-Q4", row.Staff.ID); v.Evaluation.Rater.Acting != "" || v.Evaluation.Rater.StaffID == d.people[pick].ID {
		t.Errorf("Kembalikan bawaan left %+v", v.Evaluation.Rater)
	}
}

// waitRows waits until the evaluation list of the chosen period is on screen.
func waitRows(t *testing.T, s *evaluationScreen) {
	t.Helper()
	waitFor(t, "the evaluation list", func() bool { return !s.loading && s.rows != nil })
}

func TestHeadWorkRatingFollowsCapaian(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	if _, err := svc.SetCapaian("2026-Q4", data.CapaianIstimewa); err != nil {
		t.Fatal(err)
	}
	u.Show(ScreenEvaluation)
	s := u.evaluation
	waitRows(t, s)
	units, _ := svc.Units()
	head := service.OfficeHead(units)
	s.list.Select(s.index(head))
	f := s.form
	if f == nil || !f.v.IsHead {
		t.Fatal("the head of the office is not open")
	}
	want := data.HeadWorkRating(data.CapaianIstimewa)
	if !f.work.Disabled() || f.work.Selected != want.Label() || !shownText(u, "mengikuti capaian kinerja organisasi Istimewa") {
		t.Errorf("head's work rating: disabled %v, shows %q, want %q fixed", f.work.Disabled(), f.work.Selected, want.Label())
	}
	if !shownText(u, "— (dinilai di luar kantor)") {
		t.Error("the head's rater is not said to be outside the office")
	}
}

func TestWithdrawReturnsToDraft(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	row := openFirstToRate(t, u)
	test.Tap(button(t, u, "Ajukan"))
	test.Tap(button(t, u, "Tarik kembali"))
	v, _ := svc.EvaluationFor("2026-Q4", row.Staff.ID)
	if v.Evaluation.State != data.EvalDraft || !shownText(u, "ditarik kembali menjadi Draf") || !u.evaluation.form.submit.Visible() {
		t.Errorf("after Tarik kembali: %q", v.Evaluation.State)
	}
	test.Tap(button(t, u, "Ajukan"))
	test.Tap(button(t, u, "Tetapkan"))
	f := u.evaluation.form
	if v, _ := svc.EvaluationFor("2026-Q4", row.Staff.ID); v.Locked() || f.status.Importance != widget.DangerImportance || f.status.Text == "" {
		t.Errorf("Tetapkan without ratings: locked %v, message %q", v.Locked(), f.status.Text)
	}
}
