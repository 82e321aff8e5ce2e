package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"time"

	"kinerja/data"

	bolt "go.etcd.io/bbolt"
)

// MonthRecords are stored attendance months copied out of the file in one
// read transaction, still in their stored form, to be decoded one at a time
// into a data.MonthDays the caller reuses (Decode). A whole office's recap
// or year's count reads this way: one cursor seek per person, all the
// records in one buffer, and no map per month. It is safe for use by
// several goroutines at once (each with its own MonthDays).
type MonthRecords struct {
	ids    []uint64
	starts []int // records of ids[i] are starts[i] ≤ j < starts[i+1]
	keys   []MonthKey
	ends   []int // record j is buf[ends[j-1]:ends[j]] (ends[-1] = 0)
	buf    []byte
}

// AttendanceRecords reads, for each staff id in turn, the stored months from
// from through to (both included), in order; it seeks each person's first
// month and walks their records, never reading other people's.
func (s *Store) AttendanceRecords(staffIDs []uint64, from, to YearMonth) (*MonthRecords, error) {
	out := &MonthRecords{ids: staffIDs, starts: make([]int, 0, len(staffIDs)+1)}
	if !from.valid() || !to.valid() {
		return out, fmt.Errorf("bulan %04d-%02d sampai %04d-%02d tidak sah", from.Year, int(from.Month), to.Year, int(to.Month))
	}
	// Room for every month of every person at a typical size, so the
	// buffer is seldom grown; a longer span than a year's count (a search
	// over all years) grows as it goes.
	span := min(max(0, (to.Year-from.Year)*12+int(to.Month-from.Month)+1), 14)
	out.keys = make([]MonthKey, 0, len(staffIDs)*span)
	out.ends = make([]int, 0, len(staffIDs)*span)
	out.buf = make([]byte, 0, len(staffIDs)*span*typicalMonthBytes)
	err := s.view(func(r reader) error {
		ab, err := bucketAt(r.tx, bucketAttendance, false)
		if err != nil {
			return err
		}
		var cur *bolt.Cursor
		if ab != nil {
			cur = ab.Cursor()
		}
		fromSuffix, toSuffix := from.suffix(), to.suffix()
		var first, last []byte
		for _, id := range staffIDs {
			out.starts = append(out.starts, len(out.keys))
			if ab == nil {
				continue
			}
			first = append(binary.BigEndian.AppendUint64(first[:0], id), fromSuffix...)
			last = append(binary.BigEndian.AppendUint64(last[:0], id), toSuffix...)
			for k, v := cur.Seek(first); k != nil && bytes.Compare(k, last) <= 0; k, v = cur.Next() {
				if ym, ok := parseMonthSuffix(k[8:]); ok && v != nil {
					out.keys = append(out.keys, MonthKey{id, ym})
					out.buf = append(out.buf, v...)
					out.ends = append(out.ends, len(out.buf))
				}
			}
		}
		return nil
	})
	out.starts = append(out.starts, len(out.keys))
	if err != nil {
		return &MonthRecords{starts: []int{0}}, err
	}
	return out, nil
}

// typicalMonthBytes is about the size of a stored month of a full-time
// person in the compact form.
const typicalMonthBytes = 160

// People returns how many staff ids were asked for.
func (r *MonthRecords) People() int { return len(r.ids) }

// Of returns the range lo ≤ j < hi of the records of the i-th staff id
// asked for.
func (r *MonthRecords) Of(i int) (lo, hi int) { return r.starts[i], r.starts[i+1] }

// Key returns the key of record j.
func (r *MonthRecords) Key(j int) MonthKey { return r.keys[j] }

// raw returns the stored bytes of record j.
func (r *MonthRecords) raw(j int) []byte {
	lo := 0
	if j > 0 {
		lo = r.ends[j-1]
	}
	return r.buf[lo:r.ends[j]]
}

// Decode decodes record j into into, reusing into.Days. A record written
// before the compact form (JSON) is read too.
func (r *MonthRecords) Decode(j int, into *data.MonthDays) error {
	k := r.keys[j]
	into.StaffID, into.Year, into.Month = k.StaffID, k.Year, k.Month
	raw := r.raw(j)
	var err error
	if len(raw) > 0 && raw[0] == monthCompact {
		if into.Days, err = decodeCompactDays(raw, into.Days); err != nil {
			return fmt.Errorf("membaca kehadiran %d/%04d%02d: %w", k.StaffID, k.Year, int(k.Month), err)
		}
		return nil
	}
	m, err := decodeMonth(raw, k)
	into.Days = into.Days[:0]
	if err != nil {
		return err
	}
	into.Days = append(into.Days, m.DayList().Days...)
	return nil
}

// DecodeOf decodes the records of the i-th staff id asked for into months,
// reusing months and the day lists in it, and returns them in order.
func (r *MonthRecords) DecodeOf(i int, months []data.MonthDays) ([]data.MonthDays, error) {
	lo, hi := r.Of(i)
	n := hi - lo
	if cap(months) < n {
		months = append(months[:cap(months)], make([]data.MonthDays, n-cap(months))...)
	}
	months = months[:n]
	for j := range n {
		if err := r.Decode(lo+j, &months[j]); err != nil {
			return months[:0], err
		}
	}
	return months, nil
}

// parseMonthSuffix reads the "YYYYMM" of a month key.
func parseMonthSuffix(b []byte) (YearMonth, bool) {
	if len(b) != 6 {
		return YearMonth{}, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return YearMonth{}, false
		}
		n = n*10 + int(c-'0')
	}
	ym := YearMonth{n / 100, time.Month(n % 100)}
	return ym, ym.valid()
}
