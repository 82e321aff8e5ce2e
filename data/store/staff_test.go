package store

import (
	"errors"
	"testing"

	"kinerja/data"
)

func TestSaveStaffNewAndUpdate(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	st, err := s.SaveStaff(asep())
	if err != nil {
		t.Fatal(err)
	}
	if st.ID != 1 {
		t.Fatalf("first staff ID = %d", st.ID)
	}
	got, err := s.StaffByIdentifier("19680411 199303 1 009")
	if err != nil || got.ID != st.ID {
		t.Fatalf("StaffByIdentifier = %+v, %v", got, err)
	}
	st.Name = "Asep Saepudin Hidayat"
	if _, err := s.SaveStaff(st); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.StaffCount(); n != 1 {
		t.Fatalf("update made a new record: count %d", n)
	}
	if got, _ := s.StaffByID(st.ID); got.Name != "Asep Saepudin Hidayat" {
		t.Fatalf("updated name = %q", got.Name)
	}
}

func TestSaveStaffRefusals(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	held, err := s.SaveStaff(asep())
	if err != nil {
		t.Fatal(err)
	}
	noName := pns(1, "")
	unknown := pns(2, "Tidak Ada")
	unknown.ID = 99
	dup := asep()
	dup.Name = "Orang Lain"
	tests := []struct {
		name  string
		staff data.Staff
		check func(error) bool
	}{
		{"validation", noName, func(err error) bool {
			var ve *data.ValidationError
			return errors.As(err, &ve) && len(ve.Problems.Of(data.FieldName)) > 0
		}},
		{"unknown id", unknown, func(err error) bool { return errors.Is(err, data.ErrNotFound) }},
		{"duplicate NIP", dup, func(err error) bool {
			var de *DuplicateError
			return errors.Is(err, data.ErrDuplicateNIP) && errors.As(err, &de) && de.HolderID == held.ID && de.HolderName == "Drs. Asep Saepudin"
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.SaveStaff(tc.staff)
			if !tc.check(err) {
				t.Fatalf("err = %v", err)
			}
		})
	}
	if n, _ := s.StaffCount(); n != 1 {
		t.Fatalf("refused saves left %d records", n)
	}
	if entries, _ := s.Audit(); countBucket(entries, bucketStaff) != 1 {
		t.Fatalf("refused saves left audit entries: %+v", entries)
	}
}

func TestChangingNIPMovesTheIndex(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	st, err := s.SaveStaff(pns(1, "Budi"))
	if err != nil {
		t.Fatal(err)
	}
	oldNIP := st.NIP
	moved := pns(2, "Budi")
	moved.ID = st.ID
	if _, err := s.SaveStaff(moved); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StaffByIdentifier(oldNIP); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("old NIP still found: %v", err)
	}
	if got, err := s.StaffByIdentifier(moved.NIP); err != nil || got.ID != st.ID {
		t.Fatalf("new NIP = %+v, %v", got, err)
	}
	other := pns(1, "Cici")
	if _, err := s.SaveStaff(other); err != nil {
		t.Fatalf("freed NIP refused: %v", err)
	}
}

func TestAddStaffAllOrNothing(t *testing.T) {
	t.Parallel()
	bad := pns(3, "Rusak")
	bad.Sex = ""
	tests := []struct {
		name    string
		list    []data.Staff
		refused []int
	}{
		{"all valid", []data.Staff{pns(1, "A"), pns(2, "B"), pns(3, "C")}, nil},
		{"one invalid", []data.Staff{pns(1, "A"), pns(2, "B"), bad}, []int{2}},
		{"duplicate within list", []data.Staff{pns(1, "A"), pns(2, "B"), pns(1, "A lagi")}, []int{2}},
		{"duplicate of the register", []data.Staff{pns(1, "A"), asep()}, []int{1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := openTemp(t)
			if _, err := s.SaveStaff(asep()); err != nil {
				t.Fatal(err)
			}
			saved, err := s.AddStaff(tc.list)
			n, _ := s.StaffCount()
			if tc.refused == nil {
				if err != nil || len(saved) != len(tc.list) || n != 1+len(tc.list) || saved[0].ID == 0 {
					t.Fatalf("AddStaff = %d saved, count %d, %v", len(saved), n, err)
				}
				return
			}
			var le *ListError
			if !errors.As(err, &le) || len(le.Items) != len(tc.refused) {
				t.Fatalf("err = %v, want refusals at %v", err, tc.refused)
			}
			for i, it := range le.Items {
				if it.Index != tc.refused[i] {
					t.Fatalf("refused index %d, want %d", it.Index, tc.refused[i])
				}
			}
			if n != 1 {
				t.Fatalf("refused list left %d records", n)
			}
			if _, err := s.StaffByIdentifier(pns(1, "").NIP); !errors.Is(err, data.ErrNotFound) {
				t.Fatalf("refused list left an index entry: %v", err)
			}
		})
	}
}

func TestStaffByIdentifierUnknown(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	for _, id := range []string{"", "   ", "196804111993031009", "x"} {
		if _, err := s.StaffByIdentifier(id); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("StaffByIdentifier(%q) = %v", id, err)
		}
	}
	if _, err := s.StaffByID(7); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("StaffByID(7) = %v", err)
	}
}

func countBucket(entries []AuditEntry, bucket string) int {
	n := 0
	for _, e := range entries {
		if e.Bucket == bucket {
			n++
		}
	}
	return n
}
