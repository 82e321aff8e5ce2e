package service

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"kinerja/data"
)

func TestAppraisalFileName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		nip, name, period string
		revision          int
		want              string
	}{
		{"196804111993031009", "Asep Saepudin", "2026-Q3", 0, "196804111993031009_AsepSaepudin_Triwulan-III-2026.pdf"},
		{"196804111993031009", "Dr. H. Asep, S.Sos., M.Si.", "2026", 2, "196804111993031009_DrHAsepSSosMSi_Akhir-2026_r2.pdf"},
		{"198001012005012003", "Euis Rahayu/../x", "2026-11", 1, "198001012005012003_EuisRahayux_November-2026_r1.pdf"},
		{"198001012005012003", "Éva Nur'aini", "2026-S1", 0, "198001012005012003_EvaNuraini_Semester-I-2026.pdf"},
	}
	for _, tt := range tests {
		if got := AppraisalFileName(tt.nip, tt.name, tt.period, tt.revision); got != tt.want {
			t.Errorf("AppraisalFileName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestExportAppraisals(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	for _, id := range o.pelaksana[:2] {
		o.submitted(t, id, data.RatingSesuai, data.RatingSesuai)
		if _, _, err := o.svc.FinalizeAndSign(o.periodID, id, testSignerPass); err != nil {
			t.Fatal(err)
		}
	}
	// A final evaluation without a signer (the Camat rates the Kasi) is exported unsigned.
	o.finalized(t, o.kasi, data.RatingSesuai, data.RatingSesuai)
	// A reopened and again final evaluation gets the revision suffix.
	if _, err := o.svc.Reopen(o.periodID, o.pelaksana[1], "salah ketik realisasi"); err != nil {
		t.Fatal(err)
	}
	o.submitted(t, o.pelaksana[1], data.RatingDiAtas, data.RatingSesuai)
	if _, _, err := o.svc.FinalizeAndSign(o.periodID, o.pelaksana[1], testSignerPass); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var calls []int
	res, err := o.svc.ExportAppraisals(context.Background(), o.periodID, ExportFilter{}, dir, func(done, total int) { calls = append(calls, done*100+total) })
	if err != nil {
		t.Fatal(err)
	}
	// Per person the two documents and the attendance annex, and the
	// Penetapan of the period.
	if len(res.Files) != 3*3+1 || len(calls) != 3 || calls[2] != 303 {
		t.Fatalf("files %v, progress %v", res.Files, calls)
	}
	names := map[string]bool{}
	for _, f := range res.Files {
		rel, _ := filepath.Rel(dir, f.Path)
		names[filepath.ToSlash(rel)] = f.Signed
	}
	for _, id := range []uint64{o.pelaksana[0], o.pelaksana[1], o.kasi} {
		s, _ := o.svc.StaffByID(id)
		rev := 0
		if id == o.pelaksana[1] {
			rev = 1
		}
		for _, kind := range []DocKind{DocEvaluation, DocSummary} {
			name := DocumentFileName(s.NIP, s.Name, o.periodID, rev, kind)
			if id == o.kasi {
				name = AnnexDir + "/" + name // not signed by this office
			}
			signed, ok := names[name]
			if !ok || signed == (id == o.kasi) {
				t.Errorf("%s: exported %v, signed %v", name, ok, signed)
			}
		}
		if _, ok := names[AnnexDir+"/"+DocumentFileName(s.NIP, s.Name, o.periodID, rev, DocAttendance)]; !ok {
			t.Errorf("%s: no attendance annex in %s/", s.Name, AnnexDir)
		}
	}
	if _, ok := names[AnnexDir+"/"+PenetapanFileName(o.periodID)]; !ok {
		t.Errorf("no unsigned Penetapan in %s/: %v", AnnexDir, names)
	}
	if _, err := os.Stat(res.Index); err != nil {
		t.Fatalf("index: %v", err)
	}
	for _, f := range res.Files {
		checkPDFTools(t, f.Path, f.Signed)
	}
	// --nip narrows to one person.
	one, err := o.svc.ExportAppraisals(context.Background(), o.periodID, ExportFilter{NIP: mustNIP(t, o, o.kasi)}, t.TempDir(), nil)
	if err != nil || len(one.Files) != 3 {
		t.Fatalf("by NIP: %v, %v", one.Files, err)
	}
}

func mustNIP(t *testing.T, o *evalOffice, id uint64) string {
	t.Helper()
	s, err := o.svc.StaffByID(id)
	if err != nil {
		t.Fatal(err)
	}
	return s.NIP
}

func TestExportAppraisalsCancelLeavesNoFinalName(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	for _, id := range o.pelaksana {
		o.submitted(t, id, data.RatingSesuai, data.RatingSesuai)
		if _, _, err := o.svc.FinalizeAndSign(o.periodID, id, testSignerPass); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	_, err := o.svc.ExportAppraisals(ctx, o.periodID, ExportFilter{}, dir, func(done, total int) {
		if done == 1 {
			cancel()
		}
	})
	if !errors.Is(err, ErrExportCancelled) {
		t.Fatalf("err = %v, want ErrExportCancelled", err)
	}
	entries, _ := os.ReadDir(dir)
	var pdfs []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left: %s", e.Name())
		}
		if strings.HasSuffix(e.Name(), ".pdf") {
			pdfs = append(pdfs, e.Name())
		}
	}
	// The first person's two signed documents; the index is never written.
	if len(pdfs) != 2 || len(entries) != 3 {
		t.Fatalf("folder holds %v, want only the first person's finished PDFs and %s/", entries, AnnexDir)
	}
	for _, name := range pdfs {
		checkPDFTools(t, filepath.Join(dir, name), true)
	}
}

// TestExportAppraisalsMissingFolder: a folder that does not exist on a drive
// that is there is named as missing, not blamed on a pulled USB stick
// (that message stays for a drive that is gone or an I/O error).
func TestExportAppraisalsMissingFolder(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	o.submitted(t, o.pelaksana[0], data.RatingSesuai, data.RatingSesuai)
	if _, _, err := o.svc.FinalizeAndSign(o.periodID, o.pelaksana[0], testSignerPass); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "dicabut")
	_, err := o.svc.ExportAppraisals(context.Background(), o.periodID, ExportFilter{}, missing, nil)
	var ee *ExportError
	if !errors.As(err, &ee) || ee.Reason != fmt.Sprintf(reasonNoFolder, missing) {
		t.Fatalf("err = %v, want the missing-folder message", err)
	}
}

func TestDiskReason(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  error
		want string
	}{
		{&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, reasonDiskFull},
		{&os.PathError{Op: "write", Path: "x", Err: syscall.EIO}, reasonRemoved},
		{&os.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}, reasonRemoved},
		{&os.PathError{Op: "open", Path: "x", Err: syscall.EROFS}, reasonDenied},
		{errors.New("lain"), reasonOther + ": lain"},
	}
	for _, tt := range tests {
		if got := diskReason(tt.err); got != tt.want {
			t.Errorf("diskReason(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestExportForms(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	dir := t.TempDir()
	res, err := o.svc.ExportForms(context.Background(), o.periodID, ExportFilter{UnitID: 5}, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) == 0 {
		t.Fatal("no forms")
	}
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, "_formulir.pdf") {
			t.Errorf("form name %s", f.Path)
		}
		title := "EVALUASI KINERJA PEGAWAI"
		if strings.HasSuffix(f.Path, "_dokumen_formulir.pdf") {
			title = "DOKUMEN EVALUASI KINERJA PEGAWAI"
		}
		checkPDFTools(t, f.Path, false, title, "PERIODE")
	}
}

func TestExportForTTE(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	id := o.pelaksana[0]
	o.submitted(t, id, data.RatingSesuai, data.RatingSesuai)
	path := filepath.Join(t.TempDir(), "tte.pdf")
	if err := o.svc.ExportForTTE(o.periodID, id, path); !errors.Is(err, ErrNotFinal) {
		t.Fatalf("not final: %v", err)
	}
	if _, _, err := o.svc.FinalizeAndSign(o.periodID, id, testSignerPass); err != nil {
		t.Fatal(err)
	}
	if err := o.svc.ExportForTTE(o.periodID, id, path); err != nil {
		t.Fatal(err)
	}
	checkPDFTools(t, path, true)
}
