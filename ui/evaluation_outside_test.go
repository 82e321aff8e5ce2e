package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"kinerja/data"
	"kinerja/data/service"
)

// TestEvaluationOutsideRater drives the real dialogs: the Camat's evaluation
// gets an official outside the office as Pejabat Penilai ("Pejabat luar
// kantor…" in the rater dialog), is rated, and is set with "Tetapkan
// (penilai di luar kantor)…" and a scanned copy; Pengaturan lists the
// official and deactivates him.
func TestEvaluationOutsideRater(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	units, err := svc.Units()
	if err != nil {
		t.Fatal(err)
	}
	head := service.OfficeHead(units)
	u.Show(ScreenEvaluation)
	s := u.evaluation
	waitRows(t, s)
	s.unitSel.SetSelectedIndex(0)
	waitRows(t, s)
	s.list.Select(s.index(head))
	f := s.form
	if f == nil || f.v.Staff.ID != head {
		t.Fatal("the Camat's evaluation does not open")
	}
	if f.fixOutside.Visible() {
		t.Fatal("outside-rater button shown before an outside rater is chosen")
	}

	test.Tap(button(t, u, "Ubah penilai (Plt/Plh)"))
	d := f.raters
	test.Tap(d.addOfficial)
	of := d.officialForm
	if of == nil || !shownText(u, "Pejabat luar kantor baru") {
		t.Fatal("Pejabat luar kantor… opens no form")
	}
	test.Type(of.name, "Dr. H. Cakra Amiwijaya, M.Si.")
	test.Type(of.nip, "12345")
	test.Type(of.position, "Sekretaris Daerah Kabupaten Bandung")
	test.Type(of.agency, "Pemerintah Kabupaten Bandung")
	test.Tap(of.save)
	if of.status.Text == "" {
		t.Fatal("a 5-digit NIP was accepted")
	}
	of.nip.SetText("19680101 199003 1 001")
	test.Tap(of.save)
	if got := d.rater.Selected; got != "Dr. H. Cakra Amiwijaya, M.Si. — Sekretaris Daerah Kabupaten Bandung (luar kantor)" {
		t.Fatalf("the new official is not chosen as rater: %q", got)
	}
	test.Tap(d.save)
	v, err := svc.EvaluationFor(f.v.Period.ID, head)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Evaluation.External.Rater.IsSet() || v.Identities.Rater.Name != "Dr. H. Cakra Amiwijaya, M.Si." || v.Identities.Rater.Unit != "Pemerintah Kabupaten Bandung" {
		t.Fatalf("after choosing the official: %+v %+v", v.Evaluation.External, v.Identities.Rater)
	}

	f = s.form
	if f.finalize.Visible() || !f.fixOutside.Visible() || !shownText(u, "Dr. H. Cakra Amiwijaya, M.Si.") {
		t.Fatal("the form does not offer Tetapkan (penilai di luar kantor)…")
	}
	tapRadio(t, f.work, "Sesuai Ekspektasi")
	tapRadio(t, f.behavior, "Di Atas Ekspektasi")
	test.Tap(button(t, u, "Tetapkan (penilai di luar kantor)…"))
	od := f.outside
	if od == nil || od.by.Text != "Dr. H. Cakra Amiwijaya, M.Si." {
		t.Fatal("the outside dialog does not name the rater")
	}
	test.Tap(od.ok)
	if od.status.Text == "" {
		t.Fatal("set without a scan")
	}
	bad := filepath.Join(t.TempDir(), "foto.pdf")
	if err := os.WriteFile(bad, []byte("JPEG"), 0o644); err != nil {
		t.Fatal(err)
	}
	od.loadScan(bad)
	test.Tap(od.ok)
	if v, _ := svc.EvaluationFor(f.v.Period.ID, head); v.Locked() || od.status.Text == "" {
		t.Fatal("a file that is not a PDF was accepted")
	}
	scan := filepath.Join(t.TempDir(), "pindaian.pdf")
	if err := os.WriteFile(scan, []byte("%PDF-1.4\n% pindaian\n%%EOF\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	od.loadScan(scan)
	test.Tap(od.ok)
	v, err = svc.EvaluationFor(f.v.Period.ID, head)
	if err != nil {
		t.Fatal(err)
	}
	e := v.Evaluation
	if e.State != data.EvalFinal || e.FixedOutside == nil || e.FixedOutside.FixedBy != "Dr. H. Cakra Amiwijaya, M.Si." || e.Frozen.Rater.Name != "Dr. H. Cakra Amiwijaya, M.Si." {
		t.Fatalf("after Tetapkan di luar kantor: %+v", e)
	}
	if !shownText(u, "Penilaian ditetapkan oleh penilai di luar kantor; salinannya tersimpan bersama penilaian.") || !shownText(u, "Ditetapkan di luar kantor oleh Dr. H. Cakra Amiwijaya, M.Si.") {
		t.Error("the screen does not say how the evaluation was set")
	}
	if got, found, err := svc.OutsideScan(f.v.Period.ID, head, e.Revision); err != nil || !found || len(got) == 0 {
		t.Fatalf("scan not kept: %v %v", found, err)
	}

	test.Tap(button(t, u, "Lihat salinan"))
	copyPath := filepath.Join(os.TempDir(), "kinerja-cetak", service.ScanFileName(f.v.Staff.NIP, f.v.Staff.Name, f.v.Period.ID, e.Revision))
	if got, err := os.ReadFile(copyPath); err != nil || string(got) != "%PDF-1.4\n% pindaian\n%%EOF\n" {
		t.Errorf("Lihat salinan wrote %q, %v", got, err)
	}

	u.Show(ScreenSettings)
	if !shownText(u, "Pejabat Luar Kantor") || !shownText(u, "Dr. H. Cakra Amiwijaya, M.Si. — NIP 19680101 199003 1 001") {
		t.Fatal("Pengaturan does not list the official")
	}
	test.Tap(buttonIn(t, objectsUnder(u.settings.officials.view), "Nonaktifkan"))
	all, _ := svc.Officials()
	if len(all) != 1 || !all[0].Inactive || !shownText(u, "(tidak aktif)") {
		t.Fatalf("after Nonaktifkan: %+v", all)
	}
}
