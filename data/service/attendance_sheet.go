package service

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"kinerja/data"
	"kinerja/export/pdf"
)

// AttendanceSheet renders the blank daftar hadir (docs/aturan.md §3.5) for the days
// from through to (from == to for one day, at most pdf.SheetMaxDays days):
// every staff member active on at least one working day of the range (only
// those then in unitID, when it is not 0), ordered by unit and name, with
// the kop surat and the signature blocks of the recaps dated the last
// working day. Days off get no column and are listed by name. A range
// without a working day is refused with an error wrapping ErrNotWorkingDay.
func (svc *Service) AttendanceSheet(from, to data.Date, unitID uint64) ([]byte, error) {
	switch {
	case from.IsZero() || to.IsZero():
		return nil, errors.New("daftar hadir: tanggal belum diisi")
	case to.Before(from):
		return nil, fmt.Errorf("daftar hadir: tanggal akhir %s sebelum tanggal awal %s", to.Long(), from.Long())
	}
	if n := from.DaysUntil(to) + 1; n > pdf.SheetMaxDays {
		return nil, fmt.Errorf("daftar hadir: %d hari; paling banyak %d hari dalam satu daftar", n, pdf.SheetMaxDays)
	}
	ctx, err := svc.loadContext()
	if err != nil {
		return nil, err
	}
	if unitID != 0 && data.UnitName(ctx.units, unitID) == "" {
		return nil, fmt.Errorf("daftar hadir: unit %d tidak dikenal", unitID)
	}
	days, working := sheetDays(ctx.cal, from, to)
	if len(working) == 0 {
		if from.Equal(to) {
			return nil, fmt.Errorf("daftar hadir tidak dibuat: %w", notWorking(dayStatus(ctx.cal, from)))
		}
		return nil, fmt.Errorf("daftar hadir tidak dibuat: %s sampai %s semuanya %w", from.Long(), to.Long(), ErrNotWorkingDay)
	}
	staff := sheetStaff(ctx, working, unitID)
	if len(staff) == 0 {
		where := ""
		if unitID != 0 {
			where = " di " + unitName(ctx.units, unitID)
		}
		return nil, fmt.Errorf("daftar hadir tidak dibuat: tidak ada pegawai aktif%s dari %s sampai %s", where, from.Long(), to.Long())
	}
	last := working[len(working)-1]
	common, ack, prep, err := svc.recapFrame(last)
	if err != nil {
		return nil, fmt.Errorf("daftar hadir: %w", err)
	}
	// Only the issuing signer dates the sheet, as on the recap; the Camat's
	// "Mengetahui," block carries no place and date.
	ack.NoPlaceDate = true
	common.DocumentID = "DH-" + from.String()
	if !from.Equal(to) {
		common.DocumentID += "-" + to.String()
	}
	sheet := pdf.Sheet{Common: common, Days: days, Staff: staff, Acknowledged: ack, Prepared: prep}
	if unitID != 0 {
		sheet.Unit = "Unit kerja: " + unitName(ctx.units, unitID)
	}
	return pdf.AttendanceSheet(sheet)
}

// sheetDays formats the days from through to for the sheet and returns the
// working ones. A day off says why: the holiday's name and kind, or "bukan
// hari kerja" for a day outside the work week.
func sheetDays(cal data.Calendar, from, to data.Date) ([]pdf.SheetDay, []data.Date) {
	var days []pdf.SheetDay
	var working []data.Date
	for d := from; !d.After(to); d = d.AddDays(1) {
		day := pdf.SheetDay{Weekday: data.DayNames[d.Weekday()], Date: d.Long(), Short: fmt.Sprintf("%02d/%02d", d.Day(), int(d.Month()))}
		switch h, holiday := cal.HolidayOn(d); {
		case cal.IsWorkingDay(d):
			working = append(working, d)
		case holiday:
			day.Off = h.Name + " — " + strings.ToLower(h.Kind.Label())
		default:
			day.Off = "bukan hari kerja"
		}
		days = append(days, day)
	}
	return days, working
}

// sheetStaff are the rows of the sheet: everyone active on one of the
// working days, with the unit and position of the last such day, ordered by
// unit and name (without gelar). The unit is left out for a sheet of one unit,
// whose name stands under the title instead.
func sheetStaff(ctx attendanceContext, working []data.Date, unitID uint64) []pdf.Person {
	type line struct {
		unitID uint64
		sortBy string
		person pdf.Person
	}
	var lines []line
	for _, s := range ctx.staff {
		var at data.Situation
		for _, d := range working {
			if sit := s.At(d); sit.Active {
				at = sit
			}
		}
		if !at.Active || (unitID != 0 && at.UnitID != unitID) {
			continue
		}
		p := pdf.Person{Name: s.DisplayName(), NIP: pdf.GroupNIP(s.Identifier()), Position: at.Position}
		if unitID == 0 {
			p.Unit = unitName(ctx.units, at.UnitID)
		}
		lines = append(lines, line{unitID: at.UnitID, sortBy: strings.ToLower(s.Name), person: p})
	}
	sort.SliceStable(lines, func(i, j int) bool {
		if lines[i].unitID != lines[j].unitID {
			return lines[i].unitID < lines[j].unitID
		}
		return lines[i].sortBy < lines[j].sortBy
	})
	out := make([]pdf.Person, len(lines))
	for i, l := range lines {
		out[i] = l.person
	}
	return out
}
