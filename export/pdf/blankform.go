package pdf

import (
	"fmt"
	"strings"
)

// Tick-box lines of the blank form.
const (
	box            = "☐"
	ratingChoices  = box + " Di Atas Ekspektasi   " + box + " Sesuai Ekspektasi   " + box + " Di Bawah Ekspektasi"
	predikatChoice = box + " Sangat Baik   " + box + " Baik   " + box + " Butuh Perbaikan\n" + box + " Kurang/Misconduct   " + box + " Sangat Kurang"
)

// BlankEvaluationForm renders an evaluation form for a rater to fill by hand:
// period, identities and SKP rows printed, empty boxes for realisasi, umpan
// balik, catatan and development, and tick boxes for both ratings and the
// predikat. d.Final is ignored: the form is marked "FORMULIR ISIAN" instead
// of the draft banner, which would cover the writing room. Results, ratings
// and predikat in d are not printed; OrganisationResult is printed when set.
func BlankEvaluationForm(d Evaluation) ([]byte, error) {
	common := d.Common
	common.Final = true
	doc, err := newDocument(common, false, "Formulir Evaluasi Kinerja Pegawai "+d.Employee.Name)
	if err != nil {
		return nil, fmt.Errorf("formulir evaluasi kinerja: %w", err)
	}
	doc.evaluationHead(d, "FORMULIR ISIAN EVALUASI KINERJA PEGAWAI")
	organisation := d.OrganisationResult
	if strings.TrimSpace(organisation) == "" {
		organisation = box + " Istimewa   " + box + " Baik   " + box + " Butuh Perbaikan/Cukup\n" + box + " Kurang   " + box + " Sangat Kurang"
	}
	doc.pairs([]field{{"CAPAIAN KINERJA ORGANISASI", organisation}})
	doc.heading("HASIL KERJA", 30)
	resultTable(doc, true).draw(doc, resultRows(d.Results, true, true))
	doc.pairs([]field{{"RATING HASIL KERJA", ratingChoices}})
	doc.heading("PERILAKU KERJA", 30)
	behaviourTable(doc, true).draw(doc, behaviourRows(d.Behaviours, true, true))
	doc.pairs([]field{
		{"RATING PERILAKU KERJA", ratingChoices},
		{"PREDIKAT KINERJA PEGAWAI", predikatChoice},
	})
	doc.space(2)
	doc.textBox("CATATAN/REKOMENDASI", "", 30)
	doc.space(2)
	doc.textBox("TINDAK LANJUT PENGEMBANGAN KOMPETENSI", "", 22)
	employee, rater := d.EmployeeSignature, d.RaterSignature
	employee.Date, rater.Date = "", ""
	employee.Electronic, rater.Electronic = nil, nil
	if err := doc.signatures(&employee, &rater); err != nil {
		return nil, fmt.Errorf("formulir evaluasi kinerja: %w", err)
	}
	return doc.output()
}
