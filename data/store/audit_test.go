package store

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"testing"

	"kinerja/data"

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
			raw := bytes.Clone(b.Get(idKey(seq)))
			i := bytes.Index(raw, []byte("uji"))
			if i < 0 {
				return errors.New("entry without the actor")
			}
			copy(raw[i:], "ujo") // the actor, changed in place
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

// TestAuditOlderJSONEntries: a file whose first entries were written as JSON
// objects (the form before the compact one) still verifies and passes Check
// with compact entries appended after them, and both forms read back alike.
func TestAuditOlderJSONEntries(t *testing.T) {
	s, path := openTemp(t)
	st, err := s.SaveStaff(asep())
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Rewrite every entry so far as the older JSON form, re-chaining them.
	tamper(t, path, func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketAudit))
		prev := ""
		for seq := uint64(1); seq <= b.Sequence(); seq++ {
			e, err := decodeAudit(b.Get(idKey(seq)))
			if err != nil {
				return err
			}
			e.Prev = prev
			raw, err := json.Marshal(e)
			if err != nil {
				return err
			}
			if err := b.Put(idKey(seq), raw); err != nil {
				return err
			}
			prev = hashHex(raw)
		}
		return tx.Bucket([]byte(bucketMeta)).Put([]byte(metaAuditHead), []byte(prev))
	})
	s = mustOpen(t, path)
	defer s.Close()
	st.Name = "Asep S."
	if _, err := s.SaveStaff(st); err != nil {
		t.Fatal(err)
	}
	if err := s.VerifyAudit(); err != nil {
		t.Fatalf("mixed forms: %v", err)
	}
	if rep := checkFile(t, s); len(rep) != 0 {
		t.Fatalf("Check of mixed forms: %+v", rep)
	}
	entries, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	first, last := entries[0], entries[len(entries)-1]
	if first.Prev != "" || last.Prev == "" || len(first.Hash) != 64 || len(last.Hash) != 64 || last.Key != "1" ||
		len(last.Changes) != 1 || last.Changes[0].Field != "name" {
		t.Fatalf("first %+v\nlast %+v", first, last)
	}
}

// TestAuditEntryCompact: a new record's entry holds its hash, not the record;
// a one-field change stays under 200 bytes; an entry round-trips.
func TestAuditEntryCompact(t *testing.T) {
	s, _ := openTemp(t)
	st, err := s.SaveStaff(asep())
	if err != nil {
		t.Fatal(err)
	}
	st.Name = "Asep S."
	if _, err := s.SaveStaff(st); err != nil {
		t.Fatal(err)
	}
	entries, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	created := entries[len(entries)-2]
	if created.Bucket != bucketStaff || len(created.Changes) != 0 || len(created.Hash) != 64 {
		t.Fatalf("entry of a new record = %+v", created)
	}
	var n int
	if err := s.viewTx(func(tx *bolt.Tx) error {
		_, v := tx.Bucket([]byte(bucketAudit)).Cursor().Last()
		n = len(v)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n > 200 {
		t.Fatalf("one-field entry is %d bytes", n)
	}
}

// FuzzDecodeAudit checks that any stored bytes decode without panic, and
// that a compact entry decodes to what was encoded.
func FuzzDecodeAudit(f *testing.F) {
	f.Add(encodeAudit(auditRecord{seq: 3, time: testNow, actor: "uji", action: "simpan", bucket: "staff",
		key: idKey(1), changes: []FieldChange{{Field: "name", Before: []byte(`"a"`)}}, prev: make([]byte, 32)}))
	f.Add(encodeAudit(auditRecord{seq: 4, time: testNow, actor: "uji", action: "simpan kehadiran", bucket: bucketAttendance,
		key: idKey(1), changes: []FieldChange{{Field: "days.5", Before: dayChange(5, data.DayEntry{Code: data.CodeH, In: "07:20"}),
			After: dayChange(5, data.DayEntry{Code: data.CodeS, Note: "demam"})}}, prev: make([]byte, 32)}))
	f.Add([]byte(`{"seq":1}`))
	f.Add([]byte{auditCompact, 0xff})
	f.Fuzz(func(t *testing.T, v []byte) {
		e, err := decodeAudit(v)
		if err != nil || len(v) == 0 || v[0] != auditCompact {
			return
		}
		var hash [32]byte
		h, _ := hex.DecodeString(e.Hash)
		copy(hash[:], h)
		prev, _ := hex.DecodeString(e.Prev)
		again := encodeAudit(auditRecord{seq: e.Seq, time: e.Time, actor: e.Actor, action: e.Action, bucket: e.Bucket,
			key: e.RawKey, changes: e.Changes, hash: hash, prev: prev})
		back, err := decodeAudit(again)
		if err != nil || back.Seq != e.Seq || back.Key != e.Key || back.Hash != e.Hash || back.Prev != e.Prev || len(back.Changes) != len(e.Changes) {
			t.Fatalf("round trip: %+v, %v; want %+v", back, err, e)
		}
	})
}
