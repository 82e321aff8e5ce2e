package service

import (
	"fmt"
	"sort"
	"time"

	"kinerja/data"
	"kinerja/data/store"
)

// MonthEffect is how many person-days of one month a change of the
// attendance rules would change.
type MonthEffect struct {
	Year  int        `json:"year"`
	Month time.Month `json:"month"`
	Days  int        `json:"days"`
	Staff int        `json:"staff"` // people with at least one such day
}

// SettingsEffect is the preview of a settings change: every month with a
// figure that would change, oldest first, and the totals.
type SettingsEffect struct {
	Months []MonthEffect `json:"months"`
	Days   int           `json:"days"`
}

// Summary says the effect in one Indonesian sentence for the settings screen.
func (e SettingsEffect) Summary() string {
	if e.Days == 0 {
		return "Perubahan ini tidak mengubah angka kehadiran yang sudah tercatat."
	}
	return fmt.Sprintf("Perubahan ini mengubah angka kehadiran %d hari-orang dalam %d bulan (%s sampai %s); rekap, potongan TPP dan hitungan disiplin bulan itu ikut berubah.",
		e.Days, len(e.Months), monthLabel(e.Months[0]), monthLabel(e.Months[len(e.Months)-1]))
}

func monthLabel(m MonthEffect) string {
	return fmt.Sprintf("%s %d", data.MonthNames[m.Month-1], m.Year)
}

// SettingsChangeEffect tells, before next is saved, how many stored days in
// which months would get other figures: every stored month of every person
// is derived under the rules in force and under next (same holidays), and a
// day counts when its code, working-day status, piket, minutes late or
// short, TPP band or percentage, or 7.5-hour minutes differ. Nothing is saved.
func (svc *Service) SettingsChangeEffect(next data.AttendanceSettings) (SettingsEffect, error) {
	if err := next.Check(); err != nil {
		return SettingsEffect{}, err
	}
	old, err := svc.rules()
	if err != nil {
		return SettingsEffect{}, err
	}
	return svc.rulesEffect(old, data.NewAttendanceRules(next, old.Calendar.Holidays))
}

// rulesEffect compares the figures of every stored month under a and b.
func (svc *Service) rulesEffect(a, b data.AttendanceRules) (SettingsEffect, error) {
	staff, err := svc.st.AllStaff()
	if err != nil {
		return SettingsEffect{}, err
	}
	ids := make([]uint64, len(staff))
	for i, s := range staff {
		ids[i] = s.ID
	}
	all, err := svc.st.AttendanceBetween(ids, store.YearMonth{Year: 1990, Month: time.January}, store.YearMonth{Year: 2200, Month: time.December})
	if err != nil {
		return SettingsEffect{}, err
	}
	byMonth := map[store.YearMonth]*MonthEffect{}
	for _, ms := range all {
		for _, m := range ms {
			n := 0
			for day := 1; day <= monthEnd(data.NewDate(m.Year, m.Month, 1)).Day(); day++ {
				d := m.Date(day)
				e, had := m.Days[day]
				fa, fb := data.DeriveDay(d, e, a), data.DeriveDay(d, e, b)
				if !had && fa.Working == fb.Working {
					continue
				}
				if !sameFigures(fa, fb, a.Settings.TPP, b.Settings.TPP) {
					n++
				}
			}
			if n == 0 {
				continue
			}
			k := store.YearMonth{Year: m.Year, Month: m.Month}
			me := byMonth[k]
			if me == nil {
				me = &MonthEffect{Year: m.Year, Month: m.Month}
				byMonth[k] = me
			}
			me.Days += n
			me.Staff++
		}
	}
	var out SettingsEffect
	for _, me := range byMonth {
		out.Months = append(out.Months, *me)
		out.Days += me.Days
	}
	sort.Slice(out.Months, func(i, j int) bool {
		return ymOf(out.Months[i].Year, out.Months[i].Month).Before(ymOf(out.Months[j].Year, out.Months[j].Month))
	})
	return out, nil
}

// sameFigures reports whether two derivations of one day give the same figures.
func sameFigures(a, b data.DayFigures, ta, tb data.TPPRules) bool {
	pct := func(bands []data.TPPBand, i int) float64 {
		if i >= 0 && i < len(bands) {
			return bands[i].Percent
		}
		return -1
	}
	return a.Code == b.Code && a.Category == b.Category && a.Working == b.Working && a.Piket == b.Piket &&
		a.LateMinutes == b.LateMinutes && a.EarlyMinutes == b.EarlyMinutes && a.Late == b.Late && a.Early == b.Early &&
		a.LateBand == b.LateBand && a.EarlyBand == b.EarlyBand && a.DisciplineMinutes == b.DisciplineMinutes &&
		pct(ta.Late, a.LateBand) == pct(tb.Late, b.LateBand) && pct(ta.Early, a.EarlyBand) == pct(tb.Early, b.EarlyBand) &&
		(a.Category != data.CategoryAbsent || ta.AbsentPercent == tb.AbsentPercent)
}

// HolidaysChangeEffect tells, before a list of days off is imported
// (ImportHolidays), how many stored days in which months would get other
// figures: a day becoming a day off or a working day changes the working
// days, TK, piket and the cuti tahunan counted. Nothing is saved.
func (svc *Service) HolidaysChangeEffect(hs []data.Holiday) (SettingsEffect, error) {
	old, err := svc.rules()
	if err != nil {
		return SettingsEffect{}, err
	}
	merged := append([]data.Holiday(nil), old.Calendar.Holidays...)
	for _, h := range hs {
		replaced := false
		for i := range merged {
			if merged[i].Date.Equal(h.Date) {
				merged[i], replaced = h, true
			}
		}
		if !replaced {
			merged = append(merged, h)
		}
	}
	return svc.rulesEffect(old, data.NewAttendanceRules(old.Settings, merged))
}
