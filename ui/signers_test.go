package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fillSignerForm opens "Buat penanda tangan…" and fills it; staff < 0 leaves
// the staff member unchosen.
func fillSignerForm(t *testing.T, u *App, staff int, office, pass, pass2 string) *signerForm {
	t.Helper()
	test.Tap(button(t, u, "Buat penanda tangan…"))
	f := u.documents.signers.form
	if f == nil {
		t.Fatal("no signer dialog")
	}
	if staff >= 0 {
		f.staffSel.input.(*widget.Select).SetSelectedIndex(staff)
	}
	test.Type(f.secret.input.(*widget.Entry), office)
	test.Type(f.pass.input.(*widget.Entry), pass)
	test.Type(f.pass2.input.(*widget.Entry), pass2)
	return f
}

func TestCreateSignerForm(t *testing.T) {
	tests := []struct {
		name      string
		staff     int
		office    string
		pass      string
		pass2     string
		field     func(*signerForm) *field // where the message shows; nil: created
		wantInMsg string
	}{
		{"mismatched passphrases", 0, demoPassphrase, "rahasia-satu", "rahasia-dua",
			func(f *signerForm) *field { return f.pass2 }, "Frasa sandi tidak sama dengan yang pertama."},
		{"short passphrase", 0, demoPassphrase, "pendek", "pendek",
			func(f *signerForm) *field { return f.pass }, "frasa sandi minimal 10 karakter"},
		{"no staff", -1, demoPassphrase, "rahasia-satu", "rahasia-satu",
			func(f *signerForm) *field { return f.staffSel }, "Pilih pegawai."},
		{"no office passphrase", 0, "", "rahasia-satu", "rahasia-satu",
			func(f *signerForm) *field { return f.secret }, "Ketik frasa sandi kantor."},
		{"wrong office passphrase", 0, "bukan-sandi-kantor", "rahasia-satu", "rahasia-satu",
			func(f *signerForm) *field { return f.secret }, "Frasa sandi salah."},
		{"created", 0, demoPassphrase, "rahasia-satu", "rahasia-satu", nil, ""},
	}
	u, svc, _ := newDocumentsUI(t)
	u.documents.tabs.SelectIndex(2)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before, err := svc.Signers()
			if err != nil {
				t.Fatal(err)
			}
			f := fillSignerForm(t, u, tc.staff, tc.office, tc.pass, tc.pass2)
			test.Tap(button(t, u, "Buat penanda tangan"))
			if tc.field == nil {
				waitSlow(t, "the new signer listed", func() bool {
					return u.documents.signers.form == nil && len(u.documents.signers.signers) == len(before)+1
				})
				if after, err := svc.Signers(); err != nil || len(after) != len(before)+1 {
					t.Fatalf("signers stored %d → %d (%v)", len(before), len(after), err)
				}
				return
			}
			waitSlow(t, "the message", func() bool { return f.ok.Disabled() == false && tc.field(f).message() != "" })
			if got := tc.field(f).message(); got != tc.wantInMsg {
				t.Errorf("message %q, want %q", got, tc.wantInMsg)
			}
			if u.documents.signers.form != f {
				t.Error("the dialog closed after a mistake")
			}
			if after, _ := svc.Signers(); len(after) != len(before) {
				t.Errorf("a signer was stored after a mistake")
			}
			f.dlg.Hide()
		})
	}
}

func TestCreateOfficeRootForm(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	u.Show(ScreenDocuments)
	u.documents.tabs.SelectIndex(2)
	tab := u.documents.signers
	test.Type(tab.rootPass.input.(*widget.Entry), "kantor-rahasia")
	test.Type(tab.rootPass2.input.(*widget.Entry), "kantor-rahasie")
	test.Tap(button(t, u, "Buat sertifikat induk"))
	if got := tab.rootPass2.message(); got != "Frasa sandi tidak sama dengan yang pertama." {
		t.Fatalf("mismatch message %q", got)
	}
	tab.rootPass2.input.(*widget.Entry).SetText("kantor-rahasia")
	test.Tap(button(t, u, "Buat sertifikat induk"))
	waitSlow(t, "the root", func() bool { return shownText(u, "Sertifikat Induk Kantor") })
	if !shownText(u, "tanda tangan elektronik tidak tersertifikasi") {
		t.Error("the note on uncertified signatures is not shown")
	}
}
