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

// disciplineSteps is the cumulative table of PP 94/2021 (docs/aturan.md §6.2),
// lowest first.
var disciplineSteps = []disciplineStep{
	{3, LevelRingan, "teguran lisan"},
	{4, LevelRingan, "teguran tertulis"},
	{7, LevelRingan, "pernyataan tidak puas secara tertulis"},
	{11, LevelSedang, "pemotongan tunjangan kinerja 25% selama 6 bulan"},
	{14, LevelSedang, "pemotongan tunjangan kinerja 25% selama 9 bulan"},
	{17, LevelSedang, "pemotongan tunjangan kinerja 25% selama 12 bulan"},
	{21, LevelBerat, "penurunan jabatan setingkat lebih rendah selama 12 bulan"},
	{25, LevelBerat, "pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan"},
	{28, LevelBerat, "pemberhentian dengan hormat tidak atas permintaan sendiri"},
}

// ConsecutiveTKLimit is the run of consecutive working days of TK that leads
// to dismissal under PP 94/2021.
const ConsecutiveTKLimit = 10

const consecutiveSanction = "pemberhentian karena 10 hari kerja berturut-turut tanpa keterangan; gaji dihentikan mulai bulan berikutnya"

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
// working-days rule; the sanction is worded for kind k: PNS per the table;
// CPNS lose their CPNS status for a sedang or berat penalty; PPPK are
// disciplined under PP 49/2018 with their own penalties; Non-ASN get counts only.
func Discipline(months []AttendanceMonth, year int, cal Calendar, s DisciplineSettings, k Kind) DisciplineResult {
	r := DisciplineResult{Year: year, CountsOnly: !k.IsASN()}
	r.countYear(months, year, cal)
	r.longestRun(months, year, cal)
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

func (r *DisciplineResult) countYear(months []AttendanceMonth, year int, cal Calendar) {
	for _, m := range months {
		if m.Year != year {
			continue
		}
		mask := cal.workingMask(m.Year, m.Month)
		for day, e := range m.Days {
			if day < 1 || day > monthLength(m.Year, m.Month) || !mask[day] {
				continue
			}
			if e.Code == CodeTK {
				r.AbsentDays++
			}
			if entryIsLate(e) {
				r.LateMinutes += e.LateMinutes
			}
			if entryIsEarly(e) {
				r.LateMinutes += e.EarlyMinutes
			}
		}
	}
}

// longestRun walks the working days of the months from the previous December
// to the next January in date order; a working day that is not TK, or not
// entered, or in a month with no record, ends a run.
func (r *DisciplineResult) longestRun(months []AttendanceMonth, year int, cal Calendar) {
	first, last := monthIndexOf(year-1, time.December), monthIndexOf(year+1, time.January)
	var use []AttendanceMonth
	for _, m := range months {
		if i := monthIndexOf(m.Year, m.Month); i >= first && i <= last {
			use = append(use, m)
		}
	}
	sort.Slice(use, func(i, j int) bool {
		return monthIndexOf(use[i].Year, use[i].Month) < monthIndexOf(use[j].Year, use[j].Month)
	})
	run, prevMonth := 0, -1
	var runFrom Date
	touches := false
	for _, m := range use {
		idx := monthIndexOf(m.Year, m.Month)
		if idx != prevMonth+1 {
			run = 0
		}
		prevMonth = idx
		mask := cal.workingMask(m.Year, m.Month)
		for day := 1; day <= monthLength(m.Year, m.Month); day++ {
			if !mask[day] {
				continue
			}
			if e, ok := m.Days[day]; !ok || e.Code != CodeTK {
				run = 0
				continue
			}
			if run == 0 {
				runFrom, touches = m.Date(day), false
			}
			run++
			touches = touches || m.Year == year
			if touches && run > r.LongestRun {
				r.LongestRun, r.RunFrom, r.RunTo = run, runFrom, m.Date(day)
			}
		}
	}
}

// monthIndexOf numbers months consecutively across years.
func monthIndexOf(year int, month time.Month) int { return year*12 + int(month) - 1 }

// judge sets the level, the sanction worded for kind k and the next threshold.
func (r *DisciplineResult) judge(k Kind) {
	step := -1
	for i, st := range disciplineSteps {
		if r.TotalDays >= st.from {
			step = i
		}
	}
	if step >= 0 {
		r.Level, r.Sanction = disciplineSteps[step].level, sanctionFor(k, disciplineSteps[step])
	}
	if r.LongestRun >= ConsecutiveTKLimit && step < len(disciplineSteps)-1 {
		r.Level, r.Sanction = LevelBerat, sanctionFor(k, disciplineStep{ConsecutiveTKLimit, LevelBerat, consecutiveSanction})
	}
	if r.Level != LevelNone {
		r.Potential = fmt.Sprintf("Potensi hukuman disiplin: %s — %s", r.Level, r.Sanction)
	}
	if step+1 < len(disciplineSteps) {
		next := disciplineSteps[step+1]
		r.DaysToNext = next.from - r.TotalDays
		r.NextThreshold = fmt.Sprintf("Tinggal %d hari TK lagi mencapai batas %s (PP 94/2021)", r.DaysToNext, sanctionFor(k, next))
	}
}

// sanctionFor words a step's penalty for the kind of staff (PP 94/2021,
// PP 49/2018; docs/aturan.md §6.5).
func sanctionFor(k Kind, st disciplineStep) string {
	if st.level == LevelRingan {
		return st.sanction
	}
	switch {
	case k == KindCPNS:
		return "pemberhentian sebagai CPNS"
	case k.IsPPPK():
		return "hukuman disiplin " + string(st.level) + " bagi PPPK menurut PP 49/2018 jo. PP 94/2021 " +
			"(penundaan kenaikan gaji berkala, penurunan golongan, atau pemutusan hubungan perjanjian kerja)"
	}
	return st.sanction
}
