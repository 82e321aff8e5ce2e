package service

import (
	"errors"
	"testing"
	"time"

	"kinerja/data"
)

func TestEnterLeave(t *testing.T) {
	t.Parallel()
	svc, staff := openService(t, person(1, data.KindPNS, 5), person(2, data.KindPPPK, 5))
	pnsID, pppkID := staff[0].ID, staff[1].ID
	// CT from Wednesday 18 March to Wednesday 25 March 2026: the 18th, 20th, 23rd
	// and 24th are cuti bersama, the 19th Nyepi, the 21st–22nd a weekend.
	n, err := svc.EnterLeave(LeaveRequest{StaffID: pnsID, Code: "ct", From: day(time.March, 17), To: day(time.March, 25), GrantedBy: "Camat", Letter: "850/3/Kec"})
	if err != nil || n != 2 {
		t.Fatalf("CT = %d, %v; want 2 working days (17 and 25 March)", n, err)
	}
	m, _ := svc.AttendanceMonth(pnsID, 2026, time.March)
	if len(m.Days) != 2 || m.Days[17].Letter != "850/3/Kec" || m.Days[25].GrantedBy != "Camat" {
		t.Fatalf("March = %+v", m.Days)
	}
	// CS runs in calendar days, across a month end.
	n, err = svc.EnterLeave(LeaveRequest{StaffID: pppkID, Code: "CS", From: day(time.April, 28), To: day(time.May, 4)})
	if err != nil || n != 7 {
		t.Fatalf("CS = %d, %v; want 7 calendar days", n, err)
	}
	if _, err := svc.EnterLeave(LeaveRequest{StaffID: pppkID, Code: "CB", From: day(time.June, 1), To: day(time.June, 5)}); err == nil {
		t.Error("cuti besar accepted for PPPK")
	}
	if _, err := svc.EnterLeave(LeaveRequest{StaffID: pnsID, Code: "TL", From: day(time.June, 1), To: day(time.June, 2)}); err == nil {
		t.Error("TL accepted over a range")
	}
	setDays(t, svc, pnsID, map[data.Date]data.DayEntry{day(time.June, 3): {Code: data.CodeH}})
	_, err = svc.EnterLeave(LeaveRequest{StaffID: pnsID, Code: "CT", From: day(time.June, 2), To: day(time.June, 4)})
	var conflict *LeaveConflictError
	if !errors.As(err, &conflict) || len(conflict.Dates) != 1 || !conflict.Dates[0].Equal(day(time.June, 3)) {
		t.Fatalf("conflict = %v", err)
	}
	if m, _ := svc.AttendanceMonth(pnsID, 2026, time.June); len(m.Days) != 1 {
		t.Fatal("a refused leave saved days")
	}
	if n, err := svc.EnterLeave(LeaveRequest{StaffID: pnsID, Code: "CT", From: day(time.June, 2), To: day(time.June, 4), Overwrite: true}); err != nil || n != 3 {
		t.Fatalf("overwrite = %d, %v", n, err)
	}
	status, err := svc.LeaveStatus(pnsID, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if status.Taken != 5 || status.Available != 12 || status.Remaining != 7 {
		t.Fatalf("LeaveStatus = %+v; want 5 taken of 12", status)
	}
}

func TestLeaveStatusFromOpening(t *testing.T) {
	t.Parallel()
	svc, staff := openService(t, person(1, data.KindPNS, 5))
	id := staff[0].ID
	if err := svc.SetLeaveOpening(id, data.LeaveOpening{Year: 2025, Days: 16}); err != nil {
		t.Fatal(err)
	}
	setDays(t, svc, id, map[data.Date]data.DayEntry{
		data.NewDate(2025, time.July, 1): {Code: data.CodeCT}, data.NewDate(2025, time.July, 2): {Code: data.CodeCT},
		day(time.July, 1): {Code: data.CodeCT},
	})
	// 2025: 16 - 2 = 14 left, at most 6 carried; 2026: 12 + 6 - 1.
	status, err := svc.LeaveStatus(id, 2026)
	if err != nil || status.Carried != 6 || status.Entitlement != 12 || status.Remaining != 17 {
		t.Fatalf("LeaveStatus = %+v, %v", status, err)
	}
	if s, _ := svc.LeaveStatus(id, 2024); s.Available != 0 {
		t.Fatalf("before the opening year: %+v", s)
	}
}
