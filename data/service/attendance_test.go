package service

import (
	"testing"
	"time"
)

func TestParseMonth(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in    string
		year  int
		month time.Month
		ok    bool
	}{
		{"2026-11", 2026, time.November, true},
		{"2026-01", 2026, time.January, true},
		{"2026-13", 0, 0, false},
		{"2026-1", 0, 0, false},
		{"11/2026", 0, 0, false},
		{"", 0, 0, false},
		{"2026-11-01", 0, 0, false},
	} {
		y, m, err := ParseMonth(tc.in)
		if (err == nil) != tc.ok || y != tc.year || m != tc.month {
			t.Errorf("ParseMonth(%q) = %d, %d, %v", tc.in, y, m, err)
		}
	}
}

func TestGuessPunchColumns(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		header []string
		want   PunchColumns
	}{
		{[]string{"PIN", "Tanggal", "Jam"}, PunchColumns{PIN: 0, DateTime: -1, Date: 1, Time: 2}},
		{[]string{"AC-No.", "Name", "Time"}, PunchColumns{PIN: 0, DateTime: -1, Date: -1, Time: 2}},
		{[]string{"User ID", "Date Time"}, PunchColumns{PIN: 0, DateTime: 1, Date: -1, Time: -1}},
		{[]string{"Nama", "Keterangan"}, PunchColumns{PIN: -1, DateTime: -1, Date: -1, Time: -1}},
	} {
		if got := GuessPunchColumns(tc.header); got != tc.want {
			t.Errorf("GuessPunchColumns(%v) = %+v, want %+v", tc.header, got, tc.want)
		}
	}
	if err := (PunchColumns{PIN: 0, DateTime: -1, Date: -1, Time: 2}).Check(3); err == nil {
		t.Error("a time column without a date was accepted")
	}
	if err := (PunchColumns{PIN: 0, DateTime: 5, Date: -1, Time: -1}).Check(3); err == nil {
		t.Error("a column past the table was accepted")
	}
}

func TestCalendarSeedsShippedHolidaysOnce(t *testing.T) {
	t.Parallel()
	svc, _ := openService(t)
	cal, err := svc.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	if cal.IsWorkingDay(day(time.August, 17)) {
		t.Fatal("17 August 2026 is a working day")
	}
	if err := svc.RemoveHoliday(day(time.August, 17)); err != nil {
		t.Fatal(err)
	}
	if cal, _ = svc.Calendar(); !cal.IsWorkingDay(day(time.August, 17)) {
		t.Fatal("a holiday the admin removed came back")
	}
	if _, ok := cal.HolidayOn(day(time.December, 25)); !ok {
		t.Fatal("Christmas missing")
	}
}
