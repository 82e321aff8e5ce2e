package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// appraisalName is the pattern of an exported evaluation document's name.
var appraisalName = regexp.MustCompile(`^[0-9]{18}_[A-Za-z0-9]+_[0-9]{4}(-Q[1-4]|-S[12]|-[0-9]{2})?(_r[1-9][0-9]*)?\.pdf$`)

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
		case strings.HasSuffix(e.Name(), ".pdf"):
			if !appraisalName.MatchString(e.Name()) {
				t.Errorf("file name %q", e.Name())
			}
			pdfs = append(pdfs, filepath.Join(dir, e.Name()))
		case e.Name() == "Daftar_Dokumen_"+period+".xlsx":
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
	if code != 0 || strings.Count(out, "Ditulis:") != 1 || !strings.Contains(out, nip+"_") {
		t.Fatalf("--nip: exit %d, %q, %q", code, out, errOut)
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
