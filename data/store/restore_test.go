package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kinerja/data"
)

func TestBackupToRefusesExistingAndHeldFiles(t *testing.T) {
	t.Parallel()
	s, path := openTemp(t)
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "salinan.db")
	if err := s.BackupTo(ctx, out, false); err != nil {
		t.Fatal(err)
	}
	wantFileError(t, s.BackupTo(ctx, out, false), ErrExists, out)
	if err := s.BackupTo(ctx, out, true); err != nil {
		t.Fatalf("replace not held: %v", err)
	}
	held := mustOpen(t, out) // another Kinerja has the backup open
	wantFileError(t, s.BackupTo(ctx, out, true), ErrProtected, out)
	held.Close()
	wantFileError(t, s.BackupTo(ctx, path, true), ErrProtected, path)

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	other := filepath.Join(filepath.Dir(out), "batal.db")
	if err := s.BackupTo(cancelled, other, false); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled backup: %v", err)
	}
	if names := dirNames(t, filepath.Dir(out)); len(names) != 1 {
		t.Fatalf("cancelled backup left %v", names)
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestGuardOutputRefusesProtectedPaths(t *testing.T) {
	t.Parallel()
	s, path := openTemp(t)
	if _, err := s.BackupDaily(context.Background(), DefaultRetention); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(path)
	free := filepath.Join(t.TempDir(), "laporan.pdf")
	other := fixture(t)
	link := filepath.Join(t.TempDir(), "tautan.pdf")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	backupsLink := filepath.Join(t.TempDir(), "arsip")
	if err := os.Symlink(s.BackupDir(), backupsLink); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		path,
		filepath.Join(dir, ".", "..", filepath.Base(dir), "kinerja.db"),
		link,
		filepath.Join(s.BackupDir(), "laporan.pdf"),
		filepath.Join(backupsLink, "laporan.pdf"),
		BackupName(path, 2),
		other, // a Kinerja data file nobody holds
	} {
		wantFileError(t, s.GuardOutput(p), ErrProtected, p)
	}
	if err := s.GuardOutput(free); err != nil {
		t.Fatalf("free path refused: %v", err)
	}
	if err := os.WriteFile(free, []byte("%PDF"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.GuardOutput(free); err != nil {
		t.Fatalf("existing PDF refused: %v", err)
	}
}

func TestRetention(t *testing.T) {
	t.Parallel()
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	var days []time.Time
	for d := day(time.January, 1); !d.After(day(time.November, 28)); d = d.AddDate(0, 0, 1) {
		days = append(days, d)
	}
	kept := retained(days, DefaultRetention)
	want := map[time.Time]bool{}
	for i := 0; i < 7; i++ { // daily: 22–28 Nov
		want[day(time.November, 28-i)] = true
	}
	for _, d := range []int{15, 8} { // newest of the two ISO weeks before (Sundays)
		want[day(time.November, d)] = true
	}
	for m := time.January; m <= time.October; m++ { // newest of each earlier month
		want[time.Date(2026, m+1, 0, 0, 0, 0, 0, time.UTC)] = true
	}
	if len(kept) != len(want) {
		t.Errorf("kept %d days, want %d", len(kept), len(want))
	}
	for d := range want {
		if !kept[d] {
			t.Errorf("%s not kept", d.Format("2006-01-02"))
		}
	}
	if got := retained(days[:3], DefaultRetention); len(got) != 3 {
		t.Errorf("few backups: kept %d of 3", len(got))
	}
}

func TestRestoreRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTemp(t)
	if _, err := s.SaveStaff(asep()); err != nil {
		t.Fatal(err)
	}
	if err := s.SetOffice(data.Office{Kecamatan: "Soreang", Kabupaten: "Bandung", Kota: "Soreang"}); err != nil {
		t.Fatal(err)
	}
	backup, err := s.BackupDaily(ctx, DefaultRetention)
	if err != nil || backup == "" {
		t.Fatalf("BackupDaily = %q, %v", backup, err)
	}
	if _, err := s.SaveStaff(pns(400, "Setelah Cadangan")); err != nil {
		t.Fatal(err)
	}
	sum, err := s.InspectBackup(ctx, backup)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Staff != 1 || sum.Schema != SchemaVersion() || !sum.SameOffice || len(sum.Problems) != 0 || sum.LastChange.IsZero() {
		t.Fatalf("summary = %+v", sum)
	}
	if _, err := s.InspectBackup(ctx, path); !errors.Is(err, ErrProtected) {
		t.Fatalf("inspecting the open file: %v", err)
	}
	res, err := s.Restore(ctx, sum)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := s.AllStaff(); err != nil || len(st) != 1 {
		t.Fatalf("after restore: %d staff, %v", len(st), err)
	}
	kept := mustOpenRO(t, res.KeptAs)
	if st, _ := kept.AllStaff(); len(st) != 2 {
		t.Fatalf("kept file holds %d staff, want 2", len(st))
	}
	kept.Close()
	if _, err := s.SaveStaff(pns(401, "Sesudah Pulih")); err != nil {
		t.Fatalf("write after restore: %v", err)
	}

	// A backup changed after the confirmation is refused.
	sum2, err := s.InspectBackup(ctx, backup)
	if err != nil {
		t.Fatal(err)
	}
	sum2.SHA256 = "00"
	if _, err := s.Restore(ctx, sum2); err == nil {
		t.Fatal("a changed backup was restored")
	}
}

func mustOpenRO(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(path, Options{ReadOnly: true, Timeout: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRestoreRefusesNewerSchemaAndDamagedBackup(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	newer := fixture(t)
	setSchema(t, newer, SchemaVersion()+1)
	if _, err := InspectBackup(ctx, newer); !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("newer backup: %v", err)
	}
	damagedFile := fixture(t)
	os.Truncate(damagedFile, 4096*3)
	if _, err := InspectBackup(ctx, damagedFile); !errors.Is(err, ErrDamaged) {
		t.Fatalf("truncated backup: %v", err)
	}
}

func TestRestoreFileOverDamagedDataFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	good := fixture(t)
	target := fixture(t)
	os.Truncate(target, 4096*3)
	if _, err := Open(target, testOptions()); !errors.Is(err, ErrDamaged) {
		t.Fatalf("damaged target opened: %v", err)
	}
	sum, err := InspectBackup(ctx, good)
	if err != nil {
		t.Fatal(err)
	}
	res, err := RestoreFile(ctx, target, sum, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(res.KeptAs); err != nil || info.Size() != 4096*3 {
		t.Fatalf("damaged file not kept: %v", err)
	}
	s := mustOpen(t, target)
	defer s.Close()
	if rep, err := s.Check(ctx, CheckOptions{}); err != nil || !rep.Clean() {
		t.Fatalf("restored file Check = %+v, %v", rep, err)
	}
	if _, err := RestoreFile(ctx, target, sum, testNow); !errors.Is(err, ErrAlreadyOpen) {
		t.Fatalf("restore over a held file: %v", err)
	}
}
