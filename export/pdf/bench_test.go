package pdf

import "testing"

// BenchmarkEvaluationDocument renders one final evaluation document per
// iteration: kop surat with logo, three RHK with three indicators each, seven
// behaviours, a scanned signature and the electronic-signature box.
func BenchmarkEvaluationDocument(b *testing.B) {
	e := electronic(b)
	e.Results = sampleResults(3)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EvaluationDocument(e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAttendanceRecap renders the monthly recap of a 60-person office.
func BenchmarkAttendanceRecap(b *testing.B) {
	r := sampleRecap(6, 10)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := AttendanceRecap(r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompressPages compresses the page streams of one evaluation
// document as output does, and reports the size before and after.
func BenchmarkCompressPages(b *testing.B) {
	e := electronic(b)
	e.Results = sampleResults(3)
	finishPDF = func(b []byte) ([]byte, error) { return b, nil }
	plain, err := EvaluationDocument(e)
	finishPDF = compressPages
	if err != nil {
		b.Fatal(err)
	}
	var out []byte
	for b.Loop() {
		if out, err = compressPages(plain); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(plain)), "plain-B/doc")
	b.ReportMetric(float64(len(out)), "B/doc")
}
