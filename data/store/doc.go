// Package store keeps Kinerja's data in one local bbolt file.
//
// Records are JSON under 8-byte big-endian keys taken from the bucket's
// NextSequence. Every change runs through Store.update: one Update
// transaction that writes the records and appends, for each record, an audit
// entry chained by SHA-256 to the one before. Nothing is ever deleted. The
// store persists; the rules it applies before saving (ValidateStaff,
// Office.Validate) come from package data.
package store
