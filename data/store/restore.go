package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kinerja/data"

	bolt "go.etcd.io/bbolt"
)

// BackupSummary describes a backup for the confirmation before Restore.
type BackupSummary struct {
	Path             string
	SHA256           string      // of the backup file's bytes; Restore refuses a file that changed since
	Modified         time.Time   // the file's modification time
	LastChange       time.Time   // the time of its newest audit entry (zero when none)
	Schema           int         // its schema version (never newer than SchemaVersion)
	Office           data.Office // the office identity it holds
	Staff            int         // staff records
	Evaluations      int         // evaluation records over all periods
	AttendanceMonths int         // distinct months with attendance
	Problems         []Problem   // what Check found; Restore refuses a backup with problems
	// Set by Store.InspectBackup only:
	CurrentOffice data.Office // the office identity of the open file
	SameOffice    bool        // both name the same kecamatan and kabupaten
}

// InspectBackup checks the backup file at path without changing it — its
// meta pages and size, bbolt's consistency check, schema not newer than this
// build, the audit chain and every record against it — and summarises it.
// A backup from a newer Kinerja is refused with ErrNewerSchema.
//
// The backup's PDFs are read from the folder "arsip" beside it; to check a
// backup whose archive copy may be shorter than the live one (the live
// archive holds them too), use InspectBackupFor.
func InspectBackup(ctx context.Context, path string) (BackupSummary, error) {
	return inspectBackup(ctx, path, "")
}

// InspectBackupFor is InspectBackup for restoring over the data file at
// dataPath: a PDF missing from the backup's own archive folder is looked up
// in the data file's, which a restore keeps (it never shortens an archive).
func InspectBackupFor(ctx context.Context, path, dataPath string) (BackupSummary, error) {
	abs, err := filepath.Abs(dataPath)
	if err != nil {
		return BackupSummary{}, fmt.Errorf("file data %s: %w", dataPath, err)
	}
	return inspectBackup(ctx, path, ArchiveDir(abs))
}

func inspectBackup(ctx context.Context, path, fallback string) (BackupSummary, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return BackupSummary{}, fmt.Errorf("cadangan %s: %w", path, err)
	}
	sum := BackupSummary{Path: abs}
	info, err := os.Stat(abs)
	if err != nil {
		return sum, openError(abs, err)
	}
	sum.Modified = info.ModTime()
	if sum.SHA256, err = fileSHA256(abs); err != nil {
		return sum, openError(abs, err)
	}
	b, err := Open(abs, Options{ReadOnly: true, inspect: true, archiveFallback: fallback})
	if err != nil {
		return sum, err
	}
	defer b.Close()
	rep, err := b.Check(ctx, CheckOptions{})
	if err != nil {
		return sum, err
	}
	err = b.view(func(r reader) error {
		if sum.Schema, err = schemaOf(r); err != nil {
			return err
		}
		if _, err := r.get(bucketMeta, []byte(metaOffice), &sum.Office); err != nil {
			return err
		}
		sum.Staff = countKeys(r.tx.Bucket([]byte(bucketStaff)))
		if ev := r.tx.Bucket([]byte(bucketEvaluations)); ev != nil {
			_ = ev.ForEachBucket(func(k []byte) error {
				sum.Evaluations += countKeys(ev.Bucket(k))
				return nil
			})
		}
		months := map[string]bool{}
		_ = r.each(bucketAttendance, func(k, _ []byte) error {
			if len(k) > 8 {
				months[string(k[8:])] = true
			}
			return nil
		})
		sum.AttendanceMonths = len(months)
		if ab := r.tx.Bucket([]byte(bucketAudit)); ab != nil {
			if _, v := ab.Cursor().Last(); v != nil {
				if e, err := decodeAudit(v); err == nil {
					sum.LastChange = e.Time
				}
			}
		}
		return nil
	})
	if err != nil {
		return sum, fmt.Errorf("membaca cadangan %s: %w", abs, err)
	}
	for _, p := range rep.Problems {
		if p.Bucket == bucketMeta && p.Key == metaSchema && sum.Schema < SchemaVersion() {
			continue // an older backup is migrated after restoring
		}
		sum.Problems = append(sum.Problems, p)
	}
	return sum, nil
}

// InspectBackup is the package's InspectBackup plus the office identity of
// the open file, so the confirmation can say whether the backup belongs to
// this office. A backup of the open file itself is refused.
func (s *Store) InspectBackup(ctx context.Context, path string) (BackupSummary, error) {
	if same(path, s.path) {
		return BackupSummary{}, &FileError{Path: path, Kind: ErrProtected,
			Msg: fmt.Sprintf("%q adalah file data yang sedang dibuka, bukan cadangan.", path)}
	}
	sum, err := inspectBackup(ctx, path, s.arc.dir)
	if err != nil {
		return sum, err
	}
	sum.CurrentOffice, _ = s.Office()
	sum.SameOffice = sameOffice(sum.Office, sum.CurrentOffice)
	return sum, nil
}

func sameOffice(a, b data.Office) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	return norm(a.Kecamatan) == norm(b.Kecamatan) && norm(a.Kabupaten) == norm(b.Kabupaten)
}

func countKeys(b *bolt.Bucket) int {
	if b == nil {
		return 0
	}
	n := 0
	_ = b.ForEach(func(_, v []byte) error {
		if v != nil {
			n++
		}
		return nil
	})
	return n
}

// RestoreResult says what Restore did.
type RestoreResult struct {
	Summary BackupSummary
	KeptAs  string // where the replaced data file was kept, in the backups folder
}

// Restore replaces the open data file with the backup the user confirmed:
// confirmed is the summary InspectBackup gave for it, and the backup is
// refused when its bytes changed since (SHA256), when it has problems or
// comes from a newer Kinerja. The backup is copied beside the data file and
// checked again; the current file (even a damaged one) is kept as
// BackupDir()/kinerja-sebelum-pulih-YYYYMMDD-HHMMSS.db; then the copy is
// renamed over the data file and reopened (an older schema is migrated).
// The store's remembered damage is cleared. Transactions wait meanwhile.
func (s *Store) Restore(ctx context.Context, confirmed BackupSummary) (RestoreResult, error) {
	if s.opt.ReadOnly {
		return RestoreResult{}, &FileError{Path: s.path, Kind: ErrReadOnly,
			Msg: fmt.Sprintf("File data %q dibuka hanya untuk dibaca; tidak dapat dipulihkan di sini.", s.path)}
	}
	if same(confirmed.Path, s.path) {
		return RestoreResult{}, &FileError{Path: confirmed.Path, Kind: ErrProtected,
			Msg: fmt.Sprintf("%q adalah file data yang sedang dibuka, bukan cadangan.", confirmed.Path)}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	// The archive files are closed so that frames appended from the backup
	// are seen; they reopen on use, and the reopened store prepares them.
	s.arc.close()
	if err := extendArchives(ctx, confirmed.Path, s.path, s.now()); err != nil {
		return RestoreResult{}, err
	}
	tmp, err := stage(ctx, s.path, confirmed)
	if err != nil {
		return RestoreResult{}, err
	}
	if s.db != nil {
		if err := s.db.Close(); err != nil {
			_ = os.Remove(tmp)
			return RestoreResult{}, fmt.Errorf("menutup file data %s: %w", s.path, err)
		}
		s.db = nil
	}
	kept, swapErr := swapIn(ctx, s.path, tmp, s.now())
	opt := s.opt
	opt.Create = false
	fresh, err := Open(s.path, opt)
	if err != nil {
		return RestoreResult{KeptAs: kept}, errors.Join(swapErr, err)
	}
	s.db, fresh.db = fresh.db, nil
	s.arc, fresh.arc = fresh.arc, s.arc
	s.dmu.Lock()
	s.damage = nil
	s.dmu.Unlock()
	if swapErr != nil {
		return RestoreResult{KeptAs: kept}, swapErr
	}
	return RestoreResult{Summary: confirmed, KeptAs: kept}, nil
}

// RestoreFile is Restore for a data file that is not open — the command
// line, or a file too damaged to open. It refuses when another process
// holds the data file (ErrAlreadyOpen). A missing data file is simply
// created from the backup.
func RestoreFile(ctx context.Context, dataPath string, confirmed BackupSummary, now time.Time) (RestoreResult, error) {
	abs, err := filepath.Abs(dataPath)
	if err != nil {
		return RestoreResult{}, fmt.Errorf("file data %s: %w", dataPath, err)
	}
	if same(confirmed.Path, abs) {
		return RestoreResult{}, &FileError{Path: abs, Kind: ErrProtected,
			Msg: fmt.Sprintf("%q adalah file data itu sendiri, bukan cadangan.", confirmed.Path)}
	}
	if held, err := fileHeld(abs); err != nil {
		return RestoreResult{}, openError(abs, err)
	} else if held {
		return RestoreResult{}, &FileError{Path: abs, Kind: ErrAlreadyOpen,
			Msg: fmt.Sprintf("File data %q sedang dipakai oleh Kinerja lain; tutup dulu, lalu pulihkan.", abs)}
	}
	if err := extendArchives(ctx, confirmed.Path, abs, now); err != nil {
		return RestoreResult{}, err
	}
	tmp, err := stage(ctx, abs, confirmed)
	if err != nil {
		return RestoreResult{}, err
	}
	kept, err := swapIn(ctx, abs, tmp, now)
	if err != nil {
		return RestoreResult{KeptAs: kept}, err
	}
	return RestoreResult{Summary: confirmed, KeptAs: kept}, nil
}

// stage copies the confirmed backup beside dataPath under a temporary name
// and checks the copy: same bytes as confirmed, no problems, schema not newer.
func stage(ctx context.Context, dataPath string, confirmed BackupSummary) (tmp string, err error) {
	if len(confirmed.Problems) > 0 {
		return "", &FileError{Path: confirmed.Path, Kind: ErrDamaged,
			Msg: fmt.Sprintf("Cadangan %q tidak dipulihkan: pemeriksaan menemukan %d masalah (%s).",
				confirmed.Path, len(confirmed.Problems), confirmed.Problems[0])}
	}
	f, err := os.CreateTemp(filepath.Dir(dataPath), tempPattern(dataPath))
	if err != nil {
		return "", fmt.Errorf("memulihkan ke %s: %w", dataPath, err)
	}
	tmp = f.Name()
	defer func() {
		if err != nil {
			_ = os.Remove(tmp)
		}
	}()
	err = copyInto(f, confirmed.Path)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("menyalin cadangan %s: %w", confirmed.Path, err)
	}
	again, err := InspectBackup(ctx, tmp)
	if err != nil {
		return "", err
	}
	if again.SHA256 != confirmed.SHA256 {
		return "", &FileError{Path: confirmed.Path, Kind: ErrProtected,
			Msg: fmt.Sprintf("Cadangan %q berubah sejak diperiksa; periksa dan konfirmasi ulang.", confirmed.Path)}
	}
	if len(again.Problems) > 0 {
		return "", &FileError{Path: confirmed.Path, Kind: ErrDamaged,
			Msg: fmt.Sprintf("Cadangan %q tidak dipulihkan: salinannya bermasalah (%s).", confirmed.Path, again.Problems[0])}
	}
	return tmp, nil
}

// extendArchives appends to the archive beside dataPath the frames the
// backup's archive has and it lacks (see copyArchives): a restore never
// shortens an archive, and frames the restored file does not refer to are
// simply unreferenced. A live archive file that is another archive than the
// backup's (a folder started afresh) is set aside as
// NAME.sebelum-pulih-YYYYMMDD-HHMMSS, beside it.
func extendArchives(ctx context.Context, backup, dataPath string, now time.Time) error {
	if _, err := copyArchives(ctx, ArchiveDir(backup), ArchiveDir(dataPath), "sebelum-pulih-"+now.Format("20060102-150405")); err != nil {
		return fmt.Errorf("memulihkan arsip dokumen: %w", err)
	}
	return nil
}

// swapIn keeps the current file at dataPath (if any) in the backups folder,
// with the archive brought up to date in backups/arsip so that the kept
// copy is whole, then renames tmp over dataPath.
func swapIn(ctx context.Context, dataPath, tmp string, now time.Time) (kept string, err error) {
	if _, err := os.Stat(dataPath); err == nil {
		dir := filepath.Join(filepath.Dir(dataPath), "backups")
		if err := os.MkdirAll(dir, 0o700); err != nil {
			_ = os.Remove(tmp)
			return "", fmt.Errorf("folder cadangan %s: %w", dir, err)
		}
		kept = filepath.Join(dir, "kinerja-sebelum-pulih-"+now.Format("20060102-150405")+".db")
		if err := copyFileNew(dataPath, kept); err != nil {
			_ = os.Remove(tmp)
			return "", fmt.Errorf("menyimpan file data lama ke %s: %w", kept, err)
		}
		if _, err := copyArchives(ctx, ArchiveDir(dataPath), ArchiveDir(kept), "lama-"+now.Format("20060102-150405")); err != nil {
			_ = os.Remove(tmp)
			return kept, fmt.Errorf("menyimpan arsip dokumen lama ke %s: %w", ArchiveDir(kept), err)
		}
		_ = syncDir(dir)
	}
	if err := os.Rename(tmp, dataPath); err != nil {
		_ = os.Remove(tmp)
		return kept, fmt.Errorf("mengganti file data %s: %w", dataPath, err)
	}
	return kept, syncDir(filepath.Dir(dataPath))
}

// copyInto copies the file at src into f and flushes f to disk.
func copyInto(f *os.File, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	if _, err := io.Copy(f, in); err != nil {
		return err
	}
	return f.Sync()
}

// copyFileNew copies src to dst, which must not exist yet.
func copyFileNew(src, dst string) error {
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	err = copyInto(f, src)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(dst)
	}
	return err
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// same reports whether a and b name the same existing file.
func same(a, b string) bool {
	ia, errA := os.Stat(a)
	ib, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(ia, ib)
}
