package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func checkVerifyExported(t *testing.T, db, period string) {
	dir, pdfs := exportDemo(t, db, period)
	code, out, errOut := cli(t, append([]string{"verify", "--data", db}, pdfs...)...)
	if code != 0 || strings.Count(out, ": Sah") != len(pdfs) || !strings.Contains(out, "cocok dengan penilaian") {
		t.Fatalf("verify: exit %d, %q, %q", code, out, errOut)
	}
	for _, p := range pdfs {
		if out, err := toolRun(t, "pdfsig", p); !strings.Contains(out, "Signature is Valid.") {
			t.Fatalf("pdfsig %s: %v\n%s", p, err, out)
		}
	}
	// One byte flipped inside the signed range.
	raw, err := os.ReadFile(pdfs[0])
	if err != nil {
		t.Fatal(err)
	}
	raw[len(raw)/4] ^= 0x20
	changed := filepath.Join(dir, "diubah.pdf")
	if err := os.WriteFile(changed, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = cli(t, "verify", "--data", db, pdfs[0], changed)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 1 || len(lines) != 2 || !strings.Contains(lines[1], "Berubah setelah ditandatangani") || !strings.Contains(lines[0], ": Sah") {
		t.Fatalf("flipped byte: exit %d, %q", code, out)
	}
	// Another office's data file knows the signer only after trusting the root.
	other := created(t, filepath.Join(t.TempDir(), "kabupaten.db"))
	code, out, _ = cli(t, "verify", "--data", other, pdfs[0])
	if code != 1 || !strings.Contains(out, "tidak dikenal") {
		t.Fatalf("untrusted: exit %d, %q", code, out)
	}
	cer := filepath.Join(t.TempDir(), "induk.cer")
	if code, _, errOut := cli(t, "signer", "export-root", "--data", db, "--out", cer); code != 0 {
		t.Fatal(errOut)
	}
	if code, out, errOut := cli(t, "signer", "trust", "--data", other, cer); code != 0 || !strings.Contains(out, "Dipercayai") {
		t.Fatalf("trust: exit %d, %q, %q", code, out, errOut)
	}
	code, out, _ = cli(t, append([]string{"verify", "--data", other}, pdfs...)...)
	if code != 0 || !strings.Contains(out, "tidak memuat penilaian") {
		t.Fatalf("trusted elsewhere: exit %d, %q", code, out)
	}
	if code, out, _ := cli(t, "verify", "--data", db, filepath.Join(dir, "tidak-ada.pdf")); code != 1 || !strings.Contains(out, "GAGAL") {
		t.Fatalf("missing file: exit %d, %q", code, out)
	}
	if code, _, _ := cli(t, "verify", "--data", db); code != 2 {
		t.Fatalf("no file: exit %d, want 2", code)
	}
}
