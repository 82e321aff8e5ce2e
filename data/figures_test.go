package data

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// officeRules are the 2026 rules with two codes an office added: HD
// (present) and A (absent).
func officeRules(t *testing.T) AttendanceRules {
	r := rules2026(t)
	r.Settings.Codes = append(append(Codes{}, r.Settings.Codes...),
		Code{Code: "HD", Label: "Hadir Dinas Lapangan", Category: CategoryPresent},
		Code{Code: "A", Label: "Alpa", Category: CategoryAbsent},
		Code{Code: "IP", Label: "Izin Pribadi", Category: CategoryExcused})
	return r
}

func TestRecapMonthByCategory(t *testing.T) {
	t.Parallel()
	r := officeRules(t)
	m := NewAttendanceMonth(1, 2026, time.November) // 21 working days, no holidays
	m.Days[2] = DayEntry{In: "07:30", Out: "16:00"} // H
	m.Days[3] = DayEntry{Punch: "07:10"}            // PSW, departure not recorded
	m.Days[4] = DayEntry{Punch: "16:05"}            // TL, arrival not recorded
	m.Days[5] = DayEntry{Code: "HD"}                // office code, present
	m.Days[6] = DayEntry{Code: "A"}                 // office code, absent
	m.Days[9] = DayEntry{Code: CodeTK}
	m.Days[10] = DayEntry{Code: CodeS}
	m.Days[11] = DayEntry{Code: "IP"}
	m.Days[12] = DayEntry{Code: CodeCT}
	m.Days[13] = DayEntry{Code: CodeLIB}
	m.Days[16] = DayEntry{In: "08:00", Out: "15:00"} // TL 30, PSW 60
	m.Days[1] = DayEntry{In: "08:00", Out: "12:00"}  // Sunday: piket
	m.Days[8] = DayEntry{Code: CodeS}                // Sunday: ignored
	m.Days[31] = DayEntry{Code: CodeH}               // no such day
	got := RecapMonth(m, r)
	want := RecapRow{StaffID: 1, Year: 2026, Month: time.November, Staff: 1, WorkingDays: 21,
		Present: 5, H: 1, TL: 2, PSW: 1, LateCount: 2, LateMinutes: 30, EarlyCount: 2, EarlyMinutes: 60,
		LateNotRecorded: 1, EarlyNotRecorded: 1, Incomplete: 2,
		Excused: 2, S: 1, Leave: 1, CT: 1, TK: 2, LIB: 1, NotEntered: 10, Piket: 1, IgnoredEntries: 2,
		Other: map[string]int{"HD": 1, "A": 1, "IP": 1}}
	want.PresentPercent = percentOf(5, 21)
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if string(gj) != string(wj) {
		t.Errorf("recap\n got %s\nwant %s", gj, wj)
	}
	sum := SumRecaps([]RecapRow{got, got})
	if sum.Piket != 2 || sum.Excused != 4 || sum.LateNotRecorded != 2 || sum.Incomplete != 4 {
		t.Errorf("sum: %+v", sum)
	}
}

func TestRecapMonthHolidayPiket(t *testing.T) {
	t.Parallel()
	r := rules2026(t)
	m := NewAttendanceMonth(1, 2026, time.December)
	m.Days[24] = DayEntry{Code: CodeH}               // cuti bersama
	m.Days[25] = DayEntry{In: "07:00", Out: "13:00"} // Natal
	m.Days[26] = DayEntry{Code: CodeTK}              // Saturday: TK is never counted off a working day
	got := RecapMonth(m, r)
	if got.Piket != 2 || got.WorkingDays != 21 || got.Present != 0 || got.H != 0 || got.TK != 0 || got.IgnoredEntries != 1 {
		t.Errorf("December: %+v", got)
	}
	if n := len(PiketDays(m, r)); n != 2 {
		t.Errorf("PiketDays = %d", n)
	}
}

func TestTPPMonthAndRecipients(t *testing.T) {
	t.Parallel()
	r := officeRules(t)
	m := NewAttendanceMonth(1, 2026, time.November)
	m.Days[2] = DayEntry{Punch: "07:10"}            // PSW4 1.5
	m.Days[3] = DayEntry{Punch: "16:05"}            // TL4 1.5
	m.Days[4] = DayEntry{In: "07:31", Out: "16:00"} // TL1 0.5
	m.Days[5] = DayEntry{Code: "A"}                 // absent by category 1.5
	m.Days[6] = DayEntry{Code: CodeTK}              // 1.5
	m.Days[1] = DayEntry{Punch: "07:10"}            // Sunday piket: no deduction
	got := TPPMonth(m, r)
	if got.TK != 2 || got.Late[0] != 1 || got.Late[3] != 1 || got.Early[3] != 1 || got.Percent != 6.5 {
		t.Errorf("TPP = %+v", got)
	}
	for _, tt := range []struct {
		k    Kind
		null bool
	}{{KindPNS, false}, {KindCPNS, false}, {KindPPPK, false}, {KindPPPKParuhWaktu, true}, {KindNonASN, true}} {
		p := PersonTPP(m, r, tt.k)
		b, _ := json.Marshal(struct {
			TPP *TPPDetail `json:"tpp"`
		}{p})
		if (p == nil) != tt.null || (tt.null && string(b) != `{"tpp":null}`) {
			t.Errorf("%s: TPP %v, JSON %s", tt.k, p, b)
		}
	}
	// The setting decides: an office that pays TPP to Non-ASN too.
	r.Settings.TPPKinds = []Kind{KindPNS, KindNonASN}
	if PersonTPP(m, r, KindNonASN) == nil || PersonTPP(m, r, KindPPPK) != nil {
		t.Errorf("TPPKinds not followed")
	}
	// An empty list read from JSON means nobody, not the default.
	var s AttendanceSettings
	if err := json.Unmarshal([]byte(`{"tpp_kinds":[]}`), &s); err != nil {
		t.Fatal(err)
	}
	if s.WithDefaults().ReceivesTPP(KindPNS) {
		t.Errorf("an empty TPP list became the default")
	}
	if !(AttendanceSettings{}).WithDefaults().ReceivesTPP(KindCPNS) {
		t.Errorf("an old record without the list gives no TPP to CPNS")
	}
}

func TestDisciplineYearByCategory(t *testing.T) {
	t.Parallel()
	r := officeRules(t)
	r.Settings.Discipline.MissingPunchMinutes = 225
	m := NewAttendanceMonth(1, 2026, time.November)
	m.Days[2] = DayEntry{Code: "A"}
	m.Days[3] = DayEntry{Code: CodeTK}
	m.Days[4] = DayEntry{Code: CodeTK}
	m.Days[5] = DayEntry{Punch: "07:10"} // 225
	m.Days[9] = DayEntry{Punch: "16:05"} // Monday, on time: 225, so 450 minutes = one day
	m.Days[1] = DayEntry{Code: CodeTK}   // Sunday: not counted
	got := DisciplineYear([]AttendanceMonth{m}, 2026, r, KindPNS)
	if got.AbsentDays != 3 || got.LateMinutes != 450 || got.LateDays != 1 || got.TotalDays != 4 || got.Sanction != "teguran tertulis" || got.LongestRun != 3 {
		t.Errorf("DisciplineYear = %+v", got)
	}
}

func TestLeaveYearFromPiket(t *testing.T) {
	t.Parallel()
	r := rules2026(t)
	dec := NewAttendanceMonth(1, 2026, time.December)
	dec.Days[24] = DayEntry{Punch: "08:00"} // cuti bersama worked: +1
	dec.Days[25] = DayEntry{Code: CodeH}    // Natal (libur, not cuti bersama): no day added
	dec.Days[27] = DayEntry{Code: CodeH}    // Sunday: no day added
	dec.Days[28] = DayEntry{Code: CodeCT}
	dec.Days[29] = DayEntry{Code: CodeCT}
	mar := NewAttendanceMonth(1, 2026, time.March)
	mar.Days[20] = DayEntry{Code: CodeDL}                          // cuti bersama Idul Fitri, on duty: +1
	mar.Days[23] = DayEntry{Code: CodeS}                           // cuti bersama, sick: nothing
	ly := LeaveYearFrom([]AttendanceMonth{dec, mar, dec}, 2026, r) // a month given twice counts once
	if ly.Taken != 2 || ly.Piket != 2 || ly.CutiBesar {
		t.Errorf("LeaveYearFrom = %+v", ly)
	}
	st := LeaveBalance(LeaveHistory{OpeningYear: 2025, OpeningDays: 12, Years: []LeaveYear{{Year: 2025, Taken: 12}, ly}}, 2026)
	if st.Entitlement != 12 || st.Carried != 0 || st.Piket != 2 || st.Taken != 2 || st.Remaining != 12 {
		t.Errorf("balance = %+v", st)
	}
	if !strings.Contains(DeriveDay(NewDate(2026, time.December, 24), dec.Days[24], r).Label, "Hadir") {
		t.Errorf("piket label")
	}
}
