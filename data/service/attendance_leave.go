package service

import (
	"fmt"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/data/store"
)

// LeaveRequest is a leave (or another absence over several days, such as DL
// with one Surat Perintah Tugas) entered over a date range.
type LeaveRequest struct {
	StaffID   uint64    `json:"staff_id"`
	Code      string    `json:"code"` // CT, CB, CS, CM, CAP, CLTN, or S, I, TB, DL, FWA
	From      data.Date `json:"from"`
	To        data.Date `json:"to"`
	GrantedBy string    `json:"granted_by"` // who granted it
	Letter    string    `json:"letter"`     // the leave form's or SPT's number
	Note      string    `json:"note,omitempty"`
	// Reason and Address are the form's Alasan Cuti and Alamat selama
	// Menjalankan Cuti (Peraturan BKN 24/2017), kept with the grant.
	Reason  string `json:"reason,omitempty"`
	Address string `json:"address,omitempty"`
	// Overwrite replaces entries already made on days of the range; without
	// it such days make EnterLeave fail with a *LeaveConflictError.
	Overwrite bool `json:"overwrite,omitempty"`
}

// LeaveConflictError lists the days of a leave range that already hold a
// different entry; nothing was saved.
type LeaveConflictError struct {
	Dates []data.Date
}

func (e *LeaveConflictError) Error() string {
	days := make([]string, len(e.Dates))
	for i, d := range e.Dates {
		days[i] = d.Slash()
	}
	return "sudah ada isian kehadiran pada " + strings.Join(days, ", ") + "; pilih timpa untuk menggantinya"
}

// LeaveDays returns the days a request covers in the office calendar: for
// cuti tahunan and the other codes counted in working days only the working
// days, for CB, CS, CM, CAP and CLTN every calendar day (PP 11/2017;
// docs/aturan.md §4.1).
func (svc *Service) LeaveDays(code string, from, to data.Date) ([]data.Date, error) {
	r, err := svc.rules()
	if err != nil {
		return nil, err
	}
	c, ok := r.Settings.Codes.Lookup(code)
	if !ok {
		return nil, fmt.Errorf("kode %q tidak ada dalam daftar kode kehadiran", code)
	}
	return data.LeaveDates(c, data.DateRange{From: from, To: to}, r.Calendar), nil
}

// LeaveResult is what entering a leave did: the days it counts and the
// warnings that did not block (data.CheckLeave, a missing letter number or
// grantor, a year without a confirmed holiday list).
type LeaveResult struct {
	Days     int      `json:"days"`
	Warnings []string `json:"warnings,omitempty"`
}

// EnterLeave is AddLeave returning only the number of days.
func (svc *Service) EnterLeave(req LeaveRequest) (int, error) {
	res, err := svc.AddLeave(req)
	return res.Days, err
}

// AddLeave enters a leave over req.From..req.To in one audited transaction
// and keeps the grant (letter number, grantor, reason, address) for the
// leave form (LeaveForm). The request is checked with data.CheckLeave under
// the rules in force: a code not allowed for the person's kind (PPPK have
// only cuti tahunan, sakit and melahirkan; Non-ASN only the office's
// codes), cuti besar before five years of service and cuti tahunan over the
// remaining balance (PP 11/2017) are refused with the *data.RuleError naming
// the rule. It also refuses the time-based codes H, TL and PSW, a range
// outside the person's active days, and — unless req.Overwrite — a range
// crossing days that already hold a different entry (*LeaveConflictError).
// It counts working days for cuti tahunan, calendar days for CB, CS, CM,
// CAP and CLTN.
func (svc *Service) AddLeave(req LeaveRequest) (LeaveResult, error) {
	if req.From.IsZero() || req.To.IsZero() || req.To.Before(req.From) {
		return LeaveResult{}, fmt.Errorf("rentang tanggal %s–%s tidak sah", req.From.Slash(), req.To.Slash())
	}
	if req.From.DaysUntil(req.To) > 3*366 {
		return LeaveResult{}, fmt.Errorf("rentang tanggal %s–%s lebih dari tiga tahun", req.From.Slash(), req.To.Slash())
	}
	if err := svc.checkAttendanceDates(req.From, req.To); err != nil {
		return LeaveResult{}, err
	}
	person, err := svc.st.StaffByID(req.StaffID)
	if err != nil {
		return LeaveResult{}, err
	}
	r, err := svc.rules()
	if err != nil {
		return LeaveResult{}, err
	}
	c, ok := r.Settings.Codes.Lookup(req.Code)
	switch {
	case ok && (c.Code == data.CodeH || c.Code == data.CodeTL || c.Code == data.CodePSW):
		return LeaveResult{}, fmt.Errorf("%s diisi per hari, bukan untuk rentang tanggal", c.FullLabel())
	case !person.At(req.From).Active || !person.At(req.To).Active:
		return LeaveResult{}, fmt.Errorf("%s tidak aktif di kantor ini pada seluruh rentang %s–%s", person.DisplayName(), req.From.Slash(), req.To.Slash())
	}
	lr := data.LeaveRequest{Code: req.Code, Kind: person.Kind, From: req.From, To: req.To, ServiceStart: serviceStart(person)}
	if ok && c.Code == data.CodeCT {
		bal, err := svc.LeaveStatus(person.ID, req.From.Year())
		if err != nil {
			return LeaveResult{}, err
		}
		lr.Balance = &bal
	}
	dates, warns, err := data.CheckLeave(lr, r)
	if err != nil {
		return LeaveResult{}, err
	}
	entry := data.DayEntry{Code: c.Code, Note: strings.TrimSpace(req.Note), Letter: strings.TrimSpace(req.Letter),
		GrantedBy: strings.TrimSpace(req.GrantedBy), Source: data.SourceHand, EnteredBy: svc.st.Actor()}
	res := LeaveResult{Days: len(dates)}
	for _, w := range warns {
		res.Warnings = append(res.Warnings, w.Message)
	}
	if c.NeedsLetter && entry.Letter == "" {
		res.Warnings = append(res.Warnings, "nomor surat untuk "+c.FullLabel()+" belum diisi")
	}
	if c.NeedsGrantor && entry.GrantedBy == "" {
		res.Warnings = append(res.Warnings, "pejabat pemberi "+c.FullLabel()+" belum diisi")
	}
	res.Warnings = append(res.Warnings, svc.yearWarnings(r.Calendar, req.From.Year(), req.To.Year())...)
	var keys []store.MonthKey
	for ym := store.MonthOf(req.From); !store.MonthOf(req.To).Before(ym); ym = ym.Next() {
		keys = append(keys, store.MonthKey{StaffID: person.ID, YearMonth: ym})
	}
	err = svc.st.EditAttendance("isi cuti "+c.Code, keys, nil, func(ms map[store.MonthKey]*data.AttendanceMonth) error {
		var conflicts []data.Date
		for _, d := range dates {
			m := ms[store.MonthKey{StaffID: person.ID, YearMonth: store.MonthOf(d)}]
			if old, had := m.Days[d.Day()]; had && !sameEntry(old, entry) && !req.Overwrite {
				conflicts = append(conflicts, d)
				continue
			}
			setEntry(m, d, &entry)
		}
		if len(conflicts) > 0 {
			return &LeaveConflictError{Dates: conflicts}
		}
		return nil
	})
	if err != nil {
		return LeaveResult{}, err
	}
	g := LeaveGrant{StaffID: person.ID, Code: c.Code, From: req.From, To: req.To, Days: len(dates), Letter: entry.Letter,
		GrantedBy: entry.GrantedBy, Reason: strings.TrimSpace(req.Reason), Address: strings.TrimSpace(req.Address), Note: entry.Note,
		EnteredBy: svc.st.Actor(), EnteredOn: data.DateOf(svc.now())}
	if err := svc.saveGrant(g); err != nil {
		return res, fmt.Errorf("cuti tersimpan, tetapi data formulirnya tidak: %w", err)
	}
	return res, nil
}

// LeaveStatus returns a person's cuti tahunan for year (data.LeaveBalance):
// the entitlement, carried days, cuti bersama days worked, taken and
// remaining. The history starts at the opening balance entered for the
// person (store.SetLeaveOpening); without one it starts in the first of the
// five years before year that holds attendance (or year itself) with that
// year's own entitlement. The service start is the TMT CPNS of a PNS's or
// CPNS's NIP, the contract start of PPPK, else the start at this office.
func (svc *Service) LeaveStatus(staffID uint64, year int) (data.LeaveStatus, error) {
	person, err := svc.st.StaffByID(staffID)
	if err != nil {
		return data.LeaveStatus{}, err
	}
	r, err := svc.rules()
	if err != nil {
		return data.LeaveStatus{}, err
	}
	return svc.leaveStatus(person, year, r)
}

// leaveStatus is LeaveStatus under the rules r: the years are counted with
// data.LeaveYearFrom (cuti tahunan taken on working days, cuti besar, and
// one day added for each cuti bersama day worked).
func (svc *Service) leaveStatus(person data.Staff, year int, r data.AttendanceRules) (data.LeaveStatus, error) {
	staffID := person.ID
	h := data.LeaveHistory{ServiceStart: serviceStart(person)}
	opening, found, err := svc.st.LeaveOpening(staffID)
	if err != nil {
		return data.LeaveStatus{}, err
	}
	from := year - 5
	if found {
		from = opening.Year
	}
	if from > year {
		return data.LeaveStatus{Year: year}, nil
	}
	all, err := svc.st.AttendanceBetween([]uint64{staffID}, store.YearMonth{Year: from, Month: time.January}, store.YearMonth{Year: year, Month: time.December})
	if err != nil {
		return data.LeaveStatus{}, err
	}
	months := all[staffID]
	h.OpeningYear, h.OpeningDays = opening.Year, opening.Days
	if !found {
		h.OpeningYear = year
		if len(months) > 0 {
			h.OpeningYear = months[0].Year
		}
		if ent := (data.LeaveHistory{ServiceStart: h.ServiceStart, OpeningYear: h.OpeningYear - 1}); data.LeaveBalance(ent, h.OpeningYear).Entitlement > 0 {
			h.OpeningDays = data.AnnualLeaveDays
		}
	}
	for y := h.OpeningYear; y <= year; y++ {
		h.Years = append(h.Years, data.LeaveYearFrom(months, y, r))
	}
	return data.LeaveBalance(h, year), nil
}

// serviceStart returns when a person's service began, for the cuti tahunan
// entitlement after one year of service.
func serviceStart(s data.Staff) data.Date {
	switch {
	case s.Kind == data.KindPNS || s.Kind == data.KindCPNS:
		if n, err := data.ParseNIP(s.NIP, data.Date{}); err == nil {
			return data.NewDate(n.TMTYear, time.Month(n.TMTMonth), 1)
		}
	case s.Kind.IsPPPK() && !s.ContractStart.IsZero():
		return s.ContractStart
	}
	return s.StartDate()
}
