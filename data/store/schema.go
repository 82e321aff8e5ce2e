package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"kinerja/data"
)

// metaSchema is the key of the schema version in the meta bucket.
const metaSchema = "schema"

// migration upgrades a file by one schema version inside the migration's
// transaction. Writes go through c.put, so they are audited.
type migration func(c *change) error

// migrations holds the upgrades in order: migrations[i] takes a file from
// schema i+1 to i+2. Append a step here to change the file's layout; never
// edit or reorder a released one.
var migrations []migration

// SchemaVersion returns the schema version this build writes: 1 plus the
// number of migrations.
func SchemaVersion() int { return 1 + len(migrations) }

// initialBuckets are created in every new file.
var initialBuckets = []string{bucketMeta, bucketSettings, bucketStaff, bucketStaffNIP, bucketUnits, bucketAudit}

// errForeignFile is returned for a bbolt file that is not a Kinerja file.
var errForeignFile = errors.New("file ini bukan file data Kinerja")

// schemaOf returns the schema version of the file, 0 when it holds no
// buckets at all (a new file).
func schemaOf(r reader) (int, error) {
	raw, err := r.raw(bucketMeta, []byte(metaSchema))
	if err != nil {
		return 0, err
	}
	if raw == nil {
		if k, _ := r.tx.Cursor().First(); k != nil {
			return 0, errForeignFile
		}
		return 0, nil
	}
	var v int
	if err := json.Unmarshal(raw, &v); err != nil || v < 1 {
		return 0, fmt.Errorf("versi skema %q tidak terbaca: %w", raw, errForeignFile)
	}
	return v, nil
}

// prepare brings the open file to SchemaVersion: it initialises a new file
// (only when Options.Create), migrates an older one after copying it, and
// refuses a newer one. A read-only store is only checked.
func (s *Store) prepare() error {
	var v int
	err := s.view(func(r reader) (err error) {
		v, err = schemaOf(r)
		return err
	})
	if err != nil {
		return schemaError(s.path, err)
	}
	want := SchemaVersion()
	if err := newerError(s.path, v); err != nil {
		return err
	}
	switch {
	case v == 0 && !s.opt.Create:
		return &FileError{Path: s.path, Kind: ErrNoFile,
			Msg: fmt.Sprintf("File data %q belum berisi data Kinerja — buat dengan \"kinerja office set\".", s.path)}
	case v == 0:
		return s.update("membuat file data", initFile)
	case v < want && s.opt.ReadOnly && !s.opt.inspect:
		return &FileError{Path: s.path, Kind: ErrReadOnly,
			Msg: fmt.Sprintf("File data %q dibuat oleh versi Kinerja yang lebih lama (versi %d) dan perlu diperbarui ke versi %d; buka sekali dari media yang bisa ditulisi.", s.path, v, want)}
	case v < want && !s.opt.ReadOnly:
		return s.migrate(v, want)
	}
	return nil
}

// initFile creates the buckets, records the schema and seeds the default units.
func initFile(c *change) error {
	for _, name := range initialBuckets {
		if _, err := bucketAt(c.tx, name, true); err != nil {
			return err
		}
	}
	if err := c.put(bucketMeta, []byte(metaSchema), SchemaVersion()); err != nil {
		return err
	}
	units := data.DefaultUnits()
	var last uint64
	for _, u := range units {
		if err := c.put(bucketUnits, idKey(u.ID), u); err != nil {
			return err
		}
		last = max(last, u.ID)
	}
	b, err := bucketAt(c.tx, bucketUnits, true)
	if err != nil {
		return err
	}
	if err := b.SetSequence(last); err != nil {
		return fmt.Errorf("nomor unit: %w", err)
	}
	return nil
}

// BackupName returns the name of the copy taken before migrating the file at
// path to schema version v: "<path>.pre-v<v>.bak".
func BackupName(path string, v int) string { return fmt.Sprintf("%s.pre-v%d.bak", path, v) }

// migrate copies the file to BackupName(path, to) and runs the migrations
// from version from to version to in one transaction.
func (s *Store) migrate(from, to int) error {
	if err := s.writeSnapshot(context.Background(), BackupName(s.path, to), ""); err != nil {
		return fmt.Errorf("salinan sebelum migrasi: %w", err)
	}
	action := fmt.Sprintf("migrasi skema v%d ke v%d", from, to)
	err := s.update(action, func(c *change) error {
		for v := from; v < to; v++ {
			if err := migrations[v-1](c); err != nil {
				return fmt.Errorf("migrasi v%d ke v%d: %w", v, v+1, err)
			}
		}
		return c.put(bucketMeta, []byte(metaSchema), to)
	})
	if err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	return nil
}
