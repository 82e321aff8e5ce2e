package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"

	"kinerja/data"
)

// Evaluations live in one nested bucket per period, so that period ids, of
// which one may be a byte prefix of another ("2026" and "2026-Q3"), never mix:
//
//	evaluations/<period>           staff id → current version
//	evaluation_revisions/<period>  staff id + revision (4 bytes) → earlier version, kept forever
const (
	bucketEvaluations = "evaluations"
	bucketRevisions   = "evaluation_revisions"
)

func evaluationBucket(periodID string) string { return bucketEvaluations + "/" + periodID }
func revisionBucket(periodID string) string   { return bucketRevisions + "/" + periodID }

// revisionKey is the staff id key followed by the revision as 4 bytes big
// endian, so one person's revisions are adjacent and in order. Kept
// revisions and signed documents are both keyed by it.
func revisionKey(staffID uint64, revision int) []byte {
	return binary.BigEndian.AppendUint32(idKey(staffID), uint32(revision))
}

// ErrRevisionExists is returned when a revision that is already kept would be
// written with different content: kept revisions never change.
var ErrRevisionExists = errors.New("revisi penilaian ini sudah tersimpan dan tidak dapat diubah")

// decodeEvaluation reads a stored evaluation and verifies it with Check, so a
// predikat that does not follow its ratings is never shown.
func decodeEvaluation(k, v []byte) (data.Evaluation, error) {
	var e data.Evaluation
	if err := json.Unmarshal(v, &e); err != nil {
		return e, fmt.Errorf("membaca penilaian %s: %w", keyLabel(k), err)
	}
	return e, e.Check()
}

// Evaluation returns the current version of one staff member's evaluation for
// a period; found is false when none is stored.
func (s *Store) Evaluation(periodID string, staffID uint64) (e data.Evaluation, found bool, err error) {
	err = s.view(func(r reader) error {
		e, found, err = evaluationIn(r, periodID, staffID)
		return err
	})
	return e, found, err
}

func evaluationIn(r reader, periodID string, staffID uint64) (data.Evaluation, bool, error) {
	raw, err := r.raw(evaluationBucket(periodID), idKey(staffID))
	if err != nil || raw == nil {
		return data.Evaluation{}, false, err
	}
	e, err := decodeEvaluation(idKey(staffID), raw)
	return e, err == nil, err
}

// Evaluations returns the current version of every stored evaluation of a
// period, by staff id.
func (s *Store) Evaluations(periodID string) ([]data.Evaluation, error) {
	var out []data.Evaluation
	err := s.view(func(r reader) error {
		return r.each(evaluationBucket(periodID), func(k, v []byte) error {
			e, err := decodeEvaluation(k, v)
			out = append(out, e)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Revisions returns the kept earlier versions of one staff member's
// evaluation for a period, oldest first.
func (s *Store) Revisions(periodID string, staffID uint64) ([]data.Evaluation, error) {
	var out []data.Evaluation
	prefix := idKey(staffID)
	err := s.view(func(r reader) error {
		return r.each(revisionBucket(periodID), func(k, v []byte) error {
			if len(k) != len(prefix)+4 || string(k[:len(prefix)]) != string(prefix) {
				return nil
			}
			e, err := decodeEvaluation(k, v)
			out = append(out, e)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EvaluationStep computes the next version of an evaluation from the current
// one (found is false when none is stored yet). It returns the version to
// store and, when reopening, the earlier version to keep as a revision (nil
// otherwise). An error stops the update and nothing is written.
type EvaluationStep func(cur data.Evaluation, found bool) (next data.Evaluation, revision *data.Evaluation, err error)

// UpdateEvaluation runs step on the current evaluation of a staff member for
// a period and writes its result in the same transaction, so two writers
// never lose each other's change. The store decides no workflow rule (those
// are the step's, from package data); it only refuses what would corrupt the
// file: an unknown period or staff member (data.ErrNotFound), a result for
// another period or person, a result that fails Check after Normalize (the
// predikat is always recomputed here, never taken from the step), and a kept
// revision that would change (ErrRevisionExists).
func (s *Store) UpdateEvaluation(periodID string, staffID uint64, step EvaluationStep) (data.Evaluation, error) {
	return s.updateEvaluation("ubah penilaian "+periodID, periodID, staffID, nil, step)
}

// updateEvaluation is UpdateEvaluation and, with a scan, UpdateEvaluationWithScan.
func (s *Store) updateEvaluation(action, periodID string, staffID uint64, scan []byte, step EvaluationStep) (data.Evaluation, error) {
	var out data.Evaluation
	err := s.update(action, func(c *change) error {
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
		if scan != nil {
			sum, _, _, err := putBlob(c, scan, "pindaian "+periodID)
			if err != nil {
				return err
			}
			if next.FixedOutside == nil || next.FixedOutside.ScanSHA256 != sum {
				return errors.New("penetapan di luar kantor tidak menyebut pindaian yang dilampirkan")
			}
		}
		if revision != nil {
			if err := putRevision(c, periodID, staffID, *revision); err != nil {
				return err
			}
		}
		out, err = putEvaluation(c, periodID, staffID, next)
		return err
	})
	if err != nil {
		return data.Evaluation{}, err
	}
	return out, nil
}

// SaveEvaluations writes many evaluations and kept revisions in one
// transaction (the demo, a restore): every entry gets the checks of
// UpdateEvaluation, and if one is refused nothing is written.
func (s *Store) SaveEvaluations(current, revisions []data.Evaluation) error {
	return s.update("simpan penilaian", func(c *change) error {
		for _, e := range revisions {
			if err := evaluationTarget(c.reader, e.PeriodID, e.StaffID); err != nil {
				return err
			}
			if err := putRevision(c, e.PeriodID, e.StaffID, e); err != nil {
				return err
			}
		}
		for _, e := range current {
			if err := evaluationTarget(c.reader, e.PeriodID, e.StaffID); err != nil {
				return err
			}
			if _, err := putEvaluation(c, e.PeriodID, e.StaffID, e); err != nil {
				return err
			}
		}
		return nil
	})
}

// evaluationTarget checks that the period and the staff member exist.
func evaluationTarget(r reader, periodID string, staffID uint64) error {
	if _, err := periodByID(r, periodID); err != nil {
		return err
	}
	_, err := staffByID(r, staffID)
	return err
}

func checkOwner(periodID string, staffID uint64, e data.Evaluation) error {
	if e.PeriodID != periodID || e.StaffID != staffID {
		return fmt.Errorf("penilaian untuk periode %s pegawai %d tidak boleh disimpan sebagai periode %s pegawai %d", e.PeriodID, e.StaffID, periodID, staffID)
	}
	return nil
}

func putEvaluation(c *change, periodID string, staffID uint64, e data.Evaluation) (data.Evaluation, error) {
	if err := checkOwner(periodID, staffID, e); err != nil {
		return e, err
	}
	e = e.Normalize()
	if err := e.Check(); err != nil {
		return e, err
	}
	return e, c.put(evaluationBucket(periodID), idKey(staffID), e)
}

func putRevision(c *change, periodID string, staffID uint64, e data.Evaluation) error {
	if err := checkOwner(periodID, staffID, e); err != nil {
		return err
	}
	e = e.Normalize()
	if err := e.Check(); err != nil {
		return err
	}
	key := revisionKey(staffID, e.Revision)
	old, err := c.raw(revisionBucket(periodID), key)
	if err != nil {
		return err
	}
	if old != nil {
		want, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if string(want) != string(old) {
			return fmt.Errorf("penilaian %s pegawai %d revisi %d: %w", periodID, staffID, e.Revision, ErrRevisionExists)
		}
	}
	return c.put(revisionBucket(periodID), key, e)
}
