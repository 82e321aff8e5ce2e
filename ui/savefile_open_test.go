package ui

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// shownChooser is the file chooser on top: its address box and its lines by name.
func shownChooser(t *testing.T, u *App) (*escEntry, map[string]*fileRow) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var path *escEntry
	rows := map[string]*fileRow{}
	for _, o := range objectsUnder(top) {
		switch x := o.(type) {
		case *escEntry:
			if path == nil {
				path = x
			}
		case *fileRow:
			rows[x.name.Text] = x
		}
	}
	if path == nil {
		t.Fatal("the dialog on top has no address box")
	}
	return path, rows
}

// typeAndEnter replaces the address with text, as pasted, and presses Enter.
func typeAndEnter(u *App, e *escEntry, text string) {
	u.win.Canvas().Focus(e)
	e.SetText(text)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func writeFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(dir, n)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("%PDF-1.4 bukan dokumen yang sah\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Verifikasi › Buka PDF… opens the app's chooser at the last folder used,
// lists its folders and PDFs only, names a wrong path inside the dialog, goes
// into a folder typed, opens the PDF typed on Enter, and starts there next time.
func TestVerifyOpenTakesTypedPath(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	dir := t.TempDir()
	writeFiles(t, dir, "surat.pdf", "catatan.txt", "arsip/penilaian.PDF")
	u.rememberFolder(dir)
	u.Show(ScreenDocuments)
	u.documents.tabs.SelectIndex(slicesIndexTab(t, u, "Verifikasi"))
	test.Tap(button(t, u, "Buka PDF…"))

	path, rows := shownChooser(t, u)
	if path.Text != dir {
		t.Errorf("the chooser starts at %q, want the last folder %q", path.Text, dir)
	}
	if u.win.Canvas().Focused() != path {
		t.Errorf("the keyboard is on %T, want the address box", u.win.Canvas().Focused())
	}
	if rows["surat.pdf"] == nil || rows["arsip"] == nil || rows["catatan.txt"] != nil {
		t.Errorf("the list shows %v, want arsip and surat.pdf, not catatan.txt", keys(rows))
	}
	if !shownText(u, "Hanya berkas .pdf yang ditampilkan.") {
		t.Error("the filter is not said")
	}

	typeAndEnter(u, path, filepath.Join(dir, "tidak-ada.pdf"))
	if !shownText(u, "tidak-ada.pdf tidak ada; periksa alamatnya") {
		t.Error("a wrong path gives no message in the dialog")
	}
	typeAndEnter(u, path, filepath.Join(dir, "catatan.txt"))
	if !shownText(u, "catatan.txt bukan berkas .pdf") {
		t.Error("a file of another kind gives no message in the dialog")
	}
	typeAndEnter(u, path, `"`+filepath.Join(dir, "arsip")+`"`) // Explorer's "Copy as path"
	path, rows = shownChooser(t, u)
	if rows["penilaian.PDF"] == nil || shownText(u, "bukan berkas") {
		t.Fatalf("after typing a folder the list shows %v", keys(rows))
	}
	typeAndEnter(u, path, "penilaian.PDF") // a name in the folder listed
	waitFor(t, "the verdict on the file", func() bool { return shownText(u, "penilaian.PDF") && u.win.Canvas().Overlays().Top() == nil })
	if got := u.fyne.Preferences().String(prefOpenFolder(openPDF)); got != filepath.Join(dir, "arsip") {
		t.Errorf("remembered %q for PDFs", got)
	}

	test.Tap(button(t, u, "Buka PDF…"))
	if path, _ = shownChooser(t, u); path.Text != filepath.Join(dir, "arsip") {
		t.Errorf("the next PDF starts at %q", path.Text)
	}
	path.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the chooser open")
	}
}

// slicesIndexTab is the index of the Dokumen tab called name.
func slicesIndexTab(t *testing.T, u *App, name string) int {
	t.Helper()
	for i, it := range u.documents.tabs.Items {
		if it.Text == name {
			return i
		}
	}
	t.Fatalf("no Dokumen tab %q", name)
	return 0
}

func keys(m map[string]*fileRow) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// Pengaturan › logo: a click on a folder goes into it, a double click on an
// image uses it as the logo.
func TestLogoChosenWithDoubleClick(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	dir := t.TempDir()
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 40, 40))); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "kop"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "kop", "logo.png"), img.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	u.rememberFolder(dir)
	u.Show(ScreenSettings)
	u.settings.logo.choose()
	_, rows := shownChooser(t, u)
	if rows["kop"] == nil {
		t.Fatalf("the list shows %v", keys(rows))
	}
	test.Tap(rows["kop"])
	path, rows := shownChooser(t, u)
	if path.Text != filepath.Join(dir, "kop") || rows["logo.png"] == nil {
		t.Fatalf("after a click on kop the address is %q and the list %v", path.Text, keys(rows))
	}
	test.DoubleTap(rows["logo.png"])
	waitFor(t, "the logo saved", func() bool { return shownText(u, "Logo dari logo.png tersimpan.") })
	if logo, err := svc.OfficeLogo(); err != nil || len(logo) == 0 {
		t.Errorf("no logo stored (%v)", err)
	}
}

// Every file the app opens is asked for with its own chooser, filtered to
// the kinds it reads; a restore starts in the backups folder.
func TestFileOpenersUseTheAppChooser(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	if err := os.MkdirAll(svc.BackupDir(), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		what   string
		open   func()
		filter string
	}{
		{"impor absen", u.chooseAttendanceFile, ".dat, .txt, .csv, .xlsx"},
		{"impor pegawai", u.importStaff, ".csv, .xlsx"},
		{"kalender", func() { u.Show(ScreenAttendance); u.attendance.calendar.chooseCSV() }, ".csv"},
		{"pemulihan", u.pickBackup, ".db"},
		{"logo", func() { u.Show(ScreenSettings); u.settings.logo.choose() }, ".png, .jpg, .jpeg"},
		{"sertifikat kantor lain", func() { u.Show(ScreenDocuments); u.documents.signers.chooseTrust() }, ".cer, .crt, .pem"},
	} {
		c.open()
		path, _ := shownChooser(t, u)
		if !shownText(u, "Hanya berkas "+c.filter+" yang ditampilkan.") {
			t.Errorf("%s: the chooser does not filter %s", c.what, c.filter)
		}
		if c.what == "pemulihan" && path.Text != svc.BackupDir() {
			t.Errorf("the restore starts at %q, want the backups folder %q", path.Text, svc.BackupDir())
		}
		test.Tap(button(t, u, "Batal"))
	}
}

// Telusuri… beside a folder box opens the app's chooser in folder mode, at
// the folder typed: folders only, a double click goes in, a file typed is
// refused inside the dialog, and "Pilih folder ini" puts the folder listed
// in the box.
func TestBrowseChoosesAFolderWithTheAppChooser(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	root := t.TempDir()
	writeFiles(t, root, "flashdisk/Kepegawaian/catatan.pdf", "lain.pdf")
	box := widget.NewEntry()
	box.SetText(root)
	w := test.NewWindow(folderRow(u, box))
	defer w.Close()
	var browse *widget.Button
	for _, o := range objectsUnder(w.Content()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Telusuri…" {
			browse = b
		}
	}
	if browse == nil {
		t.Fatal("no Telusuri… button")
	}
	test.Tap(browse)
	path, rows := shownChooser(t, u)
	if path.Text != root || rows["flashdisk"] == nil || rows["lain.pdf"] != nil {
		t.Fatalf("the chooser lists %q with %v; want %q, folders only", path.Text, keysOf(rows), root)
	}
	rows["flashdisk"].DoubleTapped(nil)
	typeAndEnter(u, path, filepath.Join(root, "lain.pdf"))
	_, rows = shownChooser(t, u)
	if msg := dialogText(u); !strings.Contains(msg, "bukan folder") || rows["Kepegawaian"] == nil {
		t.Fatalf("a file typed in folder mode: %q, lines %v", msg, keysOf(rows))
	}
	path.SetText(filepath.Join(root, "flashdisk"))
	test.Tap(button(t, u, "Pilih folder ini"))
	if want := filepath.Join(root, "flashdisk"); box.Text != want {
		t.Fatalf("box %q, want %q", box.Text, want)
	}
}

func keysOf(m map[string]*fileRow) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// dialogText is every label's text in the dialog on top.
func dialogText(u *App) string {
	var b strings.Builder
	for _, o := range objectsUnder(u.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}
