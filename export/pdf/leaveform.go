package pdf

import (
	"fmt"
	"strings"
)

// tick marks the chosen box of a form.
const tick = "✓"

// LeaveKinds are the kinds of leave of section II of the Formulir Permintaan
// dan Pemberian Cuti (Peraturan BKN 24/2017, Anak Lampiran I.b), by code in
// the form's order.
var LeaveKinds = []struct{ Code, Label string }{
	{"CT", "Cuti Tahunan"}, {"CB", "Cuti Besar"}, {"CS", "Cuti Sakit"},
	{"CM", "Cuti Melahirkan"}, {"CAP", "Cuti Karena Alasan Penting"}, {"CLTN", "Cuti di Luar Tanggungan Negara"},
}

// Decisions are the choices of sections VII and VIII of the leave form.
var Decisions = []string{"DISETUJUI", "PERUBAHAN", "DITANGGUHKAN", "TIDAK DISETUJUI"}

// AnnualLeaveLine is one year of the cuti tahunan in section V (N-2, N-1, N).
type AnnualLeaveLine struct {
	Year      string // "2026"
	Remaining string // "10"
	Note      string // "diambil 2 hari"
}

// LeaveForm is the Formulir Permintaan dan Pemberian Cuti of Peraturan BKN
// 24/2017 (Anak Lampiran I.b), every field already formatted.
type LeaveForm struct {
	Common
	Place, Date string // "Soreang", "28 November 2026": where and when the request is made
	// Addressee is who the form is sent to ("Yth. Camat Soreang"), At the
	// place under it ("di Soreang").
	Addressee, At string
	Employee      Person
	ServiceYears  string // masa kerja: "16 tahun 10 bulan"
	Code          string // the kind of leave taken: CT, CB, CS, CM, CAP or CLTN
	Reason        string // III Alasan Cuti
	Duration      string // "2 hari kerja"
	From, To      string // "2 November 2026"
	// Annual are the cuti tahunan of the years N-2, N-1 and N; Others the
	// other kinds taken in year N by code ("CS": "3 hari").
	Annual  [3]AnnualLeaveLine
	Others  map[string]string
	Address string // VI Alamat selama Menjalankan Cuti
	Phone   string
	// Applicant signs section VI; Supervisor (atasan langsung) section VII;
	// Official (pejabat yang berwenang memberikan cuti) section VIII, each
	// with the decision ticked ("" leaves the boxes empty).
	Applicant, Supervisor, Official      Signature
	SupervisorDecision, OfficialDecision string
	Letter                               string // the number the grant was given, printed under the title
}

// RenderLeaveForm renders the leave form on A4 portrait with all eight
// sections, each block of consent with its signature block.
func RenderLeaveForm(f LeaveForm) ([]byte, error) {
	doc, err := newDocument(f.Common, false, "Formulir Permintaan dan Pemberian Cuti "+f.Employee.Name)
	if err != nil {
		return nil, fmt.Errorf("formulir cuti: %w", err)
	}
	w := doc.width()
	small := table{cols: []column{{width: w / 2}, {width: w / 2}}, size: smallSize}
	small.draw(doc, []row{
		{cells: []string{"", "ANAK LAMPIRAN I.b\nPERATURAN BADAN KEPEGAWAIAN NEGARA REPUBLIK INDONESIA NOMOR 24 TAHUN 2017 TENTANG TATA CARA PEMBERIAN CUTI PEGAWAI NEGERI SIPIL"}},
	})
	doc.space(2)
	t := table{cols: []column{{width: w / 2}, {width: w / 2}}, size: bodySize}
	t.draw(doc, []row{{cells: []string{"", orDots(f.Place) + ", " + orDots(f.Date) + "\n\nKepada\n" + orDots(f.Addressee) + "\n" + f.At}}})
	doc.space(3)
	doc.title(12, "FORMULIR PERMINTAAN DAN PEMBERIAN CUTI")
	if strings.TrimSpace(f.Letter) != "" {
		doc.title(bodySize, "Nomor: "+f.Letter)
	}

	section := func(title string) row { return row{cells: []string{title}, span: true, bold: true, fill: true} }
	q := w / 4
	four := table{cols: []column{{width: q * 0.7}, {width: q * 1.3}, {width: q * 0.7}, {width: q * 1.3}}, size: bodySize, borders: true}
	four.draw(doc, []row{
		section("I. DATA PEGAWAI"),
		{cells: []string{"Nama", f.Employee.Name, "NIP", orDash(f.Employee.NIP)}},
		{cells: []string{"Jabatan", orDash(f.Employee.Position), "Masa Kerja", orDash(f.ServiceYears)}},
		{cells: []string{"Unit Kerja", orDash(f.Employee.Unit), "Pangkat/Gol.", orDash(f.Employee.Rank)}},
	})
	doc.space(2)

	kinds := table{cols: []column{{width: q * 1.6}, {width: q * 0.4, align: "C"}, {width: q * 1.6}, {width: q * 0.4, align: "C"}}, size: bodySize, borders: true}
	rows := []row{section("II. JENIS CUTI YANG DIAMBIL**")}
	mark := func(code string) string {
		if strings.EqualFold(code, f.Code) {
			return tick
		}
		return ""
	}
	for i := 0; i < len(LeaveKinds); i += 2 {
		a, b := LeaveKinds[i], LeaveKinds[i+1]
		rows = append(rows, row{cells: []string{fmt.Sprintf("%d. %s", i+1, a.Label), mark(a.Code), fmt.Sprintf("%d. %s", i+2, b.Label), mark(b.Code)}})
	}
	kinds.draw(doc, rows)
	doc.space(2)

	one := table{cols: []column{{width: w}}, size: bodySize, borders: true}
	one.draw(doc, []row{section("III. ALASAN CUTI"), {cells: []string{orDash(f.Reason)}, minHeight: 8}})
	doc.space(2)

	six := table{cols: []column{{width: w * 0.12}, {width: w * 0.28}, {width: w * 0.17}, {width: w * 0.18}, {width: w * 0.07, align: "C"}, {width: w * 0.18}},
		size: bodySize, borders: true}
	six.draw(doc, []row{section("IV. LAMANYA CUTI"),
		{cells: []string{"Selama", orDash(f.Duration), "mulai tanggal", orDash(f.From), "s/d", orDash(f.To)}}})
	doc.space(2)

	notes := table{cols: []column{{width: w * 0.18}, {width: w * 0.08, align: "C"}, {width: w * 0.24}, {width: w * 0.4}, {width: w * 0.1, align: "C"}},
		size: bodySize, borders: true}
	other := func(i int) []string {
		k := LeaveKinds[i]
		return []string{fmt.Sprintf("%d. %s", i+1, strings.ToUpper(k.Label)), orDash(f.Others[k.Code])}
	}
	rows = []row{section("V. CATATAN CUTI***"),
		{cells: []string{"1. CUTI TAHUNAN", "", "", other(1)[0], other(1)[1]}, bold: false},
		{cells: []string{"Tahun", "Sisa", "Keterangan", other(2)[0], other(2)[1]}, bold: false},
	}
	for i, l := range f.Annual {
		label := []string{"N-2", "N-1", "N"}[i]
		cells := []string{label + " " + l.Year, orDash(l.Remaining), l.Note, "", ""}
		if i+3 < len(LeaveKinds) {
			o := other(i + 3)
			cells[3], cells[4] = o[0], o[1]
		}
		rows = append(rows, row{cells: cells})
	}
	notes.draw(doc, rows)
	doc.space(2)

	applicant := f.Applicant
	if strings.TrimSpace(applicant.Role) == "" {
		applicant.Role = "Hormat saya,"
	}
	applicant.NoPlaceDate = true
	// The address and the applicant's signature stay on one page.
	ah, _, _ := doc.signaturesHeight(nil, &applicant)
	doc.ensure(2*lineHeight(bodySize) + 4*cellPad + 8 + ah + 4)
	addr := table{cols: []column{{width: w * 0.6}, {width: w * 0.1}, {width: w * 0.3}}, size: bodySize, borders: true}
	addr.draw(doc, []row{section("VI. ALAMAT SELAMA MENJALANKAN CUTI"),
		{cells: []string{orDash(f.Address), "TELP", orDash(f.Phone)}, minHeight: 8}})
	if err := doc.signatures(nil, &applicant); err != nil {
		return nil, fmt.Errorf("formulir cuti: %w", err)
	}
	doc.space(2)

	for _, s := range []struct {
		title    string
		decision string
		sig      Signature
	}{
		{"VII. PERTIMBANGAN ATASAN LANGSUNG**", f.SupervisorDecision, f.Supervisor},
		{"VIII. KEPUTUSAN PEJABAT YANG BERWENANG MEMBERIKAN CUTI**", f.OfficialDecision, f.Official},
	} {
		dec := table{cols: []column{{width: w / 4, align: "C"}, {width: w / 4, align: "C"}, {width: w / 4, align: "C"}, {width: w / 4, align: "C"}},
			size: bodySize, borders: true}
		ticks := make([]string, len(Decisions))
		for i, d := range Decisions {
			if strings.EqualFold(d, s.decision) {
				ticks[i] = tick
			}
		}
		// The section, its choices and its signature stay on one page.
		sig := s.sig
		sig.NoPlaceDate = true
		sh, _, _ := doc.signaturesHeight(nil, &sig)
		doc.ensure(3*lineHeight(bodySize) + 6*cellPad + sh + 8)
		dec.draw(doc, []row{section(s.title), {cells: []string{"DISETUJUI", "PERUBAHAN****", "DITANGGUHKAN****", "TIDAK DISETUJUI****"}}, {cells: ticks}})
		if err := doc.signatures(nil, &sig); err != nil {
			return nil, fmt.Errorf("formulir cuti: %w", err)
		}
		doc.space(2)
	}

	foot := table{cols: []column{{width: w}}, size: smallSize}
	foot.draw(doc, []row{
		{cells: []string{"Catatan:"}},
		{cells: []string{"*      Coret yang tidak perlu"}},
		{cells: []string{"**     Pilih salah satu dengan memberi tanda centang (" + tick + ")"}},
		{cells: []string{"***    Diisi oleh pejabat yang menangani bidang kepegawaian sebelum PNS mengajukan cuti"}},
		{cells: []string{"****   Diberi tanda centang dan alasannya"}},
		{cells: []string{"N = Cuti tahun berjalan; N-1 = Sisa cuti 1 tahun sebelumnya; N-2 = Sisa cuti 2 tahun sebelumnya"}},
	})
	return doc.output()
}

// orDots is text, or a dotted line to fill by hand.
func orDots(text string) string {
	if strings.TrimSpace(text) == "" {
		return "...................."
	}
	return text
}
