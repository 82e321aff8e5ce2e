package service

import (
	"fmt"
	"sort"
	"time"

	"kinerja/data"
	"kinerja/data/store"
)

// IncompleteLine is a working day whose record has an arrival or a
// departure but not both (a single fingerprint punch, or one time typed),
// for the admin to complete in Isian harian or confirm.
type IncompleteLine struct {
	Person
	Date    data.Date       `json:"date"`
	Entry   data.DayEntry   `json:"entry"`
	Figures data.DayFigures `json:"figures"`
}

// IncompleteRecords lists the incomplete records of a month (of unitID when
// it is not 0), by date and name; confirmed ones only when withConfirmed.
func (svc *Service) IncompleteRecords(year int, month time.Month, unitID uint64, withConfirmed bool) ([]IncompleteLine, error) {
	ctx, err := svc.loadContext()
	if err != nil {
		return nil, err
	}
	months, err := svc.st.AttendanceMonths(year, month)
	if err != nil {
		return nil, err
	}
	var out []IncompleteLine
	for _, s := range ctx.staff {
		m, ok := months[s.ID]
		if !ok {
			continue
		}
		u, _ := activeInMonth(s, ymOf(year, month))
		if unitID != 0 && u != unitID {
			continue
		}
		for _, d := range data.IncompleteDays(m, ctx.rules, withConfirmed) {
			out = append(out, IncompleteLine{Person: personOf(s, u, ctx.units), Date: d.Date, Entry: d.Entry, Figures: d.Figures})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// ConfirmIncomplete records, through the audited write, that the admin lets
// the incomplete record of staffID on d stand (DayEntry.Confirmed): the
// figures do not change, the day leaves the list of records to check. A
// day that is not incomplete is refused.
func (svc *Service) ConfirmIncomplete(staffID uint64, d data.Date) error {
	r, err := svc.rules()
	if err != nil {
		return err
	}
	k := store.MonthKey{StaffID: staffID, YearMonth: store.MonthOf(d)}
	return svc.st.EditAttendance("konfirmasi catatan tidak lengkap "+d.String(), []store.MonthKey{k}, nil,
		func(ms map[store.MonthKey]*data.AttendanceMonth) error {
			m := ms[k]
			e, ok := m.Days[d.Day()]
			if !ok || !data.DeriveDay(d, e, r).Incomplete {
				return fmt.Errorf("%s: catatan kehadiran tidak kurang lengkap, tidak ada yang dikonfirmasi", d.Long())
			}
			e.Confirmed = true
			m.Days[d.Day()] = e
			return nil
		})
}
