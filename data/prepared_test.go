package data

import (
	"reflect"
	"testing"
	"time"
)

// TestPreparedRulesAgreeWithDeriveDay: one PreparedRules used for many
// months of many people, in any order, gives the figures of DeriveDay day
// by day, and of a fresh preparation month by month.
func TestPreparedRulesAgreeWithDeriveDay(t *testing.T) {
	t.Parallel()
	cal := calendar2026(t)
	s := DefaultAttendanceSettings()
	r := NewAttendanceRules(s, cal.Holidays)
	r.Calendar.Ramadan = []DateRange{{From: NewDate(2026, time.February, 18), To: NewDate(2026, time.March, 19)}}
	p := r.Prepare()
	var all []AttendanceMonth
	for _, mo := range []time.Month{time.March, time.January, time.March, time.December, time.February} {
		ms := staffMonths(4, 2026, mo, r.Calendar)
		for i := range ms {
			ms[i].Days[1] = DayEntry{Code: CodeH, In: "07:45", Source: SourceMachine} // a holiday or weekend: piket
			ms[i].Days[7] = DayEntry{Punch: "12:00", Source: SourceMachine}
			ms[i].Days[8] = DayEntry{Code: "x", In: "8.15", Out: "1600"}
		}
		all = append(all, ms...)
	}
	for _, m := range all {
		for day, e := range m.Days {
			if got, want := p.day(m, day, e), DeriveDay(m.Date(day), e, r); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: prepared %+v\nDeriveDay %+v", m.Date(day), got, want)
			}
		}
		if got, want := p.RecapMonth(m), r.Prepare().RecapMonth(m); !reflect.DeepEqual(got, want) {
			t.Fatalf("recap %d/%d: %+v, want %+v", m.StaffID, m.Month, got, want)
		}
		if got, want := p.PersonTPP(m, KindPNS), PersonTPP(m, r, KindPNS); !reflect.DeepEqual(got, want) {
			t.Fatalf("TPP: %+v, want %+v", got, want)
		}
	}
	// The count as DeriveDay gives it day by day, for months given twice
	// and for a year of distinct months with a run of TK across the new year.
	byDeriveDay := func(months []AttendanceMonth) DisciplineResult {
		return disciplineWith(months, 2026, r.Calendar, r.Settings.Discipline, KindPNS, func(m AttendanceMonth, day int) (bool, int) {
			f := DeriveDay(m.Date(day), m.Days[day], r)
			return f.Category == CategoryAbsent, f.DisciplineMinutes
		})
	}
	var year []AttendanceMonth
	for _, mo := range []time.Month{time.December, time.January, time.February} {
		y := 2026
		if mo == time.December {
			y = 2025
		}
		m := staffMonths(1, y, mo, r.Calendar)[0]
		for day := 20; day <= 31 && mo != time.February; day++ {
			m.Days[day] = DayEntry{Code: CodeTK, Source: SourceHand}
		}
		year = append(year, m)
	}
	for _, months := range [][]AttendanceMonth{all, year} {
		want := byDeriveDay(months)
		if got := p.DisciplineYear(months, 2026, KindPNS); !reflect.DeepEqual(got, want) {
			t.Fatalf("discipline: %+v, want %+v", got, want)
		}
		if got := DisciplineYear(months, 2026, r, KindPNS); !reflect.DeepEqual(got, want) {
			t.Fatalf("DisciplineYear: %+v, want %+v", got, want)
		}
	}
	if got := p.DisciplineYear(year, 2026, KindPNS); got.LongestRun < 5 || got.AbsentDays == 0 {
		t.Fatalf("the run across the new year was not seen: %+v", got)
	}
}
