package pdf

import (
	"fmt"
	"strings"
)

// Titles of the pages added to an evaluation; neither is one of the two
// documents of the Lampiran of PermenPANRB 6/2022.
const (
	ObjectionTitle  = "KEBERATAN ATAS HASIL EVALUASI KINERJA"
	AttendanceTitle = "LAMPIRAN RINGKASAN KEHADIRAN DAN DISIPLIN"
)

// objectionRoom is the writing room of an empty box of the keberatan page.
const objectionRoom = 30.0

// ObjectionSheet renders the keberatan page of an evaluation (PP 30/2019
// Pasal 59): who and which period, the predikat objected to, then the
// Keberatan, the Penjelasan Pejabat Penilai Kinerja atas Keberatan and the
// Keputusan Atasan Pejabat Penilai Kinerja, each box left with room to write
// when empty, closed by the Atasan's signature block (d.SuperiorSignature,
// named from d.RaterSuperior when its name is empty). Marked "KONSEP – BELUM
// DITETAPKAN" unless d.Final.
func ObjectionSheet(d Evaluation) ([]byte, error) {
	doc, err := newDocument(d.Common, false, "Keberatan Evaluasi Kinerja "+d.Employee.Name)
	if err != nil {
		return nil, fmt.Errorf("keberatan: %w", err)
	}
	doc.title(12, ObjectionTitle, "PERIODE: "+upper(d.Period))
	doc.fields(48, []field{
		{"Instansi", orDash(d.Agency)},
		{"Periode Penilaian", orDash(d.PeriodDates)},
		{"Pegawai yang Dinilai", orDash(joinNonEmpty(d.Employee.Name, nipText(d.Employee.NIP)))},
		{"Pejabat Penilai Kinerja", orDash(joinNonEmpty(d.Rater.Name, nipText(d.Rater.NIP)))},
		{"Atasan Pejabat Penilai Kinerja", orDash(joinNonEmpty(d.RaterSuperior.Name, nipText(d.RaterSuperior.NIP)))},
		{"Predikat Kinerja Pegawai", orDash(d.Predicate)},
	})
	doc.space(2)
	for _, box := range []struct{ heading, text string }{
		{"KEBERATAN PEGAWAI YANG DINILAI", d.Objection},
		{"PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN", d.Explanation},
		{"KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA", d.Decision},
	} {
		room := 0.0
		if strings.TrimSpace(box.text) == "" {
			room = objectionRoom
		}
		doc.textBox(box.heading, box.text, room)
		doc.space(2)
	}
	doc.setFont(false, smallSize)
	doc.pdf.SetX(marginLeft)
	doc.pdf.MultiCell(doc.width(), lineHeight(smallSize), doc.enc("Keberatan diajukan kepada Atasan Pejabat Penilai Kinerja paling lama 14 hari setelah evaluasi ditetapkan; keputusan Atasan Pejabat Penilai Kinerja bersifat final (PP 30/2019 Pasal 59)."), "", "L", false)
	sig := d.SuperiorSignature
	if strings.TrimSpace(sig.Name) == "" {
		sig.Name, sig.NIP = d.RaterSuperior.Name, d.RaterSuperior.NIP
		if strings.TrimSpace(sig.Rank) == "" {
			sig.Rank = d.RaterSuperior.Rank
		}
	}
	if strings.TrimSpace(sig.Role) == "" {
		sig.Role = "Atasan Pejabat Penilai Kinerja,"
	}
	if err := doc.signatures(nil, &sig); err != nil {
		return nil, fmt.Errorf("keberatan: %w", err)
	}
	return doc.output()
}

// AttendanceAnnex renders the attendance summary annexed to an evaluation:
// its own title, the period, the Pegawai yang Dinilai and the discipline
// figures of d.Attendance. Marked "KONSEP – BELUM DITETAPKAN" unless d.Final.
func AttendanceAnnex(d Evaluation) ([]byte, error) {
	doc, err := newDocument(d.Common, false, "Lampiran Kehadiran "+d.Employee.Name)
	if err != nil {
		return nil, fmt.Errorf("lampiran kehadiran: %w", err)
	}
	doc.title(12, AttendanceTitle, "PERIODE: "+upper(d.Period))
	doc.fields(42, []field{
		{"Instansi", orDash(d.Agency)},
		{"Periode Penilaian", orDash(d.PeriodDates)},
	})
	doc.space(2)
	doc.framedFields("1", "PEGAWAI YANG DINILAI", personFields(d.Employee))
	doc.heading("2. KEHADIRAN DAN DISIPLIN", 30)
	doc.pairs(attendanceFields(d.Attendance))
	return doc.output()
}

// nipText is "NIP " and the NIP, or "" when there is none.
func nipText(nip string) string {
	if strings.TrimSpace(nip) == "" {
		return ""
	}
	return "NIP " + nip
}

// joinNonEmpty joins the non-blank parts with ", ".
func joinNonEmpty(parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, ", ")
}
