package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func TestBackupFileIsReadableByOpen(t *testing.T) {
	t.Parallel()
	s, path := openTemp(t)
	st, err := s.SaveStaff(asep())
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "salinan.db")
	if err := s.BackupFile(out); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupFile(path); err == nil {
		t.Fatal("BackupFile over the open data file was accepted")
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
	got, err := s.DailyBackup(7)
	want := filepath.Join(dir, "kinerja-2026-11-28.db")
	if err != nil || got != want {
		t.Fatalf("DailyBackup = %q, %v; want %q", got, err, want)
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
	if again, err := s.DailyBackup(7); again != "" || err != nil {
		t.Fatalf("second DailyBackup the same day = %q, %v", again, err)
	}
	if _, err := s.DailyBackup(0); err == nil {
		t.Fatal("DailyBackup(0) accepted")
	}
	b := mustOpen(t, want)
	b.Close()
}

func TestDailyBackupNextDay(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	if _, err := s.DailyBackup(2); err != nil {
		t.Fatal(err)
	}
	s.now = func() time.Time { return testNow.AddDate(0, 0, 1) }
	got, err := s.DailyBackup(2)
	if err != nil || filepath.Base(got) != "kinerja-2026-11-29.db" {
		t.Fatalf("next day DailyBackup = %q, %v", got, err)
	}
}

// TestSnapshotInManyTransactions: a backup written a few keys per
// transaction (snapshotChunk tiny) holds every bucket, nested bucket,
// sequence, key and value of the file, in the same order.
func TestSnapshotInManyTransactions(t *testing.T) {
	old := snapshotChunk
	snapshotChunk = 64
	t.Cleanup(func() { snapshotChunk = old })
	s, _ := openTemp(t)
	savedStaff(t, s, 40)
	err := s.db.Update(func(tx *bolt.Tx) error {
		outer, err := tx.CreateBucket([]byte("uji-luar"))
		if err != nil {
			return err
		}
		if err := outer.SetSequence(7); err != nil {
			return err
		}
		for i := 0; i < 30; i++ {
			inner, err := outer.CreateBucket([]byte{'b', byte(i)})
			if err != nil {
				return err
			}
			for j := 0; j < 10; j++ {
				if err := inner.Put([]byte{byte(j)}, bytes.Repeat([]byte{byte(i + j)}, 50)); err != nil {
					return err
				}
			}
			if err := outer.Put([]byte{'k', byte(i)}, []byte("nilai")); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "salinan.db")
	if err := s.BackupFile(out); err != nil {
		t.Fatal(err)
	}
	var want []byte
	if err := s.db.View(func(tx *bolt.Tx) (err error) {
		want, err = digestTx(context.Background(), tx)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := verifySnapshot(context.Background(), out, want); err != nil {
		t.Fatal(err)
	}
	b := mustOpen(t, out)
	defer b.Close()
	if err := b.VerifyAudit(); err != nil {
		t.Fatal(err)
	}
}
