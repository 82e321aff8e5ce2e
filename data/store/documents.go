package store

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"kinerja/data"
)

// Signed documents:
//
//	documents/<period>  staff id + revision (4 bytes) → Document (audited)
//	document_archive    SHA-256 of the PDF (32 bytes) → its place in the archive
//	document_blobs      SHA-256 of the PDF → the PDF (files of older versions)
//
// The PDF itself is kept apart from its audited record: the record names the
// PDF's SHA-256 and its place in the append-only document archive beside the
// data file (archive.go), so a changed PDF is detected on every read
// (ErrDocumentDamaged) without the data file or its audit trail holding a
// copy of every PDF. Files written before the archive keep their PDFs in the
// blob bucket, keyed by that very hash; they are read from there as they
// are (they are not moved: the optional move was left out, since a record
// pointing into the blob bucket is as safe as one pointing into the
// archive). PDFs are written once and never changed.
//
// The stored form is the PDF as it is when the PDF's streams are compressed
// already (every document Kinerja renders now: flate a second time gains a
// few percent for the cost of a compressor per document), and the PDF
// flate-compressed otherwise (and in blob buckets written before). In the
// blob bucket the two are told apart by the key: a blob whose own SHA-256 is
// its key is the PDF itself; in the archive, by the entry's flags.
//
// Size, measured (docs/performance.md): a signed three-page evaluation is
// about 35 KB stored, mostly the two embedded font subsets. Keeping the whole
// PDF is deliberate: the signature covers exact bytes, and re-rendering with
// a later version of the app would not reproduce them.
const (
	bucketDocuments     = "documents"
	bucketDocumentBlobs = "document_blobs"
)

func documentBucket(periodID string) string { return bucketDocuments + "/" + periodID }

// maxDocumentSize bounds the PDF a blob may expand to, so a damaged blob
// cannot exhaust memory.
const maxDocumentSize = 64 << 20

// ErrDocumentDamaged is returned when a stored PDF does not match the hash
// its record names.
var ErrDocumentDamaged = errors.New("dokumen tersimpan rusak: isinya tidak cocok dengan catatan tanda tangannya")

// Document is the record of one signed evaluation document: which final
// evaluation revision it shows, who signed it and when, and the hashes that
// tie it to the evaluation and to the stored PDF.
type Document struct {
	PeriodID         string    `json:"period"`
	StaffID          uint64    `json:"staff_id"`
	Revision         int       `json:"revision"`
	DocumentID       string    `json:"document_id"` // printed in the footer and the QR code
	NIP              string    `json:"nip"`
	Name             string    `json:"name"`
	EvaluationSHA256 string    `json:"evaluation_sha256"` // hash of the evaluation content the PDF shows
	SignerID         uint64    `json:"signer_id"`
	SignerName       string    `json:"signer_name"`
	SignedAt         time.Time `json:"signed_at"`
	PDFSHA256        string    `json:"pdf_sha256"`
	// Kind tells the documents of one revision apart: "" for the main one
	// (the Evaluasi Kinerja Pegawai), DocSummary for the Dokumen Evaluasi
	// Kinerja Pegawai, DocObjection for the keberatan page.
	Kind string `json:"kind,omitempty"`
	// ContentSHA256 is the hash of what a document shows beyond the
	// evaluation (the objection texts of a keberatan page), "" for none.
	ContentSHA256 string `json:"content_sha256,omitempty"`
	Size          int    `json:"size"`        // bytes of the PDF
	StoredSize    int    `json:"stored_size"` // bytes of the blob (the PDF, or it compressed)
	// Archive and ArchiveOffset say where the PDF is: the archive file (in
	// the folder "arsip" beside the data file) and the offset of its frame.
	// Both are empty for a PDF kept inside the data file by older versions.
	Archive       string `json:"archive,omitempty"`
	ArchiveOffset int64  `json:"archive_offset,omitempty"`
}

// DocumentSigner makes the signed PDFs of a final evaluation (the main one
// first) inside the transaction that stores the evaluation; it must not use
// the store.
type DocumentSigner func(e data.Evaluation) ([]SignedPDF, error)

// SaveDocument stores a signed PDF with its record, replacing the record of
// the same period, staff member and revision (a re-signed document).
func (s *Store) SaveDocument(doc Document, pdf []byte) error {
	return s.update("simpan dokumen bertanda tangan "+doc.PeriodID, func(c *change) error {
		if err := evaluationTarget(c.reader, doc.PeriodID, doc.StaffID); err != nil {
			return err
		}
		_, err := putDocument(c, doc, pdf)
		return err
	})
}

// SignedPDF is a document record with its signed PDF, for SaveDocuments.
type SignedPDF struct {
	Document Document
	PDF      []byte
}

// SaveDocuments stores many signed PDFs in one transaction (a batch signed
// with one unlocked key): if one is refused, none is stored.
func (s *Store) SaveDocuments(batch []SignedPDF) error {
	if len(batch) == 0 {
		return nil
	}
	return s.update("simpan dokumen bertanda tangan", func(c *change) error {
		for _, b := range batch {
			if err := evaluationTarget(c.reader, b.Document.PeriodID, b.Document.StaffID); err != nil {
				return err
			}
			if _, err := putDocument(c, b.Document, b.PDF); err != nil {
				return err
			}
		}
		return nil
	})
}

// UpdateEvaluationSigned runs step like UpdateEvaluation and then hands the
// evaluation as stored to sign, storing the evaluation and the signed PDFs in
// the same transaction: when sign fails, nothing is written. sign runs while
// the file is locked for writing, so it should be quick (the key unlocked
// beforehand). The first document returned is the main one.
func (s *Store) UpdateEvaluationSigned(periodID string, staffID uint64, step EvaluationStep, sign DocumentSigner) (data.Evaluation, Document, error) {
	var (
		out data.Evaluation
		doc Document
	)
	err := s.update("tetapkan dan tandatangani penilaian "+periodID, func(c *change) error {
		if err := evaluationTarget(c.reader, periodID, staffID); err != nil {
			return err
		}
		cur, found, err := evaluationIn(c.reader, periodID, staffID)
		if err != nil {
			return err
		}
		next, revision, err := step(cur, found)
		if err != nil {
			return err
		}
		if revision != nil {
			if err := putRevision(c, periodID, staffID, *revision); err != nil {
				return err
			}
		}
		if out, err = putEvaluation(c, periodID, staffID, next); err != nil {
			return err
		}
		batch, err := sign(out)
		if err != nil {
			return err
		}
		for i, b := range batch {
			d := b.Document
			if d.PeriodID != periodID || d.StaffID != staffID || d.Revision != out.Revision {
				return fmt.Errorf("dokumen bertanda tangan bukan untuk penilaian %s pegawai %d revisi %d", periodID, staffID, out.Revision)
			}
			saved, err := putDocument(c, d, b.PDF)
			if err != nil {
				return err
			}
			if i == 0 {
				doc = saved
			}
		}
		return nil
	})
	if err != nil {
		return data.Evaluation{}, Document{}, err
	}
	return out, doc, nil
}

// putDocument stores pdf in the archive (when not there yet; see putBlob)
// and writes the record, returned with its hash and sizes filled
// in. A record with a Kind is kept beside the main one of the same revision.
func putDocument(c *change, doc Document, pdf []byte) (Document, error) {
	sum, loc, stored, err := putBlob(c, pdf, doc.DocumentID)
	if err != nil {
		return doc, err
	}
	doc.PDFSHA256, doc.Size, doc.StoredSize = sum, len(pdf), stored
	doc.Archive, doc.ArchiveOffset = loc.Name, loc.Offset
	return doc, c.put(documentBucket(doc.PeriodID), documentKindKey(doc.StaffID, doc.Revision, doc.Kind), doc)
}

// putBlob stores pdf once, content-addressed by its SHA-256: when neither
// the archive index nor (in older files) the blob bucket has it yet, its
// frame is appended to this year's archive file (see archive.go) and the
// index and the archive's committed end are set in the same transaction.
// It returns the hash as hex, the PDF's place in the archive (zero for a
// PDF kept in the blob bucket) and the stored size. what names the PDF in
// errors.
func putBlob(c *change, pdf []byte, what string) (string, archiveLoc, int, error) {
	if len(pdf) == 0 || len(pdf) > maxDocumentSize {
		return "", archiveLoc{}, 0, fmt.Errorf("dokumen %s: ukuran PDF %d bita tidak wajar", what, len(pdf))
	}
	sum := sha256.Sum256(pdf)
	hexSum := hex.EncodeToString(sum[:])
	raw, err := c.raw(bucketArchiveIndex, sum[:])
	if err != nil {
		return "", archiveLoc{}, 0, err
	}
	if loc, ok := decodeLoc(raw); ok {
		return hexSum, loc, loc.Stored, nil
	}
	if blob, err := c.raw(bucketDocumentBlobs, sum[:]); err != nil {
		return "", archiveLoc{}, 0, err
	} else if blob != nil {
		return hexSum, archiveLoc{}, len(blob), nil
	}
	stored, flags, err := storedForm(pdf)
	if err != nil {
		return "", archiveLoc{}, 0, fmt.Errorf("memadatkan dokumen %s: %w", what, err)
	}
	if c.arc.inBolt {
		blobs, err := bucketAt(c.tx, bucketDocumentBlobs, true)
		if err != nil {
			return "", archiveLoc{}, 0, err
		}
		if err := blobs.Put(sum[:], stored); err != nil {
			return "", archiveLoc{}, 0, fmt.Errorf("menyimpan dokumen %s: %w", what, err)
		}
		return hexSum, archiveLoc{}, len(stored), nil
	}
	loc, err := c.arc.appendPDF(c.now.Year(), flags, sum, stored)
	if err != nil {
		return "", archiveLoc{}, 0, fmt.Errorf("menyimpan dokumen %s: %w", what, err)
	}
	if c.touched == nil {
		c.touched = map[string]bool{}
	}
	c.touched[loc.Name] = true
	if err := c.noteArchived(sum[:], loc); err != nil {
		return "", archiveLoc{}, 0, fmt.Errorf("menyimpan dokumen %s: %w", what, err)
	}
	return hexSum, loc, len(stored), nil
}

// noteArchived records where the PDF with SHA-256 sum is in the archive and
// moves the archive's committed end past it.
func (c *change) noteArchived(sum []byte, loc archiveLoc) error {
	idx, err := bucketAt(c.tx, bucketArchiveIndex, true)
	if err != nil {
		return err
	}
	if err := idx.Put(sum, encodeLoc(loc)); err != nil {
		return err
	}
	ends, err := bucketAt(c.tx, bucketArchiveEnds, true)
	if err != nil {
		return err
	}
	if old := ends.Get([]byte(loc.Name)); len(old) == 8 && int64(binary.BigEndian.Uint64(old)) >= loc.end() {
		return nil
	}
	return ends.Put([]byte(loc.Name), binary.BigEndian.AppendUint64(nil, uint64(loc.end())))
}

// archiveEnds returns the committed end of every archive file.
func archiveEnds(r reader) (map[string]int64, error) {
	out := map[string]int64{}
	err := r.each(bucketArchiveEnds, func(k, v []byte) error {
		if len(v) == 8 {
			out[string(k)] = int64(binary.BigEndian.Uint64(v))
		}
		return nil
	})
	return out, err
}

// documentKindKey is the key of a document record: the main document of a
// revision under revisionKey, another kind after it with the kind's name.
func documentKindKey(staffID uint64, revision int, kind string) []byte {
	return append(revisionKey(staffID, revision), kind...)
}

// storedForm returns what the archive (or the blob bucket) keeps of pdf:
// pdf itself when its streams are flate-compressed already (frameRaw),
// otherwise pdf compressed (frameFlate).
func storedForm(pdf []byte) ([]byte, byte, error) {
	if bytes.Contains(pdf, []byte("/FlateDecode")) {
		return pdf, frameRaw, nil
	}
	b, err := compress(pdf)
	return b, frameFlate, err
}

// flateWriters keeps compressors for reuse: a new one allocates about a
// megabyte of tables, more than compressing a document costs.
var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(io.Discard, flate.DefaultCompression) // cannot fail at a valid level
	return w
}}

func compress(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(b) / 2)
	w := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(w)
	w.Reset(&buf)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// blobPDF returns the PDF a blob keeps under key (the PDF's SHA-256): the
// blob itself when it hashes to key, otherwise the blob expanded, which must
// hash to key. ok is false for a blob that is neither.
func blobPDF(key, stored []byte) (pdf []byte, ok bool) {
	if sum := sha256.Sum256(stored); bytes.Equal(sum[:], key) {
		return stored, true
	}
	pdf, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(stored)), maxDocumentSize+1))
	sum := sha256.Sum256(pdf)
	return pdf, err == nil && bytes.Equal(sum[:], key)
}

// Kinds of document kept beside the main one of an evaluation revision.
const (
	DocSummary   = "dokumen"
	DocObjection = "keberatan"
)

// Document returns the record and the PDF of the signed document of a
// period, staff member and revision; found is false when none is stored.
func (s *Store) Document(periodID string, staffID uint64, revision int) (doc Document, pdf []byte, found bool, err error) {
	return s.DocumentOfKind(periodID, staffID, revision, "")
}

// DocumentOfKind is Document for one kind of document ("" the main one,
// DocSummary, DocObjection).
func (s *Store) DocumentOfKind(periodID string, staffID uint64, revision int, kind string) (doc Document, pdf []byte, found bool, err error) {
	err = s.view(func(r reader) error {
		found, err = r.get(documentBucket(periodID), documentKindKey(staffID, revision, kind), &doc)
		if err != nil || !found {
			return err
		}
		pdf, err = documentPDF(r, doc)
		return err
	})
	return doc, pdf, found, err
}

// documentPDF reads the PDF of doc — from the archive place its record
// names, else from the place the archive index gives for its hash (scans),
// else from the blob bucket of older files — and checks its hash.
func documentPDF(r reader, doc Document) ([]byte, error) {
	sum, err := hex.DecodeString(doc.PDFSHA256)
	if err != nil || len(sum) != sha256.Size {
		return nil, fmt.Errorf("dokumen %s: %w", doc.DocumentID, ErrDocumentDamaged)
	}
	if doc.Archive != "" {
		return r.arc.pdfAt(archiveLoc{Name: doc.Archive, Offset: doc.ArchiveOffset}, sum, doc.DocumentID)
	}
	raw, err := r.raw(bucketArchiveIndex, sum)
	if err != nil {
		return nil, err
	}
	if loc, ok := decodeLoc(raw); ok {
		return r.arc.pdfAt(loc, sum, doc.DocumentID)
	}
	stored, err := r.raw(bucketDocumentBlobs, sum)
	if err != nil {
		return nil, err
	}
	if stored == nil {
		return nil, fmt.Errorf("dokumen %s: PDF tidak ada: %w", doc.DocumentID, ErrDocumentDamaged)
	}
	pdf, ok := blobPDF(sum, stored)
	if !ok {
		return nil, fmt.Errorf("dokumen %s: %w", doc.DocumentID, ErrDocumentDamaged)
	}
	if len(pdf) > 0 && len(pdf) == len(stored) && &pdf[0] == &stored[0] {
		pdf = bytes.Clone(pdf) // stored is valid only inside the transaction
	}
	return pdf, nil
}

// Documents returns the records of every signed document of a period, by
// staff id and revision (without the PDFs; read one with Document).
func (s *Store) Documents(periodID string) ([]Document, error) {
	var out []Document
	err := s.view(func(r reader) error {
		return r.each(documentBucket(periodID), func(k, v []byte) error {
			var d Document
			if err := json.Unmarshal(v, &d); err != nil {
				return fmt.Errorf("membaca dokumen %s: %w", keyLabel(k), err)
			}
			out = append(out, d)
			return nil
		})
	})
	return out, err
}

// DocumentBySHA256 finds the register entry of the signed PDF whose SHA-256
// (hex) is sum: the register of signed documents of this data file. found is
// false when this file never recorded such a PDF (or recorded it and then
// replaced it by a re-signed one).
func (s *Store) DocumentBySHA256(sum string) (doc Document, found bool, err error) {
	raw, err := hex.DecodeString(sum)
	if err != nil || len(raw) != sha256.Size {
		return Document{}, false, nil
	}
	err = s.view(func(r reader) error {
		blob, err := r.raw(bucketDocumentBlobs, raw)
		if err != nil {
			return err
		}
		if blob == nil {
			if idx, err := r.raw(bucketArchiveIndex, raw); err != nil || idx == nil {
				return err
			}
		}
		top, err := bucketAt(r.tx, bucketDocuments, false)
		if err != nil || top == nil {
			return err
		}
		return top.ForEach(func(k, v []byte) error {
			if v != nil || found {
				return nil
			}
			return r.each(bucketDocuments+"/"+string(k), func(dk, dv []byte) error {
				var d Document
				if err := json.Unmarshal(dv, &d); err != nil {
					return fmt.Errorf("membaca dokumen %s: %w", keyLabel(dk), err)
				}
				if !found && d.PDFSHA256 == sum {
					doc, found = d, true
				}
				return nil
			})
		})
	})
	return doc, found, err
}
