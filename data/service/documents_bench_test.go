package service

import (
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
			if _, _, err := signedDocument(src, e, u); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*100), "ms/doc")
}
