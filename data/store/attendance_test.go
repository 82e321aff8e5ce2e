package store

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"kinerja/data"
)

func savedStaff(t testing.TB, s *Store, n int) []data.Staff {
	t.Helper()
	list := make([]data.Staff, n)
	for i := range list {
		list[i] = pns(i, "Pegawai")
	}
	saved, err := s.AddStaff(list)
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

func TestAttendanceRoundTrip(t *testing.T) {
	t.Parallel()
	s, path := openTemp(t)
	staff := savedStaff(t, s, 2)
	nov := data.NewAttendanceMonth(staff[0].ID, 2026, time.November)
	nov.Days[2] = data.DayEntry{Code: data.CodeTL, In: "07:45", Out: "16:00", LateMinutes: 15, Source: data.SourceMachine}
	nov.Days[3] = data.DayEntry{Code: data.CodeCT, Letter: "800/12/Kec", GrantedBy: "Camat", Source: data.SourceHand}
	dec := data.NewAttendanceMonth(staff[0].ID, 2026, time.December)
	dec.Days[1] = data.DayEntry{Code: data.CodeH, Source: data.SourceHand}
	other := data.NewAttendanceMonth(staff[1].ID, 2026, time.November)
	other.Days[2] = data.DayEntry{Code: data.CodeTK, Source: data.SourceHand}
	if err := s.SaveAttendance([]data.AttendanceMonth{nov, dec, other}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, path)
	defer s.Close()
	got, err := s.AttendanceMonth(staff[0].ID, 2026, time.November)
	if err != nil || !reflect.DeepEqual(got, nov) {
		t.Fatalf("AttendanceMonth = %+v, %v; want %+v", got, err, nov)
	}
	empty, err := s.AttendanceMonth(staff[0].ID, 2026, time.October)
	if err != nil || len(empty.Days) != 0 || empty.Days == nil || empty.Month != time.October {
		t.Fatalf("unsaved month = %+v, %v", empty, err)
	}
	all, err := s.AttendanceMonths(2026, time.November)
	if err != nil || len(all) != 2 || !reflect.DeepEqual(all[staff[1].ID], other) {
		t.Fatalf("AttendanceMonths = %+v, %v", all, err)
	}
	year, err := s.AttendanceYear(staff[0].ID, 2026)
	if err != nil || len(year) != 2 || year[0].Month != time.November || year[1].Month != time.December {
		t.Fatalf("AttendanceYear = %+v, %v", year, err)
	}
	span, err := s.AttendanceBetween([]uint64{staff[0].ID, staff[1].ID}, YearMonth{2026, time.December}, YearMonth{2027, time.January})
	if err != nil || len(span[staff[0].ID]) != 1 || len(span[staff[1].ID]) != 0 {
		t.Fatalf("AttendanceBetween = %+v, %v", span, err)
	}
	if err := s.VerifyAudit(); err != nil {
		t.Fatal(err)
	}
}

func TestSaveAttendanceRefuses(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	staff := savedStaff(t, s, 1)
	bad := []struct {
		name string
		m    data.AttendanceMonth
	}{
		{"unknown staff", data.NewAttendanceMonth(99, 2026, time.November)},
		{"month 13", data.NewAttendanceMonth(staff[0].ID, 2026, 13)},
		{"31 November", data.AttendanceMonth{StaffID: staff[0].ID, Year: 2026, Month: time.November,
			Days: map[int]data.DayEntry{31: {Code: data.CodeH}}}},
		{"day 0", data.AttendanceMonth{StaffID: staff[0].ID, Year: 2026, Month: time.November,
			Days: map[int]data.DayEntry{0: {Code: data.CodeH}}}},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			good := data.NewAttendanceMonth(staff[0].ID, 2026, time.October)
			good.Days[1] = data.DayEntry{Code: data.CodeH}
			if err := s.SaveAttendance([]data.AttendanceMonth{good, tc.m}); err == nil {
				t.Fatal("saved")
			}
			if m, _ := s.AttendanceMonth(staff[0].ID, 2026, time.October); len(m.Days) != 0 {
				t.Fatal("part of a refused list was saved")
			}
		})
	}
	if err := s.SaveAttendance([]data.AttendanceMonth{data.NewAttendanceMonth(99, 2026, 1)}); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown staff: %v, want ErrNotFound", err)
	}
}

// TestAttendanceAuditHoldsChangedDayOnly: changing one day of a month records
// that day only, not two copies of the month.
func TestAttendanceAuditHoldsChangedDayOnly(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	staff := savedStaff(t, s, 1)
	m := data.NewAttendanceMonth(staff[0].ID, 2026, time.November)
	for day := 2; day <= 27; day++ {
		m.Days[day] = data.DayEntry{Code: data.CodeH, Source: data.SourceHand}
	}
	if err := s.SaveAttendance([]data.AttendanceMonth{m}); err != nil {
		t.Fatal(err)
	}
	m.Days[5] = data.DayEntry{Code: data.CodeS, Note: "demam", Source: data.SourceHand}
	if err := s.SaveAttendance([]data.AttendanceMonth{m}); err != nil {
		t.Fatal(err)
	}
	entries, err := s.Audit()
	if err != nil {
		t.Fatal(err)
	}
	last := entries[len(entries)-1]
	if last.Bucket != bucketAttendance || last.Key != "1/202611" {
		t.Fatalf("last entry = %s %s", last.Bucket, last.Key)
	}
	if len(last.Changes) != 1 || last.Changes[0].Field != "days.5" ||
		string(last.Changes[0].Before) != `{"code":"H","source":"hand"}` ||
		string(last.Changes[0].After) != `{"code":"S","note":"demam","source":"hand"}` {
		t.Fatalf("changes = %+v", last.Changes)
	}
	if err := s.SaveAttendance([]data.AttendanceMonth{m}); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Audit(); len(again) != len(entries) {
		t.Fatal("saving an unchanged month left an audit entry")
	}
}

func TestEditAttendanceIsOneTransaction(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	staff := savedStaff(t, s, 1)
	k := MonthKey{staff[0].ID, YearMonth{2026, time.November}}
	boom := errors.New("boom")
	err := s.EditAttendance("uji", []MonthKey{k}, map[string]uint64{"7": staff[0].ID}, func(ms map[MonthKey]*data.AttendanceMonth) error {
		ms[k].Days[2] = data.DayEntry{Code: data.CodeH}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if m, _ := s.AttendanceMonth(staff[0].ID, 2026, time.November); len(m.Days) != 0 {
		t.Fatal("a failed edit saved a day")
	}
	if pins, _ := s.MachinePins(); len(pins) != 0 {
		t.Fatal("a failed edit saved a PIN")
	}
	err = s.EditAttendance("uji", []MonthKey{k}, map[string]uint64{"7": staff[0].ID}, func(ms map[MonthKey]*data.AttendanceMonth) error {
		ms[k].Days[2] = data.DayEntry{Code: data.CodeH}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := s.AttendanceMonth(staff[0].ID, 2026, time.November); m.Days[2].Code != data.CodeH {
		t.Fatal("edit not saved")
	}
	if pins, _ := s.MachinePins(); pins["7"] != staff[0].ID {
		t.Fatalf("pins = %v", pins)
	}
}

func TestMachinePins(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	staff := savedStaff(t, s, 2)
	if err := s.MapPins(map[string]uint64{"1": staff[0].ID, "02": staff[1].ID}); err != nil {
		t.Fatal(err)
	}
	if err := s.MapPins(map[string]uint64{"1": staff[1].ID}); err != nil {
		t.Fatal(err)
	}
	pins, err := s.MachinePins()
	if err != nil || !reflect.DeepEqual(pins, map[string]uint64{"1": staff[1].ID, "02": staff[1].ID}) {
		t.Fatalf("MachinePins = %v, %v", pins, err)
	}
	for _, bad := range []map[string]uint64{{"": staff[0].ID}, {"5": 99}} {
		if err := s.MapPins(bad); err == nil {
			t.Errorf("MapPins(%v) accepted", bad)
		}
	}
}

func TestLeaveOpening(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	staff := savedStaff(t, s, 1)
	if _, found, err := s.LeaveOpening(staff[0].ID); found || err != nil {
		t.Fatalf("before: found %v, %v", found, err)
	}
	want := data.LeaveOpening{Year: 2026, Days: 15}
	if err := s.SetLeaveOpening(staff[0].ID, want); err != nil {
		t.Fatal(err)
	}
	if got, found, err := s.LeaveOpening(staff[0].ID); !found || err != nil || got != want {
		t.Fatalf("LeaveOpening = %+v %v %v", got, found, err)
	}
	for _, bad := range []data.LeaveOpening{{Year: 2026, Days: 25}, {Year: 1999, Days: 1}, {Year: 2026, Days: -1}} {
		if err := s.SetLeaveOpening(staff[0].ID, bad); err == nil {
			t.Errorf("SetLeaveOpening(%+v) accepted", bad)
		}
	}
	if err := s.SetLeaveOpening(42, want); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown staff: %v", err)
	}
}

func sampleMonthJSON(t testing.TB) []byte {
	m := data.NewAttendanceMonth(12, 2026, time.November)
	m.Days[2] = data.DayEntry{Code: data.CodeTL, In: "07:45", Out: "16:00", LateMinutes: 15, Source: data.SourceMachine}
	m.Days[3] = data.DayEntry{Code: data.CodeCT, Letter: "850/12/Kec", GrantedBy: "Camat Sukamaju", Note: "Keperluan keluarga — Garut", Source: data.SourceHand, EnteredBy: "admin"}
	m.Days[30] = data.DayEntry{Code: data.CodePSW, Out: "15:00", EarlyMinutes: 60, Note: `"kutip" & <b>`, Source: data.SourceHand}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestQuickMonthAgreesWithEncodingJSON: the fast decoder gives what
// encoding/json gives, or declines.
func TestQuickMonthAgreesWithEncodingJSON(t *testing.T) {
	t.Parallel()
	raw := sampleMonthJSON(t)
	for _, tc := range []struct {
		name  string
		in    string
		quick bool
	}{
		{"as marshalled (escaped note declines)", string(raw), false},
		{"plain", `{"staff_id":1,"year":2026,"month":11,"days":{"2":{"code":"H","in":"07:20","source":"machine"},"10":{"code":"TK","source":"hand"}}}`, true},
		{"null days", `{"staff_id":1,"year":2026,"month":11,"days":null}`, true},
		{"empty days", `{"staff_id":1,"year":2026,"month":11,"days":{}}`, true},
		{"space", `{"staff_id": 1,"year":2026,"month":11,"days":{}}`, false},
		{"unknown field", `{"staff_id":1,"year":2026,"month":11,"days":{"2":{"code":"H","x":1}}}`, false},
		{"overflow", `{"staff_id":1,"year":2026,"month":11,"days":{"2":{"late_minutes":99999999999}}}`, false},
		{"leading zero", `{"staff_id":01,"year":2026,"month":11,"days":{}}`, false},
		{"trailing", `{"staff_id":1,"year":2026,"month":11,"days":{}} `, false},
		{"truncated", `{"staff_id":1,"year":2026,"month":11,"days":{"2":{"code":"H"`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := quickMonth([]byte(tc.in))
			if ok != tc.quick {
				t.Fatalf("quickMonth ok = %v, want %v", ok, tc.quick)
			}
			if !ok {
				return
			}
			var want data.AttendanceMonth
			if err := json.Unmarshal([]byte(tc.in), &want); err != nil {
				t.Fatal(err)
			}
			if want.Days == nil {
				want.Days = map[int]data.DayEntry{}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("quickMonth = %+v\nencoding/json %+v", got, want)
			}
		})
	}
	m, err := decodeMonth(raw, MonthKey{12, YearMonth{2026, time.November}})
	if err != nil || m.Days[30].Note != `"kutip" & <b>` {
		t.Fatalf("fallback: %+v, %v", m.Days[30], err)
	}
}

// FuzzQuickMonth checks that whenever the fast decoder accepts an input,
// encoding/json reads the same month from it.
func FuzzQuickMonth(f *testing.F) {
	f.Add(sampleMonthJSON(f))
	f.Add([]byte(`{"staff_id":1,"year":2026,"month":11,"days":{"2":{"code":"H","in":"07:20","source":"machine"}}}`))
	f.Add([]byte(`{"staff_id":1,"year":-5,"month":13,"days":{"-1":{"late_minutes":-3}}}`))
	f.Add([]byte(`{"staff_id":1,"year":2026,"month":11,"days":null}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, ok := quickMonth(b)
		if !ok {
			return
		}
		var want data.AttendanceMonth
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatalf("quickMonth accepted what encoding/json refuses (%v): %q", err, b)
		}
		if want.Days == nil {
			want.Days = map[int]data.DayEntry{}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("quickMonth = %+v\nencoding/json %+v\ninput %q", got, want, b)
		}
	})
}

func BenchmarkDecodeMonth(b *testing.B) {
	m := data.NewAttendanceMonth(12, 2026, time.November)
	for day := 2; day <= 30; day++ {
		m.Days[day] = data.DayEntry{Code: data.CodeH, In: "07:20", Out: "16:05", Source: data.SourceMachine}
	}
	raw, _ := json.Marshal(m)
	k := MonthKey{12, YearMonth{2026, time.November}}
	b.Run("quick", func(b *testing.B) {
		for b.Loop() {
			if _, err := decodeMonth(raw, k); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding/json", func(b *testing.B) {
		for b.Loop() {
			var out data.AttendanceMonth
			if err := json.Unmarshal(raw, &out); err != nil {
				b.Fatal(err)
			}
		}
	})
}
