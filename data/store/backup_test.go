package store

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func TestBackupIsReadableByOpen(t *testing.T) {
	t.Parallel()
	s, path := openTemp(t)
	st, err := s.SaveStaff(asep())
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "salinan.db")
	if err := s.BackupTo(context.Background(), out, false); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupTo(context.Background(), path, true); err == nil {
		t.Fatal("a backup over the open data file was accepted")
	}
	b := mustOpen(t, out)
	defer b.Close()
	if got, err := b.StaffByID(st.ID); err != nil || got.NIP != st.NIP {
		t.Fatalf("backup StaffByID = %+v, %v", got, err)
	}
	if err := b.VerifyAudit(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := s.Backup(&buf)
	if err != nil || n != int64(buf.Len()) || n == 0 {
		t.Fatalf("Backup = %d bytes (buffer %d), %v", n, buf.Len(), err)
	}
}

func TestDailyBackupKeepsNewest(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 9; i++ {
		name := testNow.AddDate(0, 0, -i).Format(dailyLayout)
		if err := os.WriteFile(filepath.Join(dir, name), []byte("lama"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	other := filepath.Join(dir, "catatan.txt")
	if err := os.WriteFile(other, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := s.BackupDaily(context.Background(), Retention{Daily: 7, Weekly: 4, Monthly: 12})
	want := filepath.Join(dir, "kinerja-2026-11-28.db")
	if err != nil || got != want {
		t.Fatalf("BackupDaily = %q, %v; want %q", got, err, want)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	wantNames := []string{"catatan.txt"}
	for i := 0; i < 7; i++ {
		wantNames = append(wantNames, testNow.AddDate(0, 0, -i).Format(dailyLayout))
	}
	slices.Sort(wantNames)
	if !slices.Equal(names, wantNames) {
		t.Fatalf("backups = %v\nwant %v", names, wantNames)
	}
	if again, err := s.BackupDaily(context.Background(), Retention{Daily: 7, Weekly: 4, Monthly: 12}); again != "" || err != nil {
		t.Fatalf("second BackupDaily the same day = %q, %v", again, err)
	}
	if _, err := s.BackupDaily(context.Background(), Retention{Daily: 0, Weekly: 4, Monthly: 12}); err == nil {
		t.Fatal("BackupDaily keeping no daily backup accepted")
	}
	b := mustOpen(t, want)
	b.Close()
}

func TestDailyBackupNextDay(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	if _, err := s.BackupDaily(context.Background(), Retention{Daily: 2, Weekly: 4, Monthly: 12}); err != nil {
		t.Fatal(err)
	}
	s.now = func() time.Time { return testNow.AddDate(0, 0, 1) }
	got, err := s.BackupDaily(context.Background(), Retention{Daily: 2, Weekly: 4, Monthly: 12})
	if err != nil || filepath.Base(got) != "kinerja-2026-11-29.db" {
		t.Fatalf("next day BackupDaily = %q, %v", got, err)
	}
}

// TestSnapshotInManyBatches: a snapshot copied in batches far smaller than
// the file (every few records a new transaction, buckets nested two deep
// reopened across them) holds exactly what the file holds.
func TestSnapshotInManyBatches(t *testing.T) {
	t.Parallel()
	s, id := docFixture(t)
	for rev := range 3 {
		saveDoc(t, s, id, rev, fakePDF(100+rev))
	}
	for i := range 20 {
		if _, err := s.SaveStaff(pns(i+1, fmt.Sprintf("Pegawai %d", i))); err != nil {
			t.Fatal(err)
		}
	}
	s.opt.snapshotBatch = 300
	out := filepath.Join(t.TempDir(), "salinan", FileName)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupTo(context.Background(), out, false); err != nil {
		t.Fatal(err)
	}
	var want []byte
	if err := s.db.View(func(tx *bolt.Tx) (err error) {
		want, err = digestTx(context.Background(), tx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	b := mustOpen(t, out)
	defer b.Close()
	var got []byte
	if err := b.db.View(func(tx *bolt.Tx) (err error) {
		got, err = digestTx(context.Background(), tx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("the snapshot's content differs from the file's")
	}
	checkClean(t, b)
	mustRead(t, b, id, 2, fakePDF(102))
}
