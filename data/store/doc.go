// Package store keeps Kinerja's data in one local bbolt file. Only
// data/service uses it: the front ends (ui, ui/cli) reach the data through
// the service, the one door, and never import this package or bbolt.
//
// Records are JSON under 8-byte big-endian keys taken from the bucket's
// NextSequence. Every change runs through Store.update: one Update
// transaction that writes the records and appends, for each record, an audit
// entry chained by SHA-256 to the one before. Nothing is ever deleted. The
// store persists; the rules it applies before saving (ValidateStaff,
// Office.Validate) come from package data.
//
// Adding a bucket (attendance, evaluations, signers, …) needs no migration:
//
//   - name it with a const beside bucketStaff in tx.go; a nested bucket is a
//     path, e.g. "evaluations/" + periodID, so period keys never mix;
//   - write only inside s.update(action, func(c *change) error {…}) with
//     c.put(bucket, key, value): put creates the bucket on first use, stores
//     the JSON and appends the audit entry in the same transaction, and skips
//     both when the value is unchanged; c.nextID gives a new id key;
//   - read with s.view(func(r reader) error {…}) and r.get / r.each, where a
//     bucket not yet created reads as empty;
//   - a lookup bucket (key → record id) goes into indexBuckets and is written
//     with c.setIndex / c.dropIndex, in the same update as its record;
//   - changing the shape of records already stored is a new step appended to
//     migrations (schema.go).
package store
