package data

import (
	"fmt"
	"sort"
	"unicode/utf8"
)

// Batas isian (docs/aturan.md §10.1): the longest text each kind of field
// takes, counted in characters (runes), and the window of years a date may
// fall in. They keep one mistyped or pasted value — a 10 MB name, a TMT in
// 1900 — from being stored and then printed, cut or counted.
const (
	// MaxNameRunes bounds a person's name (without gelar), an official's
	// name with gelar, and the names of the office and its units.
	MaxNameRunes = 200
	// MaxGelarRunes bounds a gelar depan or gelar belakang.
	MaxGelarRunes = 50
	// MaxPlaceRunes bounds a place: tempat lahir, kota of the signature line.
	MaxPlaceRunes = 100
	// MaxPositionRunes bounds a jabatan, a unit kerja, an instansi and a
	// pangkat written out.
	MaxPositionRunes = 200
	// MaxLetterRunes bounds a letter number (nomor SK, nomor surat) and the
	// name of who granted a leave.
	MaxLetterRunes = 200
	// MaxAddressRunes bounds the office address of the kop surat.
	MaxAddressRunes = 500
	// MaxReasonRunes bounds a reason: why a NIP disagrees, why an
	// evaluation is reopened.
	MaxReasonRunes = 1000
	// MaxNoteRunes bounds free text: notes, catatan, umpan balik, realisasi,
	// keberatan, the hasil kerja texts of an SKP.
	MaxNoteRunes = 2000
)

// The window of years a date may fall in (docs/aturan.md §10.1).
const (
	// MinServiceYear is the earliest year of a TMT, a history event or a
	// contract start.
	MinServiceYear = 1950
	// MinBirthYear is the earliest year of birth.
	MinBirthYear = 1940
	// MinStaffAge is the youngest age, in whole years on the reference day,
	// of a person in the register.
	MinStaffAge = 17
	// MinAttendanceYear is the earliest year of an attendance day, a
	// fingerprint punch or a leave.
	MinAttendanceYear = 2000
	// YearsAhead is how far past the current year a TMT, a history event or
	// an attendance day may lie: one year.
	YearsAhead = 1
	// MaxContractYears bounds how far a PPPK contract may end after it
	// starts.
	MaxContractYears = 10
)

// TooLong returns the Indonesian message for value when it has more than max
// runes, naming the field by label and giving the length found; "" when it fits.
func TooLong(label, value string, max int) string {
	n := utf8.RuneCountInString(value)
	if n <= max {
		return ""
	}
	return fmt.Sprintf("%s terlalu panjang: %d karakter, paling banyak %d.", label, n, max)
}

// Shorten cuts a value quoted back in a message to 60 characters, so a
// pasted page of text is named, not repeated.
func Shorten(s string) string {
	const limit = 60
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	return string([]rune(s)[:limit]) + "…"
}

// checkLen adds an error on field when value is longer than max runes.
func (p *Problems) checkLen(field, label, value string, max int) {
	if msg := TooLong(label, value, max); msg != "" {
		p.errorf(field, "%s", msg)
	}
}

// lenErrors returns the FieldErrors of the (field, label, value, max) checks
// that fail.
func lenErrors(checks ...lenCheck) []FieldError {
	var errs []FieldError
	for _, c := range checks {
		if msg := TooLong(c.label, c.value, c.max); msg != "" {
			errs = append(errs, FieldError{Field: c.field, Message: msg})
		}
	}
	return errs
}

// lenCheck is one length check for lenErrors.
type lenCheck struct {
	field, label, value string
	max                 int
}

// YearWindowError returns the Indonesian message for d when its year falls
// outside from..to (to ignored when 0), naming the date by label; "" when
// inside or d is unset.
func YearWindowError(label string, d Date, from, to int) string {
	switch {
	case d.IsZero():
		return ""
	case d.Year() < from:
		return fmt.Sprintf("%s (%s) terlalu lampau; tahun paling awal %d.", label, d.Long(), from)
	case to != 0 && d.Year() > to:
		return fmt.Sprintf("%s (%s) terlalu jauh ke depan; tahun paling akhir %d.", label, d.Long(), to)
	}
	return ""
}

// ServiceDateError checks a TMT, history event or contract start against
// MinServiceYear..(today's year + YearsAhead); a zero today leaves the upper
// end open. It returns "" when the date is inside or unset.
func ServiceDateError(label string, d, today Date) string {
	return YearWindowError(label, d, MinServiceYear, aheadYear(today))
}

// CheckAttendanceDate refuses an attendance day, punch or leave day outside
// MinAttendanceYear..(today's year + YearsAhead), with an Indonesian message.
// A year inside the window with no holiday list is accepted.
func CheckAttendanceDate(d, today Date) error {
	if msg := YearWindowError("Tanggal kehadiran", d, MinAttendanceYear, aheadYear(today)); msg != "" {
		return FieldError{Field: FieldDate, Message: msg}
	}
	return nil
}

// FieldDate is the FieldError.Field of a date outside its window; FieldNote
// that of the keterangan of an attendance entry.
const (
	FieldDate = "date"
	FieldNote = "note"
)

func aheadYear(today Date) int {
	if today.IsZero() {
		return 0
	}
	return today.Year() + YearsAhead
}

// FilterPunchWindow splits punches into those whose day is inside the
// attendance window (CheckAttendanceDate) and appends a LineError, with the
// line and the date, to bad for each one outside it.
func FilterPunchWindow(punches []Punch, bad []LineError, today Date) ([]Punch, []LineError) {
	kept := punches[:0:0]
	for _, p := range punches {
		if err := CheckAttendanceDate(DateOf(p.At), today); err != nil {
			bad = append(bad, LineError{Line: p.Line, Text: p.PIN + " " + p.At.Format("2006-01-02 15:04:05"), Message: err.Error()})
			continue
		}
		kept = append(kept, p)
	}
	sort.SliceStable(bad, func(i, j int) bool { return bad[i].Line < bad[j].Line })
	return kept, bad
}
