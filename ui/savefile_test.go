package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// saveEntries returns the folder and file-name entries of the dialog on top.
func saveEntries(t *testing.T, u *App) (folder, name *widget.Entry) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var entries []*widget.Entry
	for _, o := range objectsUnder(top) {
		if e, ok := o.(*widget.Entry); ok {
			entries = append(entries, e)
		}
	}
	if len(entries) < 2 {
		t.Fatalf("the save dialog has %d entries, want folder and name", len(entries))
	}
	return entries[0], entries[1]
}

func TestBackupRefusesTheDataFileItself(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	before, err := os.ReadFile(svc.Path())
	if err != nil {
		t.Fatal(err)
	}
	u.backup()
	folder, name := saveEntries(t, u)
	folder.SetText(filepath.Dir(svc.Path()))
	name.SetText(filepath.Base(svc.Path()))
	test.Tap(button(t, u, "Simpan"))
	waitFor(t, "the refusal", func() bool { return shownText(u, "Tidak menulis ke") })
	if shownText(u, "Ganti berkas yang ada?") {
		t.Fatal("replacing the open data file was even offered")
	}
	if shownText(u, "Cadangan data tersimpan") {
		t.Fatal("the backup over the data file was reported as done")
	}
	after, err := os.ReadFile(svc.Path())
	if err != nil || !bytes.Equal(before, after) {
		t.Fatalf("the data file changed (%d → %d bytes, %v)", len(before), len(after), err)
	}
	if _, err := svc.StaffCount(); err != nil {
		t.Fatalf("the data file no longer reads: %v", err)
	}
	// The same refusal for a name typed without the extension.
	name.SetText(strings.TrimSuffix(filepath.Base(svc.Path()), ".db"))
	test.Tap(button(t, u, "Simpan"))
	if after, _ := os.ReadFile(svc.Path()); !bytes.Equal(before, after) {
		t.Fatal("the data file changed")
	}
}

func TestBackupAsksBeforeReplacing(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	dir := t.TempDir()
	target := filepath.Join(dir, "cadangan.db")
	if err := os.WriteFile(target, []byte("berkas lama"), 0o644); err != nil {
		t.Fatal(err)
	}
	u.backup()
	folder, name := saveEntries(t, u)
	folder.SetText(dir)
	name.SetText("cadangan.db")
	test.Tap(button(t, u, "Simpan"))
	waitFor(t, "the question", func() bool { return shownText(u, "Ganti berkas yang ada?") })
	test.Tap(button(t, u, "Batal"))
	if b, _ := os.ReadFile(target); string(b) != "berkas lama" {
		t.Fatal("the file was replaced without a yes")
	}
	test.Tap(button(t, u, "Simpan"))
	waitFor(t, "the question again", func() bool { return shownText(u, "Ganti berkas yang ada?") })
	test.Tap(button(t, u, "Ganti"))
	waitFor(t, "the backup", func() bool { return shownText(u, "Cadangan data tersimpan") })
	sum, err := svc.InspectBackup(t.Context(), target)
	if err != nil || len(sum.Problems) != 0 {
		t.Fatalf("the replaced file is not a good backup: %v %+v", err, sum)
	}
}

func TestSaveUsesTypedFolderAndRemembersIt(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	dir := t.TempDir()
	u.exportStaff()
	folder, name := saveEntries(t, u)
	if name.Text != "pegawai-20261128.xlsx" {
		t.Errorf("suggested name %q", name.Text)
	}
	folder.SetText(filepath.Join(dir, "tidak-ada"))
	test.Tap(button(t, u, "Simpan"))
	waitFor(t, "the missing folder named", func() bool { return shownText(u, "tidak ada atau bukan folder") })

	folder.SetText(` "` + dir + `" `) // pasted from Explorer's "Copy as path"
	name.SetText("daftar")
	test.Tap(button(t, u, "Simpan"))
	waitFor(t, "the export", func() bool { return shownText(u, "pegawai diekspor") })
	if _, err := os.Stat(filepath.Join(dir, "daftar.xlsx")); err != nil {
		t.Fatalf("not written in the typed folder with the extension added: %v", err)
	}
	if got := u.fyne.Preferences().String(prefLastFolder); got != dir {
		t.Errorf("last folder %q, want %q", got, dir)
	}
	u.win.Canvas().Overlays().Top().(interface{ Hide() }).Hide()

	u.exportStaff()
	if folder, _ := saveEntries(t, u); folder.Text != dir {
		t.Errorf("the next save starts at %q, want the last folder %q", folder.Text, dir)
	}
}

func TestFolderChooserStartsAtLastFolderAndTakesTypedPath(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	last, other := t.TempDir(), t.TempDir()
	u.rememberFolder(last)
	var chosen string
	d := u.folderOpen(func(dir fyne.ListableURI, err error) {
		if err == nil && dir != nil {
			chosen = dir.Path()
		}
	}, u.win)
	d.Resize(fileDialogSize)
	d.Show()
	top := u.win.Canvas().Overlays().Top()
	var entry *widget.Entry
	for _, o := range objectsUnder(top) {
		if e, ok := o.(*widget.Entry); ok && entry == nil {
			entry = e
		}
	}
	if entry == nil || entry.Text != last {
		t.Fatalf("the chooser starts at %v, want %q", entry, last)
	}
	entry.SetText(other)
	test.Tap(button(t, u, "Pilih folder ini"))
	if chosen != other {
		t.Errorf("chosen %q, want the typed %q", chosen, other)
	}
	if got := u.fyne.Preferences().String(prefLastFolder); got != other {
		t.Errorf("last folder %q, want %q", got, other)
	}
}

func TestStaffFormShowsLimitErrors(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	u.Show(ScreenStaff)
	test.Tap(button(t, u, "Tambah pegawai"))
	f := u.staff.form
	fillNewPNS(t, f, "196804111993031009", "11/04/1968")
	f.name.SetText(strings.Repeat("a", data.MaxNameRunes+1))
	f.gelarDepan.SetText(strings.Repeat("g", data.MaxGelarRunes+1))
	f.start.SetText("31/12/1949")
	test.Tap(button(t, u, "Simpan"))
	for field, want := range map[string]string{
		data.FieldName:      "Nama terlalu panjang: 201 karakter, paling banyak 200",
		fieldGelarDepan:     "Gelar depan terlalu panjang",
		data.FieldStartDate: "tahun paling awal 1950",
	} {
		if got := f.fields[field].message(); !strings.Contains(got, want) {
			t.Errorf("message under %s = %q, want %q", field, got, want)
		}
	}
	if n, _ := svc.StaffCount(); n != 0 {
		t.Fatal("a record over the limits was saved")
	}
}
