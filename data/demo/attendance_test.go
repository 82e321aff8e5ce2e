package demo

import (
	"kinerja/data"
	"reflect"
	"testing"
	"time"
)

func demoStaffWithIDs(n int, today data.Date) []data.Staff {
	d := New(Options{Staff: n, Seed: 7, Today: today})
	for i := range d.Staff {
		d.Staff[i].ID = uint64(i + 1)
	}
	return d.Staff
}

func TestAttendance(t *testing.T) {
	t.Parallel()
	today := data.NewDate(2026, time.November, 28)
	staff := demoStaffWithIDs(45, today)
	cal := data.NewCalendar([]data.Holiday{{Date: data.NewDate(2026, time.August, 17), Kind: data.HolidayNational, Name: "Proklamasi"}})
	months := Attendance(staff, cal, today, 1)
	if again := Attendance(staff, cal, today, 1); !reflect.DeepEqual(months, again) {
		t.Fatal("the same seed gave different months")
	}
	// Machine days are stored as facts (times only); the codes counted are
	// the ones derived under the default rules.
	rules := data.NewAttendanceRules(data.DefaultAttendanceSettings(), cal.Holidays)
	codes := map[string]int{}
	byStaff := map[uint64][]data.AttendanceMonth{}
	for _, m := range months {
		if m.Year == 2025 && m.Month < time.December || m.Year == 2026 && m.Month > time.November {
			t.Fatalf("month %d-%d outside the twelve months up to today", m.Year, m.Month)
		}
		byStaff[m.StaffID] = append(byStaff[m.StaffID], m)
		for day, e := range m.Days {
			d := m.Date(day)
			if !cal.IsWorkingDay(d) || d.After(today) {
				t.Fatalf("entry on %s, not a working day up to today", d)
			}
			if e.Code == data.CodeDL && e.Letter == "" || e.Code == data.CodeCT && (e.Letter == "" || e.GrantedBy == "") {
				t.Fatalf("%s without its letter: %+v", e.Code, e)
			}
			if e.Source == data.SourceMachine && (e.Code != "" || e.LateMinutes != 0 || e.EarlyMinutes != 0) {
				t.Fatalf("machine day %s stores figures: %+v", d, e)
			}
			codes[data.DeriveDay(d, e, rules).Code]++
		}
	}
	for _, c := range []string{data.CodeH, data.CodeTL, data.CodePSW, data.CodeDL, data.CodeS, data.CodeI, data.CodeCT, data.CodeTK} {
		if codes[c] == 0 {
			t.Errorf("no %s in the demo (%v)", c, codes)
		}
	}
	var near, run bool
	for _, s := range staff {
		if !s.Current().Active {
			continue
		}
		r := data.Discipline(byStaff[s.ID], 2026, cal, data.DefaultDisciplineSettings(), s.Kind)
		near = near || (!r.CountsOnly && r.DaysToNext == 1)
		run = run || (r.LongestRun >= 7 && r.LongestRun < data.ConsecutiveTKLimit)
	}
	if !near || !run {
		t.Errorf("near a threshold: %v, long TK run under 10: %v", near, run)
	}
}

func BenchmarkAttendance45(b *testing.B) {
	today := data.NewDate(2026, time.November, 28)
	staff := demoStaffWithIDs(45, today)
	cal := data.NewCalendar(nil)
	for b.Loop() {
		Attendance(staff, cal, today, 1)
	}
}

// TestAttendanceBetween: an older year of a multi-year demo covers its
// dates only and is the same for the same seed.
func TestAttendanceBetween(t *testing.T) {
	t.Parallel()
	today := data.NewDate(2026, time.May, 20)
	staff := demoStaffWithIDs(12, today)
	from, to := AttendanceFrom(today).AddYears(-1), AttendanceFrom(today).AddDays(-1)
	a := AttendanceBetween(staff, data.NewCalendar(nil), from, to, 5)
	b := AttendanceBetween(staff, data.NewCalendar(nil), from, to, 5)
	if len(a) == 0 || !reflect.DeepEqual(a, b) {
		t.Fatalf("%d months, deterministic %v", len(a), reflect.DeepEqual(a, b))
	}
	for _, m := range a {
		first := data.NewDate(m.Year, m.Month, 1)
		if first.Before(data.NewDate(from.Year(), from.Month(), 1)) || first.After(to) {
			t.Errorf("month %d-%02d outside %v…%v", m.Year, m.Month, from, to)
		}
	}
}
