package data

import (
	"sort"
	"time"
)

// PreparedRules derives many months under one set of rules: what the
// calendar says of each day (working day, hours, Ramadan) is worked out once
// per month and the codes' labels once, instead of for every entry of every
// person. A monthly recap or a year's PP 94/2021 count of a whole office
// uses it; its figures are exactly those of RecapMonth, PersonTPP and
// DisciplineYear under the same rules. Not safe for concurrent use.
type PreparedRules struct {
	rules  AttendanceRules
	book   *codeBook
	months map[int]*monthCal
	// the month looked up last, which the next day most often falls in
	lastIndex int
	last      *monthCal
	// tallies is DisciplineDays's list, kept for the next person.
	tallies []monthTally
}

// monthCal is what the calendar says of every day of one month.
type monthCal struct {
	days        [32]calDay // index 1–length
	mask        [32]bool   // Calendar.workingMask
	length      int        // days in the month
	workingDays int        // working days in the month
}

// Prepare returns the rules r ready for deriving many months. Rules changed
// afterwards (a copy with another calendar) need a Prepare of their own.
func (r AttendanceRules) Prepare() *PreparedRules {
	return &PreparedRules{rules: r, book: newCodeBook(r.Settings.Codes), months: map[int]*monthCal{}, lastIndex: -1}
}

// Rules returns the rules p was prepared from.
func (p *PreparedRules) Rules() AttendanceRules { return p.rules }

// month returns the calendar of every day of a month (index 1–31).
func (p *PreparedRules) month(year int, month time.Month) *[32]calDay {
	return &p.monthCal(year, month).days
}

// monthCal returns the calendar of a month, worked out once.
func (p *PreparedRules) monthCal(year int, month time.Month) *monthCal {
	idx := monthIndexOf(year, month)
	if idx == p.lastIndex && p.last != nil {
		return p.last
	}
	t, ok := p.months[idx]
	if !ok {
		t = &monthCal{length: monthLength(year, month), mask: p.rules.Calendar.workingMask(year, month)}
		for day := 1; day <= t.length; day++ {
			t.days[day] = calendarDay(NewDate(year, month, day), p.rules.Calendar)
			if t.days[day].working {
				t.workingDays++
			}
		}
		p.months[idx] = t
	}
	p.lastIndex, p.last = idx, t
	return t
}

// day derives the entry e of a day of m (1 ≤ day ≤ the month's length).
func (p *PreparedRules) day(m AttendanceMonth, day int, e DayEntry) DayFigures {
	return deriveOn(&p.month(m.Year, m.Month)[day], &e, &p.rules, p.book)
}

// MonthFigures is MonthFigures under the prepared rules.
func (p *PreparedRules) MonthFigures(m AttendanceMonth) []DayFigures {
	days := make([]int, 0, len(m.Days))
	for day := range m.Days {
		if day >= 1 && day <= monthLength(m.Year, m.Month) {
			days = append(days, day)
		}
	}
	sort.Ints(days)
	out := make([]DayFigures, len(days))
	for i, day := range days {
		out[i] = p.day(m, day, m.Days[day])
	}
	return out
}

// RecapMonth is RecapMonth under the prepared rules.
func (p *PreparedRules) RecapMonth(m AttendanceMonth) RecapRow {
	row := RecapRow{StaffID: m.StaffID, Year: m.Year, Month: m.Month, Staff: 1}
	n := monthLength(m.Year, m.Month)
	for day, e := range m.Days {
		if day < 1 || day > n {
			row.IgnoredEntries++
			continue
		}
		if f := p.day(m, day, e); !f.Working {
			if f.Piket {
				row.Piket++
			} else {
				row.IgnoredEntries++
			}
		}
	}
	cal := p.month(m.Year, m.Month)
	for day := 1; day <= n; day++ {
		if !cal[day].working {
			continue
		}
		row.WorkingDays++
		e, entered := m.Days[day]
		f := p.day(m, day, e)
		if !entered || f.Code == "" {
			row.NotEntered++
			continue
		}
		row.countFigures(f)
	}
	row.PresentPercent = percentOf(row.Present, row.WorkingDays)
	return row
}

// TPPMonth is TPPMonth under the prepared rules.
func (p *PreparedRules) TPPMonth(m AttendanceMonth) TPPDetail {
	return tppOf(p.MonthFigures(m), p.rules)
}

// PersonTPP is PersonTPP under the prepared rules.
func (p *PreparedRules) PersonTPP(m AttendanceMonth, k Kind) *TPPDetail {
	if !p.rules.Settings.ReceivesTPP(k) {
		return nil
	}
	t := p.TPPMonth(m)
	return &t
}

// DisciplineYear is DisciplineYear under the prepared rules. Each entered
// working day is derived once, though the count of the year and the search
// for the longest run of TK both look at it.
func (p *PreparedRules) DisciplineYear(months []AttendanceMonth, year int, k Kind) DisciplineResult {
	view := func(m AttendanceMonth, day int) (bool, int) {
		f := p.day(m, day, m.Days[day])
		return f.Category == CategoryAbsent, f.DisciplineMinutes
	}
	return disciplineWith(months, year, p.rules.Calendar, p.rules.Settings.Discipline, k, view)
}
