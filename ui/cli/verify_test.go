package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"kinerja/internal/testkit"
)

// verdicts returns the document verdict lines of "verify" (the signature
// lines under each are indented).
func verdicts(out string) []string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l != "" && !strings.HasPrefix(l, " ") {
			lines = append(lines, l)
		}
	}
	return lines
}

// fingerprintLine finds the short fingerprint "signer trust" prints.
var fingerprintLine = regexp.MustCompile(`(?m)^Sidik jari: ([0-9A-F ]+)$`)

func checkVerifyExported(t *testing.T, db, period string) {
	dir, pdfs := exportDemo(t, db, period)
	code, out, errOut := cli(t, append([]string{"verify", "--data", db}, pdfs...)...)
	if code != 0 || strings.Count(out, ": Sah") != len(pdfs) || !strings.Contains(out, "cocok dengan penilaian") ||
		!strings.Contains(out, "\n    tanda tangan ke-1: ") {
		t.Fatalf("verify: exit %d, %q, %q", code, out, errOut)
	}
	for p, out := range pdfsigAll(t, pdfs) {
		if !strings.Contains(out, "Signature is Valid.") {
			t.Errorf("pdfsig %s:\n%s", p, out)
		}
	}
	if t.Failed() {
		t.FailNow()
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
	code, out, errOut = cli(t, "verify", "--data", db, pdfs[0], changed)
	lines := verdicts(out)
	if code != 1 || len(lines) != 2 || !strings.Contains(lines[1], "Berubah setelah ditandatangani") || !strings.Contains(lines[0], ": Sah") ||
		!strings.Contains(errOut, "1 dari 2 berkas tidak sah: "+changed) {
		t.Fatalf("flipped byte: exit %d, %q, %q", code, out, errOut)
	}

	cer := filepath.Join(t.TempDir(), "induk.cer")
	if code, out, errOut := cli(t, "signer", "export-root", "--data", db, "--out", cer); code != 0 || !strings.Contains(out, "induk.crl") {
		t.Fatalf("export-root: exit %d, %q, %q", code, out, errOut)
	}
	crl := strings.TrimSuffix(cer, ".cer") + ".crl"
	t.Run("verify --root without a data file", func(t *testing.T) { checkVerifyRoot(t, cer, crl, pdfs) })

	// Another office's data file knows the signer only after trusting the
	// root, and trusting needs a root of its own, signed with its passphrase.
	other := created(t, filepath.Join(t.TempDir(), "lain.db"))
	if code, _, errOut := cli(t, "office", "set", "--data", other, "--kecamatan", "Cangkuang", "--kabupaten", "Bandung"); code != 0 {
		t.Fatal(errOut)
	}
	code, out, _ = cli(t, "verify", "--data", other, pdfs[0])
	if code != 1 || !strings.Contains(out, "tidak dikenal") {
		t.Fatalf("untrusted: exit %d, %q", code, out)
	}
	if code, _, errOut := cli(t, "signer", "trust", "--data", other, cer); code != 1 || !strings.Contains(errOut, "belum dibuat") {
		t.Fatalf("trust without an own root: exit %d, %q", code, errOut)
	}
	if code, _, errOut := cli(t, "signer", "create", "--data", other, "--root"); code != 0 {
		t.Fatalf("root of the other office: exit %d, %q", code, errOut)
	}
	code, out, errOut = cli(t, "signer", "trust", "--data", other, cer, "--crl", crl)
	m := fingerprintLine.FindStringSubmatch(out)
	if code != 0 || m == nil || !strings.Contains(out, "SHA-256: ") || !strings.Contains(out, "Dipercayai: Sertifikat Induk Kantor Kecamatan") {
		t.Fatalf("trust: exit %d, %q, %q", code, out, errOut)
	}
	fp := m[1]
	code, out, _ = cli(t, append([]string{"verify", "--data", other}, pdfs...)...)
	if code != 0 || strings.Count(out, ": Sah, kantor lain yang dipercaya: ") != len(pdfs) {
		t.Fatalf("trusted elsewhere: exit %d, %q", code, out)
	}
	if code, out, errOut := cli(t, "signer", "import-crl", "--data", other, crl); code != 0 || !strings.Contains(out, "Daftar pencabutan Sertifikat Induk Kantor") {
		t.Fatalf("import-crl: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut := cli(t, "signer", "import-crl", "--data", other, cer); code != 1 || !strings.Contains(errOut, cer) {
		t.Fatalf("import-crl of a certificate: exit %d, %q", code, errOut)
	}
	if code, out, _ := cli(t, "signer", "list", "--data", other); code != 0 || !strings.Contains(out, fp) || !strings.Contains(out, "dipercaya") {
		t.Fatalf("signer list of the other office: exit %d, %q", code, out)
	}
	if code, out, errOut := cli(t, "signer", "untrust", "--data", other, fp, "--reason", "uji"); code != 0 || !strings.Contains(out, "Tidak lagi dipercayai") {
		t.Fatalf("untrust: exit %d, %q, %q", code, out, errOut)
	}
	code, out, _ = cli(t, "verify", "--data", other, pdfs[0])
	if code != 1 || strings.Contains(out, ": Sah") || !strings.Contains(out, "tidak dikenal") {
		t.Fatalf("after untrust: exit %d, %q", code, out)
	}
	if code, out, _ := cli(t, "signer", "list", "--data", other); code != 0 || strings.Contains(out, fp) {
		t.Fatalf("untrusted root still listed: exit %d, %q", code, out)
	}
	if code, _, errOut := cli(t, "signer", "untrust", "--data", other, fp); code != 1 || !strings.Contains(errOut, "tidak ada sertifikat induk dipercaya") {
		t.Fatalf("second untrust: exit %d, %q", code, errOut)
	}

	if code, out, _ := cli(t, "verify", "--data", db, filepath.Join(dir, "tidak-ada.pdf")); code != 1 || !strings.Contains(out, "GAGAL") {
		t.Fatalf("missing file: exit %d, %q", code, out)
	}
	if code, _, _ := cli(t, "verify", "--data", db); code != 2 {
		t.Fatalf("no file: exit %d, want 2", code)
	}
	if code, _, _ := cli(t, "verify", "--crl", crl, pdfs[0]); code != 2 {
		t.Fatalf("--crl without --root: exit %d, want 2", code)
	}
}

// checkVerifyRoot verifies with the exported root alone on a PC without an
// office file: nothing is opened or created, neither at --data nor at the
// default location.
func checkVerifyRoot(t *testing.T, cer, crl string, pdfs []string) {
	fresh := t.TempDir()
	for _, v := range []string{"HOME", "XDG_CONFIG_HOME", "APPDATA", "LOCALAPPDATA"} {
		t.Setenv(v, fresh)
	}
	code, out, errOut := cli(t, append([]string{"verify", "--data", filepath.Join(fresh, "kinerja.db"), "--root", cer, "--crl", crl}, pdfs...)...)
	if code != 0 || strings.Count(out, ": Sah, sertifikat induk Kecamatan ") != len(pdfs) || strings.Contains(out, "daftar pencabutan tidak diberikan") {
		t.Fatalf("verify --root --crl: exit %d, %q, %q", code, out, errOut)
	}
	code, out, errOut = cli(t, "verify", "--root", cer, pdfs[0])
	if code != 0 || !strings.Contains(out, "daftar pencabutan tidak diberikan") {
		t.Fatalf("verify --root: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut := cli(t, "verify", "--root", pdfs[0], pdfs[0]); code != 1 || !strings.Contains(errOut, pdfs[0]) {
		t.Fatalf("a PDF as the root: exit %d, %q", code, errOut)
	}
	if left, _ := os.ReadDir(fresh); len(left) != 0 {
		t.Fatalf("verify --root left %d files in %s: %v", len(left), fresh, left[0].Name())
	}
}

// pdfsigAll runs pdfsig on every file, a few at a time, and returns its
// output (and any error) by file. pdfsig exits 0 even on a digest mismatch:
// its text is what counts.
func pdfsigAll(t *testing.T, files []string) map[string]string {
	t.Helper()
	path := testkit.NeedTool(t, "pdfsig")
	out := make(map[string]string, len(files))
	var (
		mu   sync.Mutex
		wg   sync.WaitGroup
		slot = make(chan struct{}, 4)
	)
	for _, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slot <- struct{}{}
			text, err := exec.Command(path, f).CombinedOutput()
			<-slot
			mu.Lock()
			defer mu.Unlock()
			out[f] = string(text)
			if err != nil {
				out[f] += "\n" + err.Error()
			}
		}()
	}
	wg.Wait()
	return out
}
