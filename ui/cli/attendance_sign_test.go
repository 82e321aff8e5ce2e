package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSignedAttendanceExport signs a demo month's recap PDFs as the Kasubbag
// Umum dan Kepegawaian and verifies them.
func TestSignedAttendanceExport(t *testing.T) {
	t.Parallel()
	db, nip := kasubbag(t)
	dir := t.TempDir()
	code, out, errOut := cli(t, "export", "attendance", "--data", db, "--month", "2026-10", "--out", dir, "--format", "pdf", "--sign", "--nip", nip)
	if code != 0 || strings.Count(out, "Tersimpan:") != 2 {
		t.Fatalf("export attendance --sign: exit %d, %q, %q", code, out, errOut)
	}
	files := []string{filepath.Join(dir, "rekap-kehadiran-2026-10.pdf"), filepath.Join(dir, "rekap-tpp-2026-10.pdf")}
	code, out, errOut = cli(t, append([]string{"verify", "--data", db}, files...)...)
	if code != 0 || strings.Count(out, "bukan dokumen evaluasi (rekap kehadiran)") != 2 || strings.Contains(out, "TIDAK cocok") {
		t.Fatalf("verify: exit %d, %q, %q", code, out, errOut)
	}
	for _, f := range files {
		// pdfsig exits 0 even on a digest mismatch: its text is what counts.
		if msg, _ := toolRun(t, "pdfsig", f); !strings.Contains(msg, "Signature is Valid.") {
			t.Errorf("pdfsig %s:\n%s", filepath.Base(f), msg)
		}
	}
	tests := []struct {
		name string
		args []string
	}{
		{"--sign without --nip", []string{"--sign"}},
		{"--nip without --sign", []string{"--nip", nip}},
		{"signing a workbook", []string{"--format", "xlsx", "--sign", "--nip", nip}},
	}
	for _, tt := range tests {
		args := append([]string{"export", "attendance", "--data", db, "--month", "2026-10", "--out", dir}, tt.args...)
		if code, _, _ := cli(t, args...); code != 2 {
			t.Errorf("%s: exit %d, want 2", tt.name, code)
		}
	}
}

// TestSignedAttendanceExportWrongPassphrase: a wrong passphrase in the
// environment signs nothing (serial: it sets the environment).
func TestSignedAttendanceExportWrongPassphrase(t *testing.T) {
	db, nip := kasubbag(t)
	t.Setenv(envPassphrase, "salah-sekali")
	if code, _, errOut := cli(t, "export", "attendance", "--data", db, "--month", "2026-10", "--out", t.TempDir(), "--sign", "--nip", nip); code != 1 || errOut == "" {
		t.Errorf("wrong passphrase: exit %d, %q", code, errOut)
	}
}

// kasubbag returns a copy of the demo office and the NIP of its Kasubbag
// Umum dan Kepegawaian, who signs the attendance recaps.
func kasubbag(t *testing.T) (string, string) {
	t.Helper()
	db, _ := demoFile(t)
	for _, s := range listJSON(t, db) {
		if s.Position == "Kepala Subbagian Umum dan Kepegawaian" {
			return db, s.NIP
		}
	}
	t.Fatal("the demo has no Kasubbag Umum dan Kepegawaian")
	return "", ""
}
