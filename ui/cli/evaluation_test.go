package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
	"kinerja/internal/testkit/svckit"
)

func evaluationsJSON(t *testing.T, db, period string) []evaluationJSON {
	t.Helper()
	code, out, errOut := cli(t, "evaluation", "list", "--data", db, "--period", period, "--format", "json")
	if code != 0 {
		t.Fatalf("evaluation list: exit %d: %s", code, errOut)
	}
	var list []evaluationJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("evaluation list output is not a JSON array: %v\n%s", err, out)
	}
	return list
}

func periodsJSON(t *testing.T, db string) []periodJSON {
	t.Helper()
	code, out, errOut := cli(t, "period", "list", "--data", db, "--format", "json")
	if code != 0 {
		t.Fatalf("period list: exit %d: %s", code, errOut)
	}
	var list []periodJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("period list output is not a JSON array: %v\n%s", err, out)
	}
	return list
}

// demoFile returns a fresh copy of the test demo office (svckit.DemoFile:
// 30 staff, seed 4, built once per test binary) with its periods: the last
// one is the running period, the others have ended.
func demoFile(t *testing.T) (string, []periodJSON) {
	t.Helper()
	db := svckit.DemoFile(t)
	periods := periodsJSON(t, db)
	if len(periods) < 4 {
		t.Fatalf("demo made %d periods, want at least three ended and the running one", len(periods))
	}
	return db, periods
}

func TestDemoEvaluationListJSON(t *testing.T) {
	t.Parallel()
	db, periods := demoFile(t)
	for _, p := range periods {
		if p.Kind != string(data.PeriodQuarterly) || p.Start == "" || p.End == "" || p.Deadline < p.End {
			t.Errorf("period %+v", p)
		}
	}
	ended := periods[len(periods)-2]
	list := evaluationsJSON(t, db, ended.ID)
	if len(list) == 0 {
		t.Fatalf("no evaluations for %s", ended.ID)
	}
	seen := map[string]bool{}
	for _, e := range list {
		if e.Period != ended.ID || len(e.NIP) != 18 {
			t.Errorf("evaluation %+v", e)
		}
		if e.State != "draft" && e.State != "submitted" && e.State != "final" {
			t.Errorf("state %q", e.State)
		}
		for _, r := range []string{e.WorkRating, e.BehaviorRating} {
			if r != "di_atas" && r != "sesuai" && r != "di_bawah" {
				t.Errorf("rating %q of %s", r, e.NIP)
			}
		}
		seen[e.Predicate] = true
	}
	for _, p := range []string{"sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"} {
		if !seen[p] {
			t.Errorf("%s: no evaluation with predicate %s", ended.ID, p)
		}
	}
	revised := 0
	for _, p := range periods {
		for _, e := range evaluationsJSON(t, db, p.ID) {
			if e.Revision > 0 {
				revised++
			}
		}
	}
	if revised != 1 {
		t.Errorf("%d reopened evaluations in the demo, want 1", revised)
	}
	running := periods[len(periods)-1]
	if list := evaluationsJSON(t, db, running.ID); len(list) != 0 {
		t.Errorf("running period has %d evaluations, want an empty array", len(list))
	}
	code, out, _ := cli(t, "evaluation", "list", "--data", db, "--period", ended.ID, "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "NIP,Nama") || strings.Count(out, "\n") != len(list)+1 {
		t.Errorf("csv: exit %d, %d lines", code, strings.Count(out, "\n"))
	}
}

// ratablePNS returns the NIP of an active PNS who is neither the Camat nor
// a unit head, and the NIK of a Non-ASN staff member.
func ratablePNS(t *testing.T, db string) (nip, nonASN string) {
	t.Helper()
	for _, s := range listJSON(t, db) {
		switch {
		case s.Status != "active":
		case s.Kind == string(data.KindNonASN) && nonASN == "":
			nonASN = s.NIK
		case s.Kind == string(data.KindPNS) && nip == "" && !strings.HasPrefix(s.Position, "Kepala") && s.Position != "Camat" &&
			s.Position != "Sekretaris Kecamatan":
			nip = s.NIP
		}
	}
	if nip == "" || nonASN == "" {
		t.Fatal("demo lacks a pelaksana PNS or a Non-ASN")
	}
	return nip, nonASN
}

func TestEvaluationWorkflowThroughCLI(t *testing.T) {
	t.Parallel()
	db, periods := demoFile(t)
	period := periods[len(periods)-1].ID
	nip, nonASN := ratablePNS(t, db)
	ev := func(args ...string) (int, string, string) {
		t.Helper()
		return cli(t, append([]string{"evaluation", args[0], "--data", db, "--period", period}, args[1:]...)...)
	}
	steps := []struct {
		args []string
		code int
		msg  string // in stdout for 0, in stderr otherwise
	}{
		{[]string{"set", "--nip", nip, "--work", "di_atas", "--behavior", "sesuai", "--note", "Pertahankan"}, 0, "predikat Baik"},
		{[]string{"finalize", "--nip", nip}, 1, "ajukan dulu"},
		{[]string{"reopen", "--nip", nip, "--reason", "x"}, 1, "hanya penilaian yang sudah Ditetapkan"},
		{[]string{"submit", "--nip", nip}, 0, "Diajukan"},
		{[]string{"submit", "--nip", nip}, 1, "sudah Diajukan"},
		{[]string{"set", "--nip", nip, "--behavior", "Di Atas Ekspektasi"}, 0, "predikat Sangat Baik"},
		{[]string{"finalize", "--nip", nip}, 0, "Ditetapkan"},
		{[]string{"set", "--nip", nip, "--work", "sesuai"}, 1, "terkunci"},
		{[]string{"reopen", "--nip", nip}, 1, "alasan"},
		{[]string{"reopen", "--nip", nip, "--reason", "Realisasi salah ketik"}, 0, "revisi 1"},
		{[]string{"set", "--nip", nip, "--work", "luar biasa"}, 2, "tidak dikenali"},
		{[]string{"set", "--work", "sesuai"}, 2, "--nip"},
		{[]string{"submit", "--nip", nonASN}, 1, "Non-ASN"},
		{[]string{"submit", "--nip", "199001012020011999"}, 1, "tidak ditemukan"},
	}
	for _, s := range steps {
		code, out, errOut := ev(s.args...)
		text := out
		if s.code != 0 {
			text = errOut
		}
		if code != s.code || !strings.Contains(text, s.msg) {
			t.Fatalf("evaluation %v: exit %d (want %d), stdout %q, stderr %q; want %q", s.args, code, s.code, out, errOut, s.msg)
		}
	}
	code, out, errOut := cli(t, "evaluation", "revisions", "--data", db, "--period", period, "--nip", nip, "--format", "json")
	var revs []revisionJSON
	if code != 0 || json.Unmarshal([]byte(out), &revs) != nil || len(revs) != 1 || revs[0].Revision != 0 ||
		revs[0].Predicate != "sangat_baik" || revs[0].Identities.Employee.NIP != nip || revs[0].Identities.Rater.Name == "" {
		t.Fatalf("evaluation revisions: exit %d, %q, %q", code, out, errOut)
	}
	list := evaluationsJSON(t, db, period)
	if len(list) != 1 || list[0].NIP != nip || list[0].State != "draft" || list[0].Revision != 1 || list[0].Predicate != "sangat_baik" {
		t.Fatalf("after reopening: %+v", list)
	}
	if code, _, errOut := cli(t, "evaluation", "list", "--data", db, "--period", "2031-Q1"); code != 1 || !strings.Contains(errOut, "period create") {
		t.Errorf("unknown period: exit %d, %q", code, errOut)
	}
	if code, _, _ := cli(t, "period", "create", "2031-Q5", "--data", db); code != 1 {
		t.Errorf("bad period id: exit %d, want 1", code)
	}
	if code, out, _ := cli(t, "period", "create", "2031-q1", "--data", db); code != 0 || !strings.Contains(out, "2031-Q1") {
		t.Errorf("period create: exit %d, %q", code, out)
	}
	if code, _, errOut := cli(t, "period", "create", "2031-Q1", "--data", db); code != 1 || !strings.Contains(errOut, "sudah ada") {
		t.Errorf("period created twice: exit %d, %q", code, errOut)
	}
	if code, out, _ := cli(t, "period", "capaian", "2031-Q1", "istimewa", "--data", db); code != 0 || !strings.Contains(out, "Istimewa") {
		t.Errorf("period capaian: exit %d, %q", code, out)
	}
}

func TestExportEvaluationsXLSX(t *testing.T) {
	t.Parallel()
	db, periods := demoFile(t)
	ended := periods[len(periods)-2].ID
	list := evaluationsJSON(t, db, ended)
	out := filepath.Join(t.TempDir(), "penilaian.xlsx")
	if code, stdout, errOut := cli(t, "export", "evaluations", "--data", db, "--period", ended, "--out", out); code != 0 {
		t.Fatalf("export: exit %d: %s %s", code, stdout, errOut)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatalf("excelize cannot open the export: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows("Penilaian")
	if err != nil || len(rows) != len(list)+1 {
		t.Fatalf("Penilaian sheet has %d rows, want %d: %v", len(rows), len(list)+1, err)
	}
	if rows[0][0] != "NIP" || rows[0][7] != "Predikat Kinerja" || rows[0][10] != "NIP Pejabat Penilai" {
		t.Errorf("header %q", rows[0])
	}
	hk, err := f.GetRows("Hasil Kerja")
	if err != nil || len(hk) != 3*len(list)+1 {
		t.Errorf("Hasil Kerja sheet has %d rows, want three per evaluation (%d): %v", len(hk), 3*len(list)+1, err)
	}
	if len(hk) > 1 && (hk[0][6] != "RHK" || hk[1][6] == "" || hk[1][8] == "" || hk[1][10] == "") {
		t.Errorf("first hasil kerja row %q under %q", hk[1], hk[0])
	}
	if code, _, _ := cli(t, "export", "evaluations", "--data", db, "--period", ended, "--out", "x.csv"); code != 2 {
		t.Errorf("csv target: exit %d, want 2", code)
	}
}
