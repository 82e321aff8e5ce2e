package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// defaultTimeout is how long Open waits for another holder of the file to let go.
const defaultTimeout = time.Second

// Options tune Open.
type Options struct {
	Timeout time.Duration    // wait for the file lock; 0 means 1 s
	Actor   string           // who goes into audit entries; "" means the OS user name
	Now     func() time.Time // clock; nil means time.Now
	// Create allows a missing file to be created and set up. Only the GUI's
	// first run, "office set" and "demo" create; everything else gets
	// ErrNoFile for a missing file.
	Create bool
	// ReadOnly opens the file for reading only (a shared lock; works on
	// write-protected media); every write is refused with ErrReadOnly, and
	// nothing is created, migrated or cleaned up.
	ReadOnly bool

	inspect bool // read-only look at a backup: an older schema is accepted
	// archiveFallback is a second archive folder read when the file's own
	// lacks a frame: the live one, when inspecting a backup before a restore.
	archiveFallback string
	// snapshotBatch overrides the bytes per transaction of a snapshot's
	// copy (tests: many small batches).
	snapshotBatch int
}

// Store is an open Kinerja data file. Its methods are safe for concurrent use.
type Store struct {
	mu       sync.RWMutex // held for reading by every transaction, for writing while Restore swaps the file
	db       *bolt.DB
	arc      *archives // the document archive beside the file
	path     string
	warnings []string
	actor    string
	now      func() time.Time
	opt      Options

	dmu    sync.Mutex
	damage error // set once damage is seen; every write is refused until Restore
}

// Open opens the data file at path. It refuses a file on a network drive
// (ErrNetworkDrive), a missing file unless opt.Create (ErrNoFile), an
// empty, truncated or otherwise damaged file (ErrDamaged: the meta pages and
// the file size are checked before bbolt maps it), a file another program
// holds open (ErrAlreadyOpen, after opt.Timeout) and a file written by a
// newer Kinerja (ErrNewerSchema, file untouched). Every refusal is a
// *FileError with an Indonesian sentence naming the file. A new file gets its
// buckets and the default units; an older one is copied to <path>.pre-v<N>.bak
// and then migrated to schema N in one transaction. Opening for writing also
// removes temporary files left by killed runs (see IsTempName).
func Open(path string, opt Options) (*Store, error) {
	if isUNC(path) {
		return nil, &FileError{Path: path, Kind: ErrNetworkDrive,
			Msg: fmt.Sprintf("File data %q berada di drive jaringan; %v.", path, ErrNetworkDrive)}
	}
	if opt.Create && opt.ReadOnly {
		return nil, fmt.Errorf("membuka file data %s: mode hanya-baca tidak dapat membuat file baru", path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("membuka file data %s: %w", path, err)
	}
	if err := checkLocation(abs); err != nil {
		return nil, err
	}
	if opt.Timeout <= 0 {
		opt.Timeout = defaultTimeout
	}
	info, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !opt.Create:
		return nil, openError(abs, err)
	case errors.Is(err, fs.ErrNotExist):
		if err := refuseOthersArchive(abs); err != nil {
			return nil, err
		}
	case err != nil:
		return nil, openError(abs, err)
	case info.IsDir():
		return nil, &FileError{Path: abs, Kind: ErrNotDataFile, Msg: fmt.Sprintf("%q adalah folder, bukan file data Kinerja.", abs)}
	default:
		if err := checkHeader(abs); err != nil {
			return nil, err
		}
		if err := refuseNewer(abs, opt.Timeout); err != nil {
			return nil, err
		}
	}
	s := &Store{path: abs, warnings: cloudWarnings(abs), actor: opt.Actor, now: opt.Now, opt: opt}
	if s.actor == "" {
		s.actor = osUser()
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.arc = newArchives(abs, !opt.ReadOnly, opt.archiveFallback)
	if err := s.openDB(); err != nil {
		return nil, err
	}
	if !opt.ReadOnly {
		if err := s.prepareArchives(); err != nil {
			_ = s.Close()
			return nil, err
		}
		removeStaleTemps(filepath.Dir(abs), time.Now())
		removeStaleTemps(s.BackupDir(), time.Now())
		removeStaleTemps(s.arc.dir, time.Now())
		removeStaleTemps(ArchiveDir(filepath.Join(s.BackupDir(), FileName)), time.Now())
	}
	return s, nil
}

// refuseOthersArchive refuses to create a data file at path when the folder
// "arsip" beside it already holds document archives: they belong to another
// data file (one deleted, moved, or still there under another name), and a
// new file writing its documents into them would mix two offices' records.
func refuseOthersArchive(path string) error {
	dir := ArchiveDir(path)
	names, err := archiveFiles(dir)
	if err != nil {
		return openError(path, err)
	}
	if len(names) == 0 {
		return nil
	}
	return &FileError{Path: path, Kind: ErrExists,
		Msg: fmt.Sprintf("File data baru %q tidak dibuat: folder %q sudah berisi arsip dokumen milik file data lain (%s). "+
			"Buat file data baru di folder tersendiri, atau pulihkan file data lama dari cadangan.", path, dir, strings.Join(names, ", "))}
}

// prepareArchives opens the archive files for writing and trims a torn tail
// left by a crash (see archives.prepare).
func (s *Store) prepareArchives() error {
	var ends map[string]int64
	err := s.view(func(r reader) (err error) {
		ends, err = archiveEnds(r)
		return err
	})
	if err != nil {
		return err
	}
	s.warnings = append(s.warnings, s.arc.prepare(ends)...)
	return nil
}

// openDB opens s.path with bbolt and brings it to SchemaVersion.
func (s *Store) openDB() error {
	create := s.opt.Create
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{
		Timeout:  s.opt.Timeout,
		ReadOnly: s.opt.ReadOnly,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			if !create {
				flag &^= os.O_CREATE
			}
			return os.OpenFile(name, flag, perm)
		},
	})
	if err != nil {
		return openError(s.path, err)
	}
	s.db = db
	if err := s.prepare(); err != nil {
		_ = db.Close()
		s.db = nil
		return err
	}
	return nil
}

// refuseNewer peeks at an existing file read-only, so that a file from a
// newer Kinerja is refused before anything could write to it.
func refuseNewer(path string, timeout time.Duration) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: true})
	if err != nil {
		return openError(path, err)
	}
	defer db.Close()
	var v int
	err = safely(path, func() error {
		return db.View(func(tx *bolt.Tx) (err error) {
			v, err = schemaOf(reader{tx: tx})
			return err
		})
	})
	if err != nil {
		return schemaError(path, err)
	}
	return newerError(path, v)
}

// schemaError wraps a failure to read the schema version of path.
func schemaError(path string, err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return err
	}
	if errors.Is(err, errForeignFile) {
		return &FileError{Path: path, Kind: ErrNotDataFile, Err: err,
			Msg: fmt.Sprintf("File %q bukan file data Kinerja (%v). Pilih file data yang benar.", path, err)}
	}
	return fmt.Errorf("membaca versi file %s: %w", path, err)
}

// newerError refuses schema version v of path when it is newer than this build.
func newerError(path string, v int) error {
	if v <= SchemaVersion() {
		return nil
	}
	return &FileError{Path: path, Kind: ErrNewerSchema,
		Msg: fmt.Sprintf("File data %q dibuat oleh versi Kinerja yang lebih baru (versi file %d, versi aplikasi %d); perbarui aplikasi. File tidak diubah.",
			path, v, SchemaVersion())}
}

// osUser returns the OS user name for audit entries.
func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, env := range []string{"USERNAME", "USER"} {
		if v := strings.TrimSpace(os.Getenv(env)); v != "" {
			return v
		}
	}
	return "tidak diketahui"
}

// Close closes the file and releases its lock.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.arc.close()
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	if err != nil {
		return fmt.Errorf("menutup file data %s: %w", s.path, err)
	}
	return nil
}

// Path returns the absolute path of the data file.
func (s *Store) Path() string { return s.path }

// Now returns the current time by the store's clock (Options.Now).
func (s *Store) Now() time.Time { return s.now() }

// ReadOnly reports whether the file was opened for reading only.
func (s *Store) ReadOnly() bool { return s.opt.ReadOnly }

// Warnings returns the Indonesian warnings found at open, such as a data file
// inside a cloud-synced folder.
func (s *Store) Warnings() []string { return append([]string(nil), s.warnings...) }
