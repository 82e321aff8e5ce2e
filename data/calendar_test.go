package data

import (
	"os"
	"testing"
	"time"
)

// calendar2026 returns the default calendar with the shipped 2026 holiday list.
func calendar2026(t testing.TB) Calendar {
	t.Helper()
	f, err := os.Open("../assets/holidays/2026.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	hs, err := ParseHolidaysCSV(f)
	if err != nil {
		t.Fatal(err)
	}
	return NewCalendar(hs)
}

func TestDefaultScheduleHours(t *testing.T) {
	t.Parallel()
	s := DefaultSchedule()
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	if got := s.WeekMinutes(); got != 37*60+30 {
		t.Errorf("usual week = %d min, want 2250 (37 h 30 min)", got)
	}
	ramadan := 0
	for wd := time.Monday; wd <= time.Friday; wd++ {
		ramadan += s.Ramadan[wd].WorkMinutes()
		if s.Ramadan[wd].Start != 8*60 {
			t.Errorf("Ramadan %s starts %s, want 08:00", wd, FormatClock(s.Ramadan[wd].Start))
		}
	}
	if ramadan != 32*60+30 {
		t.Errorf("Ramadan week = %d min, want 1950 (32 h 30 min)", ramadan)
	}
	if b := s.Ramadan[time.Friday].BreakEnd - s.Ramadan[time.Friday].BreakStart; b != 60 {
		t.Errorf("Ramadan Friday break = %d, want 60", b)
	}
	if b := s.Ramadan[time.Monday].BreakEnd - s.Ramadan[time.Monday].BreakStart; b != 30 {
		t.Errorf("Ramadan Monday break = %d, want 30", b)
	}
}

func TestCalendarWorkingDays(t *testing.T) {
	t.Parallel()
	cal := calendar2026(t)
	tests := []struct {
		date    Date
		working bool
		why     string
	}{
		{NewDate(2026, 1, 1), false, "Tahun Baru (libur, Thursday)"},
		{NewDate(2026, 1, 2), true, "ordinary Friday"},
		{NewDate(2026, 1, 3), false, "Saturday"},
		{NewDate(2026, 1, 4), false, "Sunday"},
		{NewDate(2026, 2, 16), false, "cuti bersama Imlek (Monday)"},
		{NewDate(2026, 3, 24), false, "cuti bersama Idul Fitri"},
		{NewDate(2026, 3, 25), true, "Wednesday after Idul Fitri"},
		{NewDate(2026, 12, 24), false, "cuti bersama Natal"},
		{Date{}, false, "zero date"},
	}
	for _, tt := range tests {
		if got := cal.IsWorkingDay(tt.date); got != tt.working {
			t.Errorf("IsWorkingDay(%s) [%s] = %v, want %v", tt.date, tt.why, got, tt.working)
		}
	}
	if h, ok := cal.HolidayOn(NewDate(2026, 2, 16)); !ok || h.Kind != HolidayCutiBersama {
		t.Errorf("HolidayOn(16 Feb) = %+v, %v; want cuti bersama", h, ok)
	}
	if _, ok := cal.HolidayOn(NewDate(2026, 2, 18)); ok {
		t.Error("18 Feb 2026 is not a holiday")
	}
	// March 2026: 22 weekdays; Nyepi 18–19 and Idul Fitri 20, 23, 24 fall on weekdays.
	if got := len(cal.WorkingDaysIn(2026, time.March)); got != 22-5 {
		t.Errorf("working days in March 2026 = %d, want 17", got)
	}
	if got := cal.WorkingDays(NewDate(2026, 1, 1), NewDate(2026, 1, 9)); got != 6 {
		t.Errorf("WorkingDays 1–9 Jan = %d, want 6", got)
	}
	if got := cal.WorkingDays(Date{}, NewDate(2026, 1, 9)); got != 0 {
		t.Errorf("WorkingDays from an unset date = %d, want 0", got)
	}
	if got := cal.WorkingDays(NewDate(2026, 1, 9), NewDate(2026, 1, 1)); got != 0 {
		t.Errorf("WorkingDays reversed = %d, want 0", got)
	}
}

func TestCalendarLocalHolidayAndSixDayWeek(t *testing.T) {
	t.Parallel()
	cal := NewCalendar([]Holiday{{Date: NewDate(2026, 11, 5), Kind: HolidayLocal, Name: "Hari Jadi Kabupaten"}})
	if cal.IsWorkingDay(NewDate(2026, 11, 5)) {
		t.Error("a local day off must not be a working day")
	}
	sat := NewDate(2026, 11, 7)
	if cal.IsWorkingDay(sat) {
		t.Error("Saturday is not a working day in a five-day week")
	}
	cal.Schedule.Week[time.Saturday] = DayHours{Start: 7*60 + 30, End: 12 * 60}
	if !cal.IsWorkingDay(sat) {
		t.Error("Saturday must be a working day in a six-day week")
	}
	if h, ok := cal.DayHours(sat); !ok || h.End != 12*60 {
		t.Errorf("Saturday hours = %+v, %v", h, ok)
	}
	if got := len(cal.WorkingDaysIn(2026, time.November)); got != 25-1 {
		t.Errorf("six-day November 2026 = %d working days, want 24", got)
	}
}

func TestCalendarDayHours(t *testing.T) {
	t.Parallel()
	cal := NewCalendar(nil)
	cal.Ramadan = []DateRange{{From: NewDate(2026, 2, 18), To: NewDate(2026, 3, 19)}}
	tests := []struct {
		date      Date
		start     int
		end       int
		breakMins int
	}{
		{NewDate(2026, 2, 16), 7*60 + 30, 16 * 60, 60},    // Monday, before Ramadan
		{NewDate(2026, 2, 13), 7*60 + 30, 16*60 + 30, 90}, // Friday, before Ramadan
		{NewDate(2026, 2, 18), 8 * 60, 15 * 60, 30},       // first day of Ramadan, Wednesday
		{NewDate(2026, 2, 20), 8 * 60, 15*60 + 30, 60},    // Ramadan Friday
		{NewDate(2026, 3, 19), 8 * 60, 15 * 60, 30},       // last day of Ramadan, Thursday
		{NewDate(2026, 3, 20), 7*60 + 30, 16*60 + 30, 90}, // Friday after Ramadan
		{NewDate(2026, 3, 23), 7*60 + 30, 16 * 60, 60},    // Monday after Ramadan
	}
	for _, tt := range tests {
		h, ok := cal.DayHours(tt.date)
		if !ok {
			t.Errorf("DayHours(%s): not a working day", tt.date)
			continue
		}
		if h.Start != tt.start || h.End != tt.end || h.BreakEnd-h.BreakStart != tt.breakMins {
			t.Errorf("DayHours(%s) = %s–%s break %d, want %s–%s break %d", tt.date,
				FormatClock(h.Start), FormatClock(h.End), h.BreakEnd-h.BreakStart,
				FormatClock(tt.start), FormatClock(tt.end), tt.breakMins)
		}
	}
	if _, ok := cal.DayHours(NewDate(2026, 2, 21)); ok {
		t.Error("Saturday in Ramadan must not be a working day")
	}
}

func TestDayHoursCheck(t *testing.T) {
	t.Parallel()
	tests := []struct {
		h  DayHours
		ok bool
	}{
		{DayHours{}, true},
		{DayHours{Start: 450, End: 960, BreakStart: 720, BreakEnd: 780}, true},
		{DayHours{Start: 450, End: 960}, true},
		{DayHours{Start: 960, End: 450}, false},
		{DayHours{Start: 450, End: 960, BreakStart: 780, BreakEnd: 720}, false},
		{DayHours{Start: 450, End: 960, BreakStart: 400, BreakEnd: 500}, false},
		{DayHours{Start: -5, End: 960}, false},
		{DayHours{Start: 450, End: 1500}, false},
	}
	for _, tt := range tests {
		if err := tt.h.Check(); (err == nil) != tt.ok {
			t.Errorf("Check(%+v) = %v, want ok=%v", tt.h, err, tt.ok)
		}
	}
}
