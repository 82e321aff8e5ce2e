package data

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseRamadanCSV(t *testing.T) {
	t.Parallel()
	in := "\uFEFF# sumber\n" +
		"hijri_year,from,to,status,source\n" +
		"1448,2027-02-08,2027-03-09,perkiraan,\"Perkiraan hisab, menunggu sidang isbat\"\n" +
		"\n" +
		"1447,19/02/2026,20/03/2026,pasti,Sidang isbat 17 Februari 2026\n" +
		"1449, 2028-01-28 , 2028-02-26 ,ESTIMATE\n" + // English status, no source
		"1450,2029-01-16,2029-02-17,perkiraan,too long\n" + // 33 days
		"1451,2030-01-06,2030-01-01,pasti,reversed\n" +
		"1452,2031-01-01,2031-01-29,mungkin,x\n" +
		"tahun,2031-01-01,2031-01-29,pasti,x\n" +
		"1453,2031-02-30,2031-03-01,pasti,x\n" +
		"1454,2032-01-01\n" +
		"99,2032-01-01,2032-01-29,pasti,x\n"
	ps, err := ParseRamadanCSV(strings.NewReader(in))
	var le LineErrors
	if !errors.As(err, &le) {
		t.Fatalf("err = %v", err)
	}
	var lines []int
	for _, e := range le {
		lines = append(lines, e.Line)
	}
	if got := fmt.Sprint(lines); got != "[7 8 9 10 11 12 13]" {
		t.Errorf("bad lines %v (%v)", lines, le)
	}
	if len(ps) != 3 || ps[0].HijriYear != 1447 || ps[1].HijriYear != 1448 || ps[2].HijriYear != 1449 {
		t.Fatalf("periods %+v", ps)
	}
	if ps[0].Status != RamadanConfirmed || !ps[0].From.Equal(NewDate(2026, time.February, 19)) || ps[0].Source != "Sidang isbat 17 Februari 2026" {
		t.Errorf("1447 = %+v", ps[0])
	}
	if ps[1].Status != RamadanEstimate || ps[1].Source != "Perkiraan hisab, menunggu sidang isbat" || ps[2].Status != RamadanEstimate || ps[2].Source != "" {
		t.Errorf("1448/1449 = %+v %+v", ps[1], ps[2])
	}
	if RamadanEstimate.Label() != "perkiraan hisab, menunggu sidang isbat" {
		t.Errorf("label %q", RamadanEstimate.Label())
	}
}

func TestRamadanScheduleInUse(t *testing.T) {
	t.Parallel()
	s := DefaultSchedule()
	if got := s.RamadanWeekMinutes(); got != 32*60+30 {
		t.Errorf("Ramadan week = %d, want 1950 (32 h 30 min, Perpres 21/2023)", got)
	}
	if fri := s.Ramadan[time.Friday]; fri.Start != 8*60 || fri.BreakEnd-fri.BreakStart != 60 {
		t.Errorf("Ramadan Friday %+v", fri)
	}
	if mon := s.Ramadan[time.Monday]; mon.Start != 8*60 || mon.BreakEnd-mon.BreakStart != 30 {
		t.Errorf("Ramadan Monday %+v", mon)
	}
	cal := Calendar{Schedule: s, RamadanPeriods: []RamadanPeriod{
		{HijriYear: 1448, From: NewDate(2027, 2, 8), To: NewDate(2027, 3, 9), Status: RamadanEstimate},
	}}
	for _, tt := range []struct {
		d     Date
		start int
		st    RamadanStatus
	}{
		{NewDate(2027, 2, 5), 7*60 + 30, ""},           // Friday before
		{NewDate(2027, 2, 8), 8 * 60, RamadanEstimate}, // first day
		{NewDate(2027, 3, 9), 8 * 60, RamadanEstimate}, // last day
		{NewDate(2027, 3, 10), 7*60 + 30, ""},
	} {
		h, _ := cal.DayHours(tt.d)
		st, _ := cal.RamadanOn(tt.d)
		if h.Start != tt.start || st != tt.st {
			t.Errorf("%s: start %s status %q", tt.d, FormatClock(h.Start), st)
		}
	}
	// The isbat confirms: a confirmed range wins over the estimate.
	cal.Ramadan = []DateRange{{From: NewDate(2027, 2, 9), To: NewDate(2027, 3, 10)}}
	if st, _ := cal.RamadanOn(NewDate(2027, 2, 9)); st != RamadanConfirmed {
		t.Errorf("confirmed range: %q", st)
	}
	if st, _ := cal.RamadanOn(NewDate(2027, 2, 8)); st != RamadanEstimate {
		t.Errorf("estimate only: %q", st)
	}
}

func FuzzParseRamadanCSV(f *testing.F) {
	for _, s := range []string{
		"1447,2026-02-19,2026-03-20,pasti,Sidang isbat\n",
		"hijri_year,from,to,status,source\n1448,08/02/2027,09/03/2027,perkiraan,\"a, b\"\n",
		"# x\n\n1449,2028-01-28,2028-02-26,estimate\n",
		"1450,2029-02-30,2029-03-01,pasti\n",
		"\uFEFF,,,,\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParseRamadanCSV(strings.NewReader(s))
		var le LineErrors
		if err != nil && !errors.As(err, &le) {
			t.Fatalf("error of another type: %v", err)
		}
		for i, p := range ps {
			if e := p.Check(); e != nil {
				t.Fatalf("returned period %+v fails Check: %v", p, e)
			}
			if i > 0 && p.From.Before(ps[i-1].From) {
				t.Fatalf("not sorted")
			}
		}
	})
}
