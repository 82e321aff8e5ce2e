package data

// Cuti tahunan figures of PP 11/2017 and Peraturan BKN 24/2017.
const (
	// AnnualLeaveDays is the yearly entitlement after one year of service.
	AnnualLeaveDays = 12
	// MaxCarryDays is the most unused days carried into the next year (so at most 18 available).
	MaxCarryDays = 6
	// MaxLongUnusedDays is the most available, the year's own days included,
	// when no cuti tahunan was taken for two or more years in a row.
	MaxLongUnusedDays = 24
)

// LeaveYear is what one calendar year did to a person's cuti tahunan.
type LeaveYear struct {
	Year int `json:"year"`
	// Taken is the working days of cuti tahunan (CT) taken in the year.
	Taken int `json:"taken"`
	// CutiBesar is set when cuti besar was taken in the year: that year's
	// cuti tahunan is cancelled.
	CutiBesar bool `json:"cuti_besar,omitempty"`
	// Piket is the cuti bersama days the person had to work; each adds a day.
	Piket int `json:"piket,omitempty"`
}

// LeaveHistory is what the balance is computed from: the service start (the
// entitlement begins in the year one year of service is completed), the
// balance entered when the office started using the app, and the years since.
type LeaveHistory struct {
	ServiceStart Date `json:"service_start"`
	// OpeningYear is the first year the app tracks; OpeningDays the days the
	// admin found available that year (its own entitlement and carried days),
	// replacing the computed entitlement and carry-over of that year.
	OpeningYear int         `json:"opening_year"`
	OpeningDays int         `json:"opening_days"`
	Years       []LeaveYear `json:"years"`
}

// LeaveStatus is the cuti tahunan of one year.
type LeaveStatus struct {
	Year        int  `json:"year"`
	Entitlement int  `json:"entitlement"`  // 12, or 0 before one year of service
	Carried     int  `json:"carried"`      // unused days brought from the year before
	Piket       int  `json:"piket"`        // cuti bersama days worked, added
	OpeningDays int  `json:"opening_days"` // in the opening year: the balance entered, in place of Entitlement and Carried
	Available   int  `json:"available"`    // Entitlement + Carried + OpeningDays + Piket
	Taken       int  `json:"taken"`
	Remaining   int  `json:"remaining"` // Available - Taken, may be negative when over-taken
	Cancelled   bool `json:"cancelled"` // cuti besar taken this year: no cuti tahunan
	// LongUnused is set when no cuti tahunan was taken in the two years
	// before, so up to 24 days could be available instead of 18.
	LongUnused bool `json:"long_unused"`
}

// LeaveBalance returns the cuti tahunan of year from a history (PP 11/2017):
// 12 working days a year after one year of service; unused days carry into the
// next year up to 6 (at most 18 available), or up to 24 available in all when
// no cuti tahunan was taken in either of the two years before (years the
// history does not hold count as taken); taking cuti besar cancels that year's
// cuti tahunan, carried days included; each cuti bersama day worked (piket)
// adds a day. Years before OpeningYear are not tracked: their status is zero.
func LeaveBalance(h LeaveHistory, year int) LeaveStatus {
	if year < h.OpeningYear {
		return LeaveStatus{Year: year}
	}
	byYear := make(map[int]LeaveYear, len(h.Years))
	for _, y := range h.Years {
		byYear[y.Year] = y
	}
	var st LeaveStatus
	for y := h.OpeningYear; y <= year; y++ {
		st = h.yearStatus(y, st, byYear)
	}
	return st
}

func (h LeaveHistory) yearStatus(y int, prev LeaveStatus, byYear map[int]LeaveYear) LeaveStatus {
	ly := byYear[y]
	st := LeaveStatus{Year: y, Taken: ly.Taken, Piket: ly.Piket, Cancelled: ly.CutiBesar}
	if y == h.OpeningYear {
		st.OpeningDays = max(0, h.OpeningDays)
	} else {
		if h.entitled(y) {
			st.Entitlement = AnnualLeaveDays
		}
		st.LongUnused = leaveYearUnused(byYear, y-1, h.entitled(y-1)) && leaveYearUnused(byYear, y-2, h.entitled(y-2))
		limit := MaxCarryDays
		if st.LongUnused {
			limit = max(0, MaxLongUnusedDays-st.Entitlement)
		}
		st.Carried = min(max(0, prev.Remaining), limit)
	}
	if st.Cancelled {
		st.Entitlement, st.Carried, st.OpeningDays = 0, 0, 0
	}
	st.Available = st.Entitlement + st.Carried + st.OpeningDays + st.Piket
	st.Remaining = st.Available - st.Taken
	return st
}

// entitled reports whether the person has completed one year of service by
// the end of year y (an unknown service start counts as entitled).
func (h LeaveHistory) entitled(y int) bool {
	return h.ServiceStart.IsZero() || !h.ServiceStart.AddYears(1).After(NewDate(y, 12, 31))
}

// leaveYearUnused reports whether year y is in the history, had the right to cuti
// tahunan, and saw none taken.
func leaveYearUnused(byYear map[int]LeaveYear, y int, entitled bool) bool {
	ly, ok := byYear[y]
	return ok && entitled && !ly.CutiBesar && ly.Taken == 0
}

// LeaveDates returns the days a leave of code c from r.From to r.To covers:
// for cuti tahunan only the working days (PP 11/2017), for the kinds counted
// in calendar days every day of the range. An unset end gives no days.
func LeaveDates(c Code, r DateRange, cal Calendar) []Date {
	var out []Date
	if r.From.IsZero() || r.To.IsZero() {
		return nil
	}
	for d := r.From; !d.After(r.To); d = d.AddDays(1) {
		if c.CalendarDays || cal.IsWorkingDay(d) {
			out = append(out, d)
		}
	}
	return out
}

// LeaveYearOf counts, from one person's attendance months, the working days
// of cuti tahunan, whether cuti besar was taken, and the cuti bersama days
// worked (an entry of H, TL, PSW, DL or FWA on a cuti bersama day) in year.
//
// Deprecated: use LeaveYearFrom, which counts piket by category.
func LeaveYearOf(months []AttendanceMonth, year int, cal Calendar) LeaveYear {
	ly := LeaveYear{Year: year}
	for _, m := range months {
		if m.Year != year {
			continue
		}
		for day, e := range m.Days {
			if day < 1 || day > monthLength(m.Year, m.Month) {
				continue
			}
			d := m.Date(day)
			switch e.Code {
			case CodeCT:
				if cal.IsWorkingDay(d) {
					ly.Taken++
				}
			case CodeCB:
				ly.CutiBesar = true
			case CodeH, CodeTL, CodePSW, CodeDL, CodeFWA:
				if hol, ok := cal.HolidayOn(d); ok && hol.Kind == HolidayCutiBersama {
					ly.Piket++
				}
			}
		}
	}
	return ly
}
