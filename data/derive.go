package data

import (
	"strings"
)

// AttendanceRules are the rules in force when attendance figures are read:
// the office's settings and its calendar (schedule, Ramadan ranges,
// holidays). Every figure (code from times, minutes, bands, recap, TPP, PP
// 94/2021 count, leave) is derived from a stored entry with these rules.
type AttendanceRules struct {
	Settings AttendanceSettings
	Calendar Calendar
}

// NewAttendanceRules returns the rules of settings s (older records filled
// from the defaults) with the given holidays.
func NewAttendanceRules(s AttendanceSettings, holidays []Holiday) AttendanceRules {
	s = s.WithDefaults()
	return AttendanceRules{Settings: s, Calendar: s.Calendar(holidays)}
}

// DayFigures is what the rules in force derive from one stored day entry.
// The JSON keys are meant for `--format json` output.
type DayFigures struct {
	Date Date `json:"date"`
	// Code is the code in force: H, TL or PSW from the times for an entry
	// coded H, TL, PSW or not coded; otherwise the stored code. "" for an
	// entry that says nothing (not entered).
	Code     string   `json:"code"`
	Label    string   `json:"label"` // "TL — Terlambat"
	Category Category `json:"category"`
	// Working: the date is a working day. Piket: presence recorded on a day
	// that is not a working day (weekend, holiday, cuti bersama).
	Working bool          `json:"working"`
	Piket   bool          `json:"piket"`
	Hours   DayHours      `json:"hours"`
	Ramadan RamadanStatus `json:"ramadan,omitempty"` // the Ramadan hours apply; confirmed or estimate
	// In and Out are the arrival and departure after a lone punch is placed.
	In  string `json:"in,omitempty"`
	Out string `json:"out,omitempty"`
	// Late: a late arrival (minutes after the start, or arrival not
	// recorded). Early: an early departure likewise.
	Late         bool `json:"late"`
	LateMinutes  int  `json:"late_minutes"`
	Early        bool `json:"early"`
	EarlyMinutes int  `json:"early_minutes"`
	// ArrivalMissing and DepartureMissing: the time is tidak tercatat.
	ArrivalMissing   bool `json:"arrival_not_recorded"`
	DepartureMissing bool `json:"departure_not_recorded"`
	// LateBand and EarlyBand index the TPP bands (TPPRules.Late, .Early);
	// -1 when none applies. A time not recorded takes the last band.
	LateBand  int `json:"late_band"`
	EarlyBand int `json:"early_band"`
	// DisciplineMinutes is what the day adds to the 7.5-hour rule: minutes
	// late plus minutes short, and DisciplineSettings.MissingPunchMinutes
	// (at most the day's working time) for each time not recorded.
	DisciplineMinutes int `json:"discipline_minutes"`
	// Incomplete: one of arrival and departure is recorded, the other not;
	// Confirmed: the admin let it stand.
	Incomplete bool `json:"incomplete"`
	Confirmed  bool `json:"confirmed"`
}

// timeCoded reports whether the code of an entry follows its times.
func timeCoded(code string) bool {
	switch strings.ToUpper(strings.TrimSpace(code)) {
	case "", CodeH, CodeTL, CodePSW:
		return true
	}
	return false
}

// entryClock reads a stored clock time; "" or unreadable gives ok false.
func entryClock(s string) (int, bool) {
	return parseClock(s)
}

// Middle returns the middle of the day's hours: a lone punch before it is an
// arrival, at or after it a departure.
func (h DayHours) Middle() int { return (h.Start + h.End) / 2 }

// PlacePunch returns the arrival and departure of an entry: In and Out, or,
// when both are empty, its lone Punch placed by the middle of h (on a day
// without hours a lone punch is an arrival).
func PlacePunch(e DayEntry, h DayHours) (in, out string) {
	return placePunch(&e, h)
}

func placePunch(e *DayEntry, h DayHours) (in, out string) {
	in, out = strings.TrimSpace(e.In), strings.TrimSpace(e.Out)
	p := strings.TrimSpace(e.Punch)
	if in != "" || out != "" || p == "" {
		return in, out
	}
	if v, ok := entryClock(p); ok && h.Works() && v >= h.Middle() {
		return "", p
	}
	return p, ""
}

// DeriveDay derives the figures of the entry e of date d under rules r.
//
// On a working day an entry coded H, TL, PSW or not coded that has a time
// gets its code from the times against the day's hours (Ramadan hours inside
// a Ramadan range): arriving after the start is TL with the minutes late,
// else leaving before the end is PSW with the minutes short, else H;
// arriving exactly at the start or leaving exactly at the end is on time. A
// time not recorded (a lone punch, or one time typed) makes the day late or
// early with "tidak tercatat": the last TPP band, and MissingPunchMinutes for
// the 7.5-hour rule. The day counts as present. Such an entry without any
// time keeps its code and the minutes an older version stored (TL or PSW
// without minutes is "tidak tercatat"). Other codes keep their code and get
// no minutes.
//
// On a day that is not a working day, an entry whose code counts as present
// (or that has times) is piket: code H for time-coded entries, no minutes.
func DeriveDay(d Date, e DayEntry, r AttendanceRules) DayFigures {
	c := calendarDay(d, r.Calendar)
	return deriveOn(&c, &e, &r, nil)
}

// calendarDay is what the calendar says of date d, whoever works on it.
type calDay struct {
	date    Date
	hours   DayHours
	working bool
	ramadan RamadanStatus
}

func calendarDay(d Date, cal Calendar) calDay {
	c := calDay{date: d}
	c.hours, c.working = cal.DayHours(d)
	if st, ok := cal.RamadanOn(d); ok && c.working && cal.Schedule.Ramadan[d.Weekday()].Works() {
		c.ramadan = st
	}
	return c
}

// codeBook is the codes of the rules looked up many times: each code's
// upper-case form and full label worked out once (see Codes.Lookup).
type codeBook struct {
	upper  []string
	codes  Codes
	labels []string
	// seen remembers lookup's answer for the first texts met (entries
	// repeat a handful of codes, most often "" and the derived H, TL, PSW).
	seen  [16]seenCode
	nseen int
}

type seenCode struct {
	text  string
	index int
}

func newCodeBook(cs Codes) *codeBook {
	b := &codeBook{codes: cs}
	for _, c := range cs {
		b.upper = append(b.upper, strings.ToUpper(c.Code))
		b.labels = append(b.labels, c.FullLabel())
	}
	return b
}

// lookup is Codes.Lookup: the index of the first code equal to code,
// ignoring case and surrounding spaces; -1 when none is.
func (b *codeBook) lookup(code string) int {
	for _, c := range b.seen[:b.nseen] {
		if c.text == code {
			return c.index
		}
	}
	i := b.search(code)
	if b.nseen < len(b.seen) {
		b.seen[b.nseen] = seenCode{code, i}
		b.nseen++
	}
	return i
}

func (b *codeBook) search(code string) int {
	code = strings.ToUpper(strings.TrimSpace(code))
	for i, u := range b.upper {
		if u == code {
			return i
		}
	}
	return -1
}

// find looks code up in the book, or in cs (Codes.Lookup) when there is no
// book; it returns the code, its full label and whether it was found.
func (b *codeBook) find(cs Codes, code string) (*Code, string, bool) {
	if b == nil {
		c, ok := cs.Lookup(code)
		if !ok {
			return nil, "", false
		}
		return &c, c.FullLabel(), true
	}
	i := b.lookup(code)
	if i < 0 {
		return nil, "", false
	}
	return &b.codes[i], b.labels[i], true
}

// deriveOn is DeriveDay on a day whose calendar is known; book, when not
// nil, is the rules' codes prepared for lookups.
func deriveOn(c *calDay, e *DayEntry, r *AttendanceRules, book *codeBook) DayFigures {
	f := DayFigures{Date: c.date, LateBand: -1, EarlyBand: -1, Confirmed: e.Confirmed}
	f.Hours, f.Working, f.Ramadan = c.hours, c.working, c.ramadan
	f.In, f.Out = placePunch(e, f.Hours)
	arrival, hasIn := entryClock(f.In)
	departure, hasOut := entryClock(f.Out)
	if !hasIn {
		f.In = ""
	}
	if !hasOut {
		f.Out = ""
	}
	code := strings.ToUpper(strings.TrimSpace(e.Code))
	if c, _, ok := book.find(r.Settings.Codes, code); ok {
		code = c.Code
	}
	timed := timeCoded(code)
	switch {
	case !f.Working:
		if timed && (hasIn || hasOut || code != "") {
			code = CodeH
		}
	case timed && (hasIn || hasOut):
		if hasIn {
			f.LateMinutes = max(0, arrival-f.Hours.Start)
		} else {
			f.ArrivalMissing = true
		}
		if hasOut {
			f.EarlyMinutes = max(0, f.Hours.End-departure)
		} else {
			f.DepartureMissing = true
		}
		f.Incomplete = f.ArrivalMissing || f.DepartureMissing
		f.Late = f.LateMinutes > 0 || f.ArrivalMissing
		f.Early = f.EarlyMinutes > 0 || f.DepartureMissing
		switch {
		case f.Late:
			code = CodeTL
		case f.Early:
			code = CodePSW
		default:
			code = CodeH
		}
	case timed && code != "":
		// No times: a figure typed by hand, or by an older version.
		f.LateMinutes, f.EarlyMinutes = max(0, e.LateMinutes), max(0, e.EarlyMinutes)
		f.Late = code == CodeTL || f.LateMinutes > 0
		f.Early = code == CodePSW || f.EarlyMinutes > 0
		f.ArrivalMissing = f.Late && f.LateMinutes == 0
		f.DepartureMissing = f.Early && f.EarlyMinutes == 0
	}
	f.Code = code
	if c, label, ok := book.find(r.Settings.Codes, code); ok {
		f.Category, f.Label = c.Category, label
	} else {
		f.Label = code
	}
	if !f.Working {
		f.Piket = code != "" && f.Category == CategoryPresent
		return f
	}
	last := func(bands []TPPBand) int { return len(bands) - 1 }
	if f.Late {
		if f.ArrivalMissing {
			f.LateBand = last(r.Settings.TPP.Late)
		} else {
			f.LateBand = tppBandIndex(r.Settings.TPP.Late, f.LateMinutes)
		}
	}
	if f.Early {
		if f.DepartureMissing {
			f.EarlyBand = last(r.Settings.TPP.Early)
		} else {
			f.EarlyBand = tppBandIndex(r.Settings.TPP.Early, f.EarlyMinutes)
		}
	}
	missing := min(max(0, r.Settings.Discipline.MissingPunchMinutes), f.Hours.WorkMinutes())
	f.DisciplineMinutes = f.LateMinutes + f.EarlyMinutes
	if f.ArrivalMissing {
		f.DisciplineMinutes += missing
	}
	if f.DepartureMissing {
		f.DisciplineMinutes += missing
	}
	return f
}

// MonthFigures derives every entry of a month that lies in it, in date order.
func MonthFigures(m AttendanceMonth, r AttendanceRules) []DayFigures {
	return r.Prepare().MonthFigures(m)
}

// IncompleteDay is a working day whose record has an arrival or a departure
// but not both, for the admin to complete or confirm.
type IncompleteDay struct {
	StaffID uint64     `json:"staff_id"`
	Date    Date       `json:"date"`
	Entry   DayEntry   `json:"entry"`
	Figures DayFigures `json:"figures"`
}

// IncompleteDays lists, in date order, the working days of m with an
// incomplete record; confirmed ones only when withConfirmed is set.
func IncompleteDays(m AttendanceMonth, r AttendanceRules, withConfirmed bool) []IncompleteDay {
	var out []IncompleteDay
	for _, f := range MonthFigures(m, r) {
		if f.Working && f.Incomplete && (withConfirmed || !f.Confirmed) {
			out = append(out, IncompleteDay{StaffID: m.StaffID, Date: f.Date, Entry: m.Days[f.Date.Day()], Figures: f})
		}
	}
	return out
}

// GroupPunches groups punches by PIN and day: the earliest punch is the
// arrival, the latest the departure ("HH:MM"). When every punch of the day
// lies within windowMinutes of the first (a double tap), they are one punch:
// Last is "" (see PlacePunch for what a lone punch means). Count is the
// number of punches read.
func GroupPunches(punches []Punch, windowMinutes int) map[string]map[Date]DayPunches {
	return groupByDay(punches, func(first, last, n int) DayPunches { return windowSpan(first, last, n, windowMinutes) })
}

func windowSpan(first, last, n, window int) DayPunches {
	dp := DayPunches{First: FormatClock(first), Count: n}
	if last-first > max(0, window) {
		dp.Last = FormatClock(last)
	}
	return dp
}

// MergeOptions are the choices of one import.
type MergeOptions struct {
	// Overwrite replaces entries made by hand.
	Overwrite bool
	// Piket records punches on a day that is not a working day as presence
	// (piket/lembur); without it such days are only listed (MergeNonWorking,
	// with the entry that would be made in After).
	Piket bool
}

// PlanMergeDay works out, without changing m, what a day's punches do to it
// under rules r. It stores facts only: the earliest and latest of the
// punches and of the machine entry already there; when they lie within the
// punch window they are one lone punch (DayEntry.Punch), placed as arrival or
// departure when read. The code is written as a hint (see DayEntry); no
// minutes are stored. A day entered by hand is kept unless Overwrite is set;
// the note of an overwritten entry is kept; Confirmed is kept while the times
// stay the same. Importing the same punches again changes nothing, and two
// files of one day give the same result in either order.
func PlanMergeDay(m AttendanceMonth, d Date, p DayPunches, r AttendanceRules, opt MergeOptions) MergeResult {
	if !m.Contains(d) {
		return MergeResult{Outcome: MergeOtherMonth}
	}
	before, had := m.Days[d.Day()]
	res := MergeResult{Had: had, Before: before, After: before}
	machine := had && before.Source == SourceMachine
	if had && !machine && !opt.Overwrite {
		res.Outcome = MergeKeptHand
		return res
	}
	times := []string{p.First, p.Last}
	if machine {
		times = append(times, before.In, before.Out, before.Punch)
	}
	first, last, ok := clockSpanLenient(times)
	if !ok {
		res.Outcome = MergeUnchanged
		return res
	}
	after := DayEntry{Note: before.Note, Source: SourceMachine}
	if span := windowSpan(first, last, 0, r.Settings.Punches.Window()); span.Last == "" {
		after.Punch = span.First
	} else {
		after.In, after.Out = span.First, span.Last
	}
	if machine {
		after.EnteredBy = before.EnteredBy
		if after.In == before.In && after.Out == before.Out && after.Punch == before.Punch {
			after.Confirmed = before.Confirmed
		}
	}
	after.Code = DeriveDay(d, after, r).Code
	res.After = after
	working := r.Calendar.IsWorkingDay(d)
	switch {
	case !working && !opt.Piket:
		res.After = before
		res.Outcome = MergeNonWorking
		res.Planned = &after
	case !had:
		res.Outcome = MergeAdded
	case after == before:
		res.Outcome = MergeUnchanged
	default:
		res.Outcome = MergeChanged
	}
	return res
}

// clockSpanLenient returns the earliest and latest readable times of ts.
func clockSpanLenient(ts []string) (first, last int, ok bool) {
	for _, t := range ts {
		v, good := entryClock(t)
		if !good {
			continue
		}
		if !ok || v < first {
			first = v
		}
		if !ok || v > last {
			last = v
		}
		ok = true
	}
	return first, last, ok
}

// ApplyMerge applies a PlanMergeDay result to m (nothing unless it changes the month).
func (m *AttendanceMonth) ApplyMerge(d Date, res MergeResult) {
	if res.Changes() && m.Contains(d) {
		if m.Days == nil {
			m.Days = map[int]DayEntry{}
		}
		m.Days[d.Day()] = res.After
	}
}
