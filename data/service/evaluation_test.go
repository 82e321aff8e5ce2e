package service

import (
	"errors"
	"strings"
	"testing"

	"kinerja/data"
)

func TestEvaluationWorkflow(t *testing.T) {
	t.Parallel()
	o := newEvalOffice(t)
	id := o.pelaksana[0]
	v, err := o.svc.EvaluationFor(o.periodID, id)
	if err != nil || v.Stored || v.Evaluation.State != data.EvalDraft || v.Identities.Rater.Position != "Kepala Seksi Pemerintahan" {
		t.Fatalf("EvaluationFor before any write: %+v, %v", v, err)
	}
	var te *data.TransitionError
	type stepCase struct {
		name string
		do   func() (data.Evaluation, error)
		want data.EvaluationState // "" when the step must be refused
		is   error
	}
	set := func(w, b data.Rating) func() (data.Evaluation, error) {
		return func() (data.Evaluation, error) { return o.svc.SetEvaluation(o.periodID, id, rateBoth(w, b)) }
	}
	submit := func() (data.Evaluation, error) { return o.svc.Submit(o.periodID, id) }
	finalize := func() (data.Evaluation, error) { return o.svc.Finalize(o.periodID, id) }
	reopen := func(reason string) func() (data.Evaluation, error) {
		return func() (data.Evaluation, error) { return o.svc.Reopen(o.periodID, id, reason) }
	}
	withdraw := func() (data.Evaluation, error) { return o.svc.Withdraw(o.periodID, id) }
	steps := []stepCase{
		{"finalize a draft never stored", finalize, "", data.ErrInvalidTransition},
		{"set ratings on the draft", set(data.RatingDiAtas, data.RatingSesuai), data.EvalDraft, nil},
		{"finalize skipping submitted", finalize, "", data.ErrInvalidTransition},
		{"reopen a draft", reopen("alasan"), "", data.ErrInvalidTransition},
		{"submit", submit, data.EvalSubmitted, nil},
		{"submit twice", submit, "", data.ErrInvalidTransition},
		{"withdraw", withdraw, data.EvalDraft, nil},
		{"submit again", submit, data.EvalSubmitted, nil},
		{"set while submitted", set(data.RatingDiAtas, data.RatingDiAtas), data.EvalSubmitted, nil},
		{"finalize", finalize, data.EvalFinal, nil},
		{"set on final", set(data.RatingSesuai, data.RatingSesuai), "", data.ErrEvaluationLocked},
		{"submit a final", submit, "", data.ErrInvalidTransition},
		{"withdraw a final", withdraw, "", data.ErrInvalidTransition},
		{"finalize twice", finalize, "", data.ErrInvalidTransition},
		{"reopen without reason", reopen("  "), "", data.ErrReopenReason},
		{"reopen", reopen("realisasi triwulan salah ketik"), data.EvalDraft, nil},
	}
	for _, s := range steps {
		e, err := s.do()
		if s.want == "" {
			if !errors.Is(err, s.is) {
				t.Fatalf("%s: err %v, want %v", s.name, err, s.is)
			}
			if errors.Is(s.is, data.ErrInvalidTransition) && !errors.As(err, &te) {
				t.Fatalf("%s: %T is not a *data.TransitionError", s.name, err)
			}
			continue
		}
		if err != nil || e.State != s.want {
			t.Fatalf("%s: state %q, err %v; want %q", s.name, e.State, err, s.want)
		}
	}
	cur, err := o.svc.EvaluationFor(o.periodID, id)
	if err != nil || cur.Evaluation.Revision != 1 || cur.Evaluation.ReopenReason != "realisasi triwulan salah ketik" ||
		cur.Evaluation.Predikat != data.PredikatSangatBaik || cur.Evaluation.Frozen != nil {
		t.Fatalf("after reopen: %+v, %v", cur.Evaluation, err)
	}
	revs, err := o.svc.Revisions(o.periodID, id)
	if err != nil || len(revs) != 1 || revs[0].State != data.EvalFinal || revs[0].Revision != 0 || revs[0].Frozen == nil ||
		revs[0].Predikat != data.PredikatSangatBaik {
		t.Fatalf("Revisions = %+v, %v", revs, err)
	}
	if revs[0].Frozen.Employee.NIP == "" || revs[0].Frozen.Rater.Position != "Kepala Seksi Pemerintahan" || revs[0].Frozen.Atasan.Position != "Camat" {
		t.Errorf("kept revision lacks its identities: %+v", revs[0].Frozen)
	}
}

func TestObjectionAndDevelopment(t *testing.T) {
	t.Parallel()
	o := newEvalOffice(t)
	id := o.pelaksana[1]
	if _, err := o.svc.SetObjection(o.periodID, id, data.Objection{Keberatan: "x"}); !errors.Is(err, data.ErrObjectionNotFinal) {
		t.Fatalf("objection on a draft: %v", err)
	}
	o.finalized(t, id, data.RatingSesuai, data.RatingDiBawah)
	obj := data.Objection{Keberatan: "Saya keberatan.", Penjelasan: "Disiplin kurang.", Keputusan: "Predikat tetap."}
	e, err := o.svc.SetObjection(o.periodID, id, obj)
	if err != nil || e.State != data.EvalFinal || e.Objection != obj {
		t.Fatalf("objection: %+v, %v", e, err)
	}
	items := []data.FollowUp{{Need: "Pelatihan pelayanan", Status: data.FollowUpPlanned}}
	e, err = o.svc.SetDevelopment(o.periodID, id, items)
	if err != nil || len(e.Development) != 1 || e.State != data.EvalFinal {
		t.Fatalf("development on final: %+v, %v", e, err)
	}
	var ve *data.ValidationError
	if _, err := o.svc.SetDevelopment(o.periodID, id, []data.FollowUp{{Need: "x", Status: "nanti"}}); !errors.As(err, &ve) {
		t.Errorf("unknown follow-up status: %v", err)
	}
}

func TestFrozenIdentitiesSurviveRankChange(t *testing.T) {
	t.Parallel()
	o := newEvalOffice(t)
	id := o.pelaksana[0]
	before := o.finalized(t, id, data.RatingSesuai, data.RatingSesuai)
	if before.Frozen == nil || before.Frozen.Employee.Rank == "" {
		t.Fatalf("no frozen identity: %+v", before)
	}
	for _, who := range []uint64{id, o.kasi} {
		s, err := o.svc.StaffByID(who)
		if err != nil {
			t.Fatal(err)
		}
		s.History = append(s.History, data.Event{Date: data.Today(), Kind: data.EventRank, Rank: "IV/a", Letter: "SK 1/2026"})
		if _, err := o.svc.SaveStaff(s); err != nil {
			t.Fatalf("rank change: %v", err)
		}
	}
	v, err := o.svc.EvaluationFor(o.periodID, id)
	if err != nil {
		t.Fatal(err)
	}
	if v.Identities != *before.Frozen || *v.Evaluation.Frozen != *before.Frozen {
		t.Errorf("frozen identities changed after the rank change:\nbefore %+v\nafter  %+v", *before.Frozen, v.Identities)
	}
	if strings.Contains(v.Identities.Employee.Rank, "IV/a") || strings.Contains(v.Identities.Rater.Rank, "IV/a") {
		t.Errorf("frozen rank shows the new rank: %+v", v.Identities)
	}
	reopened, err := o.svc.Reopen(o.periodID, id, "rank check")
	if err != nil {
		t.Fatal(err)
	}
	if reopened.Frozen != nil {
		t.Error("reopened draft keeps frozen identities")
	}
	now, _ := o.svc.EvaluationFor(o.periodID, id)
	if !strings.Contains(now.Identities.Employee.Rank, "IV/a") {
		t.Errorf("draft after reopening shows %q, want the new rank", now.Identities.Employee.Rank)
	}
}

func TestNonASNRefused(t *testing.T) {
	t.Parallel()
	o := newEvalOffice(t)
	calls := map[string]func() error{
		"EvaluationFor": func() error { _, err := o.svc.EvaluationFor(o.periodID, o.nonASN); return err },
		"SetEvaluation": func() error {
			_, err := o.svc.SetEvaluation(o.periodID, o.nonASN, rateBoth(data.RatingSesuai, data.RatingSesuai))
			return err
		},
		"Submit": func() error { _, err := o.svc.Submit(o.periodID, o.nonASN); return err },
		"SaveSKP": func() error {
			_, err := o.svc.SaveSKP(data.SKP{StaffID: o.nonASN, Start: data.NewDate(2026, 1, 1), End: data.NewDate(2026, 12, 31)})
			return err
		},
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, ErrNotEvaluated) {
			t.Errorf("%s: %v, want ErrNotEvaluated", name, err)
		}
	}
	if _, err := o.svc.EvaluationFor(o.periodID, o.pppk); err != nil {
		t.Errorf("PPPK refused: %v", err)
	}
	if _, err := o.svc.EvaluationFor("2026-Q1", o.pppk); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("period not created: %v", err)
	}
}

func TestHeadWorkRatingFollowsCapaian(t *testing.T) {
	t.Parallel()
	o := newEvalOffice(t)
	if _, err := o.svc.SetEvaluation(o.periodID, o.camat, rateBoth(data.RatingDiAtas, data.RatingSesuai)); err != nil {
		t.Fatalf("before capaian the head is rated freely: %v", err)
	}
	if _, err := o.svc.SetCapaian(o.periodID, data.CapaianBaik); err != nil {
		t.Fatal(err)
	}
	v, err := o.svc.EvaluationFor(o.periodID, o.camat)
	if err != nil || !v.IsHead || v.HeadWorkRating != data.RatingSesuai || v.Evaluation.WorkRating != data.RatingSesuai || v.Evaluation.Predikat != data.PredikatBaik {
		t.Fatalf("head after capaian Baik: %+v, %v", v, err)
	}
	var ve *data.ValidationError
	if _, err := o.svc.SetEvaluation(o.periodID, o.camat, rateBoth(data.RatingDiAtas, data.RatingDiAtas)); !errors.As(err, &ve) || len(ve.Problems.Of(data.FieldWorkRating)) == 0 {
		t.Fatalf("head rated against the capaian: %v", err)
	}
	e, err := o.svc.SetEvaluation(o.periodID, o.camat, func(e *data.Evaluation) { e.BehaviorRating = data.RatingDiAtas })
	if err != nil || e.WorkRating != data.RatingSesuai || e.Predikat != data.PredikatBaik {
		t.Fatalf("head behaviour rating: %+v, %v", e, err)
	}
	if _, err := o.svc.SetCapaian(o.periodID, data.CapaianIstimewa); err != nil {
		t.Fatal(err)
	}
	e2, _, _ := o.svc.st.Evaluation(o.periodID, o.camat)
	if e2.WorkRating != data.RatingDiAtas || e2.Predikat != data.PredikatSangatBaik {
		t.Errorf("head after capaian Istimewa: %+v", e2)
	}
	other, _ := o.svc.EvaluationFor(o.periodID, o.kasi)
	if other.IsHead || other.HeadWorkRating != "" {
		t.Errorf("Kasi treated as head: %+v", other)
	}
	// The Camat is rated outside the office: finalizing needs a rater.
	if _, err := o.svc.Submit(o.periodID, o.camat); err != nil {
		t.Fatal(err)
	}
	if _, err := o.svc.Finalize(o.periodID, o.camat); !errors.As(err, &ve) {
		t.Errorf("head finalized without a rater: %v", err)
	}
}

func TestActingRaterOverride(t *testing.T) {
	t.Parallel()
	o := newEvalOffice(t)
	id := o.pelaksana[2]
	if _, err := o.svc.SetRaterOverride(o.periodID, id, data.RaterPair{Rater: data.RaterRef{StaffID: id, Acting: data.ActingPlh}}); err == nil {
		t.Error("self as rater accepted")
	}
	if _, err := o.svc.SetRaterOverride(o.periodID, id, data.RaterPair{Rater: data.RaterRef{StaffID: o.sekcam, Acting: "Pj"}}); err == nil {
		t.Error("unknown acting accepted")
	}
	if _, err := o.svc.SetRaterOverride(o.periodID, id, data.RaterPair{Rater: data.RaterRef{StaffID: o.sekcam, Acting: data.ActingPlh}}); err != nil {
		t.Fatal(err)
	}
	e := o.finalized(t, id, data.RatingSesuai, data.RatingDiAtas)
	if e.Rater.StaffID != o.sekcam || e.Frozen.Rater.Position != "Plh. Sekretaris Kecamatan" || e.Frozen.Atasan.Position != "Camat" {
		t.Errorf("acting rater frozen as %+v (ref %+v)", e.Frozen, e.Rater)
	}
	p, err := o.svc.SetRaterOverride(o.periodID, id, data.RaterPair{})
	if err != nil || len(p.RaterOverrides) != 0 {
		t.Errorf("clearing the override: %+v, %v", p.RaterOverrides, err)
	}
}

func TestEvaluationSettingsAndPeriods(t *testing.T) {
	t.Parallel()
	o := newEvalOffice(t)
	set, err := o.svc.EvaluationSettings()
	if err != nil || set.DeadlineDays != data.DefaultDeadlineDays || set.Cadence != data.PeriodQuarterly {
		t.Fatalf("default settings = %+v, %v", set, err)
	}
	p, err := o.svc.PeriodByID("2026-q3")
	if err != nil || !p.Deadline.Equal(p.End.AddDays(data.DefaultDeadlineDays)) {
		t.Fatalf("period with default deadline: %+v, %v", p, err)
	}
	set.Cadence, set.DeadlineDays = data.PeriodMonthly, 5
	if err := o.svc.SetEvaluationSettings(set); err != nil {
		t.Fatal(err)
	}
	var ve *data.ValidationError
	if err := o.svc.SetEvaluationSettings(data.EvaluationSettings{Cadence: "harian"}); !errors.As(err, &ve) {
		t.Errorf("bad settings: %v", err)
	}
	made, err := o.svc.CreatePeriodsUpTo(data.NewDate(2026, 3, 2))
	if err != nil || len(made) != 3 || made[2].ID != "2026-03" || !made[2].Deadline.Equal(data.NewDate(2026, 4, 5)) {
		t.Fatalf("CreatePeriodsUpTo = %+v, %v", made, err)
	}
	if again, err := o.svc.CreatePeriodsUpTo(data.NewDate(2026, 3, 2)); err != nil || len(again) != 0 {
		t.Errorf("second CreatePeriodsUpTo = %+v, %v", again, err)
	}
	if _, err := o.svc.CreatePeriod("2026-03"); err == nil {
		t.Error("period created twice")
	}
	cur, stored, err := o.svc.CurrentPeriod(data.NewDate(2026, 3, 15))
	if err != nil || !stored || cur.ID != "2026-03" {
		t.Errorf("CurrentPeriod = %+v, %v, %v", cur, stored, err)
	}
	if _, stored, _ := o.svc.CurrentPeriod(data.NewDate(2026, 8, 15)); stored {
		t.Error("August reported as stored")
	}
}

func TestAttendanceBeside(t *testing.T) {
	t.Parallel()
	o := newEvalOffice(t)
	sum, err := o.svc.AttendanceBeside(o.periodID, o.pelaksana[0])
	if err != nil {
		t.Fatal(err)
	}
	p, _ := o.svc.PeriodByID(o.periodID)
	if !sum.From.Equal(p.Start) || !sum.To.Equal(raterDay(p, data.Today())) || sum.WorkingDays == 0 {
		t.Errorf("summary %s–%s, %d working days; want the period's days", sum.From, sum.To, sum.WorkingDays)
	}
	if _, err := o.svc.AttendanceBeside("2027-Q1", o.pelaksana[0]); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("period not created: %v", err)
	}
}
