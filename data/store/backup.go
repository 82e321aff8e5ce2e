package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent snapshot of the whole file to w and returns the
// number of bytes written.
func (s *Store) Backup(w io.Writer) (int64, error) {
	var n int64
	err := s.db.View(func(tx *bolt.Tx) (err error) {
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, fmt.Errorf("menyalin file data: %w", err)
	}
	return n, nil
}

// BackupFile writes a snapshot to path atomically: a temporary file in the
// same folder, flushed to disk, then renamed over path. It refuses the data
// file itself.
func (s *Store) BackupFile(path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("cadangan %s: %w", path, err)
	}
	if abs == s.path {
		return fmt.Errorf("cadangan %s: tidak boleh menimpa file data yang sedang dibuka", path)
	}
	dir := filepath.Dir(abs)
	tmp, err := os.CreateTemp(dir, filepath.Base(abs)+".tmp-*")
	if err != nil {
		return fmt.Errorf("cadangan %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := s.Backup(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("cadangan %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("cadangan %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cadangan %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), abs); err != nil {
		return fmt.Errorf("cadangan %s: %w", path, err)
	}
	return syncDir(dir)
}

// syncDir flushes a folder's entries so a rename survives a power cut.
// Windows cannot open a folder for syncing; its rename is flushed by NTFS.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("folder %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("folder %s: %w", dir, err)
	}
	return nil
}

// dailyLayout names daily backups: kinerja-2026-11-28.db.
const dailyLayout = "kinerja-2006-01-02.db"

// BackupDir returns the folder of daily backups: "backups" beside the data file.
func (s *Store) BackupDir() string { return filepath.Join(filepath.Dir(s.path), "backups") }

// DailyBackup writes today's snapshot to BackupDir()/kinerja-YYYY-MM-DD.db
// unless it exists already (then it returns ""), and removes the oldest daily
// backups beyond the newest keep. It returns the path written.
func (s *Store) DailyBackup(keep int) (string, error) {
	if keep < 1 {
		return "", fmt.Errorf("cadangan harian: jumlah yang disimpan harus minimal 1, bukan %d", keep)
	}
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cadangan harian: %w", err)
	}
	path := filepath.Join(dir, s.now().Format(dailyLayout))
	written := ""
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := s.BackupFile(path); err != nil {
			return "", fmt.Errorf("cadangan harian: %w", err)
		}
		written = path
	} else if err != nil {
		return "", fmt.Errorf("cadangan harian: %w", err)
	}
	if err := pruneDaily(dir, keep); err != nil {
		return written, err
	}
	return written, nil
}

// pruneDaily removes daily backups older than the newest keep. Files whose
// names do not follow dailyLayout are left alone.
func pruneDaily(dir string, keep int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("cadangan harian: %w", err)
	}
	var daily []string
	for _, e := range entries {
		if _, err := time.Parse(dailyLayout, e.Name()); err == nil && e.Type().IsRegular() {
			daily = append(daily, e.Name())
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(daily)))
	for _, name := range daily[min(keep, len(daily)):] {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("menghapus cadangan lama %s: %w", name, err)
		}
	}
	return nil
}
