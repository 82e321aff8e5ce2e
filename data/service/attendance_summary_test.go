package service

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"kinerja/data"
)

func TestAttendanceSummary(t *testing.T) {
	t.Parallel()
	svc, staff := openService(t, person(1, data.KindPNS, 5))
	id := staff[0].ID
	entries := map[data.Date]data.DayEntry{
		day(time.November, 2):  {Code: data.CodeH},
		day(time.November, 3):  {Code: data.CodeTL, In: "07:50", Out: "16:00"},
		day(time.November, 4):  {Code: data.CodePSW, In: "07:30", Out: "15:00"},
		day(time.November, 5):  {Code: data.CodeTK},
		day(time.November, 6):  {Code: data.CodeTK},
		day(time.November, 7):  {Code: data.CodeH}, // Saturday: ignored
		day(time.November, 9):  {Code: data.CodeTK},
		day(time.November, 10): {Code: data.CodeCT},
		day(time.October, 30):  {Code: data.CodeTK}, // outside the range, inside the year
	}
	setDays(t, svc, id, entries)
	sum, err := svc.AttendanceSummary(id, day(time.November, 2), day(time.November, 13))
	if err != nil {
		t.Fatal(err)
	}
	// 2–13 November 2026: ten working days (no holiday).
	want := Summary{WorkingDays: 10, Present: 3, TL: 1, LateMinutes: 20, PSW: 1, EarlyMinutes: 60, Leave: 1, TK: 3, NotEntered: 3}
	got := sum
	got.StaffID, got.From, got.To, got.PresentPercent, got.Level, got.Recap, got.Discipline = 0, data.Date{}, data.Date{}, 0, "", data.RecapRow{}, data.DisciplineResult{}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("summary = %+v\nwant %+v", got, want)
	}
	if sum.PresentPercent != 30 {
		t.Errorf("PresentPercent = %v, want 30", sum.PresentPercent)
	}
	// The year up to 13 November holds 4 TK: teguran tertulis.
	if sum.Discipline.AbsentDays != 4 || !strings.Contains(sum.Level, "teguran tertulis") {
		t.Errorf("level = %q (%+v)", sum.Level, sum.Discipline)
	}
	early, err := svc.AttendanceSummary(id, day(time.November, 2), day(time.November, 5))
	if err != nil {
		t.Fatal(err)
	}
	if early.WorkingDays != 4 || early.TK != 1 || early.Discipline.AbsentDays != 2 || early.Level != "" {
		t.Errorf("up to 5 November: %+v", early)
	}
	if _, err := svc.AttendanceSummary(id, day(time.November, 5), day(time.November, 2)); err == nil {
		t.Error("a reversed range was accepted")
	}
	if _, err := svc.AttendanceSummary(99, day(time.November, 2), day(time.November, 5)); err == nil {
		t.Error("an unknown staff member was accepted")
	}
}

func TestSummaryHolidaysAreNotWorkingDays(t *testing.T) {
	t.Parallel()
	svc, staff := openService(t, person(1, data.KindPNS, 5))
	// 16–20 March 2026: the 18th and 20th are cuti bersama, the 19th Nyepi (shipped list).
	sum, err := svc.AttendanceSummary(staff[0].ID, day(time.March, 16), day(time.March, 20))
	if err != nil {
		t.Fatal(err)
	}
	if sum.WorkingDays != 2 || sum.NotEntered != 2 {
		t.Fatalf("working days = %d, not entered %d; want 2 and 2", sum.WorkingDays, sum.NotEntered)
	}
}
