package service

import (
	"os"
	"testing"

	"kinerja/data"
	"kinerja/internal/testkit"
)

// Passphrases of the signing tests.
const (
	testRootPass   = "kantor-rahasia-1"
	testSignerPass = "penilai-rahasia-2"
)

// signOffice is the evaluation office with its identity set, the office root
// created and a signer for the Kasi, who rates the pelaksana.
func signOffice(t testing.TB) *evalOffice {
	t.Helper()
	o := newEvalOffice(t)
	if err := o.svc.SetOffice(data.Office{Kecamatan: "Soreang", Kabupaten: "Bandung", Alamat: "Jl. Alun-alun Utara No. 1", Kota: "Soreang"}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.svc.CreateOfficeRoot(testRootPass); err != nil {
		t.Fatalf("CreateOfficeRoot: %v", err)
	}
	if _, err := o.svc.CreateSigner(o.kasi, testRootPass, testSignerPass); err != nil {
		t.Fatalf("CreateSigner: %v", err)
	}
	return o
}

// submitted rates and submits one evaluation.
func (o *evalOffice) submitted(t testing.TB, staffID uint64, work, behavior data.Rating) {
	t.Helper()
	if _, err := o.svc.SetEvaluation(o.periodID, staffID, rateBoth(work, behavior)); err != nil {
		t.Fatalf("set %d: %v", staffID, err)
	}
	if _, err := o.svc.Submit(o.periodID, staffID); err != nil {
		t.Fatalf("submit %d: %v", staffID, err)
	}
}

// toolOutput runs a tool and returns its combined output (testkit.Tool:
// required in CI, skipped elsewhere).
func toolOutput(t testing.TB, name string, args ...string) (string, error) {
	t.Helper()
	return testkit.Tool(t, name, args...)
}

// writeTemp writes b to a file in a temporary folder and returns its path.
func writeTemp(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := t.TempDir() + "/" + name
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
