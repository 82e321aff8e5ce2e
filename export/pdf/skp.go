package pdf

import "fmt"

// SKP is the content of a Sasaran Kinerja Pegawai with its Lampiran
// (PermenPANRB 6/2022; docs/aturan.md §7.2). Every text is printed as given.
type SKP struct {
	Common
	Period     string         // "1 Januari 2026 s.d. 31 Desember 2026"
	Agency     string         // instansi
	Employee   Person         // Pegawai yang Dinilai
	Rater      Person         // Pejabat Penilai Kinerja
	PostType   string         // jenis jabatan
	Approach   string         // "Kuantitatif" or "Kualitatif"
	Results    []ResultRow    // Realisation and Feedback are not printed
	Behaviours []BehaviourRow // Feedback is not printed
	// Resources, Accountability and Consequences are the numbered items of
	// the Lampiran: Dukungan Sumber Daya, Skema Pertanggungjawaban and
	// Konsekuensi.
	Resources         []string
	Accountability    []string
	Consequences      []string
	EmployeeSignature Signature
	RaterSignature    Signature
}

// SKPDocument renders the SKP followed by its Lampiran on a new page, marked
// "KONSEP – BELUM DITETAPKAN" unless d.Final.
func SKPDocument(d SKP) ([]byte, error) {
	doc, err := newDocument(d.Common, false, "Sasaran Kinerja Pegawai "+d.Employee.Name)
	if err != nil {
		return nil, fmt.Errorf("SKP: %w", err)
	}
	doc.title(12, "SASARAN KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA "+upper(d.Approach))
	doc.fields(42, []field{
		{"Instansi", orDash(d.Agency)},
		{"Periode", orDash(d.Period)},
		{"Jenis Jabatan", orDash(d.PostType)},
	})
	doc.space(2)
	doc.framedFields("I", "PEGAWAI YANG DINILAI", personFields(d.Employee))
	doc.framedFields("II", "PEJABAT PENILAI KINERJA", personFields(d.Rater))
	doc.heading("HASIL KERJA", 25)
	resultTable(doc, false).draw(doc, resultRows(d.Results, false, false))
	doc.heading("PERILAKU KERJA", 25)
	behaviourTable(doc, false).draw(doc, behaviourRows(d.Behaviours, false, false))
	if err := doc.signatures(&d.EmployeeSignature, &d.RaterSignature); err != nil {
		return nil, fmt.Errorf("SKP: %w", err)
	}
	doc.pdf.AddPage()
	doc.title(12, "LAMPIRAN SASARAN KINERJA PEGAWAI")
	doc.numbered("DUKUNGAN SUMBER DAYA", d.Resources)
	doc.numbered("SKEMA PERTANGGUNGJAWABAN", d.Accountability)
	doc.numbered("KONSEKUENSI", d.Consequences)
	return doc.output()
}

// numbered draws a heading and a numbered list; an empty list prints "-".
func (d *document) numbered(heading string, items []string) {
	d.heading(heading, 10)
	t := table{cols: []column{{width: 8, align: "R"}, {width: d.width() - 8}}, size: bodySize}
	rows := make([]row, 0, len(items))
	for i, it := range items {
		rows = append(rows, row{cells: []string{itoa(i+1) + ".", it}})
	}
	if len(rows) == 0 {
		rows = append(rows, row{cells: []string{"", "-"}})
	}
	t.draw(d, rows)
	d.space(2)
}
