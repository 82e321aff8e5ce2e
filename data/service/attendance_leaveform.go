package service

import (
	"fmt"
	"strings"

	"kinerja/data"
	"kinerja/export/pdf"
)

// LeaveForm renders the Formulir Permintaan dan Pemberian Cuti (Peraturan
// BKN 24/2017, Anak Lampiran I.b) of the leave of staffID starting on from,
// filled from the grant kept by AddLeave: the person's data and masa kerja,
// the kind ticked, reason, length and dates, the cuti tahunan of the years
// N-2, N-1 and N and the other kinds taken in year N, the address, and the
// signature blocks of the applicant, the atasan langsung (head of the
// person's unit, or of the office) and the official who granted it (the
// grant's grantor when it names a staff member, else the head of the office),
// both decisions ticked DISETUJUI since the leave was granted.
func (svc *Service) LeaveForm(staffID uint64, from data.Date) ([]byte, error) {
	g, err := svc.LeaveGrant(staffID, from)
	if err != nil {
		return nil, err
	}
	person, err := svc.st.StaffByID(staffID)
	if err != nil {
		return nil, err
	}
	office, err := svc.st.Office()
	if err != nil {
		return nil, err
	}
	units, err := svc.st.Units()
	if err != nil {
		return nil, err
	}
	logo, err := svc.OfficeLogo()
	if err != nil {
		return nil, err
	}
	r, err := svc.rules()
	if err != nil {
		return nil, err
	}
	at := person.At(g.From)
	asked := g.EnteredOn
	if asked.IsZero() || asked.After(g.From) {
		asked = g.From
	}
	f := pdf.LeaveForm{
		Common: pdf.Common{Final: true, Letterhead: pdfLetterhead(office, logo),
			DocumentID: fmt.Sprintf("CUTI-%s-%s", g.From.String(), person.Identifier())},
		Place: office.Kota, Date: asked.Long(),
		Addressee: "Yth. Camat " + office.Kecamatan, At: "di " + office.Kota,
		Employee: pdf.Person{Name: person.DisplayName(), NIP: pdf.GroupNIP(person.Identifier()), Rank: data.RankLabel(at.Rank),
			Position: at.Position, Unit: unitName(units, at.UnitID)},
		ServiceYears: serviceLength(serviceStart(person), g.From),
		Code:         g.Code, Reason: g.Reason, From: g.From.Long(), To: g.To.Long(),
		Address: g.Address, Letter: g.Letter,
		Applicant:          pdf.Signature{Name: person.DisplayName(), NIP: pdf.GroupNIP(person.NIP)},
		SupervisorDecision: "DISETUJUI", OfficialDecision: "DISETUJUI",
	}
	if c, ok := r.Settings.Codes.Lookup(g.Code); ok && c.CalendarDays {
		f.Duration = fmt.Sprintf("%d hari kalender", g.Days)
	} else {
		f.Duration = fmt.Sprintf("%d hari kerja", g.Days)
	}
	n := g.From.Year()
	for i, y := range []int{n - 2, n - 1, n} {
		st, err := svc.leaveStatus(person, y, r)
		if err != nil {
			return nil, err
		}
		f.Annual[i] = pdf.AnnualLeaveLine{Year: fmt.Sprint(y), Remaining: fmt.Sprint(max(0, st.Remaining))}
		if y == n {
			f.Annual[i].Note = fmt.Sprintf("hak %d, diambil %d", st.Available, st.Taken)
			if g.Code == data.CodeCT {
				f.Annual[i].Note += fmt.Sprintf(" (termasuk cuti ini %d hari)", g.Days)
			}
		}
	}
	f.Others = map[string]string{}
	grants, err := svc.LeaveGrants(staffID)
	if err != nil {
		return nil, err
	}
	taken := map[string]int{}
	for _, o := range grants {
		if o.Code != data.CodeCT && o.From.Year() == n {
			taken[o.Code] += o.Days
		}
	}
	for code, days := range taken {
		f.Others[code] = fmt.Sprintf("%d hari", days)
	}
	headID := OfficeHead(units)
	supervisor := headID
	if u, ok := unitByID(units, at.UnitID); ok && u.HeadStaffID != 0 && u.HeadStaffID != person.ID {
		supervisor = u.HeadStaffID
	}
	f.Supervisor = pdf.Signature{Role: "Atasan Langsung,"}
	if supervisor != 0 {
		if err := svc.signer(&f.Supervisor, supervisor, g.From); err != nil {
			return nil, err
		}
		if s, err := svc.st.StaffByID(supervisor); err == nil && s.At(g.From).Position != "" {
			f.Supervisor.Role = s.At(g.From).Position + ","
		}
	}
	f.Official = pdf.Signature{Role: "CAMAT " + strings.ToUpper(office.Kecamatan) + ","}
	official := headID
	if s, err := svc.st.StaffByIdentifier(g.GrantedBy); err == nil && g.GrantedBy != "" {
		official = s.ID
		if pos := s.At(g.From).Position; pos != "" {
			f.Official.Role = strings.ToUpper(pos) + ","
		}
	}
	if official != 0 {
		if err := svc.signer(&f.Official, official, g.From); err != nil {
			return nil, err
		}
	} else if g.GrantedBy != "" {
		f.Official.Name = g.GrantedBy
	}
	return pdf.RenderLeaveForm(f)
}

func unitByID(units []data.Unit, id uint64) (data.Unit, bool) {
	for _, u := range units {
		if u.ID == id {
			return u, true
		}
	}
	return data.Unit{}, false
}

// serviceLength writes the masa kerja from start to d: "16 tahun 10 bulan".
func serviceLength(start, d data.Date) string {
	if start.IsZero() || d.Before(start) {
		return ""
	}
	months := (d.Year()-start.Year())*12 + int(d.Month()) - int(start.Month())
	if d.Day() < start.Day() {
		months--
	}
	return fmt.Sprintf("%d tahun %d bulan", months/12, months%12)
}
