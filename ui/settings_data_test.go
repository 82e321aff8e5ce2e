package ui

import (
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	bolt "go.etcd.io/bbolt"

	"kinerja/data"
	"kinerja/data/service"
)

func TestDataCheckAndRestoreRoundTrip(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	ctx := context.Background()
	if _, err := svc.AddStaff([]data.Staff{pns("Ahmad Sebelum Cadangan", "196804111993031009", data.NewDate(1968, 4, 11))}); err != nil {
		t.Fatal(err)
	}
	bak := filepath.Join(t.TempDir(), "cadangan.db")
	if err := svc.BackupTo(ctx, bak, false); err != nil {
		t.Fatal(err)
	}
	all, _ := svc.AllStaff()
	changed := all[0]
	changed.Name = "Ahmad Sesudah Cadangan"
	if _, err := svc.SaveStaff(changed); err != nil {
		t.Fatal(err)
	}

	u.Show(ScreenSettings)
	if !shownText(u, "belum pernah diperiksa") {
		t.Error("the card does not say the file was never checked")
	}
	test.Tap(button(t, u, "Periksa data"))
	waitFor(t, "Data bersih", func() bool { return shownText(u, "Data bersih") })
	if !shownText(u, "Pemeriksaan terakhir yang bersih") {
		t.Error("the time of the last clean check is not shown")
	}

	u.inspectAndConfirm(bak) // what the file picker calls with the chosen file
	waitFor(t, "the confirmation", func() bool { return shownText(u, "1 pegawai") })
	if !shownText(u, "Soreang, Bandung") || shownText(u, "kantor lain") {
		t.Error("the confirmation does not show the office, or warns about another office")
	}
	test.Tap(button(t, u, "Pulihkan"))
	waitFor(t, "the restore", func() bool { return shownText(u, "Data dipulihkan") })

	u.Show(ScreenStaff)
	if !shownText(u, "Ahmad Sebelum Cadangan") || shownText(u, "Ahmad Sesudah Cadangan") {
		t.Fatal("the staff screen does not show the restored data")
	}
	kept, err := os.ReadDir(svc.BackupDir())
	if err != nil || len(kept) != 1 {
		t.Fatalf("the replaced file was not kept: %v %v", kept, err)
	}
}

func TestRestoreWarnsAboutAnotherOffice(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	other, err := service.Open(filepath.Join(t.TempDir(), "lain.db"), service.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := other.SetOffice(data.Office{Kecamatan: "Cileunyi", Kabupaten: "Bandung", Kota: "Cileunyi"}); err != nil {
		t.Fatal(err)
	}
	bak := filepath.Join(t.TempDir(), "lain-cadangan.db")
	if err := other.BackupTo(context.Background(), bak, false); err != nil {
		t.Fatal(err)
	}
	_ = other.Close()
	u.inspectAndConfirm(bak)
	waitFor(t, "the warning", func() bool { return shownText(u, "milik kantor lain") })
	test.Tap(button(t, u, "Batal"))
	if o, _ := svc.Office(); o.Kecamatan != "Soreang" {
		t.Fatal("cancelling restored anyway")
	}
}

// TestBackgroundCheckBannerRestores damages the file outside Kinerja (a
// staff record written straight into bbolt, missing from the audit), then
// runs the background check: the banner offers the newest good backup, and
// restoring it through the banner makes the file clean again.
func TestBackgroundCheckBannerRestores(t *testing.T) {
	a := test.NewTempApp(t)
	useLanguage(t, a)
	path := filepath.Join(t.TempDir(), "kinerja.db")
	now := func() time.Time { return testToday.Time().Add(9 * time.Hour) }
	svc, err := service.Open(path, service.Options{Create: true, Actor: "test", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.SetOffice(data.Office{Kecamatan: "Soreang", Kabupaten: "Bandung", Kota: "Soreang"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.BackupDaily(context.Background(), service.DefaultRetention); err != nil {
		t.Fatal(err)
	}
	_ = svc.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("staff")).Put(binary.BigEndian.AppendUint64(nil, 99), []byte(`{"name":"Penyusup"}`))
	})
	_ = db.Close()
	if err != nil {
		t.Fatal(err)
	}
	svc, err = service.Open(path, service.Options{Actor: "test", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() })
	u := New(a, svc, Options{})
	u.today = func() data.Date { return testToday }

	u.backgroundCheck(context.Background())
	if !u.banner.Visible() || !shownText(u, "File data bermasalah") {
		t.Fatal("no damage banner")
	}
	test.Tap(button(t, u, "Pulihkan cadangan ini…"))
	test.Tap(button(t, u, "Pulihkan"))
	waitFor(t, "the restore", func() bool { return shownText(u, "Data dipulihkan") })
	if u.banner.Visible() {
		t.Error("the banner stayed after the restore")
	}
	rep, err := svc.Check(context.Background(), nil)
	if err != nil || !rep.Clean() {
		t.Fatalf("after restoring: %v %v", err, rep.Problems)
	}
}

func TestStopBackgroundLeavesNoTempFile(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	u.StartBackground(time.Hour)
	u.StopBackground()
	entries, _ := os.ReadDir(svc.BackupDir())
	for _, e := range entries {
		if filepath.Ext(e.Name()) != ".db" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
	if u.bg != nil {
		t.Error("background still set")
	}
}
