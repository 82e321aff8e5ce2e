package sign

import (
	"testing"
	"time"
)

// BenchmarkSign100 signs 100 small gofpdf documents with one unlocked key
// (argon2id excluded), as a batch export does, and reports ms per document.
func BenchmarkSign100(b *testing.B) {
	root := newRoot(b, "Soreang")
	signer := newSigner(b, root, "Drs. H. Asep Saepudin, M.Si.", "196804111993031009")
	docs := make([][]byte, 100)
	for i := range docs {
		docs[i] = makePDF(b, "Dokumen Evaluasi Kinerja Pegawai", "Nomor "+time.Duration(i).String())
	}
	info := SignInfo{Name: "Drs. H. Asep Saepudin, M.Si.", Location: "Soreang", Reason: "Penetapan evaluasi kinerja"}
	for b.Loop() {
		for _, doc := range docs {
			if _, err := SignPDF(doc, signer, info); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N*len(docs)), "ms/doc")
}

// BenchmarkVerify verifies one signed document against the office root.
func BenchmarkVerify(b *testing.B) {
	root := newRoot(b, "Soreang")
	signed := signDoc(b, makePDF(b, "Verifikasi"), newSigner(b, root, "Asep", "196804111993031009"))
	pool := poolOf(b, root)
	for b.Loop() {
		if _, err := Verify(signed, pool); err != nil {
			b.Fatal(err)
		}
	}
}
