package cli

import (
	"kinerja/data"
	"kinerja/data/service"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// appraisalName is the pattern of an exported evaluation document's name:
// the Evaluasi Kinerja Pegawai and the one-page Dokumen Evaluasi of each
// person (a keberatan page where one was recorded), and in the lampiran
// folder the attendance annexes.
var appraisalName = regexp.MustCompile(`^[0-9]{18}_[A-Za-z0-9]+_[A-Za-z-]*[0-9]{4}(_r[1-9][0-9]*)?_(evaluasi|dokumen|keberatan|lampiran-kehadiran)\.pdf$`)

// exportDemo exports the signed documents of an ended demo period and returns
// the folder and the PDF paths.
func exportDemo(t *testing.T, db, period string) (dir string, pdfs []string) {
	t.Helper()
	dir = t.TempDir()
	code, out, errOut := cli(t, "export", "appraisal", "--data", db, "--period", period, "--out", dir)
	if code != 0 || !strings.Contains(out, "bertanda tangan") || !strings.Contains(out, "Daftar:") {
		t.Fatalf("export appraisal: exit %d, %q, %q", code, out, errOut)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch {
		case e.Name() == "Penetapan_"+period+".pdf":
			pdfs = append(pdfs, filepath.Join(dir, e.Name()))
		case strings.HasSuffix(e.Name(), ".pdf"):
			if !appraisalName.MatchString(e.Name()) {
				t.Errorf("file name %q", e.Name())
			}
			pdfs = append(pdfs, filepath.Join(dir, e.Name()))
		case e.Name() == service.IndexFileName(period):
		case e.Name() == "lampiran" && e.IsDir():
			annexes, err := os.ReadDir(filepath.Join(dir, e.Name()))
			if err != nil || len(annexes) == 0 {
				t.Errorf("lampiran folder: %v, %d files", err, len(annexes))
			}
			for _, a := range annexes {
				if !appraisalName.MatchString(a.Name()) && a.Name() != "Penetapan_"+period+".pdf" {
					t.Errorf("lampiran file name %q", a.Name())
				}
			}
		default:
			t.Errorf("unexpected file %q", e.Name())
		}
	}
	if len(pdfs) == 0 {
		t.Fatal("no PDF exported")
	}
	return dir, pdfs
}

func checkExportFilters(t *testing.T, db, period, nip string) {
	dir := t.TempDir()
	code, out, errOut := cli(t, "export", "appraisal", "--data", db, "--period", period, "--out", dir, "--nip", nip)
	written := strings.Count(out, "Ditulis:")
	if code != 0 || written < 3 || strings.Count(out, string(filepath.Separator)+nip+"_") != written ||
		!strings.Contains(out, "_"+data.PeriodFileLabel(period)+"_evaluasi.pdf (bertanda tangan)") || !strings.Contains(out, "_"+data.PeriodFileLabel(period)+"_dokumen.pdf (bertanda tangan)") ||
		!strings.Contains(out, "lampiran-kehadiran.pdf (tanpa tanda tangan)") || strings.Contains(out, "Penetapan_") {
		t.Fatalf("--nip: the documents of that one person, no Penetapan: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut := cli(t, "export", "appraisal", "--data", db, "--period", period, "--out", dir, "--unit", "tidak ada"); code != 1 || !strings.Contains(errOut, "tidak dikenal") {
		t.Errorf("--unit unknown: exit %d, %q", code, errOut)
	}
	if code, _, errOut := cli(t, "export", "appraisal", "--data", db, "--period", period, "--out", filepath.Join(dir, "dicabut")); code != 1 || !strings.Contains(errOut, filepath.Join(dir, "dicabut")) || !strings.Contains(errOut, "tidak ada") {
		t.Errorf("missing folder: exit %d, %q", code, errOut)
	}
	if code, _, _ := cli(t, "export", "appraisal", "--data", db, "--out", dir); code != 2 {
		t.Errorf("no --period: exit %d, want 2", code)
	}
	forms := t.TempDir()
	running := periodsJSON(t, db)
	code, out, errOut = cli(t, "export", "forms", "--data", db, "--period", running[len(running)-1].ID, "--out", forms, "--unit", "1")
	if code != 0 || !strings.Contains(out, "_formulir.pdf") {
		t.Fatalf("export forms: exit %d, %q, %q", code, out, errOut)
	}
}
