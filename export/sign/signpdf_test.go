package sign

import (
	"strings"
	"testing"
	"time"
)

func TestSignPDFPassesExternalTools(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	signer := newSigner(t, root, "Drs. H. Asep Saepudin, M.Si.", "196804111993031009")
	doc := makePDF(t, "Dokumen Evaluasi Kinerja Pegawai", "NIP 19680411 199303 1 009")
	signed := signDoc(t, doc, signer)

	if out, err := runTool(t, signed, "qpdf", "--check", "FILE"); err != nil {
		t.Fatalf("qpdf --check failed: %v\n%s", err, out)
	}
	out, _ := runTool(t, signed, "pdfsig", "FILE")
	if !strings.Contains(out, "Signature is Valid.") {
		t.Fatalf("pdfsig does not report a valid signature:\n%s", out)
	}
	if !strings.Contains(out, "adbe.pkcs7.detached") {
		t.Errorf("pdfsig does not show adbe.pkcs7.detached:\n%s", out)
	}
	text, err := runTool(t, signed, "pdftotext", "FILE", "-")
	if err != nil || !strings.Contains(text, "Dokumen Evaluasi Kinerja Pegawai") {
		t.Errorf("pdftotext lost the page text (%v):\n%s", err, text)
	}
}

func TestPdfsigSeesTampering(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	signed := signDoc(t, makePDF(t, "Predikat: Baik"), newSigner(t, root, "Asep", "196804111993031009"))
	i := strings.Index(string(signed), "/Producer")
	if i < 0 {
		t.Fatal("no /Producer in the gofpdf output")
	}
	tampered := append([]byte(nil), signed...)
	tampered[i+1] ^= 0x01
	out, _ := runTool(t, tampered, "pdfsig", "FILE")
	if strings.Contains(out, "Signature is Valid.") {
		t.Fatalf("pdfsig reports a tampered file valid:\n%s", out)
	}
}

func TestSignTwiceKeepsBothSignatures(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	first := signDoc(t, makePDF(t, "Dua tanda tangan"), newSigner(t, root, "Pegawai", "199001012015031001"))
	both := signDoc(t, first, newSigner(t, root, "Pejabat Penilai", "196804111993031009"))

	results, err := Verify(both, poolOf(t, root))
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 2 {
		t.Fatalf("got %d signatures, want 2", len(results))
	}
	if Overall(results) != StatusValid {
		t.Fatalf("overall %v, results %+v", Overall(results), results)
	}
	if results[0].WholeFile || !results[1].WholeFile {
		t.Errorf("coverage: first %v second %v, want false true", results[0].WholeFile, results[1].WholeFile)
	}
	if results[0].Signer != "Pegawai" || results[1].Signer != "Pejabat Penilai" {
		t.Errorf("signers %q, %q", results[0].Signer, results[1].Signer)
	}
	if out, err := runTool(t, both, "qpdf", "--check", "FILE"); err != nil {
		t.Fatalf("qpdf --check failed: %v\n%s", err, out)
	}
	out, _ := runTool(t, both, "pdfsig", "FILE")
	if n := strings.Count(out, "Signature is Valid."); n != 2 {
		t.Fatalf("pdfsig reports %d valid signatures, want 2:\n%s", n, out)
	}
}

func TestSignPDFRejects(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	signer := newSigner(t, root, "Asep", "196804111993031009")
	other := newSigner(t, root, "Budi", "199001012015031001")
	doc := makePDF(t, "x")
	locked := signer
	locked.Key = nil
	mismatched := signer
	mismatched.Key = other.Key
	sixYearsAgo := time.Now().AddDate(-6, 0, 0)
	expired, err := IssueSigner(root, "Lama", "196804111993031009", "Camat", sixYearsAgo)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		doc  []byte
		id   Identity
		info SignInfo
		want string
	}{
		{"locked key", doc, locked, SignInfo{}, "belum dibuka"},
		{"key of another certificate", doc, mismatched, SignInfo{}, "tidak cocok"},
		{"not a PDF", []byte("hello"), signer, SignInfo{}, "bukan PDF"},
		{"truncated PDF", doc[:len(doc)/2], signer, SignInfo{}, "PDF"},
		{"certificate expired", doc, signer, SignInfo{Time: testNow.AddDate(6, 0, 0)}, "hanya berlaku"},
		{"certificate not yet valid", doc, signer, SignInfo{Time: testNow.Add(-time.Hour)}, "hanya berlaku"},
		{"no certificate", doc, Identity{Key: signer.Key}, SignInfo{}, "sertifikat"},
		{"certificate expired now, back-dated time", doc, expired, SignInfo{Time: sixYearsAgo.AddDate(1, 0, 0)}, "hanya berlaku"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := SignPDF(tt.doc, tt.id, tt.info)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestSignPDFNonASCIIInfo(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	signer := newSigner(t, root, "Asep", "196804111993031009")
	info := SignInfo{Name: "Dra. Ené Sukaesih (Kasi) č Ĩ \\", Location: "Soreang\r\nBandung", Reason: "Penetapan"}
	signed, err := SignPDF(makePDF(t, "x"), signer, info)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := runTool(t, signed, "qpdf", "--check", "FILE"); err != nil {
		t.Fatalf("qpdf --check failed: %v\n%s", err, out)
	}
	out, _ := runTool(t, signed, "pdfsig", "FILE")
	if !strings.Contains(out, "Signature is Valid.") {
		t.Fatalf("pdfsig:\n%s", out)
	}
}

func TestPdfText(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"  Soreang ", "Soreang"},
		{"Asep (Camat)", "Asep (Camat)"},
		{"Ené (Kasi)", "Ené [Kasi]"},
		{"ač", "a?"},
		{"line\r\nbreak", "linebreak"},
		{"Ĩ\\é", "??é"},
	}
	for _, tt := range tests {
		if got := pdfText(tt.in); got != tt.want {
			t.Errorf("pdfText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
