package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Bucket names. A nested bucket is written as a path: "evaluations/2026-Q3".
const (
	bucketMeta     = "meta"
	bucketSettings = "meta/settings"
	bucketStaff    = "staff"
	bucketStaffNIP = "staff_nip"
	bucketUnits    = "units"
	bucketAudit    = "audit"
)

// indexBuckets are the only buckets written without an audit entry: each maps
// a lookup key to a record id and is derived from audited records, updated in
// the same transaction as the record it points to.
var indexBuckets = map[string]bool{bucketStaffNIP: true}

// reader reads records inside one transaction.
type reader struct {
	tx  *bolt.Tx
	arc *archives // the document archive (nil only while peeking at a schema)
}

// change is the only write access to the file. It is handed out by
// Store.update; put writes a record and its audit entry together, so no code
// path can write a record without the audit.
type change struct {
	reader
	action  string
	actor   string
	now     time.Time
	touched map[string]bool // archive files written to, flushed before the commit
}

// view runs fn in a read transaction. A damaged page (a bbolt panic or a
// fault in the memory map) gives a *FileError of kind ErrDamaged and marks
// the store damaged; see safely.
func (s *Store) view(fn func(r reader) error) error {
	return s.viewTx(func(tx *bolt.Tx) error { return fn(reader{tx: tx, arc: s.arc}) })
}

// viewTx is view with the bare transaction, for backups and checks.
func (s *Store) viewTx(fn func(tx *bolt.Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.db == nil {
		return errClosed(s.path)
	}
	return s.noteErr(safely(s.path, func() error { return s.db.View(fn) }))
}

// update runs fn in one Update transaction named action (it becomes the
// audit entries' action). Everything fn wrote, with its audit entries, is
// committed together, or nothing is when fn or the commit fails. It refuses
// to start on a read-only store, on a store where damage was seen, and on a
// file shorter than the pages it claims (truncated while open).
func (s *Store) update(action string, fn func(c *change) error) error {
	return s.updateTx(func(tx *bolt.Tx) error {
		c := &change{reader: reader{tx: tx, arc: s.arc}, action: action, actor: s.actor, now: s.now()}
		if err := fn(c); err != nil {
			return err
		}
		// Every archive frame a record of this transaction points at is on
		// disk before the commit makes the record visible.
		return s.arc.sync(c.touched)
	})
}

// updateTx is update with the bare transaction: only for the bookkeeping
// outside the audited records (see bucketHealth).
func (s *Store) updateTx(fn func(tx *bolt.Tx) error) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.db == nil {
		return errClosed(s.path)
	}
	if s.opt.ReadOnly {
		return &FileError{Path: s.path, Kind: ErrReadOnly,
			Msg: fmt.Sprintf("File data %q dibuka hanya untuk dibaca; perubahan tidak dapat disimpan.", s.path)}
	}
	if err := s.Damage(); err != nil {
		return err
	}
	return s.noteErr(safely(s.path, func() error {
		return s.db.Update(func(tx *bolt.Tx) error {
			size, err := fileSize(s.path)
			if err != nil {
				return openError(s.path, err)
			}
			if need := tx.Size(); need > size {
				return damaged(s.path, fmt.Sprintf("file terpotong: seharusnya %d bita, hanya %d bita", need, size), nil)
			}
			return fn(tx)
		})
	}))
}

func errClosed(path string) error {
	return fmt.Errorf("file data %s sudah ditutup", path)
}

// bucketAt returns the bucket at path ("a" or "a/b"). When create is false a
// missing bucket gives nil; when true the buckets on the path are created.
func bucketAt(tx *bolt.Tx, path string, create bool) (*bolt.Bucket, error) {
	var b *bolt.Bucket
	for i, name := range strings.Split(path, "/") {
		var err error
		switch {
		case i == 0 && create:
			b, err = tx.CreateBucketIfNotExists([]byte(name))
		case i == 0:
			b = tx.Bucket([]byte(name))
		case create:
			b, err = b.CreateBucketIfNotExists([]byte(name))
		default:
			b = b.Bucket([]byte(name))
		}
		if err != nil {
			return nil, fmt.Errorf("membuat bucket %s: %w", path, err)
		}
		if b == nil {
			return nil, nil
		}
		if create && path != bucketArchiveIndex {
			b.FillPercent = writeFill
		}
	}
	return b, nil
}

// writeFill is how full bbolt packs the pages it splits when a write
// transaction commits. bbolt's default (0.5) leaves every page split by an
// insert half empty; most records here are added in increasing key order
// (a period's evaluations and documents by staff id, a person's months in
// date order) and later rewritten in place, so pages are packed to 90%.
// A page that still overflows splits again, costing one more page write.
// The archive index, keyed by SHA-256 (random order), keeps bbolt's
// default; the audit bucket, append-only, is packed full (appendAudit).
// On the five-year demo office of 2,000 staff this took the data file from
// 166 MB to about 130 MB (docs/performance.md).
const writeFill = 0.9

// raw returns the stored bytes under key in bucket, or nil when absent.
func (r reader) raw(bucket string, key []byte) ([]byte, error) {
	b, err := bucketAt(r.tx, bucket, false)
	if err != nil || b == nil {
		return nil, err
	}
	return b.Get(key), nil
}

// get decodes the record under key into v; found is false when it is absent.
func (r reader) get(bucket string, key []byte, v any) (found bool, err error) {
	raw, err := r.raw(bucket, key)
	if err != nil || raw == nil {
		return false, err
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return false, fmt.Errorf("membaca %s/%s: %w", bucket, keyLabel(key), err)
	}
	return true, nil
}

// each calls fn for every record of bucket in key order; nested buckets are skipped.
func (r reader) each(bucket string, fn func(k, v []byte) error) error {
	b, err := bucketAt(r.tx, bucket, false)
	if err != nil || b == nil {
		return err
	}
	return b.ForEach(func(k, v []byte) error {
		if v == nil {
			return nil
		}
		return fn(k, v)
	})
}

// lookup returns the id an index bucket holds for key; ok is false when absent.
func (r reader) lookup(bucket, key string) (id uint64, ok bool, err error) {
	raw, err := r.raw(bucket, []byte(key))
	if err != nil || raw == nil {
		return 0, false, err
	}
	id, ok = keyID(raw)
	if !ok {
		return 0, false, fmt.Errorf("indeks %s/%s rusak", bucket, key)
	}
	return id, true, nil
}

// put stores v as JSON under key in bucket (creating the bucket when needed)
// and appends the audit entry with the changed fields. Writing a value equal
// to the stored one changes nothing and leaves no entry.
func (c *change) put(bucket string, key []byte, v any) error {
	if indexBuckets[bucket] || bucket == bucketAudit {
		return fmt.Errorf("bucket %s tidak menyimpan rekaman", bucket)
	}
	val, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("menyusun %s/%s: %w", bucket, keyLabel(key), err)
	}
	return c.putRaw(bucket, key, val, diffFields)
}

// putRaw is put for a value already encoded: diff names the fields that
// changed from the stored value old (nil for a new record) to val.
func (c *change) putRaw(bucket string, key, val []byte, diff func(old, val []byte) ([]FieldChange, error)) error {
	if indexBuckets[bucket] || bucket == bucketAudit {
		return fmt.Errorf("bucket %s tidak menyimpan rekaman", bucket)
	}
	b, err := bucketAt(c.tx, bucket, true)
	if err != nil {
		return err
	}
	old := b.Get(key)
	if old != nil && bytes.Equal(old, val) {
		return nil
	}
	// A new record's entry holds its hash only; a change, the changed fields.
	var changes []FieldChange
	if old != nil {
		if changes, err = diff(old, val); err != nil {
			return fmt.Errorf("membandingkan %s/%s: %w", bucket, keyLabel(key), err)
		}
	}
	if err := b.Put(key, val); err != nil {
		return fmt.Errorf("menyimpan %s/%s: %w", bucket, keyLabel(key), err)
	}
	return c.appendAudit(bucket, key, changes, val)
}

// nextID returns the next id of bucket from its sequence.
func (c *change) nextID(bucket string) (uint64, error) {
	b, err := bucketAt(c.tx, bucket, true)
	if err != nil {
		return 0, err
	}
	id, err := b.NextSequence()
	if err != nil {
		return 0, fmt.Errorf("nomor baru %s: %w", bucket, err)
	}
	return id, nil
}

// setIndex points key of an index bucket at id.
func (c *change) setIndex(bucket, key string, id uint64) error {
	b, err := c.indexBucket(bucket)
	if err != nil {
		return err
	}
	return b.Put([]byte(key), idKey(id))
}

// dropIndex removes key from an index bucket (the record it pointed to stays).
func (c *change) dropIndex(bucket, key string) error {
	b, err := c.indexBucket(bucket)
	if err != nil {
		return err
	}
	return b.Delete([]byte(key))
}

func (c *change) indexBucket(bucket string) (*bolt.Bucket, error) {
	if !indexBuckets[bucket] {
		return nil, fmt.Errorf("bucket %s bukan indeks", bucket)
	}
	return bucketAt(c.tx, bucket, true)
}
