package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pdfText returns the text of a PDF through pdftotext (see toolRun).
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := toolRun(t, "pdftotext", "-layout", path, "-")
	if err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", path, err, out)
	}
	return out
}

// TestExportEarlierRevision prints the kept first version of the demo's
// reopened evaluation as well as its current one.
func TestExportEarlierRevision(t *testing.T) {
	t.Parallel()
	db, periods := demoFile(t)
	var period, nip string
	for _, p := range periods {
		for _, e := range evaluationsJSON(t, db, p.ID) {
			if e.Revision > 0 {
				period, nip = p.ID, e.NIP
			}
		}
	}
	if nip == "" {
		t.Fatal("the demo has no reopened evaluation")
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		id   string
	}{
		{[]string{"--revision", "0"}, "-r0"},
		{nil, "-r1"},
	} {
		out := filepath.Join(dir, "evaluasi"+tc.id+".pdf")
		args := append([]string{"export", "evaluation", "--data", db, "--period", period, "--nip", nip, "--out", out}, tc.args...)
		if code, stdout, errOut := cli(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s %s", tc.args, code, stdout, errOut)
		}
		if text := pdfText(t, out); !strings.Contains(text, "EVK-"+period+"-"+nip+tc.id) {
			t.Errorf("%s does not carry document id …%s", out, tc.id)
		}
	}
	if code, _, errOut := cli(t, "export", "evaluation", "--data", db, "--period", period, "--nip", nip, "--revision", "7", "--out", filepath.Join(dir, "x.pdf")); code != 1 || errOut == "" {
		t.Errorf("a revision that does not exist: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); !os.IsNotExist(err) {
		t.Error("a file was written for a revision that does not exist")
	}
	if code, _, _ := cli(t, "export", "evaluation", "--data", db, "--period", period, "--out", filepath.Join(dir, "y.pdf")); code != 2 {
		t.Errorf("no --nip: exit %d, want 2", code)
	}
}
