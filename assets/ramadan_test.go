package assets

import (
	"testing"
	"time"

	"kinerja/data"
)

func TestShippedRamadan(t *testing.T) {
	t.Parallel()
	ps, err := RamadanPeriods()
	if err != nil {
		t.Fatal(err)
	}
	want := []data.RamadanPeriod{
		{HijriYear: 1447, From: data.NewDate(2026, time.February, 19), To: data.NewDate(2026, time.March, 20), Status: data.RamadanConfirmed},
		{HijriYear: 1448, From: data.NewDate(2027, time.February, 8), To: data.NewDate(2027, time.March, 9), Status: data.RamadanEstimate},
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d periods: %+v", len(ps), ps)
	}
	for i, w := range want {
		p := ps[i]
		if p.HijriYear != w.HijriYear || !p.From.Equal(w.From) || !p.To.Equal(w.To) || p.Status != w.Status || p.Source == "" {
			t.Errorf("period %d = %+v, want %+v with a source", i, p, w)
		}
	}
	// The day before Idul Fitri 1447 H is still Ramadan; Idul Fitri is not.
	hs, _, err := Holidays()
	if err != nil {
		t.Fatal(err)
	}
	cal := data.NewCalendar(hs)
	cal.RamadanPeriods = ps
	for _, tc := range []struct {
		d  data.Date
		st data.RamadanStatus
		in bool
	}{
		{data.NewDate(2026, time.February, 18), "", false},
		{data.NewDate(2026, time.February, 19), data.RamadanConfirmed, true},
		{data.NewDate(2026, time.March, 20), data.RamadanConfirmed, true},
		{data.NewDate(2026, time.March, 21), "", false},
		{data.NewDate(2027, time.February, 8), data.RamadanEstimate, true},
		{data.NewDate(2027, time.March, 9), data.RamadanEstimate, true},
		{data.NewDate(2027, time.March, 10), "", false},
	} {
		if st, in := cal.RamadanOn(tc.d); st != tc.st || in != tc.in {
			t.Errorf("RamadanOn(%s) = %q %v, want %q %v", tc.d, st, in, tc.st, tc.in)
		}
	}
}

func TestHolidayListFor(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		year                 int
		shipped, provisional bool
	}{{2026, true, false}, {2027, true, true}, {2028, false, false}, {2025, false, false}} {
		if l := HolidayListFor(tc.year); l.Shipped != tc.shipped || l.Provisional != tc.provisional {
			t.Errorf("HolidayListFor(%d) = %+v, want shipped %v provisional %v", tc.year, l, tc.shipped, tc.provisional)
		}
	}
	hs, years, err := Holidays()
	if err != nil {
		t.Fatal(err)
	}
	if !data.HasHolidayList(hs, 2027) || data.HasHolidayList(hs, 2028) {
		t.Errorf("HasHolidayList 2027/2028 wrong; years %v", years)
	}
	cal := data.NewCalendar(hs)
	for _, tc := range []struct {
		d       data.Date
		working bool
	}{
		{data.NewDate(2027, time.January, 1), false},  // Tahun Baru (Friday)
		{data.NewDate(2027, time.March, 26), false},   // Wafat Yesus Kristus (Friday)
		{data.NewDate(2027, time.August, 17), false},  // Proklamasi (Tuesday)
		{data.NewDate(2027, time.January, 4), true},   // an ordinary Monday
		{data.NewDate(2027, time.December, 24), true}, // no cuti bersama shipped for 2027 yet
	} {
		if got := cal.IsWorkingDay(tc.d); got != tc.working {
			t.Errorf("IsWorkingDay(%s) = %v, want %v", tc.d, got, tc.working)
		}
	}
}
