package service

import (
	"kinerja/data"
)

// today is the current date by the data file's clock (Options.Now), the
// reference of every date window (data.CheckAttendanceDate).
func (svc *Service) today() data.Date { return data.DateOf(svc.st.Now()) }

// checkAttendanceDates refuses an attendance day or leave range whose first
// or last day lies outside the attendance window of data.CheckAttendanceDate
// (docs/aturan.md §10.1).
func (svc *Service) checkAttendanceDates(from, to data.Date) error {
	today := svc.today()
	if err := data.CheckAttendanceDate(from, today); err != nil {
		return err
	}
	return data.CheckAttendanceDate(to, today)
}
