package data

import (
	"time"
)

// RecapRow is the monthly attendance recap (rekap kehadiran) of one staff
// member, or the sum of several (SumRecaps). Only working days count: an entry
// on a weekend or holiday is ignored (see IgnoredEntries). The JSON keys are
// those of `kinerja attendance recap --format json`.
type RecapRow struct {
	StaffID     uint64     `json:"staff_id,omitempty"`
	Year        int        `json:"year"`
	Month       time.Month `json:"month"`
	Staff       int        `json:"staff"` // number of staff summed: 1 for one person
	WorkingDays int        `json:"working_days"`
	// Present is the days at work: H + TL + PSW + DL + FWA.
	Present        int     `json:"present"`
	PresentPercent float64 `json:"present_percent"`
	H              int     `json:"h"`
	TL             int     `json:"tl"`  // days coded TL
	PSW            int     `json:"psw"` // days coded PSW
	// LateCount is the days with a late arrival (coded TL, or H/PSW with
	// minutes late); LateMinutes their minutes. EarlyCount and EarlyMinutes
	// likewise for leaving early, so a day both late and early counts in both.
	LateCount    int `json:"late_count"`
	LateMinutes  int `json:"late_minutes"`
	EarlyCount   int `json:"early_count"`
	EarlyMinutes int `json:"early_minutes"`
	DL           int `json:"duty"`
	FWA          int `json:"fwa"`
	TB           int `json:"study"`
	S            int `json:"sick"`
	I            int `json:"permit"`
	CT           int `json:"ct"`
	CB           int `json:"cb"`
	CS           int `json:"cs"`
	CM           int `json:"cm"`
	CAP          int `json:"cap"`
	CLTN         int `json:"cltn"`
	Leave        int `json:"leave"` // all cuti: CT + CB + CS + CM + CAP + CLTN
	TK           int `json:"absent"`
	// LIB counts working days coded LIB (a day off the calendar does not know).
	LIB int `json:"lib"`
	// NotEntered is the working days with no entry: never assumed H or TK.
	NotEntered int `json:"not_entered"`
	// Excused is the working days whose code counts as excused (TB, S, I
	// and an office's own excused codes); RecapMonth only.
	Excused int `json:"excused"`
	// Piket is the days of presence recorded on days that are not working
	// days (weekends, holidays, cuti bersama): never in WorkingDays,
	// Present, H or TK. RecapMonth only.
	Piket int `json:"piket"`
	// LateNotRecorded and EarlyNotRecorded count the late arrivals and early
	// departures whose time was not recorded (in LateCount and EarlyCount,
	// not in the minutes); Incomplete the days with one time missing that
	// the admin has not confirmed. RecapMonth only.
	LateNotRecorded  int `json:"late_not_recorded"`
	EarlyNotRecorded int `json:"early_not_recorded"`
	Incomplete       int `json:"incomplete"`
	// Other counts working days coded with an office's own codes.
	Other map[string]int `json:"other,omitempty"`
	// IgnoredEntries counts entries on days that are not working days.
	IgnoredEntries int `json:"ignored_entries"`
}

// Recap computes the monthly recap of one staff member's month.
//
// Deprecated: it reads stored minutes and counts by the default code IDs;
// use RecapMonth.
func Recap(m AttendanceMonth, cal Calendar) RecapRow {
	r := RecapRow{StaffID: m.StaffID, Year: m.Year, Month: m.Month, Staff: 1}
	mask := cal.workingMask(m.Year, m.Month)
	n := monthLength(m.Year, m.Month)
	for day := range m.Days {
		if day < 1 || day > n || !mask[day] {
			r.IgnoredEntries++
		}
	}
	for day := 1; day <= n; day++ {
		if !mask[day] {
			continue
		}
		r.WorkingDays++
		e, entered := m.Days[day]
		if !entered || e.Code == "" {
			r.NotEntered++
			continue
		}
		r.count(e)
	}
	r.Leave = r.CT + r.CB + r.CS + r.CM + r.CAP + r.CLTN
	r.Present = r.H + r.TL + r.PSW + r.DL + r.FWA
	r.PresentPercent = percentOf(r.Present, r.WorkingDays)
	return r
}

func (r *RecapRow) count(e DayEntry) {
	if entryIsLate(e) {
		r.LateCount++
		r.LateMinutes += e.LateMinutes
	}
	if entryIsEarly(e) {
		r.EarlyCount++
		r.EarlyMinutes += e.EarlyMinutes
	}
	if p := r.codeCounter(e.Code); p != nil {
		*p++
		return
	}
	if r.Other == nil {
		r.Other = map[string]int{}
	}
	r.Other[e.Code]++
}

// IsOfficeCode reports whether code is one of an office's own codes, counted
// under RecapRow.Other (by its category) rather than in a column of its own.
func IsOfficeCode(code string) bool {
	var r RecapRow
	return r.codeCounter(code) == nil
}

func (r *RecapRow) codeCounter(code string) *int {
	switch code {
	case CodeH:
		return &r.H
	case CodeTL:
		return &r.TL
	case CodePSW:
		return &r.PSW
	case CodeDL:
		return &r.DL
	case CodeFWA:
		return &r.FWA
	case CodeTB:
		return &r.TB
	case CodeS:
		return &r.S
	case CodeI:
		return &r.I
	case CodeCT:
		return &r.CT
	case CodeCB:
		return &r.CB
	case CodeCS:
		return &r.CS
	case CodeCM:
		return &r.CM
	case CodeCAP:
		return &r.CAP
	case CodeCLTN:
		return &r.CLTN
	case CodeTK:
		return &r.TK
	case CodeLIB:
		return &r.LIB
	}
	return nil
}

// monthLength returns the number of days in a month (Gregorian leap years).
func monthLength(year int, month time.Month) int {
	switch month {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// percentOf returns part as a percentage of whole, 0 when whole is 0.
func percentOf(part, whole int) float64 {
	if whole == 0 {
		return 0
	}
	return float64(part) * 100 / float64(whole)
}

// SumRecaps adds recaps (the staff of a unit, or the whole office) into one
// row; its PresentPercent is the share of all summed working days. Year and
// Month are kept when every row has the same ones.
func SumRecaps(rows []RecapRow) RecapRow {
	var t RecapRow
	for i, r := range rows {
		if i == 0 {
			t.Year, t.Month = r.Year, r.Month
		} else if r.Year != t.Year || r.Month != t.Month {
			t.Year, t.Month = 0, 0
		}
		t.Staff += r.Staff
		t.WorkingDays += r.WorkingDays
		t.Present += r.Present
		t.H += r.H
		t.TL += r.TL
		t.PSW += r.PSW
		t.LateCount += r.LateCount
		t.LateMinutes += r.LateMinutes
		t.EarlyCount += r.EarlyCount
		t.EarlyMinutes += r.EarlyMinutes
		t.DL += r.DL
		t.FWA += r.FWA
		t.TB += r.TB
		t.S += r.S
		t.I += r.I
		t.CT += r.CT
		t.CB += r.CB
		t.CS += r.CS
		t.CM += r.CM
		t.CAP += r.CAP
		t.CLTN += r.CLTN
		t.Leave += r.Leave
		t.TK += r.TK
		t.LIB += r.LIB
		t.NotEntered += r.NotEntered
		t.Excused += r.Excused
		t.Piket += r.Piket
		t.LateNotRecorded += r.LateNotRecorded
		t.EarlyNotRecorded += r.EarlyNotRecorded
		t.Incomplete += r.Incomplete
		t.IgnoredEntries += r.IgnoredEntries
		for code, n := range r.Other {
			if t.Other == nil {
				t.Other = map[string]int{}
			}
			t.Other[code] += n
		}
	}
	t.PresentPercent = percentOf(t.Present, t.WorkingDays)
	return t
}
