package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
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
	// The batches of the copy are not flushed one by one: the whole file is
	// flushed once at the end (dst.Sync), before it is verified and renamed.
	dst, err := bolt.Open(name, 0o600, &bolt.Options{Timeout: s.opt.Timeout, NoSync: true})
	if err != nil {
		return fmt.Errorf("cadangan %s: %w", final, err)
	}
	var want []byte
	err = s.viewTx(func(src *bolt.Tx) error {
		w := &snapshotWriter{db: dst, batch: cmp.Or(s.opt.snapshotBatch, snapshotBatch)}
		// Rolled back on every way out, a panic on a damaged source page
		// included (safely turns it into an error above this function): an
		// open write transaction would keep dst.Close waiting for good.
		defer w.rollback()
		d := newDigest()
		err := copyTx(ctx, src, w, d)
		if err == nil {
			err = w.commit()
		}
		want = d.sum()
		return err
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

// copyTx copies every bucket of src into w and feeds the content to d.
func copyTx(ctx context.Context, src *bolt.Tx, w *snapshotWriter, d *digest) error {
	return src.ForEach(func(name []byte, b *bolt.Bucket) error {
		return copyBucket(ctx, b, w, [][]byte{name}, d)
	})
}

// copyBucket creates the bucket at path in the snapshot and copies b into
// it, sub-buckets included, in key order.
func copyBucket(ctx context.Context, b *bolt.Bucket, w *snapshotWriter, path [][]byte, d *digest) error {
	if err := w.createBucket(path, b.Sequence()); err != nil {
		return err
	}
	d.bucket(path, b.Sequence())
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if v == nil {
			if child := b.Bucket(k); child != nil {
				if err := copyBucket(ctx, child, w, append(path[:len(path):len(path)], k), d); err != nil {
					return err
				}
			}
			continue
		}
		if err := w.put(path, k, v); err != nil {
			return err
		}
		d.pair(k, v)
	}
	d.end(path)
	return nil
}

// snapshotWriter writes the snapshot in a series of transactions of about
// snapshotBatch bytes each, instead of one: a single transaction over a
// large file keeps every page it wrote in memory until the commit, and
// bbolt copies all of them to the heap again each time the growing file is
// mapped anew. The snapshot is a temporary file until it is verified and
// renamed, so it need not be written in one transaction.
type snapshotWriter struct {
	db    *bolt.DB
	tx    *bolt.Tx
	batch int // bytes per transaction
	bytes int
	path  [][]byte     // the bucket b is at, in tx
	b     *bolt.Bucket // nil when it must be looked up again
}

// snapshotBatch is how many bytes of keys and values one transaction of
// the snapshot writes.
const snapshotBatch = 4 << 20

// begin starts a transaction when none is open.
func (w *snapshotWriter) begin() error {
	if w.tx != nil {
		return nil
	}
	tx, err := w.db.Begin(true)
	if err != nil {
		return err
	}
	w.tx, w.b, w.bytes = tx, nil, 0
	return nil
}

// commit commits the open transaction, if any.
func (w *snapshotWriter) commit() error {
	if w.tx == nil {
		return nil
	}
	tx := w.tx
	w.tx, w.b = nil, nil
	return tx.Commit()
}

func (w *snapshotWriter) rollback() {
	if w.tx != nil {
		_ = w.tx.Rollback()
		w.tx, w.b = nil, nil
	}
}

// bucketAt returns the bucket at path in the open transaction.
func (w *snapshotWriter) bucketAt(path [][]byte) (*bolt.Bucket, error) {
	if w.b != nil && samePath(w.path, path) {
		return w.b, nil
	}
	b := w.tx.Bucket(path[0])
	for _, name := range path[1:] {
		if b == nil {
			break
		}
		b = b.Bucket(name)
	}
	if b == nil {
		return nil, fmt.Errorf("bucket %q hilang dari salinan", path)
	}
	b.FillPercent = 0.9 // written in key order: pages packed
	w.path, w.b = append(w.path[:0], path...), b
	return b, nil
}

// createBucket creates the bucket at path with its sequence.
func (w *snapshotWriter) createBucket(path [][]byte, seq uint64) error {
	if err := w.begin(); err != nil {
		return err
	}
	var nb *bolt.Bucket
	var err error
	if len(path) == 1 {
		nb, err = w.tx.CreateBucket(path[0])
	} else {
		var parent *bolt.Bucket
		if parent, err = w.bucketAt(path[:len(path)-1]); err != nil {
			return err
		}
		nb, err = parent.CreateBucket(path[len(path)-1])
	}
	if err != nil {
		return err
	}
	w.b = nil
	return nb.SetSequence(seq)
}

// put writes one pair into the bucket at path, committing the batch when it
// is full.
func (w *snapshotWriter) put(path [][]byte, k, v []byte) error {
	if err := w.begin(); err != nil {
		return err
	}
	b, err := w.bucketAt(path)
	if err != nil {
		return err
	}
	if err := b.Put(k, v); err != nil {
		return err
	}
	w.bytes += len(k) + len(v)
	if w.bytes >= w.batch {
		return w.commit()
	}
	return nil
}

func samePath(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if string(a[i]) != string(b[i]) {
			return false
		}
	}
	return true
}

// digest is a SHA-256 over a file's whole content — every bucket (its path
// and sequence), every key and value in order — in an unambiguous binary
// form (every part preceded by its length). The snapshot's copy computes it
// over the source while copying, verifySnapshot over the copy.
type digest struct {
	h   hash.Hash
	buf []byte
}

func newDigest() *digest { return &digest{h: sha256.New(), buf: make([]byte, 0, 64)} }

func (d *digest) bucket(path [][]byte, seq uint64) {
	d.buf = append(d.buf[:0], 'B')
	d.buf = appendPath(d.buf, path)
	d.buf = binary.AppendUvarint(d.buf, seq)
	d.h.Write(d.buf)
}

func (d *digest) pair(k, v []byte) {
	d.buf = append(d.buf[:0], 'K')
	d.buf = binary.AppendUvarint(d.buf, uint64(len(k)))
	d.h.Write(d.buf)
	d.h.Write(k)
	d.buf = binary.AppendUvarint(d.buf[:0], uint64(len(v)))
	d.h.Write(d.buf)
	d.h.Write(v)
}

func (d *digest) end(path [][]byte) {
	d.buf = append(d.buf[:0], 'E')
	d.buf = appendPath(d.buf, path)
	d.h.Write(d.buf)
}

func (d *digest) sum() []byte { return d.h.Sum(nil) }

func appendPath(b []byte, path [][]byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(path)))
	for _, name := range path {
		b = binary.AppendUvarint(b, uint64(len(name)))
		b = append(b, name...)
	}
	return b
}

// digestTx is the digest copyTx computes, over a file as it is.
func digestTx(ctx context.Context, tx *bolt.Tx) ([]byte, error) {
	d := newDigest()
	err := tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		return digestBucket(ctx, b, [][]byte{name}, d)
	})
	return d.sum(), err
}

func digestBucket(ctx context.Context, b *bolt.Bucket, path [][]byte, d *digest) error {
	d.bucket(path, b.Sequence())
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if v == nil {
			if child := b.Bucket(k); child != nil {
				if err := digestBucket(ctx, child, append(path[:len(path):len(path)], k), d); err != nil {
					return err
				}
			}
			continue
		}
		d.pair(k, v)
	}
	d.end(path)
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
