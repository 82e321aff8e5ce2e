package service

import (
	"bytes"
	"os"
	"os/exec"
	"testing"

	"kinerja/data"
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
	if err := o.st.SetOffice(data.Office{Kecamatan: "Soreang", Kabupaten: "Bandung", Alamat: "Jl. Alun-alun Utara No. 1", Kota: "Soreang"}); err != nil {
		t.Fatal(err)
	}
	if _, err := New(o.st).CreateOfficeRoot(testRootPass); err != nil {
		t.Fatalf("CreateOfficeRoot: %v", err)
	}
	if _, err := New(o.st).CreateSigner(o.kasi, testRootPass, testSignerPass); err != nil {
		t.Fatalf("CreateSigner: %v", err)
	}
	return o
}

// submitted rates and submits one evaluation.
func (o *evalOffice) submitted(t testing.TB, staffID uint64, work, behavior data.Rating) {
	t.Helper()
	if _, err := New(o.st).SetEvaluation(o.periodID, staffID, rateBoth(work, behavior)); err != nil {
		t.Fatalf("set %d: %v", staffID, err)
	}
	if _, err := New(o.st).Submit(o.periodID, staffID); err != nil {
		t.Fatalf("submit %d: %v", staffID, err)
	}
}

// needTool returns the path of a command-line tool; without it the test is
// skipped, or fails when CI=true (CI installs poppler-utils and qpdf).
func needTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s tidak terpasang (CI memasang poppler-utils dan qpdf)", name)
		}
		t.Skipf("%s tidak terpasang", name)
	}
	return p
}

// toolOutput runs a tool and returns its combined output.
func toolOutput(t testing.TB, name string, args ...string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	cmd := exec.Command(needTool(t, name), args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
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
