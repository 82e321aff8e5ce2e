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
	if got, want := p.DisciplineYear(all, 2026, KindPNS), DisciplineYear(all, 2026, r, KindPNS); !reflect.DeepEqual(got, want) {
		t.Fatalf("discipline: %+v, want %+v", got, want)
	}
}
