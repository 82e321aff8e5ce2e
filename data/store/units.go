package store

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"kinerja/data"
)

// Units returns every unit, inactive ones included, by ID.
func (s *Store) Units() ([]data.Unit, error) {
	var out []data.Unit
	err := s.view(func(r reader) (err error) {
		out, err = units(r)
		return err
	})
	return out, err
}

func units(r reader) ([]data.Unit, error) {
	var out []data.Unit
	err := r.each(bucketUnits, func(k, v []byte) error {
		var u data.Unit
		if err := json.Unmarshal(v, &u); err != nil {
			return fmt.Errorf("membaca unit %s: %w", keyLabel(k), err)
		}
		out = append(out, u)
		return nil
	})
	return out, err
}

// SaveUnit stores a unit and returns it with its ID; ID 0 makes a new one.
// The name is required and unique (ignoring case and spacing), the kind must
// be one of data.UnitKinds (empty means data.UnitOther), and the parent must
// be another existing unit. A refused unit gives a *data.ValidationError;
// an unknown ID wraps data.ErrNotFound.
func (s *Store) SaveUnit(u data.Unit) (data.Unit, error) {
	u.Name = strings.Join(strings.Fields(u.Name), " ")
	if u.Kind == "" {
		u.Kind = data.UnitOther
	}
	err := s.update("simpan unit", func(c *change) error {
		all, err := units(c.reader)
		if err != nil {
			return err
		}
		if u.ID != 0 && !slices.ContainsFunc(all, func(o data.Unit) bool { return o.ID == u.ID }) {
			return fmt.Errorf("unit %d: %w", u.ID, data.ErrNotFound)
		}
		if p := unitProblems(u, all); !p.OK() {
			return &data.ValidationError{Problems: p}
		}
		if u.ID == 0 {
			if u.ID, err = c.nextID(bucketUnits); err != nil {
				return err
			}
		}
		return c.put(bucketUnits, idKey(u.ID), u)
	})
	if err != nil {
		return data.Unit{}, err
	}
	return u, nil
}

// unitProblems checks a unit against the other units of the office: name
// (data.FieldName), kind (data.FieldKind) and parent (data.FieldUnit).
func unitProblems(u data.Unit, all []data.Unit) data.Problems {
	var p data.Problems
	add := func(field, msg string) { p.Errors = append(p.Errors, data.FieldError{Field: field, Message: msg}) }
	if u.Name == "" {
		add(data.FieldName, "Nama unit wajib diisi.")
	}
	if msg := data.TooLong("Nama unit", u.Name, data.MaxPositionRunes); msg != "" {
		add(data.FieldName, msg)
	}
	for _, o := range all {
		if o.ID != u.ID && u.Name != "" && strings.EqualFold(o.Name, u.Name) {
			add(data.FieldName, fmt.Sprintf("Nama unit %q sudah dipakai.", data.Shorten(u.Name)))
		}
	}
	if !slices.Contains(data.UnitKinds, u.Kind) {
		add(data.FieldKind, fmt.Sprintf("Jenis unit %q tidak dikenal.", u.Kind))
	}
	if msg := parentProblem(u, all); msg != "" {
		add(data.FieldUnit, msg)
	}
	return p
}

// parentProblem says what is wrong with u's parent: missing, or u itself
// somewhere above it.
func parentProblem(u data.Unit, all []data.Unit) string {
	byID := make(map[uint64]data.Unit, len(all))
	for _, o := range all {
		byID[o.ID] = o
	}
	for id, steps := u.ParentID, 0; id != 0; steps++ {
		if id == u.ID && u.ID != 0 || steps > len(all) {
			return "Unit tidak boleh menjadi induk dari dirinya sendiri."
		}
		p, ok := byID[id]
		if !ok {
			return "Unit induk tidak ada."
		}
		id = p.ParentID
	}
	return ""
}
