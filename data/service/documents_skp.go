package service

import (
	"errors"
	"fmt"
	"strings"

	"kinerja/data"
	"kinerja/export/pdf"
)

// ErrNoSKP refuses an SKP document for a staff member without an SKP in the
// asked year.
var ErrNoSKP = errors.New("pegawai ini belum memiliki SKP")

// SKPDocumentID is the id printed in the footer of an SKP document:
// "SKP-<NIP>-<first day YYYYMMDD>-<SKP id>".
func SKPDocumentID(nip string, k data.SKP) string {
	return fmt.Sprintf("SKP-%s-%s-%d", nip, k.Start.Compact(), k.ID)
}

// SKPForYear returns the SKP of staffID whose range touches year: the one
// starting last (after a mid-year mutasi the SKP for the rest of the year).
// ErrNoSKP when there is none.
func (svc *Service) SKPForYear(staffID uint64, year int) (data.SKP, error) {
	list, err := svc.SKPsOf(staffID)
	if err != nil {
		return data.SKP{}, err
	}
	for i := len(list) - 1; i >= 0; i-- {
		k := list[i]
		if k.Start.Year() <= year && k.End.Year() >= year {
			return k, nil
		}
	}
	return data.SKP{}, fmt.Errorf("tahun %d: %w", year, ErrNoSKP)
}

// RenderSKP renders the SKP skpID of staffID with its Lampiran (Dukungan
// Sumber Daya, Skema Pertanggungjawaban, Konsekuensi). The identity blocks
// are read on the SKP's last day (today while it runs): the employee with the
// SKP's position and unit, and the Pejabat Penilai Kinerja of the unit
// structure on that day. An SKP with validation errors is incomplete and
// prints with "KONSEP – BELUM DITETAPKAN"; the signature blocks are left to
// be signed by hand.
func (svc *Service) RenderSKP(staffID, skpID uint64) ([]byte, error) {
	k, err := svc.st.SKP(skpID)
	if err != nil {
		return nil, fmt.Errorf("SKP %d: %w", skpID, err)
	}
	if k.StaffID != staffID {
		return nil, fmt.Errorf("SKP %d bukan milik pegawai %d: %w", skpID, staffID, data.ErrNotFound)
	}
	content, err := svc.skpContent(k)
	if err != nil {
		return nil, err
	}
	return pdf.SKPDocument(content)
}

// skpContent fills the SKP document of k; a complete SKP carries the scanned
// signatures of employee and rater, when they have one.
func (svc *Service) skpContent(k data.SKP) (pdf.SKP, error) {
	office, err := svc.st.Office()
	if err != nil {
		return pdf.SKP{}, err
	}
	staff, err := svc.st.AllStaff()
	if err != nil {
		return pdf.SKP{}, err
	}
	units, err := svc.st.Units()
	if err != nil {
		return pdf.SKP{}, err
	}
	logo, err := svc.OfficeLogo()
	if err != nil {
		return pdf.SKP{}, err
	}
	byID := make(map[uint64]data.Staff, len(staff))
	for _, s := range staff {
		byID[s.ID] = s
	}
	employee, ok := byID[k.StaffID]
	if !ok {
		return pdf.SKP{}, fmt.Errorf("pegawai %d: %w", k.StaffID, data.ErrNotFound)
	}
	day := k.End
	if today := data.Today(); day.IsZero() || day.After(today) {
		day = today
	}
	emp := data.IdentityOf(employee, units, day)
	if strings.TrimSpace(k.Position) != "" {
		emp.Position = k.Position
	}
	if name := data.UnitName(units, k.UnitID); name != "" {
		emp.Unit = name
	}
	var (
		rater   data.Identity
		raterID uint64
	)
	if ref := data.DefaultRaters(staff, units, day)[k.StaffID].Rater; ref.IsSet() {
		rater, raterID = data.IdentityOf(byID[ref.StaffID], units, day), ref.StaffID
	}
	kinds := map[string]data.Kind{}
	for _, s := range staff {
		if s.NIP != "" {
			kinds[s.NIP] = s.Kind
		}
	}
	d := pdf.SKP{
		Common: pdf.Common{
			DocumentID: SKPDocumentID(employee.NIP, k),
			Letterhead: pdfLetterhead(office, logo),
			Final:      data.ValidateSKP(k).OK(),
		},
		Period:         k.Start.Long() + " s.d. " + k.End.Long(),
		Agency:         agencyName(office),
		Employee:       pdfPerson(emp, kinds),
		Rater:          pdfPerson(rater, kinds),
		PostType:       string(data.PostTypeOf(employee, units, day)),
		Approach:       k.Approach.Label(),
		Results:        resultRows(k, true, data.Evaluation{}),
		Behaviours:     behaviourRows(k, data.Evaluation{}),
		Resources:      k.Lampiran.DukunganSumberDaya,
		Accountability: k.Lampiran.SkemaPertanggungjawaban,
		Consequences:   k.Lampiran.Konsekuensi,
	}
	d.EmployeeSignature = pdfSignature(office.Kota, "", "Pegawai yang Dinilai,", emp, kinds)
	d.RaterSignature = pdfSignature(office.Kota, "", "Pejabat Penilai Kinerja,", rater, kinds)
	if d.Final {
		if d.EmployeeSignature.Image, _, err = svc.SignatureImage(k.StaffID); err != nil {
			return pdf.SKP{}, err
		}
		if d.RaterSignature.Image, _, err = svc.SignatureImage(raterID); err != nil {
			return pdf.SKP{}, err
		}
	}
	return d, nil
}
