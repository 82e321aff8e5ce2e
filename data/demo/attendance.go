package demo

import (
	"fmt"
	"kinerja/data"
	"math/rand/v2"
	"sort"
	"time"
)

// Attendance makes a realistic fictional attendance for the staff of
// Demo (saved, so with IDs; the unit heads first) over the twelve months up
// to today: on each working day each active person has a machine entry with
// arrival and departure around the day's hours (now and then late or leaving
// early, some people more often), and by hand a few days of sakit and izin,
// dinas luar with a Surat Perintah Tugas number, cuti tahunan in blocks with
// the letter number and the grantor, and rare TK. Two people are set up for
// the discipline screens: the first active ASN after the unit heads has six
// TK days this year, one short of the next PP 94/2021 threshold, and the
// second a run of seven consecutive working days of TK (under the ten that
// lead to dismissal). The same seed gives the same months. Only months with
// entries are returned.
func Attendance(staff []data.Staff, cal data.Calendar, today data.Date, seed int64) []data.AttendanceMonth {
	heads := len(demoHeads)
	g := demoAttendanceGen{r: rand.New(rand.NewPCG(uint64(seed), 0x6b6568616469)), cal: cal, today: today,
		months: map[monthKey]*data.AttendanceMonth{}}
	from := AttendanceFrom(today)
	near, run := g.specialStaff(staff, heads, from)
	for i, s := range staff {
		p := demoHabits{late: 0.03, early: 0.02, absent: 0.002}
		switch {
		case i < heads:
			p.duty = 0.08
		case g.r.IntN(6) == 0:
			p.late, p.early = 0.15, 0.06
		default:
			p.duty = 0.02
		}
		if s.ID == near || s.ID == run {
			p.late, p.early, p.absent = 0, 0, 0
		}
		g.person(s, p, from)
	}
	if near != 0 {
		g.absentDays(near, data.NewDate(today.Year(), time.January, 1), 6, false)
	}
	if run != 0 {
		g.absentDays(run, data.NewDate(today.Year(), today.Month(), 1).AddDays(-45), 7, true)
	}
	return g.result()
}

// AttendanceFrom is the first day of Attendance: the first of the month
// eleven months before today's.
func AttendanceFrom(today data.Date) data.Date {
	return data.NewDate(today.Year(), today.Month()-11, 1)
}

// AttendanceBetween makes attendance like Attendance for the days from
// through to, for the older years of a demo with several years of history
// (Options.Years): the same habits and events, without the two discipline
// examples, which belong to the current year. The same seed and dates give
// the same months.
func AttendanceBetween(staff []data.Staff, cal data.Calendar, from, to data.Date, seed int64) []data.AttendanceMonth {
	stream := 0x6b6568616469 ^ uint64(from.Year())<<48 ^ uint64(from.Month())<<40
	g := demoAttendanceGen{r: rand.New(rand.NewPCG(uint64(seed), stream)), cal: cal, today: to,
		months: map[monthKey]*data.AttendanceMonth{}}
	for i, s := range staff {
		p := demoHabits{late: 0.03, early: 0.02, absent: 0.002}
		switch {
		case i < len(demoHeads):
			p.duty = 0.08
		case g.r.IntN(6) == 0:
			p.late, p.early = 0.15, 0.06
		default:
			p.duty = 0.02
		}
		g.person(s, p, from)
	}
	return g.result()
}

type monthKey struct {
	staff uint64
	year  int
	month time.Month
}

type demoAttendanceGen struct {
	r      *rand.Rand
	cal    data.Calendar
	today  data.Date
	months map[monthKey]*data.AttendanceMonth
	spt    int
	letter int
}

// demoHabits are one person's daily chances of each event.
type demoHabits struct {
	late, early, absent, duty float64
}

// specialStaff picks the two ASN (after the unit heads) active over the
// whole period for the discipline examples.
func (g *demoAttendanceGen) specialStaff(staff []data.Staff, heads int, from data.Date) (near, run uint64) {
	for _, s := range staff[min(heads, len(staff)):] {
		if !s.Kind.IsASN() || !s.At(from).Active || !s.At(g.today).Active {
			continue
		}
		switch {
		case near == 0:
			near = s.ID
		case run == 0:
			run = s.ID
		}
	}
	return near, run
}

func (g *demoAttendanceGen) set(staffID uint64, d data.Date, e data.DayEntry) {
	k := monthKey{staffID, d.Year(), d.Month()}
	m := g.months[k]
	if m == nil {
		nm := data.NewAttendanceMonth(staffID, d.Year(), d.Month())
		m = &nm
		g.months[k] = m
	}
	m.Days[d.Day()] = e
}

func (g *demoAttendanceGen) has(staffID uint64, d data.Date) bool {
	m := g.months[monthKey{staffID, d.Year(), d.Month()}]
	if m == nil {
		return false
	}
	_, ok := m.Days[d.Day()]
	return ok
}

// person fills one person's working days from from through today.
func (g *demoAttendanceGen) person(s data.Staff, p demoHabits, from data.Date) {
	leaveLeft := 0
	for d := from; !d.After(g.today); d = d.AddDays(1) {
		hours, working := g.cal.DayHours(d)
		if !working || !s.At(d).Active || g.has(s.ID, d) {
			continue
		}
		if leaveLeft > 0 {
			leaveLeft--
			g.set(s.ID, d, g.leaveEntry())
			continue
		}
		switch x := g.r.Float64(); {
		case x < 0.006 && s.Kind.IsASN():
			leaveLeft = 1 + g.r.IntN(4)
			g.letter++
			g.set(s.ID, d, g.leaveEntry())
		case x < 0.006+p.duty:
			g.spt++
			g.set(s.ID, d, data.DayEntry{Code: data.CodeDL, Letter: fmt.Sprintf("090/%03d/SPT/%d", g.spt, d.Year()),
				Note: g.pick("Rapat koordinasi di kabupaten", "Monitoring desa", "Bimbingan teknis"), Source: data.SourceHand})
		case x < 0.016+p.duty:
			g.set(s.ID, d, data.DayEntry{Code: data.CodeS, Note: "Sakit, surat keterangan dokter", Source: data.SourceHand})
		case x < 0.022+p.duty:
			g.set(s.ID, d, data.DayEntry{Code: data.CodeI, Note: g.pick("Keperluan keluarga", "Mengurus dokumen"), Source: data.SourceHand})
		case x < 0.022+p.duty+p.absent:
			g.set(s.ID, d, data.DayEntry{Code: data.CodeTK, Source: data.SourceHand})
		default:
			g.set(s.ID, d, g.machineDay(hours, p))
		}
	}
}

func (g *demoAttendanceGen) leaveEntry() data.DayEntry {
	return data.DayEntry{Code: data.CodeCT, Letter: fmt.Sprintf("850/%03d/Kec", g.letter), GrantedBy: "Camat", Source: data.SourceHand}
}

// machineDay makes a day from fingerprint punches around the day's hours.
func (g *demoAttendanceGen) machineDay(h data.DayHours, p demoHabits) data.DayEntry {
	in := h.Start - 5 - g.r.IntN(30)
	if g.r.Float64() < p.late {
		in = h.Start + 1 + g.r.IntN(75)
	}
	out := h.End + g.r.IntN(40)
	if g.r.Float64() < p.early {
		out = h.End - 1 - g.r.IntN(60)
	}
	// Facts only: the times as the machine gave them; H, TL or PSW and the
	// minutes are derived when read (data.DeriveDay) under the rules in force.
	return data.DayEntry{In: data.FormatClock(in), Out: data.FormatClock(out), Source: data.SourceMachine}
}

// absentDays marks n working days of TK from start on (consecutive working
// days when run, otherwise one every two weeks or so), replacing what was there.
func (g *demoAttendanceGen) absentDays(staffID uint64, start data.Date, n int, run bool) {
	for d := start; n > 0 && !d.After(g.today); d = d.AddDays(1) {
		if !g.cal.IsWorkingDay(d) {
			continue
		}
		g.set(staffID, d, data.DayEntry{Code: data.CodeTK, Source: data.SourceHand})
		n--
		if !run {
			d = d.AddDays(10 + g.r.IntN(20))
		}
	}
}

func (g *demoAttendanceGen) pick(options ...string) string { return options[g.r.IntN(len(options))] }

// result returns the months ordered by staff and month.
func (g *demoAttendanceGen) result() []data.AttendanceMonth {
	out := make([]data.AttendanceMonth, 0, len(g.months))
	for _, m := range g.months {
		out = append(out, *m)
	}
	sortMonths(out)
	return out
}

func sortMonths(ms []data.AttendanceMonth) {
	sort.Slice(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.StaffID != b.StaffID {
			return a.StaffID < b.StaffID
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.Month < b.Month
	})
}
