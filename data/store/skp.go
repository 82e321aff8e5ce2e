package store

import (
	"encoding/json"
	"fmt"

	"kinerja/data"
)

// bucketSKP holds every SKP under its own id; a template (StaffID 0) lives
// there too, one per position as the service keeps it.
const bucketSKP = "skp"

// SKPs returns every SKP, templates included, by id.
func (s *Store) SKPs() ([]data.SKP, error) {
	var out []data.SKP
	err := s.view(func(r reader) error {
		return r.each(bucketSKP, func(k, v []byte) error {
			var one data.SKP
			if err := json.Unmarshal(v, &one); err != nil {
				return fmt.Errorf("membaca SKP %s: %w", keyLabel(k), err)
			}
			out = append(out, one)
			return nil
		})
	})
	return out, err
}

// SKPsOfStaff returns the SKPs of one staff member by id; staffID 0 returns
// the templates.
func (s *Store) SKPsOfStaff(staffID uint64) ([]data.SKP, error) {
	all, err := s.SKPs()
	if err != nil {
		return nil, err
	}
	var out []data.SKP
	for _, k := range all {
		if k.StaffID == staffID {
			out = append(out, k)
		}
	}
	return out, nil
}

// SKP returns the SKP with id, or an error wrapping data.ErrNotFound.
func (s *Store) SKP(id uint64) (data.SKP, error) {
	var k data.SKP
	err := s.view(func(r reader) error {
		found, err := r.get(bucketSKP, idKey(id), &k)
		if err == nil && !found {
			err = fmt.Errorf("SKP %d: %w", id, data.ErrNotFound)
		}
		return err
	})
	return k, err
}

// SaveSKP stores an SKP and returns it with its id; id 0 makes a new one.
// Refusals: a *data.ValidationError with the errors of data.ValidateSKP
// (warnings do not block), an unknown id or staff member wrapping
// data.ErrNotFound.
func (s *Store) SaveSKP(k data.SKP) (data.SKP, error) {
	if p := data.ValidateSKP(k); !p.OK() {
		return data.SKP{}, &data.ValidationError{Problems: p}
	}
	err := s.update("simpan SKP", func(c *change) error {
		if k.StaffID != 0 {
			if _, err := staffByID(c.reader, k.StaffID); err != nil {
				return err
			}
		}
		if k.ID == 0 {
			id, err := c.nextID(bucketSKP)
			if err != nil {
				return err
			}
			k.ID = id
		} else if raw, err := c.raw(bucketSKP, idKey(k.ID)); err != nil {
			return err
		} else if raw == nil {
			return fmt.Errorf("SKP %d: %w", k.ID, data.ErrNotFound)
		}
		return c.put(bucketSKP, idKey(k.ID), k)
	})
	if err != nil {
		return data.SKP{}, err
	}
	return k, nil
}

// SaveSKPs stores many new SKPs (ids 0) in one transaction, with the checks
// of SaveSKP, and returns them with their ids; if one is refused nothing is
// saved and the error names its place in the list.
func (s *Store) SaveSKPs(list []data.SKP) ([]data.SKP, error) {
	out := make([]data.SKP, len(list))
	err := s.update("simpan SKP", func(c *change) error {
		for i, k := range list {
			if p := data.ValidateSKP(k); !p.OK() {
				return fmt.Errorf("SKP ke-%d: %w", i+1, &data.ValidationError{Problems: p})
			}
			if k.ID != 0 {
				return fmt.Errorf("SKP ke-%d sudah bernomor %d; simpan perubahan dengan SaveSKP", i+1, k.ID)
			}
			if k.StaffID != 0 {
				if _, err := staffByID(c.reader, k.StaffID); err != nil {
					return fmt.Errorf("SKP ke-%d: %w", i+1, err)
				}
			}
			id, err := c.nextID(bucketSKP)
			if err != nil {
				return err
			}
			k.ID = id
			if err := c.put(bucketSKP, idKey(k.ID), k); err != nil {
				return err
			}
			out[i] = k
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
