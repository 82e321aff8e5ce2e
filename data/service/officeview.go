package service

import (
	"sort"

	"kinerja/data"
)

// EvaluationRow is one staff member in the list of a period's evaluations.
type EvaluationRow struct {
	Staff  data.Staff
	UnitID uint64 // the unit on the period's last day (today while it runs)
	// Employee and Rater are the frozen identities of a final evaluation,
	// otherwise as they stand today.
	Employee data.Identity
	Rater    data.Identity
	// Evaluation is the stored version (a draft or submitted one brought up
	// to date with the period's raters, as EvaluationFor shows it); a new
	// draft when Stored is false.
	Evaluation data.Evaluation
	Stored     bool     // false: not started yet
	SKP        data.SKP // the SKP for the period, when HasSKP (EvaluationList only)
	HasSKP     bool
}

// periodRows lists the evaluated staff (PNS, CPNS, PPPK) active on the
// period's rater day, plus anyone else with a stored evaluation, by unit and
// then name. skps, when not nil, supplies the SKP of each row.
func (svc *Service) periodRows(c *evalContext, skps []data.SKP) ([]EvaluationRow, error) {
	stored, err := svc.st.Evaluations(c.period.ID)
	if err != nil {
		return nil, err
	}
	byStaff := make(map[uint64]data.Evaluation, len(stored))
	for _, e := range stored {
		byStaff[e.StaffID] = e
	}
	var rows []EvaluationRow
	for _, s := range c.staff {
		e, found := byStaff[s.ID]
		sit := s.At(c.day)
		if !found && (!s.Kind.Evaluated() || !sit.Active) {
			continue
		}
		r := EvaluationRow{Staff: s, UnitID: sit.UnitID, Evaluation: e, Stored: found}
		if skps != nil {
			r.SKP, r.HasSKP = data.SKPForPeriod(skps, s.ID, c.period.Period)
		}
		if found {
			r.Evaluation = c.prepare(e, r.SKP, r.HasSKP)
		} else {
			r.Evaluation = c.draft(s.ID, r.SKP, r.HasSKP)
		}
		if f := r.Evaluation.Frozen; f != nil {
			r.Employee, r.Rater = f.Employee, f.Rater
		} else {
			ids := c.identities(s.ID)
			r.Employee, r.Rater = ids.Employee, ids.Rater
		}
		rows = append(rows, r)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].UnitID != rows[j].UnitID {
			return rows[i].UnitID < rows[j].UnitID
		}
		return rows[i].Staff.Name < rows[j].Staff.Name
	})
	return rows, nil
}

// EvaluationList returns every evaluated staff member of a period with the
// evaluation (stored or not started), the identities and the SKP, by unit and
// name: the list of the Penilaian screen and of the export.
func (svc *Service) EvaluationList(periodID string) ([]EvaluationRow, error) {
	c, err := svc.loadEvalContext(periodID)
	if err != nil {
		return nil, err
	}
	skps, err := svc.st.SKPs()
	if err != nil {
		return nil, err
	}
	if skps == nil {
		skps = []data.SKP{}
	}
	return svc.periodRows(c, skps)
}

// EvaluationStates is EvaluationList without the SKPs (SKP and HasSKP stay
// empty; the state, ratings, predikat and identities are the same), for a
// list that shows no SKP, such as Beranda's: the SKPs of every year are not
// read.
func (svc *Service) EvaluationStates(periodID string) ([]EvaluationRow, error) {
	c, err := svc.loadEvalContext(periodID)
	if err != nil {
		return nil, err
	}
	return svc.periodRows(c, nil)
}

// UnitProgress counts the evaluations of one unit (or of the office) by
// workflow state; NotStarted counts evaluated staff with nothing stored.
type UnitProgress struct {
	UnitID     uint64
	Unit       string
	NotStarted int
	Draft      int
	Submitted  int
	Final      int
}

// Total returns the number of evaluated staff counted.
func (u UnitProgress) Total() int { return u.NotStarted + u.Draft + u.Submitted + u.Final }

func (u *UnitProgress) add(r EvaluationRow) {
	switch {
	case !r.Stored:
		u.NotStarted++
	case r.Evaluation.State == data.EvalFinal:
		u.Final++
	case r.Evaluation.State == data.EvalSubmitted:
		u.Submitted++
	default:
		u.Draft++
	}
}

// FollowUpEntry is a staff member rated Butuh Perbaikan or worse, with the
// development follow-up recorded so far.
type FollowUpEntry struct {
	StaffID     uint64
	Employee    data.Identity
	Predikat    data.Predikat
	State       data.EvaluationState
	Development []data.FollowUp
}

// PeriodOverview is the office's picture of one period (Beranda and Penilaian).
type PeriodOverview struct {
	Period data.EvaluationPeriod
	Units  []UnitProgress // per unit with evaluated staff, by unit id
	Total  UnitProgress   // the whole office
	// Counts is the predikat distribution of the staff under the pimpinan:
	// every stored evaluation with both ratings, whatever its state, so the
	// warning shows while raters rate. The head of the office is left out
	// (SE MenPANRB 3/2023: his or her rating hasil kerja follows the capaian).
	Counts map[data.Predikat]int
	// HeadName names the head of the office left out of Counts (his or her
	// position, e.g. "Camat Soreang"), "" when no head is set.
	HeadName string
	// Warnings are the broken bounds of the pola distribusi for the period's
	// capaian (data.CheckDistribution with the settings' rules); nil while
	// the capaian is not set.
	Warnings      []data.DistributionWarning
	NeedsFollowUp []FollowUpEntry // rated Butuh Perbaikan or worse, by unit and name
}

// OfficeView returns the office view of a period: progress per unit, the
// predikat distribution, the pola distribusi warnings and the staff who need
// follow-up.
func (svc *Service) OfficeView(periodID string) (PeriodOverview, error) {
	c, err := svc.loadEvalContext(periodID)
	if err != nil {
		return PeriodOverview{}, err
	}
	rows, err := svc.periodRows(c, nil)
	if err != nil {
		return PeriodOverview{}, err
	}
	v := PeriodOverview{Period: c.period, Total: UnitProgress{Unit: "Jumlah"}, Counts: map[data.Predikat]int{}}
	perUnit := map[uint64]*UnitProgress{}
	for _, r := range rows {
		u := perUnit[r.UnitID]
		if u == nil {
			u = &UnitProgress{UnitID: r.UnitID, Unit: data.UnitName(c.units, r.UnitID)}
			perUnit[r.UnitID] = u
		}
		u.add(r)
		v.Total.add(r)
		p := r.Evaluation.Predikat
		if !r.Stored || p == "" {
			continue
		}
		if r.Staff.ID != c.head {
			v.Counts[p]++
		}
		if p.NeedsFollowUp() {
			v.NeedsFollowUp = append(v.NeedsFollowUp, FollowUpEntry{StaffID: r.Staff.ID, Employee: r.Employee, Predikat: p,
				State: r.Evaluation.State, Development: r.Evaluation.Development})
		}
	}
	if h, ok := c.byID[c.head]; ok {
		v.HeadName = h.DisplayName()
		if pos := h.At(c.day).Position; pos != "" {
			v.HeadName = pos + " (" + h.DisplayName() + ")"
		}
	}
	for _, u := range perUnit {
		v.Units = append(v.Units, *u)
	}
	sort.Slice(v.Units, func(i, j int) bool { return v.Units[i].UnitID < v.Units[j].UnitID })
	if c.period.Capaian != "" {
		v.Warnings = data.CheckDistribution(c.period.Capaian, v.Counts, c.settings.Distribution)
	}
	return v, nil
}
