package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"
)

// metaAuditHead holds the hash of the last audit entry, so that removing or
// editing the newest entry is detected too.
const metaAuditHead = "audit_head"

// ErrAuditBroken is wrapped by VerifyAudit when the audit trail does not
// match itself or the records.
var ErrAuditBroken = errors.New("catatan audit tidak utuh; file mungkin diubah di luar Kinerja")

// AuditEntry records one change of one record. Prev is the SHA-256 of the
// stored bytes of the entry before it, so the entries form a chain.
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
	meta, err := bucketAt(c.tx, bucketMeta, true)
	if err != nil {
		return err
	}
	seq, err := ab.NextSequence()
	if err != nil {
		return fmt.Errorf("nomor audit: %w", err)
	}
	e := AuditEntry{
		Seq: seq, Time: c.now, Actor: c.actor, Action: c.action,
		Bucket: bucket, Key: keyLabel(key), RawKey: append([]byte(nil), key...),
		Changes: changes, Hash: hashHex(val), Prev: string(meta.Get([]byte(metaAuditHead))),
	}
	raw, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("menyusun audit: %w", err)
	}
	if err := ab.Put(idKey(seq), raw); err != nil {
		return fmt.Errorf("menyimpan audit: %w", err)
	}
	if err := meta.Put([]byte(metaAuditHead), []byte(hashHex(raw))); err != nil {
		return fmt.Errorf("menyimpan kepala audit: %w", err)
	}
	return nil
}

// Audit returns every audit entry, oldest first.
func (s *Store) Audit() ([]AuditEntry, error) {
	var out []AuditEntry
	err := s.view(func(r reader) error {
		return r.each(bucketAudit, func(k, v []byte) error {
			var e AuditEntry
			if err := json.Unmarshal(v, &e); err != nil {
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
			var e AuditEntry
			if err := json.Unmarshal(v, &e); err != nil {
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
