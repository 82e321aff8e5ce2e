package pdf

import (
	"strings"
	"testing"
)

func sampleLeaveForm() LeaveForm {
	return LeaveForm{
		Common: Common{DocumentID: "CUTI-2026-11-02-0001", Letterhead: sampleLetterhead(), Final: true},
		Place:  "Soreang", Date: "28 Oktober 2026", Addressee: "Yth. Camat Soreang", At: "di Soreang",
		Employee:     Person{Name: employeeName, NIP: employeeNIP, Rank: "Penata (III/c)", Position: "Analis Kebijakan", Unit: "Seksi Pemerintahan"},
		ServiceYears: "16 tahun 10 bulan", Code: "CT", Reason: "Keperluan keluarga di Garut",
		Duration: "2 hari kerja", From: "2 November 2026", To: "3 November 2026",
		Annual: [3]AnnualLeaveLine{{Year: "2024", Remaining: "4"}, {Year: "2025", Remaining: "6"}, {Year: "2026", Remaining: "10", Note: "termasuk cuti ini 2 hari"}},
		Others: map[string]string{"CS": "3 hari"}, Address: "Jl. Raya Garut No. 5, Garut", Phone: "0812 2233 4455",
		Applicant:          Signature{Name: employeeName, NIP: employeeNIP},
		Supervisor:         Signature{Role: "Kepala Seksi Pemerintahan,", Name: raterName, NIP: raterNIP},
		Official:           Signature{Role: "CAMAT SOREANG,", Name: superiorName, NIP: superiorNIP},
		SupervisorDecision: "DISETUJUI", OfficialDecision: "DISETUJUI", Letter: "800/123/Kec",
	}
}

func TestLeaveForm(t *testing.T) {
	t.Parallel()
	b, err := RenderLeaveForm(sampleLeaveForm())
	if err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, "formulir-cuti.pdf", b)
	qpdfCheck(t, path)
	flat := strings.Join(strings.Fields(pdfText(t, path)), " ")
	// Every section, in the order of Peraturan BKN 24/2017 Anak Lampiran I.b.
	order := []string{"ANAK LAMPIRAN I.b", "FORMULIR PERMINTAAN DAN PEMBERIAN CUTI", "Nomor: 800/123/Kec",
		"I. DATA PEGAWAI", employeeName, "Masa Kerja", "16 tahun 10 bulan",
		"II. JENIS CUTI YANG DIAMBIL", "1. Cuti Tahunan ✓", "6. Cuti di Luar Tanggungan Negara",
		"III. ALASAN CUTI", "Keperluan keluarga di Garut",
		"IV. LAMANYA CUTI", "2 hari kerja", "2 November 2026", "3 November 2026",
		"V. CATATAN CUTI", "1. CUTI TAHUNAN", "N-2 2024", "N-1 2025", "N 2026 10",
		"VI. ALAMAT SELAMA MENJALANKAN CUTI", "Jl. Raya Garut No. 5", "Hormat saya,",
		"VII. PERTIMBANGAN ATASAN LANGSUNG", "DISETUJUI", raterName,
		"VIII. KEPUTUSAN PEJABAT YANG BERWENANG MEMBERIKAN CUTI", "DISETUJUI", superiorName, "Catatan:"}
	at := 0
	for _, w := range order {
		i := strings.Index(flat[at:], w)
		if i < 0 {
			t.Fatalf("after %q the text lacks %q:\n%s", flat[max(0, at-80):at], w, flat)
		}
		at += i + len(w)
	}
	if strings.Count(flat, "✓") != 4 { // kind, two decisions, and the footnote
		t.Errorf("ticks = %d, want 4", strings.Count(flat, "✓"))
	}
}
