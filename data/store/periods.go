package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"kinerja/data"
)

// bucketPeriods holds one record per evaluation period, keyed by its
// canonical id ("2026-Q3"). Ids are only read whole, never by prefix.
const bucketPeriods = "periods"

// ErrPeriodExists is returned by CreatePeriod for an id already stored.
var ErrPeriodExists = errors.New("periode sudah ada")

// Periods returns every stored period, by start date and then by end date
// (a triwulan before the year that starts on the same day).
func (s *Store) Periods() ([]data.EvaluationPeriod, error) {
	var out []data.EvaluationPeriod
	err := s.view(func(r reader) error {
		return r.each(bucketPeriods, func(k, v []byte) error {
			var p data.EvaluationPeriod
			if err := json.Unmarshal(v, &p); err != nil {
				return fmt.Errorf("membaca periode %s: %w", keyLabel(k), err)
			}
			if err := p.Check(); err != nil {
				return err
			}
			out = append(out, p)
			return nil
		})
	})
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Start.Equal(out[j].Start) {
			return out[i].Start.Before(out[j].Start)
		}
		return out[i].End.Before(out[j].End)
	})
	return out, err
}

// Period returns the stored period with id, or an error wrapping
// data.ErrNotFound.
func (s *Store) Period(id string) (data.EvaluationPeriod, error) {
	var p data.EvaluationPeriod
	err := s.view(func(r reader) (err error) {
		p, err = periodByID(r, id)
		return err
	})
	return p, err
}

func periodByID(r reader, id string) (data.EvaluationPeriod, error) {
	var p data.EvaluationPeriod
	found, err := r.get(bucketPeriods, []byte(id), &p)
	if err != nil {
		return p, err
	}
	if !found {
		return p, fmt.Errorf("periode %s: %w", id, data.ErrNotFound)
	}
	return p, p.Check()
}

// CreatePeriod stores a new period after p.Check. An id already stored is
// refused with ErrPeriodExists and the stored record stays as it is.
func (s *Store) CreatePeriod(p data.EvaluationPeriod) error {
	if err := p.Check(); err != nil {
		return err
	}
	return s.update("buat periode "+p.ID, func(c *change) error {
		raw, err := c.raw(bucketPeriods, []byte(p.ID))
		if err != nil {
			return err
		}
		if raw != nil {
			return fmt.Errorf("%s: %w", p.ID, ErrPeriodExists)
		}
		return c.put(bucketPeriods, []byte(p.ID), p)
	})
}

// UpdatePeriod applies edit to the stored period with id and stores the
// result, after Check, in one transaction. The id, kind and dates cannot be
// changed. An unknown id wraps data.ErrNotFound; an error of edit is
// returned as it is and nothing is written.
func (s *Store) UpdatePeriod(id string, edit func(*data.EvaluationPeriod) error) (data.EvaluationPeriod, error) {
	var p data.EvaluationPeriod
	err := s.update("ubah periode "+id, func(c *change) error {
		cur, err := periodByID(c.reader, id)
		if err != nil {
			return err
		}
		p = cur
		if err := edit(&p); err != nil {
			return err
		}
		p.ID, p.Kind, p.Start, p.End = cur.ID, cur.Kind, cur.Start, cur.End
		if err := p.Check(); err != nil {
			return err
		}
		return c.put(bucketPeriods, []byte(id), p)
	})
	if err != nil {
		return data.EvaluationPeriod{}, err
	}
	return p, nil
}
