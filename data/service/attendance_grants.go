package service

import (
	"fmt"
	"sort"
	"time"

	"kinerja/data"
)

// LeaveGrant is a leave as granted with the Formulir Permintaan dan
// Pemberian Cuti (Peraturan BKN 24/2017): what the form says besides the
// day entries, kept so the form can be printed again.
type LeaveGrant struct {
	StaffID   uint64    `json:"staff_id"`
	Code      string    `json:"code"`
	From      data.Date `json:"from"`
	To        data.Date `json:"to"`
	Days      int       `json:"days"`
	Letter    string    `json:"letter,omitempty"`     // the letter's number
	GrantedBy string    `json:"granted_by,omitempty"` // NIP (or name) of the official who granted it
	Reason    string    `json:"reason,omitempty"`     // Alasan Cuti
	Address   string    `json:"address,omitempty"`    // Alamat selama Menjalankan Cuti
	Note      string    `json:"note,omitempty"`
	EnteredBy string    `json:"entered_by,omitempty"`
	EnteredOn data.Date `json:"entered_on"`
}

// grantKey is the setting holding one person's leave grants.
func grantKey(staffID uint64) string { return fmt.Sprintf("leave_grants/%d", staffID) }

// LeaveGrants lists a person's leave grants, the latest start first.
func (svc *Service) LeaveGrants(staffID uint64) ([]LeaveGrant, error) {
	var gs []LeaveGrant
	if _, err := svc.st.Setting(grantKey(staffID), &gs); err != nil {
		return nil, err
	}
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].From.After(gs[j].From) })
	return gs, nil
}

// LeaveGrant returns the grant of the leave of staffID starting on from.
func (svc *Service) LeaveGrant(staffID uint64, from data.Date) (LeaveGrant, error) {
	gs, err := svc.LeaveGrants(staffID)
	if err != nil {
		return LeaveGrant{}, err
	}
	for _, g := range gs {
		if g.From.Equal(from) {
			return g, nil
		}
	}
	return LeaveGrant{}, fmt.Errorf("cuti yang mulai %s: %w", from.Long(), data.ErrNotFound)
}

// saveGrant keeps g, replacing a grant of the same person starting on the
// same day (an audited write; nothing is deleted otherwise).
func (svc *Service) saveGrant(g LeaveGrant) error {
	var gs []LeaveGrant
	if _, err := svc.st.Setting(grantKey(g.StaffID), &gs); err != nil {
		return err
	}
	replaced := false
	for i := range gs {
		if gs[i].From.Equal(g.From) {
			gs[i], replaced = g, true
		}
	}
	if !replaced {
		gs = append(gs, g)
	}
	return svc.st.SetSetting(grantKey(g.StaffID), gs)
}

// LeaveBalanceLine is one person's cuti tahunan of a year (PP 11/2017).
type LeaveBalanceLine struct {
	Person
	Year int `json:"year"`
	// Entitled is the year's own days (12 after one year of service, or the
	// opening balance entered); Carried the days brought from the year
	// before; Piket the cuti bersama days worked, added; Taken the working
	// days of CT; Remaining what is left (negative when over-taken).
	Entitled  int              `json:"entitled"`
	Carried   int              `json:"carried"`
	Piket     int              `json:"piket"`
	Taken     int              `json:"taken"`
	Remaining int              `json:"remaining"`
	Status    data.LeaveStatus `json:"status"`
}

// balanceLine is the balance line of p's leave status st for year.
func balanceLine(p Person, year int, st data.LeaveStatus) LeaveBalanceLine {
	return LeaveBalanceLine{Person: p, Year: year, Entitled: st.Entitlement + st.OpeningDays,
		Carried: st.Carried, Piket: st.Piket, Taken: st.Taken, Remaining: st.Remaining, Status: st}
}

// LeaveBalanceOf is the balance line of one staff member for year, also
// when he was not active at the office that year (no unit then).
func (svc *Service) LeaveBalanceOf(staffID uint64, year int) (LeaveBalanceLine, error) {
	s, err := svc.st.StaffByID(staffID)
	if err != nil {
		return LeaveBalanceLine{}, err
	}
	st, err := svc.LeaveStatus(staffID, year)
	if err != nil {
		return LeaveBalanceLine{}, err
	}
	return balanceLine(Person{StaffID: s.ID, NIP: s.Identifier(), Name: s.DisplayName(), Kind: s.Kind}, year, st), nil
}

// LeaveBalances returns the cuti tahunan of year for every staff member
// active in it whom f keeps, ordered by unit and name, computed by the same
// path as LeaveStatus (so GUI and CLI agree).
func (svc *Service) LeaveBalances(year int, f RecapFilter) ([]LeaveBalanceLine, error) {
	ctx, err := svc.loadContext()
	if err != nil {
		return nil, err
	}
	var out []LeaveBalanceLine
	for _, s := range ctx.staff {
		unit, active := uint64(0), false
		for mo := time.December; mo >= time.January && !active; mo-- {
			unit, active = activeInMonth(s, ymOf(year, mo))
		}
		if !active || !f.keeps(s, unit) {
			continue
		}
		st, err := svc.leaveStatus(s, year, ctx.rules)
		if err != nil {
			return nil, err
		}
		out = append(out, balanceLine(personOf(s, unit, ctx.units), year, st))
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].UnitID != out[j].UnitID {
			return out[i].UnitID < out[j].UnitID
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}
