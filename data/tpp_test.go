package data

import (
	"reflect"
	"testing"
	"time"
)

func TestTPPBands(t *testing.T) {
	t.Parallel()
	rules := DefaultTPPRules()
	if err := rules.Check(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		e     DayEntry
		late  []int
		early []int
		pct   float64
	}{
		{"on time", DayEntry{Code: CodeH}, []int{0, 0, 0, 0}, []int{0, 0, 0, 0}, 0},
		{"TL 1 min", DayEntry{Code: CodeTL, LateMinutes: 1}, []int{1, 0, 0, 0}, []int{0, 0, 0, 0}, 0.5},
		{"TL 30 min", DayEntry{Code: CodeTL, LateMinutes: 30}, []int{1, 0, 0, 0}, []int{0, 0, 0, 0}, 0.5},
		{"TL 31 min", DayEntry{Code: CodeTL, LateMinutes: 31}, []int{0, 1, 0, 0}, []int{0, 0, 0, 0}, 1},
		{"TL 60 min", DayEntry{Code: CodeTL, LateMinutes: 60}, []int{0, 1, 0, 0}, []int{0, 0, 0, 0}, 1},
		{"TL 61 min", DayEntry{Code: CodeTL, LateMinutes: 61}, []int{0, 0, 1, 0}, []int{0, 0, 0, 0}, 1.25},
		{"TL 90 min", DayEntry{Code: CodeTL, LateMinutes: 90}, []int{0, 0, 1, 0}, []int{0, 0, 0, 0}, 1.25},
		{"TL 91 min", DayEntry{Code: CodeTL, LateMinutes: 91}, []int{0, 0, 0, 1}, []int{0, 0, 0, 0}, 1.5},
		{"TL not recorded", DayEntry{Code: CodeTL}, []int{0, 0, 0, 1}, []int{0, 0, 0, 0}, 1.5},
		{"PSW 45 min", DayEntry{Code: CodePSW, EarlyMinutes: 45}, []int{0, 0, 0, 0}, []int{0, 1, 0, 0}, 1},
		{"PSW not recorded", DayEntry{Code: CodePSW}, []int{0, 0, 0, 0}, []int{0, 0, 0, 1}, 1.5},
		{"late and early", DayEntry{Code: CodeTL, LateMinutes: 10, EarlyMinutes: 100}, []int{1, 0, 0, 0}, []int{0, 0, 0, 1}, 2},
		{"TK", DayEntry{Code: CodeTK}, []int{0, 0, 0, 0}, []int{0, 0, 0, 0}, 1.5},
		{"DL with stray minutes", DayEntry{Code: CodeDL, LateMinutes: 50}, []int{0, 0, 0, 0}, []int{0, 0, 0, 0}, 0},
	}
	cal := NewCalendar(nil)
	for _, tt := range tests {
		m := NewAttendanceMonth(1, 2026, time.November)
		m.Days[2] = tt.e
		m.Days[1] = tt.e // Sunday: never deducted
		d := TPPDeduction(m, cal, rules)
		if !reflect.DeepEqual(d.Late, tt.late) || !reflect.DeepEqual(d.Early, tt.early) || d.Percent != tt.pct {
			t.Errorf("%s: late %v early %v %.2f%%; want %v %v %.2f%%", tt.name, d.Late, d.Early, d.Percent, tt.late, tt.early, tt.pct)
		}
	}
}

func TestTPPCutCapped(t *testing.T) {
	t.Parallel()
	cal := NewCalendar(nil)
	m := NewAttendanceMonth(1, 2026, time.November)
	for _, d := range cal.WorkingDaysIn(2026, time.November) {
		m.Days[d.Day()] = DayEntry{Code: CodeTK}
	}
	rules := DefaultTPPRules()
	if got := TPPDeduction(m, cal, rules).Percent; got != 21*1.5 {
		t.Errorf("21 TK days = %.2f%%, want 31.5", got)
	}
	rules.AbsentPercent = 5
	if got := TPPDeduction(m, cal, rules).Percent; got != 100 {
		t.Errorf("21 × 5%% = %.2f%%, want capped at 100", got)
	}
}

func TestTPPRulesCheck(t *testing.T) {
	t.Parallel()
	bad := []func(*TPPRules){
		func(r *TPPRules) { r.AbsentPercent = -1 },
		func(r *TPPRules) { r.Late[1].UpTo = 30 },
		func(r *TPPRules) { r.Early[3].UpTo = 120 },
		func(r *TPPRules) { r.Late[0].Percent = 101 },
	}
	for i, f := range bad {
		r := DefaultTPPRules()
		f(&r)
		if r.Check() == nil {
			t.Errorf("case %d: %+v accepted", i, r)
		}
	}
}
