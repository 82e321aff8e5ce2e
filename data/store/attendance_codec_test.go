package store

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"kinerja/data"

	bolt "go.etcd.io/bbolt"
)

// sampleMonth has every field of a day entry, odd times and text that JSON escapes.
func sampleMonth() data.AttendanceMonth {
	m := data.NewAttendanceMonth(12, 2026, time.November)
	m.Days[2] = data.DayEntry{Code: data.CodeTL, In: "07:45", Out: "16:00", LateMinutes: 15, Source: data.SourceMachine}
	m.Days[3] = data.DayEntry{Code: data.CodeCT, Letter: "850/12/Kec", GrantedBy: "Camat Sukamaju", Note: "Keperluan keluarga — Garut", Source: data.SourceHand, EnteredBy: "admin"}
	m.Days[4] = data.DayEntry{Code: data.CodeH, Punch: "12:01", Source: data.SourceMachine, Confirmed: true, EnteredBy: "admin"}
	m.Days[5] = data.DayEntry{Code: "h", In: "7.30", Out: " 16:00", Source: data.SourceHand}
	m.Days[6] = data.DayEntry{Code: data.CodePSW, EarlyMinutes: -3, LateMinutes: 1 << 30}
	m.Days[30] = data.DayEntry{Code: data.CodePSW, Out: "15:00", EarlyMinutes: 60, Note: `"kutip" & <b>`, Source: data.SourceHand}
	m.Days[31] = data.DayEntry{}
	return m
}

// TestCompactMonthRoundTrip: a month encoded compactly decodes to itself,
// and reads the same as its JSON form.
func TestCompactMonthRoundTrip(t *testing.T) {
	t.Parallel()
	k := MonthKey{12, YearMonth{2026, time.November}}
	for _, m := range []data.AttendanceMonth{sampleMonth(), data.NewAttendanceMonth(12, 2026, time.November),
		{StaffID: 12, Year: 2026, Month: time.November}} {
		raw := encodeMonth(m)
		if raw[0] != monthCompact {
			t.Fatalf("first byte %#x", raw[0])
		}
		got, err := decodeMonth(raw, k)
		if err != nil {
			t.Fatal(err)
		}
		want := m
		if want.Days == nil {
			want.Days = map[int]data.DayEntry{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round trip:\n got %+v\nwant %+v", got, want)
		}
		js, _ := json.Marshal(m)
		fromJSON, err := decodeMonth(js, k)
		if err != nil || !reflect.DeepEqual(fromJSON, got) {
			t.Fatalf("JSON form reads %+v, %v", fromJSON, err)
		}
		if !bytes.Equal(encodeMonth(got), raw) {
			t.Fatal("encoding is not stable")
		}
	}
	if raw, js := encodeMonth(sampleMonth()), sampleMonthJSON(t); len(raw)*2 > len(js) {
		t.Fatalf("compact form %d bytes, JSON %d", len(raw), len(js))
	}
}

// TestCompactMonthRefusesDamage: every truncation and a few changed bytes
// are refused, never read as another month.
func TestCompactMonthRefusesDamage(t *testing.T) {
	t.Parallel()
	raw := encodeMonth(sampleMonth())
	for n := 0; n < len(raw); n++ {
		if _, err := decodeCompactMonth(raw[:n]); err == nil {
			t.Fatalf("truncated to %d bytes: accepted", n)
		}
	}
	for _, tc := range []struct {
		name string
		b    []byte
	}{
		{"trailing", append(bytes.Clone(raw), 0)},
		{"day 0", []byte{monthCompact, 0, 1, 0, 0}},
		{"day 32", []byte{monthCompact, 0, 1, 32, 0}},
		{"days out of order", []byte{monthCompact, 0, 2, 5, 0, 4, 0}},
		{"unknown field", []byte{monthCompact, 0, 1, 5, 0x80, 0x40}},
		{"string index", []byte{monthCompact, 0, 1, 5, dayCode, 0}},
		{"minute past midnight", []byte{monthCompact, 0, 1, 5, dayIn, 0xc0, 0x16}},
		{"huge count", []byte{monthCompact, 0xff, 0xff, 0xff, 0xff, 0x0f}},
	} {
		if _, err := decodeCompactMonth(tc.b); err == nil {
			t.Errorf("%s: accepted", tc.name)
		}
	}
}

// FuzzDecodeCompactMonth: the decoder never panics, and what it accepts
// encodes back to the same bytes (one month has one compact form).
func FuzzDecodeCompactMonth(f *testing.F) {
	f.Add(encodeMonth(sampleMonth()))
	f.Add(encodeMonth(data.NewAttendanceMonth(1, 2026, time.January)))
	f.Add([]byte{monthCompact, 1, 1, 'H', 1, 5, dayCode | dayIn, 0, 0x98, 0x07})
	f.Fuzz(func(t *testing.T, b []byte) {
		days, err := decodeCompactMonth(b)
		if err != nil {
			return
		}
		again, err := decodeCompactMonth(encodeMonth(data.AttendanceMonth{Days: days}))
		if err != nil || !reflect.DeepEqual(again, days) {
			t.Fatalf("re-encoded month reads %+v, %v; first %+v", again, err, days)
		}
		// The list form, into a list holding another month, says the same.
		stale := []data.EnteredDay{{Day: 1, Entry: data.DayEntry{Code: "X", Note: "lama"}}, {Day: 2}}
		list, err := decodeCompactDays(b, stale)
		if err != nil || !reflect.DeepEqual(list, (data.AttendanceMonth{Days: days}).DayList().Days) {
			t.Fatalf("list form %+v, %v; map form %+v", list, err, days)
		}
	})
}

// TestOldJSONMonthStillReadsAndChecks: a month stored as JSON by an older
// version is read, passes Check, and the first save writes the compact form
// with an audit entry naming only the changed day; Check stays clean.
func TestOldJSONMonthStillReadsAndChecks(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	staff := savedStaff(t, s, 1)
	m := data.NewAttendanceMonth(staff[0].ID, 2026, time.November)
	for day := 2; day <= 27; day++ {
		m.Days[day] = data.DayEntry{Code: data.CodeH, In: "07:20", Out: "16:05", Source: data.SourceMachine}
	}
	key := attendanceKey(KeyOf(m))
	if err := s.update("kehadiran lama", func(c *change) error { return c.put(bucketAttendance, key, m) }); err != nil {
		t.Fatal(err)
	}
	stored := func() []byte {
		var raw []byte
		if err := s.view(func(r reader) error {
			v, err := r.raw(bucketAttendance, key)
			raw = bytes.Clone(v)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return raw
	}
	if raw := stored(); raw[0] != '{' {
		t.Fatalf("fixture not JSON: %q", raw)
	}
	clean := func(when string) {
		rep, err := s.Check(context.Background(), CheckOptions{})
		if err != nil || !rep.Clean() {
			t.Fatalf("%s: Check = %v, %v", when, rep.Problems, err)
		}
		if err := s.VerifyAudit(); err != nil {
			t.Fatalf("%s: %v", when, err)
		}
	}
	clean("JSON record")
	got, err := s.AttendanceMonth(m.StaffID, 2026, time.November)
	if err != nil || !reflect.DeepEqual(got, m) {
		t.Fatalf("JSON record reads %+v, %v", got, err)
	}
	m.Days[5] = data.DayEntry{Code: data.CodeS, Note: "demam", Source: data.SourceHand}
	if err := s.SaveAttendance([]data.AttendanceMonth{m}); err != nil {
		t.Fatal(err)
	}
	if raw := stored(); raw[0] != monthCompact {
		t.Fatalf("saved month not compact: %q", raw)
	}
	entries, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	last := entries[len(entries)-1]
	if len(last.Changes) != 1 || last.Changes[0].Field != "days.5" ||
		string(last.Changes[0].Before) != `{"code":"H","in":"07:20","out":"16:05","source":"machine"}` ||
		string(last.Changes[0].After) != `{"code":"S","note":"demam","source":"hand"}` {
		t.Fatalf("changes = %+v", last.Changes)
	}
	clean("compact record")
	all, err := s.AttendanceMonths(2026, time.November)
	if err != nil || !reflect.DeepEqual(all[m.StaffID], m) {
		t.Fatalf("AttendanceMonths = %+v, %v", all[m.StaffID], err)
	}
	// A compact record changed outside Kinerja is named by Check.
	if err := s.updateTx(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucketAttendance)).Put(key, []byte{monthCompact, 0, 1, 40, 0})
	}); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Check(context.Background(), CheckOptions{})
	if err != nil || len(rep.Problems) != 2 {
		t.Fatalf("damaged record: %v, %v", rep.Problems, err)
	}
}

// TestAuditDayCompact: the audit entry of a changed day stores the day
// before and after in the compact form, well under its JSON, and reads back
// as the day entries' JSON, exactly as an entry of the previous version
// (the days as JSON) of the same change reads; both verify and pass Check.
func TestAuditDayCompact(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	staff := savedStaff(t, s, 2)
	before := data.DayEntry{Code: data.CodeH, In: "07:20", Out: "16:05", Source: data.SourceMachine}
	after := data.DayEntry{Code: data.CodeCT, Letter: "850/3", GrantedBy: "Camat", Note: `<b>"ke" & Garut</b>`, Source: data.SourceHand, EnteredBy: "admin"}
	var months []data.AttendanceMonth
	for _, p := range staff {
		m := data.NewAttendanceMonth(p.ID, 2026, time.October)
		for day := 1; day <= 31; day++ {
			m.Days[day] = before
		}
		months = append(months, m)
	}
	if err := s.SaveAttendance(months); err != nil {
		t.Fatal(err)
	}
	// The previous version's entry: the same diff with the days as JSON.
	jsonDays := func(old, val []byte) ([]FieldChange, error) {
		changes, err := dayChanges(old, val)
		for i, c := range changes {
			for _, side := range []*json.RawMessage{&changes[i].Before, &changes[i].After} {
				if len(*side) > 0 {
					days, err := decodeCompactDays(*side, nil)
					if err != nil || len(days) != 1 {
						t.Fatalf("%s: %v", c.Field, err)
					}
					*side, _ = json.Marshal(days[0].Entry)
				}
			}
		}
		return changes, err
	}
	months[0].Days[12], months[1].Days[12] = after, after
	delete(months[0].Days, 13)
	delete(months[1].Days, 13)
	if err := s.update("simpan kehadiran", func(c *change) error {
		return c.putRaw(bucketAttendance, attendanceKey(KeyOf(months[0])), encodeMonth(months[0]), jsonDays)
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveAttendance(months[1:]); err != nil {
		t.Fatal(err)
	}
	entries, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	oldEntry, newEntry := entries[len(entries)-2], entries[len(entries)-1]
	want := []FieldChange{
		{Field: "days.12", Before: mustJSON(t, before), After: mustJSON(t, after)},
		{Field: "days.13", Before: mustJSON(t, before)},
	}
	for name, e := range map[string]AuditEntry{"JSON days": oldEntry, "compact days": newEntry} {
		if !reflect.DeepEqual(e.Changes, want) {
			t.Errorf("%s: changes %s, want %s", name, changesText(e.Changes), changesText(want))
		}
	}
	var oldSize, newSize int
	if err := s.viewTx(func(tx *bolt.Tx) error {
		ab := tx.Bucket([]byte(bucketAudit))
		oldSize, newSize = len(ab.Get(idKey(oldEntry.Seq))), len(ab.Get(idKey(newEntry.Seq)))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if newSize >= oldSize-100 {
		t.Errorf("compact entry %d B, JSON one %d B", newSize, oldSize)
	}
	if err := s.VerifyAudit(); err != nil {
		t.Fatal(err)
	}
	if rep, err := s.Check(context.Background(), CheckOptions{}); err != nil || !rep.Clean() {
		t.Fatalf("Check = %v, %v", rep.Problems, err)
	}
}

// TestAuditDayCompactRefused: a compact side of an audit change that does
// not hold exactly one readable day makes the entry unreadable, never a
// panic or a wrong day.
func TestAuditDayCompactRefused(t *testing.T) {
	t.Parallel()
	two := data.NewAttendanceMonth(1, 2026, time.October)
	two.Days[1], two.Days[2] = data.DayEntry{Code: data.CodeH}, data.DayEntry{Code: data.CodeS}
	one := dayChange(4, data.DayEntry{Code: data.CodeTK})
	for name, side := range map[string][]byte{
		"two days": encodeMonth(two), "no day": encodeMonth(data.NewAttendanceMonth(1, 2026, time.October)),
		"cut short": one[:len(one)-1], "version only": {monthCompact},
	} {
		raw := encodeAudit(auditRecord{seq: 1, actor: "uji", action: "x", bucket: bucketAttendance, key: []byte("k"),
			changes: []FieldChange{{Field: "days.4", Before: side, After: one}}})
		if _, err := decodeAudit(raw); err == nil {
			t.Errorf("%s: read", name)
		}
	}
	raw := encodeAudit(auditRecord{seq: 1, changes: []FieldChange{{Field: "days.4", After: one}}})
	e, err := decodeAudit(raw)
	if err != nil || len(e.Changes) != 1 || string(e.Changes[0].After) != `{"code":"TK","source":""}` || e.Changes[0].Before != nil {
		t.Fatalf("one day reads %+v, %v", e.Changes, err)
	}
}

func mustJSON(t *testing.T, v any) json.RawMessage {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func changesText(cs []FieldChange) string {
	var b bytes.Buffer
	for _, c := range cs {
		fmt.Fprintf(&b, "%s: %s → %s; ", c.Field, c.Before, c.After)
	}
	return b.String()
}
