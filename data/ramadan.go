package data

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// RamadanStatus says how sure a Ramadan range is.
type RamadanStatus string

// The statuses of a Ramadan range: fixed by the government's sidang isbat,
// or computed in advance by hisab and still waiting for it.
const (
	RamadanConfirmed RamadanStatus = "pasti"
	RamadanEstimate  RamadanStatus = "perkiraan"
)

// Label returns the Indonesian description of the status.
func (s RamadanStatus) Label() string {
	switch s {
	case RamadanConfirmed:
		return "pasti (sidang isbat)"
	case RamadanEstimate:
		return "perkiraan hisab, menunggu sidang isbat"
	}
	return string(s)
}

// ParseRamadanStatus reads "pasti"/"confirmed" or "perkiraan"/"estimate", any case.
func ParseRamadanStatus(s string) (RamadanStatus, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "pasti", "confirmed", "tetap":
		return RamadanConfirmed, true
	case "perkiraan", "estimate", "hisab":
		return RamadanEstimate, true
	}
	return "", false
}

// RamadanPeriod is the month of Ramadan of one Hijri year: the days the
// Ramadan working hours apply (Perpres 21/2023), from 1 Ramadan to the day
// before Idul Fitri, with how sure the dates are and where they come from.
type RamadanPeriod struct {
	HijriYear int           `json:"hijri_year"`
	From      Date          `json:"from"`
	To        Date          `json:"to"`
	Status    RamadanStatus `json:"status"`
	Source    string        `json:"source,omitempty"`
}

// Range returns the days of the period.
func (p RamadanPeriod) Range() DateRange { return DateRange{From: p.From, To: p.To} }

// Check returns an Indonesian description of what is wrong, or nil: both
// dates set and in order, at most 31 days, a Hijri year from 1400 to 1600 and
// a known status.
func (p RamadanPeriod) Check() error {
	switch {
	case p.HijriYear < 1400 || p.HijriYear > 1600:
		return fmt.Errorf("tahun Hijriah %d tidak wajar", p.HijriYear)
	case p.From.IsZero() || p.To.IsZero() || p.To.Before(p.From):
		return errors.New("tanggal awal dan akhir Ramadan harus diisi berurutan")
	case p.From.DaysUntil(p.To) > 30:
		return fmt.Errorf("Ramadan %s–%s lebih dari 31 hari", p.From, p.To)
	}
	if _, ok := ParseRamadanStatus(string(p.Status)); !ok {
		return fmt.Errorf("status %q tidak dikenal; pakai pasti atau perkiraan", p.Status)
	}
	return nil
}

// ramadanHeader is the header line of the Ramadan CSV.
const ramadanHeader = "hijri_year,from,to,status,source"

// ParseRamadanCSV reads Ramadan ranges in the shape of the shipped
// assets/ramadan file: lines starting with # are comments, blank lines are
// skipped, an optional header "hijri_year,from,to,status,source", then one
// year a line, "1447,2026-02-19,2026-03-20,pasti,Sidang isbat Kemenag …".
// Dates may also be day-first; the source may contain commas or be quoted.
// The periods of the good lines are returned sorted by start even when some
// lines are bad; the error is then a LineErrors naming every bad line.
func ParseRamadanCSV(r io.Reader) ([]RamadanPeriod, error) {
	out, bad := readDataLines(r, ramadanHeader, parseRamadanLine)
	sort.SliceStable(out, func(i, j int) bool { return out[i].From.Before(out[j].From) })
	if len(bad) > 0 {
		return out, bad
	}
	return out, nil
}

func parseRamadanLine(line string) (RamadanPeriod, error) {
	parts := strings.SplitN(line, ",", 5)
	if len(parts) < 4 {
		return RamadanPeriod{}, errors.New("harus berisi tahun Hijriah, tanggal awal, tanggal akhir dan status dipisah koma")
	}
	year, err := strconv.Atoi(unquoteCSVField(parts[0]))
	if err != nil {
		return RamadanPeriod{}, fmt.Errorf("tahun Hijriah %q bukan angka", shorten(unquoteCSVField(parts[0])))
	}
	var p RamadanPeriod
	p.HijriYear = year
	for i, d := range []*Date{&p.From, &p.To} {
		v, err := ParseDate(unquoteCSVField(parts[1+i]))
		if err != nil {
			return RamadanPeriod{}, err
		}
		*d = v
	}
	st, ok := ParseRamadanStatus(unquoteCSVField(parts[3]))
	if !ok {
		return RamadanPeriod{}, fmt.Errorf("status %q tidak dikenal; pakai pasti atau perkiraan", shorten(unquoteCSVField(parts[3])))
	}
	p.Status = st
	if len(parts) == 5 {
		p.Source = unquoteCSVField(parts[4])
	}
	return p, p.Check()
}

// RamadanOn returns the status of the Ramadan range holding d. A confirmed
// period wins over an estimate; a bare range of Calendar.Ramadan (entered by
// the admin) counts as confirmed.
func (c Calendar) RamadanOn(d Date) (RamadanStatus, bool) {
	found := RamadanStatus("")
	for _, p := range c.RamadanPeriods {
		if p.Range().Contains(d) {
			if p.Status == RamadanConfirmed {
				return RamadanConfirmed, true
			}
			found = RamadanEstimate
		}
	}
	for _, r := range c.Ramadan {
		if r.Contains(d) {
			return RamadanConfirmed, true
		}
	}
	return found, found != ""
}

// RamadanWeekMinutes returns the working time of a week of Ramadan hours
// (a weekday without Ramadan hours counts its usual hours).
func (s Schedule) RamadanWeekMinutes() int {
	total := 0
	for wd, h := range s.Ramadan {
		if !s.Week[wd].Works() {
			continue
		}
		if !h.Works() {
			h = s.Week[wd]
		}
		total += h.WorkMinutes()
	}
	return total
}
