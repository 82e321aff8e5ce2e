package store

import (
	"encoding/json"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"kinerja/data"
)

// AllStaff returns every staff member, those who left included, by ID.
func (s *Store) AllStaff() ([]data.Staff, error) {
	// The records are copied out in one read and decoded on every
	// processor: decoding JSON is most of the time of reading a register of
	// thousands. (They are copied because only the reading goroutine is
	// guarded against a damaged file, see safely.)
	var keys, raws [][]byte
	var copies arena
	err := s.view(func(r reader) error {
		return r.each(bucketStaff, func(k, v []byte) error {
			keys, raws = append(keys, copies.keep(k)), append(raws, copies.keep(v))
			return nil
		})
	})
	if err != nil || len(raws) == 0 {
		return nil, err
	}
	out := make([]data.Staff, len(raws))
	errs := make([]error, len(raws))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(raws)/64))
	decode := func(w int) {
		for i := w; i < len(raws); i += workers {
			if err := json.Unmarshal(raws[i], &out[i]); err != nil {
				errs[i] = fmt.Errorf("membaca pegawai %s: %w", keyLabel(keys[i]), err)
			}
		}
	}
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			decode(w)
		}()
	}
	decode(0)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// arena keeps copies of many small byte strings in a few large blocks.
type arena struct{ block []byte }

// keep returns a copy of b.
func (a *arena) keep(b []byte) []byte {
	if cap(a.block)-len(a.block) < len(b) {
		a.block = make([]byte, 0, max(16<<10, len(b)))
	}
	a.block = append(a.block, b...)
	return a.block[len(a.block)-len(b) : len(a.block) : len(a.block)]
}

// StaffByID returns the staff member with id, or an error wrapping data.ErrNotFound.
func (s *Store) StaffByID(id uint64) (data.Staff, error) {
	var st data.Staff
	err := s.view(func(r reader) (err error) {
		st, err = staffByID(r, id)
		return err
	})
	return st, err
}

// StaffByIdentifier returns the staff member holding a NIP or NIK (spaces,
// dots and dashes ignored), or an error wrapping data.ErrNotFound.
func (s *Store) StaffByIdentifier(nipOrNIK string) (data.Staff, error) {
	var st data.Staff
	err := s.view(func(r reader) error {
		key := indexKey(nipOrNIK)
		id, ok, err := r.lookup(bucketStaffNIP, key)
		if err != nil {
			return err
		}
		if !ok || key == "" {
			return fmt.Errorf("NIP/NIK %q: %w", nipOrNIK, data.ErrNotFound)
		}
		st, err = staffByID(r, id)
		return err
	})
	return st, err
}

// StaffCount returns the number of staff records, those who left included.
func (s *Store) StaffCount() (int, error) {
	n := 0
	err := s.view(func(r reader) error {
		return r.each(bucketStaff, func(_, _ []byte) error {
			n++
			return nil
		})
	})
	return n, err
}

// SaveStaff validates and stores one staff member and returns it with its
// ID; ID 0 makes a new one. Refusals: a *data.ValidationError (errors of
// data.ValidateStaff; warnings do not block), a *DuplicateError wrapping
// data.ErrDuplicateNIP when the NIP or NIK belongs to someone else, an
// unknown ID wrapping data.ErrNotFound. The NIP/NIK index changes in the same
// transaction; nothing is saved on refusal.
func (s *Store) SaveStaff(st data.Staff) (data.Staff, error) {
	err := s.update("simpan pegawai", func(c *change) error {
		all, err := units(c.reader)
		if err != nil {
			return err
		}
		st, err = saveStaff(c, st, all)
		return err
	})
	if err != nil {
		return data.Staff{}, err
	}
	return st, nil
}

// AddStaff saves a whole list (an import) in one transaction: every entry
// gets the checks of SaveStaff, a NIP or NIK repeated within the list is a
// duplicate too, and if any entry is refused nothing is saved and the error
// is a *ListError naming every refused entry.
func (s *Store) AddStaff(list []data.Staff) ([]data.Staff, error) {
	saved := make([]data.Staff, len(list))
	err := s.update("impor pegawai", func(c *change) error {
		all, err := units(c.reader)
		if err != nil {
			return err
		}
		var refused ListError
		seen := map[string]int{} // identifier → index of its first entry
		for i, st := range list {
			err := inListDuplicate(list, seen, i)
			if err == nil {
				saved[i], err = saveStaff(c, st, all)
			}
			if err != nil {
				refused.Items = append(refused.Items, &ItemError{Index: i, Err: err})
			}
		}
		if len(refused.Items) > 0 {
			return &refused
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return saved, nil
}

// inListDuplicate reports an identifier of list[i] that an earlier entry of
// the list already holds, and records list[i]'s identifiers in seen.
func inListDuplicate(list []data.Staff, seen map[string]int, i int) error {
	for _, key := range identifierKeys(list[i]) {
		if first, ok := seen[key]; ok {
			name := fmt.Sprintf("%s, pegawai ke-%d dalam daftar yang sama", list[first].DisplayName(), first+1)
			return &DuplicateError{Identifier: key, HolderName: name}
		}
	}
	for _, key := range identifierKeys(list[i]) {
		seen[key] = i
	}
	return nil
}

// saveStaff checks and writes one staff member inside c.
func saveStaff(c *change, st data.Staff, units []data.Unit) (data.Staff, error) {
	if p := data.ValidateStaff(st, units, data.DateOf(c.now)); !p.OK() {
		return data.Staff{}, &data.ValidationError{Problems: p}
	}
	var old data.Staff
	if st.ID != 0 {
		var err error
		if old, err = staffByID(c.reader, st.ID); err != nil {
			return data.Staff{}, err
		}
	}
	newKeys := identifierKeys(st)
	for _, key := range newKeys {
		id, ok, err := c.lookup(bucketStaffNIP, key)
		if err != nil {
			return data.Staff{}, err
		}
		if ok && id != st.ID {
			holder, err := staffByID(c.reader, id)
			if err != nil {
				return data.Staff{}, err
			}
			return data.Staff{}, &DuplicateError{Identifier: key, HolderID: id, HolderName: holder.DisplayName()}
		}
	}
	if st.ID == 0 {
		var err error
		if st.ID, err = c.nextID(bucketStaff); err != nil {
			return data.Staff{}, err
		}
	}
	for _, key := range identifierKeys(old) {
		if !slices.Contains(newKeys, key) {
			if err := c.dropIndex(bucketStaffNIP, key); err != nil {
				return data.Staff{}, err
			}
		}
	}
	for _, key := range newKeys {
		if err := c.setIndex(bucketStaffNIP, key, st.ID); err != nil {
			return data.Staff{}, err
		}
	}
	if err := c.put(bucketStaff, idKey(st.ID), st); err != nil {
		return data.Staff{}, err
	}
	return st, nil
}

func staffByID(r reader, id uint64) (data.Staff, error) {
	var st data.Staff
	found, err := r.get(bucketStaff, idKey(id), &st)
	if err != nil {
		return data.Staff{}, err
	}
	if !found {
		return data.Staff{}, fmt.Errorf("pegawai %d: %w", id, data.ErrNotFound)
	}
	return st, nil
}

// identifierKeys returns the index keys of a staff member: NIP and NIK, as
// far as they are filled in.
func identifierKeys(st data.Staff) []string {
	var keys []string
	for _, v := range []string{st.NIP, st.NIK} {
		if k := indexKey(v); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// indexKey is a NIP or NIK as the index holds it: without the spaces, dots
// and dashes people type inside it.
func indexKey(v string) string { return data.NormalizeNIP(strings.TrimSpace(v)) }
