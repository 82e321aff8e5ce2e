package store

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	"kinerja/data"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// defaultTimeout is how long Open waits for another holder of the file to let go.
const defaultTimeout = time.Second

// Options tune Open.
type Options struct {
	Timeout time.Duration    // wait for the file lock; 0 means 1 s
	Actor   string           // who goes into audit entries; "" means the OS user name
	Now     func() time.Time // clock; nil means time.Now
}

// Store is an open Kinerja data file. Its methods are safe for concurrent use.
type Store struct {
	db       *bolt.DB
	path     string
	warnings []string
	actor    string
	now      func() time.Time
}

// Open opens (or creates) the data file at path. It refuses a file on a
// network drive (data.ErrNetworkDrive), a file another program holds open
// (data.ErrAlreadyOpen, after opt.Timeout) and a file written by a newer
// Kinerja (data.ErrNewerSchema, file untouched). A new file gets its buckets
// and the default units; an older one is copied to <path>.pre-v<N>.bak and
// then migrated to schema N in one transaction.
func Open(path string, opt Options) (*Store, error) {
	if isUNC(path) {
		return nil, fmt.Errorf("%s: %w", path, data.ErrNetworkDrive)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("membuka file data %s: %w", path, err)
	}
	if err := checkLocation(abs); err != nil {
		return nil, err
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = defaultTimeout
	}
	if err := refuseNewer(abs, timeout); err != nil {
		return nil, err
	}
	db, err := bolt.Open(abs, 0o600, &bolt.Options{Timeout: timeout})
	if err != nil {
		return nil, openError(abs, err)
	}
	s := &Store{db: db, path: abs, warnings: cloudWarnings(abs), actor: opt.Actor, now: opt.Now}
	if s.actor == "" {
		s.actor = osUser()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if err := s.prepare(); err != nil {
		_ = db.Close()
		return nil, err
	}
	return s, nil
}

// refuseNewer peeks at an existing file read-only, so that a file from a
// newer Kinerja is refused before anything could write to it.
func refuseNewer(path string, timeout time.Duration) error {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) || (err == nil && info.Size() == 0) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("membuka file data %s: %w", path, err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: true})
	if err != nil {
		return openError(path, err)
	}
	defer db.Close()
	var v int
	err = db.View(func(tx *bolt.Tx) error {
		v, err = schemaOf(reader{tx: tx})
		return err
	})
	if err != nil {
		return fmt.Errorf("membaca versi file %s: %w", path, err)
	}
	if v > SchemaVersion() {
		return fmt.Errorf("%s (versi file %d, versi aplikasi %d): %w", path, v, SchemaVersion(), data.ErrNewerSchema)
	}
	return nil
}

func openError(path string, err error) error {
	if errors.Is(err, berrors.ErrTimeout) {
		return fmt.Errorf("%s: %w", path, data.ErrAlreadyOpen)
	}
	return fmt.Errorf("membuka file data %s: %w", path, err)
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
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("menutup file data: %w", err)
	}
	return nil
}

// Path returns the absolute path of the data file.
func (s *Store) Path() string { return s.path }

// Warnings returns the Indonesian warnings found at open, such as a data file
// inside a cloud-synced folder.
func (s *Store) Warnings() []string { return append([]string(nil), s.warnings...) }
