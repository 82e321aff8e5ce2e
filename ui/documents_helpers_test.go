package ui

import (
	"testing"
	"time"

	"kinerja/data"
	"kinerja/data/demo"
	"kinerja/data/service"
	"kinerja/internal/testkit"
)

// demoPassphrase is the demo's office and signer passphrase, as `kinerja demo` sets it.
const demoPassphrase = "demo-kinerja"

// newDocumentsUI builds the window on a copy of a small demo office, built
// once per test binary, as `kinerja demo` makes it — staff with unit heads,
// the ended periods of the year evaluated with SKPs and capaian, the office
// root and the raters' signers under demoPassphrase, the final evaluations of
// the returned period signed — and shows Dokumen.
func newDocumentsUI(t *testing.T) (*App, *service.Service, string) {
	t.Helper()
	path := testkit.Shared(t, "documents.db", func(path string) error {
		documentsPeriod = buildDocumentsOffice(t, path)
		return nil
	})
	u, svc := newTestUIOn(t, path, true, Options{})
	u.Show(ScreenDocuments)
	return u, svc, documentsPeriod
}

// documentsPeriod is the period whose final evaluations the office of
// newDocumentsUI has signed; set when that office is built, once per test
// binary.
var documentsPeriod string

// buildDocumentsOffice makes the office of newDocumentsUI in a new data file
// at path, closes it and returns the signed period.
func buildDocumentsOffice(t *testing.T, path string) string {
	t.Helper()
	svc, err := service.Open(path, testServiceOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if err := svc.SetOffice(testOffice); err != nil {
		t.Fatal(err)
	}
	made := demo.New(demo.Options{Staff: 16, Seed: 1, Today: testToday})
	saved, err := svc.AddDemoStaff(made)
	if err != nil {
		t.Fatal(err)
	}
	units, err := svc.Units()
	if err != nil {
		t.Fatal(err)
	}
	period := demoPeriod(t, svc, saved, units)
	if _, err := svc.CreateOfficeRoot(demoPassphrase); err != nil {
		t.Fatal(err)
	}
	all, err := svc.Evaluations(period)
	if err != nil {
		t.Fatal(err)
	}
	var raters []uint64
	seen := map[uint64]bool{}
	for _, e := range all {
		if r := e.Rater.StaffID; e.State == data.EvalFinal && r != 0 && !seen[r] {
			seen[r] = true
			raters = append(raters, r)
		}
	}
	signers, err := svc.CreateSigners(raters, demoPassphrase, demoPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range signers {
		if _, err := svc.SignRated(period, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := svc.Close(); err != nil {
		t.Fatal(err)
	}
	return period
}

// demoPeriod creates the periods up to testToday and gives the ended ones of
// the year the demo's SKPs, capaian and evaluations; it returns the id of the
// first, where every evaluation is final.
func demoPeriod(t *testing.T, svc *service.Service, staff []data.Staff, units []data.Unit) string {
	t.Helper()
	if _, err := svc.CreatePeriodsUpTo(testToday); err != nil {
		t.Fatal(err)
	}
	set, err := svc.EvaluationSettings()
	if err != nil {
		t.Fatal(err)
	}
	var ended []data.Period
	for _, p := range data.PeriodsOfYear(testToday.Year(), set.Cadence) {
		if p.Kind == set.Cadence && p.End.Before(testToday) {
			stored, err := svc.Period(p.ID)
			if err != nil {
				t.Fatal(err)
			}
			ended = append(ended, stored.Period)
		}
	}
	if len(ended) < 2 {
		t.Fatalf("only %d ended periods by %s", len(ended), testToday.Long())
	}
	skps, err := svc.SaveSKPs(demo.SKPs(staff, testToday.Year()))
	if err != nil {
		t.Fatal(err)
	}
	made := demo.Evaluations(demo.EvaluationOptions{Staff: staff, Units: units, SKPs: skps,
		Periods: ended, Today: testToday, Seed: 1})
	for id, c := range made.Capaian {
		if _, err := svc.SetCapaian(id, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := svc.SaveEvaluations(made.Evaluations, made.Revisions); err != nil {
		t.Fatal(err)
	}
	return ended[0].ID
}

// finalCount is the number of final evaluations of a period.
func finalCount(t *testing.T, svc *service.Service, period string) int {
	t.Helper()
	all, err := svc.Evaluations(period)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range all {
		if e.State == data.EvalFinal {
			n++
		}
	}
	return n
}

// waitSlow is waitFor for work bound by argon2id or by writing many PDFs,
// which takes longer on a busy machine: it polls every 10 ms for up to 30 s.
func waitSlow(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
