package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kinerja/data/service"
)

// exportedPDFs lists the PDF files in dir.
func exportedPDFs(t *testing.T, dir string) []string {
	t.Helper()
	files, err := pdfsIn(dir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// exportThroughScreen chooses period and dir on the export tab, taps
// "Ekspor penilaian" and waits until the export has finished.
func exportThroughScreen(t *testing.T, u *App, period, dir string) {
	t.Helper()
	u.documents.tabs.SelectIndex(0)
	tab := u.documents.export
	tab.period.choose(period)
	tab.setDir(dir)
	test.Tap(button(t, u, "Ekspor penilaian"))
	waitSlow(t, "the export to finish", func() bool { return !tab.running })
}

func TestExportPeriodToFolder(t *testing.T) {
	u, svc, period := newDocumentsUI(t)
	want := finalCount(t, svc, period)
	if want == 0 {
		t.Fatal("the demo period has no final evaluation")
	}
	u.documents.tabs.SelectIndex(0)
	tab := u.documents.export
	if id := tab.period.id(); id == "" || finalCount(t, svc, id) == 0 {
		t.Fatalf("period %q chosen first holds no final evaluation", id)
	}
	if len(tab.finals) == 0 || tab.tteSel.PlaceHolder != "(Pilih)" {
		t.Errorf("TTE offers %d final evaluations with placeholder %q", len(tab.finals), tab.tteSel.PlaceHolder)
	}
	dir := t.TempDir()
	exportThroughScreen(t, u, period, dir)
	msg := tab.msg
	if msg.Importance != widget.SuccessImportance || !strings.Contains(msg.Text, service.IndexFileName(period)) {
		t.Fatalf("result message %q (importance %v), want success naming the index", msg.Text, msg.Importance)
	}
	// Each final evaluation gives the two signed documents of the Lampiran
	// (Evaluasi Kinerja Pegawai and Dokumen Evaluasi) at the top of the folder.
	if got := len(exportedPDFs(t, dir)); got != 2*want {
		t.Errorf("%d PDF files in the folder, want %d", got, 2*want)
	}
	if _, err := os.Stat(filepath.Join(dir, service.IndexFileName(period))); err != nil {
		t.Errorf("index workbook: %v", err)
	}
	if !strings.HasPrefix(msg.Text, "Selesai: ") || !strings.Contains(msg.Text, dir) {
		t.Errorf("result message %q does not say how many files went where", msg.Text)
	}

	t.Run("blank forms of the current period", func(t *testing.T) {
		cur, _, err := svc.CurrentPeriod(testToday)
		if err != nil {
			t.Fatal(err)
		}
		tab.period.choose(cur.ID)
		forms := t.TempDir()
		tab.setDir(forms)
		test.Tap(button(t, u, "Formulir kosong"))
		waitSlow(t, "the forms", func() bool { return !tab.running })
		files := exportedPDFs(t, forms)
		if len(files) == 0 || !strings.HasSuffix(files[0], "_formulir.pdf") {
			t.Fatalf("forms written: %v (message %q)", files, tab.msg.Text)
		}
		if want := fmt.Sprintf("Selesai: %d formulir kosong", len(files)); !strings.HasPrefix(tab.msg.Text, want) {
			t.Errorf("message %q, want it to start with %q", tab.msg.Text, want)
		}
	})

	t.Run("one document for TTE", func(t *testing.T) {
		tab.period.choose(period)
		if len(tab.finals) == 0 {
			t.Fatal("no final evaluation offered for TTE")
		}
		path := filepath.Join(t.TempDir(), "tte.pdf")
		tab.writeTTE(tab.finals[0], path)
		waitSlow(t, "the TTE file", func() bool { return strings.Contains(tab.tteMsg.Text, path) })
		res, err := svc.Verify([]string{path})
		if err != nil || len(res) != 1 || !res[0].OK() {
			t.Fatalf("the TTE file does not verify: %v %+v", err, res)
		}
	})
}

func TestExportNeedsFolder(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	if _, err := svc.CreatePeriodsUpTo(testToday); err != nil {
		t.Fatal(err)
	}
	u.Show(ScreenDocuments)
	u.documents.tabs.SelectIndex(0)
	if u.documents.export.period.id() == "" {
		t.Fatal("no period chosen")
	}
	test.Tap(button(t, u, "Ekspor penilaian"))
	if !shownText(u, "Pilih folder tujuan dulu") || u.documents.export.running {
		t.Fatal("an export without a folder did not ask for one")
	}
}

func TestExportResultMessages(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	u.Show(ScreenDocuments)
	tab := u.documents.export
	tab.setDir("/media/usb")
	two := service.ExportResult{Files: []service.ExportedFile{{Path: "a.pdf"}, {Path: "b.pdf"}}}
	full := &service.ExportError{Path: "/media/usb/c.pdf", Reason: "Disk atau flashdisk tujuan penuh", Err: syscall.ENOSPC}
	tests := []struct {
		name string
		res  service.ExportResult
		err  error
		bad  bool
		want string
	}{
		{"done", service.ExportResult{Files: two.Files, Index: "/media/usb/Daftar_Dokumen_2026-TW3.xlsx"}, nil, false,
			"Selesai: 2 dokumen ditulis ke /media/usb, dengan daftar isi Daftar_Dokumen_2026-TW3.xlsx."},
		{"forms", two, nil, false, "Selesai: 2 formulir kosong ditulis ke /media/usb."},
		{"cancelled", two, service.ErrExportCancelled, true, "Ekspor dibatalkan. 2 berkas yang sudah selesai tetap utuh"},
		{"disk full", two, full, true, "Disk atau flashdisk tujuan penuh. Berkas yang sudah selesai sebelum masalah ini: 2."},
		{"other", service.ExportResult{}, errors.New("tidak ada penilaian yang sudah Ditetapkan untuk diekspor"), true,
			"tidak ada penilaian yang sudah Ditetapkan untuk diekspor"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab.done(tc.res, tc.err)
			if !strings.HasPrefix(tab.msg.Text, tc.want) {
				t.Errorf("message %q, want it to start with %q", tab.msg.Text, tc.want)
			}
			if bad := tab.msg.Importance == widget.DangerImportance; bad != tc.bad {
				t.Errorf("shown as error: %v, want %v", bad, tc.bad)
			}
		})
	}
}

func TestPrintOpensDocument(t *testing.T) {
	u, _, period := newDocumentsUI(t)
	u.documents.tabs.SelectIndex(3)
	tab := u.documents.print
	tab.dir = t.TempDir()
	tab.period.choose(period)
	if len(tab.rows) == 0 {
		t.Fatal("no staff offered for printing")
	}
	test.Tap(button(t, u, "Buka dokumen evaluasi"))
	if !shownText(u, "Pilih pegawai dulu") {
		t.Fatal("printing without a staff member did not ask for one")
	}
	tab.staffSel.SetSelectedIndex(0)
	test.Tap(button(t, u, "Buka dokumen evaluasi"))
	waitSlow(t, "the document to be written", func() bool { return tab.opened != "" })
	raw, err := os.ReadFile(tab.opened)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(raw), "%PDF-") {
		t.Errorf("%s is not a PDF", tab.opened)
	}
	if !shownText(u, "Dibuka di penampil PDF") {
		t.Error("no message that the viewer was opened")
	}
}

func TestFileURL(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/tmp/kinerja-cetak/a b.pdf", "file:///tmp/kinerja-cetak/a%20b.pdf"},
		{"C:/Users/Admin/AppData/Local/Temp/x.pdf", "file:///C:/Users/Admin/AppData/Local/Temp/x.pdf"},
	}
	for _, tc := range tests {
		if got := fileURL(tc.path).String(); got != tc.want {
			t.Errorf("fileURL(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

func TestExportCancel(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	if _, err := svc.CreatePeriodsUpTo(testToday); err != nil {
		t.Fatal(err)
	}
	u.Show(ScreenDocuments)
	tab := u.documents.export
	tab.setDir(t.TempDir())
	// The export runs synchronously in tests (TestMain), so Batal is tapped
	// from inside it, after its first progress report, and the export then
	// stops only when its context is cancelled.
	tab.run(func(_ *service.Service, ctx context.Context, _ string, _ service.ExportFilter, _ string, p service.Progress) (service.ExportResult, error) {
		p(1, 3)
		if tab.progress.Value != 1 || tab.progress.Max != 3 {
			t.Errorf("progress %v of %v, want 1 of 3", tab.progress.Value, tab.progress.Max)
		}
		if !tab.progress.Visible() || !tab.appraise.Disabled() {
			t.Error("no progress bar, or Ekspor still enabled while exporting")
		}
		test.Tap(button(t, u, "Batal"))
		select {
		case <-ctx.Done():
		default:
			t.Error("Batal did not cancel the export's context")
		}
		return service.ExportResult{Files: []service.ExportedFile{{Path: "a.pdf"}}}, service.ErrExportCancelled
	})
	if tab.running {
		t.Fatal("export still running after it returned")
	}
	if want := "Ekspor dibatalkan. 1 berkas"; !strings.HasPrefix(tab.msg.Text, want) {
		t.Errorf("message %q, want it to start with %q", tab.msg.Text, want)
	}
	if tab.progress.Visible() || tab.cancelB.Visible() {
		t.Error("progress bar or Batal still shown")
	}
}
