package data

import (
	"fmt"
	"strings"
	"time"
)

// Category says how an attendance code counts (docs/aturan.md §3.1).
type Category string

// The categories of attendance code.
const (
	CategoryPresent    Category = "present"     // at work, in or out of the office
	CategoryExcused    Category = "excused"     // away with a reason that is not leave
	CategoryLeave      Category = "leave"       // cuti granted with a form
	CategoryAbsent     Category = "absent"      // tanpa keterangan; counts toward PP 94/2021
	CategoryNonWorking Category = "non_working" // not a working day
)

// Categories lists every Category in display order.
var Categories = []Category{CategoryPresent, CategoryExcused, CategoryLeave, CategoryAbsent, CategoryNonWorking}

// Label returns the Indonesian name of the category.
func (c Category) Label() string {
	switch c {
	case CategoryPresent:
		return "Hadir"
	case CategoryExcused:
		return "Tidak hadir dengan keterangan"
	case CategoryLeave:
		return "Cuti"
	case CategoryAbsent:
		return "Tanpa keterangan"
	case CategoryNonWorking:
		return "Bukan hari kerja"
	}
	return string(c)
}

// The default attendance codes (docs/aturan.md §3.1). The rules (recap, TPP, PP
// 94/2021, leave) recognise these codes by their ID; a code an office adds
// itself is listed and counted under "lainnya" in the recap.
const (
	CodeH    = "H"
	CodeTL   = "TL"
	CodePSW  = "PSW"
	CodeDL   = "DL"
	CodeFWA  = "FWA"
	CodeTB   = "TB"
	CodeS    = "S"
	CodeI    = "I"
	CodeCT   = "CT"
	CodeCB   = "CB"
	CodeCS   = "CS"
	CodeCM   = "CM"
	CodeCAP  = "CAP"
	CodeCLTN = "CLTN"
	CodeTK   = "TK"
	CodeLIB  = "LIB"
)

// Code is one attendance code of the office's configurable list.
type Code struct {
	Code     string   `json:"code"`
	Label    string   `json:"label"`
	Category Category `json:"category"`
	// NeedsMinutes: the entry records minutes late (TL) or short (PSW).
	NeedsMinutes bool `json:"needs_minutes,omitempty"`
	// NeedsLetter: the entry records a letter number — the Surat Perintah
	// Tugas for DL, the leave form (Peraturan BKN 24/2017) for cuti.
	NeedsLetter bool `json:"needs_letter,omitempty"`
	// NeedsGrantor: the entry records who granted the leave.
	NeedsGrantor bool `json:"needs_grantor,omitempty"`
	// CalendarDays: leave of this kind runs in calendar days (CB, CS, CM, CAP,
	// CLTN); otherwise a range counts working days only (CT).
	CalendarDays bool `json:"calendar_days,omitempty"`
	// NotForPPPK: not offered to PPPK, who have only cuti tahunan, sakit,
	// melahirkan and cuti bersama among the leave kinds.
	NotForPPPK bool `json:"not_for_pppk,omitempty"`
}

// FullLabel returns the code with its label, "TL — Terlambat": a bare code is
// ambiguous (some offices read TL as Tugas Luar).
func (c Code) FullLabel() string { return c.Code + " — " + c.Label }

// AllowedFor reports whether the code is offered for staff of kind k.
func (c Code) AllowedFor(k Kind) bool { return !(c.NotForPPPK && k.IsPPPK()) }

// Codes is the office's list of attendance codes in display order.
type Codes []Code

// DefaultCodes returns the default code list (docs/aturan.md §3.1).
func DefaultCodes() Codes {
	leave := func(code, label string, calendarDays, notPPPK bool) Code {
		return Code{Code: code, Label: label, Category: CategoryLeave, NeedsLetter: true, NeedsGrantor: true,
			CalendarDays: calendarDays, NotForPPPK: notPPPK}
	}
	return Codes{
		{Code: CodeH, Label: "Hadir", Category: CategoryPresent},
		{Code: CodeTL, Label: "Terlambat", Category: CategoryPresent, NeedsMinutes: true},
		{Code: CodePSW, Label: "Pulang Sebelum Waktunya", Category: CategoryPresent, NeedsMinutes: true},
		{Code: CodeDL, Label: "Dinas Luar", Category: CategoryPresent, NeedsLetter: true},
		{Code: CodeFWA, Label: "Tugas Kedinasan Fleksibel", Category: CategoryPresent},
		{Code: CodeTB, Label: "Tugas Belajar", Category: CategoryExcused},
		{Code: CodeS, Label: "Sakit", Category: CategoryExcused},
		{Code: CodeI, Label: "Izin", Category: CategoryExcused},
		leave(CodeCT, "Cuti Tahunan", false, false),
		leave(CodeCB, "Cuti Besar", true, true),
		leave(CodeCS, "Cuti Sakit", true, false),
		leave(CodeCM, "Cuti Melahirkan", true, false),
		leave(CodeCAP, "Cuti Karena Alasan Penting", true, true),
		leave(CodeCLTN, "Cuti di Luar Tanggungan Negara", true, true),
		{Code: CodeTK, Label: "Tanpa Keterangan", Category: CategoryAbsent},
		{Code: CodeLIB, Label: "Libur / Cuti Bersama", Category: CategoryNonWorking},
	}
}

// Check returns an Indonesian description of the first problem in an edited
// code list, or nil: every code needs an ID of letters and digits (at most 6),
// unique ignoring case, a label, and a known category.
func (cs Codes) Check() error {
	seen := map[string]bool{}
	for i, c := range cs {
		id := strings.ToUpper(c.Code)
		if id == "" || len(id) > 6 || strings.Trim(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != "" {
			return fmt.Errorf("kode baris %d (%q) harus 1–6 huruf atau angka", i+1, c.Code)
		}
		if seen[id] {
			return fmt.Errorf("kode %s tercantum dua kali", id)
		}
		seen[id] = true
		if strings.TrimSpace(c.Label) == "" {
			return fmt.Errorf("kode %s belum diberi keterangan", id)
		}
		known := false
		for _, cat := range Categories {
			known = known || c.Category == cat
		}
		if !known {
			return fmt.Errorf("kode %s: golongan %q tidak dikenal", id, c.Category)
		}
	}
	return nil
}

// Lookup finds a code by its ID, ignoring case and surrounding spaces.
func (cs Codes) Lookup(code string) (Code, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	for _, c := range cs {
		if strings.ToUpper(c.Code) == code {
			return c, true
		}
	}
	return Code{}, false
}

// FullLabels maps every code of the list to its full label, "TL — Terlambat".
func (cs Codes) FullLabels() map[string]string {
	out := make(map[string]string, len(cs))
	for _, c := range cs {
		out[c.Code] = c.FullLabel()
	}
	return out
}

// CodeLabel returns "TL — Terlambat" for a known code and the bare code otherwise.
func (cs Codes) CodeLabel(code string) string {
	if c, ok := cs.Lookup(code); ok {
		return c.FullLabel()
	}
	return code
}

// CodesFor returns the codes offered for staff of kind k, in list order.
func (cs Codes) CodesFor(k Kind) []Code {
	out := make([]Code, 0, len(cs))
	for _, c := range cs {
		if c.AllowedFor(k) {
			out = append(out, c)
		}
	}
	return out
}

// Source says how an attendance entry was made.
type Source string

// The sources of an entry.
const (
	SourceHand    Source = "hand"    // typed by a person; an import never overwrites it unasked
	SourceMachine Source = "machine" // from a fingerprint-machine log
)

// DayEntry is the attendance of one person on one day, as stored.
//
// Facts (what was observed or decided): In and Out, the clock times "HH:MM"
// of arrival and departure ("" when not recorded); Punch, a single machine
// punch whose role (arrival or departure) is decided by the day's hours when
// read; Code when it is not H, TL or PSW (a decision: DL, S, CT, TK, …);
// Note, Letter, GrantedBy, Source, EnteredBy, and Confirmed.
//
// Derived (see DeriveDay): the code H, TL or PSW of a day with times, the
// minutes late and short, the TPP bands and the minutes for the 7.5-hour rule
// all follow from the times and the rules in force when read. Code may still
// hold H, TL or PSW as a hint for older readers. LateMinutes and
// EarlyMinutes are kept only for entries written by older versions; they are
// read only when the entry has no times at all (a figure typed by hand).
type DayEntry struct {
	Code string `json:"code"`
	In   string `json:"in,omitempty"`
	Out  string `json:"out,omitempty"`
	// Punch is a lone fingerprint punch ("HH:MM", In and Out empty): before
	// the middle of the day's hours it is the arrival, else the departure.
	Punch string `json:"punch,omitempty"`
	// Deprecated: minutes are derived when read (DeriveDay); do not store
	// them. Read only for an old entry without times.
	LateMinutes int `json:"late_minutes,omitempty"`
	// Deprecated: see LateMinutes.
	EarlyMinutes int    `json:"early_minutes,omitempty"`
	Note         string `json:"note,omitempty"`
	Letter       string `json:"letter,omitempty"`     // SPT number (DL) or leave letter number
	GrantedBy    string `json:"granted_by,omitempty"` // who granted the leave
	Source       Source `json:"source"`
	EnteredBy    string `json:"entered_by,omitempty"`
	// Confirmed records that the admin looked at an incomplete record (an
	// arrival or departure not recorded) and lets it stand; the figures do
	// not change (see IncompleteDays).
	Confirmed bool `json:"confirmed,omitempty"`
}

// AttendanceMonth is the attendance of one staff member for one month — one
// stored record. Days maps the day of the month to its entry; a day missing
// from Days has not been entered.
type AttendanceMonth struct {
	StaffID uint64           `json:"staff_id"`
	Year    int              `json:"year"`
	Month   time.Month       `json:"month"`
	Days    map[int]DayEntry `json:"days"`
}

// NewAttendanceMonth returns an empty month for one staff member.
func NewAttendanceMonth(staffID uint64, year int, month time.Month) AttendanceMonth {
	return AttendanceMonth{StaffID: staffID, Year: year, Month: month, Days: map[int]DayEntry{}}
}

// Contains reports whether d falls in this month.
func (m AttendanceMonth) Contains(d Date) bool { return d.Year() == m.Year && d.Month() == m.Month }

// Date returns the date of a day of this month.
func (m AttendanceMonth) Date(day int) Date { return NewDate(m.Year, m.Month, day) }

// Entry returns the entry of date d and whether one was made.
func (m AttendanceMonth) Entry(d Date) (DayEntry, bool) {
	if !m.Contains(d) {
		return DayEntry{}, false
	}
	e, ok := m.Days[d.Day()]
	return e, ok
}

// Set stores the entry of date d, which must fall in this month.
func (m *AttendanceMonth) Set(d Date, e DayEntry) error {
	if !m.Contains(d) {
		return fmt.Errorf("tanggal %s tidak termasuk bulan %s %d", d.Long(), MonthNames[m.Month-1], m.Year)
	}
	if m.Days == nil {
		m.Days = map[int]DayEntry{}
	}
	m.Days[d.Day()] = e
	return nil
}

// Field names of a DayEntry, for FieldError.Field.
const (
	FieldCode         = "code"
	FieldIn           = "in"
	FieldOut          = "out"
	FieldLateMinutes  = "late_minutes"
	FieldEarlyMinutes = "early_minutes"
	FieldLetter       = "letter"
	FieldGrantedBy    = "granted_by"
)

// CheckEntry checks one entry for staff of kind k against the code list:
// an unknown code, a code not offered for the kind, unreadable times or
// negative minutes, a note, letter number or grantor longer than its Batas
// isian are errors; a missing letter number or grantor is a warning
// (it may be filled in later).
func CheckEntry(e DayEntry, codes Codes, k Kind) Problems {
	var p Problems
	c, ok := codes.Lookup(e.Code)
	switch {
	case !ok:
		p.Errors = append(p.Errors, FieldError{FieldCode, fmt.Sprintf("kode %q tidak ada dalam daftar kode kehadiran", e.Code)})
	case !c.AllowedFor(k):
		p.Errors = append(p.Errors, FieldError{FieldCode, fmt.Sprintf("%s tidak berlaku untuk %s", c.FullLabel(), k)})
	}
	for _, f := range []struct{ field, label, value string }{{FieldIn, "jam datang", e.In}, {FieldOut, "jam pulang", e.Out}} {
		if _, err := ParseClock(f.value); f.value != "" && err != nil {
			p.Errors = append(p.Errors, FieldError{f.field, f.label + ": " + err.Error()})
		}
	}
	if e.LateMinutes < 0 {
		p.Errors = append(p.Errors, FieldError{FieldLateMinutes, "menit terlambat tidak boleh negatif"})
	}
	if e.EarlyMinutes < 0 {
		p.Errors = append(p.Errors, FieldError{FieldEarlyMinutes, "menit pulang cepat tidak boleh negatif"})
	}
	p.Errors = append(p.Errors, lenErrors(
		lenCheck{FieldNote, "Keterangan", e.Note, MaxNoteRunes},
		lenCheck{FieldLetter, "Nomor surat", e.Letter, MaxLetterRunes},
		lenCheck{FieldGrantedBy, "Pejabat pemberi", e.GrantedBy, MaxLetterRunes},
	)...)
	if ok && c.NeedsLetter && strings.TrimSpace(e.Letter) == "" {
		what := "nomor surat"
		if c.Code == CodeDL {
			what = "nomor Surat Perintah Tugas"
		}
		p.Warnings = append(p.Warnings, FieldError{FieldLetter, what + " untuk " + c.FullLabel() + " belum diisi"})
	}
	if ok && c.NeedsGrantor && strings.TrimSpace(e.GrantedBy) == "" {
		p.Warnings = append(p.Warnings, FieldError{FieldGrantedBy, "pejabat pemberi " + c.FullLabel() + " belum diisi"})
	}
	return p
}
