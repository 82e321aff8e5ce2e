package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
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
	err := s.viewTx(func(tx *bolt.Tx) (err error) {
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, fmt.Errorf("menyalin file data: %w", err)
	}
	return n, nil
}

// BackupFile writes a verified snapshot to path, replacing an existing file
// there (but never a protected or held one; see BackupTo).
//
// Deprecated: use BackupTo, which refuses an existing file unless asked.
func (s *Store) BackupFile(path string) error {
	return s.BackupTo(context.Background(), path, true)
}

// BackupTo writes a compacted, verified snapshot of the data file to path
// ("backup --out") and brings the document archive up to date in the folder
// "arsip" beside path (only the entries that copy lacks; another archive
// already there under the same name is refused with ErrExists). An existing file is refused (ErrExists) unless replace;
// the data file itself, the backups folder, a migration copy and a file
// another process holds open are always refused (see GuardOutput; an older
// backup that nobody holds may be replaced). Cancelling ctx abandons the
// backup cleanly: the temporary file is removed and path is untouched.
func (s *Store) BackupTo(ctx context.Context, path string, replace bool) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("cadangan %s: %w", path, err)
	}
	if err := s.guard(abs, false); err != nil {
		return err
	}
	if _, err := os.Lstat(abs); err == nil && !replace {
		return &FileError{Path: abs, Kind: ErrExists,
			Msg: fmt.Sprintf("File %q sudah ada; pilih nama lain, atau minta penggantian (--replace).", path)}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cadangan %s: %w", path, err)
	}
	return s.writeSnapshot(ctx, abs, "")
}

// writeSnapshot copies every bucket, key, value and sequence into a new
// bbolt file beside final (compacted: written in key order into fresh
// pages), reopens it read-only, runs bbolt's consistency check on it and
// compares a SHA-256 over its whole content with the source's, and only
// then brings the document archive up to date in the folder "arsip" beside
// final (copyArchives: only what that copy lacks; aside as there) and
// renames the snapshot to final. The archive is copied after the snapshot
// was taken, so it holds every PDF the snapshot refers to.
func (s *Store) writeSnapshot(ctx context.Context, final, aside string) (err error) {
	dir := filepath.Dir(final)
	tmp, err := os.CreateTemp(dir, tempPattern(final))
	if err != nil {
		return fmt.Errorf("cadangan %s: %w", final, err)
	}
	name := tmp.Name()
	_ = tmp.Close()
	defer func() {
		if err != nil {
			_ = os.Remove(name)
		}
	}()
	dst, err := bolt.Open(name, 0o600, &bolt.Options{Timeout: s.opt.Timeout})
	if err != nil {
		return fmt.Errorf("cadangan %s: %w", final, err)
	}
	// The copy's transactions are not flushed one by one: the copy is
	// flushed once at the end, before it is verified and renamed.
	dst.NoSync = true
	var want []byte
	err = s.viewTx(func(src *bolt.Tx) error {
		out, err := beginSnapshot(dst)
		if err != nil {
			return err
		}
		h := sha256.New()
		if err := copyTx(ctx, src, out, h); err != nil {
			_ = out.tx.Rollback()
			return err
		}
		want = h.Sum(nil)
		return out.tx.Commit()
	})
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return snapshotError(ctx, final, err)
	}
	if err := verifySnapshot(ctx, name, want); err != nil {
		return snapshotError(ctx, final, err)
	}
	if _, err := copyArchives(ctx, s.arc.dir, ArchiveDir(final), aside); err != nil {
		return snapshotError(ctx, final, err)
	}
	if err := ctx.Err(); err != nil {
		return snapshotError(ctx, final, err)
	}
	if err := os.Rename(name, final); err != nil {
		return fmt.Errorf("cadangan %s: %w", final, err)
	}
	return syncDir(dir)
}

func snapshotError(ctx context.Context, final string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("pembuatan cadangan %s dibatalkan; tidak ada file yang berubah: %w", final, ctx.Err())
	}
	return fmt.Errorf("cadangan %s gagal: %w", final, err)
}

// snapshotChunk is about how many bytes of keys and values one write
// transaction of a snapshot copies before it commits. One transaction for
// the whole file would hold every page of the copy in memory until the end
// (several times the file's size for a five-year office, with the garbage
// collector working against the GUI's memory limit) and remap the growing
// copy again and again.
var snapshotChunk = 4 << 20

// snapshotOut is the copy being written: its current write transaction and
// how many bytes that transaction holds.
type snapshotOut struct {
	db *bolt.DB
	tx *bolt.Tx
	n  int
}

func beginSnapshot(db *bolt.DB) (*snapshotOut, error) {
	tx, err := db.Begin(true)
	if err != nil {
		return nil, err
	}
	return &snapshotOut{db: db, tx: tx}, nil
}

// bucket returns the bucket at path in the current transaction, filled to
// 90% as the copy is written in key order.
func (o *snapshotOut) bucket(path [][]byte) (*bolt.Bucket, error) {
	b := o.tx.Bucket(path[0])
	for _, name := range path[1:] {
		if b == nil {
			break
		}
		b = b.Bucket(name)
	}
	if b == nil {
		return nil, fmt.Errorf("salinan: bucket %q hilang", bytes.Join(path, []byte("/")))
	}
	b.FillPercent = 0.9
	return b, nil
}

// wrote counts n bytes put in the current transaction and, past
// snapshotChunk, commits it and begins the next; it reports whether it
// did, since buckets taken from the old transaction are then stale.
func (o *snapshotOut) wrote(n int) (bool, error) {
	o.n += n
	if o.n < snapshotChunk {
		return false, nil
	}
	if err := o.tx.Commit(); err != nil {
		return false, err
	}
	tx, err := o.db.Begin(true)
	if err != nil {
		return false, err
	}
	o.tx, o.n = tx, 0
	return true, nil
}

// copyTx copies every bucket of src into out and feeds the content to h.
func copyTx(ctx context.Context, src *bolt.Tx, out *snapshotOut, h hash.Hash) error {
	return src.ForEach(func(name []byte, b *bolt.Bucket) error {
		if _, err := out.tx.CreateBucket(name); err != nil {
			return err
		}
		return copyBucket(ctx, b, out, [][]byte{name}, h)
	})
}

// copyBucket copies src into the bucket of out at path (already created),
// committing every snapshotChunk bytes.
func copyBucket(ctx context.Context, src *bolt.Bucket, out *snapshotOut, path [][]byte, h hash.Hash) error {
	name := string(bytes.Join(path, []byte("/")))
	dst, err := out.bucket(path)
	if err != nil {
		return err
	}
	if err := dst.SetSequence(src.Sequence()); err != nil {
		return err
	}
	fmt.Fprintf(h, "B%q %d\n", name, src.Sequence())
	c := src.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if v == nil {
			child := src.Bucket(k)
			if child == nil {
				continue
			}
			if _, err := dst.CreateBucket(k); err != nil {
				return err
			}
			if err := copyBucket(ctx, child, out, append(path[:len(path):len(path)], k), h); err != nil {
				return err
			}
			if dst, err = out.bucket(path); err != nil { // the child may have committed
				return err
			}
			continue
		}
		if err := dst.Put(k, v); err != nil {
			return err
		}
		fmt.Fprintf(h, "K%d:%x V%d:", len(k), k, len(v))
		h.Write(v)
		if next, err := out.wrote(len(k) + len(v)); err != nil {
			return err
		} else if next {
			if dst, err = out.bucket(path); err != nil {
				return err
			}
		}
	}
	fmt.Fprintf(h, "E%q\n", name)
	return nil
}

// digestTx is the SHA-256 copyTx computes, over a file as it is.
func digestTx(ctx context.Context, tx *bolt.Tx) ([]byte, error) {
	h := sha256.New()
	err := tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		return digestBucket(ctx, b, string(name), h)
	})
	return h.Sum(nil), err
}

func digestBucket(ctx context.Context, b *bolt.Bucket, path string, h hash.Hash) error {
	fmt.Fprintf(h, "B%q %d\n", path, b.Sequence())
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if v == nil {
			if child := b.Bucket(k); child != nil {
				if err := digestBucket(ctx, child, path+"/"+string(k), h); err != nil {
					return err
				}
			}
			continue
		}
		fmt.Fprintf(h, "K%d:%x V%d:", len(k), k, len(v))
		h.Write(v)
	}
	fmt.Fprintf(h, "E%q\n", path)
	return nil
}

// verifySnapshot reopens the written snapshot read-only (its meta pages and
// size checked first), runs bbolt's consistency check and compares its
// content digest with want.
func verifySnapshot(ctx context.Context, path string, want []byte) error {
	if err := checkHeader(path); err != nil {
		return err
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return openError(path, err)
	}
	defer db.Close()
	return safely(path, func() error {
		return db.View(func(tx *bolt.Tx) error {
			got, err := digestTx(ctx, tx)
			if err != nil {
				return err
			}
			if string(got) != string(want) {
				return fmt.Errorf("isi salinan %s tidak sama dengan file data", path)
			}
			for cerr := range tx.Check() {
				return fmt.Errorf("salinan %s rusak: %v", path, cerr)
			}
			return nil
		})
	})
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

// Retention says how many daily backups are kept: the newest Daily ones,
// plus the newest of each of the newest Weekly ISO weeks, plus the newest of
// each of the newest Monthly months.
type Retention struct{ Daily, Weekly, Monthly int }

// DefaultRetention keeps 7 daily, 4 weekly and 12 monthly backups.
var DefaultRetention = Retention{Daily: 7, Weekly: 4, Monthly: 12}

// DailyBackup is BackupDaily with Retention{keep, 4, 12} and no cancelling.
//
// Deprecated: use BackupDaily.
func (s *Store) DailyBackup(keep int) (string, error) {
	return s.BackupDaily(context.Background(), Retention{Daily: keep, Weekly: 4, Monthly: 12})
}

// BackupDaily writes today's verified snapshot to
// BackupDir()/kinerja-YYYY-MM-DD.db unless it exists already (then it
// returns ""), with the document archive brought up to date in
// BackupDir()/arsip (one copy shared by every snapshot: an archive only
// grows, so its newest copy serves the older snapshots too; only what that
// copy lacks is written, an unchanged archive is not read at all), and removes the daily backups keep does not retain. Files in
// the folder not named like a daily backup are left alone. Cancelling ctx
// (the GUI closing) abandons the snapshot cleanly; nothing is rotated then.
func (s *Store) BackupDaily(ctx context.Context, keep Retention) (string, error) {
	if keep.Daily < 1 {
		return "", fmt.Errorf("cadangan harian: jumlah cadangan harian yang disimpan harus minimal 1, bukan %d", keep.Daily)
	}
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cadangan harian: %w", err)
	}
	path := filepath.Join(dir, s.now().Format(dailyLayout))
	written := ""
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := s.writeSnapshot(ctx, path, "lama-"+s.now().Format("20060102-150405")); err != nil {
			return "", fmt.Errorf("cadangan harian: %w", err)
		}
		written = path
	} else if err != nil {
		return "", fmt.Errorf("cadangan harian: %w", err)
	}
	if err := rotate(dir, keep); err != nil {
		return written, err
	}
	return written, nil
}

// rotate removes the daily backups in dir that keep does not retain.
func rotate(dir string, keep Retention) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("cadangan harian: %w", err)
	}
	var days []time.Time
	for _, e := range entries {
		if d, err := time.Parse(dailyLayout, e.Name()); err == nil && e.Type().IsRegular() {
			days = append(days, d)
		}
	}
	kept := retained(days, keep)
	for _, d := range days {
		if kept[d] {
			continue
		}
		name := d.Format(dailyLayout)
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("menghapus cadangan lama %s: %w", name, err)
		}
	}
	return nil
}

// retained returns the days of backups keep retains: the newest keep.Daily,
// the newest day of each of the newest keep.Weekly ISO weeks and the newest
// day of each of the newest keep.Monthly months.
func retained(days []time.Time, keep Retention) map[time.Time]bool {
	sorted := append([]time.Time(nil), days...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].After(sorted[j]) })
	out := map[time.Time]bool{}
	for i, d := range sorted {
		if i < keep.Daily {
			out[d] = true
		}
	}
	weeks, months := map[[2]int]bool{}, map[[2]int]bool{}
	for _, d := range sorted {
		y, w := d.ISOWeek()
		if wk := [2]int{y, w}; !weeks[wk] && len(weeks) < keep.Weekly {
			weeks[wk] = true
			out[d] = true
		}
		if mk := [2]int{d.Year(), int(d.Month())}; !months[mk] && len(months) < keep.Monthly {
			months[mk] = true
			out[d] = true
		}
	}
	return out
}
