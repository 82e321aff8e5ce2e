package store

import (
	"encoding/json"
	"errors"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func TestAuditRecordsChangedFieldsOnly(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	st, err := s.SaveStaff(asep())
	if err != nil {
		t.Fatal(err)
	}
	st.Name = "Asep S."
	if _, err := s.SaveStaff(st); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveStaff(st); err != nil {
		t.Fatal(err)
	}
	entries, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	if n := countBucket(entries, bucketStaff); n != 2 {
		t.Fatalf("staff audit entries = %d, want 2 (an unchanged save leaves none)", n)
	}
	last := entries[len(entries)-1]
	if last.Actor != "uji" || last.Action != "simpan pegawai" || last.Key != "1" || !last.Time.Equal(testNow) {
		t.Fatalf("last entry = %+v", last)
	}
	if len(last.Changes) != 1 || last.Changes[0].Field != "name" ||
		string(last.Changes[0].Before) != `"Asep Saepudin"` || string(last.Changes[0].After) != `"Asep S."` {
		t.Fatalf("changes = %+v", last.Changes)
	}
	if entries[0].Prev != "" || last.Prev == "" || len(last.Hash) != 64 {
		t.Fatalf("chain fields: first prev %q, last prev %q, hash %q", entries[0].Prev, last.Prev, last.Hash)
	}
}

func TestDiffFields(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		old, new string
		fields   []string
	}{
		{"new record", "", `{"a":1,"b":2}`, []string{"a", "b"}},
		{"one changed", `{"a":1,"b":2}`, `{"a":1,"b":3}`, []string{"b"}},
		{"removed and added", `{"a":1}`, `{"b":1}`, []string{"a", "b"}},
		{"not an object", `1`, `2`, []string{""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var old []byte
			if tc.old != "" {
				old = []byte(tc.old)
			}
			got, err := diffFields(old, []byte(tc.new))
			if err != nil || len(got) != len(tc.fields) {
				t.Fatalf("diffFields = %+v, %v", got, err)
			}
			for i, f := range tc.fields {
				if got[i].Field != f {
					t.Fatalf("field %d = %q, want %q", i, got[i].Field, f)
				}
			}
		})
	}
}

// tamper changes a closed file directly, as a program other than Kinerja could.
func tamper(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyAuditDetectsTampering(t *testing.T) {
	t.Parallel()
	editEntry := func(seq uint64) func(tx *bolt.Tx) error {
		return func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte(bucketAudit))
			var e AuditEntry
			if err := json.Unmarshal(b.Get(idKey(seq)), &e); err != nil {
				return err
			}
			e.Actor = "penyusup"
			raw, _ := json.Marshal(e)
			return b.Put(idKey(seq), raw)
		}
	}
	tests := []struct {
		name string
		fn   func(tx *bolt.Tx) error
	}{
		{"edited entry", editEntry(2)},
		{"edited last entry", func(tx *bolt.Tx) error {
			seq := tx.Bucket([]byte(bucketAudit)).Sequence()
			return editEntry(seq)(tx)
		}},
		{"deleted last entry", func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte(bucketAudit))
			return b.Delete(idKey(b.Sequence()))
		}},
		{"deleted middle entry", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte(bucketAudit)).Delete(idKey(3))
		}},
		{"edited record", func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte(bucketStaff))
			return b.Put(idKey(1), append(b.Get(idKey(1))[:0:0], `{"id":1,"name":"Palsu"}`...))
		}},
		{"record without audit", func(tx *bolt.Tx) error {
			return tx.Bucket([]byte(bucketStaff)).Put(idKey(9), []byte(`{"id":9}`))
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, path := openTemp(t)
			if _, err := s.SaveStaff(asep()); err != nil {
				t.Fatal(err)
			}
			if err := s.VerifyAudit(); err != nil {
				t.Fatalf("untouched file: %v", err)
			}
			s.Close()
			tamper(t, path, tc.fn)
			s = mustOpen(t, path)
			defer s.Close()
			if err := s.VerifyAudit(); !errors.Is(err, ErrAuditBroken) {
				t.Fatalf("VerifyAudit after tampering = %v", err)
			}
		})
	}
}

func TestKeyLabel(t *testing.T) {
	t.Parallel()
	tests := []struct {
		key  []byte
		want string
	}{
		{idKey(12), "12"},
		{append(idKey(12), "202611"...), "12/202611"},
		{append(idKey(3), idKey(2)...), "3/2"},
		{[]byte("office"), "office"},
		{[]byte{1, 2}, "0102"},
	}
	for _, tc := range tests {
		if got := keyLabel(tc.key); got != tc.want {
			t.Errorf("keyLabel(%v) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

// FuzzDiffFields checks that any pair of values is compared without panic,
// and that a value compared with itself shows no change.
func FuzzDiffFields(f *testing.F) {
	f.Add([]byte(`{"a":1}`), []byte(`{"a":2,"b":[1]}`))
	f.Add([]byte(`1`), []byte(`{"a":1}`))
	f.Add([]byte(nil), []byte(`"x"`))
	f.Add([]byte(`{`), []byte(`}`))
	f.Fuzz(func(t *testing.T, old, val []byte) {
		if _, err := diffFields(old, val); err != nil {
			t.Fatal(err)
		}
		var obj map[string]json.RawMessage
		if json.Unmarshal(val, &obj) == nil {
			same, err := diffFields(val, val)
			if err != nil || len(same) != 0 {
				t.Fatalf("diffFields(v, v) = %+v, %v", same, err)
			}
		}
	})
}
