package service

import (
	"strings"
	"testing"
	"time"

	"kinerja/data"
)

func TestMonthRecap(t *testing.T) {
	t.Parallel()
	svc, staff := openService(t, person(1, data.KindPNS, 6), person(2, data.KindPNS, 5), person(3, data.KindNonASN, 5))
	setDays(t, svc, staff[0].ID, map[data.Date]data.DayEntry{
		day(time.November, 2): {Code: data.CodeTL, In: "08:15", Out: "16:00"},
		day(time.November, 3): {Code: data.CodeTK},
	})
	setDays(t, svc, staff[1].ID, map[data.Date]data.DayEntry{day(time.November, 2): {Code: data.CodeH}})
	rec, err := svc.MonthRecap(2026, time.November, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Lines) != 3 || rec.Lines[0].UnitID != 5 || rec.Lines[2].StaffID != staff[0].ID {
		t.Fatalf("lines = %+v", rec.Lines)
	}
	l := rec.Lines[2]
	// November 2026 has 21 working days.
	if l.Recap.WorkingDays != 21 || l.Recap.Present != 1 || l.Recap.TK != 1 || l.Recap.NotEntered != 19 || l.Recap.LateMinutes != 45 {
		t.Errorf("recap = %+v", l.Recap)
	}
	if l.TPP == nil || l.TPP.Percent != 2.5 || *l.TPPCut != 2.5 { // 1.5 for the TK day + 1 for TL2 (31–60 minutes)
		t.Errorf("TPP cut = %+v, want 2.5", l.TPP)
	}
	// Non-ASN receive no TPP: no figure, and not on the rekap TPP.
	for _, nl := range rec.Lines {
		if nl.Kind == data.KindNonASN && (nl.TPP != nil || nl.TPPCut != nil) {
			t.Errorf("Non-ASN line has a TPP figure: %+v", nl)
		}
	}
	if got := len(rec.TPPLines()); got != 2 {
		t.Errorf("TPP lines = %d, want 2", got)
	}
	if len(rec.Units) != 2 || rec.Units[0].Recap.Staff != 2 || rec.Units[1].Recap.TK != 1 {
		t.Errorf("units = %+v", rec.Units)
	}
	if rec.Office.Staff != 3 || rec.Office.WorkingDays != 63 || rec.Office.Present != 2 {
		t.Errorf("office = %+v", rec.Office)
	}
	one, _ := svc.MonthRecap(2026, time.November, 6)
	if len(one.Lines) != 1 || one.Office.Staff != 1 {
		t.Errorf("unit 6 = %+v", one)
	}
	year, err := svc.YearRecap(staff[0].ID, 2026)
	if err != nil || len(year.Months) != 12 || year.Total.TK != 1 || year.TPP[10].Percent != 2.5 {
		t.Fatalf("YearRecap = %+v, %v", year, err)
	}
}

func TestDisciplineYearAndNearThresholds(t *testing.T) {
	t.Parallel()
	svc, staff := openService(t, person(1, data.KindPNS, 5), person(2, data.KindNonASN, 5), person(3, data.KindPNS, 5), person(4, data.KindCPNS, 5))
	tk := func(ds ...data.Date) map[data.Date]data.DayEntry {
		out := map[data.Date]data.DayEntry{}
		for _, d := range ds {
			out[d] = data.DayEntry{Code: data.CodeTK}
		}
		return out
	}
	// Person 1: two TK days — one short of teguran lisan.
	setDays(t, svc, staff[0].ID, tk(day(time.February, 2), day(time.February, 3)))
	// Non-ASN: many TK days, counts only.
	setDays(t, svc, staff[1].ID, tk(day(time.May, 4), day(time.May, 5), day(time.May, 6), day(time.May, 7)))
	// CPNS: a run from 28 December 2025 (a Sunday) across the new year:
	// 29–31 December 2025, then 2, 5–9 January 2026 (1 January is a holiday).
	run := tk(data.NewDate(2025, 12, 29), data.NewDate(2025, 12, 30), data.NewDate(2025, 12, 31),
		day(time.January, 2), day(time.January, 5), day(time.January, 6), day(time.January, 7), day(time.January, 8), day(time.January, 9))
	setDays(t, svc, staff[3].ID, run)
	lines, err := svc.DisciplineYear(2026)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[uint64]data.DisciplineResult{}
	for _, l := range lines {
		byID[l.StaffID] = l.Result
	}
	if r := byID[staff[0].ID]; r.AbsentDays != 2 || r.DaysToNext != 1 || !strings.Contains(r.NextThreshold, "teguran lisan") {
		t.Errorf("person 1 = %+v", r)
	}
	if r := byID[staff[1].ID]; !r.CountsOnly || r.AbsentDays != 4 || r.Potential != "" {
		t.Errorf("non-ASN = %+v", r)
	}
	if r := byID[staff[3].ID]; r.LongestRun != 9 || r.AbsentDays != 6 {
		t.Errorf("CPNS run = %+v", r)
	}
	near, err := svc.NearThresholds(day(time.November, 28))
	if err != nil {
		t.Fatal(err)
	}
	if len(near) != 2 || near[0].StaffID != staff[3].ID || near[1].StaffID != staff[0].ID {
		t.Fatalf("near = %+v", near)
	}
}
