package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"kinerja/data"
)

// Attendance storage: bucket attendance holds one data.AttendanceMonth per
// staff member per month under the key staff id (8 bytes) + "YYYYMM", so a
// monthly recap is one Get per person and never reads other months, and one
// person's months lie next to each other for a year's count. Bucket
// leave_opening holds each person's data.LeaveOpening under the staff id.
const (
	bucketAttendance   = "attendance"
	bucketLeaveOpening = "leave_opening"
)

// YearMonth names one calendar month.
type YearMonth struct {
	Year  int
	Month time.Month
}

// MonthOf returns the month of d.
func MonthOf(d data.Date) YearMonth { return YearMonth{d.Year(), d.Month()} }

// Next returns the month after m.
func (m YearMonth) Next() YearMonth {
	if m.Month == time.December {
		return YearMonth{m.Year + 1, time.January}
	}
	return YearMonth{m.Year, m.Month + 1}
}

// Before reports whether m comes before o.
func (m YearMonth) Before(o YearMonth) bool {
	return m.Year < o.Year || (m.Year == o.Year && m.Month < o.Month)
}

func (m YearMonth) valid() bool {
	return m.Year >= 1 && m.Year <= 9999 && m.Month >= time.January && m.Month <= time.December
}

func (m YearMonth) suffix() []byte { return fmt.Appendf(nil, "%04d%02d", m.Year, int(m.Month)) }

// MonthKey names the attendance record of one staff member for one month.
type MonthKey struct {
	StaffID uint64
	YearMonth
}

// KeyOf returns the key of a month record.
func KeyOf(m data.AttendanceMonth) MonthKey {
	return MonthKey{StaffID: m.StaffID, YearMonth: YearMonth{m.Year, m.Month}}
}

func attendanceKey(k MonthKey) []byte { return append(idKey(k.StaffID), k.suffix()...) }

// Actor returns the name written into audit entries and entries' EnteredBy.
func (s *Store) Actor() string { return s.actor }

// AttendanceMonth returns one person's month; an empty month (no days
// entered) when nothing was saved for it.
func (s *Store) AttendanceMonth(staffID uint64, year int, month time.Month) (data.AttendanceMonth, error) {
	var m data.AttendanceMonth
	err := s.view(func(r reader) (err error) {
		m, err = attendanceMonth(r, MonthKey{staffID, YearMonth{year, month}})
		return err
	})
	return m, err
}

func attendanceMonth(r reader, k MonthKey) (data.AttendanceMonth, error) {
	m := data.NewAttendanceMonth(k.StaffID, k.Year, k.Month)
	found, err := r.get(bucketAttendance, attendanceKey(k), &m)
	if err != nil {
		return data.AttendanceMonth{}, err
	}
	if !found || m.Days == nil {
		m.Days = map[int]data.DayEntry{}
	}
	m.StaffID, m.Year, m.Month = k.StaffID, k.Year, k.Month
	return m, nil
}

// AttendanceMonths returns the saved months of every staff member for one
// month, by staff id; people with nothing saved that month are absent.
func (s *Store) AttendanceMonths(year int, month time.Month) (map[uint64]data.AttendanceMonth, error) {
	out := map[uint64]data.AttendanceMonth{}
	ym := YearMonth{year, month}
	err := s.view(func(r reader) error {
		ab, err := bucketAt(r.tx, bucketAttendance, false)
		if err != nil || ab == nil {
			return err
		}
		return r.each(bucketStaff, func(k, _ []byte) error {
			id, ok := keyID(k)
			if !ok {
				return nil
			}
			raw := ab.Get(attendanceKey(MonthKey{id, ym}))
			if raw == nil {
				return nil
			}
			m, err := decodeMonth(raw, MonthKey{id, ym})
			if err != nil {
				return err
			}
			out[id] = m
			return nil
		})
	})
	return out, err
}

func decodeMonth(raw []byte, k MonthKey) (data.AttendanceMonth, error) {
	var m data.AttendanceMonth
	if err := json.Unmarshal(raw, &m); err != nil {
		return data.AttendanceMonth{}, fmt.Errorf("membaca kehadiran %d/%04d%02d: %w", k.StaffID, k.Year, int(k.Month), err)
	}
	if m.Days == nil {
		m.Days = map[int]data.DayEntry{}
	}
	m.StaffID, m.Year, m.Month = k.StaffID, k.Year, k.Month
	return m, nil
}

// AttendanceYear returns one person's saved months of a calendar year, in order.
func (s *Store) AttendanceYear(staffID uint64, year int) ([]data.AttendanceMonth, error) {
	all, err := s.AttendanceBetween([]uint64{staffID}, YearMonth{year, time.January}, YearMonth{year, time.December})
	return all[staffID], err
}

// AttendanceBetween returns, for each staff id, the saved months from from
// through to (both included) in order, in one read; it seeks each person's
// first month and walks their records, never reading other people's.
func (s *Store) AttendanceBetween(staffIDs []uint64, from, to YearMonth) (map[uint64][]data.AttendanceMonth, error) {
	out := make(map[uint64][]data.AttendanceMonth, len(staffIDs))
	if !from.valid() || !to.valid() {
		return out, fmt.Errorf("bulan %04d-%02d sampai %04d-%02d tidak sah", from.Year, int(from.Month), to.Year, int(to.Month))
	}
	err := s.view(func(r reader) error {
		ab, err := bucketAt(r.tx, bucketAttendance, false)
		if err != nil || ab == nil {
			return err
		}
		cur := ab.Cursor()
		for _, id := range staffIDs {
			first, last := attendanceKey(MonthKey{id, from}), attendanceKey(MonthKey{id, to})
			for k, v := cur.Seek(first); k != nil && bytes.Compare(k, last) <= 0; k, v = cur.Next() {
				ym, ok := parseMonthSuffix(k[8:])
				if !ok || v == nil {
					continue
				}
				m, err := decodeMonth(v, MonthKey{id, ym})
				if err != nil {
					return err
				}
				out[id] = append(out[id], m)
			}
		}
		return nil
	})
	return out, err
}

func parseMonthSuffix(b []byte) (YearMonth, bool) {
	var y, m int
	if len(b) != 6 {
		return YearMonth{}, false
	}
	if _, err := fmt.Sscanf(string(b), "%04d%02d", &y, &m); err != nil {
		return YearMonth{}, false
	}
	ym := YearMonth{y, time.Month(m)}
	return ym, ym.valid()
}

// checkMonth refuses a month with an unknown staff member, an impossible
// month, or a day outside the month.
func checkMonth(r reader, m data.AttendanceMonth) error {
	if !(YearMonth{m.Year, m.Month}).valid() {
		return fmt.Errorf("bulan %d-%d tidak sah", m.Year, int(m.Month))
	}
	if _, err := staffByID(r, m.StaffID); err != nil {
		return err
	}
	last := data.NewDate(m.Year, m.Month+1, 0).Day()
	for day := range m.Days {
		if day < 1 || day > last {
			return fmt.Errorf("tanggal %d tidak ada di bulan %s %d", day, data.MonthNames[m.Month-1], m.Year)
		}
	}
	return nil
}

// SaveAttendance stores whole months in one audited transaction; each audit
// entry names only the days that changed. A month equal to the one stored
// leaves no entry. Nothing is saved when a month is refused (unknown staff
// member, impossible month or day).
func (s *Store) SaveAttendance(months []data.AttendanceMonth) error {
	return s.update("simpan kehadiran", func(c *change) error {
		for _, m := range months {
			if err := putMonth(c, m); err != nil {
				return err
			}
		}
		return nil
	})
}

func putMonth(c *change, m data.AttendanceMonth) error {
	if err := checkMonth(c.reader, m); err != nil {
		return err
	}
	key := attendanceKey(KeyOf(m))
	if len(m.Days) == 0 {
		if raw, err := c.raw(bucketAttendance, key); err != nil || raw == nil {
			return err
		}
	}
	if m.Days == nil {
		m.Days = map[int]data.DayEntry{}
	}
	return c.put(bucketAttendance, key, m)
}

// EditAttendance reads the months of keys (empty ones when nothing is
// saved), lets edit change them in place, and saves them with the machine
// PIN mappings in pins — all in one audited transaction named action. When
// edit returns an error nothing is saved.
func (s *Store) EditAttendance(action string, keys []MonthKey, pins map[string]uint64, edit func(map[MonthKey]*data.AttendanceMonth) error) error {
	return s.update(action, func(c *change) error {
		months := make(map[MonthKey]*data.AttendanceMonth, len(keys))
		for _, k := range keys {
			if _, ok := months[k]; ok {
				continue
			}
			m, err := attendanceMonth(c.reader, k)
			if err != nil {
				return err
			}
			months[k] = &m
		}
		if err := edit(months); err != nil {
			return err
		}
		if err := putPins(c, pins); err != nil {
			return err
		}
		ordered := make([]MonthKey, 0, len(months))
		for k := range months {
			ordered = append(ordered, k)
		}
		sort.Slice(ordered, func(i, j int) bool {
			a, b := ordered[i], ordered[j]
			return a.StaffID < b.StaffID || (a.StaffID == b.StaffID && a.YearMonth.Before(b.YearMonth))
		})
		for _, k := range ordered {
			if err := putMonth(c, *months[k]); err != nil {
				return err
			}
		}
		return nil
	})
}

// LeaveOpening returns the opening cuti tahunan balance entered for a staff
// member; found is false when none was entered.
func (s *Store) LeaveOpening(staffID uint64) (o data.LeaveOpening, found bool, err error) {
	err = s.view(func(r reader) error {
		found, err = r.get(bucketLeaveOpening, idKey(staffID), &o)
		return err
	})
	return o, found, err
}

// SetLeaveOpening stores the opening cuti tahunan balance of a staff member
// after its Check; an unknown staff member wraps data.ErrNotFound.
func (s *Store) SetLeaveOpening(staffID uint64, o data.LeaveOpening) error {
	if err := o.Check(); err != nil {
		return err
	}
	return s.update("saldo awal cuti", func(c *change) error {
		if _, err := staffByID(c.reader, staffID); err != nil {
			return err
		}
		return c.put(bucketLeaveOpening, idKey(staffID), o)
	})
}
