package pdf

import (
	"kinerja/internal/testkit"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// needTool finds a command-line tool (testkit.NeedTool: required in CI,
// skipped elsewhere).
func needTool(t testing.TB, name string) string {
	t.Helper()
	return testkit.NeedTool(t, name)
}

// writePDF stores data in the test's temporary folder, and also in
// $KINERJA_PDF_KEEP when set, to look at the pages.
func writePDF(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("KINERJA_PDF_KEEP"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// qpdfCheck fails the test unless qpdf --check accepts the file.
func qpdfCheck(t *testing.T, path string) {
	t.Helper()
	out, err := exec.Command(needTool(t, "qpdf"), "--check", path).CombinedOutput()
	if err != nil {
		t.Fatalf("qpdf --check %s: %v\n%s", filepath.Base(path), err, out)
	}
}

// pdfText is the text pdftotext reads from the file, in reading order.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command(needTool(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", filepath.Base(path), err)
	}
	return string(out)
}

// pagesRe reads the page count from pdfinfo.
var pagesRe = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// pageCount is the number of pages pdfinfo reports.
func pageCount(t *testing.T, path string) int {
	t.Helper()
	out, err := exec.Command(needTool(t, "pdfinfo"), path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", filepath.Base(path), err)
	}
	m := pagesRe.FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo %s: no page count in %q", filepath.Base(path), out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}
