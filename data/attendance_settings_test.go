package data

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

func TestAttendanceSettingsCheck(t *testing.T) {
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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

func TestAttendanceSettingsNewDefaults(t *testing.T) {
	t.Parallel()
	d := DefaultAttendanceSettings()
	if d.Punches.Window() != 10 || d.Discipline.MissingPunchMinutes != 0 ||
		fmt.Sprint(d.TPPKinds) != "[PNS CPNS PPPK]" || fmt.Sprint(d.NonASNCodes) != "[S I]" {
		t.Errorf("defaults: %+v %+v %v %v", d.Punches, d.Discipline, d.TPPKinds, d.NonASNCodes)
	}
	if err := d.Check(); err != nil {
		t.Fatal(err)
	}
	old := AttendanceSettings{}.WithDefaults() // a record from before these settings
	if old.Punches.WindowMinutes != 10 || old.TPPKinds == nil || old.NonASNCodes == nil {
		t.Errorf("WithDefaults: %+v", old)
	}
	tests := []struct {
		name   string
		change func(*AttendanceSettings)
		ok     bool
	}{
		{"window 0 (default)", func(s *AttendanceSettings) { s.Punches.WindowMinutes = 0 }, true},
		{"window 120", func(s *AttendanceSettings) { s.Punches.WindowMinutes = 120 }, true},
		{"window 121", func(s *AttendanceSettings) { s.Punches.WindowMinutes = 121 }, false},
		{"window negative", func(s *AttendanceSettings) { s.Punches.WindowMinutes = -1 }, false},
		{"missing 1440", func(s *AttendanceSettings) { s.Discipline.MissingPunchMinutes = 1440 }, true},
		{"missing 1441", func(s *AttendanceSettings) { s.Discipline.MissingPunchMinutes = 1441 }, false},
		{"missing negative", func(s *AttendanceSettings) { s.Discipline.MissingPunchMinutes = -1 }, false},
		{"no TPP at all", func(s *AttendanceSettings) { s.TPPKinds = []Kind{} }, true},
		{"unknown TPP kind", func(s *AttendanceSettings) { s.TPPKinds = []Kind{"Honorer"} }, false},
		{"unknown Non-ASN code", func(s *AttendanceSettings) { s.NonASNCodes = []string{"S", "ZZ"} }, false},
		{"Ramadan period reversed", func(s *AttendanceSettings) {
			s.RamadanPeriods = []RamadanPeriod{{HijriYear: 1448, From: NewDate(2027, 3, 9), To: NewDate(2027, 2, 8), Status: RamadanEstimate}}
		}, false},
		{"Ramadan period fine", func(s *AttendanceSettings) {
			s.RamadanPeriods = []RamadanPeriod{{HijriYear: 1448, From: NewDate(2027, 2, 8), To: NewDate(2027, 3, 9), Status: RamadanEstimate}}
		}, true},
	}
	for _, tt := range tests {
		s := DefaultAttendanceSettings()
		tt.change(&s)
		if err := s.Check(); (err == nil) != tt.ok {
			t.Errorf("%s: Check = %v", tt.name, err)
		}
	}
	if got := DefaultCodes().FullLabels(); got[CodeTL] != "TL — Terlambat" || got[CodePSW] != "PSW — Pulang Sebelum Waktunya" || len(got) != 16 {
		t.Errorf("FullLabels: %v", got)
	}
}
