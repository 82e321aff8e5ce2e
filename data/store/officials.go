package store

import (
	"encoding/json"
	"errors"
	"fmt"

	"kinerja/data"
)

// bucketOfficials holds the register of officials outside the office (the
// Camat's own rater, the atasan of a Kasi), one record per id. Nobody is
// deleted: an official who no longer serves is marked Inactive.
const bucketOfficials = "officials"

// ErrOfficialNIPExists refuses a second official with a NIP already
// registered.
var ErrOfficialNIPExists = errors.New("NIP pejabat ini sudah terdaftar")

// Officials returns every registered official, inactive ones included, by id.
func (s *Store) Officials() ([]data.Official, error) {
	var out []data.Official
	err := s.view(func(r reader) (err error) {
		out, err = officials(r)
		return err
	})
	return out, err
}

func officials(r reader) ([]data.Official, error) {
	var out []data.Official
	err := r.each(bucketOfficials, func(k, v []byte) error {
		var o data.Official
		if err := json.Unmarshal(v, &o); err != nil {
			return fmt.Errorf("membaca pejabat %s: %w", keyLabel(k), err)
		}
		out = append(out, o)
		return nil
	})
	return out, err
}

// SaveOfficial stores an official after Normalize and Validate: a new one
// (ID 0) gets the next id, an existing one is replaced. A NIP held by
// another official is refused (ErrOfficialNIPExists), an unknown id gives
// data.ErrNotFound, invalid fields a *data.ValidationError.
func (s *Store) SaveOfficial(o data.Official) (data.Official, error) {
	o = o.Normalize()
	if errs := o.Validate(); len(errs) > 0 {
		return o, &data.ValidationError{Problems: data.Problems{Errors: errs}}
	}
	err := s.update("simpan pejabat luar kantor", func(c *change) error {
		all, err := officials(c.reader)
		if err != nil {
			return err
		}
		known := false
		for _, x := range all {
			if x.ID == o.ID {
				known = true
			}
			if x.ID != o.ID && o.NIP != "" && x.NIP == o.NIP {
				return fmt.Errorf("%s (%s): %w", data.FormatNIP(o.NIP), x.Name, ErrOfficialNIPExists)
			}
		}
		if o.ID == 0 {
			if o.ID, err = c.nextID(bucketOfficials); err != nil {
				return err
			}
		} else if !known {
			return fmt.Errorf("pejabat %d: %w", o.ID, data.ErrNotFound)
		}
		return c.put(bucketOfficials, idKey(o.ID), o)
	})
	return o, err
}

// MaxScanSize bounds the scanned copy kept with an evaluation set outside
// the office (a few pages scanned at 200–300 dpi fit easily).
const MaxScanSize = 10 << 20

// ErrScanTooLarge and ErrScanNotPDF refuse a scanned copy.
var (
	ErrScanTooLarge = fmt.Errorf("pindaian terlalu besar; paling besar %d MB", MaxScanSize>>20)
	ErrScanNotPDF   = errors.New("pindaian harus berupa berkas PDF")
)

// CheckScan refuses a scan that is empty, larger than MaxScanSize or not a PDF.
func CheckScan(scan []byte) error {
	switch {
	case len(scan) > MaxScanSize:
		return ErrScanTooLarge
	case len(scan) < 5 || string(scan[:5]) != "%PDF-":
		return ErrScanNotPDF
	}
	return nil
}

// UpdateEvaluationWithScan runs step like UpdateEvaluation and stores scan
// (a PDF, see CheckScan) with it in the same transaction, content-addressed
// beside the signed documents; the step's result must name the scan's
// SHA-256 in FixedOutside. Nothing is written when either is refused.
func (s *Store) UpdateEvaluationWithScan(periodID string, staffID uint64, scan []byte, step EvaluationStep) (data.Evaluation, error) {
	if err := CheckScan(scan); err != nil {
		return data.Evaluation{}, err
	}
	return s.updateEvaluation("tetapkan penilaian di luar kantor "+periodID, periodID, staffID, scan, step)
}

// Scan returns the scanned copy with the SHA-256 (hex) an evaluation names,
// checked against it (ErrDocumentDamaged when it differs or is missing).
func (s *Store) Scan(sha256Hex string) ([]byte, error) {
	var out []byte
	err := s.view(func(r reader) (err error) {
		out, err = documentPDF(r, Document{DocumentID: "pindaian", PDFSHA256: sha256Hex})
		return err
	})
	return out, err
}
