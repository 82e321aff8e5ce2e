package data

import (
	"testing"
	"time"
)

func TestLeaveBalanceCarryOver(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		h         LeaveHistory
		year      int
		available int
		carried   int
		remaining int
		long      bool
	}{
		{"opening year as entered", LeaveHistory{OpeningYear: 2024, OpeningDays: 15, Years: []LeaveYear{{Year: 2024, Taken: 5}}},
			2024, 15, 0, 10, false},
		{"unused 10 carries only 6", LeaveHistory{OpeningYear: 2024, OpeningDays: 12, Years: []LeaveYear{{Year: 2024, Taken: 2}, {Year: 2025, Taken: 0}}},
			2025, 18, 6, 18, false},
		{"unused 4 carries 4", LeaveHistory{OpeningYear: 2024, OpeningDays: 12, Years: []LeaveYear{{Year: 2024, Taken: 8}}},
			2025, 16, 4, 16, false},
		{"all used carries nothing", LeaveHistory{OpeningYear: 2024, OpeningDays: 12, Years: []LeaveYear{{Year: 2024, Taken: 12}}},
			2025, 12, 0, 12, false},
		{"two years none taken: up to 24", LeaveHistory{OpeningYear: 2024, OpeningDays: 12,
			Years: []LeaveYear{{Year: 2024}, {Year: 2025}, {Year: 2026, Taken: 3}}},
			2026, 24, 12, 21, true},
		{"one year none taken: still 18", LeaveHistory{OpeningYear: 2024, OpeningDays: 12,
			Years: []LeaveYear{{Year: 2024, Taken: 1}, {Year: 2025}}},
			2026, 18, 6, 18, false},
		{"cuti besar cancels the year", LeaveHistory{OpeningYear: 2024, OpeningDays: 12,
			Years: []LeaveYear{{Year: 2024}, {Year: 2025, CutiBesar: true}}},
			2025, 0, 0, 0, false},
		{"after cuti besar nothing carries", LeaveHistory{OpeningYear: 2024, OpeningDays: 12,
			Years: []LeaveYear{{Year: 2024}, {Year: 2025, CutiBesar: true}}},
			2026, 12, 0, 12, false},
		{"piket on cuti bersama adds a day", LeaveHistory{OpeningYear: 2025, OpeningDays: 12,
			Years: []LeaveYear{{Year: 2025, Taken: 12}, {Year: 2026, Piket: 2, Taken: 1}}},
			2026, 14, 0, 13, false},
		{"first year of service: nothing", LeaveHistory{ServiceStart: NewDate(2026, 3, 1), OpeningYear: 2025,
			Years: []LeaveYear{{Year: 2026}}},
			2026, 0, 0, 0, false},
		{"one year completed during the year", LeaveHistory{ServiceStart: NewDate(2025, 3, 1), OpeningYear: 2025},
			2026, 12, 0, 12, false},
		{"over-taken goes negative, carries nothing", LeaveHistory{OpeningYear: 2025, OpeningDays: 12,
			Years: []LeaveYear{{Year: 2025, Taken: 14}}},
			2026, 12, 0, 12, false},
		{"before the opening year: not tracked", LeaveHistory{OpeningYear: 2025, OpeningDays: 12},
			2024, 0, 0, 0, false},
	}
	for _, tt := range tests {
		st := LeaveBalance(tt.h, tt.year)
		if st.Available != tt.available || st.Carried != tt.carried || st.Remaining != tt.remaining || st.LongUnused != tt.long {
			t.Errorf("%s: %+v; want available %d carried %d remaining %d long %v", tt.name, st, tt.available, tt.carried, tt.remaining, tt.long)
		}
	}
	neg := LeaveBalance(LeaveHistory{OpeningYear: 2025, OpeningDays: 12, Years: []LeaveYear{{Year: 2025, Taken: 14}}}, 2025)
	if neg.Remaining != -2 {
		t.Errorf("over-taken remaining = %d, want -2", neg.Remaining)
	}
}

func TestLeaveDates(t *testing.T) {
	t.Parallel()
	cal := calendar2026(t)
	codes := DefaultCodes()
	ct, _ := codes.Lookup(CodeCT)
	cs, _ := codes.Lookup(CodeCS)
	// 12–25 Feb 2026: 14 calendar days; weekends and 16–17 Feb off leave 8 working days.
	r := DateRange{From: NewDate(2026, 2, 12), To: NewDate(2026, 2, 25)}
	if got := len(LeaveDates(ct, r, cal)); got != 8 {
		t.Errorf("CT 12–25 Feb = %d days, want 8 working days", got)
	}
	if got := len(LeaveDates(cs, r, cal)); got != 14 {
		t.Errorf("CS 12–25 Feb = %d days, want 14 calendar days", got)
	}
	if got := LeaveDates(ct, DateRange{From: r.To, To: r.From}, cal); len(got) != 0 {
		t.Errorf("reversed range = %v", got)
	}
	if got := LeaveDates(cs, DateRange{To: r.To}, cal); len(got) != 0 {
		t.Errorf("range without a start = %d days", len(got))
	}
}

func TestLeaveYearOf(t *testing.T) {
	t.Parallel()
	cal := calendar2026(t)
	feb := NewAttendanceMonth(1, 2026, time.February)
	feb.Days[12] = DayEntry{Code: CodeCT}
	feb.Days[13] = DayEntry{Code: CodeCT}
	feb.Days[14] = DayEntry{Code: CodeCT} // Saturday: not counted
	feb.Days[16] = DayEntry{Code: CodeH}  // piket on cuti bersama Imlek
	feb.Days[17] = DayEntry{Code: CodeH}  // the Imlek holiday itself is not cuti bersama
	dec := NewAttendanceMonth(1, 2025, time.December)
	dec.Days[1] = DayEntry{Code: CodeCT}
	ly := LeaveYearOf([]AttendanceMonth{feb, dec}, 2026, cal)
	if ly != (LeaveYear{Year: 2026, Taken: 2, Piket: 1}) {
		t.Errorf("LeaveYearOf = %+v", ly)
	}
	feb.Days[20] = DayEntry{Code: CodeCB}
	if !LeaveYearOf([]AttendanceMonth{feb}, 2026, cal).CutiBesar {
		t.Error("cuti besar not seen")
	}
}
