package service

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/data/demo"
)

// TestSignedPenetapanVerifiesAndChecks signs the Penetapan Predikat Kinerja
// of a demo period whose evaluations are all Ditetapkan: Verify names it as
// a Penetapan and finds it "cocok" (its register entry and the office
// head's signer; no Pejabat Penilai is compared), and the data-file check
// finds no problem with it.
func TestSignedPenetapanVerifiesAndChecks(t *testing.T) {
	t.Parallel()
	svc, err := Open(filepath.Join(t.TempDir(), "demo.db"), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() })
	if _, err := svc.FillDemo(demo.Options{Staff: 12, Seed: 3, Today: data.NewDate(2026, 11, 28)}); err != nil {
		t.Fatal(err)
	}
	periods, err := svc.Periods()
	if err != nil {
		t.Fatal(err)
	}
	period := ""
	for _, p := range periods {
		if _, err := svc.SignPenetapan(p.ID, DemoPassphrase); err == nil {
			period = p.ID
			break
		}
	}
	if period == "" {
		t.Fatal("no demo period could have its Penetapan signed")
	}
	content, err := svc.PenetapanPDF(period)
	if err != nil {
		t.Fatal(err)
	}
	r, err := svc.VerifyDocument("penetapan.pdf", content)
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() || r.Match != MatchEqual || r.DocumentID != "PPK-"+period || !strings.Contains(r.Verdict, "Penetapan Predikat Kinerja, cocok") {
		t.Errorf("verify: ok %v, match %v, id %q, verdict %q", r.OK(), r.Match, r.DocumentID, r.Verdict)
	}
	if m := documentIDPattern.FindStringSubmatch("PPK-" + period); m == nil || m[4] != period {
		t.Errorf("document id pattern reads PPK-%s as %q", period, m)
	}
	rep, err := svc.Check(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Problems {
		t.Errorf("check: %s: %s", p.Where, p.What)
	}
}
