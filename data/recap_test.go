package data

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// monthOf builds a month from day → code; TL and PSW entries get minutes from late/early.
func monthOf(y int, m time.Month, codes map[int]string) AttendanceMonth {
	am := NewAttendanceMonth(1, y, m)
	for day, code := range codes {
		am.Days[day] = DayEntry{Code: code, Source: SourceHand}
	}
	return am
}

func TestRecapNovember2026(t *testing.T) {
	t.Parallel()
	cal := NewCalendar([]Holiday{{Date: NewDate(2026, 11, 5), Kind: HolidayLocal, Name: "Hari Jadi"}})
	m := monthOf(2026, time.November, map[int]string{
		2: CodeH, 3: CodeTL, 4: CodePSW, 6: CodeDL, 9: CodeFWA, 10: CodeTB, 11: CodeS, 12: CodeI,
		13: CodeCT, 16: CodeCS, 17: CodeTK, 18: "WFO",
		1: CodeH, 5: CodeH, 7: CodeTK, // Sunday, local holiday, Saturday: ignored
	})
	m.Days[3] = DayEntry{Code: CodeTL, In: "08:10", Out: "15:50", LateMinutes: 40, EarlyMinutes: 10}
	m.Days[4] = DayEntry{Code: CodePSW, Out: "15:00", EarlyMinutes: 60}
	m.Days[19] = DayEntry{}            // empty code counts as not entered
	m.Days[40] = DayEntry{Code: CodeH} // out of the month: ignored
	r := Recap(m, cal)
	// November 2026: 21 weekdays, minus 5 Nov.
	want := RecapRow{StaffID: 1, Year: 2026, Month: time.November, Staff: 1, WorkingDays: 20,
		Present: 5, H: 1, TL: 1, PSW: 1, DL: 1, FWA: 1, TB: 1, S: 1, I: 1, CT: 1, CS: 1, Leave: 2, TK: 1,
		LateCount: 1, LateMinutes: 40, EarlyCount: 2, EarlyMinutes: 70,
		NotEntered: 20 - 12, IgnoredEntries: 4} // 12 coded working days; 19 Nov has an empty code
	want.PresentPercent = 25
	if r.Other["WFO"] != 1 || len(r.Other) != 1 {
		t.Errorf("Other = %v", r.Other)
	}
	r.Other = nil
	if !reflect.DeepEqual(r, want) {
		t.Errorf("Recap =\n%+v\nwant\n%+v", r, want)
	}
}

func TestRecapEmptyMonthIsNotEntered(t *testing.T) {
	t.Parallel()
	r := Recap(NewAttendanceMonth(1, 2026, time.March), calendar2026(t))
	if r.WorkingDays != 17 || r.NotEntered != 17 || r.H != 0 || r.TK != 0 || r.PresentPercent != 0 {
		t.Errorf("empty March = %+v", r)
	}
}

func TestSumRecaps(t *testing.T) {
	t.Parallel()
	a := RecapRow{Year: 2026, Month: 3, Staff: 1, WorkingDays: 20, Present: 20, H: 20, Other: map[string]int{"X": 1}}
	b := RecapRow{Year: 2026, Month: 3, Staff: 1, WorkingDays: 20, Present: 10, H: 9, TL: 1, LateCount: 1, LateMinutes: 5, TK: 10, Other: map[string]int{"X": 2}}
	s := SumRecaps([]RecapRow{a, b})
	if s.Staff != 2 || s.WorkingDays != 40 || s.Present != 30 || s.PresentPercent != 75 || s.TK != 10 || s.LateMinutes != 5 || s.Other["X"] != 3 || s.Month != 3 {
		t.Errorf("SumRecaps = %+v", s)
	}
	if SumRecaps([]RecapRow{a, {Year: 2026, Month: 4}}).Month != 0 {
		t.Error("a sum over different months has no month")
	}
	if z := SumRecaps(nil); z.Staff != 0 || z.PresentPercent != 0 {
		t.Errorf("SumRecaps(nil) = %+v", z)
	}
}

// staffMonths makes n people's months with a realistic mix of codes.
func staffMonths(n, year int, month time.Month, cal Calendar) []AttendanceMonth {
	days := cal.WorkingDaysIn(year, month)
	out := make([]AttendanceMonth, n)
	codes := []string{CodeH, CodeH, CodeH, CodeH, CodeTL, CodePSW, CodeDL, CodeS, CodeCT, CodeTK}
	for i := range out {
		m := NewAttendanceMonth(uint64(i+1), year, month)
		for j, d := range days {
			code := codes[(i+j)%len(codes)]
			e := DayEntry{Code: code, Source: SourceMachine, In: "07:25", Out: "16:05"}
			if code == CodeTL {
				e.In, e.LateMinutes = "07:50", 20
			}
			m.Days[d.Day()] = e
		}
		out[i] = m
	}
	return out
}

func BenchmarkRecap2000(b *testing.B) {
	cal := calendar2026(b)
	months := staffMonths(2000, 2026, time.March, cal)
	rows := make([]RecapRow, len(months))
	b.ResetTimer()
	for b.Loop() {
		for i, m := range months {
			rows[i] = Recap(m, cal)
		}
		SumRecaps(rows)
	}
}

func ExampleRecap() {
	cal := NewCalendar(nil)
	m := NewAttendanceMonth(1, 2026, time.November)
	m.Days[2] = DayEntry{Code: CodeH}
	m.Days[3] = DayEntry{Code: CodeTL, LateMinutes: 12}
	m.Days[4] = DayEntry{Code: CodeTK}
	r := Recap(m, cal)
	fmt.Println(r.WorkingDays, r.Present, r.LateMinutes, r.TK, r.NotEntered)
	// Output: 21 2 12 1 18
}
