package service

import (
	"kinerja/data"
	"kinerja/data/store"
	"time"
)

// The methods in this file hand plain records through from the store, so
// that the front ends read and write them through the one door. Each write
// is one audited transaction of the store.

// DefaultPath is where the data file lives when no --data is given: beside
// the program in portable mode, else in the user's application data folder.
func DefaultPath() (string, error) { return store.DefaultPath() }

// ErrRootExists is returned when an office root already exists and may not be replaced.
var ErrRootExists = store.ErrRootExists

// Office is the office identity.
func (svc *Service) Office() (data.Office, error) { return svc.st.Office() }

// SetOffice stores the office identity.
func (svc *Service) SetOffice(o data.Office) error { return svc.st.SetOffice(o) }

// Units lists the office's units.
func (svc *Service) Units() ([]data.Unit, error) { return svc.st.Units() }

// SaveUnit adds or changes a unit.
func (svc *Service) SaveUnit(u data.Unit) (data.Unit, error) { return svc.st.SaveUnit(u) }

// AllStaff lists every staff member ever registered, including those who left.
func (svc *Service) AllStaff() ([]data.Staff, error) { return svc.st.AllStaff() }

// StaffByID reads one staff member.
func (svc *Service) StaffByID(id uint64) (data.Staff, error) { return svc.st.StaffByID(id) }

// StaffByIdentifier finds a staff member by NIP, NI PPPK or NIK.
func (svc *Service) StaffByIdentifier(nipOrNIK string) (data.Staff, error) {
	return svc.st.StaffByIdentifier(nipOrNIK)
}

// StaffCount is the number of staff records.
func (svc *Service) StaffCount() (int, error) { return svc.st.StaffCount() }

// SaveStaff changes one staff member (a new one when its ID is 0).
func (svc *Service) SaveStaff(s data.Staff) (data.Staff, error) { return svc.st.SaveStaff(s) }

// AddStaff adds several staff members in one transaction.
func (svc *Service) AddStaff(list []data.Staff) ([]data.Staff, error) { return svc.st.AddStaff(list) }

// AttendanceSettings are the office's attendance rules in force.
func (svc *Service) AttendanceSettings() (data.AttendanceSettings, error) {
	return svc.st.AttendanceSettings()
}

// SetAttendanceSettings changes the office's attendance rules.
func (svc *Service) SetAttendanceSettings(set data.AttendanceSettings) error {
	return svc.st.SetAttendanceSettings(set)
}

// LeaveOpening is a staff member's opening leave balance, when one was entered.
func (svc *Service) LeaveOpening(staffID uint64) (data.LeaveOpening, bool, error) {
	return svc.st.LeaveOpening(staffID)
}

// SetLeaveOpening records a staff member's opening leave balance.
func (svc *Service) SetLeaveOpening(staffID uint64, o data.LeaveOpening) error {
	return svc.st.SetLeaveOpening(staffID, o)
}

// Holidays lists the non-working days in the file.
func (svc *Service) Holidays() ([]data.Holiday, error) { return svc.st.Holidays() }

// SaveHoliday adds or changes one non-working day.
func (svc *Service) SaveHoliday(h data.Holiday) error { return svc.st.SaveHoliday(h) }

// RemoveHoliday removes one non-working day.
func (svc *Service) RemoveHoliday(d data.Date) error { return svc.st.RemoveHoliday(d) }

// MachinePins maps fingerprint-machine PINs to staff IDs.
// A PIN whose mapping was removed (UnmapPin) is not listed.
func (svc *Service) MachinePins() (map[string]uint64, error) { return svc.machinePins() }

// MapPins remembers fingerprint-machine PINs for staff.
func (svc *Service) MapPins(pins map[string]uint64) error { return svc.st.MapPins(pins) }

// SKPs lists every SKP in the file.
func (svc *Service) SKPs() ([]data.SKP, error) { return svc.st.SKPs() }

// Evaluations lists the current evaluations of a period.
func (svc *Service) Evaluations(periodID string) ([]data.Evaluation, error) {
	return svc.st.Evaluations(periodID)
}

// AttendanceMonth is one person's attendance record for a month.
func (svc *Service) AttendanceMonth(staffID uint64, year int, month time.Month) (data.AttendanceMonth, error) {
	return svc.st.AttendanceMonth(staffID, year, month)
}

// Setting reads an office setting stored under key into v.
func (svc *Service) Setting(key string, v any) (bool, error) { return svc.st.Setting(key, v) }

// SignerKind tells a signer made by this office from one imported from a
// .p12/.pfx file.
type SignerKind = store.SignerKind

// The kinds of signer.
const (
	SignerOffice   = store.SignerOffice
	SignerImported = store.SignerImported
)

// Period returns the stored period with id, or an error wrapping
// data.ErrNotFound.
func (svc *Service) Period(id string) (data.EvaluationPeriod, error) {
	return svc.st.Period(id)
}

// SaveSKPs stores many new SKPs (ids 0) in one transaction, with the checks
// of SaveSKP, and returns them with their ids; if one is refused nothing is
// saved and the error names its place in the list.
func (svc *Service) SaveSKPs(list []data.SKP) ([]data.SKP, error) {
	return svc.st.SaveSKPs(list)
}

// SaveEvaluations writes many evaluations and kept revisions in one
// transaction (the demo, a restore): every entry gets the checks of
// UpdateEvaluation, and if one is refused nothing is written.
func (svc *Service) SaveEvaluations(current, revisions []data.Evaluation) error {
	return svc.st.SaveEvaluations(current, revisions)
}

// SaveAttendance stores whole months of attendance in one audited
// transaction (benchmarks of a large office, a restore); a month naming an
// unknown staff member or an impossible day is refused and nothing is written.
func (svc *Service) SaveAttendance(months []data.AttendanceMonth) error {
	return svc.st.SaveAttendance(months)
}
