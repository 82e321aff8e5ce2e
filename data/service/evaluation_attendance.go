package service

import (
	"kinerja/data"
)

// AttendanceBeside returns the attendance of staffID shown beside the
// evaluation of a period (present %, TL, PSW, TK, PP 94/2021 level): the
// period's days up to today while it runs, all of them once it is over. A
// period that has not started yet has no attendance and gives an error.
func (svc *Service) AttendanceBeside(periodID string, staffID uint64) (Summary, error) {
	p, err := svc.PeriodByID(periodID)
	if err != nil {
		return Summary{}, err
	}
	to := raterDay(p, data.Today())
	return svc.AttendanceSummary(staffID, p.Start, to)
}
