package data

import (
	"strings"
	"testing"
	"time"
)

// yearWith returns months of one person in which the given dates carry code,
// and every other working day of those months is H.
func yearWith(cal Calendar, code string, dates []Date) []AttendanceMonth {
	byMonth := map[int]*AttendanceMonth{}
	get := func(d Date) *AttendanceMonth {
		k := monthIndexOf(d.Year(), d.Month())
		if byMonth[k] == nil {
			m := NewAttendanceMonth(1, d.Year(), d.Month())
			for _, wd := range cal.WorkingDaysIn(d.Year(), d.Month()) {
				m.Days[wd.Day()] = DayEntry{Code: CodeH, Source: SourceHand}
			}
			byMonth[k] = &m
		}
		return byMonth[k]
	}
	for _, d := range dates {
		get(d).Days[d.Day()] = DayEntry{Code: code, Source: SourceHand}
	}
	var out []AttendanceMonth
	for _, m := range byMonth {
		out = append(out, *m)
	}
	return out
}

// scatteredTK returns n working days of 2026, never two in a row.
func scatteredTK(cal Calendar, n int) []Date {
	var out []Date
	skip := false
	for d := NewDate(2026, 1, 1); len(out) < n; d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		if !skip {
			out = append(out, d)
		}
		skip = !skip
	}
	return out
}

func TestDisciplineCumulativeEdges(t *testing.T) {
	t.Parallel()
	cal := calendar2026(t)
	tests := []struct {
		days     int
		level    DisciplineLevel
		sanction string
		toNext   int
	}{
		{0, LevelNone, "", 3},
		{2, LevelNone, "", 1},
		{3, LevelRingan, "teguran lisan", 1},
		{4, LevelRingan, "teguran tertulis", 3},
		{6, LevelRingan, "teguran tertulis", 1},
		{7, LevelRingan, "pernyataan tidak puas secara tertulis", 4},
		{10, LevelRingan, "pernyataan tidak puas secara tertulis", 1},
		{11, LevelSedang, "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan", 3},
		{13, LevelSedang, "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan", 1},
		{14, LevelSedang, "pemotongan tunjangan kinerja sebesar 25% selama 9 bulan", 3},
		{16, LevelSedang, "pemotongan tunjangan kinerja sebesar 25% selama 9 bulan", 1},
		{17, LevelSedang, "pemotongan tunjangan kinerja sebesar 25% selama 12 bulan", 4},
		{20, LevelSedang, "pemotongan tunjangan kinerja sebesar 25% selama 12 bulan", 1},
		{21, LevelBerat, "penurunan jabatan setingkat lebih rendah selama 12 bulan", 4},
		{24, LevelBerat, "penurunan jabatan setingkat lebih rendah selama 12 bulan", 1},
		{25, LevelBerat, "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan", 3},
		{27, LevelBerat, "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan", 1},
		{28, LevelBerat, "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS", 0},
		{40, LevelBerat, "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS", 0},
	}
	for _, tt := range tests {
		months := yearWith(cal, CodeTK, scatteredTK(cal, tt.days))
		r := Discipline(months, 2026, cal, DefaultDisciplineSettings(), KindPNS)
		if r.AbsentDays != tt.days || r.TotalDays != tt.days || r.Level != tt.level || r.Sanction != tt.sanction || r.DaysToNext != tt.toNext {
			t.Errorf("%d days: got absent %d total %d level %q sanction %q next %d; want level %q sanction %q next %d",
				tt.days, r.AbsentDays, r.TotalDays, r.Level, r.Sanction, r.DaysToNext, tt.level, tt.sanction, tt.toNext)
		}
		if tt.days > 0 && r.LongestRun != 1 {
			t.Errorf("%d scattered days: longest run %d, want 1", tt.days, r.LongestRun)
		}
	}
}

func TestDisciplineWording(t *testing.T) {
	t.Parallel()
	cal := calendar2026(t)
	two := Discipline(yearWith(cal, CodeTK, scatteredTK(cal, 2)), 2026, cal, DefaultDisciplineSettings(), KindPNS)
	if two.NextThreshold != "Tinggal 1 hari TK lagi mencapai batas teguran lisan (PP 94/2021)" || two.Potential != "" {
		t.Errorf("2 days: next %q, potential %q", two.NextThreshold, two.Potential)
	}
	three := Discipline(yearWith(cal, CodeTK, scatteredTK(cal, 3)), 2026, cal, DefaultDisciplineSettings(), KindPNS)
	if three.Potential != "Potensi hukuman disiplin: ringan — teguran lisan" {
		t.Errorf("3 days: potential %q", three.Potential)
	}
	tests := []struct {
		kind     Kind
		days     int
		contains string
	}{
		{KindCPNS, 3, "teguran lisan"},
		{KindCPNS, 11, "pemberhentian sebagai CPNS"},
		{KindCPNS, 21, "pemberhentian sebagai CPNS"},
		{KindPPPK, 4, "teguran tertulis"},
		{KindPPPK, 11, "PP 49/2018"},
		{KindPPPKParuhWaktu, 28, "pemutusan hubungan perjanjian kerja"},
	}
	for _, tt := range tests {
		r := Discipline(yearWith(cal, CodeTK, scatteredTK(cal, tt.days)), 2026, cal, DefaultDisciplineSettings(), tt.kind)
		if !strings.Contains(r.Sanction, tt.contains) || !strings.Contains(r.Potential, tt.contains) {
			t.Errorf("%s %d days: sanction %q, want it to mention %q", tt.kind, tt.days, r.Sanction, tt.contains)
		}
	}
	cpns := Discipline(yearWith(cal, CodeTK, scatteredTK(cal, 9)), 2026, cal, DefaultDisciplineSettings(), KindCPNS)
	if !strings.Contains(cpns.NextThreshold, "pemberhentian sebagai CPNS") {
		t.Errorf("CPNS next threshold %q", cpns.NextThreshold)
	}
	// PP 94/2021 Pasal 8 and 11: the full wording per kind, and no next
	// threshold once the most severe penalty for the kind is reached.
	full := []struct {
		kind      Kind
		days      int
		sanction  string
		next      string // "" when there is no next threshold
		toNextDay int
	}{
		{KindPNS, 27, "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan",
			"Tinggal 1 hari TK lagi mencapai batas pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS (PP 94/2021)", 1},
		{KindPNS, 28, "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS", "", 0},
		{KindCPNS, 10, "pernyataan tidak puas secara tertulis",
			"Tinggal 1 hari TK lagi mencapai batas pemberhentian sebagai CPNS karena hukuman disiplin tingkat sedang (PP 94/2021 jo. PP 11/2017)", 1},
		{KindCPNS, 11, "pemberhentian sebagai CPNS karena hukuman disiplin tingkat sedang", "", 0},
		{KindCPNS, 21, "pemberhentian sebagai CPNS karena hukuman disiplin tingkat sedang", "", 0},
		{KindPPPK, 11, "hukuman disiplin tingkat sedang bagi PPPK menurut PP 49/2018 jo. PP 94/2021 " +
			"(penundaan kenaikan gaji berkala, penurunan golongan, atau pemutusan hubungan perjanjian kerja)",
			"Tinggal 3 hari TK lagi mencapai batas hukuman disiplin tingkat sedang bagi PPPK menurut PP 49/2018 jo. PP 94/2021 " +
				"(penundaan kenaikan gaji berkala, penurunan golongan, atau pemutusan hubungan perjanjian kerja) (PP 49/2018 jo. PP 94/2021)", 3},
		{KindPPPK, 28, "pemutusan hubungan perjanjian kerja tidak atas permintaan sendiri sebagai PPPK", "", 0},
	}
	for _, tt := range full {
		r := Discipline(yearWith(cal, CodeTK, scatteredTK(cal, tt.days)), 2026, cal, DefaultDisciplineSettings(), tt.kind)
		if r.Sanction != tt.sanction || r.NextThreshold != tt.next || r.DaysToNext != tt.toNextDay {
			t.Errorf("%s %d days: sanction %q next %q (%d); want %q %q (%d)", tt.kind, tt.days, r.Sanction, r.NextThreshold, r.DaysToNext,
				tt.sanction, tt.next, tt.toNextDay)
		}
	}
	non := Discipline(yearWith(cal, CodeTK, scatteredTK(cal, 30)), 2026, cal, DefaultDisciplineSettings(), KindNonASN)
	if !non.CountsOnly || non.AbsentDays != 30 || non.Level != LevelNone || non.Sanction != "" || non.NextThreshold != "" {
		t.Errorf("Non-ASN = %+v", non)
	}
}

func TestDisciplineLatenessConversion(t *testing.T) {
	t.Parallel()
	cal := calendar2026(t)
	tests := []struct {
		minutes  int
		settings DisciplineSettings
		lateDays int
	}{
		{449, DefaultDisciplineSettings(), 0},
		{450, DefaultDisciplineSettings(), 1},
		{899, DefaultDisciplineSettings(), 1},
		{900, DefaultDisciplineSettings(), 2},
		{900, DisciplineSettings{ConvertLateness: false, HoursPerDay: 7.5}, 0},
		{480, DisciplineSettings{ConvertLateness: true, HoursPerDay: 8}, 1},
		{450, DisciplineSettings{ConvertLateness: true, HoursPerDay: 0}, 1},
	}
	for _, tt := range tests {
		// Spread the minutes over late arrivals and early departures on working days.
		m := NewAttendanceMonth(1, 2026, time.February)
		days := cal.WorkingDaysIn(2026, time.February)
		m.Days[days[0].Day()] = DayEntry{Code: CodeTL, LateMinutes: tt.minutes / 2, EarlyMinutes: 0}
		m.Days[days[1].Day()] = DayEntry{Code: CodePSW, EarlyMinutes: tt.minutes - tt.minutes/2}
		m.Days[days[2].Day()] = DayEntry{Code: CodeTK}
		m.Days[days[3].Day()] = DayEntry{Code: CodeTK}
		m.Days[1] = DayEntry{Code: CodeTL, LateMinutes: 1000} // Sunday: does not count
		r := Discipline([]AttendanceMonth{m}, 2026, cal, tt.settings, KindPNS)
		if r.LateMinutes != tt.minutes || r.LateDays != tt.lateDays || r.TotalDays != 2+tt.lateDays {
			t.Errorf("%d min %+v: late minutes %d, days %d, total %d; want %d days", tt.minutes, tt.settings, r.LateMinutes, r.LateDays, r.TotalDays, tt.lateDays)
		}
	}
	// Two TK days plus 7.5 hours of lateness reach teguran lisan.
	m := NewAttendanceMonth(1, 2026, time.February)
	m.Days[2], m.Days[3], m.Days[4] = DayEntry{Code: CodeTK}, DayEntry{Code: CodeTK}, DayEntry{Code: CodeTL, LateMinutes: 450}
	if r := Discipline([]AttendanceMonth{m}, 2026, cal, DefaultDisciplineSettings(), KindPNS); r.Sanction != "teguran lisan" {
		t.Errorf("2 TK + 7.5 h late: %+v", r)
	}
}

// consecutive returns n consecutive working days from start.
func consecutive(cal Calendar, start Date, n int) []Date {
	var out []Date
	for d := start; len(out) < n; d = d.AddDays(1) {
		if cal.IsWorkingDay(d) {
			out = append(out, d)
		}
	}
	return out
}

func TestDisciplineConsecutiveRun(t *testing.T) {
	t.Parallel()
	cal := calendar2026(t)
	nine := Discipline(yearWith(cal, CodeTK, consecutive(cal, NewDate(2026, 9, 1), 9)), 2026, cal, DefaultDisciplineSettings(), KindPNS)
	if nine.LongestRun != 9 || nine.Sanction != "pernyataan tidak puas secara tertulis" {
		t.Errorf("9 in a row: run %d, sanction %q", nine.LongestRun, nine.Sanction)
	}
	ten := Discipline(yearWith(cal, CodeTK, consecutive(cal, NewDate(2026, 9, 1), 10)), 2026, cal, DefaultDisciplineSettings(), KindPNS)
	if ten.LongestRun != 10 || ten.Level != LevelBerat || !strings.Contains(ten.Sanction, "10 hari kerja berturut-turut") {
		t.Errorf("10 in a row: run %d, %q %q", ten.LongestRun, ten.Level, ten.Sanction)
	}
	if ten.NextThreshold != "" || ten.DaysToNext != 0 {
		t.Errorf("10 in a row is already dismissal, yet next threshold %q (%d)", ten.NextThreshold, ten.DaysToNext)
	}
	for _, k := range []Kind{KindCPNS, KindPPPK} {
		r := Discipline(yearWith(cal, CodeTK, consecutive(cal, NewDate(2026, 9, 1), 10)), 2026, cal, DefaultDisciplineSettings(), k)
		if r.Level != LevelBerat || r.NextThreshold != "" || !strings.Contains(r.Sanction, "10 hari kerja berturut-turut") {
			t.Errorf("%s 10 in a row: %q %q next %q", k, r.Level, r.Sanction, r.NextThreshold)
		}
	}
	if !ten.RunFrom.Equal(NewDate(2026, 9, 1)) || !ten.RunTo.Equal(NewDate(2026, 9, 14)) {
		t.Errorf("10 in a row: %s – %s", ten.RunFrom, ten.RunTo)
	}
	// 9–13 Feb, then 16 (cuti bersama) and 17 (Imlek) off, then 18–20 and 23–24 Feb.
	run := consecutive(cal, NewDate(2026, 2, 9), 10)
	if !run[9].Equal(NewDate(2026, 2, 24)) {
		t.Fatalf("the test run ends %s", run[9])
	}
	hol := Discipline(yearWith(cal, CodeTK, run), 2026, cal, DefaultDisciplineSettings(), KindPNS)
	if hol.LongestRun != 10 || hol.Level != LevelBerat {
		t.Errorf("run across Imlek: run %d, level %q", hol.LongestRun, hol.Level)
	}
	// A working day not entered breaks a run: absence is never assumed.
	months := yearWith(cal, CodeTK, run)
	for i := range months {
		if months[i].Month == time.February {
			delete(months[i].Days, 19)
		}
	}
	if r := Discipline(months, 2026, cal, DefaultDisciplineSettings(), KindPNS); r.LongestRun != 6 {
		t.Errorf("run with 19 Feb not entered: %d, want 6", r.LongestRun)
	}
	// A month with no record between two runs breaks them.
	gap := consecutive(cal, NewDate(2026, 1, 26), 5)
	gap = append(gap, consecutive(cal, NewDate(2026, 3, 2), 5)...)
	var apart []AttendanceMonth
	for _, m := range yearWith(cal, CodeTK, gap) {
		if m.Month != time.February {
			apart = append(apart, m)
		}
	}
	if r := Discipline(apart, 2026, cal, DefaultDisciplineSettings(), KindPNS); r.LongestRun != 5 {
		t.Errorf("runs around a missing February joined: %d, want 5", r.LongestRun)
	}
	// Cumulative 28 stays the cumulative dismissal even with a run of 10.
	both := append(consecutive(cal, NewDate(2026, 9, 1), 10), scatteredTK(cal, 18)...)
	if r := Discipline(yearWith(cal, CodeTK, both), 2026, cal, DefaultDisciplineSettings(), KindPNS); r.Sanction != "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS" {
		t.Errorf("28 days with a run: %q", r.Sanction)
	}
}

func TestDisciplineRunAcrossNewYear(t *testing.T) {
	t.Parallel()
	cal := calendar2026(t)
	cal.Holidays = append(cal.Holidays,
		Holiday{Date: NewDate(2025, 12, 25), Kind: HolidayNational, Name: "Natal"},
		Holiday{Date: NewDate(2025, 12, 26), Kind: HolidayCutiBersama, Name: "Cuti Bersama Natal"})
	run := consecutive(cal, NewDate(2025, 12, 22), 10) // 22–24, 29–31 Dec, 2, 5, 6, 7 Jan
	if !run[9].Equal(NewDate(2026, 1, 7)) {
		t.Fatalf("the test run ends %s", run[9])
	}
	months := yearWith(cal, CodeTK, run)
	r26 := Discipline(months, 2026, cal, DefaultDisciplineSettings(), KindPNS)
	if r26.LongestRun != 10 || r26.AbsentDays != 4 || r26.Level != LevelBerat {
		t.Errorf("2026: run %d, absent %d, level %q", r26.LongestRun, r26.AbsentDays, r26.Level)
	}
	r25 := Discipline(months, 2025, cal, DefaultDisciplineSettings(), KindPNS)
	if r25.LongestRun != 10 || r25.AbsentDays != 6 {
		t.Errorf("2025: run %d, absent %d", r25.LongestRun, r25.AbsentDays)
	}
	// Without December the January part alone is a run of 4.
	var jan []AttendanceMonth
	for _, m := range months {
		if m.Year == 2026 {
			jan = append(jan, m)
		}
	}
	if r := Discipline(jan, 2026, cal, DefaultDisciplineSettings(), KindPNS); r.LongestRun != 4 {
		t.Errorf("January only: run %d", r.LongestRun)
	}
	// A run wholly in an earlier year does not count for 2026.
	old := yearWith(cal, CodeTK, consecutive(cal, NewDate(2025, 12, 1), 10))
	if r := Discipline(old, 2026, cal, DefaultDisciplineSettings(), KindPNS); r.LongestRun != 0 {
		t.Errorf("December-only run counted for 2026: %d", r.LongestRun)
	}
}

func BenchmarkDiscipline2000(b *testing.B) {
	cal := calendar2026(b)
	people := make([][]AttendanceMonth, 2000)
	for i := range people {
		var months []AttendanceMonth
		for m := time.January; m <= time.December; m++ {
			months = append(months, staffMonths(1, 2026, m, cal)[0])
		}
		people[i] = months
	}
	s := DefaultDisciplineSettings()
	b.ResetTimer()
	for b.Loop() {
		for _, months := range people {
			Discipline(months, 2026, cal, s, KindPNS)
		}
	}
}
