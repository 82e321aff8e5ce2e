package data

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func at(y int, m time.Month, d, hh, mm, ss int) time.Time {
	return time.Date(y, m, d, hh, mm, ss, 0, time.UTC)
}

func TestParseAttlogOddInput(t *testing.T) {
	t.Parallel()
	in := "\uFEFF        1\t2026-11-02 07:28:11\t1\t0\t1\t0\r\n" + // padded PIN, CRLF, BOM
		"       12\t2026-11-02 07:41:05\t1\t0\r\n" + // fewer trailing columns
		"        1\t2026-11-02 16:05:40\t1\t1\t1\t0\t0\t0\r\n" + // more trailing columns
		"        1\t2026-11-02 16:05:40\t1\t1\t1\t0\t0\t0\r\n" + // duplicate line
		"\r\n" + // blank
		"12 2026/11/03 07:30:00\r\n" + // spaces, slash date, no trailing columns
		"12    03/11/2026 16:01\r\n" + // day-first date, time without seconds
		"PIN\tDateTime\tVerify\tStatus\r\n" + // header: garbage
		"1\t2026-02-30 07:00:00\t1\r\n" + // no such date
		"1\t2026-11-04\r\n" + // missing time
		"1\t2026-11-04 25:00:00\t1\r\n" + // bad hour
		"\x00\x01\x02 garbage\r\n" +
		"7\t04-11-2026 07:00:00" // day-first with dashes; last line without line end
	punches, bad := ParseAttlog(strings.NewReader(in))
	want := []Punch{
		{PIN: "1", At: at(2026, 11, 2, 7, 28, 11), Line: 1},
		{PIN: "12", At: at(2026, 11, 2, 7, 41, 5), Line: 2},
		{PIN: "1", At: at(2026, 11, 2, 16, 5, 40), Line: 3},
		{PIN: "12", At: at(2026, 11, 3, 7, 30, 0), Line: 6},
		{PIN: "12", At: at(2026, 11, 3, 16, 1, 0), Line: 7},
		{PIN: "7", At: at(2026, 11, 4, 7, 0, 0), Line: 13},
	}
	if !reflect.DeepEqual(punches, want) {
		t.Errorf("punches =\n%v\nwant\n%v", punches, want)
	}
	var lines []int
	for _, b := range bad {
		lines = append(lines, b.Line)
		if b.Message == "" {
			t.Errorf("line %d has no message", b.Line)
		}
	}
	if !reflect.DeepEqual(lines, []int{8, 9, 10, 11, 12}) {
		t.Errorf("bad lines = %v (%v)", lines, bad)
	}
}

func TestParseAttlogEmptyAndLongLines(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"", "\r\n\r\n", "\n"} {
		p, bad := ParseAttlog(strings.NewReader(in))
		if len(p) != 0 || len(bad) != 0 {
			t.Errorf("%q: %v %v", in, p, bad)
		}
	}
	long := "1\t2026-11-02 07:00:00\t" + strings.Repeat("1\t", 100000) + "\n2\t2026-11-02 07:00:00\n"
	p, bad := ParseAttlog(strings.NewReader(long))
	if len(p) != 1 || p[0].PIN != "2" || p[0].Line != 2 || len(bad) != 1 || bad[0].Line != 1 {
		t.Errorf("long line: %v %v", p, bad)
	}
}

func TestPunchesToDays(t *testing.T) {
	t.Parallel()
	punches := []Punch{
		{PIN: "1", At: at(2026, 11, 2, 16, 5, 0)},
		{PIN: "1", At: at(2026, 11, 2, 7, 28, 0)},
		{PIN: "1", At: at(2026, 11, 2, 12, 1, 0)},
		{PIN: "2", At: at(2026, 11, 2, 7, 40, 10)},
		{PIN: "2", At: at(2026, 11, 2, 7, 40, 50)}, // second touch in the same minute
		{PIN: "2", At: at(2026, 11, 3, 7, 35, 0)},
	}
	got := PunchesToDays(punches)
	want := map[string]map[Date]DayPunches{
		"1": {NewDate(2026, 11, 2): {First: "07:28", Last: "16:05", Count: 3}},
		"2": {NewDate(2026, 11, 2): {First: "07:40", Count: 2}, NewDate(2026, 11, 3): {First: "07:35", Count: 1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PunchesToDays = %v, want %v", got, want)
	}
}

func TestMergePunches(t *testing.T) {
	t.Parallel()
	cal := calendar2026(t)
	mon := NewDate(2026, 11, 2)
	tests := []struct {
		name      string
		before    *DayEntry
		day       Date
		p         DayPunches
		overwrite bool
		outcome   MergeOutcome
		after     DayEntry
	}{
		{"new day on time", nil, mon, DayPunches{First: "07:28", Last: "16:05"}, false, MergeAdded,
			DayEntry{Code: CodeH, In: "07:28", Out: "16:05", Source: SourceMachine}},
		{"new day late", nil, mon, DayPunches{First: "07:45", Last: "16:05"}, false, MergeAdded,
			DayEntry{Code: CodeTL, In: "07:45", Out: "16:05", LateMinutes: 15, Source: SourceMachine}},
		{"single punch: no departure", nil, mon, DayPunches{First: "07:20"}, false, MergeAdded,
			DayEntry{Code: CodeH, In: "07:20", Source: SourceMachine}},
		{"hand entry kept", &DayEntry{Code: CodeDL, Letter: "SPT 1", Source: SourceHand}, mon, DayPunches{First: "07:28", Last: "16:05"}, false, MergeKeptHand,
			DayEntry{Code: CodeDL, Letter: "SPT 1", Source: SourceHand}},
		{"hand entry overwritten when asked", &DayEntry{Code: CodeTK, Note: "x", Source: SourceHand}, mon, DayPunches{First: "07:28", Last: "15:00"}, true, MergeChanged,
			DayEntry{Code: CodePSW, In: "07:28", Out: "15:00", EarlyMinutes: 60, Note: "x", Source: SourceMachine}},
		{"machine entry widened by a later punch", &DayEntry{Code: CodeH, In: "07:28", Source: SourceMachine, EnteredBy: "admin"}, mon, DayPunches{First: "15:30"}, false, MergeChanged,
			DayEntry{Code: CodePSW, In: "07:28", Out: "15:30", EarlyMinutes: 30, Source: SourceMachine, EnteredBy: "admin"}},
		{"machine entry already the same", &DayEntry{Code: CodeH, In: "07:28", Out: "16:05", Source: SourceMachine}, mon, DayPunches{First: "07:28", Last: "16:05"}, false, MergeUnchanged,
			DayEntry{Code: CodeH, In: "07:28", Out: "16:05", Source: SourceMachine}},
		{"Sunday", nil, NewDate(2026, 11, 1), DayPunches{First: "08:00"}, false, MergeNonWorking, DayEntry{}},
		{"cuti bersama", nil, NewDate(2026, 12, 24), DayPunches{First: "08:00"}, false, MergeNonWorking, DayEntry{}},
		{"other month", nil, NewDate(2026, 10, 30), DayPunches{First: "08:00"}, false, MergeOtherMonth, DayEntry{}},
	}
	for _, tt := range tests {
		m := NewAttendanceMonth(1, 2026, tt.day.Month())
		if tt.outcome == MergeOtherMonth {
			m = NewAttendanceMonth(1, 2026, time.November)
		}
		if tt.before != nil {
			m.Days[tt.day.Day()] = *tt.before
		}
		res := m.MergePunches(tt.day, tt.p, cal, tt.overwrite)
		if res.Outcome != tt.outcome {
			t.Errorf("%s: outcome %s, want %s", tt.name, res.Outcome, tt.outcome)
		}
		if got := m.Days[tt.day.Day()]; m.Contains(tt.day) && got != tt.after {
			t.Errorf("%s: entry %+v, want %+v", tt.name, got, tt.after)
		}
		if again := m.MergePunches(tt.day, tt.p, cal, tt.overwrite); again.Changes() {
			t.Errorf("%s: re-applying the same punches changed the day again (%s)", tt.name, again.Outcome)
		}
	}
}

func TestReimportIsIdempotent(t *testing.T) {
	t.Parallel()
	cal := calendar2026(t)
	log := "1\t2026-11-02 07:28:00\t1\n1\t2026-11-02 16:05:00\t1\n1\t2026-11-03 07:50:00\t1\n" +
		"1\t2026-11-07 08:00:00\t1\n2\t2026-11-03 07:10:00\t1\n"
	importOnce := func(months map[string]*AttendanceMonth) (changed int) {
		punches, _ := ParseAttlog(strings.NewReader(log))
		for pin, days := range PunchesToDays(punches) {
			for d, p := range days {
				if months[pin] == nil {
					m := NewAttendanceMonth(1, d.Year(), d.Month())
					months[pin] = &m
				}
				if months[pin].MergePunches(d, p, cal, false).Changes() {
					changed++
				}
			}
		}
		return changed
	}
	months := map[string]*AttendanceMonth{}
	if n := importOnce(months); n != 3 {
		t.Errorf("first import changed %d days, want 3 (7 Nov is a Saturday)", n)
	}
	if n := importOnce(months); n != 0 {
		t.Errorf("second import changed %d days, want 0", n)
	}
	// Two files covering the same day, in either order, give the same entry.
	a, b := DayPunches{First: "07:28"}, DayPunches{First: "16:05"}
	m1, m2 := NewAttendanceMonth(1, 2026, time.November), NewAttendanceMonth(1, 2026, time.November)
	d := NewDate(2026, 11, 2)
	m1.MergePunches(d, a, cal, false)
	m1.MergePunches(d, b, cal, false)
	m2.MergePunches(d, b, cal, false)
	m2.MergePunches(d, a, cal, false)
	if m1.Days[2] != m2.Days[2] || m1.Days[2].Out != "16:05" {
		t.Errorf("order matters: %+v vs %+v", m1.Days[2], m2.Days[2])
	}
}

func FuzzParseAttlog(f *testing.F) {
	f.Add("        1\t2026-11-02 07:28:11\t1\t0\t1\t0\r\n")
	f.Add("12 2026/11/03 07:30:00\n12    03/11/2026 16:01\n")
	f.Add("PIN\tDateTime\n\x00\xff\n1\t2026-02-29 07:00:00\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		punches, bad := ParseAttlog(strings.NewReader(in))
		lines := strings.Count(in, "\n") + 1
		seen := map[punchKey]bool{}
		for _, p := range punches {
			if p.PIN == "" || p.Line < 1 || p.Line > lines {
				t.Fatalf("odd punch %+v", p)
			}
			k := punchKey{p.PIN, p.At.Unix()}
			if seen[k] {
				t.Fatalf("duplicate punch %+v", p)
			}
			seen[k] = true
		}
		for _, b := range bad {
			if b.Line < 1 || b.Line > lines || b.Message == "" {
				t.Fatalf("odd bad line %+v", b)
			}
		}
		for _, days := range PunchesToDays(punches) {
			for _, dp := range days {
				if _, err := ParseClock(dp.First); err != nil {
					t.Fatalf("first %q: %v", dp.First, err)
				}
			}
		}
	})
}

func BenchmarkParseAttlog100k(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 100000; i++ {
		pin := i % 500
		day := 1 + (i/1000)%28
		fmt.Fprintf(&sb, "%9d\t2026-02-%02d %02d:%02d:%02d\t1\t0\t1\t0\r\n", pin, day, 7+(i%10), i%60, i%59)
	}
	data := sb.String()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		punches, _ := ParseAttlog(strings.NewReader(data))
		PunchesToDays(punches)
	}
}
