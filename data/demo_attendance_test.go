package data

import (
	"reflect"
	"testing"
	"time"
)

func demoStaffWithIDs(n int, today Date) []Staff {
	d := Demo(DemoOptions{Staff: n, Seed: 7, Today: today})
	for i := range d.Staff {
		d.Staff[i].ID = uint64(i + 1)
	}
	return d.Staff
}

func TestDemoAttendance(t *testing.T) {
	today := NewDate(2026, time.November, 28)
	staff := demoStaffWithIDs(45, today)
	cal := NewCalendar([]Holiday{{Date: NewDate(2026, time.August, 17), Kind: HolidayNational, Name: "Proklamasi"}})
	months := DemoAttendance(staff, cal, today, 1)
	if again := DemoAttendance(staff, cal, today, 1); !reflect.DeepEqual(months, again) {
		t.Fatal("the same seed gave different months")
	}
	codes := map[string]int{}
	byStaff := map[uint64][]AttendanceMonth{}
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
			if e.Code == CodeDL && e.Letter == "" || e.Code == CodeCT && (e.Letter == "" || e.GrantedBy == "") {
				t.Fatalf("%s without its letter: %+v", e.Code, e)
			}
			codes[e.Code]++
		}
	}
	for _, c := range []string{CodeH, CodeTL, CodePSW, CodeDL, CodeS, CodeI, CodeCT, CodeTK} {
		if codes[c] == 0 {
			t.Errorf("no %s in the demo (%v)", c, codes)
		}
	}
	var near, run bool
	for _, s := range staff {
		if !s.Current().Active {
			continue
		}
		r := Discipline(byStaff[s.ID], 2026, cal, DefaultDisciplineSettings(), s.Kind)
		near = near || (!r.CountsOnly && r.DaysToNext == 1)
		run = run || (r.LongestRun >= 7 && r.LongestRun < ConsecutiveTKLimit)
	}
	if !near || !run {
		t.Errorf("near a threshold: %v, long TK run under 10: %v", near, run)
	}
}

func BenchmarkDemoAttendance45(b *testing.B) {
	today := NewDate(2026, time.November, 28)
	staff := demoStaffWithIDs(45, today)
	cal := NewCalendar(nil)
	for b.Loop() {
		DemoAttendance(staff, cal, today, 1)
	}
}
