package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// labelShown returns the visible label whose text starts with text, or nil.
func labelShown(u *App, text string) *widget.Label {
	for _, o := range objects(u.win.Canvas()) {
		if l, ok := o.(*widget.Label); ok && strings.HasPrefix(l.Text, text) {
			return l
		}
	}
	return nil
}

// greenShown reports whether any visible label is in success colour.
func greenShown(u *App) bool {
	for _, o := range objects(u.win.Canvas()) {
		if l, ok := o.(*widget.Label); ok && l.Importance == widget.SuccessImportance && l.Visible() {
			return true
		}
	}
	return false
}

func TestVerifyTab(t *testing.T) {
	u, _, period := newDocumentsUI(t)
	dir := t.TempDir()
	exportThroughScreen(t, u, period, dir)
	files := exportedPDFs(t, dir)
	if len(files) == 0 {
		t.Fatal("nothing exported")
	}
	signed, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte(nil), signed...)
	flipped[len(flipped)/3] ^= 0x01
	other := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(other, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name  string
		file  string
		want  string
		look  widget.Importance
		match string
	}{
		{"exported", files[0], "Sah, sertifikat kantor ini (sidik jari", widget.SuccessImportance, "cocok dengan penilaian yang tersimpan di file data ini"},
		{"byte flipped", write("ubah.pdf", flipped), "Berubah setelah ditandatangani", widget.DangerImportance, ""},
		{"unsigned", write("polos.pdf", []byte("%PDF-1.4\n%%EOF\n")), "Tidak bertanda tangan", widget.MediumImportance, ""},
		{"not a PDF", write("catatan.pdf", []byte("bukan pdf")), "Tidak dapat diperiksa", widget.DangerImportance, ""},
	}
	u.documents.tabs.SelectIndex(1)
	tab := u.documents.verify
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tab.results.RemoveAll()
			tab.verifyFiles([]string{tc.file})
			waitSlow(t, "the verdict", func() bool { return len(tab.results.Objects) == 1 })
			l := labelShown(u, tc.want)
			if l == nil {
				t.Fatalf("verdict %q not shown", tc.want)
			}
			if l.Importance != tc.look {
				t.Errorf("verdict %q in importance %v, want %v", tc.want, l.Importance, tc.look)
			}
			if tc.match != "" && !strings.Contains(l.Text, tc.match) {
				t.Errorf("%q not in the verdict %q", tc.match, l.Text)
			}
			if tc.look != widget.SuccessImportance && greenShown(u) {
				t.Errorf("a green line under the verdict %q", l.Text)
			}
			if tc.look == widget.SuccessImportance && !shownText(u, "tanda tangan ke-1: ") {
				t.Errorf("no signature line under %q", l.Text)
			}
		})
	}
	tab.results.RemoveAll()
	tab.verifyFiles(exportedPDFs(t, dir))
	waitSlow(t, "every verdict", func() bool { return len(tab.results.Objects) == len(files) })
}

func TestGroupHex(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"abc", "ABC"},
		{"0123abcd", "0123 ABCD"},
		{"0123abcd9", "0123 ABCD 9"},
	}
	for _, tc := range tests {
		if got := groupHex(tc.in); got != tc.want {
			t.Errorf("groupHex(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
