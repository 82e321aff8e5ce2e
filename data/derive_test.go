package data

import (
	"os"
	"strings"
	"testing"
	"time"
)

// rules2026 returns the default rules with the shipped 2026 and 2027
// holidays and Ramadan ranges, built once per call from the asset files.
func rules2026(t testing.TB) AttendanceRules {
	t.Helper()
	var hs []Holiday
	for _, name := range []string{"../assets/holidays/2026.csv", "../assets/holidays/2027.csv"} {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ParseHolidaysCSV(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		hs = append(hs, got...)
	}
	f, err := os.Open("../assets/ramadan/ramadan.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps, err := ParseRamadanCSV(f)
	if err != nil {
		t.Fatal(err)
	}
	s := DefaultAttendanceSettings()
	s.RamadanPeriods = ps
	return NewAttendanceRules(s, hs)
}

// attlogDays reads attlog text and groups it with the default window.
func attlogDays(t *testing.T, text string, window int) map[string]map[Date]DayPunches {
	t.Helper()
	punches, bad := ParseAttlog(strings.NewReader(text))
	if len(bad) > 0 {
		t.Fatalf("bad lines: %v", bad)
	}
	return GroupPunches(punches, window)
}

// A Monday of November 2026 (07.30–16.00, middle 11.45) and a Friday
// (07.30–16.30, middle 12.00), from a 1_attlog.dat as a terminal writes it.
const partialAttlog = "" +
	"        1\t2026-11-02 07:10:22\t1\t0\t1\t0\r\n" + // only an arrival
	"        2\t2026-11-02 16:05:40\t1\t1\t1\t0\r\n" + // only a departure
	"        3\t2026-11-02 07:25:03\t1\t0\t1\t0\r\n" + // a double tap …
	"        3\t2026-11-02 07:26:10\t1\t0\t1\t0\r\n" + // … one minute later
	"        4\t2026-11-02 07:25:00\t1\t0\t1\t0\r\n" + // two touches exactly 10 minutes apart
	"        4\t2026-11-02 07:35:59\t1\t0\t1\t0\r\n" +
	"        5\t2026-11-02 07:25:00\t1\t0\t1\t0\r\n" + // 11 minutes apart: two punches
	"        5\t2026-11-02 07:36:00\t1\t0\t1\t0\r\n" +
	"        6\t2026-11-02 07:30:59\t1\t0\t1\t0\r\n" + // on time both ways
	"        6\t2026-11-02 16:00:00\t1\t1\t1\t0\r\n" +
	"        7\t2026-11-02 07:31:00\t1\t0\t1\t0\r\n" + // one minute late, one minute early
	"        7\t2026-11-02 15:59:00\t1\t1\t1\t0\r\n" +
	"        8\t2026-11-02 11:44:00\t1\t0\t1\t0\r\n" + // one minute before the middle
	"        9\t2026-11-02 11:45:00\t1\t0\t1\t0\r\n" + // exactly the middle
	"       10\t2026-11-06 11:59:00\t1\t0\t1\t0\r\n" + // Friday: middle is 12.00
	"       11\t2026-11-06 12:00:00\t1\t0\t1\t0\r\n"

func TestPartialPunchesDerive(t *testing.T) {
	t.Parallel()
	r := rules2026(t)
	days := attlogDays(t, partialAttlog, r.Settings.Punches.Window())
	mon, fri := NewDate(2026, time.November, 2), NewDate(2026, time.November, 6)
	tests := []struct {
		pin            string
		d              Date
		code           string
		in, out        string
		late, early    int
		arrMiss, dMiss bool
		lateBand       int
		earlyBand      int
	}{
		{"1", mon, CodePSW, "07:10", "", 0, 0, false, true, -1, 3},         // not H: the departure is tidak tercatat (PSW4)
		{"2", mon, CodeTL, "", "16:05", 0, 0, true, false, 3, -1},          // not TL 515: the arrival is tidak tercatat (TL4)
		{"3", mon, CodePSW, "07:25", "", 0, 0, false, true, -1, 3},         // not PSW 514: a double tap is one punch
		{"4", mon, CodePSW, "07:25", "", 0, 0, false, true, -1, 3},         // 10 minutes apart is still one punch
		{"5", mon, CodePSW, "07:25", "07:36", 0, 504, false, false, -1, 3}, // 11 minutes apart: two punches
		{"6", mon, CodeH, "07:30", "16:00", 0, 0, false, false, -1, -1},
		{"7", mon, CodeTL, "07:31", "15:59", 1, 1, false, false, 0, 0},
		{"8", mon, CodeTL, "11:44", "", 254, 0, false, true, 3, 3},
		{"9", mon, CodeTL, "", "11:45", 0, 255, true, false, 3, 3},
		{"10", fri, CodeTL, "11:59", "", 269, 0, false, true, 3, 3},
		{"11", fri, CodeTL, "", "12:00", 0, 270, true, false, 3, 3},
	}
	for _, tt := range tests {
		dp, ok := days[tt.pin][tt.d]
		if !ok {
			t.Fatalf("PIN %s has no punches on %s", tt.pin, tt.d)
		}
		m := NewAttendanceMonth(1, 2026, time.November)
		res := PlanMergeDay(m, tt.d, dp, r, MergeOptions{})
		if res.Outcome != MergeAdded || res.After.LateMinutes != 0 || res.After.EarlyMinutes != 0 {
			t.Errorf("PIN %s: merge %+v stores minutes or was not added", tt.pin, res)
		}
		f := DeriveDay(tt.d, res.After, r)
		if f.Code != tt.code || f.In != tt.in || f.Out != tt.out || f.LateMinutes != tt.late || f.EarlyMinutes != tt.early ||
			f.ArrivalMissing != tt.arrMiss || f.DepartureMissing != tt.dMiss || f.LateBand != tt.lateBand || f.EarlyBand != tt.earlyBand {
			t.Errorf("PIN %s: got %s in %q out %q late %d early %d missing %v/%v bands %d/%d; want %s %q %q %d %d %v/%v %d/%d",
				tt.pin, f.Code, f.In, f.Out, f.LateMinutes, f.EarlyMinutes, f.ArrivalMissing, f.DepartureMissing, f.LateBand, f.EarlyBand,
				tt.code, tt.in, tt.out, tt.late, tt.early, tt.arrMiss, tt.dMiss, tt.lateBand, tt.earlyBand)
		}
		if f.Category != CategoryPresent || f.Incomplete != (tt.arrMiss || tt.dMiss) {
			t.Errorf("PIN %s: category %q incomplete %v; a day with a punch is present", tt.pin, f.Category, f.Incomplete)
		}
		if f.Code != res.After.Code {
			t.Errorf("PIN %s: stored hint %q differs from derived %q", tt.pin, res.After.Code, f.Code)
		}
	}
}

func TestGroupPunchesWindow(t *testing.T) {
	t.Parallel()
	mon := NewDate(2026, time.November, 2)
	for _, tt := range []struct {
		window      int
		first, last string
	}{
		{0, "07:25", "07:26"},  // no window: two minutes differ
		{1, "07:25", ""},       // one minute apart is one punch
		{10, "07:25", ""},      // the default
		{-5, "07:25", "07:26"}, // a negative window counts as 0
	} {
		dp := attlogDays(t, "3\t2026-11-02 07:25:03\n3\t2026-11-02 07:26:10\n3\t2026-11-02 07:25:50\n", tt.window)["3"][mon]
		if dp.First != tt.first || dp.Last != tt.last || dp.Count != 3 {
			t.Errorf("window %d: %+v, want first %s last %q count 3", tt.window, dp, tt.first, tt.last)
		}
	}
	// PunchesToDays keeps its old meaning: window 0.
	punches, _ := ParseAttlog(strings.NewReader("3\t2026-11-02 07:25:03\n3\t2026-11-02 07:25:50\n"))
	if dp := PunchesToDays(punches)["3"][mon]; dp.Last != "" || dp.Count != 2 {
		t.Errorf("PunchesToDays same minute: %+v", dp)
	}
}

func TestDeriveFromStoredFacts(t *testing.T) {
	t.Parallel()
	r := rules2026(t)
	mon := NewDate(2026, time.November, 2)
	sun := NewDate(2026, time.November, 1)
	cb := NewDate(2026, time.December, 24)   // cuti bersama, a Thursday
	ram := NewDate(2026, time.March, 2)      // Monday in Ramadan 1447 (confirmed): 08.00–15.00
	ram27 := NewDate(2027, time.February, 8) // Monday, 1 Ramadan 1448 (estimate)
	tests := []struct {
		name        string
		d           Date
		e           DayEntry
		code        string
		late, early int
		lateBand    int
		earlyBand   int
		piket       bool
		ramadan     RamadanStatus
	}{
		{"stored minutes are ignored when there are times", mon, DayEntry{Code: CodeTL, In: "07:45", Out: "16:00", LateMinutes: 99}, CodeTL, 15, 0, 0, -1, false, ""},
		{"an H with a late time is TL", mon, DayEntry{Code: CodeH, In: "08:01", Out: "16:00"}, CodeTL, 31, 0, 1, -1, false, ""},
		{"a TL whose times are on time is H", mon, DayEntry{Code: CodeTL, In: "07:30", Out: "16:00"}, CodeH, 0, 0, -1, -1, false, ""},
		{"TL band edges: 30", mon, DayEntry{In: "08:00", Out: "16:00"}, CodeTL, 30, 0, 0, -1, false, ""},
		{"TL band edges: 90", mon, DayEntry{In: "09:00", Out: "16:00"}, CodeTL, 90, 0, 2, -1, false, ""},
		{"TL band edges: 91", mon, DayEntry{In: "09:01", Out: "16:00"}, CodeTL, 91, 0, 3, -1, false, ""},
		{"late and early", mon, DayEntry{In: "08:00", Out: "15:00"}, CodeTL, 30, 60, 0, 1, false, ""},
		{"an old TL without times keeps its minutes", mon, DayEntry{Code: CodeTL, LateMinutes: 45}, CodeTL, 45, 0, 1, -1, false, ""},
		{"a TL without times or minutes is tidak tercatat", mon, DayEntry{Code: CodeTL}, CodeTL, 0, 0, 3, -1, false, ""},
		{"an H without times", mon, DayEntry{Code: CodeH}, CodeH, 0, 0, -1, -1, false, ""},
		{"DL keeps its code and gets no minutes", mon, DayEntry{Code: CodeDL, In: "09:00"}, CodeDL, 0, 0, -1, -1, false, ""},
		{"lower-case code", mon, DayEntry{Code: "s"}, CodeS, 0, 0, -1, -1, false, ""},
		{"nothing entered", mon, DayEntry{}, "", 0, 0, -1, -1, false, ""},
		{"Ramadan on time", ram, DayEntry{In: "08:00", Out: "15:00"}, CodeH, 0, 0, -1, -1, false, RamadanConfirmed},
		{"Ramadan 07.45–14.59", ram, DayEntry{In: "07:45", Out: "14:59"}, CodePSW, 0, 1, -1, 0, false, RamadanConfirmed},
		{"Ramadan 1448 estimate: 08.01", ram27, DayEntry{In: "08:01", Out: "15:00"}, CodeTL, 1, 0, 0, -1, false, RamadanEstimate},
		{"piket on a Sunday", sun, DayEntry{In: "08:00", Out: "12:00", Source: SourceMachine}, CodeH, 0, 0, -1, -1, true, ""},
		{"piket on cuti bersama", cb, DayEntry{Code: CodeH}, CodeH, 0, 0, -1, -1, true, ""},
		{"DL on a Sunday is piket", sun, DayEntry{Code: CodeDL}, CodeDL, 0, 0, -1, -1, true, ""},
		{"S on a Sunday is not piket", sun, DayEntry{Code: CodeS}, CodeS, 0, 0, -1, -1, false, ""},
	}
	for _, tt := range tests {
		f := DeriveDay(tt.d, tt.e, r)
		if f.Code != tt.code || f.LateMinutes != tt.late || f.EarlyMinutes != tt.early || f.LateBand != tt.lateBand ||
			f.EarlyBand != tt.earlyBand || f.Piket != tt.piket || f.Ramadan != tt.ramadan {
			t.Errorf("%s: got %s late %d early %d bands %d/%d piket %v ramadan %q", tt.name, f.Code, f.LateMinutes, f.EarlyMinutes,
				f.LateBand, f.EarlyBand, f.Piket, f.Ramadan)
		}
	}
	// The same stored entry read under other hours gives other figures.
	e := DayEntry{Code: CodeTL, In: "07:45", Out: "16:00", Source: SourceHand}
	later := r
	later.Settings.Schedule.Week[time.Monday].Start = 8 * 60
	later.Calendar.Schedule = later.Settings.Schedule
	if f := DeriveDay(mon, e, later); f.Code != CodeH || f.LateMinutes != 0 {
		t.Errorf("with a start of 08.00, 07.45 is %s %d", f.Code, f.LateMinutes)
	}
	if f := DeriveDay(mon, e, r); f.Label != "TL — Terlambat" {
		t.Errorf("label %q", f.Label)
	}
}

func TestMissingPunchMinutes(t *testing.T) {
	t.Parallel()
	r := rules2026(t)
	mon, ram := NewDate(2026, time.November, 2), NewDate(2026, time.March, 2)
	for _, tt := range []struct {
		setting int
		d       Date
		e       DayEntry
		want    int
	}{
		{0, mon, DayEntry{Punch: "07:10"}, 0},                               // default: nothing for the missing departure
		{120, mon, DayEntry{Punch: "07:10"}, 120},                           // configured
		{120, mon, DayEntry{Punch: "08:00"}, 150},                           // 30 late + 120 for the departure
		{450, mon, DayEntry{Punch: "07:10"}, 450},                           // exactly the day's working time
		{451, mon, DayEntry{Punch: "07:10"}, 450},                           // never more than the day's working time
		{1440, ram, DayEntry{Punch: "14:00"}, 390 + 60},                     // Ramadan day: 6 h 30 min, plus 60 short
		{120, mon, DayEntry{In: "07:40", Out: "15:50"}, 20},                 // complete day: only measured minutes
		{120, mon, DayEntry{Code: CodeTL, LateMinutes: 45}, 45},             // old stored figure
		{120, mon, DayEntry{Code: CodePSW}, 120},                            // PSW without minutes: not recorded
		{120, NewDate(2026, time.November, 1), DayEntry{Punch: "07:10"}, 0}, // piket: no lateness
	} {
		rr := r
		rr.Settings.Discipline.MissingPunchMinutes = tt.setting
		if got := DeriveDay(tt.d, tt.e, rr).DisciplineMinutes; got != tt.want {
			t.Errorf("setting %d, %+v on %s: %d minutes, want %d", tt.setting, tt.e, tt.d, got, tt.want)
		}
	}
}

func TestPlanMergeDay(t *testing.T) {
	t.Parallel()
	r := rules2026(t)
	mon, sun := NewDate(2026, time.November, 2), NewDate(2026, time.November, 1)
	m := NewAttendanceMonth(1, 2026, time.November)
	arrive, leave := DayPunches{First: "07:10", Count: 1}, DayPunches{First: "16:05", Count: 1}

	res := PlanMergeDay(m, mon, arrive, r, MergeOptions{})
	if res.Outcome != MergeAdded || res.After.Punch != "07:10" || res.After.In != "" || res.After.Out != "" || res.After.Source != SourceMachine {
		t.Fatalf("lone punch: %+v", res)
	}
	m.ApplyMerge(mon, res)
	m.Days[mon.Day()] = func(e DayEntry) DayEntry { e.Confirmed = true; return e }(m.Days[mon.Day()])
	if again := PlanMergeDay(m, mon, arrive, r, MergeOptions{}); again.Outcome != MergeUnchanged || !again.After.Confirmed {
		t.Errorf("same punch again: %+v", again)
	}
	both := PlanMergeDay(m, mon, leave, r, MergeOptions{})
	if both.Outcome != MergeChanged || both.After.In != "07:10" || both.After.Out != "16:05" || both.After.Punch != "" ||
		both.After.Code != CodeH || both.After.Confirmed {
		t.Errorf("second file: %+v", both)
	}
	// The other order gives the same entry.
	m2 := NewAttendanceMonth(1, 2026, time.November)
	m2.ApplyMerge(mon, PlanMergeDay(m2, mon, leave, r, MergeOptions{}))
	if e := m2.Days[mon.Day()]; e.Punch != "16:05" || e.Code != CodeTL {
		t.Errorf("lone departure stored as %+v", e)
	}
	if rev := PlanMergeDay(m2, mon, arrive, r, MergeOptions{}); rev.After != both.After {
		t.Errorf("order matters: %+v vs %+v", rev.After, both.After)
	}
	// A hand entry is kept unless overwrite is asked; its note survives.
	m3 := NewAttendanceMonth(1, 2026, time.November)
	m3.Days[mon.Day()] = DayEntry{Code: CodeDL, Note: "rapat di kabupaten", Source: SourceHand}
	if k := PlanMergeDay(m3, mon, arrive, r, MergeOptions{}); k.Outcome != MergeKeptHand {
		t.Errorf("hand entry: %+v", k)
	}
	if o := PlanMergeDay(m3, mon, arrive, r, MergeOptions{Overwrite: true}); o.Outcome != MergeChanged || o.After.Note != "rapat di kabupaten" {
		t.Errorf("overwrite: %+v", o)
	}
	// Punches on a Sunday: listed apart unless piket is asked.
	s := PlanMergeDay(m, sun, DayPunches{First: "08:00", Last: "12:00", Count: 2}, r, MergeOptions{})
	if s.Outcome != MergeNonWorking || s.Changes() || s.Planned == nil || s.Planned.Code != CodeH {
		t.Errorf("Sunday without piket: %+v", s)
	}
	if p := PlanMergeDay(m, sun, DayPunches{First: "08:00", Last: "12:00", Count: 2}, r, MergeOptions{Piket: true}); p.Outcome != MergeAdded || p.After.Code != CodeH {
		t.Errorf("Sunday with piket: %+v", p)
	}
	if o := PlanMergeDay(m, NewDate(2026, time.December, 1), arrive, r, MergeOptions{}); o.Outcome != MergeOtherMonth {
		t.Errorf("other month: %+v", o)
	}
}

func TestIncompleteDays(t *testing.T) {
	t.Parallel()
	r := rules2026(t)
	m := NewAttendanceMonth(7, 2026, time.November)
	m.Days[2] = DayEntry{Punch: "07:10", Source: SourceMachine}
	m.Days[3] = DayEntry{In: "07:20", Out: "16:10", Source: SourceMachine}
	m.Days[4] = DayEntry{Out: "16:10", Source: SourceHand, Confirmed: true}
	m.Days[5] = DayEntry{Code: CodeTL, LateMinutes: 10, Source: SourceHand} // no times at all: not incomplete
	m.Days[1] = DayEntry{Punch: "09:00", Source: SourceMachine}             // Sunday piket
	open := IncompleteDays(m, r, false)
	if len(open) != 1 || !open[0].Date.Equal(NewDate(2026, time.November, 2)) || open[0].StaffID != 7 || !open[0].Figures.DepartureMissing {
		t.Errorf("unconfirmed: %+v", open)
	}
	all := IncompleteDays(m, r, true)
	if len(all) != 2 || !all[1].Figures.Confirmed || !all[1].Figures.ArrivalMissing {
		t.Errorf("with confirmed: %+v", all)
	}
}
