package service

import (
	"errors"
	"sort"
	"time"

	"kinerja/data"
	"kinerja/data/store"
)

// DisciplineLine is one person's PP 94/2021 count for a calendar year. For
// Non-ASN Result.CountsOnly is set and no level is given.
type DisciplineLine struct {
	Person
	Result data.DisciplineResult `json:"result"`
}

// DisciplineYear counts PP 94/2021 for every staff member who worked at the
// office during year, ordered by unit and name: TK days, lateness converted
// to days (per the settings), the longest run of consecutive working days of
// TK (following a run from the previous December), and for ASN the potential
// level worded for their kind and the next threshold.
func (svc *Service) DisciplineYear(year int) ([]DisciplineLine, error) {
	return svc.DisciplineYearFor(year, RecapFilter{})
}

// DisciplineYearFor is DisciplineYear for the staff f keeps (unit at the end
// of their last active month, and kind), counted with data.DisciplineYear
// under the rules in force.
func (svc *Service) DisciplineYearFor(year int, f RecapFilter) ([]DisciplineLine, error) {
	return svc.disciplineYear(year, f.keeps)
}

// disciplineYear is DisciplineYearFor for the staff keep keeps (given the
// unit at the end of their last active month); nobody else's months are read.
func (svc *Service) disciplineYear(year int, keep func(s data.Staff, unitID uint64) bool) ([]DisciplineLine, error) {
	ctx, err := svc.loadContext()
	if err != nil {
		return nil, err
	}
	var persons []Person
	for _, s := range ctx.staff {
		unit, active := uint64(0), false
		for mo := time.December; mo >= time.January && !active; mo-- {
			unit, active = activeInMonth(s, store.YearMonth{Year: year, Month: mo})
		}
		if active && keep(s, unit) {
			persons = append(persons, personOf(s, unit, ctx.units))
		}
	}
	// Ordered by unit and name before the lines are made.
	sortPeople(persons)
	// The months are read in one transaction, still in their stored form
	// (a few bytes a month), and decoded one person at a time into each
	// worker's reused lists.
	ids := make([]uint64, len(persons))
	for i, p := range persons {
		ids[i] = p.StaffID
	}
	recs, err := svc.st.AttendanceRecords(ids, store.YearMonth{Year: year - 1, Month: time.December}, store.YearMonth{Year: year + 1, Month: time.January})
	if err != nil {
		return nil, err
	}
	out := make([]DisciplineLine, len(persons))
	errs := make([]error, len(persons))
	eachWorker(len(persons), ctx.rules, func(w *worker, i int) {
		w.months, errs[i] = recs.DecodeOf(i, w.months)
		out[i] = DisciplineLine{Person: persons[i], Result: w.rules.DisciplineDays(w.months, year, persons[i].Kind)}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// NearDays is how close to the next PP 94/2021 threshold (in days) a person
// is listed on Beranda; NearRun likewise for a run of consecutive TK days.
const (
	NearDays = 2
	NearRun  = data.ConsecutiveTKLimit - 3
)

// NearThresholds lists the ASN who, in today's year so far, have reached a
// potential PP 94/2021 level, are within NearDays of the next threshold
// (with at least one day counted), or have had a run of NearRun or more
// consecutive TK days — the most days first. Beranda shows it.
func (svc *Service) NearThresholds(today data.Date) ([]DisciplineLine, error) {
	// Only ASN can be near a threshold: the months of Non-ASN staff, whose
	// lines are counts only, are not read at all.
	all, err := svc.disciplineYear(today.Year(), func(s data.Staff, _ uint64) bool { return s.Kind.IsASN() })
	if err != nil {
		return nil, err
	}
	out := all[:0] // filtered in place: the whole office's lines are not kept twice
	for _, l := range all {
		r := l.Result
		if r.CountsOnly {
			continue
		}
		near := r.TotalDays > 0 && r.DaysToNext > 0 && r.DaysToNext <= NearDays
		if r.Level != data.LevelNone || near || r.LongestRun >= NearRun {
			out = append(out, l)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Result.TotalDays != out[j].Result.TotalDays {
			return out[i].Result.TotalDays > out[j].Result.TotalDays
		}
		return out[i].Result.LongestRun > out[j].Result.LongestRun
	})
	return out, nil
}
