package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// bucketHealth keeps the store's own bookkeeping about the file (when it was
// last checked clean). It is written outside the audit, like indexBuckets,
// because it is not a record of the office.
const bucketHealth = "health"

// healthLastClean is the key of the time of the last clean Check.
const healthLastClean = "last_clean_check"

// unaudited are the buckets whose records have no audit entries: the audit
// itself, the lookup indexes, the content-addressed PDF blobs (checked
// against their own SHA-256 keys) and the health bookkeeping.
func unaudited(bucket string) bool {
	return bucket == bucketAudit || indexBuckets[bucket] || bucket == bucketDocumentBlobs || bucket == bucketHealth ||
		bucket == bucketArchiveIndex || bucket == bucketArchiveEnds
}

// Problem is one thing Check found wrong, naming the record.
type Problem struct {
	Bucket string // the stored bucket path ("staff", "evaluations/2026-Q3"); "" for the file as a whole
	Key    string // the key for people ("12", "12/202611"); "" for a whole bucket or the file
	Where  string // the record in Indonesian words: "pegawai nomor 12"
	What   string // what is wrong, in Indonesian
}

// String returns "Where: What".
func (p Problem) String() string {
	if p.Where == "" {
		return p.What
	}
	return p.Where + ": " + p.What
}

// CheckProgress reports Check's progress: step Done of Total, named in Indonesian.
type CheckProgress struct {
	Step        string
	Done, Total int
}

// CheckOptions tune Check.
type CheckOptions struct {
	// Progress, when set, is called at the start of every step (on Check's goroutine).
	Progress func(CheckProgress)
	// Extra, when set, runs after the store's own checks; its problems join
	// the report (the service adds "every final evaluation equals its signed
	// document" here). An error aborts the check.
	Extra func(ctx context.Context) ([]Problem, error)
}

// CheckReport is the result of Check.
type CheckReport struct {
	Problems []Problem
	// Notes are findings that are not wrong, only worth knowing: archive
	// entries no record refers to (left by a save that did not complete).
	Notes    []Problem
	Records  int       // records read
	Finished time.Time // by the store's clock
	Recorded bool      // the clean result was stored as LastCleanCheck
}

// Clean reports whether no problem was found.
func (r CheckReport) Clean() bool { return len(r.Problems) == 0 }

// maxStructureProblems bounds how many of bbolt's findings are listed.
const maxStructureProblems = 50

// Check examines the whole file: every page read back (a damaged page is a
// problem and marks the store damaged), bbolt's consistency check (tx.Check),
// the schema, the audit hash chain, and every audited record against the
// SHA-256 its newest audit entry recorded — so a record edited outside
// Kinerja is named. Signed PDFs are checked against their hashes: those in
// the data file of older versions, and every entry of the document archive
// (see checkArchives; entries no record refers to are Notes, not problems). A clean
// result on a writable store is recorded (LastCleanCheck). The error is only
// for a check that could not run or was cancelled; what is wrong with the
// file is in the report.
func (s *Store) Check(ctx context.Context, opt CheckOptions) (CheckReport, error) {
	const total = 5
	var rep CheckReport
	step := func(n int, name string) error {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("pemeriksaan data dibatalkan: %w", err)
		}
		if opt.Progress != nil {
			opt.Progress(CheckProgress{Step: name, Done: n, Total: total})
		}
		return nil
	}
	add := func(ps ...Problem) { rep.Problems = append(rep.Problems, ps...) }

	if err := step(0, "Memeriksa kepala file"); err != nil {
		return rep, err
	}
	if err := checkHeader(s.path); err != nil {
		add(Problem{What: err.Error()})
		s.noteErr(err)
		return s.finish(rep), nil
	}
	if err := step(1, "Membaca semua rekaman"); err != nil {
		return rep, err
	}
	var w walked
	err := s.viewTx(func(tx *bolt.Tx) error {
		w = walk(ctx, tx)
		return ctx.Err()
	})
	if err != nil {
		if ctx.Err() != nil {
			return rep, fmt.Errorf("pemeriksaan data dibatalkan: %w", ctx.Err())
		}
		add(Problem{What: err.Error()})
		return s.finish(rep), nil
	}
	rep.Records = w.records
	add(w.problems...)

	if err := step(2, "Memeriksa struktur file (bbolt)"); err != nil {
		return rep, err
	}
	err = s.viewTx(func(tx *bolt.Tx) error {
		n := 0
		for cerr := range tx.Check() {
			if n++; n <= maxStructureProblems {
				add(Problem{What: "struktur file rusak: " + cerr.Error()})
			}
		}
		if n > maxStructureProblems {
			add(Problem{What: fmt.Sprintf("dan %d kerusakan struktur lainnya", n-maxStructureProblems)})
		}
		return nil
	})
	if err != nil {
		add(Problem{What: err.Error()})
	}

	if err := step(3, "Memeriksa skema dan rantai audit"); err != nil {
		return rep, err
	}
	add(w.schemaProblems()...)
	latest, chain := w.auditChain()
	add(chain...)

	if err := step(4, "Mencocokkan rekaman dengan audit dan arsip dokumen"); err != nil {
		return rep, err
	}
	add(w.matchAudit(latest)...)
	probs, notes, err := s.checkArchives(ctx, w.archRefs)
	if err != nil {
		if ctx.Err() != nil {
			return rep, fmt.Errorf("pemeriksaan data dibatalkan: %w", ctx.Err())
		}
		add(Problem{What: err.Error()})
	}
	add(probs...)
	rep.Notes = append(rep.Notes, notes...)

	if opt.Extra != nil {
		extra, err := opt.Extra(ctx)
		if err != nil {
			return rep, err
		}
		add(extra...)
	}
	if err := ctx.Err(); err != nil {
		return rep, fmt.Errorf("pemeriksaan data dibatalkan: %w", err)
	}
	return s.finish(rep), nil
}

// finish stamps the report and records a clean result.
func (s *Store) finish(rep CheckReport) CheckReport {
	rep.Finished = s.now()
	if !rep.Clean() || s.opt.ReadOnly || s.Damage() != nil {
		return rep
	}
	err := s.updateTx(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(bucketHealth))
		if err != nil {
			return err
		}
		return b.Put([]byte(healthLastClean), []byte(rep.Finished.UTC().Format(time.RFC3339Nano)))
	})
	rep.Recorded = err == nil
	return rep
}

// LastCleanCheck returns when Check last found the file clean; ok is false
// when it never did.
func (s *Store) LastCleanCheck() (t time.Time, ok bool, err error) {
	err = s.view(func(r reader) error {
		raw, err := r.raw(bucketHealth, []byte(healthLastClean))
		if err != nil || raw == nil {
			return err
		}
		t, err = time.Parse(time.RFC3339Nano, string(raw))
		ok = err == nil
		return nil
	})
	return t, ok, err
}

// walked is what one pass over every record of the file collected.
type walked struct {
	records  int
	hashes   map[string]map[string]string // audited bucket → raw key → SHA-256 of the value
	audit    [][2][]byte                  // audit entries: key, value
	head     []byte                       // meta/audit_head
	schema   []byte                       // meta/schema
	buckets  map[string]bool              // every bucket path
	staffIDs map[string]bool
	nip      map[string][]byte // staff_nip: key → id
	archRefs []archRef         // every archive place the index or a document record names
	problems []Problem
}

// walk reads every key and value of the file in key order, recursing into
// nested buckets, so that every page is touched here — on a goroutine where
// faults are panics — before bbolt's own check runs on its goroutine.
func walk(ctx context.Context, tx *bolt.Tx) walked {
	w := walked{hashes: map[string]map[string]string{}, buckets: map[string]bool{},
		staffIDs: map[string]bool{}, nip: map[string][]byte{}}
	_ = tx.ForEach(func(name []byte, b *bolt.Bucket) error {
		return w.bucket(ctx, string(name), b)
	})
	return w
}

func (w *walked) bucket(ctx context.Context, path string, b *bolt.Bucket) error {
	w.buckets[path] = true
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if err := ctx.Err(); err != nil {
			return err
		}
		if v == nil {
			if child := b.Bucket(k); child != nil {
				if err := w.bucket(ctx, path+"/"+string(k), child); err != nil {
					return err
				}
			}
			continue
		}
		w.records++
		sum := hashHex(v)
		switch {
		case path == bucketAudit:
			w.audit = append(w.audit, [2][]byte{bytes.Clone(k), bytes.Clone(v)})
		case path == bucketMeta && string(k) == metaAuditHead:
			w.head = bytes.Clone(v)
		case path == bucketStaffNIP:
			w.nip[string(k)] = bytes.Clone(v)
		case path == bucketArchiveIndex:
			loc, ok := decodeLoc(v)
			if !ok || len(k) != sha256.Size {
				w.problems = append(w.problems, problemAt(path, k, "tempat di arsip dokumen tidak terbaca"))
				break
			}
			w.archRefs = append(w.archRefs, archRef{loc: loc, sum: bytes.Clone(k), bucket: path, key: k,
				where: "PDF " + hex.EncodeToString(k[:6])})
		case path == bucketDocumentBlobs:
			if !blobMatches(k, v) {
				w.problems = append(w.problems, problemAt(path, k, "isi PDF tidak cocok dengan sidik SHA-256-nya"))
			}
		case unaudited(path):
		default:
			if path == bucketMeta && string(k) == metaSchema {
				w.schema = bytes.Clone(v)
			}
			if path == bucketStaff {
				w.staffIDs[string(k)] = true
			}
			if strings.HasPrefix(path, bucketDocuments+"/") {
				w.documentRef(path, k, v)
			}
			if !recordReadable(path, v) {
				w.problems = append(w.problems, problemAt(path, k, "isi rekaman bukan JSON yang sah"))
			}
			if w.hashes[path] == nil {
				w.hashes[path] = map[string]string{}
			}
			w.hashes[path][string(k)] = sum
		}
	}
	return nil
}

// recordReadable reports whether an audited record can be read: a JSON
// value, or an attendance month in its compact form.
func recordReadable(bucket string, v []byte) bool {
	if bucket == bucketAttendance && len(v) > 0 && v[0] == monthCompact {
		_, err := decodeCompactMonth(v)
		return err == nil
	}
	return json.Valid(v)
}

// blobMatches reports whether a stored PDF blob is, or expands to, the PDF
// whose SHA-256 is its key (see blobPDF).
func blobMatches(key, stored []byte) bool {
	_, ok := blobPDF(key, stored)
	return ok
}

// schemaProblems checks the schema version and the buckets every file has.
func (w *walked) schemaProblems() []Problem {
	var out []Problem
	var v int
	if w.schema == nil || json.Unmarshal(w.schema, &v) != nil || v < 1 {
		out = append(out, Problem{Bucket: bucketMeta, Key: metaSchema, Where: "versi skema", What: "tidak ada atau tidak terbaca"})
	} else if v != SchemaVersion() {
		out = append(out, Problem{Bucket: bucketMeta, Key: metaSchema, Where: "versi skema",
			What: fmt.Sprintf("versi %d, aplikasi ini menulis versi %d", v, SchemaVersion())})
	}
	for _, b := range initialBuckets {
		if !w.buckets[b] {
			out = append(out, Problem{Bucket: b, Where: bucketWords(b), What: "bucket tidak ada"})
		}
	}
	for k, id := range w.nip {
		if !w.staffIDs[string(id)] {
			out = append(out, problemAt(bucketStaffNIP, []byte(k), "menunjuk ke pegawai yang tidak ada"))
		}
	}
	return out
}

// auditChain verifies the hash chain and returns, per audited bucket and
// raw key, the hash its newest entry recorded.
func (w *walked) auditChain() (latest map[string]map[string]string, out []Problem) {
	latest = map[string]map[string]string{}
	prev := ""
	var want uint64 = 1
	for _, kv := range w.audit {
		k, v := kv[0], kv[1]
		e, err := decodeAudit(v)
		if err != nil {
			out = append(out, problemAt(bucketAudit, k, "entri audit tidak terbaca"))
			prev = hashHex(v)
			want++
			continue
		}
		if id, _ := keyID(k); id != want || e.Seq != id {
			out = append(out, problemAt(bucketAudit, k, fmt.Sprintf("nomor entri salah atau ada yang hilang (seharusnya %d)", want)))
			want = e.Seq
		}
		if e.Prev != prev {
			out = append(out, problemAt(bucketAudit, k, "rantai audit putus: entri sebelumnya diubah atau dihapus"))
		}
		if latest[e.Bucket] == nil {
			latest[e.Bucket] = map[string]string{}
		}
		latest[e.Bucket][string(e.RawKey)] = e.Hash
		prev = hashHex(v)
		want++
	}
	if string(w.head) != prev {
		out = append(out, Problem{Bucket: bucketMeta, Key: metaAuditHead, Where: "kepala rantai audit",
			What: "tidak cocok dengan entri audit terakhir: entri terbaru diubah atau dihapus"})
	}
	return latest, out
}

// matchAudit compares every audited record with its newest audit entry.
func (w *walked) matchAudit(latest map[string]map[string]string) []Problem {
	var out []Problem
	for bucket, keys := range w.hashes {
		for k, h := range keys {
			want, ok := latest[bucket][k]
			switch {
			case !ok:
				out = append(out, problemAt(bucket, []byte(k), "tidak tercatat di audit (ditambahkan di luar Kinerja?)"))
			case want != h:
				out = append(out, problemAt(bucket, []byte(k), "isinya berbeda dari yang tercatat di audit (diubah di luar Kinerja?)"))
			}
		}
	}
	for bucket, keys := range latest {
		for k := range keys {
			if _, ok := w.hashes[bucket][k]; !ok {
				out = append(out, problemAt(bucket, []byte(k), "hilang: tercatat di audit tetapi tidak ada di file"))
			}
		}
	}
	sortProblems(out)
	return out
}
