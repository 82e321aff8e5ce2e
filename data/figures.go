package data

import (
	"math"
	"sort"
)

// RecapMonth computes the monthly recap of one staff member's month from
// the stored entries and the rules in force (see DeriveDay). Working days
// are counted by the category of each day's code, so a code an office adds
// counts where its category says: Present (present), Excused (excused),
// Leave (leave), TK (absent), LIB (non_working); the default codes also have
// their own columns and an office's own codes are listed in Other. A working
// day without an entry is NotEntered, never H or TK. Presence on a day that
// is not a working day is Piket and counts nowhere else; any other entry on
// such a day is an IgnoredEntry.
func RecapMonth(m AttendanceMonth, r AttendanceRules) RecapRow {
	return r.Prepare().RecapMonth(m)
}

func (r *RecapRow) countFigures(f DayFigures) {
	if f.Late {
		r.LateCount++
		r.LateMinutes += f.LateMinutes
		if f.ArrivalMissing {
			r.LateNotRecorded++
		}
	}
	if f.Early {
		r.EarlyCount++
		r.EarlyMinutes += f.EarlyMinutes
		if f.DepartureMissing {
			r.EarlyNotRecorded++
		}
	}
	if f.Incomplete && !f.Confirmed {
		r.Incomplete++
	}
	switch f.Category {
	case CategoryPresent:
		r.Present++
	case CategoryExcused:
		r.Excused++
	case CategoryLeave:
		r.Leave++
	case CategoryAbsent:
		r.TK++
	case CategoryNonWorking:
		r.LIB++
	}
	if f.Code == CodeTK || f.Code == CodeLIB {
		return // their columns are the absent and non_working categories
	}
	if p := r.codeCounter(f.Code); p != nil {
		*p++
		return
	}
	if r.Other == nil {
		r.Other = map[string]int{}
	}
	r.Other[f.Code]++
}

// TPPMonth computes the monthly TPP deduction of one person's month under the
// rules in force: each working day whose code counts as absent at the TK
// percentage, each late arrival and each early departure at its band's
// percentage (a time not recorded takes the last band; a day both late and
// early is deducted for both), capped at 100%.
func TPPMonth(m AttendanceMonth, r AttendanceRules) TPPDetail {
	return tppOf(MonthFigures(m, r), r)
}

// tppOf sums the TPP deductions of a month's derived days.
func tppOf(figures []DayFigures, r AttendanceRules) TPPDetail {
	t := newTPPSum(r)
	for _, f := range figures {
		t.add(f)
	}
	return t.detail()
}

// tppSum adds up the TPP deductions of a month's derived days, given in
// date order (the percentages are summed in that order).
type tppSum struct {
	rules TPPRules
	t     TPPDetail
	sum   float64
}

func newTPPSum(r AttendanceRules) *tppSum {
	rules := r.Settings.TPP
	return &tppSum{rules: rules, t: TPPDetail{Late: make([]int, len(rules.Late)), Early: make([]int, len(rules.Early))}}
}

// add counts one derived day; a day that is not a working day counts nothing.
func (s *tppSum) add(f DayFigures) {
	if !f.Working {
		return
	}
	rules := s.rules
	if f.Category == CategoryAbsent {
		s.t.TK++
		s.sum += rules.AbsentPercent
	}
	if f.LateBand >= 0 && f.LateBand < len(rules.Late) {
		s.t.Late[f.LateBand]++
		s.sum += rules.Late[f.LateBand].Percent
	}
	if f.EarlyBand >= 0 && f.EarlyBand < len(rules.Early) {
		s.t.Early[f.EarlyBand]++
		s.sum += rules.Early[f.EarlyBand].Percent
	}
}

// detail returns the counts and the month's cut, capped at 100%.
func (s *tppSum) detail() TPPDetail {
	t := s.t
	t.Percent = math.Min(100, math.Round(s.sum*100)/100)
	return t
}

// PersonTPP returns TPPMonth for staff of kind k, or nil when that kind
// receives no TPP (AttendanceSettings.TPPKinds), so JSON prints null.
func PersonTPP(m AttendanceMonth, r AttendanceRules, k Kind) *TPPDetail {
	if !r.Settings.ReceivesTPP(k) {
		return nil
	}
	t := TPPMonth(m, r)
	return &t
}

// DisciplineYear counts one person's PP 94/2021 figures for a calendar year
// under the rules in force, like Discipline but from derived figures: a day
// is absent when its code counts as absent, and the lateness of each working
// day is its DisciplineMinutes (so a time not recorded adds
// MissingPunchMinutes).
func DisciplineYear(months []AttendanceMonth, year int, r AttendanceRules, k Kind) DisciplineResult {
	return r.Prepare().DisciplineYear(months, year, k)
}

// LeaveYearFrom counts, from one person's attendance months under the rules
// in force, the working days of cuti tahunan (CT), whether cuti besar (CB)
// was taken, and the cuti bersama days with presence recorded (piket): each
// such day adds one day of cuti tahunan, once per day (PP 11/2017). A day
// counts once even when a month is given twice.
func LeaveYearFrom(months []AttendanceMonth, year int, r AttendanceRules) LeaveYear {
	ly := LeaveYear{Year: year}
	piket, taken := map[Date]bool{}, map[Date]bool{}
	for _, m := range months {
		if m.Year != year {
			continue
		}
		for _, f := range MonthFigures(m, r) {
			switch {
			case f.Code == CodeCT && f.Working:
				taken[f.Date] = true
			case f.Code == CodeCB:
				ly.CutiBesar = true
			case f.Piket && isCutiBersama(r.Calendar, f.Date):
				piket[f.Date] = true
			}
		}
	}
	ly.Piket, ly.Taken = len(piket), len(taken)
	return ly
}

// isCutiBersama reports whether any holiday listed on d is a cuti bersama.
func isCutiBersama(cal Calendar, d Date) bool {
	for _, h := range cal.Holidays {
		if h.Date.Equal(d) && h.Kind == HolidayCutiBersama {
			return true
		}
	}
	return false
}

// PiketDays lists, in date order, the days of m with presence recorded on a
// day that is not a working day.
func PiketDays(m AttendanceMonth, r AttendanceRules) []DayFigures {
	var out []DayFigures
	for _, f := range MonthFigures(m, r) {
		if f.Piket {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}
