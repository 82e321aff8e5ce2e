package data

import "testing"

func TestParseClock(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"07:30", 450, true},
		{"7:30", 450, true},
		{"07.30", 450, true},
		{" 07:30:59 ", 450, true},
		{"00:00", 0, true},
		{"23:59", 1439, true},
		{"24:00", 0, false},
		{"07:60", 0, false},
		{"07:3", 0, false},
		{"0730", 0, false},
		{"+7:30", 0, false},
		{"07::30", 0, false},
		{":30", 0, false},
		{"", 0, false},
		{"07:30:60", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseClock(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParseClock(%q) = %d, %v; want %d ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	if FormatClock(450) != "07:30" || FormatClock(0) != "00:00" {
		t.Errorf("FormatClock = %q, %q", FormatClock(450), FormatClock(0))
	}
}

func TestComputeMinutesBoundaries(t *testing.T) {
	t.Parallel()
	monday := DefaultSchedule().Week[1] // 07:30–16:00
	friday := DefaultSchedule().Week[5] // 07:30–16:30
	tests := []struct {
		name        string
		in, out     string
		h           DayHours
		late, early int
	}{
		{"exactly at start, exactly at end", "07:30", "16:00", monday, 0, 0},
		{"one minute late", "07:31", "16:00", monday, 1, 0},
		{"one minute early", "07:30", "15:59", monday, 0, 1},
		{"early arrival, late departure", "07:00", "17:10", monday, 0, 0},
		{"seconds are dropped", "07:30:59", "16:00", monday, 0, 0},
		{"ninety minutes late", "09:00", "16:00", monday, 90, 0},
		{"ninety-one minutes late", "09:01", "16:00", monday, 91, 0},
		{"Friday 16:00 is 30 minutes short", "07:30", "16:00", friday, 0, 30},
		{"Friday 16:30 is on time", "07:30", "16:30", friday, 0, 0},
		{"no times", "", "", monday, 0, 0},
		{"unreadable arrival", "x", "15:00", monday, 0, 60},
		{"only arrival", "08:00", "", monday, 30, 0},
	}
	for _, tt := range tests {
		late, early := ComputeMinutes(DayEntry{In: tt.in, Out: tt.out}, tt.h)
		if late != tt.late || early != tt.early {
			t.Errorf("%s: ComputeMinutes = %d, %d; want %d, %d", tt.name, late, early, tt.late, tt.early)
		}
	}
}

func TestApplyTimes(t *testing.T) {
	t.Parallel()
	h := DefaultSchedule().Week[1]
	tests := []struct {
		name  string
		in    DayEntry
		code  string
		late  int
		early int
	}{
		{"on time", DayEntry{In: "07:30", Out: "16:00"}, CodeH, 0, 0},
		{"late", DayEntry{In: "07:45", Out: "16:00"}, CodeTL, 15, 0},
		{"early", DayEntry{In: "07:20", Out: "15:00"}, CodePSW, 0, 60},
		{"late and early: TL keeps the short minutes", DayEntry{In: "08:00", Out: "15:00"}, CodeTL, 30, 60},
		{"H typed, times say late", DayEntry{Code: CodeH, In: "07:31"}, CodeTL, 1, 0},
		{"TL typed, times say on time", DayEntry{Code: CodeTL, In: "07:30", Out: "16:00"}, CodeH, 0, 0},
		{"DL keeps its code and gets no minutes", DayEntry{Code: CodeDL, In: "09:00", LateMinutes: 5}, CodeDL, 0, 0},
		{"H with no times stays H", DayEntry{Code: CodeH}, CodeH, 0, 0},
		{"nothing stays not entered", DayEntry{}, "", 0, 0},
	}
	for _, tt := range tests {
		got, err := ApplyTimes(tt.in, h)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got.Code != tt.code || got.LateMinutes != tt.late || got.EarlyMinutes != tt.early {
			t.Errorf("%s: got %s late %d early %d; want %s %d %d", tt.name, got.Code, got.LateMinutes, got.EarlyMinutes, tt.code, tt.late, tt.early)
		}
	}
	if _, err := ApplyTimes(DayEntry{In: "07:30"}, DayHours{}); err != ErrNoHours {
		t.Errorf("no hours: err = %v", err)
	}
	if _, err := ApplyTimes(DayEntry{In: "7.3x"}, h); err == nil {
		t.Error("unreadable time must be refused")
	}
}
