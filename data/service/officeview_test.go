package service

import (
	"fmt"
	"testing"
	"time"

	"kinerja/data"
)

func TestOfficeViewNumbers(t *testing.T) {
	t.Parallel()
	o := newEvalOffice(t)
	empty, err := o.svc.OfficeView(o.periodID)
	if err != nil {
		t.Fatal(err)
	}
	// Seven evaluated staff (the Non-ASN is not counted), nobody started.
	if empty.Total.Total() != 7 || empty.Total.NotStarted != 7 || len(empty.Counts) != 0 || empty.Warnings != nil {
		t.Fatalf("empty view: %+v", empty)
	}
	o.finalized(t, o.pelaksana[0], data.RatingSesuai, data.RatingSesuai)                                                        // Baik
	o.finalized(t, o.pelaksana[1], data.RatingSesuai, data.RatingSesuai)                                                        // Baik
	if _, err := o.svc.SetEvaluation(o.periodID, o.pelaksana[2], rateBoth(data.RatingDiBawah, data.RatingSesuai)); err != nil { // Butuh Perbaikan, draft
		t.Fatal(err)
	}
	if _, err := o.svc.SetDevelopment(o.periodID, o.pelaksana[2], []data.FollowUp{{Need: "Pelatihan aplikasi layanan", Status: data.FollowUpNeeded}}); err != nil {
		t.Fatal(err)
	}
	if _, err := o.svc.Submit(o.periodID, o.pppk); err != nil { // submitted, no ratings
		t.Fatal(err)
	}
	v, err := o.svc.OfficeView(o.periodID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Total != (UnitProgress{Unit: "Jumlah", NotStarted: 3, Draft: 1, Submitted: 1, Final: 2}) {
		t.Errorf("office progress = %+v", v.Total)
	}
	var seksi UnitProgress
	for _, u := range v.Units {
		if u.UnitID == 5 {
			seksi = u
		}
	}
	if seksi != (UnitProgress{UnitID: 5, Unit: "Seksi Pemerintahan", NotStarted: 1, Draft: 1, Submitted: 1, Final: 2}) {
		t.Errorf("Seksi Pemerintahan progress = %+v (units %+v)", seksi, v.Units)
	}
	if len(v.Units) != 3 {
		t.Errorf("units = %+v, want Pimpinan, Sekretariat, Seksi Pemerintahan", v.Units)
	}
	if v.Counts[data.PredikatBaik] != 2 || v.Counts[data.PredikatButuhPerbaikan] != 1 || len(v.Counts) != 2 {
		t.Errorf("counts = %v", v.Counts)
	}
	if v.Warnings != nil {
		t.Errorf("warnings without capaian: %v", v.Warnings)
	}
	if len(v.NeedsFollowUp) != 1 || v.NeedsFollowUp[0].StaffID != o.pelaksana[2] || v.NeedsFollowUp[0].Predikat != data.PredikatButuhPerbaikan ||
		len(v.NeedsFollowUp[0].Development) != 1 || v.NeedsFollowUp[0].Employee.Name == "" {
		t.Errorf("follow-up list = %+v", v.NeedsFollowUp)
	}
	// Capaian Sangat Kurang: at least 60% Sangat Kurang, at least 10%
	// Kurang or Butuh Perbaikan (met), no Sangat Baik (met).
	if _, err := o.svc.SetCapaian(o.periodID, data.CapaianSangatKurang); err != nil {
		t.Fatal(err)
	}
	v, _ = o.svc.OfficeView(o.periodID)
	if len(v.Warnings) != 1 || v.Warnings[0].Bound.Kind != data.BoundAtLeast || v.Warnings[0].Count != 0 || v.Warnings[0].Total != 3 {
		t.Errorf("warnings for Sangat Kurang = %+v", v.Warnings)
	}
	// Capaian Baik: 2 of 3 Baik is 66,7% (≤ 70%) and a Butuh Perbaikan exists.
	if _, err := o.svc.SetCapaian(o.periodID, data.CapaianBaik); err != nil {
		t.Fatal(err)
	}
	if v, _ = o.svc.OfficeView(o.periodID); len(v.Warnings) != 0 {
		t.Errorf("warnings for Baik = %+v", v.Warnings)
	}
}

func TestEvaluationListRows(t *testing.T) {
	t.Parallel()
	o := newEvalOffice(t)
	k := data.SKP{StaffID: o.pelaksana[0], Start: data.NewDate(2026, 1, 1), End: data.NewDate(2026, 12, 31), Approach: data.ApproachKuantitatif,
		Rows: []data.HasilKerja{
			{Kind: data.HasilUtama, RHKPimpinan: "Pelayanan administrasi prima", RHK: "Surat keluar terselesaikan", Aspek: data.AspekKuantitas, IKI: "Jumlah surat", Target: "120 surat"},
			{Kind: data.HasilTambahan, RHKPimpinan: "Pelayanan administrasi prima", RHK: "Arsip tertata", Aspek: data.AspekWaktu, IKI: "Lama pencarian arsip", Target: "5 menit"},
		}}
	if _, err := o.svc.SaveSKP(k); err != nil {
		t.Fatal(err)
	}
	if _, err := o.svc.SetEvaluation(o.periodID, o.pelaksana[0], func(e *data.Evaluation) { e.Rows[1].Realisasi = "4 menit" }); err != nil {
		t.Fatal(err)
	}
	rows, err := o.svc.EvaluationList(o.periodID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 {
		t.Fatalf("%d rows, want 7 evaluated staff", len(rows))
	}
	for _, r := range rows {
		if r.Staff.ID != o.pelaksana[0] {
			continue
		}
		if !r.Stored || !r.HasSKP || len(r.Evaluation.Rows) != 2 || r.Evaluation.Rows[1].Realisasi != "4 menit" || r.Rater.Position != "Kepala Seksi Pemerintahan" {
			t.Errorf("row = %+v", r)
		}
	}
	// EvaluationStates gives the same people, order, states and identities,
	// without reading the SKPs.
	states, err := o.svc.EvaluationStates(o.periodID)
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != len(rows) {
		t.Fatalf("EvaluationStates: %d rows, EvaluationList %d", len(states), len(rows))
	}
	for i, s := range states {
		r := rows[i]
		if s.HasSKP || s.Staff.ID != r.Staff.ID || s.UnitID != r.UnitID || s.Stored != r.Stored || s.Employee != r.Employee || s.Rater != r.Rater ||
			s.Evaluation.State != r.Evaluation.State || s.Evaluation.Predikat != r.Evaluation.Predikat || s.Evaluation.Revision != r.Evaluation.Revision {
			t.Errorf("row %d: EvaluationStates %+v, EvaluationList %+v", i, s, r)
		}
	}
}

// BenchmarkOfficeView2000 loads the office view of one period for 2,000
// evaluated staff, every one with a stored evaluation, through the store.
func BenchmarkOfficeView2000(b *testing.B) {
	svc, _ := openService(b)
	list := make([]data.Staff, 2000)
	for i := range list {
		list[i] = evalStaff(i, data.KindPNS, uint64(3+i%7), fmt.Sprintf("Pelaksana %d", i%9), "III/a")
	}
	saved, err := svc.AddStaff(list)
	if err != nil {
		b.Fatal(err)
	}
	p, err := svc.CreatePeriod(evalPeriod)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	evals := make([]data.Evaluation, len(saved))
	for i, s := range saved {
		e := data.NewEvaluation(p.ID, s.ID, now)
		e.WorkRating, e.BehaviorRating = data.Ratings[i%3], data.Ratings[(i/3)%3]
		evals[i] = e.Normalize()
	}
	if err := svc.SaveEvaluations(evals, nil); err != nil {
		b.Fatal(err)
	}
	if _, err := svc.SetCapaian(p.ID, data.CapaianBaik); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		v, err := svc.OfficeView(p.ID)
		if err != nil || v.Total.Total() != 2000 {
			b.Fatalf("view: %d staff, %v", v.Total.Total(), err)
		}
	}
}
