package service

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"kinerja/assets"
	"kinerja/data"
	"kinerja/data/store"
)

// Calendar returns the office's work calendar: the schedule and Ramadan
// ranges of the attendance settings and the days off in the file. The
// shipped national holidays and cuti bersama of a year are copied into the
// file the first time (store.SeedHolidays), so what the admin changes later
// stays changed. Every attendance operation reads the calendar through here.
func (svc *Service) Calendar() (data.Calendar, error) {
	shipped, years, err := assets.Holidays()
	if err != nil {
		return data.Calendar{}, err
	}
	if svc.st.ReadOnly() {
		return svc.calendarReadOnly(shipped, years)
	}
	if _, err := svc.st.SeedHolidays(shipped, years); err != nil {
		return data.Calendar{}, fmt.Errorf("mengisi hari libur bawaan: %w", err)
	}
	if err := svc.seedRamadan(); err != nil {
		return data.Calendar{}, err
	}
	cal, err := svc.st.Calendar()
	if err != nil {
		return data.Calendar{}, fmt.Errorf("membaca kalender kerja: %w", err)
	}
	return cal, nil
}

// calendarReadOnly is Calendar on a file opened read-only: the shipped
// holidays of the years never seeded are added in memory, as seeding would
// add them (a date with a record of its own keeps it), and nothing is written.
func (svc *Service) calendarReadOnly(shipped []data.Holiday, years []int) (data.Calendar, error) {
	todo, err := svc.st.UnseededYears(years)
	if err != nil {
		return data.Calendar{}, fmt.Errorf("membaca kalender kerja: %w", err)
	}
	cal, err := svc.st.Calendar()
	if err != nil {
		return data.Calendar{}, fmt.Errorf("membaca kalender kerja: %w", err)
	}
	if len(todo) == 0 {
		return cal, nil
	}
	have := map[string]bool{}
	for _, h := range cal.Holidays {
		have[h.Date.String()] = true
	}
	for _, h := range shipped {
		if slices.Contains(todo, h.Date.Year()) && !have[h.Date.String()] {
			cal.Holidays = append(cal.Holidays, h)
			have[h.Date.String()] = true
		}
	}
	sort.SliceStable(cal.Holidays, func(i, j int) bool { return cal.Holidays[i].Date.Before(cal.Holidays[j].Date) })
	return cal, nil
}

// ImportHolidays saves a list of days off (next year's SKB list, or the
// office's own), after the shipped holidays have been seeded, so the seeding
// never later overwrites or re-adds what was imported. It returns how many
// days were saved or changed.
func (svc *Service) ImportHolidays(hs []data.Holiday) (int, error) {
	if _, err := svc.Calendar(); err != nil {
		return 0, err
	}
	n, err := svc.st.ImportHolidays(hs)
	if err != nil {
		return n, err
	}
	var years []int
	if _, err := svc.st.Setting(settingHolidayListsImported, &years); err != nil {
		return n, err
	}
	for _, h := range hs {
		// A list with national holidays replaces the shipped estimate of its
		// year; local days off alone do not.
		if h.Kind == data.HolidayNational && !slices.Contains(years, h.Date.Year()) {
			years = append(years, h.Date.Year())
		}
	}
	slices.Sort(years)
	return n, svc.st.SetSetting(settingHolidayListsImported, years)
}

// Setting keys of the attendance glue: the years whose holiday list was
// imported by the admin (no longer the shipped estimate), and whether the
// shipped Ramadan ranges were copied into the settings.
const (
	settingHolidayListsImported = "holiday_lists_imported"
	settingRamadanSeeded        = "ramadan_seeded"
)

// seedRamadan copies the shipped Ramadan ranges (assets.RamadanPeriods) into
// the attendance settings once, like the holidays: a Hijri year the admin
// already entered is kept, and what the admin changes or removes later stays
// so.
func (svc *Service) seedRamadan() error {
	if svc.st.ReadOnly() {
		return nil // a write-protected file is read as it is
	}
	var done bool
	if _, err := svc.st.Setting(settingRamadanSeeded, &done); err != nil || done {
		return err
	}
	shipped, err := assets.RamadanPeriods()
	if err != nil {
		return err
	}
	set, err := svc.st.AttendanceSettings()
	if err != nil {
		return fmt.Errorf("membaca pengaturan kehadiran: %w", err)
	}
	for _, p := range shipped {
		if !slices.ContainsFunc(set.RamadanPeriods, func(q data.RamadanPeriod) bool { return q.HijriYear == p.HijriYear }) {
			set.RamadanPeriods = append(set.RamadanPeriods, p)
		}
	}
	if err := svc.st.SetAttendanceSettings(set); err != nil {
		return fmt.Errorf("mengisi rentang Ramadan bawaan: %w", err)
	}
	return svc.st.SetSetting(settingRamadanSeeded, true)
}

// HolidayList says whether the file holds the list of days off of a year
// and how sure it is.
type HolidayList struct {
	Year int `json:"year"`
	// Present: the file holds at least one national holiday of the year.
	Present bool `json:"present"`
	// Provisional: the list is the shipped estimate (the SKB was not yet
	// out when the app was built) and the admin has not imported another.
	Provisional bool `json:"provisional"`
}

// Warning returns the Indonesian warning to show for the year, or "".
func (l HolidayList) Warning() string {
	switch {
	case !l.Present:
		return fmt.Sprintf("daftar hari libur dan cuti bersama tahun %d belum ada: semua hari Senin–Jumat dihitung hari kerja; impor daftar SKB tahun %d di Pengaturan", l.Year, l.Year)
	case l.Provisional:
		return fmt.Sprintf("daftar hari libur tahun %d masih perkiraan (SKB belum terbit saat aplikasi dibuat); periksa dan impor daftar resmi", l.Year)
	}
	return ""
}

// HolidayListStatus reports the holiday list of year in the file (for
// Beranda and Kehadiran, and for the warnings of entries and recaps).
func (svc *Service) HolidayListStatus(year int) (HolidayList, error) {
	cal, err := svc.Calendar()
	if err != nil {
		return HolidayList{}, err
	}
	return svc.holidayList(cal, year)
}

func (svc *Service) holidayList(cal data.Calendar, year int) (HolidayList, error) {
	l := HolidayList{Year: year, Present: data.HasHolidayList(cal.Holidays, year)}
	if l.Present && assets.HolidayListFor(year).Provisional {
		var imported []int
		if _, err := svc.st.Setting(settingHolidayListsImported, &imported); err != nil {
			return l, err
		}
		l.Provisional = !slices.Contains(imported, year)
	}
	return l, nil
}

// yearWarnings returns the holiday-list warnings of the years from..to.
func (svc *Service) yearWarnings(cal data.Calendar, from, to int) []string {
	var out []string
	for y := from; y <= to; y++ {
		if l, err := svc.holidayList(cal, y); err == nil && l.Warning() != "" {
			out = append(out, l.Warning())
		}
	}
	return out
}

// attendanceContext is what most attendance operations need at once.
type attendanceContext struct {
	cal      data.Calendar
	rules    data.AttendanceRules // built once per operation from settings and holidays
	settings data.AttendanceSettings
	staff    []data.Staff
	units    []data.Unit
}

func (svc *Service) loadContext() (attendanceContext, error) {
	var c attendanceContext
	var err error
	if c.cal, err = svc.Calendar(); err != nil {
		return c, err
	}
	if c.settings, err = svc.st.AttendanceSettings(); err != nil {
		return c, fmt.Errorf("membaca pengaturan kehadiran: %w", err)
	}
	c.rules = data.NewAttendanceRules(c.settings, c.cal.Holidays)
	c.settings = c.rules.Settings
	c.cal = c.rules.Calendar
	if c.staff, err = svc.st.AllStaff(); err != nil {
		return c, fmt.Errorf("membaca pegawai: %w", err)
	}
	if c.units, err = svc.st.Units(); err != nil {
		return c, fmt.Errorf("membaca unit: %w", err)
	}
	return c, nil
}

// activeOn reports whether a staff member works at the office on d.
func activeOn(s data.Staff, d data.Date) bool { return s.At(d).Active }

// activeInMonth reports whether a staff member works at the office on at
// least one day of the month, and gives the unit at the month's last active day.
func activeInMonth(s data.Staff, ym store.YearMonth) (unitID uint64, active bool) {
	first := data.NewDate(ym.Year, ym.Month, 1)
	last := data.NewDate(ym.Year, ym.Month+1, 0)
	if at := s.At(last); at.Active {
		return at.UnitID, true
	}
	at := s.At(first)
	if at.Active || (at.Started && !at.LeftOn.IsZero() && !at.LeftOn.Before(first)) {
		return at.UnitID, true
	}
	for _, e := range s.History {
		if e.Kind == data.EventStart && !e.Date.Before(first) && !e.Date.After(last) {
			return s.At(e.Date).UnitID, true
		}
	}
	return 0, false
}

// rules returns the attendance rules in force: the settings and the calendar
// of the file, built once for one operation.
func (svc *Service) rules() (data.AttendanceRules, error) {
	cal, err := svc.Calendar()
	if err != nil {
		return data.AttendanceRules{}, err
	}
	set, err := svc.st.AttendanceSettings()
	if err != nil {
		return data.AttendanceRules{}, fmt.Errorf("membaca pengaturan kehadiran: %w", err)
	}
	return data.NewAttendanceRules(set, cal.Holidays), nil
}

// AttendanceRules returns the attendance rules in force (settings and
// calendar), for a screen that derives figures of one day as it is typed.
func (svc *Service) AttendanceRules() (data.AttendanceRules, error) { return svc.rules() }

// blockOut returns cal with every day from from through to made a day off,
// so the pure rules count only the days outside; the originals are not changed.
func blockOut(cal data.Calendar, from, to data.Date) data.Calendar {
	if from.IsZero() || to.Before(from) {
		return cal
	}
	hs := make([]data.Holiday, len(cal.Holidays), len(cal.Holidays)+from.DaysUntil(to)+1)
	copy(hs, cal.Holidays)
	for d := from; !d.After(to); d = d.AddDays(1) {
		hs = append(hs, data.Holiday{Date: d, Kind: data.HolidayLocal, Name: "di luar rentang"})
	}
	cal.Holidays = hs
	return cal
}

// monthStart and monthEnd return the first and last day of d's month.
func monthStart(d data.Date) data.Date { return data.NewDate(d.Year(), d.Month(), 1) }
func monthEnd(d data.Date) data.Date   { return data.NewDate(d.Year(), d.Month()+1, 0) }

// unitName returns the name of a unit, or "-" when it is unknown.
func unitName(units []data.Unit, id uint64) string {
	if n := data.UnitName(units, id); n != "" {
		return n
	}
	return "-"
}

// ParseMonth reads "YYYY-MM" (as the CLI's --month takes it).
func ParseMonth(s string) (int, time.Month, error) {
	d, err := data.ParseDate(s + "-01")
	if err != nil || len(s) != 7 {
		return 0, 0, fmt.Errorf("bulan %q tidak dikenali; tulis seperti 2026-11", s)
	}
	return d.Year(), d.Month(), nil
}

func ymOf(year int, month time.Month) store.YearMonth {
	return store.YearMonth{Year: year, Month: month}
}
