package service

import (
	"kinerja/data"
	"kinerja/export"
)

// ExportStaff writes every staff member, left staff included and sorted by
// name, to path (.xlsx or .csv by extension) with every column the staff
// import reads, so the file imports back. It returns how many were written.
func (svc *Service) ExportStaff(path string) (int, error) {
	all, err := svc.st.AllStaff()
	if err != nil {
		return 0, err
	}
	units, err := svc.st.Units()
	if err != nil {
		return 0, err
	}
	data.SortStaff(all, data.SortByName, units)
	rows := make([]data.StaffRow, len(all))
	for i, s := range all {
		rows[i] = data.StaffRowOf(s, units)
	}
	if err := export.CheckStaffFileName(path); err != nil {
		return 0, err
	}
	if err := svc.writeOutput(path, export.StaffWriter(path, rows)); err != nil {
		return 0, err
	}
	return len(rows), nil
}
