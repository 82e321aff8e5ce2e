package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

// samplePNG is a small PNG standing in for a logo or a scanned signature.
func samplePNG(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 40, 40))
	for x := 0; x < 40; x++ {
		img.Set(x, x, color.RGBA{0, 0, 120, 255})
		img.Set(x, 39-x, color.RGBA{0, 0, 120, 255})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// electronic is an evaluation signed with a visible e-signature box and a logo.
func electronic(t testing.TB) Evaluation {
	e := sampleEvaluation(true, 2)
	e.Letterhead.Logo = samplePNG(t)
	e.RaterSignature.Electronic = &ESignature{Signer: raterName, Time: "28 November 2026 pukul 10.15 WIB",
		Issuer: "Sertifikat Induk Kantor Kecamatan Soreang", DocumentID: e.DocumentID,
		SHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}
	e.EmployeeSignature.Image = samplePNG(t)
	return e
}

func TestDocuments(t *testing.T) {
	t.Parallel()
	people := []string{employeeName, employeeNIP, raterName, raterNIP, superiorName, superiorNIP}
	cases := []struct {
		name     string
		make     func() ([]byte, error)
		want     []string
		wantNot  []string
		minPages int
	}{
		{"evaluasi-final", func() ([]byte, error) { return EvaluationDocument(sampleEvaluation(true, 1)) },
			append(people, "PERIODE: TRIWULAN IV", "1 Oktober 2026 s.d. 31 Desember 2026", "Baik", "Di Atas Ekspektasi",
				"NIP 19680411 199303 1 009", "Pembina Tingkat I (IV/b)", "Soreang, 28 November 2026", "Cilame – Kutawaringin", "résumé",
				"KEBERATAN", "KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA", "Dokumen EVK-2026-TW4-0007-r1", "PEMERINTAH KABUPATEN BANDUNG"),
			[]string{draftText}, 1},
		{"evaluasi-konsep-panjang", func() ([]byte, error) { return EvaluationDocument(sampleEvaluation(false, 6)) },
			append(people, draftText, "Halaman 2 dari", "TAMBAHAN"), nil, 3},
		{"evaluasi-tte", func() ([]byte, error) { return EvaluationDocument(electronic(t)) },
			append(people, "tanda tangan elektronik tidak tersertifikasi, diterbitkan oleh Sertifikat Induk Kantor Kecamatan Soreang",
				"28 November 2026 pukul 10.15 WIB"),
			[]string{draftText, "BSrE"}, 1},
		{"skp", func() ([]byte, error) {
			s := SKP{Common: Common{DocumentID: "SKP-2026-0007", Letterhead: sampleLetterhead()},
				Period: "1 Januari 2026 s.d. 31 Desember 2026", Agency: "Kecamatan Soreang",
				Employee: sampleEvaluation(false, 1).Employee, Rater: sampleEvaluation(false, 1).Rater,
				PostType: "Jabatan Pelaksana", Approach: "Kuantitatif", Results: sampleResults(3), Behaviours: sampleBehaviours(),
				Resources:         []string{"Anggaran kegiatan pelayanan administrasi kependudukan", "Komputer dan akses SIAK Terpusat"},
				Accountability:    []string{"Laporan bulanan kepada Kepala Seksi Pelayanan Umum"},
				Consequences:      []string{"Realisasi di bawah target menjadi bahan pembinaan dan rencana pengembangan kompetensi"},
				EmployeeSignature: sampleEvaluation(false, 1).EmployeeSignature, RaterSignature: sampleEvaluation(false, 1).RaterSignature}
			return SKPDocument(s)
		}, append(people[:4], "SASARAN KINERJA PEGAWAI", "LAMPIRAN", "DUKUNGAN SUMBER DAYA", "SKEMA PERTANGGUNGJAWABAN", "KONSEKUENSI",
			"PENDEKATAN HASIL KERJA KUANTITATIF", draftText, "Komputer dan akses SIAK Terpusat"), nil, 2},
		{"formulir", func() ([]byte, error) { return BlankEvaluationForm(sampleEvaluation(false, 2)) },
			append(people, "FORMULIR ISIAN", "☐ Di Atas Ekspektasi", "☐ Sesuai Ekspektasi", "☐ Di Bawah Ekspektasi", "☐ Kurang/Misconduct"),
			[]string{draftText, "251 dokumen", "Sudah baik"}, 2},
		{"rekap", func() ([]byte, error) { return AttendanceRecap(sampleRecap(4, 6)) },
			[]string{"REKAP KEHADIRAN PEGAWAI — BULAN NOVEMBER 2026", employeeName, "NIP " + employeeNIP, "JUMLAH KECAMATAN", "2.345",
				"Mengetahui,", "CAMAT SOREANG,", "Kasubbag Umum dan Kepegawaian,", superiorName, raterName, "Potongan TPP (%)", "Halaman 2 dari"},
			[]string{draftText}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data, err := c.make()
			if err != nil {
				t.Fatal(err)
			}
			path := writePDF(t, c.name+".pdf", data)
			qpdfCheck(t, path)
			text := pdfText(t, path)
			flat := strings.Join(strings.Fields(text), " ")
			for _, w := range c.want {
				if !strings.Contains(flat, w) {
					t.Errorf("text lacks %q", w)
				}
			}
			for _, w := range c.wantNot {
				if strings.Contains(flat, w) {
					t.Errorf("text has %q", w)
				}
			}
			pages := pageCount(t, path)
			if pages < c.minPages {
				t.Errorf("%d pages, want at least %d", pages, c.minPages)
			}
			last := fmt.Sprintf("Halaman %d dari %d", pages, pages)
			if !strings.Contains(flat, last) {
				t.Errorf("text lacks %q", last)
			}
		})
	}
}
