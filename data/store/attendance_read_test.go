package store

import (
	"reflect"
	"testing"
	"time"

	"kinerja/data"
)

// TestAttendanceRecordsMatchBetween: the records read for the fast path
// decode, into lists reused from person to person, to exactly the months
// AttendanceBetween gives — compact and old JSON records alike — and each
// person's range holds only their own months within the span.
func TestAttendanceRecordsMatchBetween(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	staff := savedStaff(t, s, 3)
	var months []data.AttendanceMonth
	for i, p := range staff[:2] {
		for mo := time.October; mo <= time.December; mo++ {
			m := data.NewAttendanceMonth(p.ID, 2026, mo)
			for day := 1; day <= 28; day += 1 + i {
				m.Days[day] = data.DayEntry{Code: data.CodeH, In: "07:2" + string(rune('0'+day%10)), Out: "16:00", Source: data.SourceMachine}
			}
			m.Days[3] = data.DayEntry{Code: data.CodeS, Note: "demam " + p.Name, Source: data.SourceHand, EnteredBy: "admin"}
			months = append(months, m)
		}
	}
	months = append(months, sampleMonthOf(staff[0].ID, 2027, time.January))
	if err := s.SaveAttendance(months); err != nil {
		t.Fatal(err)
	}
	// An old JSON record among the compact ones.
	old := data.NewAttendanceMonth(staff[1].ID, 2026, time.September)
	old.Days[7] = data.DayEntry{Code: data.CodeTL, In: "08:05", Out: "16:00", Source: data.SourceMachine}
	if err := s.update("kehadiran lama", func(c *change) error {
		return c.put(bucketAttendance, attendanceKey(KeyOf(old)), old)
	}); err != nil {
		t.Fatal(err)
	}
	ids := []uint64{staff[1].ID, staff[2].ID, staff[0].ID}
	from, to := YearMonth{2026, time.September}, YearMonth{2026, time.December}
	want, err := s.AttendanceBetween(ids, from, to)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := s.AttendanceRecords(ids, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if recs.People() != len(ids) {
		t.Fatalf("People = %d", recs.People())
	}
	var buf []data.MonthDays
	for i, id := range ids {
		buf, err = recs.DecodeOf(i, buf)
		if err != nil {
			t.Fatal(err)
		}
		if len(buf) != len(want[id]) {
			t.Fatalf("staff %d: %d months, want %d", id, len(buf), len(want[id]))
		}
		for j, m := range want[id] {
			if got := buf[j].AttendanceMonth(); !reflect.DeepEqual(got, m) {
				t.Errorf("staff %d month %d: %+v, want %+v", id, j, got, m)
			}
			if !reflect.DeepEqual(buf[j], m.DayList()) {
				t.Errorf("staff %d month %d: list %+v, want %+v", id, j, buf[j], m.DayList())
			}
		}
	}
	if lo, hi := recs.Of(1); lo != hi {
		t.Errorf("staff without attendance has records %d–%d", lo, hi)
	}
	if _, err := s.AttendanceRecords(ids, YearMonth{2026, 13}, to); err == nil {
		t.Error("month 13 accepted")
	}
}

// sampleMonthOf is sampleMonth for another person and month.
func sampleMonthOf(staffID uint64, year int, month time.Month) data.AttendanceMonth {
	m := sampleMonth()
	m.StaffID, m.Year, m.Month = staffID, year, month
	return m
}
