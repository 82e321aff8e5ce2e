package data

import (
	"fmt"
	"math"
	"sort"
	"time"
)

// DisciplineSettings are the office's settings for the PP 94/2021 count.
type DisciplineSettings struct {
	// ConvertLateness adds accumulated lateness plus early departure as days:
	// every HoursPerDay hours count as one day of TK (PP 53/2010, Penjelasan
	// Pasal 3 angka 11; whether PP 94/2021 keeps it is not confirmed). A
	// HoursPerDay that is not a positive number counts as the default 7.5.
	ConvertLateness bool    `json:"convert_lateness"`
	HoursPerDay     float64 `json:"hours_per_day"`
	// MissingPunchMinutes is what an arrival or departure that was not
	// recorded (tidak tercatat) adds to the lateness count, never more than
	// the day's working time. Default 0: the rule counts measured minutes.
	MissingPunchMinutes int `json:"missing_punch_minutes"`
}

// DefaultDisciplineSettings returns conversion on, 7.5 hours to a day.
func DefaultDisciplineSettings() DisciplineSettings {
	return DisciplineSettings{ConvertLateness: true, HoursPerDay: 7.5}
}

// DisciplineLevel is the level of a potential PP 94/2021 penalty.
type DisciplineLevel string

// The levels of hukuman disiplin; LevelNone when no threshold is reached.
const (
	LevelNone   DisciplineLevel = ""
	LevelRingan DisciplineLevel = "ringan"
	LevelSedang DisciplineLevel = "sedang"
	LevelBerat  DisciplineLevel = "berat"
)

// disciplineStep is one row of the PP 94/2021 table for days of TK in a calendar year.
type disciplineStep struct {
	from     int
	level    DisciplineLevel
	sanction string
}

// disciplineSteps is the cumulative table of PP 94/2021 Pasal 11 ayat (2)
// huruf a–c for days of TK in a calendar year, lowest first, worded as the
// penalties of Pasal 8 for a PNS (docs/aturan.md §6.2).
var disciplineSteps = []disciplineStep{
	{3, LevelRingan, "teguran lisan"},
	{4, LevelRingan, "teguran tertulis"},
	{7, LevelRingan, "pernyataan tidak puas secara tertulis"},
	{11, LevelSedang, "pemotongan tunjangan kinerja sebesar 25% selama 6 bulan"},
	{14, LevelSedang, "pemotongan tunjangan kinerja sebesar 25% selama 9 bulan"},
	{17, LevelSedang, "pemotongan tunjangan kinerja sebesar 25% selama 12 bulan"},
	{21, LevelBerat, "penurunan jabatan setingkat lebih rendah selama 12 bulan"},
	{25, LevelBerat, "pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan"},
	{28, LevelBerat, pnsDismissal},
}

// pnsDismissal is the most severe penalty of PP 94/2021 Pasal 8 ayat (4).
const pnsDismissal = "pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS"

// ConsecutiveTKLimit is the run of consecutive working days of TK that leads
// to dismissal under PP 94/2021.
const ConsecutiveTKLimit = 10

const consecutiveReason = "karena 10 hari kerja berturut-turut tanpa keterangan; gaji dihentikan mulai bulan berikutnya"

// DisciplineResult is one person's PP 94/2021 count for a calendar year. The
// app cannot know whether an absence had a valid reason, so the level is only
// a potential penalty. The JSON keys are those of `kinerja discipline --format json`.
type DisciplineResult struct {
	Year        int `json:"year"`
	AbsentDays  int `json:"absent_days"`  // TK on working days of the year
	LateMinutes int `json:"late_minutes"` // lateness plus early departure in the year
	LateDays    int `json:"late_days"`    // LateMinutes converted, whole days (0 when conversion is off)
	TotalDays   int `json:"total_days"`   // AbsentDays + LateDays
	// LongestRun is the longest run of consecutive working days of TK that
	// touches the year (weekends and holidays inside do not break it; a run may
	// start in the previous December). RunFrom and RunTo are its first and last day.
	LongestRun int             `json:"longest_run"`
	RunFrom    Date            `json:"run_from"`
	RunTo      Date            `json:"run_to"`
	Level      DisciplineLevel `json:"severity"`
	// Sanction is the potential penalty of the more severe of the cumulative
	// rule and the consecutive-days rule, worded for the kind of staff.
	Sanction string `json:"sanction"`
	// Potential is "Potensi hukuman disiplin: ringan — teguran lisan", or "".
	Potential string `json:"level"`
	// DaysToNext is how many more days reach the next cumulative threshold
	// (0 past the last one or for Non-ASN); NextThreshold says it in words.
	DaysToNext    int    `json:"days_to_next"`
	NextThreshold string `json:"next_threshold"`
	// CountsOnly is set for Non-ASN staff: PP 94/2021 does not apply to them.
	CountsOnly bool `json:"counts_only"`
}

// Discipline counts one person's PP 94/2021 figures for a calendar year from
// their attendance months (any order; months outside the year are used only
// to follow a run of TK across the new year). Only working days of cal count.
// The level is the more severe of the cumulative table and the 10-consecutive-
// working-days rule; the sanction is worded for kind k (see sanctionFor).
//
// Deprecated: it reads stored minutes and the code TK only; use
// DisciplineYear.
func Discipline(months []AttendanceMonth, year int, cal Calendar, s DisciplineSettings, k Kind) DisciplineResult {
	view := func(m AttendanceMonth, day int) (bool, int) {
		e := m.Days[day]
		minutes := 0
		if entryIsLate(e) {
			minutes += e.LateMinutes
		}
		if entryIsEarly(e) {
			minutes += e.EarlyMinutes
		}
		return e.Code == CodeTK, minutes
	}
	return disciplineWith(months, year, cal, s, k, view)
}

// dayView tells whether an entered day of a month is absent and how many
// minutes of lateness it adds.
type dayView func(m AttendanceMonth, day int) (absent bool, minutes int)

func disciplineWith(months []AttendanceMonth, year int, cal Calendar, s DisciplineSettings, k Kind, view dayView) DisciplineResult {
	first, last := disciplineSpan(year)
	var room [14]monthTally // the span's months, once each: no allocation
	tallies := room[:0]
	for _, m := range months {
		idx := monthIndexOf(m.Year, m.Month)
		if idx < first || idx > last {
			continue // neither counted nor part of a run
		}
		t := monthTally{year: m.Year, month: m.Month, index: idx, mask: cal.workingMask(m.Year, m.Month)}
		n := monthLength(m.Year, m.Month)
		for day := range m.Days {
			if day < 1 || day > n || !t.mask[day] {
				continue
			}
			absent, minutes := view(m, day)
			t.days[day] = tallyDay{entered: true, absent: absent, minutes: minutes}
		}
		tallies = append(tallies, t)
	}
	return disciplineOf(tallies, year, s, k)
}

// disciplineSpan returns the indexes (monthIndexOf) of the first and last
// month a year's count looks at: the previous December and the next January,
// for a run of TK across the new year.
func disciplineSpan(year int) (first, last int) {
	return monthIndexOf(year-1, time.December), monthIndexOf(year+1, time.January)
}

// monthTally is what the count of a year needs of one month record: for
// each working day (mask) whether it was entered, and if so whether it is
// absent and the minutes of lateness it adds.
type monthTally struct {
	year  int
	month time.Month
	index int // monthIndexOf
	mask  [32]bool
	days  [32]tallyDay
}

type tallyDay struct {
	entered, absent bool
	minutes         int
}

// disciplineOf counts the year from the tallies of the month records in
// the span of the year (disciplineSpan), in any order.
func disciplineOf(tallies []monthTally, year int, s DisciplineSettings, k Kind) DisciplineResult {
	r := DisciplineResult{Year: year, CountsOnly: !k.IsASN()}
	r.countYear(tallies, year)
	r.longestRun(tallies, year)
	if s.ConvertLateness {
		hours := s.HoursPerDay
		if hours <= 0 || math.IsNaN(hours) || math.IsInf(hours, 0) {
			hours = DefaultDisciplineSettings().HoursPerDay
		}
		r.LateDays = int(math.Floor(float64(r.LateMinutes) / (hours * 60)))
	}
	r.TotalDays = r.AbsentDays + r.LateDays
	if r.CountsOnly {
		return r
	}
	r.judge(k)
	return r
}

// countYear adds the entered working days of the year's months.
func (r *DisciplineResult) countYear(tallies []monthTally, year int) {
	for i := range tallies {
		t := &tallies[i]
		if t.year != year {
			continue
		}
		for _, d := range t.days {
			if d.entered {
				if d.absent {
					r.AbsentDays++
				}
				r.LateMinutes += d.minutes
			}
		}
	}
}

// longestRun walks the working days of the months from the previous December
// to the next January in date order; a working day that is not absent, or not
// entered, or in a month with no record, ends a run.
func (r *DisciplineResult) longestRun(tallies []monthTally, year int) {
	var room [14]int
	order := room[:0]
	for i := range tallies {
		order = append(order, i)
	}
	sort.Slice(order, func(i, j int) bool { return tallies[order[i]].index < tallies[order[j]].index })
	run, prevMonth := 0, -1
	var runFrom Date
	touches := false
	for _, i := range order {
		t := &tallies[i]
		if t.index != prevMonth+1 {
			run = 0
		}
		prevMonth = t.index
		for day := 1; day <= monthLength(t.year, t.month); day++ {
			if !t.mask[day] {
				continue
			}
			if d := t.days[day]; !d.entered || !d.absent {
				run = 0
				continue
			}
			if run == 0 {
				runFrom, touches = NewDate(t.year, t.month, day), false
			}
			run++
			touches = touches || t.year == year
			if touches && run > r.LongestRun {
				r.LongestRun, r.RunFrom, r.RunTo = run, runFrom, NewDate(t.year, t.month, day)
			}
		}
	}
}

// monthIndexOf numbers months consecutively across years.
func monthIndexOf(year int, month time.Month) int { return year*12 + int(month) - 1 }

// lastStep returns the index of the most severe step for kind k: for a CPNS
// the first sedang step (a sedang or berat penalty already means dismissal as
// CPNS, PP 11/2017), for the others the last.
func lastStep(k Kind) int {
	if k == KindCPNS {
		for i, st := range disciplineSteps {
			if st.level != LevelRingan {
				return i
			}
		}
	}
	return len(disciplineSteps) - 1
}

// judge sets the level, the sanction worded for kind k and the next
// threshold; there is none once the most severe penalty for the kind is
// reached, by the cumulative count or by the consecutive-days rule.
func (r *DisciplineResult) judge(k Kind) {
	step := -1
	for i, st := range disciplineSteps {
		if r.TotalDays >= st.from {
			step = i
		}
	}
	top := lastStep(k)
	if step > top {
		step = top
	}
	if step >= 0 {
		r.Level, r.Sanction = disciplineSteps[step].level, sanctionFor(k, disciplineSteps[step], false)
	}
	if r.LongestRun >= ConsecutiveTKLimit && step < len(disciplineSteps)-1 {
		r.Level, r.Sanction = LevelBerat, sanctionFor(k, disciplineStep{ConsecutiveTKLimit, LevelBerat, pnsDismissal}, true)
		step = top
	}
	if r.Level != LevelNone {
		r.Potential = fmt.Sprintf("Potensi hukuman disiplin: %s — %s", r.Level, r.Sanction)
	}
	if step < top {
		next := disciplineSteps[step+1]
		r.DaysToNext = next.from - r.TotalDays
		r.NextThreshold = fmt.Sprintf("Tinggal %d hari TK lagi mencapai batas %s (%s)", r.DaysToNext, sanctionFor(k, next, false), disciplineBasis(k))
	}
}

// disciplineBasis names the regulation the penalties of kind k come from.
func disciplineBasis(k Kind) string {
	switch {
	case k == KindCPNS:
		return "PP 94/2021 jo. PP 11/2017"
	case k.IsPPPK():
		return "PP 49/2018 jo. PP 94/2021"
	}
	return "PP 94/2021"
}

// sanctionFor words a step's penalty in full for the kind of staff (PP
// 94/2021 Pasal 8 and 11): a PNS gets the penalty of the table; a CPNS the
// ringan penalties, and dismissal as CPNS for a sedang or berat one (PP
// 11/2017); a PPPK the ringan penalties, the PPPK penalties of PP 49/2018
// for sedang and berat, and the end of the contract where a PNS would be
// dismissed. consecutive marks the 10-working-days rule.
func sanctionFor(k Kind, st disciplineStep, consecutive bool) string {
	dismissal := consecutive || st.sanction == pnsDismissal
	var s string
	switch {
	case st.level == LevelRingan:
		return st.sanction
	case k == KindCPNS:
		s = "pemberhentian sebagai CPNS karena hukuman disiplin tingkat " + string(st.level)
	case k.IsPPPK() && dismissal:
		s = "pemutusan hubungan perjanjian kerja tidak atas permintaan sendiri sebagai PPPK"
	case k.IsPPPK():
		s = "hukuman disiplin tingkat " + string(st.level) + " bagi PPPK menurut PP 49/2018 jo. PP 94/2021 " +
			"(penundaan kenaikan gaji berkala, penurunan golongan, atau pemutusan hubungan perjanjian kerja)"
	default:
		s = st.sanction
	}
	if consecutive {
		s += " " + consecutiveReason
	}
	return s
}
