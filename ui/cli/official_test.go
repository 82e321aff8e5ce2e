package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/internal/testkit/svckit"
)

// sekdaNIP is the NIP of the official outside the office in the tests.
const sekdaNIP = "197001011990031001"

// TestOfficialsAndRaters registers an official outside the office, lists
// him, chooses him as Pejabat Penilai of one evaluation (the Atasan stays),
// then as Atasan (the rater stays), and deactivates him.
func TestOfficialsAndRaters(t *testing.T) {
	t.Parallel()
	db, periods := demoFile(t)
	running := periods[len(periods)-2].ID // the last ended period still holds drafts
	code, out, errOut := cli(t, "official", "add", "--data", db, "--name", "Drs. Asep Gunawan, M.Si.", "--nip", sekdaNIP,
		"--rank", "Pembina Utama Muda (IV/c)", "--position", "Sekretaris Daerah", "--agency", "Pemerintah Kabupaten Bandung")
	if code != 0 || !strings.Contains(out, "Drs. Asep Gunawan, M.Si.") {
		t.Fatalf("official add: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut := cli(t, "official", "add", "--data", db, "--name", "Tanpa Jabatan", "--nip", "197001011990031002"); code != 1 || !strings.Contains(errOut, "ditolak") {
		t.Errorf("official without position and agency: exit %d, %q", code, errOut)
	}
	code, out, _ = cli(t, "official", "list", "--data", db, "--format", "json")
	var list []data.Official
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) == 0 {
		t.Fatalf("official list: exit %d, %v, %q", code, err, out)
	}
	found := false
	for _, o := range list {
		found = found || (o.NIP == sekdaNIP && o.Position == "Sekretaris Daerah" && o.Agency == "Pemerintah Kabupaten Bandung" && !o.Inactive)
	}
	if !found {
		t.Errorf("official list lacks the Sekda: %+v", list)
	}

	// Someone whose evaluation in that period is still a draft.
	var nip string
	for _, ev := range evaluationsJSON(t, db, running) {
		if ev.State == string(data.EvalDraft) && ev.RaterNIP != "" && ev.RaterNIP != sekdaNIP {
			nip = ev.NIP
			break
		}
	}
	if nip == "" {
		t.Fatalf("no draft evaluation with a rater in %s", running)
	}
	code, out, errOut = cli(t, "evaluation", "set", "--data", db, "--period", running, "--nip", nip, "--rater", sekdaNIP)
	if code != 0 || !strings.Contains(out, "Pejabat Penilai Drs. Asep Gunawan, M.Si.") {
		t.Fatalf("evaluation set --rater: exit %d, %q, %q", code, out, errOut)
	}
	atasan := out[strings.Index(out, "Atasan Pejabat Penilai"):]
	for _, ev := range evaluationsJSON(t, db, running) {
		if ev.NIP == nip && ev.RaterNIP != sekdaNIP {
			t.Errorf("evaluation list: rater %s, want the Sekda", ev.RaterNIP)
		}
	}
	// Choosing the rater again keeps the Atasan; choosing the Atasan keeps the rater.
	if _, again, _ := cli(t, "evaluation", "set", "--data", db, "--period", running, "--nip", nip, "--rater", sekdaNIP); !strings.Contains(again, atasan) {
		t.Errorf("the Atasan changed when only the rater was given: %q, before %q", again, atasan)
	}
	code, out, errOut = cli(t, "evaluation", "set", "--data", db, "--period", running, "--nip", nip, "--atasan", sekdaNIP, "--rater", "")
	if code != 0 || !strings.Contains(out, "Atasan Pejabat Penilai Drs. Asep Gunawan, M.Si.") || strings.Contains(out, "Pejabat Penilai Drs. Asep Gunawan, M.Si., Atasan") {
		t.Errorf("evaluation set --atasan, rater back to the default: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut := cli(t, "evaluation", "set", "--data", db, "--period", running, "--nip", nip, "--rater", "196001011985031999"); code != 1 {
		t.Errorf("an unknown rater: exit %d, %q", code, errOut)
	}

	if code, out, errOut := cli(t, "official", "deactivate", "--data", db, "--nip", sekdaNIP); code != 0 || !strings.Contains(out, "nonaktif") {
		t.Fatalf("official deactivate: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut := cli(t, "evaluation", "set", "--data", db, "--period", running, "--nip", nip, "--rater", sekdaNIP); code != 1 {
		t.Errorf("an inactive official as rater: exit %d, %q", code, errOut)
	}
	if code, out, errOut := cli(t, "official", "activate", "--data", db, "--nip", sekdaNIP); code != 0 || !strings.Contains(out, "aktif kembali") {
		t.Errorf("official activate: exit %d, %q, %q", code, out, errOut)
	}
}

// TestExportPenetapan writes the Penetapan Predikat Kinerja of an ended demo
// period whose evaluations are all Ditetapkan, signs it as the Camat and verifies it: a Penetapan is judged by
// its register entry and the office head's signer, not by a Pejabat Penilai.
func TestExportPenetapan(t *testing.T) {
	t.Parallel()
	db := svckit.DemoFile(t)
	periods := periodsJSON(t, db)
	ended := periods[len(periods)-3].ID // every evaluation final, the capaian set
	dir := t.TempDir()
	plain := filepath.Join(dir, "penetapan.pdf")
	if code, out, errOut := cli(t, "export", "penetapan", "--data", db, "--period", ended, "--out", plain); code != 0 || !strings.Contains(out, plain) {
		t.Fatalf("export penetapan: exit %d, %q, %q", code, out, errOut)
	}
	if text := pdfText(t, plain); !strings.Contains(text, "PENETAPAN") {
		t.Errorf("the Penetapan PDF does not say PENETAPAN:\n%s", text)
	}
	if code, _, _ := cli(t, "export", "penetapan", "--data", db, "--out", plain); code != 2 {
		t.Errorf("without --period: exit %d, want 2", code)
	}
	signed := filepath.Join(dir, "penetapan-ttd.pdf")
	code, out, errOut := cli(t, "export", "penetapan", "--data", db, "--period", ended, "--out", signed, "--sign")
	if code != 0 || !strings.Contains(out, "bertanda tangan") || !strings.Contains(out, "PPK-"+ended) {
		t.Fatalf("export penetapan --sign: exit %d, %q, %q", code, out, errOut)
	}
	code, out, errOut = cli(t, "verify", "--data", db, signed)
	if code != 0 || !strings.Contains(out, ": Sah") || !strings.Contains(out, "Penetapan Predikat Kinerja, cocok") || !strings.Contains(out, "PPK-"+ended) {
		t.Errorf("verify the signed Penetapan: exit %d, %q, %q", code, out, errOut)
	}
	if code, out, errOut := cli(t, "check", "--data", db); code != 0 {
		t.Errorf("check after signing the Penetapan: exit %d, %q, %q", code, out, errOut)
	}
}
