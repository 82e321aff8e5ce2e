package ui

import (
	"testing"
	"time"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/data/store"
)

// demoPassphrase is the demo's office and signer passphrase, as `kinerja demo` sets it.
const demoPassphrase = "demo-kinerja"

// newDocumentsUI builds the window on a small demo office as `kinerja demo`
// makes it — staff with unit heads, the ended periods of the year evaluated
// with SKPs and capaian, the office root and the raters' signers under demoPassphrase,
// the final evaluations of the returned period signed — and shows Dokumen.
func newDocumentsUI(t *testing.T) (*App, *store.Store, string) {
	t.Helper()
	u, st := newTestUI(t, false, Options{})
	demo := data.Demo(data.DemoOptions{Staff: 16, Seed: 1, Today: testToday})
	saved, err := st.AddStaff(demo.Staff)
	if err != nil {
		t.Fatal(err)
	}
	units, err := st.Units()
	if err != nil {
		t.Fatal(err)
	}
	for _, un := range units {
		if i, ok := demo.Heads[un.ID]; ok {
			un.HeadStaffID = saved[i].ID
			if _, err := st.SaveUnit(un); err != nil {
				t.Fatal(err)
			}
		}
	}
	if units, err = st.Units(); err != nil {
		t.Fatal(err)
	}
	period := demoPeriod(t, st, saved, units)
	if _, err := service.CreateOfficeRoot(st, demoPassphrase); err != nil {
		t.Fatal(err)
	}
	all, err := st.Evaluations(period)
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
	signers, err := service.CreateSigners(st, raters, demoPassphrase, demoPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range signers {
		if _, err := service.SignRated(st, period, s); err != nil {
			t.Fatal(err)
		}
	}
	u.Show(ScreenDocuments)
	return u, st, period
}

// demoPeriod creates the periods up to testToday and gives the ended ones of
// the year the demo's SKPs, capaian and evaluations; it returns the id of the
// first, where every evaluation is final.
func demoPeriod(t *testing.T, st *store.Store, staff []data.Staff, units []data.Unit) string {
	t.Helper()
	if _, err := service.CreatePeriodsUpTo(st, testToday); err != nil {
		t.Fatal(err)
	}
	set, err := service.EvaluationSettings(st)
	if err != nil {
		t.Fatal(err)
	}
	var ended []data.Period
	for _, p := range data.PeriodsOfYear(testToday.Year(), set.Cadence) {
		if p.Kind == set.Cadence && p.End.Before(testToday) {
			stored, err := st.Period(p.ID)
			if err != nil {
				t.Fatal(err)
			}
			ended = append(ended, stored.Period)
		}
	}
	if len(ended) < 2 {
		t.Fatalf("only %d ended periods by %s", len(ended), testToday.Long())
	}
	skps, err := st.SaveSKPs(data.DemoSKPs(staff, testToday.Year()))
	if err != nil {
		t.Fatal(err)
	}
	demo := data.DemoEvaluations(data.DemoEvaluationOptions{Staff: staff, Units: units, SKPs: skps,
		Periods: ended, Today: testToday, Seed: 1})
	for id, c := range demo.Capaian {
		if _, err := service.SetCapaian(st, id, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveEvaluations(demo.Evaluations, demo.Revisions); err != nil {
		t.Fatal(err)
	}
	return ended[0].ID
}

// finalCount is the number of final evaluations of a period.
func finalCount(t *testing.T, st *store.Store, period string) int {
	t.Helper()
	all, err := st.Evaluations(period)
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
