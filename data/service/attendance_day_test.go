package service

import (
	"errors"
	"testing"
	"time"

	"kinerja/data"
)

func TestDayGridAndSaveDay(t *testing.T) {
	t.Parallel()
	svc, staff := openService(t, person(1, data.KindPNS, 5), person(2, data.KindPPPK, 5), person(3, data.KindPNS, 6))
	d := day(time.November, 2) // Monday
	rows, err := svc.DayGrid(d, 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Entered || rows[0].Unit != "Seksi Pemerintahan" {
		t.Fatalf("grid = %+v", rows)
	}
	for _, r := range rows {
		if _, ok := data.Codes(r.Codes).Lookup(data.CodeCB); ok == (r.Kind == data.KindPPPK) {
			t.Errorf("%s: CB offered = %v", r.Kind, ok)
		}
	}
	inputs := []DayInput{
		{StaffID: staff[0].ID, Code: "h", In: "7.45", Out: "16:00"},
		{StaffID: staff[1].ID, In: "07:30", Out: "15:00"},
		{StaffID: staff[2].ID, Code: "DL", Letter: "090/15/Kec"},
	}
	if err := svc.SaveDay(d, inputs); err != nil {
		t.Fatal(err)
	}
	rows, _ = svc.DayGrid(d, 0)
	got := map[uint64]data.DayEntry{}
	for _, r := range rows {
		if !r.Entered {
			t.Fatalf("%s not entered", r.Name)
		}
		got[r.StaffID] = r.Entry
	}
	// Facts are stored (times, the code as a hint), minutes are derived when read.
	r, err := svc.AttendanceRules()
	if err != nil {
		t.Fatal(err)
	}
	if e := got[staff[0].ID]; e.Code != data.CodeTL || e.LateMinutes != 0 || e.In != "07:45" || e.Source != data.SourceHand || e.EnteredBy != "uji" ||
		data.DeriveDay(d, e, r).LateMinutes != 15 {
		t.Errorf("late arrival = %+v", e)
	}
	if e := got[staff[1].ID]; e.Code != data.CodePSW || e.EarlyMinutes != 0 || data.DeriveDay(d, e, r).EarlyMinutes != 60 {
		t.Errorf("early departure = %+v", e)
	}
	if e := got[staff[2].ID]; e.Code != data.CodeDL || e.Letter != "090/15/Kec" {
		t.Errorf("duty = %+v", e)
	}
	// Removing an entry makes the day not entered again.
	if err := svc.SaveDay(d, []DayInput{{StaffID: staff[2].ID}}); err != nil {
		t.Fatal(err)
	}
	if rows, _ := svc.DayGrid(d, 6); rows[0].Entered {
		t.Error("a cleared entry is still there")
	}
}

func TestSaveDayRefuses(t *testing.T) {
	t.Parallel()
	svc, staff := openService(t, person(1, data.KindPNS, 5), person(2, data.KindPPPK, 5))
	d := day(time.November, 3)
	tests := []struct {
		name  string
		input DayInput
	}{
		{"unknown code", DayInput{StaffID: staff[0].ID, Code: "XX"}},
		{"bad time", DayInput{StaffID: staff[0].ID, Code: "H", In: "25:00"}},
		{"CB for PPPK", DayInput{StaffID: staff[1].ID, Code: "CB"}},
		{"unknown staff", DayInput{StaffID: 77, Code: "H"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ok := DayInput{StaffID: staff[0].ID, Code: "H"}
			err := svc.SaveDay(d, []DayInput{ok, tc.input})
			var de DayErrors
			if !errors.As(err, &de) || len(de) != 1 {
				t.Fatalf("err = %v", err)
			}
			if rows, _ := svc.DayGrid(d, 0); rows[0].Entered || rows[1].Entered {
				t.Fatal("part of a refused day was saved")
			}
		})
	}
	for _, off := range []data.Date{day(time.November, 1), day(time.August, 17)} {
		// Only presence (piket) may be entered on a day off.
		if err := svc.SaveDay(off, []DayInput{{StaffID: staff[0].ID, Code: "S"}}); !errors.Is(err, ErrNotWorkingDay) {
			t.Errorf("%s: %v, want ErrNotWorkingDay", off, err)
		}
		if _, err := svc.DayGrid(off, 0); !errors.Is(err, ErrNotWorkingDay) {
			t.Errorf("grid %s: %v", off, err)
		}
	}
	status, err := svc.WorkingDay(day(time.August, 17))
	if err != nil || status.Working || status.Reason != "Libur nasional: Hari Proklamasi Kemerdekaan RI" {
		t.Errorf("WorkingDay = %+v, %v", status, err)
	}
}

func TestSaveDayKeepsAnUnchangedMachineEntry(t *testing.T) {
	t.Parallel()
	svc, staff := openService(t, person(1, data.KindPNS, 5))
	d := day(time.November, 4)
	setDays(t, svc, staff[0].ID, map[data.Date]data.DayEntry{d: {Code: data.CodeH, In: "07:20", Out: "16:05", Source: data.SourceMachine}})
	if err := svc.SaveDay(d, []DayInput{{StaffID: staff[0].ID, Code: "H", In: "07:20", Out: "16:05"}}); err != nil {
		t.Fatal(err)
	}
	m, _ := svc.AttendanceMonth(staff[0].ID, 2026, time.November)
	if m.Days[4].Source != data.SourceMachine {
		t.Fatalf("entry became %+v", m.Days[4])
	}
}

func TestMarkAndCopy(t *testing.T) {
	t.Parallel()
	svc, staff := openService(t, person(1, data.KindPNS, 5), person(2, data.KindPNS, 5), person(3, data.KindPNS, 6))
	fri, mon := day(time.November, 6), day(time.November, 9)
	setDays(t, svc, staff[0].ID, map[data.Date]data.DayEntry{fri: {Code: data.CodeTL, In: "08:00", LateMinutes: 30}})
	setDays(t, svc, staff[1].ID, map[data.Date]data.DayEntry{fri: {Code: data.CodeS, Note: "flu"}})
	n, err := svc.CopyPreviousDay(mon, 0)
	if err != nil || n != 2 {
		t.Fatalf("CopyPreviousDay = %d, %v; want 2 (the third had no entry)", n, err)
	}
	rows, _ := svc.DayGrid(mon, 0)
	if rows[0].Entry.Code != data.CodeH || rows[0].Entry.In != "" || rows[1].Entry.Code != data.CodeS || rows[1].Entry.Note != "flu" || rows[2].Entered {
		t.Fatalf("after copy: %+v", rows)
	}
	if n, err := svc.MarkNotEnteredAsH(mon, 5); err != nil || n != 0 {
		t.Fatalf("mark unit 5 = %d, %v", n, err)
	}
	if n, err := svc.MarkNotEnteredAsH(mon, 0); err != nil || n != 1 {
		t.Fatalf("mark all = %d, %v", n, err)
	}
	if rows, _ = svc.DayGrid(mon, 6); rows[0].Entry.Code != data.CodeH {
		t.Fatalf("after mark: %+v", rows[0])
	}
	if n, _ := svc.MarkNotEnteredAsH(mon, 0); n != 0 {
		t.Fatal("marking twice changed entries")
	}
}
