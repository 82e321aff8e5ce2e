package store

import (
	"errors"
	"testing"
	"time"

	"kinerja/data"

	bolt "go.etcd.io/bbolt"
)

func mustPeriod(t testing.TB, s *Store, id string) data.EvaluationPeriod {
	t.Helper()
	p, err := data.ParsePeriodID(id)
	if err != nil {
		t.Fatal(err)
	}
	ep := data.EvaluationPeriod{Period: p}
	if err := s.CreatePeriod(ep); err != nil {
		t.Fatalf("CreatePeriod(%s): %v", id, err)
	}
	return ep
}

func TestPeriodsRoundTrip(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	for _, id := range []string{"2026", "2026-Q3", "2026-Q1"} {
		mustPeriod(t, s, id)
	}
	if err := s.CreatePeriod(data.EvaluationPeriod{Period: data.Period{ID: "2026-Q9"}}); err == nil {
		t.Error("invalid period stored")
	}
	q1, _ := data.ParsePeriodID("2026-Q1")
	if err := s.CreatePeriod(data.EvaluationPeriod{Period: q1}); !errors.Is(err, ErrPeriodExists) {
		t.Errorf("second create: %v, want ErrPeriodExists", err)
	}
	list, err := s.Periods()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range list {
		ids = append(ids, p.ID)
	}
	if got := len(ids); got != 3 || ids[0] != "2026-Q1" || ids[1] != "2026" || ids[2] != "2026-Q3" {
		t.Fatalf("Periods order = %v, want [2026-Q1 2026 2026-Q3]", ids)
	}
	p, err := s.UpdatePeriod("2026-Q3", func(p *data.EvaluationPeriod) error {
		p.Capaian = data.CapaianBaik
		p.End = p.End.AddDays(5) // ignored: dates follow the id
		p.RaterOverrides = map[uint64]data.RaterPair{7: {Rater: data.RaterRef{StaffID: 3, Acting: data.ActingPlt}}}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	back, err := s.Period("2026-Q3")
	if err != nil || back.Capaian != data.CapaianBaik || !back.End.Equal(p.End) || back.RaterOverrides[7].Rater.Acting != data.ActingPlt {
		t.Fatalf("Period after update = %+v, %v", back, err)
	}
	if _, err := s.UpdatePeriod("2026-Q3", func(p *data.EvaluationPeriod) error { p.Capaian = "hebat"; return nil }); err == nil {
		t.Error("unknown capaian stored")
	}
	if _, err := s.Period("2025"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown period: %v", err)
	}
}

func validSKP(staffID uint64) data.SKP {
	return data.SKP{
		StaffID: staffID, Start: data.NewDate(2026, time.January, 1), End: data.NewDate(2026, time.December, 31),
		Position: "Pengadministrasi Umum", Approach: data.ApproachKuantitatif,
		Rows: []data.HasilKerja{{Kind: data.HasilUtama, RHKPimpinan: "Layanan prima", RHK: "Surat terlayani", Aspek: data.AspekKuantitas, IKI: "Jumlah surat", Target: "100 surat"}},
	}
}

func TestSKPRoundTrip(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	st, err := s.SaveStaff(asep())
	if err != nil {
		t.Fatal(err)
	}
	k, err := s.SaveSKP(validSKP(st.ID))
	if err != nil || k.ID == 0 {
		t.Fatalf("SaveSKP: %+v, %v", k, err)
	}
	tmpl := validSKP(0)
	tmpl.Start, tmpl.End = data.Date{}, data.Date{}
	if _, err := s.SaveSKP(tmpl); err != nil {
		t.Fatalf("template: %v", err)
	}
	bad := validSKP(st.ID)
	bad.Rows = nil
	var ve *data.ValidationError
	if _, err := s.SaveSKP(bad); !errors.As(err, &ve) {
		t.Errorf("SKP without rows: %v", err)
	}
	if _, err := s.SaveSKP(validSKP(999)); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown staff: %v", err)
	}
	ghost := validSKP(st.ID)
	ghost.ID = 77
	if _, err := s.SaveSKP(ghost); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown id: %v", err)
	}
	batch, err := s.SaveSKPs([]data.SKP{validSKP(st.ID), validSKP(st.ID)})
	if err != nil || len(batch) != 2 || batch[0].ID == 0 || batch[1].ID == batch[0].ID {
		t.Fatalf("SaveSKPs = %+v, %v", batch, err)
	}
	if _, err := s.SaveSKPs([]data.SKP{validSKP(st.ID), bad}); !errors.As(err, &ve) {
		t.Errorf("batch with an invalid SKP: %v", err)
	}
	mine, err := s.SKPsOfStaff(st.ID)
	if err != nil || len(mine) != 3 || mine[0].Rows[0].IKI != "Jumlah surat" {
		t.Fatalf("SKPsOfStaff = %+v, %v", mine, err)
	}
	templates, _ := s.SKPsOfStaff(0)
	if len(templates) != 1 || !templates[0].IsTemplate() {
		t.Fatalf("templates = %+v", templates)
	}
	got, err := s.SKP(k.ID)
	if err != nil || got.StaffID != st.ID {
		t.Fatalf("SKP(%d) = %+v, %v", k.ID, got, err)
	}
}

// rate is a step that sets both ratings on a draft, typing a wrong predikat
// that the store must replace.
func rate(period string, staffID uint64, work, behavior data.Rating) EvaluationStep {
	return func(cur data.Evaluation, found bool) (data.Evaluation, *data.Evaluation, error) {
		if !found {
			cur = data.NewEvaluation(period, staffID, testNow)
		}
		cur.WorkRating, cur.BehaviorRating, cur.Predikat = work, behavior, data.PredikatSangatKurang
		return cur, nil, nil
	}
}

func TestEvaluationsRoundTripAndRevisions(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	st, _ := s.SaveStaff(asep())
	mustPeriod(t, s, "2026")
	mustPeriod(t, s, "2026-Q3")
	if _, err := s.UpdateEvaluation("2025-Q1", st.ID, rate("2025-Q1", st.ID, data.RatingSesuai, data.RatingSesuai)); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown period: %v", err)
	}
	if _, err := s.UpdateEvaluation("2026", 999, rate("2026", 999, data.RatingSesuai, data.RatingSesuai)); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown staff: %v", err)
	}
	if _, err := s.UpdateEvaluation("2026", st.ID, rate("2026-Q3", st.ID, data.RatingSesuai, data.RatingSesuai)); err == nil {
		t.Error("evaluation of another period stored under 2026")
	}
	e, err := s.UpdateEvaluation("2026-Q3", st.ID, rate("2026-Q3", st.ID, data.RatingDiAtas, data.RatingDiAtas))
	if err != nil || e.Predikat != data.PredikatSangatBaik {
		t.Fatalf("update: %+v, %v", e, err)
	}
	if _, err := s.UpdateEvaluation("2026", st.ID, rate("2026", st.ID, data.RatingDiBawah, data.RatingDiBawah)); err != nil {
		t.Fatal(err)
	}
	// "2026" is a byte prefix of "2026-Q3": each period keeps its own record.
	for period, want := range map[string]data.Predikat{"2026-Q3": data.PredikatSangatBaik, "2026": data.PredikatSangatKurang} {
		list, err := s.Evaluations(period)
		if err != nil || len(list) != 1 || list[0].Predikat != want {
			t.Errorf("Evaluations(%s) = %+v, %v; want one %s", period, list, err, want)
		}
	}
	ids := data.FrozenIdentities{Employee: data.Identity{Name: "Asep"}, Rater: data.Identity{Name: "Camat"}}
	reopen := func(reason string) EvaluationStep {
		return func(cur data.Evaluation, _ bool) (data.Evaluation, *data.Evaluation, error) {
			sub, err := cur.Submit(testNow)
			if err != nil {
				return cur, nil, err
			}
			fin, err := sub.Finalize(ids, testNow)
			if err != nil {
				return cur, nil, err
			}
			prev, next, err := fin.Reopen(reason, testNow)
			return next, &prev, err
		}
	}
	for _, reason := range []string{"salah ketik", "realisasi baru"} {
		if _, err := s.UpdateEvaluation("2026-Q3", st.ID, reopen(reason)); err != nil {
			t.Fatal(err)
		}
	}
	revs, err := s.Revisions("2026-Q3", st.ID)
	if err != nil || len(revs) != 2 || revs[0].Revision != 0 || revs[1].Revision != 1 || revs[1].State != data.EvalFinal || revs[1].Frozen == nil {
		t.Fatalf("Revisions = %+v, %v", revs, err)
	}
	cur, found, err := s.Evaluation("2026-Q3", st.ID)
	if err != nil || !found || cur.Revision != 2 || cur.ReopenReason != "realisasi baru" {
		t.Fatalf("current = %+v, %v, %v", cur, found, err)
	}
	changed := revs[0]
	changed.Note = "diubah"
	if err := s.SaveEvaluations(nil, []data.Evaluation{changed}); !errors.Is(err, ErrRevisionExists) {
		t.Errorf("rewriting a kept revision: %v, want ErrRevisionExists", err)
	}
	if err := s.SaveEvaluations(nil, []data.Evaluation{revs[0]}); err != nil {
		t.Errorf("writing a kept revision unchanged: %v", err)
	}
}

func TestEvaluationCheckedOnRead(t *testing.T) {
	t.Parallel()
	s, _ := openTemp(t)
	st, _ := s.SaveStaff(asep())
	mustPeriod(t, s, "2026-Q3")
	if _, err := s.UpdateEvaluation("2026-Q3", st.ID, rate("2026-Q3", st.ID, data.RatingSesuai, data.RatingSesuai)); err != nil {
		t.Fatal(err)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b, _ := bucketAt(tx, evaluationBucket("2026-Q3"), false)
		return b.Put(idKey(st.ID), []byte(`{"period":"2026-Q3","staff_id":1,"state":"draft","work_rating":"sesuai","behavior_rating":"sesuai","predicate":"sangat_baik"}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Evaluation("2026-Q3", st.ID); !errors.Is(err, data.ErrPredikatMismatch) {
		t.Errorf("typed predikat read back: %v, want ErrPredikatMismatch", err)
	}
	if _, err := s.Evaluations("2026-Q3"); !errors.Is(err, data.ErrPredikatMismatch) {
		t.Errorf("Evaluations: %v, want ErrPredikatMismatch", err)
	}
}
