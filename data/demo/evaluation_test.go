package demo

import (
	"kinerja/data"
	"testing"
	"time"
)

// demoEvaluationInput builds the demo office with ids as the store would give
// them, its 2026 SKPs and the three ended triwulan of 2026.
func demoEvaluationInput(t *testing.T, n int) EvaluationOptions {
	t.Helper()
	today := data.NewDate(2026, time.November, 28)
	d := New(Options{Staff: n, Seed: 5, Today: today})
	for i := range d.Staff {
		d.Staff[i].ID = uint64(i + 1)
	}
	for i := range d.Units {
		if h, ok := d.Heads[d.Units[i].ID]; ok {
			d.Units[i].HeadStaffID = d.Staff[h].ID
		}
	}
	skps := SKPs(d.Staff, 2026)
	for i := range skps {
		skps[i].ID = uint64(i + 1)
		if p := data.ValidateSKP(skps[i]); !p.OK() {
			t.Fatalf("demo SKP %d invalid: %v", i, p.Errors)
		}
	}
	var periods []data.Period
	for _, id := range []string{"2026-Q1", "2026-Q2", "2026-Q3"} {
		p, _ := data.ParsePeriodID(id)
		periods = append(periods, p)
	}
	return EvaluationOptions{Staff: d.Staff, Units: d.Units, SKPs: skps, Periods: periods, Today: today, Seed: 5}
}

func TestSKPsSkipNonASN(t *testing.T) {
	t.Parallel()
	opt := demoEvaluationInput(t, 45)
	kinds := map[uint64]data.Kind{}
	for _, s := range opt.Staff {
		kinds[s.ID] = s.Kind
	}
	if len(opt.SKPs) == 0 {
		t.Fatal("no SKP made")
	}
	for _, k := range opt.SKPs {
		if !kinds[k.StaffID].Evaluated() {
			t.Errorf("SKP made for %s staff %d", kinds[k.StaffID], k.StaffID)
		}
		if k.Start.Year() != 2026 || k.End.Before(k.Start) || len(k.Rows) != 3 {
			t.Errorf("SKP %+v", k)
		}
	}
}

func TestEvaluations(t *testing.T) {
	t.Parallel()
	opt := demoEvaluationInput(t, 45)
	set := Evaluations(opt)
	kinds := map[uint64]data.Kind{}
	for _, s := range opt.Staff {
		kinds[s.ID] = s.Kind
	}
	finals := map[string]map[data.Predikat]int{}
	states := map[data.EvaluationState]int{}
	objections := 0
	for _, e := range set.Evaluations {
		if err := e.Check(); err != nil {
			t.Fatalf("demo evaluation fails Check: %v", err)
		}
		if !kinds[e.StaffID].Evaluated() {
			t.Errorf("%s staff %d evaluated", kinds[e.StaffID], e.StaffID)
		}
		states[e.State]++
		if e.State == data.EvalFinal {
			if finals[e.PeriodID] == nil {
				finals[e.PeriodID] = map[data.Predikat]int{}
			}
			finals[e.PeriodID][e.Predikat]++
			if e.Frozen.Rater.Name == "" || e.Frozen.Employee.NIP == "" {
				t.Errorf("final without identities: %+v", e.Frozen)
			}
		}
		if e.Objection.Keberatan != "" {
			objections++
			if e.State != data.EvalFinal || e.Predikat != data.PredikatKurang || e.Objection.Keputusan == "" {
				t.Errorf("objection on %+v", e)
			}
		}
		if e.Predikat.NeedsFollowUp() && len(e.Development) == 0 {
			t.Errorf("predikat %s without follow-up", e.Predikat)
		}
	}
	for _, p := range opt.Periods {
		for _, want := range data.Predikats {
			if finals[p.ID][want] == 0 {
				t.Errorf("%s: no final %s", p.ID, want.Label())
			}
		}
		if set.Capaian[p.ID] != data.CapaianBaik {
			t.Errorf("%s capaian %q", p.ID, set.Capaian[p.ID])
		}
	}
	if states[data.EvalDraft] == 0 || states[data.EvalSubmitted] == 0 {
		t.Errorf("states = %v, want drafts and submitted ones too", states)
	}
	if objections != 1 {
		t.Errorf("%d objections, want 1", objections)
	}
	if len(set.Revisions) != 1 {
		t.Fatalf("%d revisions, want 1", len(set.Revisions))
	}
	rev := set.Revisions[0]
	if rev.Revision != 0 || rev.State != data.EvalFinal || rev.PeriodID != "2026-Q1" {
		t.Errorf("kept revision %+v", rev)
	}
	for _, e := range set.Evaluations {
		if e.PeriodID == rev.PeriodID && e.StaffID == rev.StaffID && (e.Revision != 1 || e.State != data.EvalFinal || e.ReopenReason == "") {
			t.Errorf("reopened evaluation now %+v", e)
		}
	}
	again := Evaluations(opt)
	if len(again.Evaluations) != len(set.Evaluations) || again.Evaluations[7].Predikat != set.Evaluations[7].Predikat {
		t.Error("same seed gave different evaluations")
	}
}
