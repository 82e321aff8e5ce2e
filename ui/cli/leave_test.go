package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/internal/testkit"
	"kinerja/internal/testkit/svckit"
)

// kindsOffice makes a data file holding a PNS, a CPNS of 2025 and a Non-ASN
// (in that order) and returns its path and their NIP or NIK.
func kindsOffice(t *testing.T) (string, []string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "k.db")
	svc, err := service.Open(db, svckit.Options())
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	cpns := testkit.Person(2, data.KindCPNS, 5) // appointed CPNS in January 2025
	cpns.NIP = cpns.BirthDate.Compact() + "2025011002"
	cpns.History[0].Date = data.NewDate(2025, 1, 2)
	saved, err := svc.AddStaff([]data.Staff{testkit.Person(1, data.KindPNS, 5), cpns, testkit.Person(3, data.KindNonASN, 5)})
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(saved))
	for i, s := range saved {
		ids[i] = s.Identifier()
	}
	return db, ids
}

// TestLeaveCommands: leave add refuses cuti tahunan over the balance and
// cuti besar for a CPNS naming the rule, saves a short cuti tahunan; leave
// balance shows it in JSON; leave form prints the BKN form.
func TestLeaveCommands(t *testing.T) {
	t.Parallel()
	db, ids := kindsOffice(t)
	pns, cpns := ids[0], ids[1]
	code, _, errOut := cli(t, "leave", "add", "--data", db, "--nip", pns, "--code", "CT", "--from", "2026-08-03", "--to", "2026-10-30")
	if code != 1 || !strings.Contains(errOut, "aturan: "+string(data.RuleAnnualBalance)) {
		t.Errorf("cuti tahunan over the balance: exit %d, %q", code, errOut)
	}
	code, _, errOut = cli(t, "leave", "add", "--data", db, "--nip", cpns, "--code", "CB", "--from", "2026-09-01", "--to", "2026-09-30")
	if code != 1 || !strings.Contains(errOut, "cuti ditolak") || !strings.Contains(errOut, "aturan: ") {
		t.Errorf("cuti besar of a CPNS: exit %d, %q", code, errOut)
	}
	code, out, errOut := cli(t, "leave", "add", "--data", db, "--nip", pns, "--code", "CT", "--from", "2026-11-02", "--to", "2026-11-03",
		"--letter", "800/12/Kec", "--granted-by", "Camat", "--reason", "keperluan keluarga", "--address", "Jl. Mawar 3, Soreang")
	if code != 0 || !strings.Contains(out, "2 hari") {
		t.Fatalf("leave add: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, _ := cli(t, "leave", "add", "--data", db, "--nip", pns, "--code", "CT", "--from", "2026-11-02"); code != 2 {
		t.Errorf("leave add without --to: exit %d, want 2", code)
	}

	code, out, errOut = cli(t, "leave", "balance", "--data", db, "--year", "2026", "--format", "json")
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); code != 0 || err != nil || len(raw) != 3 {
		t.Fatalf("leave balance: exit %d, %v, %q, %q", code, err, out, errOut)
	}
	for _, key := range []string{"nip", "name", "kind", "unit", "year", "entitled", "carried", "piket", "taken", "remaining", "status"} {
		if _, ok := raw[0][key]; !ok {
			t.Errorf("leave balance JSON lacks %q: %v", key, raw[0])
		}
	}
	code, out, _ = cli(t, "leave", "balance", "--data", db, "--year", "2026", "--nip", pns, "--format", "json")
	var one []service.LeaveBalanceLine
	if err := json.Unmarshal([]byte(out), &one); code != 0 || err != nil || len(one) != 1 || one[0].NIP != pns || one[0].Taken != 2 || one[0].Remaining != one[0].Status.Available-2 {
		t.Errorf("leave balance --nip: exit %d, %v, %+v", code, err, one)
	}
	if code, out, _ := cli(t, "leave", "balance", "--data", db, "--year", "2026", "--kind", "Non-ASN", "--format", "json"); code != 0 || strings.Contains(out, pns) {
		t.Errorf("leave balance --kind Non-ASN: exit %d, %q", code, out)
	}
	if code, _, errOut := cli(t, "leave", "balance", "--data", db, "--kind", "pegawai"); code != 2 || !strings.Contains(errOut, "Non-ASN") {
		t.Errorf("unknown kind: exit %d, %q", code, errOut)
	}

	form := filepath.Join(t.TempDir(), "cuti.pdf")
	if code, out, errOut := cli(t, "leave", "form", "--data", db, "--nip", pns, "--from", "2026-11-02", "--out", form); code != 0 || !strings.Contains(out, form) {
		t.Fatalf("leave form: exit %d, %q, %q", code, out, errOut)
	}
	text := pdfText(t, form)
	for _, want := range []string{"FORMULIR PERMINTAAN DAN PEMBERIAN CUTI", "I. DATA PEGAWAI", "II. JENIS CUTI YANG DIAMBIL", "III. ALASAN CUTI",
		"IV. LAMANYA CUTI", "V. CATATAN CUTI", "VI. ALAMAT SELAMA MENJALANKAN CUTI", "VII. PERTIMBANGAN ATASAN LANGSUNG",
		"VIII. KEPUTUSAN PEJABAT YANG BERWENANG MEMBERIKAN CUTI", "keperluan keluarga"} {
		if !strings.Contains(text, want) {
			t.Errorf("leave form lacks %q", want)
		}
	}
	if code, _, errOut := cli(t, "leave", "form", "--data", db, "--nip", pns, "--from", "2026-11-05", "--out", filepath.Join(t.TempDir(), "x.pdf")); code != 1 {
		t.Errorf("leave form for a day without leave: exit %d, %q", code, errOut)
	}
}

// TestRecapKindAndTPP: the recap JSON names each person's kind, and a
// Non-ASN, who receives no TPP, has a null tpp_cut_percent; --kind keeps
// one kind.
func TestRecapKindAndTPP(t *testing.T) {
	t.Parallel()
	db, ids := kindsOffice(t)
	code, out, errOut := cli(t, "attendance", "recap", "--data", db, "--month", "2026-11", "--format", "json")
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); code != 0 || err != nil || len(raw) != 3 {
		t.Fatalf("recap: exit %d, %v, %q, %q", code, err, out, errOut)
	}
	for _, l := range raw {
		cut, has := l["tpp_cut_percent"]
		switch {
		case !has:
			t.Errorf("%v: no tpp_cut_percent", l["nip"])
		case l["nip"] == ids[2] && (l["kind"] != string(data.KindNonASN) || cut != nil):
			t.Errorf("Non-ASN line: kind %v, tpp_cut_percent %v; want Non-ASN and null", l["kind"], cut)
		case l["nip"] == ids[0] && (l["kind"] != string(data.KindPNS) || cut == nil):
			t.Errorf("PNS line: kind %v, tpp_cut_percent %v", l["kind"], cut)
		}
		for _, key := range []string{"piket", "excused", "incomplete"} {
			if _, ok := l[key]; !ok {
				t.Errorf("recap JSON lacks %q", key)
			}
		}
	}
	code, out, _ = cli(t, "attendance", "recap", "--data", db, "--month", "2026-11", "--kind", "Non-ASN", "--format", "json")
	if err := json.Unmarshal([]byte(out), &raw); code != 0 || err != nil || len(raw) != 1 || raw[0]["nip"] != ids[2] {
		t.Errorf("recap --kind Non-ASN: exit %d, %v, %q", code, err, out)
	}
	if _, out, _ := cli(t, "attendance", "recap", "--data", db, "--month", "2026-11"); !strings.Contains(out, "TL — Terlambat") || !strings.Contains(out, "—") {
		t.Errorf("text recap lacks the labelled headers or the dash for no TPP:\n%s", out)
	}
	if code, _, errOut := cli(t, "discipline", "--data", db, "--year", "2026", "--kind", "PNS", "--format", "json"); code != 0 {
		t.Errorf("discipline --kind: exit %d, %q", code, errOut)
	}
}
