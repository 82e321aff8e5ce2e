package cli

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"kinerja/internal/testkit"
	"kinerja/internal/testkit/svckit"
)

func TestExportSKP(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := svckit.DemoFile(t)
	var nip string
	for _, s := range listJSON(t, db) {
		if s.Kind == "PNS" && s.Status != "left" {
			nip = s.NIP
			break
		}
	}
	if nip == "" {
		t.Fatal("demo has no PNS")
	}
	year := strconv.Itoa(testkit.Today.Year()) // the demo has SKPs for the year of its today
	out := filepath.Join(dir, "skp.pdf")
	if code, stdout, errOut := cli(t, "export", "skp", "--data", db, "--nip", nip, "--year", year, "--out", out); code != 0 || !strings.Contains(stdout, "Ditulis: "+out) {
		t.Fatalf("export skp: exit %d, %q, %q", code, stdout, errOut)
	}
	if msg, err := toolRun(t, "qpdf", "--check", out); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, msg)
	}
	text := pdfText(t, out)
	grouped := nip[:8] + " " + nip[8:14] + " " + nip[14:15] + " " + nip[15:]
	for _, want := range []string{"SASARAN KINERJA PEGAWAI", "LAMPIRAN", "DUKUNGAN SUMBER DAYA", grouped} {
		if !strings.Contains(text, want) {
			t.Errorf("SKP PDF lacks %q", want)
		}
	}
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"default year", []string{"--nip", nip, "--out", filepath.Join(dir, "skp2.pdf")}, 0},
		{"no SKP that year", []string{"--nip", nip, "--year", "1990", "--out", out}, 1},
		{"unknown NIP", []string{"--nip", "199001012020011999", "--out", out}, 1},
		{"no --out", []string{"--nip", nip}, 2},
		{"no --nip", []string{"--out", out}, 2},
	}
	for _, tt := range tests {
		args := append([]string{"export", "skp", "--data", db}, tt.args...)
		if code, _, errOut := cli(t, args...); code != tt.code {
			t.Errorf("%s: exit %d (%q), want %d", tt.name, code, errOut, tt.code)
		}
	}
}
