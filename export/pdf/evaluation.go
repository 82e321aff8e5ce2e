package pdf

import "fmt"

// Evaluation is the content of a Dokumen Evaluasi Kinerja Pegawai
// (PermenPANRB 6/2022; docs/aturan.md §7.10). Every text is printed as given.
type Evaluation struct {
	Common
	Period      string // "TRIWULAN IV", "SEMESTER II" or "AKHIR"; printed after "PERIODE:"
	PeriodDates string // "1 Oktober 2026 s.d. 31 Desember 2026"
	Agency      string // instansi: "Pemerintah Kabupaten Bandung – Kecamatan Soreang"
	Employee    Person // Pegawai yang Dinilai
	Rater       Person // Pejabat Penilai Kinerja
	// RaterSuperior is the Atasan Pejabat Penilai Kinerja.
	RaterSuperior Person
	PostType      string // jenis jabatan: "Jabatan Pelaksana"
	Approach      string // "Kuantitatif" or "Kualitatif"
	Results       []ResultRow
	Behaviours    []BehaviourRow
	// ResultRating and BehaviourRating are "Di Atas Ekspektasi", "Sesuai
	// Ekspektasi" or "Di Bawah Ekspektasi".
	ResultRating    string
	BehaviourRating string
	Predicate       string // spelled exactly: "Sangat Baik", "Baik", "Butuh Perbaikan", ...
	// OrganisationResult is the capaian kinerja organisasi: "Istimewa", "Baik", ...
	OrganisationResult string
	Attendance         AttendanceSummary
	Notes              string // catatan/rekomendasi
	Development        string // tindak lanjut pengembangan (training needed or done)
	Objection          string // keberatan; empty prints "-"
	Explanation        string // penjelasan Pejabat Penilai atas keberatan
	Decision           string // keputusan Atasan Pejabat Penilai Kinerja
	EmployeeSignature  Signature
	RaterSignature     Signature
	// Distribution is the period's pola distribusi, drawn as a curve in the
	// Evaluasi Kinerja Pegawai (PerformanceEvaluation).
	Distribution Distribution
	// SuperiorSignature is the Atasan Pejabat Penilai Kinerja's block on the
	// keberatan page (ObjectionSheet); an empty Name takes RaterSuperior.
	SuperiorSignature Signature
}

// ResultRow is one indicator row of the hasil kerja table. Consecutive rows
// with the same RHK are drawn as one RHK with several indicators.
type ResultRow struct {
	Kind        string // "Utama" or "Tambahan"; a change of kind starts a new part
	LeaderRHK   string // rencana hasil kerja pimpinan yang diintervensi
	RHK         string // rencana hasil kerja
	Aspect      string // "Kuantitas", "Kualitas", "Waktu" or "Biaya"
	Indicator   string // indikator kinerja individu
	Target      string // "12 dokumen"
	Realisation string // realisasi berdasarkan bukti dukung
	Feedback    string // umpan balik
}

// BehaviourRow is one BerAKHLAK value of the perilaku kerja table.
type BehaviourRow struct {
	Value       string // "Berorientasi Pelayanan"
	Guide       string // its guide behaviours
	Expectation string // ekspektasi khusus pimpinan
	Feedback    string // umpan balik
}

// AttendanceSummary is the discipline summary printed next to an
// evaluation, every value already formatted.
type AttendanceSummary struct {
	Range      string // "1 Oktober 2026 s.d. 31 Desember 2026"
	Present    string // "97,5% (59 dari 61 hari kerja)"
	Late       string // TL: "3 kali, 42 menit"
	EarlyLeave string // PSW: "1 kali, 15 menit"
	Absent     string // TK: "0 hari"
	Discipline string // potential PP 94/2021 level, "-" when none
}

// EvaluationDocument renders every part of an evaluation in one merged
// document (identities, hasil kerja, perilaku, attendance, notes and
// keberatan), marked "KONSEP – BELUM DITETAPKAN" unless d.Final. The two
// documents of the Lampiran of PermenPANRB 6/2022 are PerformanceEvaluation
// and EvaluationSummary.
func EvaluationDocument(d Evaluation) ([]byte, error) {
	doc, err := newDocument(d.Common, false, "Dokumen Evaluasi Kinerja Pegawai "+d.Employee.Name)
	if err != nil {
		return nil, fmt.Errorf("dokumen evaluasi kinerja: %w", err)
	}
	doc.evaluationHead(d, "DOKUMEN EVALUASI KINERJA PEGAWAI")
	doc.pairs([]field{{"CAPAIAN KINERJA ORGANISASI", orDash(d.OrganisationResult)}})
	doc.heading("HASIL KERJA", 25)
	resultTable(doc, true).draw(doc, resultRows(d.Results, true, false))
	doc.pairs([]field{{"RATING HASIL KERJA", orDash(d.ResultRating)}})
	doc.heading("PERILAKU KERJA", 25)
	behaviourTable(doc, true).draw(doc, behaviourRows(d.Behaviours, true, false))
	doc.pairs([]field{
		{"RATING PERILAKU KERJA", orDash(d.BehaviourRating)},
		{"PREDIKAT KINERJA PEGAWAI", orDash(d.Predicate)},
	})
	doc.heading("KEHADIRAN DAN DISIPLIN", 20)
	doc.pairs(attendanceFields(d.Attendance))
	doc.space(2)
	doc.textBox("CATATAN/REKOMENDASI", orDash(d.Notes), 0)
	doc.space(2)
	doc.textBox("TINDAK LANJUT PENGEMBANGAN KOMPETENSI", orDash(d.Development), 0)
	doc.space(2)
	doc.textBox("KEBERATAN", orDash(d.Objection), 0)
	doc.space(2)
	doc.textBox("PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN", orDash(d.Explanation), 0)
	doc.space(2)
	doc.textBox("KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN", orDash(d.Decision), 0)
	if err := doc.signatures(&d.EmployeeSignature, &d.RaterSignature); err != nil {
		return nil, fmt.Errorf("dokumen evaluasi kinerja: %w", err)
	}
	return doc.output()
}

// evaluationHead draws the title, period, instansi and the three identity
// blocks shared by the document and the blank form.
func (d *document) evaluationHead(e Evaluation, title string) {
	d.title(12, title, "PERIODE: "+upper(e.Period))
	d.fields(42, []field{
		{"Instansi", orDash(e.Agency)},
		{"Periode Penilaian", orDash(e.PeriodDates)},
		{"Jenis Jabatan", orDash(e.PostType)},
		{"Pendekatan Hasil Kerja", orDash(e.Approach)},
	})
	d.space(2)
	d.framedFields("I", "PEGAWAI YANG DINILAI", personFields(e.Employee))
	d.framedFields("II", "PEJABAT PENILAI KINERJA", personFields(e.Rater))
	d.framedFields("III", "ATASAN PEJABAT PENILAI KINERJA", personFields(e.RaterSuperior))
	d.space(2)
}

// personFields are the five lines of an identity block.
func personFields(p Person) []field {
	return []field{
		{"Nama", orDash(p.Name)},
		{"NIP", orDash(p.NIP)},
		{"Pangkat/Gol. Ruang", orDash(p.Rank)},
		{"Jabatan", orDash(p.Position)},
		{"Unit Kerja", orDash(p.Unit)},
	}
}

// attendanceFields are the lines of the attendance summary.
func attendanceFields(a AttendanceSummary) []field {
	return []field{
		{"Rentang", orDash(a.Range)},
		{"Kehadiran", orDash(a.Present)},
		{"Terlambat (TL)", orDash(a.Late)},
		{"Pulang sebelum waktunya (PSW)", orDash(a.EarlyLeave)},
		{"Tanpa keterangan (TK)", orDash(a.Absent)},
		{"Potensi hukuman disiplin (PP 94/2021)", orDash(a.Discipline)},
	}
}

// pairs draws framed label and value rows, the label in bold.
func (d *document) pairs(items []field) {
	labelW := 62.0
	t := table{cols: []column{{width: labelW}, {width: d.width() - labelW}}, size: bodySize, borders: true}
	rows := make([]row, len(items))
	for i, it := range items {
		rows[i] = row{cells: []string{it.label, it.value}, boldLabel: true}
	}
	d.space(1)
	t.draw(d, rows)
}
