package ui

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestSignatureImageDialog(t *testing.T) {
	u, svc, _ := newDocumentsUI(t)
	u.documents.tabs.SelectIndex(2)
	test.Tap(button(t, u, "Gambar tanda tangan…"))
	f := u.documents.signers.openSignatureImage()
	if f == nil {
		t.Fatal("no signature image dialog")
	}
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 120, 40))); err != nil {
		t.Fatal(err)
	}
	good, bad := filepath.Join(dir, "ttd.png"), filepath.Join(dir, "ttd.jpg")
	if err := os.WriteFile(good, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("bukan gambar"), 0o644); err != nil {
		t.Fatal(err)
	}
	f.staffSel.input.(*widget.Select).SetSelectedIndex(0)
	staffID := f.staff[0].ID

	steps := []struct {
		name       string
		act        func()
		msg        string // part of the message shown
		save, del  bool   // whether Simpan and Hapus gambar are enabled
		wantStored bool
	}{
		{"nothing yet", func() {}, "", false, false, false},
		{"not an image", func() { f.useFile(bad) }, "PNG atau JPEG", false, false, false},
		{"chosen", func() { f.useFile(good) }, "", true, false, false},
		{"saved", func() { test.Tap(f.save) }, "disimpan", false, true, true},
		{"removed", func() { test.Tap(f.remove) }, "dihapus", false, false, false},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			s.act()
			if s.msg != "" && !strings.Contains(f.msg.Text, s.msg) {
				t.Errorf("message %q, want %q", f.msg.Text, s.msg)
			}
			if f.save.Disabled() == s.save || f.remove.Disabled() == s.del {
				t.Errorf("save enabled %v, remove enabled %v; want %v, %v", !f.save.Disabled(), !f.remove.Disabled(), s.save, s.del)
			}
			if _, found, err := svc.SignatureImage(staffID); err != nil || found != s.wantStored {
				t.Errorf("stored %v (%v), want %v", found, err, s.wantStored)
			}
		})
	}
}
