package data

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a civil calendar date with no time of day and no zone. The zero
// Date means "not set". It marshals to JSON as "YYYY-MM-DD" (or "" when zero).
type Date struct {
	t time.Time
}

// NewDate returns the date y-m-d. Out-of-range values normalise as time.Date does;
// use ValidDate to reject them.
func NewDate(y int, m time.Month, d int) Date {
	return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// ValidDate reports whether y-m-d names a real calendar day (29 February only in leap years).
func ValidDate(y int, m time.Month, d int) bool {
	if m < time.January || m > time.December || d < 1 {
		return false
	}
	nd := NewDate(y, m, d)
	return nd.Year() == y && nd.Month() == m && nd.Day() == d
}

// DateOf returns the civil date of t in t's own location.
func DateOf(t time.Time) Date {
	return NewDate(t.Year(), t.Month(), t.Day())
}

// Today returns the local civil date.
func Today() Date { return DateOf(time.Now()) }

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Year returns the year of d.
func (d Date) Year() int { return d.t.Year() }

// Month returns the month of d.
func (d Date) Month() time.Month { return d.t.Month() }

// Day returns the day of the month of d.
func (d Date) Day() int { return d.t.Day() }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.t.Weekday() }

// Time returns d as midnight UTC.
func (d Date) Time() time.Time { return d.t }

// AddDays returns d moved by n calendar days.
func (d Date) AddDays(n int) Date { return Date{d.t.AddDate(0, 0, n)} }

// AddYears returns d moved by n years (29 February moves to 1 March in common years).
func (d Date) AddYears(n int) Date { return Date{d.t.AddDate(n, 0, 0)} }

// Before reports whether d is strictly before o.
func (d Date) Before(o Date) bool { return d.t.Before(o.t) }

// After reports whether d is strictly after o.
func (d Date) After(o Date) bool { return d.t.After(o.t) }

// Equal reports whether d and o are the same day.
func (d Date) Equal(o Date) bool { return d.t.Equal(o.t) }

// DaysUntil returns the number of days from d to o (negative when o is earlier).
func (d Date) DaysUntil(o Date) int { return int((o.t.Unix() - d.t.Unix()) / 86400) }

// String returns the ISO form "2026-11-28", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// Compact returns "20261128", the form used in store keys.
func (d Date) Compact() string { return d.t.Format("20060102") }

// Slash returns the day-first numeric form "28/11/2026", or "" when zero.
func (d Date) Slash() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("02/01/2006")
}

// MonthNames are the Indonesian month names, January first.
var MonthNames = [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni",
	"Juli", "Agustus", "September", "Oktober", "November", "Desember"}

// DayNames are the Indonesian day names, Sunday (Minggu) first as in time.Weekday.
var DayNames = [7]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// Long returns the Indonesian long form "28 November 2026", or "" when zero.
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %04d", d.Day(), MonthNames[d.Month()-1], d.Year())
}

// ParseDate reads a date typed by a person or found in a file. It accepts the
// day-first forms "28/11/2026", "28-11-2026", "28.11.2026", the ISO form
// "2026-11-28", and the long Indonesian form "28 November 2026" (month names may
// be abbreviated to three letters, any case). An empty string gives the zero Date
// and no error. Month-first forms are never guessed.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	if f := strings.Fields(s); len(f) == 3 {
		if m := monthByName(f[1]); m != 0 {
			return dateFromParts(f[0], m, f[2], s)
		}
	}
	for _, sep := range []string{"/", "-", "."} {
		p := strings.Split(s, sep)
		if len(p) != 3 {
			continue
		}
		if len(p[0]) == 4 { // ISO year first
			m, err := strconv.Atoi(p[1])
			if err != nil {
				break
			}
			return dateFromParts(p[2], time.Month(m), p[0], s)
		}
		m, err := strconv.Atoi(p[1])
		if err != nil {
			break
		}
		return dateFromParts(p[0], time.Month(m), p[2], s)
	}
	return Date{}, fmt.Errorf("tanggal %q tidak dikenali; tulis seperti 28/11/2026", Shorten(s))
}

func dateFromParts(day string, m time.Month, year string, orig string) (Date, error) {
	d, err1 := strconv.Atoi(day)
	y, err2 := strconv.Atoi(year)
	if err1 != nil || err2 != nil || !allDigits(year, 4) {
		return Date{}, fmt.Errorf("tanggal %q tidak dikenali; tulis seperti 28/11/2026", orig)
	}
	if !ValidDate(y, m, d) {
		return Date{}, fmt.Errorf("tanggal %q tidak ada di kalender", orig)
	}
	return NewDate(y, m, d), nil
}

func monthByName(s string) time.Month {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0
	}
	for i, name := range MonthNames {
		n := strings.ToLower(name)
		if s == n || (len(s) == 3 && strings.HasPrefix(n, s)) {
			return time.Month(i + 1)
		}
	}
	return 0
}

// MarshalJSON writes the ISO form, or "" when zero.
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads the ISO form written by MarshalJSON.
func (d *Date) UnmarshalJSON(b []byte) error {
	// The form MarshalJSON writes, read without allocating (a register of
	// thousands of staff holds tens of thousands of dates).
	if y, m, day, ok := plainJSONDate(b); ok {
		*d = NewDate(y, m, day)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return fmt.Errorf("tanggal %q: %w", s, err)
	}
	*d = DateOf(t)
	return nil
}

// plainJSONDate reads `"YYYY-MM-DD"` naming a real day; ok is false for
// anything else, which UnmarshalJSON reads the long way.
func plainJSONDate(b []byte) (y int, m time.Month, d int, ok bool) {
	if len(b) != 12 || b[0] != '"' || b[11] != '"' || b[5] != '-' || b[8] != '-' {
		return 0, 0, 0, false
	}
	y, okY := asciiDigits(b[1:5], 4)
	mo, okM := asciiDigits(b[6:8], 2)
	d, okD := asciiDigits(b[9:11], 2)
	if !okY || !okM || !okD || !ValidDate(y, time.Month(mo), d) {
		return 0, 0, 0, false
	}
	return y, time.Month(mo), d, true
}
