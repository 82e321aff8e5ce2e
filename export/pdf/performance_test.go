package pdf

import (
	"math"
	"strings"
	"testing"
)

// sampleDistribution is the pola distribusi of a Baik office of 9 staff, the
// Camat left out: Baik over its 70% bound.
func sampleDistribution() Distribution {
	return Distribution{
		Capaian: "Baik", Source: "SE MenPANRB 3/2023",
		Classes: []DistributionClass{
			{Label: "Sangat Kurang", Count: 0, Share: "0%", Max: 100},
			{Label: "Kurang/Misconduct", Count: 0, Share: "0%", Max: 100},
			{Label: "Butuh Perbaikan", Count: 1, Share: "11,1%", Max: 100},
			{Label: "Baik", Count: 7, Share: "77,8%", Max: 70},
			{Label: "Sangat Baik", Count: 1, Share: "11,1%", Max: 100},
		},
		Bounds:   []string{"Baik paling banyak 70%", "Butuh Perbaikan atau Kurang/Misconduct wajib ada"},
		Warnings: []string{"Baik 77,8% melebihi batas 70% untuk capaian Baik (SE MenPANRB 3/2023)"},
		Note:     "Tidak termasuk Camat sebagai pimpinan unit kerja.",
	}
}

// evaluationWithCurve is a final sample evaluation with the distribution and
// the atasan's block.
func evaluationWithCurve(final bool, rhk int) Evaluation {
	e := sampleEvaluation(final, rhk)
	e.Distribution = sampleDistribution()
	e.Objection = "Saya keberatan atas rating perilaku kerja karena bukti dukung kehadiran belum diperhitungkan."
	e.Explanation = "Bukti dukung telah diperiksa kembali."
	e.Decision = "Keberatan diterima sebagian; rating perilaku kerja tetap."
	e.SuperiorSignature = Signature{Place: "Soreang", Date: "12 Desember 2026", Role: "Atasan Pejabat Penilai Kinerja,",
		Name: superiorName, Rank: "Pembina Utama Muda (IV/c)", NIP: superiorNIP}
	return e
}

// longEvaluation stretches every field of the one-page document.
func longEvaluation() Evaluation {
	e := electronic(nil)
	e.Distribution = sampleDistribution()
	long := " bin Raden Haji Muhammad Abdurrahman Wahid Kusumaatmadja Suryadiningrat Purwakarta"
	e.Employee.Name += long
	e.Rater.Name += long
	e.RaterSuperior.Name += long
	for _, p := range []*Person{&e.Employee, &e.Rater, &e.RaterSuperior} {
		p.Position = strings.Repeat("Kepala Seksi Pemberdayaan Masyarakat dan Desa serta Ketenteraman dan Ketertiban Umum ", 4)
		p.Unit = strings.Repeat("Seksi Pelayanan Umum pada Kecamatan Soreang Kabupaten Bandung Provinsi Jawa Barat ", 4)
	}
	e.Agency = strings.Repeat("Pemerintah Kabupaten Bandung – Kecamatan Soreang ", 3)
	e.Notes = strings.Repeat("Perlu peningkatan pemanfaatan aplikasi SIAK, ketepatan waktu hadir dan kecepatan pelayanan kepada masyarakat. ", 60)
	return e
}

// signatureMark in a list of labels for inOrder: the labels after it sit in
// side-by-side signature blocks or table cells, which pdftotext reads in
// either order, so each need only follow the label before the mark.
const signatureMark = "\x00any"

// inOrder fails unless every label occurs in text after the one before.
func inOrder(t *testing.T, text string, labels ...string) {
	t.Helper()
	at, mark := 0, -1
	for _, l := range labels {
		if l == signatureMark {
			if mark < 0 {
				mark = at
			}
			at = mark
			continue
		}
		i := strings.Index(text[at:], l)
		if i < 0 {
			t.Errorf("text lacks %q after offset %d (or out of order)", l, at)
			continue
		}
		at += i + len(l)
	}
}

// render writes a document, checks it with qpdf and returns its flattened
// text and page count.
func render(t *testing.T, name string, data []byte, err error) (string, int) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, name+".pdf", data)
	qpdfCheck(t, path)
	return strings.Join(strings.Fields(pdfText(t, path)), " "), pageCount(t, path)
}

func TestEvaluationDocumentsInOrder(t *testing.T) {
	t.Parallel()
	identity := []string{"Nama", "NIP", "Pangkat/Gol. Ruang", "Jabatan", "Unit Kerja"}
	cases := []struct {
		name    string
		make    func() ([]byte, error)
		labels  []string
		wantNot []string
		pages   int // exact, 0 for any
	}{
		{"evaluasi-kinerja", func() ([]byte, error) { return PerformanceEvaluation(evaluationWithCurve(true, 3)) },
			append(append([]string{PerformanceTitle, "PERIODE: TRIWULAN IV", "Instansi", "Periode Penilaian", "1 Oktober 2026 s.d. 31 Desember 2026",
				"PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA"}, identity...),
				"CAPAIAN KINERJA ORGANISASI", "POLA DISTRIBUSI",
				"Kurva distribusi predikat kinerja pegawai dengan capaian kinerja organisasi Baik",
				"HASIL KERJA", "Rencana Hasil Kerja Pimpinan yang Diintervensi", "Rencana Hasil Kerja", "Aspek", "Indikator Kinerja Individu", "Target",
				"Realisasi Berdasarkan Bukti Dukung", "Umpan Balik Berkelanjutan Berdasarkan Bukti Dukung",
				"A. HASIL KERJA UTAMA", "B. HASIL KERJA TAMBAHAN", "RATING HASIL KERJA", "Di Atas Ekspektasi",
				"PERILAKU KERJA", "Ekspektasi Khusus Pimpinan", "Berorientasi Pelayanan", "Kolaboratif",
				"RATING PERILAKU KERJA", "Sesuai Ekspektasi", "PREDIKAT KINERJA PEGAWAI", "Baik",
				signatureMark, "Soreang, 28 November 2026", signatureMark, "Pegawai yang Dinilai,", signatureMark, "Pejabat Penilai Kinerja,",
				signatureMark, employeeName, signatureMark, "NIP "+employeeNIP, signatureMark, raterName),
			[]string{draftText, SummaryTitle, "ATASAN PEJABAT PENILAI", "KEBERATAN"}, 0},
		{"evaluasi-kinerja-kosong", func() ([]byte, error) {
			return BlankPerformanceEvaluation(Evaluation{Results: sampleResults(1), Behaviours: sampleBehaviours()})
		},
			[]string{PerformanceTitle, "PERIODE: TRIWULAN I / II / III / IV – AKHIR", "PEGAWAI YANG DINILAI", "☐ Istimewa", "POLA DISTRIBUSI",
				"Distribusi pegawai (belum ada predikat)", "A. HASIL KERJA UTAMA", "B. HASIL KERJA TAMBAHAN", "☐ Di Atas Ekspektasi", "☐ Sangat Kurang"},
			[]string{draftText, "251 dokumen", "Sudah baik"}, 0},
		{"dokumen-evaluasi", func() ([]byte, error) { return EvaluationSummary(evaluationWithCurve(false, 3)) },
			append(append(append(append([]string{draftText, SummaryTitle, "PERIODE: TRIWULAN IV", "Instansi", "Periode Penilaian",
				"1. PEGAWAI YANG DINILAI"}, identity...), "2. PEJABAT PENILAI KINERJA"), identity...),
				"3. ATASAN PEJABAT PENILAI KINERJA", superiorName, "4. EVALUASI KINERJA", "Capaian Kinerja Organisasi", "Baik",
				"Predikat Kinerja Pegawai", "Baik", "5. CATATAN/REKOMENDASI", "Perlu peningkatan",
				signatureMark, "Soreang, 28 November 2026", signatureMark, "Pegawai yang Dinilai,", signatureMark, "Pejabat Penilai Kinerja,", signatureMark,
				employeeName, signatureMark, "NIP "+employeeNIP, signatureMark, raterName, signatureMark, "NIP "+raterNIP),
			[]string{"HASIL KERJA UTAMA", "KEBERATAN", clippedNote}, 1},
		{"dokumen-evaluasi-kosong", func() ([]byte, error) { return BlankEvaluationSummary(Evaluation{}) },
			[]string{SummaryTitle, "1. PEGAWAI YANG DINILAI", "2. PEJABAT PENILAI KINERJA", "3. ATASAN PEJABAT PENILAI KINERJA",
				"4. EVALUASI KINERJA", "☐ Istimewa", "☐ Sangat Baik", "5. CATATAN/REKOMENDASI", "Pegawai yang Dinilai,", "Pejabat Penilai Kinerja,"},
			[]string{draftText}, 1},
		{"keberatan", func() ([]byte, error) { return ObjectionSheet(evaluationWithCurve(true, 1)) },
			[]string{ObjectionTitle, "PERIODE: TRIWULAN IV", "Pegawai yang Dinilai", employeeName, "Predikat Kinerja Pegawai", "Baik",
				"KEBERATAN PEGAWAI YANG DINILAI", "Saya keberatan", "PENJELASAN PEJABAT PENILAI KINERJA ATAS KEBERATAN", "Bukti dukung",
				"KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA", "Keberatan diterima", "PP 30/2019 Pasal 59",
				"Soreang, 12 Desember 2026", "Atasan Pejabat Penilai Kinerja,", superiorName, "NIP " + superiorNIP},
			[]string{PerformanceTitle, draftText}, 1},
		{"keberatan-kosong", func() ([]byte, error) {
			e := sampleEvaluation(true, 1)
			e.Objection = ""
			return ObjectionSheet(e)
		}, []string{ObjectionTitle, "KEBERATAN PEGAWAI YANG DINILAI", "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA", "Atasan Pejabat Penilai Kinerja,", superiorName},
			[]string{PerformanceTitle}, 1},
		{"lampiran-kehadiran", func() ([]byte, error) { return AttendanceAnnex(sampleEvaluation(true, 1)) },
			[]string{AttendanceTitle, "PERIODE: TRIWULAN IV", "1. PEGAWAI YANG DINILAI", employeeName, "2. KEHADIRAN DAN DISIPLIN",
				"Kehadiran", "96,7% (59 dari 61 hari kerja)", "Terlambat (TL)", "3 kali, 42 menit", "Tanpa keterangan (TK)"},
			[]string{PerformanceTitle, "KEBERATAN"}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			data, err := c.make()
			text, pages := render(t, c.name, data, err)
			inOrder(t, text, c.labels...)
			for _, w := range c.wantNot {
				if strings.Contains(text, w) {
					t.Errorf("text has %q", w)
				}
			}
			if c.pages > 0 && pages != c.pages {
				t.Errorf("%d pages, want %d", pages, c.pages)
			}
		})
	}
}

// TestSummaryStaysOnePage stretches names, jabatan, unit and notes, with
// and without kop surat and electronic signature.
func TestSummaryStaysOnePage(t *testing.T) {
	t.Parallel()
	long := longEvaluation()
	noKop := longEvaluation()
	noKop.Letterhead = nil
	noKop.RaterSignature.Electronic = nil
	huge := longEvaluation()
	huge.Employee.Name = strings.Repeat("Abdurrahmanwahidkusumaatmadja", 20) // one word longer than a line
	huge.Notes = strings.Repeat("x", 20000)
	multiline := longEvaluation()
	multiline.Notes = strings.Repeat("Baris catatan.\n", 200)
	for _, c := range []struct {
		name string
		e    Evaluation
	}{{"panjang", long}, {"tanpa-kop", noKop}, {"satu-kata", huge}, {"banyak-baris", multiline}} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			data, err := EvaluationSummary(c.e)
			text, pages := render(t, "dokumen-evaluasi-"+c.name, data, err)
			if pages != 1 {
				t.Fatalf("%d pages, want 1", pages)
			}
			inOrder(t, text, SummaryTitle, "3. ATASAN PEJABAT PENILAI KINERJA", "5. CATATAN/REKOMENDASI", "dipotong agar dokumen tetap satu halaman",
				"Pegawai yang Dinilai,", "Pejabat Penilai Kinerja,")
		})
	}
	data, err := BlankEvaluationSummary(long)
	if _, pages := render(t, "dokumen-evaluasi-kosong-panjang", data, err); pages != 1 {
		t.Errorf("blank form with long identities: %d pages, want 1", pages)
	}
}

// TestCurveMatchesDistribution checks that every point of the curve stands
// at the height of its class's count, that the labels print the counts, and
// that the allowed counts follow the shares.
func TestCurveMatchesDistribution(t *testing.T) {
	t.Parallel()
	for _, ds := range []Distribution{
		sampleDistribution(),
		{Capaian: "Sangat Kurang", Source: "SE MenPANRB 3/2023", Classes: []DistributionClass{
			{Label: "Sangat Kurang", Count: 26, Share: "61,9%", Min: 60, Max: 100},
			{Label: "Kurang/Misconduct", Count: 9, Share: "21,4%", Max: 100},
			{Label: "Butuh Perbaikan", Count: 4, Share: "9,5%", Max: 100},
			{Label: "Baik", Count: 3, Share: "7,1%", Max: 100},
			{Label: "Sangat Baik", Count: 0, Share: "0%", Max: 0},
		}},
	} {
		doc, err := newDocument(Common{Final: true}, false, "kurva")
		if err != nil {
			t.Fatal(err)
		}
		plot, points := doc.curve(ds)
		if len(points) != len(ds.Classes) {
			t.Fatalf("%s: %d points for %d classes", ds.Capaian, len(points), len(ds.Classes))
		}
		for i, c := range ds.Classes {
			if got := plot.countAt(points[i].y); math.Abs(got-float64(c.Count)) > 1e-9 {
				t.Errorf("%s %s: curve at %.3f, want %d", ds.Capaian, c.Label, got, c.Count)
			}
			if points[i].y < plot.y || points[i].y > plot.y+plot.h {
				t.Errorf("%s %s: point outside the plot", ds.Capaian, c.Label)
			}
		}
		data, err := doc.output()
		text, _ := render(t, "kurva-"+strings.ReplaceAll(ds.Capaian, " ", "-"), data, err)
		var labels []string
		for _, c := range ds.Classes {
			labels = append(labels, itoa(c.Count)+" ("+c.Share+")")
		}
		for _, l := range labels {
			if !strings.Contains(text, l) {
				t.Errorf("%s: curve lacks label %q", ds.Capaian, l)
			}
		}
	}
	allowed := []struct {
		c      DistributionClass
		total  int
		lo, hi int
	}{
		{DistributionClass{Max: 70}, 9, 0, 6},
		{DistributionClass{Max: 70}, 10, 0, 7},
		{DistributionClass{Min: 60, Max: 100}, 42, 26, 42},
		{DistributionClass{Min: 10, Max: 100}, 9, 1, 9},
		{DistributionClass{Max: 0}, 9, 0, 0},
		{DistributionClass{Max: 100, Required: true}, 9, 1, 9},
	}
	for _, a := range allowed {
		if lo, hi := a.c.allowedCounts(a.total); lo != a.lo || hi != a.hi {
			t.Errorf("allowedCounts(%+v, %d) = %d, %d; want %d, %d", a.c, a.total, lo, hi, a.lo, a.hi)
		}
	}
}

func TestPredicateDecisionDocument(t *testing.T) {
	t.Parallel()
	d := PredicateDecision{
		Common: Common{DocumentID: "PPK-2026-TW4", Letterhead: sampleLetterhead(), Final: true},
		Period: "Triwulan IV 2026", PeriodDates: "1 Oktober 2026 s.d. 31 Desember 2026",
		Agency: "Pemerintah Kabupaten Bandung", Unit: "Kecamatan Soreang", OrganisationResult: "Baik",
		Distribution: sampleDistribution(),
		Head: Signature{Place: "Soreang", Date: "5 Januari 2027", Above: "Ditetapkan oleh,", Role: "CAMAT SOREANG,",
			Name: superiorName, Rank: "Pembina Utama Muda (IV/c)", NIP: superiorNIP},
	}
	d.Staff = append(d.Staff, DecisionRow{Predicate: "Sangat Baik", Name: raterName, NIP: raterNIP, Position: "Kepala Seksi Pelayanan Umum"},
		DecisionRow{Predicate: "Butuh Perbaikan", Name: "Asep Sunandar", NIP: "19910226 2023 21 1 085", Position: "Pengadministrasi Umum"})
	for i := 0; i < 7; i++ {
		d.Staff = append(d.Staff, DecisionRow{Predicate: "Baik", Name: employeeName, NIP: employeeNIP, Position: "Pengadministrasi Perkantoran"})
	}
	data, err := PredicateDecisionDocument(d)
	text, _ := render(t, "penetapan", data, err)
	inOrder(t, text, DecisionTitle, "PERIODE: TRIWULAN IV 2026", "Unit Kerja", "Kecamatan Soreang", "CAPAIAN KINERJA ORGANISASI", "Baik",
		"A. DISTRIBUSI PREDIKAT KINERJA PEGAWAI", "Predikat Kinerja Pegawai", "Persentase",
		"Sangat Kurang", "0", "0%", "Butuh Perbaikan", "1", "11,1%", "Baik", "7", "77,8%", "maks. 70%", "Melebihi batas",
		"Sangat Baik", "1", "11,1%", "Jumlah", "9", "100%",
		"Kurva distribusi predikat kinerja pegawai dengan capaian kinerja organisasi Baik",
		"B. DAFTAR PEGAWAI MENURUT PREDIKAT KINERJA", "Sangat Baik (1 pegawai)", raterName, "Baik (7 pegawai)", employeeName,
		"Butuh Perbaikan (1 pegawai)", "Asep Sunandar", "Kurang/Misconduct (0 pegawai)", "Sangat Kurang (0 pegawai)",
		"Ditetapkan oleh,", "Soreang, 5 Januari 2027", "CAMAT SOREANG,", superiorName, "NIP "+superiorNIP)
	for _, w := range []string{"19910226 2023 21 1 085", "Pegawai Persentase", "SE MenPANRB"} {
		if !strings.Contains(text, w) {
			t.Errorf("text lacks %q", w)
		}
	}
	if strings.Contains(text, draftText) {
		t.Error("final penetapan has the draft banner")
	}
}

func TestClassStatus(t *testing.T) {
	t.Parallel()
	cases := []struct {
		c     DistributionClass
		total int
		want  string
	}{
		{DistributionClass{Count: 7, Max: 70}, 10, "Sesuai"},
		{DistributionClass{Count: 8, Max: 70}, 10, "Melebihi batas"},
		{DistributionClass{Count: 6, Min: 60, Max: 100}, 10, "Sesuai"},
		{DistributionClass{Count: 5, Min: 60, Max: 100}, 10, "Kurang dari batas"},
		{DistributionClass{Count: 1, Max: 0}, 10, "Melebihi batas"},
		{DistributionClass{Count: 0, Max: 100, Required: true}, 10, "Wajib ada"},
		{DistributionClass{Count: 3, Max: 100}, 10, "-"},
		{DistributionClass{Count: 0, Max: 70}, 0, "-"},
	}
	for _, c := range cases {
		if got := classStatus(c.c, c.total); got != c.want {
			t.Errorf("classStatus(%+v, %d) = %q, want %q", c.c, c.total, got, c.want)
		}
	}
}
