package data

import (
	"fmt"
	"time"
)

// DayHours is the working time of one day in minutes since midnight: work runs
// from Start to End with an unpaid break from BreakStart to BreakEnd. A DayHours
// with End not after Start means "no work that day".
type DayHours struct {
	Start      int `json:"start"`
	End        int `json:"end"`
	BreakStart int `json:"break_start"`
	BreakEnd   int `json:"break_end"`
}

// Works reports whether the day has working hours at all.
func (h DayHours) Works() bool { return h.End > h.Start }

// WorkMinutes returns the working time of the day without the break.
func (h DayHours) WorkMinutes() int {
	if !h.Works() {
		return 0
	}
	return h.End - h.Start - max(0, h.BreakEnd-h.BreakStart)
}

// Check returns an Indonesian description of what is wrong with h, or nil.
// A day off (all zero) is valid.
func (h DayHours) Check() error {
	if h == (DayHours{}) {
		return nil
	}
	for _, m := range []int{h.Start, h.End, h.BreakStart, h.BreakEnd} {
		if m < 0 || m > 24*60 {
			return fmt.Errorf("jam kerja harus antara 00:00 dan 24:00")
		}
	}
	if h.End <= h.Start {
		return fmt.Errorf("jam pulang %s harus sesudah jam masuk %s", FormatClock(h.End), FormatClock(h.Start))
	}
	if h.BreakEnd < h.BreakStart || (h.BreakEnd > h.BreakStart && (h.BreakStart < h.Start || h.BreakEnd > h.End)) {
		return fmt.Errorf("istirahat %s–%s harus di dalam jam kerja %s–%s",
			FormatClock(h.BreakStart), FormatClock(h.BreakEnd), FormatClock(h.Start), FormatClock(h.End))
	}
	return nil
}

// Schedule is the work week of the office, indexed by time.Weekday (Sunday
// first). Week gives the usual hours; a weekday whose Week hours are empty is
// not a working day. Ramadan gives the hours used on dates inside a Ramadan
// range; a weekday whose Ramadan hours are empty keeps its Week hours there.
// Whether a day is a working day never depends on Ramadan.
type Schedule struct {
	Week    [7]DayHours `json:"week"`
	Ramadan [7]DayHours `json:"ramadan"`
}

func hoursMinutes(h, m int) int { return h*60 + m }

// DefaultSchedule returns the five-day week of Perpres 21/2023 (37 h 30 min a
// week; docs/aturan.md §2.1, §2.2): Monday–Thursday 07.30–16.00 with a break 12.00–13.00,
// Friday 07.30–16.30 with a break 11.30–13.00, so 7 h 30 min of work each day.
//
// Ramadan hours: the rule gives 32 h 30 min a week, start 08.00, a 30-minute
// break (60 minutes on Friday) but no end times. Spreading the week evenly over
// five days gives 6 h 30 min of work a day, so Monday–Thursday run 08.00–15.00
// with a break 12.00–12.30 and Friday 08.00–15.30 with a break 11.30–12.30
// (the Friday break starts at the same time as in the usual week). Both are
// defaults the admin can change. A six-day week is configured by giving
// Saturday hours in Week (and, if wanted, in Ramadan).
func DefaultSchedule() Schedule {
	var s Schedule
	monThu := DayHours{Start: hoursMinutes(7, 30), End: hoursMinutes(16, 0), BreakStart: hoursMinutes(12, 0), BreakEnd: hoursMinutes(13, 0)}
	fri := DayHours{Start: hoursMinutes(7, 30), End: hoursMinutes(16, 30), BreakStart: hoursMinutes(11, 30), BreakEnd: hoursMinutes(13, 0)}
	ramMonThu := DayHours{Start: hoursMinutes(8, 0), End: hoursMinutes(15, 0), BreakStart: hoursMinutes(12, 0), BreakEnd: hoursMinutes(12, 30)}
	ramFri := DayHours{Start: hoursMinutes(8, 0), End: hoursMinutes(15, 30), BreakStart: hoursMinutes(11, 30), BreakEnd: hoursMinutes(12, 30)}
	for wd := time.Monday; wd <= time.Thursday; wd++ {
		s.Week[wd], s.Ramadan[wd] = monThu, ramMonThu
	}
	s.Week[time.Friday], s.Ramadan[time.Friday] = fri, ramFri
	return s
}

// WeekMinutes returns the working time of a usual week without breaks.
func (s Schedule) WeekMinutes() int {
	total := 0
	for _, h := range s.Week {
		total += h.WorkMinutes()
	}
	return total
}

// Check returns an Indonesian description of the first wrong day, or nil.
func (s Schedule) Check() error {
	for wd, h := range s.Week {
		if err := h.Check(); err != nil {
			return fmt.Errorf("hari %s: %w", DayNames[wd], err)
		}
	}
	for wd, h := range s.Ramadan {
		if err := h.Check(); err != nil {
			return fmt.Errorf("hari %s (Ramadan): %w", DayNames[wd], err)
		}
	}
	return nil
}

// DateRange is the days From through To, both included.
type DateRange struct {
	From Date `json:"from"`
	To   Date `json:"to"`
}

// Contains reports whether d lies in the range.
func (r DateRange) Contains(d Date) bool { return !d.Before(r.From) && !d.After(r.To) }

// Calendar decides which days are working days and their hours: the weekly
// Schedule, the Ramadan date ranges, and the holidays (national holidays, cuti
// bersama and local days off). A holiday is never a working day, for entry,
// recap, leave and the PP 94/2021 count alike.
type Calendar struct {
	Schedule Schedule    `json:"schedule"`
	Ramadan  []DateRange `json:"ramadan,omitempty"`
	// RamadanPeriods are Ramadan ranges with a status (see RamadanOn); they
	// count like Ramadan.
	RamadanPeriods []RamadanPeriod `json:"ramadan_periods,omitempty"`
	Holidays       []Holiday       `json:"holidays,omitempty"`
}

// NewCalendar returns a calendar with DefaultSchedule and the given holidays.
func NewCalendar(holidays []Holiday) Calendar {
	return Calendar{Schedule: DefaultSchedule(), Holidays: holidays}
}

// HolidayOn returns the first holiday listed on d.
func (c Calendar) HolidayOn(d Date) (Holiday, bool) {
	for _, h := range c.Holidays {
		if h.Date.Equal(d) {
			return h, true
		}
	}
	return Holiday{}, false
}

// InRamadan reports whether d lies in one of the Ramadan ranges or periods,
// confirmed or estimated.
func (c Calendar) InRamadan(d Date) bool {
	_, ok := c.RamadanOn(d)
	return ok
}

// IsWorkingDay reports whether d is a working day: its weekday has hours in the
// Schedule and it is not a holiday.
func (c Calendar) IsWorkingDay(d Date) bool {
	if d.IsZero() || !c.Schedule.Week[d.Weekday()].Works() {
		return false
	}
	_, holiday := c.HolidayOn(d)
	return !holiday
}

// DayHours returns the hours of d (Ramadan hours inside a Ramadan range when
// that weekday has them), and false when d is not a working day.
func (c Calendar) DayHours(d Date) (DayHours, bool) {
	if !c.IsWorkingDay(d) {
		return DayHours{}, false
	}
	wd := d.Weekday()
	if c.Schedule.Ramadan[wd].Works() && c.InRamadan(d) {
		return c.Schedule.Ramadan[wd], true
	}
	return c.Schedule.Week[wd], true
}

// WorkingDays counts the working days from through to, both included; 0 when
// to is before from or either is unset.
func (c Calendar) WorkingDays(from, to Date) int {
	if from.IsZero() || to.IsZero() {
		return 0
	}
	n := 0
	for d := from; !d.After(to); d = d.AddDays(1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}

// WorkingDaysIn lists the working days of one month in order.
func (c Calendar) WorkingDaysIn(year int, month time.Month) []Date {
	var out []Date
	mask := c.workingMask(year, month)
	for day := 1; day <= monthLength(year, month); day++ {
		if mask[day] {
			out = append(out, NewDate(year, month, day))
		}
	}
	return out
}

// workingMask tells for each day of a month (index = day of the month) whether
// it is a working day; it answers IsWorkingDay for a whole month at once.
func (c Calendar) workingMask(year int, month time.Month) (mask [32]bool) {
	wd := int(NewDate(year, month, 1).Weekday())
	for day := 1; day <= monthLength(year, month); day++ {
		mask[day] = c.Schedule.Week[(wd+day-1)%7].Works()
	}
	for _, h := range c.Holidays {
		if y, m, d := h.Date.t.Date(); y == year && m == month {
			mask[d] = false
		}
	}
	return mask
}
