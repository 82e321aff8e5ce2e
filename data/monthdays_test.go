package data_test

import (
	"reflect"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/data/demo"
)

// fastRuleCases are the rules the fast path is compared under: the
// defaults; a Ramadan range, a cuti bersama, minutes for a time not
// recorded and no conversion of lateness; TPP for PNS only.
func fastRuleCases() map[string]data.AttendanceRules {
	holidays := []data.Holiday{
		{Date: data.NewDate(2026, time.January, 1), Kind: data.HolidayNational, Name: "Tahun Baru"},
		{Date: data.NewDate(2026, time.March, 20), Kind: data.HolidayNational, Name: "Idul Fitri"},
		{Date: data.NewDate(2026, time.March, 23), Kind: data.HolidayCutiBersama, Name: "Cuti bersama"},
		{Date: data.NewDate(2026, time.August, 17), Kind: data.HolidayNational, Name: "Proklamasi"},
		{Date: data.NewDate(2026, time.December, 25), Kind: data.HolidayNational, Name: "Natal"},
	}
	plain := data.DefaultAttendanceSettings()
	ramadan := data.DefaultAttendanceSettings()
	ramadan.Ramadan = []data.DateRange{{From: data.NewDate(2026, time.February, 18), To: data.NewDate(2026, time.March, 19)}}
	ramadan.Discipline = data.DisciplineSettings{ConvertLateness: false, MissingPunchMinutes: 45}
	pnsOnly := data.DefaultAttendanceSettings()
	pnsOnly.TPPKinds = []data.Kind{data.KindPNS}
	pnsOnly.Discipline.HoursPerDay = 1
	return map[string]data.AttendanceRules{
		"default":  data.NewAttendanceRules(plain, holidays),
		"ramadan":  data.NewAttendanceRules(ramadan, holidays),
		"pns-only": data.NewAttendanceRules(pnsOnly, holidays),
	}
}

// oddMonths are months no demo office has: days outside the month, entries
// on weekends and holidays, codes in lower case or unknown, typed minutes
// without times, lone punches, confirmed incomplete days, a run of TK
// across the new year, and a month given twice.
func oddMonths(id uint64) []data.AttendanceMonth {
	dec := data.NewAttendanceMonth(id, 2025, time.December)
	for day := 22; day <= 31; day++ {
		dec.Days[day] = data.DayEntry{Code: data.CodeTK}
	}
	jan := data.NewAttendanceMonth(id, 2026, time.January)
	for day := 1; day <= 9; day++ {
		jan.Days[day] = data.DayEntry{Code: " tk "}
	}
	jan.Days[0] = data.DayEntry{Code: data.CodeH}
	jan.Days[32] = data.DayEntry{Code: data.CodeTK}
	jan.Days[10] = data.DayEntry{Code: "ZZ", In: "07:00"}
	jan.Days[12] = data.DayEntry{Code: data.CodeTL, LateMinutes: 95}
	jan.Days[13] = data.DayEntry{Code: data.CodePSW}
	jan.Days[14] = data.DayEntry{Punch: "09:00", Source: data.SourceMachine}
	jan.Days[15] = data.DayEntry{Punch: "15:30", Confirmed: true}
	jan.Days[16] = data.DayEntry{In: "7.45", Out: "16:30"}
	jan.Days[17] = data.DayEntry{In: "08:31", Source: data.SourceHand}
	jan.Days[18] = data.DayEntry{Code: data.CodeCT, Letter: "1/2026"}
	jan.Days[19] = data.DayEntry{Code: "dl"}
	jan.Days[20] = data.DayEntry{}
	jan.Days[24] = data.DayEntry{In: "08:00", Out: "12:00"} // a Saturday: piket
	jan.Days[25] = data.DayEntry{Code: data.CodeS}          // a Sunday: ignored
	feb := data.NewAttendanceMonth(id, 2026, time.February)
	feb.Days[29] = data.DayEntry{Code: data.CodeTK} // not in 2026
	feb.Days[23] = data.DayEntry{In: "08:10", Out: "15:00"}
	mar := data.NewAttendanceMonth(id, 2026, time.March)
	mar.Days[23] = data.DayEntry{In: "07:30", Out: "16:00"} // cuti bersama: piket
	mar.Days[10] = data.DayEntry{In: "08:40"}
	twice := data.NewAttendanceMonth(id, 2026, time.March)
	twice.Days[10] = data.DayEntry{Code: data.CodeTK}
	nextJan := data.NewAttendanceMonth(id, 2027, time.January)
	nextJan.Days[4] = data.DayEntry{Code: data.CodeTK}
	old := data.NewAttendanceMonth(id, 2024, time.June)
	old.Days[3] = data.DayEntry{Code: data.CodeTK}
	return []data.AttendanceMonth{jan, dec, feb, mar, nextJan, twice, old}
}

// TestFastPathMatchesPlain: the recap, TPP and PP 94/2021 year of the
// demo office (and of months no demo has) are the same whether read as day
// lists (RecapTPP, DisciplineDays) or as maps (RecapMonth, PersonTPP,
// DisciplineYear), under several sets of rules.
func TestFastPathMatchesPlain(t *testing.T) {
	t.Parallel()
	today := data.NewDate(2026, time.December, 31)
	office := demo.New(demo.Options{Staff: 45, Seed: 7, Today: today})
	staff := office.Staff
	for i := range staff {
		staff[i].ID = uint64(i + 1)
	}
	rules := fastRuleCases()
	byStaff := map[uint64][]data.AttendanceMonth{}
	for _, m := range demo.AttendanceBetween(staff, rules["default"].Calendar, data.NewDate(2025, time.December, 1), today, 7) {
		byStaff[m.StaffID] = append(byStaff[m.StaffID], m)
	}
	odd := uint64(len(staff) + 1)
	byStaff[odd] = oddMonths(odd)
	kinds := []data.Kind{data.KindPNS, data.KindCPNS, data.KindPPPK, data.KindNonASN}
	checked := 0
	for name, r := range rules {
		plain, fast := r.Prepare(), r.Prepare()
		for id, months := range byStaff {
			lists := make([]data.MonthDays, len(months))
			for i, m := range months {
				lists[i] = m.DayList()
			}
			k := kinds[int(id)%len(kinds)]
			for i, m := range months {
				row, tpp := fast.RecapTPP(lists[i], k)
				if want := plain.RecapMonth(m); !reflect.DeepEqual(row, want) {
					t.Errorf("%s: recap of %d %d-%02d: %+v, want %+v", name, id, m.Year, m.Month, row, want)
				}
				if want := plain.PersonTPP(m, k); !reflect.DeepEqual(tpp, want) {
					t.Errorf("%s: TPP of %d %d-%02d: %+v, want %+v", name, id, m.Year, m.Month, tpp, want)
				}
				checked++
			}
			for _, year := range []int{2025, 2026, 2027} {
				got := fast.DisciplineDays(lists, year, k)
				if want := plain.DisciplineYear(months, year, k); got != want {
					t.Errorf("%s: PP 94 of %d in %d: %+v, want %+v", name, id, year, got, want)
				}
				if want := data.DisciplineYear(months, year, r, k); got != want {
					t.Errorf("%s: PP 94 of %d in %d: %+v, unprepared %+v", name, id, year, got, want)
				}
			}
		}
	}
	if checked < 3*45*12 {
		t.Fatalf("only %d months compared", checked)
	}
	// The odd months do reach a run across the new year and piket days.
	r := rules["default"].Prepare()
	if res := r.DisciplineDays(toLists(byStaff[odd]), 2026, data.KindPNS); res.LongestRun < 10 || res.RunFrom.Year() != 2025 {
		t.Errorf("odd months: %+v", res)
	}
	if row, _ := r.RecapTPP(oddMonths(odd)[0].DayList(), data.KindPNS); row.Piket == 0 || row.IgnoredEntries < 2 {
		t.Errorf("odd January: %+v", row)
	}
}

func toLists(months []data.AttendanceMonth) []data.MonthDays {
	out := make([]data.MonthDays, len(months))
	for i, m := range months {
		out[i] = m.DayList()
	}
	return out
}

// TestDayListRoundTrip: a month converts to a day list in order and back.
func TestDayListRoundTrip(t *testing.T) {
	t.Parallel()
	m := oddMonths(3)[0]
	l := m.DayList()
	for i := 1; i < len(l.Days); i++ {
		if l.Days[i-1].Day >= l.Days[i].Day {
			t.Fatalf("days out of order: %+v", l.Days)
		}
	}
	if back := l.AttendanceMonth(); !reflect.DeepEqual(back, m) {
		t.Fatalf("round trip %+v, want %+v", back, m)
	}
}
