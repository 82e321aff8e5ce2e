package service

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"kinerja/data"
)

// SaveSKP stores the SKP of a staff member (id 0 makes a new one). An empty
// Position or UnitID is filled from the staff member's history on the SKP's
// first day. Refusals: a Non-ASN staff member (ErrNotEvaluated), an unknown
// one (data.ErrNotFound), the errors of data.ValidateSKP
// (*data.ValidationError; warnings do not block, show them with
// data.ValidateSKP). Templates are saved with SaveSKPTemplate.
func (svc *Service) SaveSKP(k data.SKP) (data.SKP, error) {
	if k.StaffID == 0 {
		return data.SKP{}, fmt.Errorf("SKP tanpa pegawai adalah templat; simpan dengan templat jabatan")
	}
	s, err := svc.st.StaffByID(k.StaffID)
	if err != nil {
		return data.SKP{}, err
	}
	if !s.Kind.Evaluated() {
		return data.SKP{}, fmt.Errorf("%s (%s): %w", s.DisplayName(), s.Kind, ErrNotEvaluated)
	}
	sit := s.At(k.Start)
	if strings.TrimSpace(k.Position) == "" {
		k.Position = sit.Position
	}
	if k.UnitID == 0 {
		k.UnitID = sit.UnitID
	}
	return svc.st.SaveSKP(k)
}

// SKPsOf returns the SKPs of a staff member by first day.
func (svc *Service) SKPsOf(staffID uint64) ([]data.SKP, error) {
	list, err := svc.st.SKPsOfStaff(staffID)
	sort.SliceStable(list, func(i, j int) bool { return list[i].Start.Before(list[j].Start) })
	return list, err
}

// yearSpan returns the part of year during which s works at the office: from
// 1 January (or the start date, when later) to 31 December.
func yearSpan(s data.Staff, year int) (data.Date, data.Date) {
	start, end := data.NewDate(year, time.January, 1), data.NewDate(year, time.December, 31)
	if first := s.StartDate(); first.After(start) && !first.After(end) {
		start = first
	}
	return start, end
}

// newSKPFrom copies from into a new SKP of staffID for the staff member's
// post in year and stores it.
func (svc *Service) newSKPFrom(from data.SKP, staffID uint64, year int) (data.SKP, error) {
	s, err := svc.st.StaffByID(staffID)
	if err != nil {
		return data.SKP{}, err
	}
	start, end := yearSpan(s, year)
	sit := s.At(start)
	return svc.SaveSKP(data.CopySKP(from, staffID, sit.Position, sit.UnitID, start, end))
}

// CopySKPFromLastYear makes the SKP of staffID for year from the one of year-1
// that ends last (hasil kerja rows, perilaku expectations and lampiran), for
// the post the staff member holds at the start of year, and stores it.
func (svc *Service) CopySKPFromLastYear(staffID uint64, year int) (data.SKP, error) {
	list, err := svc.SKPsOf(staffID)
	if err != nil {
		return data.SKP{}, err
	}
	var from data.SKP
	found := false
	for _, k := range list {
		if k.End.Year() == year-1 && (!found || k.End.After(from.End)) {
			from, found = k, true
		}
	}
	if !found {
		return data.SKP{}, fmt.Errorf("belum ada SKP tahun %d untuk disalin: %w", year-1, data.ErrNotFound)
	}
	return svc.newSKPFrom(from, staffID, year)
}

// CopySKPFromColleague makes the SKP of staffID for the year of the
// colleague's SKP fromSKPID and stores it. The colleague's SKP must be for
// the position staffID holds at its start (case and spacing ignored);
// otherwise it is refused with a message naming both positions.
func (svc *Service) CopySKPFromColleague(fromSKPID, staffID uint64) (data.SKP, error) {
	from, err := svc.st.SKP(fromSKPID)
	if err != nil {
		return data.SKP{}, err
	}
	if from.IsTemplate() || from.StaffID == staffID {
		return data.SKP{}, fmt.Errorf("SKP %d bukan SKP rekan kerja", fromSKPID)
	}
	s, err := svc.st.StaffByID(staffID)
	if err != nil {
		return data.SKP{}, err
	}
	start, _ := yearSpan(s, from.Start.Year())
	if mine := s.At(start).Position; !samePosition(mine, from.Position) {
		return data.SKP{}, fmt.Errorf("SKP rekan untuk jabatan %q, sedangkan jabatan %s %q; salin dari rekan dengan jabatan yang sama", from.Position, s.DisplayName(), mine)
	}
	return svc.newSKPFrom(from, staffID, from.Start.Year())
}

func samePosition(a, b string) bool {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	return norm(a) != "" && norm(a) == norm(b)
}

// SKPTemplates returns the SKP templates (one per position), by position.
func (svc *Service) SKPTemplates() ([]data.SKP, error) {
	list, err := svc.st.SKPsOfStaff(0)
	sort.SliceStable(list, func(i, j int) bool { return list[i].Position < list[j].Position })
	return list, err
}

// SaveSKPTemplate stores k as the template of its position: StaffID and dates
// are cleared, and an existing template of the same position (case and
// spacing ignored) is replaced rather than duplicated.
func (svc *Service) SaveSKPTemplate(k data.SKP) (data.SKP, error) {
	k.StaffID, k.Start, k.End, k.UnitID = 0, data.Date{}, data.Date{}, 0
	list, err := svc.SKPTemplates()
	if err != nil {
		return data.SKP{}, err
	}
	for _, t := range list {
		if t.ID != k.ID && samePosition(t.Position, k.Position) {
			k.ID = t.ID
		}
	}
	return svc.st.SaveSKP(k)
}

// ApplySKPTemplate makes the SKP of staffID for year from the template of the
// position the staff member holds at its start, and stores it; with no
// template for that position it wraps data.ErrNotFound.
func (svc *Service) ApplySKPTemplate(staffID uint64, year int) (data.SKP, error) {
	s, err := svc.st.StaffByID(staffID)
	if err != nil {
		return data.SKP{}, err
	}
	start, _ := yearSpan(s, year)
	position := s.At(start).Position
	list, err := svc.SKPTemplates()
	if err != nil {
		return data.SKP{}, err
	}
	for _, t := range list {
		if samePosition(t.Position, position) {
			return svc.newSKPFrom(t, staffID, year)
		}
	}
	return data.SKP{}, fmt.Errorf("templat SKP untuk jabatan %q: %w", position, data.ErrNotFound)
}
