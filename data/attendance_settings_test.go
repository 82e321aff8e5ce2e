package data

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestAttendanceSettingsCheck(t *testing.T) {
	if err := DefaultAttendanceSettings().Check(); err != nil {
		t.Fatalf("defaults: %v", err)
	}
	tests := []struct {
		name string
		edit func(s *AttendanceSettings)
		want string
	}{
		{"no working day", func(s *AttendanceSettings) { s.Schedule = Schedule{} }, "paling sedikit satu hari kerja"},
		{"bad hours", func(s *AttendanceSettings) { s.Schedule.Week[time.Monday].End = 60 }, "Senin"},
		{"ramadan reversed", func(s *AttendanceSettings) {
			s.Ramadan = []DateRange{{From: NewDate(2026, 3, 19), To: NewDate(2026, 2, 18)}}
		}, "Ramadan ke-1"},
		{"ramadan open", func(s *AttendanceSettings) { s.Ramadan = []DateRange{{From: NewDate(2026, 3, 19)}} }, "Ramadan ke-1"},
		{"duplicate code", func(s *AttendanceSettings) { s.Codes = append(s.Codes, s.Codes[0]) }, "dua kali"},
		{"TK removed", func(s *AttendanceSettings) { s.Codes = s.Codes[:len(s.Codes)-2] }, "TK"},
		{"tpp over 100", func(s *AttendanceSettings) { s.TPP.AbsentPercent = 101 }, "TPP"},
		{"hours NaN", func(s *AttendanceSettings) { s.Discipline.HoursPerDay = math.NaN() }, "jam per hari"},
		{"hours zero", func(s *AttendanceSettings) { s.Discipline.HoursPerDay = 0 }, "jam per hari"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := DefaultAttendanceSettings()
			tc.edit(&s)
			err := s.Check()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Check = %v, want a message with %q", err, tc.want)
			}
		})
	}
}

func TestAttendanceSettingsWithDefaults(t *testing.T) {
	got := AttendanceSettings{Discipline: DisciplineSettings{ConvertLateness: false}}.WithDefaults()
	if got.Schedule != DefaultSchedule() || len(got.Codes) != len(DefaultCodes()) || got.TPP.AbsentPercent != 1.5 {
		t.Fatalf("WithDefaults = %+v", got)
	}
	if got.Discipline.ConvertLateness || got.Discipline.HoursPerDay != 7.5 {
		t.Fatalf("an explicit 'conversion off' must stay off: %+v", got.Discipline)
	}
	six := DefaultAttendanceSettings()
	six.Schedule.Week[time.Saturday] = six.Schedule.Week[time.Monday]
	if kept := six.WithDefaults(); kept.Schedule != six.Schedule {
		t.Fatal("a six-day week was replaced")
	}
	cal := six.Calendar([]Holiday{{Date: NewDate(2026, 11, 30), Kind: HolidayLocal, Name: "x"}})
	if !cal.IsWorkingDay(NewDate(2026, 11, 28)) || cal.IsWorkingDay(NewDate(2026, 11, 30)) {
		t.Fatal("Calendar ignores the schedule or the holidays")
	}
}

func TestLeaveOpeningCheck(t *testing.T) {
	for _, tc := range []struct {
		o  LeaveOpening
		ok bool
	}{
		{LeaveOpening{2026, 0}, true}, {LeaveOpening{2026, 24}, true}, {LeaveOpening{2026, 25}, false},
		{LeaveOpening{2026, -1}, false}, {LeaveOpening{1999, 12}, false}, {LeaveOpening{2101, 12}, false},
	} {
		if err := tc.o.Check(); (err == nil) != tc.ok {
			t.Errorf("Check(%+v) = %v", tc.o, err)
		}
	}
}
