package service

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/data/store"
)

// Person is the identity of a staff member in a report.
type Person struct {
	StaffID uint64    `json:"staff_id"`
	NIP     string    `json:"nip"` // NIP, or NIK for staff without one
	Name    string    `json:"name"`
	Kind    data.Kind `json:"kind"`
	UnitID  uint64    `json:"unit_id"`
	Unit    string    `json:"unit"`
}

func personOf(s data.Staff, unitID uint64, units []data.Unit) Person {
	return Person{StaffID: s.ID, NIP: s.Identifier(), Name: s.DisplayName(), Kind: s.Kind, UnitID: unitID, Unit: unitName(units, unitID)}
}

// RecapLine is one person's line of the monthly recap: the rekap kehadiran
// and the rekap potongan TPP (TPP.Percent is the month's cut in percent).
// TPP and TPPCut are nil for a kind that receives no TPP
// (data.AttendanceSettings.TPPKinds): such a line has no TPP figure ("—")
// and is left out of the rekap TPP.
type RecapLine struct {
	Person
	Recap  data.RecapRow   `json:"recap"`
	TPP    *data.TPPDetail `json:"tpp"`
	TPPCut *float64        `json:"tpp_cut_percent"`
}

// RecapFilter chooses the staff of a report: only those whose unit is
// UnitID (at the end of the period) when it is not 0, and only those of
// Kind when it is not "".
type RecapFilter struct {
	UnitID uint64    `json:"unit_id,omitempty"`
	Kind   data.Kind `json:"kind,omitempty"`
}

func (f RecapFilter) keeps(s data.Staff, unitID uint64) bool {
	return (f.UnitID == 0 || unitID == f.UnitID) && (f.Kind == "" || s.Kind == f.Kind)
}

// sortPeople orders the people of a report by unit and name, keeping the
// order of the register among equals.
func sortPeople(people []Person) {
	// Sorted by (unit, name, place in the register), a total order, so the
	// result is that of a stable sort by unit and name; the people are
	// moved once.
	order := make([]int, len(people))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := &people[i], &people[j]
		if c := cmp.Compare(a.UnitID, b.UnitID); c != 0 {
			return c
		}
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	sorted := make([]Person, len(people))
	for k, i := range order {
		sorted[k] = people[i]
	}
	copy(people, sorted)
}

// lineOfDays derives one person's recap line under the rules in force,
// each entered day once.
func lineOfDays(p Person, m data.MonthDays, r *data.PreparedRules) RecapLine {
	l := RecapLine{Person: p}
	l.Recap, l.TPP = r.RecapTPP(m, p.Kind)
	if l.TPP != nil {
		v := l.TPP.Percent
		l.TPPCut = &v
	}
	return l
}

// UnitTotal is the recap summed over the staff of one unit.
type UnitTotal struct {
	UnitID uint64        `json:"unit_id"`
	Unit   string        `json:"unit"`
	Recap  data.RecapRow `json:"recap"`
}

// Recap is the monthly recap of the office (or one unit): a line per staff
// member ordered by unit and name, the totals per unit and for all lines.
type Recap struct {
	Year   int           `json:"year"`
	Month  time.Month    `json:"month"`
	Kind   data.Kind     `json:"kind,omitempty"` // the kind filter, "" for all staff
	TPP    data.TPPRules `json:"tpp_rules"`      // the bands behind each line's TPP detail
	Lines  []RecapLine   `json:"lines"`
	Units  []UnitTotal   `json:"units"`
	Office data.RecapRow `json:"office"`
	// Codes are the attendance codes in force, for the legend of a document.
	Codes data.Codes `json:"-"`
	// Warnings: the year's holiday list is missing or provisional.
	Warnings []string `json:"warnings,omitempty"`
}

// TPPLines returns the lines of the staff who receive TPP, for the rekap TPP.
func (r Recap) TPPLines() []RecapLine {
	var out []RecapLine
	for _, l := range r.Lines {
		if l.TPP != nil {
			out = append(out, l)
		}
	}
	return out
}

// MonthRecap computes the recap of one month for every staff member who
// worked at the office on at least one day of it (only those whose unit at
// the end of the month is unitID, when unitID is not 0). It reads one record
// per person and no other month.
func (svc *Service) MonthRecap(year int, month time.Month, unitID uint64) (Recap, error) {
	return svc.MonthRecapFor(year, month, RecapFilter{UnitID: unitID})
}

// MonthRecapFor is MonthRecap for the staff f keeps (unit and kind). Every
// figure is derived from the stored entries under the rules in force
// (data.RecapMonth, data.PersonTPP), so a change of hours, Ramadan ranges,
// holidays or the TPP table shows in the next recap.
func (svc *Service) MonthRecapFor(year int, month time.Month, f RecapFilter) (Recap, error) {
	if month < time.January || month > time.December {
		return Recap{}, fmt.Errorf("bulan %d tidak sah", month)
	}
	ctx, err := svc.loadContext()
	if err != nil {
		return Recap{}, err
	}
	rec := Recap{Year: year, Month: month, Kind: f.Kind, TPP: ctx.settings.TPP, Codes: ctx.settings.Codes,
		Warnings: svc.yearWarnings(ctx.cal, year, year)}
	ym := store.YearMonth{Year: year, Month: month}
	var people []Person
	for _, s := range ctx.staff {
		u, active := activeInMonth(s, ym)
		if active && f.keeps(s, u) {
			people = append(people, personOf(s, u, ctx.units))
		}
	}
	// Ordered by unit and name before the lines are made, so the lines
	// (much larger) are not moved about.
	sortPeople(people)
	// One stored record per person, decoded into each worker's reused list.
	ids := make([]uint64, len(people))
	for i, p := range people {
		ids[i] = p.StaffID
	}
	recs, err := svc.st.AttendanceRecords(ids, ym, ym)
	if err != nil {
		return Recap{}, err
	}
	if len(people) > 0 {
		rec.Lines = make([]RecapLine, len(people))
	}
	errs := make([]error, len(people))
	eachWorker(len(people), ctx.rules, func(w *worker, i int) {
		p := people[i]
		w.months, errs[i] = recs.DecodeOf(i, w.months)
		m := data.MonthDays{StaffID: p.StaffID, Year: year, Month: month}
		if len(w.months) > 0 {
			m = w.months[0]
		}
		rec.Lines[i] = lineOfDays(p, m, w.rules)
	})
	if err := errors.Join(errs...); err != nil {
		return Recap{}, err
	}
	all := make([]data.RecapRow, 0, len(rec.Lines))
	for i := 0; i < len(rec.Lines); {
		j := i
		for ; j < len(rec.Lines) && rec.Lines[j].UnitID == rec.Lines[i].UnitID; j++ {
			all = append(all, rec.Lines[j].Recap)
		}
		rows := all[i:j] // the unit's rows
		rec.Units = append(rec.Units, UnitTotal{UnitID: rec.Lines[i].UnitID, Unit: rec.Lines[i].Unit, Recap: data.SumRecaps(rows)})
		i = j
	}
	rec.Office = data.SumRecaps(all)
	rec.Office.Year, rec.Office.Month = year, month
	return rec, nil
}

// StaffYear is one person's recap for each month of a year and in total.
type StaffYear struct {
	Person
	Year   int               `json:"year"`
	Months []data.RecapRow   `json:"months"` // January first, 12 rows
	TPP    []*data.TPPDetail `json:"tpp"`    // January first, 12 rows; nil for a kind without TPP
	Total  data.RecapRow     `json:"total"`
}

// YearRecap computes one person's recap for every month of year (months
// before the person started or after they left count their working days as
// not entered, like any month without entries).
func (svc *Service) YearRecap(staffID uint64, year int) (StaffYear, error) {
	ctx, err := svc.loadContext()
	if err != nil {
		return StaffYear{}, err
	}
	s, ok := staffByID(ctx.staff)[staffID]
	if !ok {
		return StaffYear{}, fmt.Errorf("pegawai %d: %w", staffID, data.ErrNotFound)
	}
	saved, err := svc.st.AttendanceYear(staffID, year)
	if err != nil {
		return StaffYear{}, err
	}
	byMonth := map[time.Month]data.AttendanceMonth{}
	for _, m := range saved {
		byMonth[m.Month] = m
	}
	unit := s.At(data.NewDate(year, time.December, 31)).UnitID
	out := StaffYear{Person: personOf(s, unit, ctx.units), Year: year}
	rules := ctx.rules.Prepare()
	for mo := time.January; mo <= time.December; mo++ {
		m, ok := byMonth[mo]
		if !ok {
			m = data.NewAttendanceMonth(staffID, year, mo)
		}
		out.Months = append(out.Months, rules.RecapMonth(m))
		out.TPP = append(out.TPP, rules.PersonTPP(m, s.Kind))
	}
	out.Total = data.SumRecaps(out.Months)
	out.Total.StaffID, out.Total.Staff = staffID, 1
	return out, nil
}
