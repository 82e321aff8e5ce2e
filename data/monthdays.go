package data

import (
	"slices"
	"time"
)

// EnteredDay is one entered day of a month: its day of the month and its entry.
type EnteredDay struct {
	Day   int
	Entry DayEntry
}

// MonthDays is one person's month as a list of its entered days, in
// increasing order of day and each day once. It is the form months are read
// in when a whole office's months are derived at once (a monthly recap, a
// year's PP 94/2021 count): a list filled again for every month costs no
// map and no allocation. AttendanceMonth is the form a month is edited in;
// AttendanceMonth.DayList converts one to the other. The rules give the
// same figures for both forms (PreparedRules.RecapTPP, DisciplineDays).
type MonthDays struct {
	StaffID uint64
	Year    int
	Month   time.Month
	Days    []EnteredDay
}

// DayList returns the days of m in increasing order (a new list).
func (m AttendanceMonth) DayList() MonthDays {
	out := MonthDays{StaffID: m.StaffID, Year: m.Year, Month: m.Month, Days: make([]EnteredDay, 0, len(m.Days))}
	for day, e := range m.Days {
		out.Days = append(out.Days, EnteredDay{Day: day, Entry: e})
	}
	slices.SortFunc(out.Days, func(a, b EnteredDay) int { return a.Day - b.Day })
	return out
}

// AttendanceMonth returns the days of d as an AttendanceMonth (a new map).
func (d MonthDays) AttendanceMonth() AttendanceMonth {
	m := AttendanceMonth{StaffID: d.StaffID, Year: d.Year, Month: d.Month, Days: make(map[int]DayEntry, len(d.Days))}
	for _, e := range d.Days {
		m.Days[e.Day] = e.Entry
	}
	return m
}

// RecapTPP is RecapMonth and PersonTPP of one month in one pass: each
// entered day is derived once. The TPP detail is nil for a kind that
// receives no TPP. m.Days must be in increasing order of day, each day once.
func (p *PreparedRules) RecapTPP(m MonthDays, k Kind) (RecapRow, *TPPDetail) {
	row := RecapRow{StaffID: m.StaffID, Year: m.Year, Month: m.Month, Staff: 1}
	cal := p.monthCal(m.Year, m.Month)
	var tpp *tppSum
	if p.rules.Settings.ReceivesTPP(k) {
		tpp = newTPPSum(p.rules)
	}
	entered := 0
	for i := range m.Days {
		d := &m.Days[i]
		if d.Day < 1 || d.Day > cal.length {
			row.IgnoredEntries++
			continue
		}
		f := deriveOn(&cal.days[d.Day], &d.Entry, &p.rules, p.book)
		if !f.Working {
			if f.Piket {
				row.Piket++
			} else {
				row.IgnoredEntries++
			}
			continue
		}
		entered++
		if f.Code == "" {
			row.NotEntered++
		} else {
			row.countFigures(f)
		}
		if tpp != nil {
			tpp.add(f)
		}
	}
	// A working day without an entry derives to nothing: not entered.
	row.WorkingDays = cal.workingDays
	row.NotEntered += cal.workingDays - entered
	row.PresentPercent = percentOf(row.Present, row.WorkingDays)
	if tpp == nil {
		return row, nil
	}
	t := tpp.detail()
	return row, &t
}

// DisciplineDays is DisciplineYear of months given as day lists (each in
// increasing order of day, each day once); the figures are the same.
func (p *PreparedRules) DisciplineDays(months []MonthDays, year int, k Kind) DisciplineResult {
	first, last := disciplineSpan(year)
	tallies := p.tallies[:0]
	for _, m := range months {
		idx := monthIndexOf(m.Year, m.Month)
		if idx < first || idx > last {
			continue // neither counted nor part of a run
		}
		cal := p.monthCal(m.Year, m.Month)
		tallies = append(tallies, monthTally{year: m.Year, month: m.Month, index: idx, mask: cal.mask})
		t := &tallies[len(tallies)-1]
		for i := range m.Days {
			d := &m.Days[i]
			if d.Day < 1 || d.Day > cal.length || !cal.mask[d.Day] {
				continue
			}
			f := deriveOn(&cal.days[d.Day], &d.Entry, &p.rules, p.book)
			t.days[d.Day] = tallyDay{entered: true, absent: f.Category == CategoryAbsent, minutes: f.DisciplineMinutes}
		}
	}
	p.tallies = tallies
	return disciplineOf(tallies, year, p.rules.Settings.Discipline, k)
}
