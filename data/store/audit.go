package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"kinerja/data"
)

// metaAuditHead holds the hash of the last audit entry, so that removing or
// editing the newest entry is detected too.
const metaAuditHead = "audit_head"

// ErrAuditBroken is wrapped by VerifyAudit when the audit trail does not
// match itself or the records.
var ErrAuditBroken = errors.New("catatan audit tidak utuh; file mungkin diubah di luar Kinerja")

// AuditEntry records one change of one record. Prev is the SHA-256 of the
// stored bytes of the entry before it, so the entries form a chain.
//
// An entry is stored compact (encodeAudit): the hashes as raw bytes, only the
// fields that changed (before and after), and for a new record its hash
// only — the record itself is in its bucket, and every later change records
// what it was before, so each earlier version can be rebuilt from the record
// backwards. Files written before keep their entries as JSON objects (with
// the whole new record in Changes); both forms are read and verified alike.
type AuditEntry struct {
	Seq     uint64        `json:"seq"`
	Time    time.Time     `json:"time"`
	Actor   string        `json:"actor"`
	Action  string        `json:"action"`
	Bucket  string        `json:"bucket"`
	Key     string        `json:"key"`     // the key for people: "12", "12/202611", "office"
	RawKey  []byte        `json:"raw_key"` // the key as stored
	Changes []FieldChange `json:"changes"`
	Hash    string        `json:"hash"` // SHA-256 (hex) of the new record
	Prev    string        `json:"prev"` // SHA-256 (hex) of the previous entry; "" for the first
}

// FieldChange is one JSON field that changed: a top-level field, or
// "field.key" inside a field that is an object on both sides (see
// diffFields). Field is "" when the record is not a JSON object. Before is empty for a new field, After for a
// removed one.
type FieldChange struct {
	Field  string          `json:"field"`
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
}

func hashHex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// diffFields returns the fields that differ between two JSON values (old is
// nil for a new record), in field order. A field that is a JSON object on both
// sides is compared one level deeper and reported as "field.key" — so
// changing one day of an attendance month records that day only, not two
// copies of the month.
func diffFields(old, val []byte) ([]FieldChange, error) {
	var before, after map[string]json.RawMessage
	newObj := json.Unmarshal(val, &after) == nil
	oldObj := old == nil || json.Unmarshal(old, &before) == nil
	if !newObj || !oldObj {
		return []FieldChange{{Before: json.RawMessage(old), After: json.RawMessage(val)}}, nil
	}
	var out []FieldChange
	for _, c := range diffObjects(before, after) {
		var inBefore, inAfter map[string]json.RawMessage
		if c.Before == nil || c.After == nil ||
			json.Unmarshal(c.Before, &inBefore) != nil || json.Unmarshal(c.After, &inAfter) != nil {
			out = append(out, c)
			continue
		}
		for _, sub := range diffObjects(inBefore, inAfter) {
			sub.Field = c.Field + "." + sub.Field
			out = append(out, sub)
		}
	}
	return out, nil
}

// diffObjects returns the keys whose values differ between two decoded JSON
// objects, in key order.
func diffObjects(before, after map[string]json.RawMessage) []FieldChange {
	fields := make([]string, 0, len(after)+len(before))
	for f := range after {
		fields = append(fields, f)
	}
	for f := range before {
		if _, ok := after[f]; !ok {
			fields = append(fields, f)
		}
	}
	sort.Strings(fields)
	var out []FieldChange
	for _, f := range fields {
		b, a := before[f], after[f]
		if bytes.Equal(b, a) {
			continue
		}
		out = append(out, FieldChange{Field: f, Before: b, After: a})
	}
	return out
}

// appendAudit adds the entry for a record just written to key in bucket.
func (c *change) appendAudit(bucket string, key []byte, changes []FieldChange, val []byte) error {
	ab, err := bucketAt(c.tx, bucketAudit, true)
	if err != nil {
		return err
	}
	// Entries are only ever appended under increasing keys: full pages.
	ab.FillPercent = 1.0
	meta, err := bucketAt(c.tx, bucketMeta, true)
	if err != nil {
		return err
	}
	seq, err := ab.NextSequence()
	if err != nil {
		return fmt.Errorf("nomor audit: %w", err)
	}
	prev, err := hex.DecodeString(string(meta.Get([]byte(metaAuditHead))))
	if err != nil || len(prev) != 0 && len(prev) != sha256.Size {
		return fmt.Errorf("%w: kepala rantai audit tidak terbaca", ErrAuditBroken)
	}
	raw := encodeAudit(auditRecord{seq: seq, time: c.now, actor: c.actor, action: c.action,
		bucket: bucket, key: key, changes: changes, hash: sha256.Sum256(val), prev: prev})
	if err := ab.Put(idKey(seq), raw); err != nil {
		return fmt.Errorf("menyimpan audit: %w", err)
	}
	if err := meta.Put([]byte(metaAuditHead), []byte(hashHex(raw))); err != nil {
		return fmt.Errorf("menyimpan kepala audit: %w", err)
	}
	return nil
}

// auditCompact is the first byte of an entry in the compact form; an entry
// of an older file is a JSON object and starts with '{'.
const auditCompact = 0x02

// auditRecord is what encodeAudit writes.
type auditRecord struct {
	seq                   uint64
	time                  time.Time
	actor, action, bucket string
	key                   []byte
	changes               []FieldChange
	hash                  [sha256.Size]byte
	prev                  []byte // empty for the first entry
}

// encodeAudit writes an entry in the compact form: auditCompact, the
// sequence number, the time (Unix nanoseconds), actor, action, bucket and
// key, the record's SHA-256, the previous entry's SHA-256 (or nothing), and
// each changed field with its value before and after (empty when absent):
// JSON, or for a day of an attendance month that day in the compact month
// form (dayChange), read back as JSON.
// Numbers are varints; strings and byte strings carry their length first.
func encodeAudit(e auditRecord) []byte {
	size := 64 + len(e.actor) + len(e.action) + len(e.bucket) + len(e.key)
	for _, c := range e.changes {
		size += 8 + len(c.Field) + len(c.Before) + len(c.After)
	}
	b := make([]byte, 0, size)
	b = append(b, auditCompact)
	b = binary.AppendUvarint(b, e.seq)
	b = binary.AppendVarint(b, e.time.UnixNano())
	for _, s := range [][]byte{[]byte(e.actor), []byte(e.action), []byte(e.bucket), e.key} {
		b = appendBytes(b, s)
	}
	b = append(b, e.hash[:]...)
	b = appendBytes(b, e.prev)
	b = binary.AppendUvarint(b, uint64(len(e.changes)))
	for _, c := range e.changes {
		b = appendBytes(b, []byte(c.Field))
		b = appendBytes(b, c.Before)
		b = appendBytes(b, c.After)
	}
	return b
}

func appendBytes(b, s []byte) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// errAuditEntry is returned for an entry that is neither form.
var errAuditEntry = errors.New("entri audit tidak terbaca")

// decodeAudit reads a stored entry of either form.
func decodeAudit(v []byte) (AuditEntry, error) {
	var e AuditEntry
	if len(v) == 0 {
		return e, errAuditEntry
	}
	if v[0] != auditCompact {
		err := json.Unmarshal(v, &e)
		return e, err
	}
	d := auditReader{b: v[1:], ok: true}
	e.Seq = d.uvarint()
	nanos := d.varint()
	e.Actor, e.Action, e.Bucket = string(d.bytes()), string(d.bytes()), string(d.bytes())
	e.RawKey = bytes.Clone(d.bytes())
	e.Hash = hex.EncodeToString(d.fixed(sha256.Size))
	if prev := d.bytes(); len(prev) > 0 {
		e.Prev = hex.EncodeToString(prev)
	}
	n := d.uvarint()
	if n > uint64(len(v)) {
		return AuditEntry{}, errAuditEntry
	}
	var days []data.EnteredDay
	for i := uint64(0); i < n && d.ok; i++ {
		c := FieldChange{Field: string(d.bytes())}
		for _, side := range []*json.RawMessage{&c.Before, &c.After} {
			switch v := d.bytes(); {
			case len(v) == 0:
			case v[0] == monthCompact:
				var err error
				if *side, days, err = auditDayJSON(v, days); err != nil {
					return AuditEntry{}, errAuditEntry
				}
			default:
				*side = bytes.Clone(v)
			}
		}
		e.Changes = append(e.Changes, c)
	}
	if !d.ok || len(d.b) != 0 {
		return AuditEntry{}, errAuditEntry
	}
	e.Time = time.Unix(0, nanos)
	e.Key = keyLabel(e.RawKey)
	return e, nil
}

// auditReader reads the parts of a compact entry; ok turns false at the
// first part that runs past the end.
type auditReader struct {
	b  []byte
	ok bool
}

func (d *auditReader) uvarint() uint64 {
	if len(d.b) > 0 && d.b[0] < 0x80 { // one byte, as most are
		v := uint64(d.b[0])
		d.b = d.b[1:]
		return v
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.b, d.ok = nil, false
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *auditReader) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.b, d.ok = nil, false
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *auditReader) fixed(n int) []byte {
	if len(d.b) < n {
		d.b, d.ok = nil, false
		return nil
	}
	v := d.b[:n]
	d.b = d.b[n:]
	return v
}

func (d *auditReader) bytes() []byte {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.b, d.ok = nil, false
		return nil
	}
	return d.fixed(int(n))
}

// Audit returns every audit entry, oldest first.
func (s *Store) Audit() ([]AuditEntry, error) {
	var out []AuditEntry
	err := s.view(func(r reader) error {
		return r.each(bucketAudit, func(k, v []byte) error {
			e, err := decodeAudit(v)
			if err != nil {
				return fmt.Errorf("membaca audit %s: %w", keyLabel(k), err)
			}
			out = append(out, e)
			return nil
		})
	})
	return out, err
}

// VerifyAudit recomputes the hash chain: entries numbered 1, 2, 3… without
// gaps, each naming the hash of the one before, the last matching the stored
// head; and the newest entry of every record matching the record as stored,
// with no audited bucket holding a record that has no entry. A break is an
// error wrapping ErrAuditBroken that names the entry or record.
func (s *Store) VerifyAudit() error {
	return s.view(func(r reader) error {
		latest := map[string]map[string]string{} // bucket → raw key → hash of newest value
		prev := ""
		var want uint64 = 1
		err := r.each(bucketAudit, func(k, v []byte) error {
			e, err := decodeAudit(v)
			if err != nil {
				return fmt.Errorf("%w: entri %s tidak terbaca", ErrAuditBroken, keyLabel(k))
			}
			if id, _ := keyID(k); id != want || e.Seq != want {
				return fmt.Errorf("%w: entri %d hilang atau bernomor salah", ErrAuditBroken, want)
			}
			if e.Prev != prev {
				return fmt.Errorf("%w: rantai putus sebelum entri %d", ErrAuditBroken, e.Seq)
			}
			if latest[e.Bucket] == nil {
				latest[e.Bucket] = map[string]string{}
			}
			latest[e.Bucket][string(e.RawKey)] = e.Hash
			prev = hashHex(v)
			want++
			return nil
		})
		if err != nil {
			return err
		}
		head, err := r.raw(bucketMeta, []byte(metaAuditHead))
		if err != nil {
			return err
		}
		if string(head) != prev {
			return fmt.Errorf("%w: entri terakhir (%d) tidak cocok dengan kepala rantai", ErrAuditBroken, want-1)
		}
		return verifyRecords(r, latest)
	})
}

// verifyRecords checks every audited bucket against the newest entries.
func verifyRecords(r reader, latest map[string]map[string]string) error {
	for bucket, keys := range latest {
		for k, h := range keys {
			raw, err := r.raw(bucket, []byte(k))
			if err != nil {
				return err
			}
			if raw == nil || hashHex(raw) != h {
				return fmt.Errorf("%w: rekaman %s/%s berbeda dari audit", ErrAuditBroken, bucket, keyLabel([]byte(k)))
			}
		}
		err := r.each(bucket, func(k, _ []byte) error {
			if _, ok := keys[string(k)]; !ok && !(bucket == bucketMeta && string(k) == metaAuditHead) {
				return fmt.Errorf("%w: rekaman %s/%s tanpa audit", ErrAuditBroken, bucket, keyLabel(k))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
