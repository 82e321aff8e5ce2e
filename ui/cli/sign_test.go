package cli

import (
	"bytes"
	"crypto/x509"
	"encoding/json"
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
	"kinerja/internal/testkit"
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
	t.Run("guarded outputs", func(t *testing.T) { checkGuardedOutputs(t, db, ended, nip) })
	t.Run("signer revoke", func(t *testing.T) { checkSignerRevoke(t, db) })
}

// checkGuardedOutputs: no --out may name the data file; a refusal names the
// file, exits 1 and leaves the data file as it was, byte for byte.
func checkGuardedOutputs(t *testing.T, db, period, nip string) {
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"signer", "export-root", "--out", db},
		{"export", "evaluation", "--period", period, "--nip", nip, "--out", db},
		{"export", "evaluations", "--period", period, "--out", strings.TrimSuffix(db, ".db") + ".xlsx"},
	} {
		if strings.HasSuffix(args[len(args)-1], ".xlsx") {
			// The data file under another name: still a Kinerja data file.
			if err := os.WriteFile(args[len(args)-1], before, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		code, out, errOut := cli(t, append(args, "--data", db)...)
		if code != 1 || !strings.Contains(errOut, "Tidak menulis ke") || !strings.Contains(errOut, args[len(args)-1]) {
			t.Errorf("%q: exit %d, %q, %q; want it refused naming the file", args, code, out, errOut)
		}
	}
	if after, err := os.ReadFile(db); err != nil || !bytes.Equal(before, after) {
		t.Fatalf("the data file changed (%v)", err)
	}
}

// checkSignerRevoke: after "signer revoke", a document signed with the old
// key and not in the register of signed documents is not Sah — here nor at
// another office holding the new revocation list.
func checkSignerRevoke(t *testing.T, db string) {
	var nip string
	for _, s := range signersJSON(t, db) {
		if s.Kind == string(service.SignerOffice) && s.State == "aktif" {
			nip = s.NIP
			break
		}
	}
	if nip == "" {
		t.Fatal("demo has no active office signer")
	}
	// The key is taken while it is valid, as someone holding it would.
	svc, err := service.Open(db, service.Options{Actor: "uji"})
	if err != nil {
		t.Fatal(err)
	}
	staff, err := svc.StaffByIdentifier(nip)
	if err != nil {
		t.Fatal(err)
	}
	u, err := svc.UnlockSigner(staff.ID, service.DemoPassphrase)
	svc.Close()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sheet := filepath.Join(dir, "daftar.pdf")
	if code, _, errOut := cli(t, "export", "sheet", "--data", db, "--date", "2026-11-02", "--out", sheet); code != 0 {
		t.Fatalf("export sheet: exit %d, %q", code, errOut)
	}
	unsigned, err := os.ReadFile(sheet)
	if err != nil {
		t.Fatal(err)
	}
	signed, err := sign.SignPDF(unsigned, u.Identity, sign.SignInfo{Name: u.Name})
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "ditandatangani.pdf")
	if err := os.WriteFile(doc, signed, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := cli(t, "verify", "--data", db, doc); code != 0 || !strings.Contains(out, ": Sah") {
		t.Fatalf("before revoking: exit %d, %q", code, out)
	}
	if code, _, _ := cli(t, "signer", "revoke", "--data", db, "--nip", nip); code != 2 {
		t.Errorf("revoke without --reason: exit %d, want 2", code)
	}
	if code, out, errOut := cli(t, "signer", "revoke", "--data", db, "--nip", nip, "--reason", "kunci hilang"); code != 0 || !strings.Contains(out, "Dicabut: ") {
		t.Fatalf("revoke: exit %d, %q, %q", code, out, errOut)
	}
	for _, s := range signersJSON(t, db) {
		if s.NIP == nip && s.Kind == string(service.SignerOffice) && (s.State != "dicabut" || s.RevokeReason != "kunci hilang" || s.RevokedAt == "") {
			t.Errorf("after revoking: %+v", s)
		}
	}
	code, out, _ := cli(t, "verify", "--data", db, doc)
	if code != 1 || strings.Contains(out, ": Sah") || !strings.Contains(out, "dicabut") {
		t.Fatalf("after revoking: exit %d, %q", code, out)
	}
	cer := filepath.Join(dir, "induk.cer")
	if code, _, errOut := cli(t, "signer", "export-root", "--data", db, "--out", cer); code != 0 {
		t.Fatal(errOut)
	}
	code, out, _ = cli(t, "verify", "--root", cer, "--crl", filepath.Join(dir, "induk.crl"), doc)
	if code != 1 || strings.Contains(out, ": Sah") {
		t.Fatalf("elsewhere with the new revocation list: exit %d, %q", code, out)
	}
}

func signersJSON(t *testing.T, db string) []signerJSON {
	t.Helper()
	code, out, errOut := cli(t, "signer", "list", "--data", db, "--format", "json")
	if code != 0 {
		t.Fatalf("signer list: exit %d: %s", code, errOut)
	}
	var list []signerJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("signer list output is not a JSON array: %v\n%s", err, out)
	}
	return list
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
	return testkit.Tool(t, name, args...)
}

func checkSignerImport(t *testing.T, db, period string) {
	// A rater on the office's staff: the Camat's rater (the Sekda) is an
	// official outside the office, who gets no signer here.
	staff := map[string]bool{}
	for _, s := range listJSON(t, db) {
		staff[s.NIP] = true
	}
	var raterNIP string
	for _, ev := range evaluationsJSON(t, db, period) {
		if staff[ev.RaterNIP] {
			raterNIP = ev.RaterNIP
			break
		}
	}
	if raterNIP == "" {
		t.Fatalf("no rater of %s is on the staff", period)
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
