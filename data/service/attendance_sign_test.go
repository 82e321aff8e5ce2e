package service

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/export/pdf"
	"kinerja/export/sign"
)

func TestExportAttendanceSigned(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	kasi, err := o.svc.StaffByID(o.kasi)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	today := data.NewDate(2026, time.November, 2)
	paths, err := o.svc.ExportAttendanceSigned(2026, time.October, dir, today, o.kasi, testSignerPass)
	if err != nil {
		t.Fatalf("ExportAttendanceSigned: %v", err)
	}
	if len(paths) != 2 {
		t.Fatalf("%d files written", len(paths))
	}
	res, err := o.svc.Verify(paths)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range []string{"RKH-2026-10", "RTPP-2026-10"} {
		r := res[i]
		if !r.OK() || r.Match != MatchNotEvaluation || r.DocumentID != id {
			t.Errorf("%s: %s", filepath.Base(paths[i]), r.Line())
		}
		if line := r.Line(); !strings.Contains(line, "bukan dokumen evaluasi") || strings.Contains(line, "TIDAK cocok") {
			t.Errorf("verify line: %s", line)
		}
		checkPDFTools(t, paths[i], true, "tidak tersertifikasi", kasi.DisplayName(), pdf.GroupNIP(kasi.NIP), "Kepala Seksi Pemerintahan,", id)
	}
	raw, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(raw), "REKAP")
	if i < 0 {
		i = len(raw) / 3
	}
	raw[i+2] ^= 0x01
	if r, err := o.svc.VerifyDocument("ubah.pdf", raw); err != nil || r.OK() {
		t.Errorf("a changed recap verifies: %s, %v", r.Line(), err)
	}
}

func TestExportAttendanceSignedRefusals(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	today := data.NewDate(2026, time.November, 2)
	tests := []struct {
		name    string
		staffID uint64
		pass    string
		want    error
	}{
		{"wrong passphrase", o.kasi, "salah-sekali", sign.ErrWrongPassphrase},
		{"no signer", o.pelaksana[0], testSignerPass, data.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if _, err := o.svc.ExportAttendanceSigned(2026, time.October, dir, today, tt.staffID, tt.pass); !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("%d files written after a refusal", len(entries))
			}
		})
	}
}
