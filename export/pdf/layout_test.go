package pdf

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// pageText is the text of one page.
func pageText(t *testing.T, path string, page int) string {
	t.Helper()
	n := fmt.Sprint(page)
	out, err := exec.Command(needTool(t, "pdftotext"), "-enc", "UTF-8", "-f", n, "-l", n, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext page %d: %v", page, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TestRowsMoveWhole checks that a row that fits on a page is never split:
// every row's first and last words are on the same page.
func TestRowsMoveWhole(t *testing.T) {
	t.Parallel()
	e := sampleEvaluation(false, 1)
	e.Results = nil
	for i := 1; i <= 14; i++ {
		e.Results = append(e.Results, ResultRow{Kind: "Utama", RHK: fmt.Sprintf("AWAL%02d %s AKHIR%02d", i, longRHK, i),
			Aspect: "Kuantitas", Indicator: "Jumlah berkas", Target: "12 berkas", Realisation: "12 berkas", Feedback: "Baik"})
	}
	path := writePDF(t, "baris-utuh.pdf", mustPDF(t)(EvaluationDocument(e)))
	qpdfCheck(t, path)
	pages := pageCount(t, path)
	if pages < 3 {
		t.Fatalf("%d pages; the test needs rows across page breaks", pages)
	}
	seen := 0
	for p := 1; p <= pages; p++ {
		text := pageText(t, path, p)
		for i := 1; i <= 14; i++ {
			start, end := fmt.Sprintf("AWAL%02d", i), fmt.Sprintf("AKHIR%02d", i)
			if strings.Contains(text, start) != strings.Contains(text, end) {
				t.Errorf("page %d has only one end of row %d", p, i)
			}
			if strings.Contains(text, start) {
				seen++
			}
		}
	}
	if seen != 14 {
		t.Errorf("found %d of 14 rows", seen)
	}
}

// TestTallRowSplits checks that text taller than a page continues on the
// next pages instead of being clipped.
func TestTallRowSplits(t *testing.T) {
	t.Parallel()
	e := sampleEvaluation(true, 1)
	var notes strings.Builder
	for i := 1; i <= 160; i++ {
		fmt.Fprintf(&notes, "Kalimat catatan nomor %d tentang disiplin dan kecepatan pelayanan. ", i)
	}
	notes.WriteString("PENUTUP-CATATAN")
	e.Notes = notes.String()
	path := writePDF(t, "baris-tinggi.pdf", mustPDF(t)(EvaluationDocument(e)))
	qpdfCheck(t, path)
	text := strings.Join(strings.Fields(pdfText(t, path)), " ")
	for _, w := range []string{"nomor 1 tentang", "nomor 80 tentang", "nomor 160 tentang", "PENUTUP-CATATAN"} {
		if !strings.Contains(text, w) {
			t.Errorf("text lacks %q", w)
		}
	}
}

// mustPDF fails the test on an error from a document function.
func mustPDF(t *testing.T) func([]byte, error) []byte {
	return func(data []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
}

func TestBadInput(t *testing.T) {
	t.Parallel()
	badLogo := sampleEvaluation(true, 1)
	badLogo.Letterhead.Logo = []byte("bukan gambar")
	brokenPNG := sampleEvaluation(true, 1)
	brokenPNG.RaterSignature.Image = []byte("\x89PNG\r\n\x1a\nrusak")
	cases := []struct {
		name    string
		run     func() ([]byte, error)
		wantErr string
	}{
		{"logo bukan gambar", func() ([]byte, error) { return EvaluationDocument(badLogo) }, "logo kop surat"},
		{"tanda tangan rusak", func() ([]byte, error) { return EvaluationDocument(brokenPNG) }, "gambar tanda tangan " + raterName},
		{"rekap tanpa kolom", func() ([]byte, error) { return AttendanceRecap(Recap{Title: "REKAP"}) }, "tidak ada kolom"},
		{"evaluasi kosong", func() ([]byte, error) { return EvaluationDocument(Evaluation{}) }, ""},
		{"SKP kosong", func() ([]byte, error) { return SKPDocument(SKP{}) }, ""},
		{"formulir kosong", func() ([]byte, error) { return BlankEvaluationForm(Evaluation{}) }, ""},
		{"rekap sel tidak cocok", func() ([]byte, error) {
			return AttendanceRecap(Recap{Columns: AttendanceColumns(), Rows: []RecapRow{
				{Cells: []string{"1"}}, {Kind: RowUnit}, {Kind: RowTotal, Cells: make([]string, 40)}}})
		}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data, err := c.run()
			if c.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				qpdfCheck(t, writePDF(t, "dokumen.pdf", data))
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("error %v, want one containing %q", err, c.wantErr)
			}
		})
	}
}

// FuzzEvaluationText feeds arbitrary text into every kind of field: a
// document always comes out, and never a panic.
func FuzzEvaluationText(f *testing.F) {
	f.Add(employeeName, longRHK, "Cilame – Kutawaringin", "")
	f.Add("", "", "", "\x00\xff\n\n\r\t")
	f.Add("🙂 漢字", strings.Repeat("x", 3000), strings.Repeat("\n", 200), "☐✓≤≥")
	f.Fuzz(func(t *testing.T, name, rhk, notes, other string) {
		e := sampleEvaluation(false, 1)
		e.Employee.Name, e.EmployeeSignature.Name, e.RaterSignature.Role = name, name, other
		e.Results[0].RHK, e.Results[1].Indicator, e.Notes, e.Period = rhk, other, notes, other
		e.Behaviours[0].Feedback = notes
		e.RaterSignature.Electronic = &ESignature{Signer: name, Time: other, Issuer: other, DocumentID: rhk, SHA256: notes}
		if _, err := EvaluationDocument(e); err != nil && !strings.Contains(err.Error(), "kode QR") {
			t.Fatal(err)
		}
		if _, err := BlankEvaluationForm(e); err != nil {
			t.Fatal(err)
		}
	})
}
