package pdf

import (
	"fmt"
	"strings"
)

// summaryLevel is one try at fitting the Dokumen Evaluasi Kinerja Pegawai on
// one page: the font size of the identity blocks and the most lines an
// identity value may take.
type summaryLevel struct {
	size       float64
	valueLines int
	letterhead bool
}

// summaryLevels are tried in order until the document fits one page; the
// last always fits: one line per value, no kop surat.
var summaryLevels = []summaryLevel{
	{bodySize, 3, true}, {bodySize - 1, 2, true}, {bodySize - 1.5, 1, true}, {bodySize - 1.5, 1, false},
}

// minNoteLines is the least room the catatan/rekomendasi keeps before a
// smaller level is tried.
const minNoteLines = 3

// clippedNote ends a catatan cut to fit the page.
const clippedNote = " … (dipotong agar dokumen tetap satu halaman)"

// EvaluationSummary renders the Dokumen Evaluasi Kinerja Pegawai (Lampiran
// of PermenPANRB 6/2022) on exactly one page: title and PERIODE, instansi and
// periode penilaian, 1 Pegawai yang Dinilai, 2 Pejabat Penilai Kinerja,
// 3 Atasan Pejabat Penilai Kinerja, 4 Evaluasi Kinerja (capaian kinerja
// organisasi and predikat), 5 Catatan/Rekomendasi, then place and date with
// the Pegawai yang Dinilai at the left and the Pejabat Penilai Kinerja at the
// right (name and NIP). Long identities shrink and are cut to a few lines; a
// long catatan takes the room left and is cut with a note saying so. Marked
// "KONSEP – BELUM DITETAPKAN" unless d.Final.
func EvaluationSummary(d Evaluation) ([]byte, error) {
	return summary(d, false)
}

// BlankEvaluationSummary renders the Dokumen Evaluasi Kinerja Pegawai as an
// empty one-page form: identities as given (room to write where empty), tick
// boxes for the capaian (unless given) and the predikat, the catatan box
// empty. d.Final is ignored and no draft banner is printed.
func BlankEvaluationSummary(d Evaluation) ([]byte, error) {
	return summary(d, true)
}

func summary(d Evaluation, blank bool) ([]byte, error) {
	var last []byte
	for _, level := range summaryLevels {
		data, pages, err := summaryAt(d, blank, level)
		if err != nil {
			return nil, fmt.Errorf("dokumen evaluasi kinerja pegawai: %w", err)
		}
		last = data
		if pages == 1 {
			break
		}
	}
	return last, nil
}

// summaryAt draws the document at one level and reports its page count.
func summaryAt(d Evaluation, blank bool, level summaryLevel) ([]byte, int, error) {
	common := d.Common
	if blank {
		common.Final = true
	}
	if !level.letterhead {
		common.Letterhead = nil
	}
	doc, err := newDocument(common, false, "Dokumen Evaluasi Kinerja Pegawai "+d.Employee.Name)
	if err != nil {
		return nil, 0, err
	}
	doc.documentHead(SummaryTitle, d.Period, d.Agency, d.PeriodDates, blank)
	doc.space(1)
	for i, p := range []struct {
		heading string
		person  Person
	}{{"PEGAWAI YANG DINILAI", d.Employee}, {"PEJABAT PENILAI KINERJA", d.Rater}, {"ATASAN PEJABAT PENILAI KINERJA", d.RaterSuperior}} {
		doc.summaryBlock(itoa(i+1), p.heading, personFields(p.person), level, blank)
	}
	organisation, predikat := orDash(d.OrganisationResult), orDash(d.Predicate)
	if blank {
		predikat = strings.ReplaceAll(predikatChoice, "\n", "   ")
		organisation = d.OrganisationResult
		if strings.TrimSpace(organisation) == "" {
			organisation = capaianChoices
		}
	}
	doc.summaryBlock("4", "EVALUASI KINERJA", []field{
		{"Capaian Kinerja Organisasi", organisation},
		{"Predikat Kinerja Pegawai", predikat},
	}, summaryLevel{size: level.size, valueLines: 2}, false)

	employee, rater := d.EmployeeSignature, d.RaterSignature
	if blank {
		employee, rater = blankSignature(employee), blankSignature(rater)
	}
	employee.NoPlaceDate, employee.Rank, rater.Rank = true, "", ""
	if strings.TrimSpace(employee.Role) == "" {
		employee.Role = "Pegawai yang Dinilai,"
	}
	if strings.TrimSpace(rater.Role) == "" {
		rater.Role = "Pejabat Penilai Kinerja,"
	}
	signH, _, _ := doc.signaturesHeight(&employee, &rater)
	doc.summaryNotes(d.Notes, blank, doc.bottom()-doc.pdf.GetY()-signH-4-1)
	if err := doc.signatures(&employee, &rater); err != nil {
		return nil, 0, err
	}
	pages := doc.pdf.PageNo()
	out, err := doc.output()
	return out, pages, err
}

// summaryBlock draws one numbered, framed block of the document with its
// values cut to level.valueLines lines; blank keeps empty values empty.
func (d *document) summaryBlock(number, heading string, items []field, level summaryLevel, blank bool) {
	const no, label = 8.0, 48.0
	t := table{
		cols: []column{{width: no, align: "C"}, {width: label}, {width: d.width() - no - label}},
		size: level.size, borders: true,
	}
	rows := []row{{cells: []string{number + ". " + heading}, span: true, bold: true, fill: true}}
	for i, it := range items {
		v := it.value
		if blank {
			v = orBlank(v)
		}
		lines := level.valueLines
		if it.label == "Nama" || it.label == "NIP" {
			lines = max(lines, 2) // a name is cut last
		}
		v = d.clip(v, t.cols[2].width, level.size, lines, " …")
		rows = append(rows, row{cells: []string{itoa(i + 1), it.label, v}})
	}
	t.draw(d, rows)
}

// summaryNotes draws the 5. CATATAN/REKOMENDASI box in at most room
// millimetres: a blank form's box fills the room; a long catatan shrinks to
// 8 points and is then cut with a note saying so.
func (d *document) summaryNotes(notes string, blank bool, room float64) {
	d.space(1)
	heading := "5. CATATAN/REKOMENDASI"
	headH := lineHeight(bodySize) + 2*cellPad
	textRoom := room - headH - 1
	if blank {
		d.textBoxSized(heading, "", bodySize, max(textRoom, 12))
		return
	}
	text := orDash(notes)
	for _, size := range []float64{bodySize, bodySize - 1, bodySize - 1.5} {
		lines := int((textRoom - 2*cellPad) / lineHeight(size))
		d.setFont(false, size)
		if len(d.wrap(text, d.width())) <= lines || size == bodySize-1.5 {
			text = d.clip(text, d.width(), size, max(lines, minNoteLines), clippedNote)
			d.textBoxSized(heading, text, size, 0)
			return
		}
	}
}

// textBoxSized is textBox with the text in the given size and a minimum
// height for the text.
func (d *document) textBoxSized(heading, text string, size, minHeight float64) {
	d.setFont(true, bodySize)
	head := table{cols: []column{{width: d.width()}}, size: bodySize, borders: true}
	head.draw(d, []row{{cells: []string{heading}, span: true, bold: true, fill: true}})
	body := table{cols: []column{{width: d.width()}}, size: size, borders: true}
	body.draw(d, []row{{cells: []string{text}, minHeight: minHeight}})
}

// clip returns text cut at a word so that it wraps to at most lines lines of
// width w in the regular face at size points, with more appended when
// anything was cut. Text that fits comes back unchanged.
func (d *document) clip(text string, w, size float64, lines int, more string) string {
	d.setFont(false, size)
	if lines < 1 {
		lines = 1
	}
	if len(d.wrap(text, w)) <= lines {
		return text
	}
	words := strings.Fields(text)
	lo, hi := 0, len(words)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if len(d.wrap(strings.Join(words[:mid], " ")+more, w)) <= lines {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		// One word longer than the room: cut it by characters.
		r := []rune(text)
		n := len(r)
		for n > 0 && len(d.wrap(string(r[:n])+more, w)) > lines {
			n = n * 3 / 4
		}
		return string(r[:n]) + more
	}
	return strings.Join(words[:lo], " ") + more
}
