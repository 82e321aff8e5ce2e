package service

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"kinerja/data"
	"kinerja/data/store"
)

// ErrNotWorkingDay is wrapped when a day is entered that is not a working
// day (a weekend, a holiday or cuti bersama): no entry is kept for it.
var ErrNotWorkingDay = errors.New("bukan hari kerja")

// DayStatus says whether a date is a working day and with which hours.
type DayStatus struct {
	Date    data.Date     `json:"date"`
	Working bool          `json:"working"`
	Hours   data.DayHours `json:"hours"`   // the day's hours (Ramadan hours inside a Ramadan range)
	Ramadan bool          `json:"ramadan"` // the date lies in a Ramadan range
	// Reason says why a day is not a working day: the holiday's name, or
	// "Sabtu"/"Minggu" for a day outside the work week.
	Reason string `json:"reason,omitempty"`
}

// WorkingDay returns the status of one date in the office calendar.
func (svc *Service) WorkingDay(d data.Date) (DayStatus, error) {
	cal, err := svc.Calendar()
	if err != nil {
		return DayStatus{}, err
	}
	return dayStatus(cal, d), nil
}

func dayStatus(cal data.Calendar, d data.Date) DayStatus {
	s := DayStatus{Date: d, Ramadan: cal.InRamadan(d)}
	s.Hours, s.Working = cal.DayHours(d)
	if s.Working || d.IsZero() {
		return s
	}
	if h, ok := cal.HolidayOn(d); ok {
		s.Reason = h.Kind.Label() + ": " + h.Name
	} else {
		s.Reason = data.DayNames[d.Weekday()]
	}
	return s
}

func notWorking(s DayStatus) error {
	return fmt.Errorf("%s (%s): %w", s.Date.Long(), s.Reason, ErrNotWorkingDay)
}

// GridRow is one staff member's line in the daily entry grid.
type GridRow struct {
	StaffID uint64    `json:"staff_id"`
	NIP     string    `json:"nip"`  // NIP, or NIK for staff without one
	Name    string    `json:"name"` // with gelar
	Kind    data.Kind `json:"kind"`
	UnitID  uint64    `json:"unit_id"`
	Unit    string    `json:"unit"`
	// Entered is false when nothing was entered for the day: show "belum
	// diisi", never H or TK. Entry is then the zero DayEntry.
	Entered bool          `json:"entered"`
	Entry   data.DayEntry `json:"entry"`
	// Codes are the codes offered for this person's kind (PPPK get only
	// their leave kinds), in list order; show them with Code.FullLabel.
	// Rows of the same kind share one slice: read it, never change it.
	Codes []data.Code `json:"codes"`
}

// DayGrid returns the grid of one working day: every staff member active on
// d (only those of unitID when it is not 0) ordered by unit and name, with
// the entry made for the day or "not entered". A date that is not a working
// day gives an error wrapping ErrNotWorkingDay.
func (svc *Service) DayGrid(d data.Date, unitID uint64) ([]GridRow, error) {
	ctx, err := svc.loadContext()
	if err != nil {
		return nil, err
	}
	status := dayStatus(ctx.cal, d)
	if !status.Working {
		return nil, notWorking(status)
	}
	months, err := svc.st.AttendanceMonths(d.Year(), d.Month())
	if err != nil {
		return nil, err
	}
	return gridRows(ctx, months, d, unitID), nil
}

// PiketGrid returns the grid of a day that is not a working day, for
// entering piket (presence on a weekend, holiday or cuti bersama): the staff
// active on d (of unitID when it is not 0) with only the codes that count as
// present. Piket is counted apart (RecapRow.Piket), never as a working day,
// and on cuti bersama adds a day of cuti tahunan (PP 11/2017). A working
// day gives DayGrid's rows.
func (svc *Service) PiketGrid(d data.Date, unitID uint64) ([]GridRow, error) {
	ctx, err := svc.loadContext()
	if err != nil {
		return nil, err
	}
	months, err := svc.st.AttendanceMonths(d.Year(), d.Month())
	if err != nil {
		return nil, err
	}
	rows := gridRows(ctx, months, d, unitID)
	if dayStatus(ctx.cal, d).Working {
		return rows, nil
	}
	for i := range rows {
		var present []data.Code
		for _, c := range rows[i].Codes {
			if c.Category == data.CategoryPresent {
				present = append(present, c)
			}
		}
		rows[i].Codes = present
	}
	return rows, nil
}

func gridRows(ctx attendanceContext, months map[uint64]data.AttendanceMonth, d data.Date, unitID uint64) []GridRow {
	rows := make([]GridRow, 0, len(ctx.staff))
	offered := map[data.Kind][]data.Code{} // one list per kind, shared by its rows: read only
	for _, s := range ctx.staff {
		at := s.At(d)
		if !at.Active || (unitID != 0 && at.UnitID != unitID) {
			continue
		}
		codes, ok := offered[s.Kind]
		if !ok {
			codes = ctx.settings.CodesForKind(s.Kind)
			offered[s.Kind] = codes
		}
		row := GridRow{StaffID: s.ID, NIP: s.Identifier(), Name: s.DisplayName(), Kind: s.Kind,
			UnitID: at.UnitID, Unit: unitName(ctx.units, at.UnitID), Codes: codes}
		row.Entry, row.Entered = months[s.ID].Entry(d)
		rows = append(rows, row)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].UnitID != rows[j].UnitID {
			return rows[i].UnitID < rows[j].UnitID
		}
		return rows[i].Name < rows[j].Name
	})
	return rows
}

// DayInput is what a person typed for one staff member on one day. Code is
// the attendance code (any case); In and Out are clock times ("07:30",
// "7.30"; "" when not recorded). A code left empty with times gets the code
// the times show (H, TL or PSW); an input with neither code nor times
// removes the day's entry, making it "not entered" again.
type DayInput struct {
	StaffID   uint64 `json:"staff_id"`
	Code      string `json:"code"`
	In        string `json:"in,omitempty"`
	Out       string `json:"out,omitempty"`
	Note      string `json:"note,omitempty"`
	Letter    string `json:"letter,omitempty"`     // SPT number for DL, letter number for cuti
	GrantedBy string `json:"granted_by,omitempty"` // who granted the leave
}

// RowError is the refusal of one DayInput, naming the staff member.
type RowError struct {
	StaffID  uint64        `json:"staff_id"`
	Name     string        `json:"name"`
	Problems data.Problems `json:"problems"`
}

func (e RowError) Error() string {
	msgs := make([]string, len(e.Problems.Errors))
	for i, fe := range e.Problems.Errors {
		msgs[i] = fe.Message
	}
	return e.Name + ": " + strings.Join(msgs, "; ")
}

// DayErrors lists every refused input of SaveDay; nothing was saved.
type DayErrors []RowError

func (es DayErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return "tidak ada yang disimpan: " + strings.Join(msgs, "; ")
}

// SaveDay saves the inputs of one day like SaveDayWarnings, dropping the
// warnings.
func (svc *Service) SaveDay(d data.Date, inputs []DayInput) error {
	_, err := svc.SaveDayWarnings(d, inputs)
	return err
}

// SaveDayWarnings saves the inputs of one day in one audited transaction, as
// hand entries by the store's actor, and returns the warnings that did not
// block (a missing letter number, TL without an arrival time, a date in the
// future, a year without a confirmed holiday list). Only facts are stored:
// the code, the times as typed (read with data.ParseTimeOfDay: 0815, 8.15,
// 08.15, 08:15), note, letter and grantor; H, TL, PSW and the minutes are
// derived when read (data.DeriveDay), so changing the hours later changes
// the figures. Each input is checked with data.CheckDayEntry under the rules
// in force and the person's kind. On a day that is not a working day only
// presence (piket) may be entered. An input equal to the entry already
// there leaves it untouched (a machine entry stays a machine entry). When
// any input is refused the error is a DayErrors naming every refused row
// (on a day off it also wraps ErrNotWorkingDay), and nothing is saved.
func (svc *Service) SaveDayWarnings(d data.Date, inputs []DayInput) ([]string, error) {
	if err := svc.checkAttendanceDates(d, d); err != nil {
		return nil, err
	}
	ctx, err := svc.loadContext()
	if err != nil {
		return nil, err
	}
	status := dayStatus(ctx.cal, d)
	byID := staffByID(ctx.staff)
	entries := make([]*data.DayEntry, len(inputs))
	var refused DayErrors
	warnings := svc.dayWarnings(ctx.cal, d)
	for i, in := range inputs {
		s, ok := byID[in.StaffID]
		if !ok || !activeOn(s, d) {
			refused = append(refused, RowError{StaffID: in.StaffID, Name: fmt.Sprintf("pegawai %d", in.StaffID),
				Problems: problem(data.FieldCode, "pegawai tidak aktif pada "+d.Long())})
			continue
		}
		e, p := entryOf(d, in, ctx.rules, s.Kind, svc.st.Actor())
		if len(p.Errors) > 0 {
			refused = append(refused, RowError{StaffID: s.ID, Name: s.DisplayName(), Problems: p})
			continue
		}
		for _, w := range p.Warnings {
			warnings = append(warnings, s.DisplayName()+": "+w.Message)
		}
		entries[i] = e
	}
	if len(refused) > 0 {
		if !status.Working {
			return nil, fmt.Errorf("%w; %w", notWorking(status), refused)
		}
		return nil, refused
	}
	keys := make([]store.MonthKey, len(inputs))
	for i, in := range inputs {
		keys[i] = store.MonthKey{StaffID: in.StaffID, YearMonth: store.MonthOf(d)}
	}
	err = svc.st.EditAttendance("isi kehadiran "+d.String(), keys, nil, func(ms map[store.MonthKey]*data.AttendanceMonth) error {
		for i, k := range keys {
			setEntry(ms[k], d, entries[i])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return warnings, nil
}

// dayWarnings are the warnings of entering anything on d: a date after
// today, a year whose holiday list is missing or provisional.
func (svc *Service) dayWarnings(cal data.Calendar, d data.Date) []string {
	var out []string
	if today := data.DateOf(svc.now()); d.After(today) {
		out = append(out, fmt.Sprintf("%s belum terjadi (hari ini %s)", d.Long(), today.Long()))
	}
	return append(out, svc.yearWarnings(cal, d.Year(), d.Year())...)
}

func problem(field, msg string) data.Problems {
	return data.Problems{Errors: []data.FieldError{{Field: field, Message: msg}}}
}

func staffByID(staff []data.Staff) map[uint64]data.Staff {
	out := make(map[uint64]data.Staff, len(staff))
	for _, s := range staff {
		out[s.ID] = s
	}
	return out
}

// entryOf turns an input of date d into the entry to save (nil: remove the
// entry). Times are stored as "HH:MM"; the code of an entry typed with times
// only is the one the times give under r (a hint: it is derived again when
// read).
func entryOf(d data.Date, in DayInput, r data.AttendanceRules, kind data.Kind, actor string) (*data.DayEntry, data.Problems) {
	e := data.DayEntry{Code: strings.ToUpper(strings.TrimSpace(in.Code)), In: strings.TrimSpace(in.In), Out: strings.TrimSpace(in.Out),
		Note: strings.TrimSpace(in.Note), Letter: strings.TrimSpace(in.Letter), GrantedBy: strings.TrimSpace(in.GrantedBy),
		Source: data.SourceHand, EnteredBy: actor}
	if e.Code == "" && e.In == "" && e.Out == "" {
		return nil, data.Problems{}
	}
	if c, ok := r.Settings.Codes.Lookup(e.Code); ok {
		e.Code = c.Code
	}
	p := data.CheckDayEntry(d, e, r, kind)
	if len(p.Errors) > 0 {
		return nil, p
	}
	for _, t := range []*string{&e.In, &e.Out} {
		if *t != "" {
			m, _ := data.ParseTimeOfDay(*t) // checked above
			*t = data.FormatClock(m)
		}
	}
	f := data.DeriveDay(d, e, r)
	if e.Code == "" || e.Code == data.CodeH || e.Code == data.CodeTL || e.Code == data.CodePSW {
		e.Code = f.Code
	}
	if f.Code == data.CodeTL && f.ArrivalMissing && f.Working {
		p.Warnings = append(p.Warnings, data.FieldError{Field: data.FieldIn,
			Message: "TL — Terlambat tanpa jam datang: dihitung jam datang tidak tercatat; isi jam datangnya bila diketahui"})
	}
	return &e, p
}

// setEntry stores e on d (nil removes the entry), keeping an existing entry
// that already says the same thing.
func setEntry(m *data.AttendanceMonth, d data.Date, e *data.DayEntry) {
	old, had := m.Days[d.Day()]
	switch {
	case e == nil:
		delete(m.Days, d.Day())
	case had && sameEntry(old, *e):
	default:
		m.Days[d.Day()] = *e
	}
}

// sameEntry reports whether two entries say the same, whoever made them.
func sameEntry(a, b data.DayEntry) bool {
	a.Source, a.EnteredBy, b.Source, b.EnteredBy = "", "", "", ""
	return a == b
}

// MarkNotEnteredAsH enters H (by hand, no times) for every staff member
// active on working day d (of unitID when it is not 0) who has no entry yet,
// in one transaction, and returns how many were marked.
func (svc *Service) MarkNotEnteredAsH(d data.Date, unitID uint64) (int, error) {
	return svc.fillNotEntered(d, unitID, "tandai hadir "+d.String(), func(GridRow) (data.DayEntry, bool) {
		return data.DayEntry{Code: data.CodeH}, true
	})
}

// CopyPreviousDay copies the entries of the previous working day to the
// staff active on working day d (of unitID when it is not 0) who have no
// entry yet, in one transaction, and returns how many were filled. The code,
// note, letter number and grantor are copied; times are not, so TL and PSW
// are copied as H. People with no entry on the previous day stay not entered.
func (svc *Service) CopyPreviousDay(d data.Date, unitID uint64) (int, error) {
	cal, err := svc.Calendar()
	if err != nil {
		return 0, err
	}
	prev := d.AddDays(-1)
	for i := 0; i < 31 && !cal.IsWorkingDay(prev); i++ {
		prev = prev.AddDays(-1)
	}
	if !cal.IsWorkingDay(prev) {
		return 0, fmt.Errorf("tidak ada hari kerja dalam sebulan sebelum %s", d.Long())
	}
	before, err := svc.st.AttendanceMonths(prev.Year(), prev.Month())
	if err != nil {
		return 0, err
	}
	return svc.fillNotEntered(d, unitID, "salin kehadiran "+prev.String()+" ke "+d.String(), func(r GridRow) (data.DayEntry, bool) {
		e, ok := before[r.StaffID].Entry(prev)
		if !ok {
			return data.DayEntry{}, false
		}
		if e.Code == data.CodeTL || e.Code == data.CodePSW {
			e.Code = data.CodeH
		}
		return data.DayEntry{Code: e.Code, Note: e.Note, Letter: e.Letter, GrantedBy: e.GrantedBy}, true
	})
}

// fillNotEntered enters, for each not-entered row of the day's grid, what
// fill gives (as a hand entry by the store's actor), skipping a code not
// offered for the person's kind.
func (svc *Service) fillNotEntered(d data.Date, unitID uint64, action string, fill func(GridRow) (data.DayEntry, bool)) (int, error) {
	if err := svc.checkAttendanceDates(d, d); err != nil {
		return 0, err
	}
	rows, err := svc.DayGrid(d, unitID)
	if err != nil {
		return 0, err
	}
	r, err := svc.rules()
	if err != nil {
		return 0, err
	}
	entries := map[store.MonthKey]data.DayEntry{}
	var keys []store.MonthKey
	for _, row := range rows {
		if row.Entered {
			continue
		}
		e, ok := fill(row)
		if !ok {
			continue
		}
		e.Source, e.EnteredBy = data.SourceHand, svc.st.Actor()
		if len(data.CheckDayEntry(d, e, r, row.Kind).Errors) > 0 {
			continue
		}
		k := store.MonthKey{StaffID: row.StaffID, YearMonth: store.MonthOf(d)}
		keys = append(keys, k)
		entries[k] = e
	}
	n := 0
	if len(keys) == 0 {
		return 0, nil
	}
	err = svc.st.EditAttendance(action, keys, nil, func(ms map[store.MonthKey]*data.AttendanceMonth) error {
		n = 0
		for _, k := range keys {
			if _, had := ms[k].Days[d.Day()]; had {
				continue
			}
			ms[k].Days[d.Day()] = entries[k]
			n++
		}
		return nil
	})
	return n, err
}
