package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"kinerja/data"
)

// Calendar storage: bucket calendar holds one record per day off, keyed
// YYYYMMDD. A holiday the admin removes stays as a record marked removed, so
// the audit trail keeps it and a later seeding does not bring it back.
const (
	bucketCalendar = "calendar"
	// metaHolidaysSeeded lists the years whose shipped holidays were copied
	// into the file (SeedHolidays). A year is seeded once: what the admin
	// later changes or removes in it stays changed.
	metaHolidaysSeeded = "holidays_seeded"
	// settingAttendance is the setting key of data.AttendanceSettings.
	settingAttendance = "attendance"
)

// calendarRecord is a stored day off; Removed marks one the admin deleted.
type calendarRecord struct {
	data.Holiday
	Removed bool `json:"removed,omitempty"`
}

func calendarKey(d data.Date) []byte { return []byte(d.Compact()) }

// checkHoliday returns an Indonesian description of what is wrong with h, or nil.
func checkHoliday(h data.Holiday) error {
	if h.Date.IsZero() {
		return errors.New("tanggal hari libur wajib diisi")
	}
	if _, ok := data.ParseHolidayKind(string(h.Kind)); !ok {
		return fmt.Errorf("jenis hari libur %q tidak dikenal", h.Kind)
	}
	if strings.TrimSpace(h.Name) == "" {
		return fmt.Errorf("hari libur %s: nama wajib diisi", h.Date.Long())
	}
	return nil
}

// Holidays returns every day off in the file (removed ones left out), by date.
func (s *Store) Holidays() ([]data.Holiday, error) {
	var out []data.Holiday
	err := s.view(func(r reader) (err error) {
		out, err = holidays(r)
		return err
	})
	return out, err
}

func holidays(r reader) ([]data.Holiday, error) {
	var out []data.Holiday
	err := r.each(bucketCalendar, func(k, v []byte) error {
		var rec calendarRecord
		if err := json.Unmarshal(v, &rec); err != nil {
			return fmt.Errorf("membaca hari libur %s: %w", k, err)
		}
		if !rec.Removed {
			out = append(out, rec.Holiday)
		}
		return nil
	})
	return out, err
}

// SaveHoliday adds or replaces the day off on h.Date (one a day). The date,
// a known kind and a name are required.
func (s *Store) SaveHoliday(h data.Holiday) error {
	if err := checkHoliday(h); err != nil {
		return err
	}
	h.Name = strings.Join(strings.Fields(h.Name), " ")
	return s.update("simpan hari libur", func(c *change) error {
		return c.put(bucketCalendar, calendarKey(h.Date), calendarRecord{Holiday: h})
	})
}

// RemoveHoliday makes d a day like any other again; a date that is no day
// off gives an error wrapping data.ErrNotFound.
func (s *Store) RemoveHoliday(d data.Date) error {
	return s.update("hapus hari libur", func(c *change) error {
		var rec calendarRecord
		found, err := c.get(bucketCalendar, calendarKey(d), &rec)
		if err != nil {
			return err
		}
		if !found || rec.Removed {
			return fmt.Errorf("hari libur %s: %w", d.Long(), data.ErrNotFound)
		}
		rec.Removed = true
		return c.put(bucketCalendar, calendarKey(d), rec)
	})
}

// ImportHolidays saves a list (next year's SKB) in one transaction, each
// replacing the day off on its date; it returns how many records changed.
// Nothing is saved when one entry is refused.
func (s *Store) ImportHolidays(hs []data.Holiday) (int, error) {
	for _, h := range hs {
		if err := checkHoliday(h); err != nil {
			return 0, err
		}
	}
	changed := 0
	err := s.update("impor hari libur", func(c *change) error {
		changed = 0
		for _, h := range hs {
			h.Name = strings.Join(strings.Fields(h.Name), " ")
			var old calendarRecord
			found, err := c.get(bucketCalendar, calendarKey(h.Date), &old)
			if err != nil {
				return err
			}
			if found && !old.Removed && old.Holiday == h {
				continue
			}
			if err := c.put(bucketCalendar, calendarKey(h.Date), calendarRecord{Holiday: h}); err != nil {
				return err
			}
			changed++
		}
		return nil
	})
	return changed, err
}

// UnseededYears returns those of years whose shipped holidays were never
// copied into the file (see SeedHolidays). It only reads, so a file opened
// read-only can show the shipped days of those years without storing them.
func (s *Store) UnseededYears(years []int) ([]int, error) {
	var todo []int
	err := s.view(func(r reader) error {
		done, err := seededYears(r)
		for _, y := range years {
			if !slices.Contains(done, y) && !slices.Contains(todo, y) {
				todo = append(todo, y)
			}
		}
		return err
	})
	return todo, err
}

// SeedHolidays copies the shipped holidays of the given years into the file,
// once per year: a year already seeded is skipped, even when the admin has
// since removed or changed its days, and a date that already has a record
// (added by hand before) is kept. It returns the years seeded now.
func (s *Store) SeedHolidays(shipped []data.Holiday, years []int) ([]int, error) {
	todo, err := s.UnseededYears(years)
	if err != nil || len(todo) == 0 {
		return nil, err
	}
	err = s.update("isi hari libur bawaan", func(c *change) error {
		done, err := seededYears(c.reader)
		if err != nil {
			return err
		}
		for _, h := range shipped {
			if !slices.Contains(todo, h.Date.Year()) || checkHoliday(h) != nil {
				continue
			}
			if raw, err := c.raw(bucketCalendar, calendarKey(h.Date)); err != nil || raw != nil {
				if err != nil {
					return err
				}
				continue
			}
			if err := c.put(bucketCalendar, calendarKey(h.Date), calendarRecord{Holiday: h}); err != nil {
				return err
			}
		}
		done = append(done, todo...)
		slices.Sort(done)
		return c.put(bucketMeta, []byte(metaHolidaysSeeded), slices.Compact(done))
	})
	if err != nil {
		return nil, err
	}
	return todo, nil
}

func seededYears(r reader) ([]int, error) {
	var years []int
	_, err := r.get(bucketMeta, []byte(metaHolidaysSeeded), &years)
	return years, err
}

// AttendanceSettings returns the office's attendance settings: the defaults
// when never set, and the defaults for any part an older record lacks.
func (s *Store) AttendanceSettings() (data.AttendanceSettings, error) {
	var set data.AttendanceSettings
	err := s.view(func(r reader) (err error) {
		set, err = attendanceSettings(r)
		return err
	})
	return set, err
}

func attendanceSettings(r reader) (data.AttendanceSettings, error) {
	set := data.DefaultAttendanceSettings()
	if _, err := r.get(bucketSettings, []byte(settingAttendance), &set); err != nil {
		return data.AttendanceSettings{}, err
	}
	return set.WithDefaults(), nil
}

// SetAttendanceSettings stores the settings after their Check.
func (s *Store) SetAttendanceSettings(set data.AttendanceSettings) error {
	if err := set.Check(); err != nil {
		return err
	}
	return s.SetSetting(settingAttendance, set)
}

// Calendar returns the calendar of the file: the schedule and Ramadan ranges
// of the attendance settings and the days off.
func (s *Store) Calendar() (data.Calendar, error) {
	var cal data.Calendar
	err := s.view(func(r reader) error {
		set, err := attendanceSettings(r)
		if err != nil {
			return err
		}
		hs, err := holidays(r)
		cal = set.Calendar(hs)
		return err
	})
	return cal, err
}
