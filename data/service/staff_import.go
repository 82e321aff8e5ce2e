package service

import (
	"fmt"

	"kinerja/data"
)

// StaffImportPlan is a staff file checked against the register before
// anything is saved: the rows that become staff (Accepted, with their lines
// in Lines) and the rows refused with the reason (Rejected). Both front ends
// show it, then save it with ApplyStaffImport.
type StaffImportPlan struct {
	data.ImportResult
}

// PlanStaffImport checks every row of t, read through mapping m, against the
// units and the staff already in the file as of today (data.ParseStaffImport).
// Nothing is saved. A mapping that misses a required column is refused
// before any row is read.
func (svc *Service) PlanStaffImport(t data.Table, m data.Mapping, today data.Date) (StaffImportPlan, error) {
	if err := data.ValidateMapping(m); err != nil {
		return StaffImportPlan{}, err
	}
	units, err := svc.st.Units()
	if err != nil {
		return StaffImportPlan{}, err
	}
	existing, err := svc.st.AllStaff()
	if err != nil {
		return StaffImportPlan{}, err
	}
	return StaffImportPlan{data.ParseStaffImport(t, m, units, existing, today)}, nil
}

// ApplyStaffImport saves the accepted rows of plan in one transaction (all or
// nothing) and returns the staff as saved; a plan with none saves nothing.
func (svc *Service) ApplyStaffImport(plan StaffImportPlan) ([]data.Staff, error) {
	if len(plan.Accepted) == 0 {
		return nil, nil
	}
	saved, err := svc.st.AddStaff(plan.Accepted)
	if err != nil {
		return nil, fmt.Errorf("menyimpan pegawai: %w", err)
	}
	return saved, nil
}
