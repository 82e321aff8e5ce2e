package ui

import (
	"crypto/x509"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"software.sslmate.com/src/go-pkcs12"

	"kinerja/export/sign"
)

// otherOffice is a signer of another kecamatan's root, as a .p12 file opened
// with "sandi-p12" and as an identity that signs.
func otherOffice(t *testing.T) (sign.Identity, []byte) {
	t.Helper()
	now := time.Now()
	root, err := sign.NewOfficeRoot("Cimahi", now)
	if err != nil {
		t.Fatal(err)
	}
	id, err := sign.IssueSigner(root, "Rina Marlina, S.E.", "198001012005012001", "Kepala Seksi Pelayanan", now)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(id.CertDER)
	if err != nil {
		t.Fatal(err)
	}
	rootCert, err := x509.ParseCertificate(root.CertDER)
	if err != nil {
		t.Fatal(err)
	}
	pfx, err := pkcs12.Modern.Encode(id.Key, cert, []*x509.Certificate{rootCert}, "sandi-p12")
	if err != nil {
		t.Fatal(err)
	}
	return id, pfx
}

// openImportForm opens "Impor .p12/.pfx…" with the file content pfx chosen
// and the fields typed.
func openImportForm(t *testing.T, u *App, pfx []byte, filePass, pass string) *signerForm {
	t.Helper()
	test.Tap(button(t, u, "Impor .p12/.pfx…"))
	f := u.documents.signers.form
	if f == nil || !f.imported {
		t.Fatal("no import dialog")
	}
	f.file = pfx
	f.staffSel.input.(*widget.Select).SetSelectedIndex(0)
	test.Type(f.secret.input.(*widget.Entry), filePass)
	test.Type(f.pass.input.(*widget.Entry), pass)
	test.Type(f.pass2.input.(*widget.Entry), pass)
	return f
}

func TestImportSignerThenTrustItsRoot(t *testing.T) {
	u, _, _ := newDocumentsUI(t)
	u.documents.tabs.SelectIndex(2)
	tab := u.documents.signers
	_, pfx := otherOffice(t)

	f := openImportForm(t, u, pfx, "bukan-sandinya", "rahasia-satu")
	test.Tap(button(t, u, "Impor"))
	waitSlow(t, "the refusal", func() bool { return !f.ok.Disabled() && f.secret.message() != "" })
	if got := f.secret.message(); got != "Frasa sandi salah." {
		t.Fatalf("wrong file password shows %q", got)
	}
	f.dlg.Hide()

	before := len(tab.signers)
	openImportForm(t, u, pfx, "sandi-p12", "rahasia-satu")
	test.Tap(button(t, u, "Impor"))
	waitSlow(t, "the offer to trust the file's root", func() bool {
		return tab.form == nil && shownText(u, "Sertifikat Induk Kantor Kecamatan Cimahi")
	})
	if len(tab.signers) != before+1 {
		t.Fatalf("signers listed %d → %d", before, len(tab.signers))
	}
	trustWithPassphrase(t, u)
	waitSlow(t, "the trusted root listed", func() bool {
		return shownText(u, "Sertifikat Induk Kantor Kecamatan Cimahi — sidik jari ")
	})
	rows, _ := tab.u.svc.TrustedRoots()
	if len(rows) != 1 || !shownText(u, rows[0].Fingerprint) || !shownText(u, "oleh "+rows[0].TrustedBy) {
		t.Fatalf("trusted roots %+v not shown with fingerprint, date and who", rows)
	}
	// Remove asks first; "Tidak" keeps it, "Ya" removes it.
	test.Tap(buttonIn(t, objectsUnder(tab.trusted), "Hapus"))
	if !shownText(u, "Berhenti mempercayai sertifikat induk ini?") {
		t.Fatal("no confirmation before removing")
	}
	test.Tap(button(t, u, "Ya"))
	if rows, _ := tab.u.svc.TrustedRoots(); len(rows) != 0 || !shownText(u, "Belum ada.") {
		t.Fatalf("after removing: %+v", rows)
	}
}

// trustWithPassphrase types the office passphrase into the open trust
// dialog and confirms.
func trustWithPassphrase(t *testing.T, u *App) {
	t.Helper()
	for _, o := range objects(u.win.Canvas()) {
		if e, ok := o.(*widget.Entry); ok && e.Password && e.Text == "" && e.Visible() {
			test.Type(e, demoPassphrase)
			break
		}
	}
	test.Tap(button(t, u, "Percayai"))
}

func TestVerifyOtherOfficeBeforeAndAfterTrust(t *testing.T) {
	u, _, period := newDocumentsUI(t)
	dir := t.TempDir()
	exportThroughScreen(t, u, period, dir)
	raw, err := os.ReadFile(exportedPDFs(t, dir)[0])
	if err != nil {
		t.Fatal(err)
	}
	other, _ := otherOffice(t)
	signed, err := sign.SignPDF(raw, other, sign.SignInfo{Name: "Rina Marlina, S.E.", Location: "Cimahi"})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "cimahi.pdf")
	if err := os.WriteFile(file, signed, 0o644); err != nil {
		t.Fatal(err)
	}
	cer, err := sign.RootCER(sign.Identity{CertDER: other.Chain[len(other.Chain)-1]})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		trust bool
		want  string
	}{
		{"unknown office", false, "Penanda tangan tidak dikenal kantor ini"},
		{"trusted office", true, "Sah, sertifikat kantor ini (sidik jari"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.trust {
				u.documents.tabs.SelectIndex(2)
				u.documents.signers.confirmTrust(cer)
				trustWithPassphrase(t, u)
				waitSlow(t, "the trust", func() bool { r, _ := u.svc.TrustedRoots(); return len(r) == 1 })
			}
			u.documents.tabs.SelectIndex(1)
			tab := u.documents.verify
			tab.results.RemoveAll()
			tab.verifyFiles([]string{file})
			waitSlow(t, "the verdict", func() bool { return len(tab.results.Objects) == 1 })
			if labelShown(u, tc.want) == nil {
				t.Errorf("verdict %q not shown", tc.want)
			}
			// The signature added by the other office names that office.
			if tc.trust && !shownText(u, "kantor lain yang dipercaya: Kecamatan Cimahi (sidik jari") {
				t.Error("the other office's signature does not name its trust")
			}
		})
	}
}
