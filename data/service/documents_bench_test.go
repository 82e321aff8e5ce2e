package service

import (
	"bytes"
	"fmt"
	"testing"

	"kinerja/data"
)

// BenchmarkSignedEvaluations100 renders and signs 100 evaluation documents
// with one signer whose key is unlocked once, as a batch does; it reports the
// time per document (target: at most 5 ms).
func BenchmarkSignedEvaluations100(b *testing.B) {
	o := signOffice(b)
	id := o.pelaksana[0]
	e := o.finalized(b, id, data.RatingDiAtas, data.RatingSesuai)
	u, err := o.svc.UnlockSigner(o.kasi, testSignerPass)
	if err != nil {
		b.Fatal(err)
	}
	src, err := o.svc.loadDocSource(o.periodID, id, e)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		for range 100 {
			if _, err := signedDocument(src, e, u); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*100), "ms/doc")
}

// BenchmarkStoreSignedPDF stores one signed evaluation document (three
// pages, rendered and signed once; a comment after %%EOF makes each
// iteration's bytes new) into the file, as signing one evaluation does, and
// reports the bytes the file keeps for it (target: at most 40 KB on
// average; storing at most 5 ms).
func BenchmarkStoreSignedPDF(b *testing.B) {
	o := signOffice(b)
	id := o.pelaksana[0]
	e := o.finalized(b, id, data.RatingDiAtas, data.RatingSesuai)
	u, err := o.svc.UnlockSigner(o.kasi, testSignerPass)
	if err != nil {
		b.Fatal(err)
	}
	src, err := o.svc.loadDocSource(o.periodID, id, e)
	if err != nil {
		b.Fatal(err)
	}
	docs, err := signedDocument(src, e, u)
	if err != nil {
		b.Fatal(err)
	}
	doc, signed := docs[0].Document, docs[0].PDF
	n := 0
	for b.Loop() {
		n++
		if err := o.svc.st.SaveDocument(doc, fmt.Appendf(bytes.Clone(signed), "%% %d\n", n)); err != nil {
			b.Fatal(err)
		}
	}
	stored, err := o.svc.st.Documents(o.periodID)
	if err != nil || len(stored) == 0 {
		b.Fatalf("%d documents, %v", len(stored), err)
	}
	b.ReportMetric(float64(stored[0].StoredSize), "stored-B/doc")
	b.ReportMetric(float64(len(signed)), "pdf-B/doc")
}
