package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"
	"unicode/utf8"

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
	raw, err := r.raw(bucketAttendance, attendanceKey(k))
	if err != nil {
		return data.AttendanceMonth{}, err
	}
	if raw == nil {
		return data.NewAttendanceMonth(k.StaffID, k.Year, k.Month), nil
	}
	return decodeMonth(raw, k)
}

// AttendanceMonths returns the saved months of every staff member for one
// month, by staff id; people with nothing saved that month are absent.
func (s *Store) AttendanceMonths(year int, month time.Month) (map[uint64]data.AttendanceMonth, error) {
	ym := YearMonth{year, month}
	var raws []rawMonth
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
			if raw := ab.Get(attendanceKey(MonthKey{id, ym})); raw != nil {
				raws = append(raws, rawMonth{MonthKey{id, ym}, bytes.Clone(raw)})
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	months, err := decodeMonths(raws)
	out := make(map[uint64]data.AttendanceMonth, len(months))
	for _, m := range months {
		out[m.StaffID] = m
	}
	return out, err
}

// rawMonth is a stored month copied out of its read transaction.
type rawMonth struct {
	key MonthKey
	raw []byte
}

// decodeMonths decodes stored months in order, spread over the processors:
// decoding JSON is most of the time of a recap or a year's count.
func decodeMonths(raws []rawMonth) ([]data.AttendanceMonth, error) {
	out := make([]data.AttendanceMonth, len(raws))
	errs := make([]error, len(raws))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(raws)/64))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(raws); i += workers {
				out[i], errs[i] = decodeMonth(raws[i].raw, raws[i].key)
			}
		}()
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// decodeMonth decodes a stored month, with quickMonth when the record has
// the exact shape json.Marshal writes, else with encoding/json.
func decodeMonth(raw []byte, k MonthKey) (data.AttendanceMonth, error) {
	if len(raw) > 0 && raw[0] == monthCompact {
		days, err := decodeCompactMonth(raw)
		if err != nil {
			return data.AttendanceMonth{}, fmt.Errorf("membaca kehadiran %d/%04d%02d: %w", k.StaffID, k.Year, int(k.Month), err)
		}
		return data.AttendanceMonth{StaffID: k.StaffID, Year: k.Year, Month: k.Month, Days: days}, nil
	}
	m, ok := quickMonth(raw)
	if !ok {
		m = data.AttendanceMonth{}
		if err := json.Unmarshal(raw, &m); err != nil {
			return data.AttendanceMonth{}, fmt.Errorf("membaca kehadiran %d/%04d%02d: %w", k.StaffID, k.Year, int(k.Month), err)
		}
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
	recs, err := s.AttendanceRecords(staffIDs, from, to)
	if err != nil {
		return out, err
	}
	raws := make([]rawMonth, len(recs.keys))
	for j := range raws {
		raws[j] = rawMonth{recs.keys[j], recs.raw(j)}
	}
	months, err := decodeMonths(raws)
	for _, m := range months {
		out[m.StaffID] = append(out[m.StaffID], m)
	}
	return out, err
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
	return c.putRaw(bucketAttendance, key, encodeMonth(m), dayChanges)
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

// quickMonth decodes the JSON json.Marshal writes for a data.AttendanceMonth
// several times faster than encoding/json, which matters when a year's count
// reads thousands of months. It accepts only that exact shape — the fields in
// struct order without spaces, day entries with known keys, strings without
// escapes, numbers that fit — and reports false for anything else, so the
// caller falls back to encoding/json and the result never differs.
func quickMonth(b []byte) (data.AttendanceMonth, bool) {
	p := jsonScan{b: b}
	var m data.AttendanceMonth
	var staff, year, month int64
	ok := p.lit(`{"staff_id":`) && p.int(&staff, 18) && p.lit(`,"year":`) && p.int(&year, 9) &&
		p.lit(`,"month":`) && p.int(&month, 9) && p.lit(`,"days":`)
	if !ok || staff < 0 {
		return m, false
	}
	m.StaffID, m.Year, m.Month = uint64(staff), int(year), time.Month(month)
	m.Days = make(map[int]data.DayEntry, 31)
	if p.lit("null") {
		return m, p.lit("}") && p.end()
	}
	if !p.lit("{") {
		return m, false
	}
	for first := true; !p.lit("}"); first = false {
		var day int64
		if (!first && !p.lit(",")) || !p.lit(`"`) || !p.int(&day, 9) || !p.lit(`":`) {
			return m, false
		}
		e, ok := p.entry()
		if !ok {
			return m, false
		}
		m.Days[int(day)] = e
	}
	return m, p.lit("}") && p.end()
}

// jsonScan reads JSON text written by json.Marshal, one expected token at a time.
type jsonScan struct {
	b []byte
	i int
}

func (p *jsonScan) end() bool { return p.i == len(p.b) }

// lit consumes s when the input continues with it.
func (p *jsonScan) lit(s string) bool {
	if len(p.b)-p.i < len(s) || string(p.b[p.i:p.i+len(s)]) != s {
		return false
	}
	p.i += len(s)
	return true
}

// int reads a decimal integer of at most digits digits, optionally negative.
func (p *jsonScan) int(v *int64, digits int) bool {
	neg := p.lit("-")
	start := p.i
	var n int64
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' && p.i-start < digits {
		n = n*10 + int64(p.b[p.i]-'0')
		p.i++
	}
	if p.i == start || (p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9') ||
		(p.b[start] == '0' && p.i-start > 1) {
		return false
	}
	if neg {
		n = -n
	}
	*v = n
	return true
}

// raw reads a string without escapes or control characters and returns its bytes.
func (p *jsonScan) raw() ([]byte, bool) {
	if !p.lit(`"`) {
		return nil, false
	}
	start := p.i
	for p.i < len(p.b) && p.b[p.i] != '"' {
		if c := p.b[p.i]; c == '\\' || c < 0x20 {
			return nil, false
		}
		p.i++
	}
	if p.i == len(p.b) || !utf8.Valid(p.b[start:p.i]) {
		return nil, false
	}
	p.i++
	return p.b[start : p.i-1], true
}

// str reads a string as raw does.
func (p *jsonScan) str(v *string) bool {
	b, ok := p.raw()
	if !ok {
		return false
	}
	if common, found := commonStrings[string(b)]; found {
		*v = common
	} else {
		*v = string(b)
	}
	return true
}

// commonStrings holds the strings most entries repeat — clock times, the
// default codes and the sources — so decoding them allocates nothing.
var commonStrings = func() map[string]string {
	m := map[string]string{}
	for t := 0; t < 24*60; t++ {
		c := data.FormatClock(t)
		m[c] = c
	}
	for _, c := range data.DefaultCodes() {
		m[c.Code] = c.Code
	}
	for _, s := range []data.Source{data.SourceHand, data.SourceMachine} {
		m[string(s)] = string(s)
	}
	return m
}()

// entry reads one day entry object.
func (p *jsonScan) entry() (data.DayEntry, bool) {
	var e data.DayEntry
	if !p.lit("{") {
		return e, false
	}
	for first := true; !p.lit("}"); first = false {
		if !first && !p.lit(",") {
			return e, false
		}
		key, ok := p.raw()
		if !ok || !p.lit(":") {
			return e, false
		}
		switch string(key) {
		case "code":
			ok = p.str(&e.Code)
		case "in":
			ok = p.str(&e.In)
		case "out":
			ok = p.str(&e.Out)
		case "note":
			ok = p.str(&e.Note)
		case "letter":
			ok = p.str(&e.Letter)
		case "granted_by":
			ok = p.str(&e.GrantedBy)
		case "entered_by":
			ok = p.str(&e.EnteredBy)
		case "source":
			var src string
			ok = p.str(&src)
			e.Source = data.Source(src)
		case "late_minutes", "early_minutes":
			var n int64
			ok = p.int(&n, 9)
			if string(key) == "late_minutes" {
				e.LateMinutes = int(n)
			} else {
				e.EarlyMinutes = int(n)
			}
		default:
			ok = false
		}
		if !ok {
			return e, false
		}
	}
	return e, true
}
