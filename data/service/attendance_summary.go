package service

import (
	"fmt"
	"time"

	"kinerja/data"
	"kinerja/data/store"
)

// Summary is one person's attendance over a date range, for showing beside an
// evaluation: the recap of the range's working days and the PP 94/2021
// count of the calendar year of To, counted up to To.
type Summary struct {
	StaffID        uint64    `json:"staff_id"`
	From           data.Date `json:"from"`
	To             data.Date `json:"to"`
	WorkingDays    int       `json:"working_days"`
	Present        int       `json:"present"` // H + TL + PSW + DL + FWA
	PresentPercent float64   `json:"present_percent"`
	TL             int       `json:"late_count"` // days arriving late
	LateMinutes    int       `json:"late_minutes"`
	PSW            int       `json:"early_count"` // days leaving early
	EarlyMinutes   int       `json:"early_minutes"`
	Leave          int       `json:"leave"`
	TK             int       `json:"absent"`
	NotEntered     int       `json:"not_entered"`
	// Level is the potential PP 94/2021 penalty in words ("Potensi hukuman
	// disiplin: ringan — teguran lisan"), "" when none or for Non-ASN.
	Level string `json:"level"`
	// Recap and Discipline hold every figure behind the fields above.
	Recap      data.RecapRow         `json:"recap"`
	Discipline data.DisciplineResult `json:"discipline"`
}

// AttendanceSummary summarises one person's attendance from from through to
// (both included; only working days count, days not entered are counted as
// such). The PP 94/2021 level is that of the calendar year of to, counting
// its days up to to (a run of TK may start in the previous December).
func (svc *Service) AttendanceSummary(staffID uint64, from, to data.Date) (Summary, error) {
	if err := checkSummaryRange(from, to); err != nil {
		return Summary{}, err
	}
	person, err := svc.st.StaffByID(staffID)
	if err != nil {
		return Summary{}, err
	}
	r, err := svc.rules()
	if err != nil {
		return Summary{}, err
	}
	return svc.summaryOf(person, from, to, r)
}

func checkSummaryRange(from, to data.Date) error {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return fmt.Errorf("rentang tanggal %s–%s tidak sah", from.Slash(), to.Slash())
	}
	return nil
}

// summaryOf reads one person's months for a summary and computes it under
// rules r, loaded once by the caller (a batch of documents loads them once
// for all its people).
func (svc *Service) summaryOf(person data.Staff, from, to data.Date, r data.AttendanceRules) (Summary, error) {
	first := store.MonthOf(from)
	if prevDec := (store.YearMonth{Year: to.Year() - 1, Month: time.December}); prevDec.Before(first) {
		first = prevDec
	}
	all, err := svc.st.AttendanceBetween([]uint64{person.ID}, first, store.MonthOf(to))
	if err != nil {
		return Summary{}, err
	}
	return summarize(person, all[person.ID], from, to, r), nil
}

// summarize computes a Summary from one person's months (those from the
// December before to's year, or from from when earlier, through to).
func summarize(person data.Staff, months []data.AttendanceMonth, from, to data.Date, r data.AttendanceRules) Summary {
	staffID := person.ID
	rangeRecap := recapRange(months, staffID, from, to, r)
	yr := r
	yr.Calendar = blockOut(r.Calendar, to.AddDays(1), data.NewDate(to.Year()+1, time.January, 31))
	disc := data.DisciplineYear(clipMonths(months, data.Date{}, to), to.Year(), yr, person.Kind)
	return Summary{
		StaffID: staffID, From: from, To: to,
		WorkingDays: rangeRecap.WorkingDays, Present: rangeRecap.Present, PresentPercent: rangeRecap.PresentPercent,
		TL: rangeRecap.LateCount, LateMinutes: rangeRecap.LateMinutes,
		PSW: rangeRecap.EarlyCount, EarlyMinutes: rangeRecap.EarlyMinutes,
		Leave: rangeRecap.Leave, TK: rangeRecap.TK, NotEntered: rangeRecap.NotEntered,
		Level: disc.Potential, Recap: rangeRecap, Discipline: disc,
	}
}

// recapRange sums the monthly recaps of one person over from..to, counting
// only the days inside the range.
func recapRange(months []data.AttendanceMonth, staffID uint64, from, to data.Date, r data.AttendanceRules) data.RecapRow {
	byMonth := make(map[store.YearMonth]data.AttendanceMonth, len(months))
	for _, m := range months {
		byMonth[store.YearMonth{Year: m.Year, Month: m.Month}] = m
	}
	var rows []data.RecapRow
	last := store.MonthOf(to)
	for ym := store.MonthOf(from); !last.Before(ym); ym = ym.Next() {
		m, ok := byMonth[ym]
		if !ok {
			m = data.NewAttendanceMonth(staffID, ym.Year, ym.Month)
		}
		start := data.NewDate(ym.Year, ym.Month, 1)
		mr := r
		mr.Calendar = blockOut(r.Calendar, start, from.AddDays(-1))
		mr.Calendar = blockOut(mr.Calendar, to.AddDays(1), monthEnd(start))
		rows = append(rows, data.RecapMonth(clipMonth(m, from, to), mr))
	}
	sum := data.SumRecaps(rows)
	sum.StaffID, sum.Staff = staffID, 1
	return sum
}

// clipMonth returns m without the entries outside from..to (a zero bound is
// open), so days blocked out of a range count neither as piket nor at all.
func clipMonth(m data.AttendanceMonth, from, to data.Date) data.AttendanceMonth {
	out := m
	out.Days = make(map[int]data.DayEntry, len(m.Days))
	for day, e := range m.Days {
		d := m.Date(day)
		if (!from.IsZero() && d.Before(from)) || (!to.IsZero() && d.After(to)) {
			continue
		}
		out.Days[day] = e
	}
	return out
}

func clipMonths(ms []data.AttendanceMonth, from, to data.Date) []data.AttendanceMonth {
	out := make([]data.AttendanceMonth, len(ms))
	for i, m := range ms {
		out[i] = clipMonth(m, from, to)
	}
	return out
}
