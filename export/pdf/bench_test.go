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
