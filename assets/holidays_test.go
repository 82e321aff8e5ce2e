package assets

import (
	"slices"
	"testing"
	"time"

	"kinerja/data"
)

func TestShippedHolidays(t *testing.T) {
	t.Parallel()
	hs, years, err := Holidays()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(years, 2026) {
		t.Fatalf("years = %v, want 2026 among them", years)
	}
	cal := data.NewCalendar(hs)
	for _, tc := range []struct {
		d       data.Date
		working bool
	}{
		{data.NewDate(2026, time.January, 1), false},  // Tahun Baru
		{data.NewDate(2026, time.March, 20), false},   // cuti bersama Idul Fitri (a Friday)
		{data.NewDate(2026, time.August, 17), false},  // Proklamasi
		{data.NewDate(2026, time.November, 27), true}, // an ordinary Friday
	} {
		if got := cal.IsWorkingDay(tc.d); got != tc.working {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tc.d, got, tc.working)
		}
	}
	for i := 1; i < len(hs); i++ {
		if hs[i].Date.Before(hs[i-1].Date) {
			t.Fatalf("holidays not sorted at %d", i)
		}
	}
}
