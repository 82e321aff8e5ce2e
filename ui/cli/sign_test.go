package cli

import (
	"crypto/x509"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/export/sign"
)

// The CLI tests run with the demo passphrase in the environment, as the
// README tells a user trying the demo: "evaluation finalize" of a rater with
// a signer then signs without a terminal. Tests that need another value set
// it with t.Setenv.
func init() {
	if os.Getenv(envPassphrase) == "" {
		os.Setenv(envPassphrase, service.DemoPassphrase)
	}
}

// TestDemoDocumentsThroughCLI runs the signing commands on one demo file
// (the demo signs, so making it costs one argon2id run per rater): signers,
// export, verification, finalizing with a signature, importing a PKCS#12.
func TestDemoDocumentsThroughCLI(t *testing.T) {
	db, periods := demoFile(t)
	ended, running := periods[len(periods)-2].ID, periods[len(periods)-1].ID
	nip := ""
	for _, ev := range evaluationsJSON(t, db, ended) {
		if ev.State == string(data.EvalFinal) && ev.RaterNIP != "" {
			nip = ev.NIP
			break
		}
	}
	if nip == "" {
		t.Fatalf("demo has no final evaluation in %s", ended)
	}
	t.Run("signer list", func(t *testing.T) { checkSignerList(t, db) })
	t.Run("export appraisal", func(t *testing.T) { checkExportFilters(t, db, ended, nip) })
	t.Run("verify", func(t *testing.T) { checkVerifyExported(t, db, ended) })
	t.Run("finalize signs", func(t *testing.T) { checkFinalizeSigns(t, db, running) })
	t.Run("signer import", func(t *testing.T) { checkSignerImport(t, db, ended) })
}

func checkSignerList(t *testing.T, db string) {
	code, out, errOut := cli(t, "signer", "list", "--data", db)
	if code != 0 || !strings.Contains(out, "Sertifikat Induk Kantor Kecamatan") || !strings.Contains(out, "aktif") {
		t.Fatalf("signer list: exit %d, %q, %q", code, out, errOut)
	}
	t.Setenv(envPassphrase, "")
	t.Setenv(envOfficePassphrase, "")
	code, _, errOut = cli(t, "signer", "create", "--data", db, "--nip", "196804111993031009")
	if code != 1 || !strings.Contains(errOut, "tidak ditemukan") {
		t.Errorf("unknown NIP: exit %d, %q", code, errOut)
	}
	code, _, errOut = cli(t, "signer", "create", "--data", db, "--root")
	if code != 1 || !strings.Contains(errOut, "sudah ada") {
		t.Errorf("second root: exit %d, %q", code, errOut)
	}
	if code, _, _ := cli(t, "signer", "create", "--data", db); code != 2 {
		t.Errorf("no --nip nor --root: exit %d, want 2", code)
	}
}

func TestSignerCreateNeedsPassphrase(t *testing.T) {
	db := created(t, filepath.Join(t.TempDir(), "k.db"))
	if code, _, errOut := cli(t, "office", "set", "--data", db, "--kecamatan", "Soreang", "--kabupaten", "Bandung"); code != 0 {
		t.Fatal(errOut)
	}
	t.Setenv(envPassphrase, "")
	t.Setenv(envOfficePassphrase, "")
	code, _, errOut := cli(t, "signer", "create", "--data", db, "--root")
	if code != 1 || !strings.Contains(errOut, envOfficePassphrase) || !strings.Contains(errOut, "terminal") {
		t.Fatalf("no passphrase, no terminal: exit %d, %q", code, errOut)
	}
	t.Setenv(envOfficePassphrase, "sandi-kantor-panjang")
	code, out, errOut := cli(t, "signer", "create", "--data", db, "--root")
	if code != 0 || !strings.Contains(out, "Sertifikat Induk Kantor Kecamatan Soreang") {
		t.Fatalf("root: exit %d, %q, %q", code, out, errOut)
	}
	cer := filepath.Join(t.TempDir(), "induk.cer")
	if code, _, errOut := cli(t, "signer", "export-root", "--data", db, "--out", cer); code != 0 {
		t.Fatal(errOut)
	}
	if out, err := exec.Command("openssl", "x509", "-inform", "DER", "-noout", "-subject", "-in", cer).CombinedOutput(); err == nil &&
		!strings.Contains(string(out), "Sertifikat Induk Kantor Kecamatan Soreang") {
		t.Errorf("openssl reads %q", out)
	}
}

func checkFinalizeSigns(t *testing.T, db, period string) {
	nip, _ := ratablePNS(t, db)
	ev := func(args ...string) (int, string, string) {
		t.Helper()
		return cli(t, append([]string{"evaluation", args[0], "--data", db, "--period", period, "--nip", nip}, args[1:]...)...)
	}
	if code, _, errOut := ev("set", "--work", "sesuai", "--behavior", "sesuai"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := ev("submit"); code != 0 {
		t.Fatal(errOut)
	}
	rater := ""
	for _, e := range evaluationsJSON(t, db, period) {
		if e.NIP == nip {
			rater = e.RaterNIP
		}
	}
	if code, out, errOut := cli(t, "signer", "create", "--data", db, "--nip", rater); code != 0 || !strings.Contains(out, "Penanda tangan dibuat") {
		t.Fatalf("signer create %s: exit %d, %q, %q", rater, code, out, errOut)
	}
	t.Setenv(envPassphrase, "bukan-sandinya")
	code, _, errOut := ev("finalize")
	if code != 1 || !strings.Contains(errOut, "Frasa sandi salah") {
		t.Fatalf("wrong passphrase: exit %d, %q", code, errOut)
	}
	if list := evaluationsJSON(t, db, period); !hasState(list, nip, "submitted") {
		t.Fatalf("after a wrong passphrase the evaluation is not Diajukan: %+v", list)
	}
	t.Setenv(envPassphrase, service.DemoPassphrase)
	code, out, errOut := ev("finalize")
	if code != 0 || !strings.Contains(out, "Ditandatangani oleh") || !strings.Contains(out, "Ditetapkan") {
		t.Fatalf("finalize: exit %d, %q, %q", code, out, errOut)
	}
}

func hasState(list []evaluationJSON, nip, state string) bool {
	for _, e := range list {
		if e.NIP == nip {
			return e.State == state
		}
	}
	return false
}

// toolRun runs a PDF tool and returns its combined output; without the tool
// the test is skipped, or fails when CI=true (CI installs poppler-utils and qpdf).
func toolRun(t *testing.T, name string, args ...string) (string, error) {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s tidak terpasang", name)
		}
		t.Skipf("%s tidak terpasang", name)
	}
	out, err := exec.Command(path, args...).CombinedOutput()
	return string(out), err
}

func checkSignerImport(t *testing.T, db, period string) {
	var raterNIP string
	for _, ev := range evaluationsJSON(t, db, period) {
		if ev.RaterNIP != "" {
			raterNIP = ev.RaterNIP
			break
		}
	}
	ca, err := sign.NewOfficeRoot("Kabupaten Contoh", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	id, err := sign.IssueSigner(ca, "Pejabat Impor", raterNIP, "Kepala Seksi", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(id.CertDER)
	caCert, _ := x509.ParseCertificate(ca.CertDER)
	pfx, err := pkcs12.Modern.Encode(id.Key, leaf, []*x509.Certificate{caCert}, "sandi-berkas")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "pejabat.p12")
	if err := os.WriteFile(file, pfx, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(envPFXPassword, "sandi-berkas")
	code, out, errOut := cli(t, "signer", "import", "--data", db, file, "--nip", raterNIP)
	if code != 0 || !strings.Contains(out, "BELUM dipercayai") {
		t.Fatalf("import: exit %d, %q, %q", code, out, errOut)
	}
	code, out, errOut = cli(t, "signer", "import", "--data", db, file, "--nip", raterNIP, "--trust-root")
	if code != 0 || !strings.Contains(out, "Dipercayai: "+caCert.Subject.CommonName) {
		t.Fatalf("import --trust-root: exit %d, %q, %q", code, out, errOut)
	}
	t.Setenv(envPFXPassword, "salah")
	if code, _, errOut := cli(t, "signer", "import", "--data", db, file, "--nip", raterNIP); code != 1 || !strings.Contains(errOut, "Frasa sandi salah") {
		t.Fatalf("wrong file password: exit %d, %q", code, errOut)
	}
}
