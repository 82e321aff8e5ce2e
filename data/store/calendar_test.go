package store

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"kinerja/data"
)

var shipped = []data.Holiday{
	{Date: data.NewDate(2026, time.January, 1), Kind: data.HolidayNational, Name: "Tahun Baru 2026 Masehi"},
	{Date: data.NewDate(2026, time.March, 20), Kind: data.HolidayCutiBersama, Name: "Cuti Bersama Idul Fitri"},
	{Date: data.NewDate(2027, time.January, 1), Kind: data.HolidayNational, Name: "Tahun Baru 2027 Masehi"},
}

func TestSeedHolidaysOnce(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	local := data.Holiday{Date: data.NewDate(2026, time.March, 20), Kind: data.HolidayLocal, Name: "Hari jadi kecamatan"}
	if err := s.SaveHoliday(local); err != nil {
		t.Fatal(err)
	}
	years, err := s.SeedHolidays(shipped, []int{2026})
	if err != nil || !reflect.DeepEqual(years, []int{2026}) {
		t.Fatalf("SeedHolidays = %v, %v", years, err)
	}
	hs, _ := s.Holidays()
	if len(hs) != 2 || hs[1] != local {
		t.Fatalf("after seeding = %+v (the local day must be kept, 2027 not seeded)", hs)
	}
	if err := s.RemoveHoliday(data.NewDate(2026, time.January, 1)); err != nil {
		t.Fatal(err)
	}
	if years, err := s.SeedHolidays(shipped, []int{2026}); err != nil || len(years) != 0 {
		t.Fatalf("second seeding = %v, %v", years, err)
	}
	hs, _ = s.Holidays()
	if len(hs) != 1 || hs[0] != local {
		t.Fatalf("a removed holiday came back: %+v", hs)
	}
	if years, _ := s.SeedHolidays(shipped, []int{2026, 2027}); !reflect.DeepEqual(years, []int{2027}) {
		t.Fatalf("seeding 2027 = %v", years)
	}
	if hs, _ = s.Holidays(); len(hs) != 2 {
		t.Fatalf("after 2027 = %+v", hs)
	}
	if err := s.VerifyAudit(); err != nil {
		t.Fatal(err)
	}
}

func TestHolidayEdits(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	for _, bad := range []data.Holiday{
		{Kind: data.HolidayLocal, Name: "x"},
		{Date: data.NewDate(2026, 5, 5), Kind: "pesta", Name: "x"},
		{Date: data.NewDate(2026, 5, 5), Kind: data.HolidayLocal, Name: "  "},
	} {
		if err := s.SaveHoliday(bad); err == nil {
			t.Errorf("SaveHoliday(%+v) accepted", bad)
		}
	}
	if err := s.RemoveHoliday(data.NewDate(2026, 5, 5)); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("removing a normal day: %v", err)
	}
	n, err := s.ImportHolidays(shipped)
	if err != nil || n != 3 {
		t.Fatalf("ImportHolidays = %d, %v", n, err)
	}
	if n, _ := s.ImportHolidays(shipped); n != 0 {
		t.Fatalf("importing again changed %d", n)
	}
	if _, err := s.ImportHolidays([]data.Holiday{shipped[0], {Name: "tanpa tanggal"}}); err == nil {
		t.Fatal("a list with a bad entry was imported")
	}
}

func TestAttendanceSettingsAndCalendar(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	set, err := s.AttendanceSettings()
	if err != nil || !reflect.DeepEqual(set, data.DefaultAttendanceSettings()) {
		t.Fatalf("defaults = %+v, %v", set, err)
	}
	set.Schedule.Week[time.Saturday] = set.Schedule.Week[time.Monday]
	set.Ramadan = []data.DateRange{{From: data.NewDate(2026, 2, 18), To: data.NewDate(2026, 3, 19)}}
	if err := s.SetAttendanceSettings(set); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveHoliday(shipped[0]); err != nil {
		t.Fatal(err)
	}
	cal, err := s.Calendar()
	if err != nil {
		t.Fatal(err)
	}
	if !cal.IsWorkingDay(data.NewDate(2026, time.November, 28)) || cal.IsWorkingDay(shipped[0].Date) || !cal.InRamadan(data.NewDate(2026, 3, 1)) {
		t.Fatalf("calendar = %+v", cal)
	}
	set.Codes = data.Codes{{Code: "H", Label: "Hadir", Category: data.CategoryPresent}}
	if err := s.SetAttendanceSettings(set); err == nil {
		t.Fatal("settings without TK and CT accepted")
	}
}
