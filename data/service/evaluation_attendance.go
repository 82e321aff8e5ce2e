package service

import (
	"kinerja/data"
)

// AttendanceBeside returns the attendance of staffID shown beside the
// evaluation of a period (present %, TL, PSW, TK, PP 94/2021 level): the
// period's days up to today while it runs, all of them once it is over. A
// period that has not started yet has no attendance and gives an error.
func (svc *Service) AttendanceBeside(periodID string, staffID uint64) (Summary, error) {
	b, err := svc.loadBeside(periodID)
	if err != nil {
		return Summary{}, err
	}
	person, err := svc.st.StaffByID(staffID)
	if err != nil {
		return Summary{}, err
	}
	return b.summary(person)
}

// besideBatch is what the attendance beside the evaluations of one period
// needs besides each person's months — the period's dates and the rules in
// force (calendar and settings) — loaded once for a batch of documents
// (signing, export) instead of once per person.
type besideBatch struct {
	svc      *Service
	from, to data.Date
	rules    data.AttendanceRules
}

func (svc *Service) loadBeside(periodID string) (*besideBatch, error) {
	p, err := svc.PeriodByID(periodID)
	if err != nil {
		return nil, err
	}
	b := &besideBatch{svc: svc, from: p.Start, to: raterDay(p, data.Today())}
	if b.rules, err = svc.rules(); err != nil {
		return nil, err
	}
	return b, nil
}

// summary is AttendanceBeside of one person for the batch's period.
func (b *besideBatch) summary(person data.Staff) (Summary, error) {
	if err := checkSummaryRange(b.from, b.to); err != nil {
		return Summary{}, err
	}
	return b.svc.summaryOf(person, b.from, b.to, b.rules)
}
