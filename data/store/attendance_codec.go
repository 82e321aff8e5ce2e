package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"kinerja/data"
)

// The compact form of a stored attendance month. A month is read thousands
// of times for each time it is written (a year's PP 94/2021 count of a
// kabupaten office reads 26,000 of them), so it is kept in a small binary
// form that decodes without reflection. Records written before it are JSON
// objects and start with '{'; both forms are read (decodeMonth).
//
// Layout, after the version byte monthCompact (numbers are unsigned varints,
// strings their length then their bytes):
//
//	strings  count, then each string once (codes, notes, names, odd times)
//	days     count, then for each day in increasing order:
//	           day of the month (1–31)
//	           fields, a bit per field present (dayField*)
//	           each present field in bit order: a string as its index in
//	           the strings; a time (In, Out, Punch) as 2×minutes when it is
//	           a canonical "HH:MM", else 2×index+1; minutes as a number;
//	           Confirmed has no value
//
// The staff id, year and month are in the record's key and are not repeated.
const monthCompact = 0x01

// Fields of a day entry, one bit each in the compact form.
const (
	dayCode = 1 << iota
	dayIn
	dayOut
	dayPunch
	dayLate
	dayEarly
	dayNote
	dayLetter
	dayGranted
	daySource
	dayEntered
	dayConfirmed
	dayFieldsAll = 1<<iota - 1
)

// clockText holds "HH:MM" for every minute of the day, so a time decodes
// without allocating.
var clockText = func() []string {
	out := make([]string, 24*60)
	for t := range out {
		out[t] = data.FormatClock(t)
	}
	return out
}()

// clockMinutes returns the minute of a canonical "HH:MM" time; ok is false
// for any other text (kept as a string).
func clockMinutes(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	for _, i := range []int{0, 1, 3, 4} {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if h > 23 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

// encodeMonth writes m in the compact form. Strings are kept as JSON would
// keep them (invalid UTF-8 replaced), so changing the form changes no text.
func encodeMonth(m data.AttendanceMonth) []byte {
	var table []string
	index := map[string]int{}
	str := func(s string) uint64 {
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		i, ok := index[s]
		if !ok {
			i = len(table)
			index[s] = i
			table = append(table, s)
		}
		return uint64(i)
	}
	days := make([]int, 0, len(m.Days))
	for d := range m.Days {
		days = append(days, d)
	}
	slices.Sort(days)
	body := make([]byte, 0, 8+len(days)*8)
	body = binary.AppendUvarint(body, uint64(len(days)))
	for _, d := range days {
		e := m.Days[d]
		var fields uint64
		var vals []uint64
		add := func(bit uint64, v uint64) { fields |= bit; vals = append(vals, v) }
		clock := func(bit uint64, s string) {
			if s == "" {
				return
			}
			if t, ok := clockMinutes(s); ok {
				add(bit, uint64(t)*2)
			} else {
				add(bit, str(s)*2+1)
			}
		}
		if e.Code != "" {
			add(dayCode, str(e.Code))
		}
		clock(dayIn, e.In)
		clock(dayOut, e.Out)
		clock(dayPunch, e.Punch)
		if e.LateMinutes != 0 {
			add(dayLate, zigzag(e.LateMinutes))
		}
		if e.EarlyMinutes != 0 {
			add(dayEarly, zigzag(e.EarlyMinutes))
		}
		for _, f := range []struct {
			bit uint64
			s   string
		}{{dayNote, e.Note}, {dayLetter, e.Letter}, {dayGranted, e.GrantedBy}, {daySource, string(e.Source)}, {dayEntered, e.EnteredBy}} {
			if f.s != "" {
				add(f.bit, str(f.s))
			}
		}
		if e.Confirmed {
			fields |= dayConfirmed
		}
		body = binary.AppendUvarint(body, uint64(d))
		body = binary.AppendUvarint(body, fields)
		for _, v := range vals {
			body = binary.AppendUvarint(body, v)
		}
	}
	size := 1 + binary.MaxVarintLen64 + len(body)
	for _, s := range table {
		size += binary.MaxVarintLen64 + len(s)
	}
	out := make([]byte, 0, size)
	out = append(out, monthCompact)
	out = binary.AppendUvarint(out, uint64(len(table)))
	for _, s := range table {
		out = appendBytes(out, []byte(s))
	}
	return append(out, body...)
}

func zigzag(n int) uint64 { return uint64(int64(n)<<1 ^ int64(n)>>63) }

func unzigzag(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }

// errCompactMonth is returned for a compact record that does not decode.
var errCompactMonth = errors.New("rekaman kehadiran ringkas rusak")

// maxMonthStrings bounds the string table of one month (a month has at most
// 31 days of 11 strings each).
const maxMonthStrings = 31 * 11

// decodeCompactMonth reads the compact form (without the staff id, year and
// month, which the caller takes from the key). It never panics: anything
// that does not follow the layout — a count or length past the end, a day
// out of order or outside 1–31, an unknown field, a string index or minute
// out of range, text that is not UTF-8, bytes left over — is errCompactMonth.
func decodeCompactMonth(b []byte) (map[int]data.DayEntry, error) {
	var buf [31]data.EnteredDay
	days, err := decodeCompactDays(b, buf[:0])
	if err != nil {
		return nil, err
	}
	out := make(map[int]data.DayEntry, len(days))
	for _, d := range days {
		out[d.Day] = d.Entry
	}
	return out, nil
}

// decodeCompactDays is decodeCompactMonth into a list: the days are
// appended to days[:0] in increasing order, so a list reused for month
// after month costs no allocation. Any error is errCompactMonth.
func decodeCompactDays(b []byte, days []data.EnteredDay) ([]data.EnteredDay, error) {
	days = days[:0]
	if len(b) == 0 || b[0] != monthCompact {
		return days, errCompactMonth
	}
	d := auditReader{b: b[1:], ok: true}
	n := d.uvarint()
	if !d.ok || n > maxMonthStrings || n > uint64(len(d.b)) {
		return days[:0], errCompactMonth
	}
	var small [32]string
	table := small[:0]
	if n > uint64(len(small)) {
		table = make([]string, 0, n)
	}
	for i := uint64(0); i < n; i++ {
		s := d.bytes()
		if !d.ok || !utf8.Valid(s) {
			return days[:0], errCompactMonth
		}
		table = append(table, internString(s))
	}
	n = d.uvarint()
	if !d.ok || n > 31 {
		return days[:0], errCompactMonth
	}
	days = slices.Grow(days, int(n))
	prev := uint64(0)
	for i := uint64(0); i < n; i++ {
		day := d.uvarint()
		fields := d.uvarint()
		if !d.ok || day <= prev || day > 31 || fields&^dayFieldsAll != 0 {
			return days[:0], errCompactMonth
		}
		prev = day
		days = append(days, data.EnteredDay{Day: int(day)})
		e := &days[len(days)-1].Entry
		str := func(bit uint64, dst *string) bool {
			if fields&bit == 0 {
				return true
			}
			v := d.uvarint()
			if !d.ok || v >= uint64(len(table)) {
				return false
			}
			*dst = table[v]
			return true
		}
		clock := func(bit uint64, dst *string) bool {
			if fields&bit == 0 {
				return true
			}
			v := d.uvarint()
			switch {
			case !d.ok:
				return false
			case v&1 == 0 && v/2 < uint64(len(clockText)):
				*dst = clockText[v/2]
			case v&1 == 1 && v/2 < uint64(len(table)):
				*dst = table[v/2]
			default:
				return false
			}
			return true
		}
		minutes := func(bit uint64, dst *int) bool {
			if fields&bit == 0 {
				return true
			}
			v := unzigzag(d.uvarint())
			if !d.ok || v < -1<<31 || v > 1<<31-1 {
				return false
			}
			*dst = int(v)
			return true
		}
		var source string
		ok := str(dayCode, &e.Code) && clock(dayIn, &e.In) && clock(dayOut, &e.Out) && clock(dayPunch, &e.Punch) &&
			minutes(dayLate, &e.LateMinutes) && minutes(dayEarly, &e.EarlyMinutes) &&
			str(dayNote, &e.Note) && str(dayLetter, &e.Letter) && str(dayGranted, &e.GrantedBy) &&
			str(daySource, &source) && str(dayEntered, &e.EnteredBy)
		if !ok {
			return days[:0], errCompactMonth
		}
		e.Source = data.Source(source)
		e.Confirmed = fields&dayConfirmed != 0
	}
	if !d.ok || len(d.b) != 0 {
		return days[:0], errCompactMonth
	}
	return days, nil
}

// internString returns b as a string, shared with commonStrings when it is
// one of them so the usual codes and sources cost no allocation.
func internString(b []byte) string {
	if s, ok := commonStrings[string(b)]; ok {
		return s
	}
	return string(b)
}

// dayChanges lists the days that differ between two stored months (old is
// nil for a new record) as audit field changes "days.N", the same fields a
// JSON record's diff gave, so the audit of a change stays one day long
// whatever form either side has. Before and after are each stored as a
// month of that one day in the compact form (dayChange); reading the entry
// gives them back as the day entry's JSON (auditDayJSON), as older entries
// hold them.
func dayChanges(old, val []byte) ([]FieldChange, error) {
	before := map[int]data.DayEntry{}
	if old != nil {
		var err error
		if before, err = monthDays(old); err != nil {
			return nil, err
		}
	}
	after, err := monthDays(val)
	if err != nil {
		return nil, err
	}
	days := make([]string, 0, len(after)+len(before))
	seen := map[int]bool{}
	for _, m := range []map[int]data.DayEntry{after, before} {
		for d := range m {
			if !seen[d] {
				seen[d] = true
				days = append(days, strconv.Itoa(d))
			}
		}
	}
	// Keys in the order a JSON object diff reports them (by text).
	slices.Sort(days)
	var out []FieldChange
	for _, key := range days {
		d, _ := strconv.Atoi(key)
		b, inB := before[d]
		a, inA := after[d]
		if inB && inA && b == a {
			continue
		}
		c := FieldChange{Field: "days." + key}
		if inB {
			c.Before = dayChange(d, b)
		}
		if inA {
			c.After = dayChange(d, a)
		}
		out = append(out, c)
	}
	return out, nil
}

// dayChange is the stored form of one day's side of an audit change: a
// month holding that day only, in the compact form (about a third of the
// day entry's JSON).
func dayChange(day int, e data.DayEntry) []byte {
	return encodeMonth(data.AttendanceMonth{Days: map[int]data.DayEntry{day: e}})
}

// auditDayJSON turns a day's side of an audit change as stored (dayChange)
// back into what an entry shows: the day entry's JSON. A value that does
// not hold exactly one day is errAuditEntry. buf is reused for the day.
func auditDayJSON(v []byte, buf []data.EnteredDay) (json.RawMessage, []data.EnteredDay, error) {
	days, err := decodeCompactDays(v, buf)
	if err != nil || len(days) != 1 {
		return nil, days, errAuditEntry
	}
	out, err := json.Marshal(days[0].Entry)
	return out, days, err
}

// monthDays decodes the days of a stored month of either form.
func monthDays(raw []byte) (map[int]data.DayEntry, error) {
	m, err := decodeMonth(raw, MonthKey{})
	return m.Days, err
}
