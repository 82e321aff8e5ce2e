package service

import (
	"errors"
	"fmt"
	"time"

	"kinerja/data"
)

// ErrNotEvaluated refuses an evaluation or SKP for a staff member whose kind
// is not evaluated under PermenPANRB 6/2022 (Non-ASN).
var ErrNotEvaluated = errors.New("pegawai Non-ASN tidak dinilai dengan SKP; penilaian kinerja PermenPANRB 6/2022 hanya untuk PNS dan PPPK")

// evalContext is what every evaluation operation of one period needs: the
// period, the register, the units, the settings and the rater pairs.
type evalContext struct {
	period   data.EvaluationPeriod
	staff    []data.Staff
	byID     map[uint64]data.Staff
	units    []data.Unit
	settings data.EvaluationSettings
	raters   map[uint64]data.RaterPair
	// officials is the register of officials outside the office, for the
	// period's ExternalRaters.
	officials []data.Official
	head      uint64 // the head of the office (the Camat), 0 when unknown
	day       data.Date
	now       time.Time
}

// raterDay is the day the unit structure is read for a period's raters: its
// last day, or today while the period runs.
func raterDay(p data.EvaluationPeriod, today data.Date) data.Date {
	if p.End.After(today) {
		return today
	}
	return p.End
}

func (svc *Service) loadEvalContext(periodID string) (*evalContext, error) {
	p, err := svc.PeriodByID(periodID)
	if err != nil {
		return nil, err
	}
	staff, err := svc.st.AllStaff()
	if err != nil {
		return nil, err
	}
	units, err := svc.st.Units()
	if err != nil {
		return nil, err
	}
	set, err := svc.EvaluationSettings()
	if err != nil {
		return nil, err
	}
	now := time.Now()
	c := &evalContext{period: p, staff: staff, byID: make(map[uint64]data.Staff, len(staff)), units: units,
		settings: set, day: raterDay(p, data.DateOf(now)), now: now}
	for _, s := range staff {
		c.byID[s.ID] = s
	}
	c.raters = data.ApplyRaterOverrides(data.DefaultRaters(staff, units, c.day), p.RaterOverrides)
	c.head = OfficeHead(units)
	if c.officials, err = svc.st.Officials(); err != nil {
		return nil, err
	}
	return c, nil
}

// OfficeHead returns the staff id of the head of the office: the head of the
// first active unit of kind pimpinan (the Camat), or 0 when none is set.
func OfficeHead(units []data.Unit) uint64 {
	for _, u := range units {
		if u.Kind == data.UnitLeadership && !u.Inactive && u.HeadStaffID != 0 {
			return u.HeadStaffID
		}
	}
	return 0
}

// headRating is the rating hasil kerja the head of the office gets for the
// period's capaian, "" while the capaian is not set.
func (c *evalContext) headRating() data.Rating {
	if c.period.Capaian == "" {
		return ""
	}
	return c.settings.HeadWorkRatings.Of(c.period.Capaian)
}

// evaluated returns the staff member with id, refusing unknown ids
// (data.ErrNotFound) and kinds that are not evaluated (ErrNotEvaluated).
func (c *evalContext) evaluated(id uint64) (data.Staff, error) {
	s, ok := c.byID[id]
	if !ok {
		return s, fmt.Errorf("pegawai %d: %w", id, data.ErrNotFound)
	}
	if !s.Kind.Evaluated() {
		return s, fmt.Errorf("%s (%s): %w", s.DisplayName(), s.Kind, ErrNotEvaluated)
	}
	return s, nil
}

// identity returns the identity block of a rater reference as of day: an
// acting official's position gets "Plt. " or "Plh. " in front. An unset
// reference gives the empty Identity.
func (c *evalContext) identity(ref data.RaterRef, day data.Date) data.Identity {
	s, ok := c.byID[ref.StaffID]
	if !ref.IsSet() || !ok {
		return data.Identity{}
	}
	id := data.IdentityOf(s, c.units, day)
	id.Position = actingPosition(ref.Acting, id.Position)
	return id
}

// identities returns the three identity blocks of staffID's evaluation as
// they stand today, the ones Finalize freezes: a rater or atasan chosen
// among the officials outside the office is printed from the register
// (data.ResolveIdentity), otherwise from the staff register.
func (c *evalContext) identities(staffID uint64) data.FrozenIdentities {
	today := data.DateOf(c.now)
	pair, ext := c.pairOf(staffID)
	rater, _ := data.ResolveIdentity(ext.Rater, c.officials, c.identity(pair.Rater, today), pair.Rater.IsSet())
	atasan, _ := data.ResolveIdentity(ext.Atasan, c.officials, c.identity(pair.Atasan, today), pair.Atasan.IsSet())
	return data.FrozenIdentities{
		Employee: data.IdentityOf(c.byID[staffID], c.units, today),
		Rater:    rater,
		Atasan:   atasan,
	}
}

// pairOf returns the staff raters and the outside officials of staffID in
// the period; a role held by an outside official has no staff rater.
func (c *evalContext) pairOf(staffID uint64) (data.RaterPair, data.ExternalRaters) {
	pair, ext := c.raters[staffID], c.period.ExternalRaters[staffID]
	if ext.Rater.IsSet() {
		pair.Rater = data.RaterRef{}
	}
	if ext.Atasan.IsSet() {
		pair.Atasan = data.RaterRef{}
	}
	return pair, ext
}

// outsideRated reports whether the Pejabat Penilai Kinerja of staffID in the
// period is an official outside the office.
func (c *evalContext) outsideRated(staffID uint64) bool {
	return c.period.ExternalRaters[staffID].Rater.IsSet()
}

// draft returns a new draft for staffID with one empty realisasi row per
// hasil kerja row of the SKP (when there is one).
func (c *evalContext) draft(staffID uint64, skp data.SKP, hasSKP bool) data.Evaluation {
	e := data.NewEvaluation(c.period.ID, staffID, c.now)
	if hasSKP {
		e.SKPID = skp.ID
		e.Rows = make([]data.Realisasi, len(skp.Rows))
	}
	return c.prepare(e, skp, hasSKP)
}

// prepare brings a draft or submitted evaluation up to date before a write:
// the rater references of the period, a realisasi row for every SKP row, and
// the head's rating hasil kerja from the capaian. Final ones are returned
// unchanged.
func (c *evalContext) prepare(e data.Evaluation, skp data.SKP, hasSKP bool) data.Evaluation {
	if e.State == data.EvalFinal {
		return e
	}
	pair, ext := c.pairOf(e.StaffID)
	e.Rater, e.Atasan, e.External = pair.Rater, pair.Atasan, ext
	if hasSKP {
		if e.SKPID == 0 {
			e.SKPID = skp.ID
		}
		for len(e.Rows) < len(skp.Rows) {
			e.Rows = append(e.Rows, data.Realisasi{})
		}
	}
	if e.StaffID == c.head && c.headRating() != "" {
		e.WorkRating = c.headRating()
	}
	return e.Normalize()
}
