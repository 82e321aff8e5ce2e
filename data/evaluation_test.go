package data

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

var evalNow = time.Date(2026, time.October, 5, 9, 30, 0, 0, time.UTC)

func ids() FrozenIdentities {
	return FrozenIdentities{
		Employee: Identity{Name: "Asep Saepudin, S.Sos.", NIP: "198504122010011003", Rank: "Penata (III/c)", Position: "Analis Kebijakan", Unit: "Seksi Pemerintahan"},
		Rater:    Identity{Name: "Dra. Hj. Euis Kurniasih, M.Si.", NIP: "197203151998032004", Rank: "Pembina (IV/a)", Position: "Kepala Seksi Pemerintahan", Unit: "Seksi Pemerintahan"},
		Atasan:   Identity{Name: "Drs. H. Dadang Hermawan, M.Si.", NIP: "196804111993031009", Rank: "Pembina Tingkat I (IV/b)", Position: "Camat Soreang", Unit: "Pimpinan Kecamatan"},
	}
}

// rated returns a draft with both ratings and some content.
func rated() Evaluation {
	e := NewEvaluation("2026-Q3", 11, evalNow)
	e, _ = e.Edit(func(e *Evaluation) {
		e.WorkRating, e.BehaviorRating = RatingSesuai, RatingDiAtas
		e.Rows = []Realisasi{{Realisasi: "1.250 surat", UmpanBalik: "Tepat waktu"}}
		e.PerilakuFeedback[0] = "Ramah kepada warga"
		e.Note = "Pertahankan"
		e.Rater, e.Atasan = RaterRef{StaffID: 5}, RaterRef{StaffID: 1}
	}, evalNow)
	return e
}

// inState returns the rated evaluation moved into state s.
func inState(t *testing.T, s EvaluationState) Evaluation {
	t.Helper()
	e := rated()
	var err error
	if s == EvalDraft {
		return e
	}
	if e, err = e.Submit(evalNow); err != nil {
		t.Fatal(err)
	}
	if s == EvalSubmitted {
		return e
	}
	if e, err = e.Finalize(ids(), evalNow); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestNewEvaluation(t *testing.T) {
	t.Parallel()
	e := NewEvaluation("2026-Q3", 11, evalNow)
	if e.State != EvalDraft || e.Revision != 0 || e.Predikat != "" || e.Frozen != nil || !e.UpdatedAt.Equal(evalNow) {
		t.Errorf("NewEvaluation = %+v", e)
	}
	if err := e.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func TestEvaluationTransitions(t *testing.T) {
	t.Parallel()
	type step func(Evaluation) (Evaluation, error)
	later := evalNow.Add(time.Hour)
	steps := map[string]step{
		"submit":   func(e Evaluation) (Evaluation, error) { return e.Submit(later) },
		"withdraw": func(e Evaluation) (Evaluation, error) { return e.Withdraw(later) },
		"finalize": func(e Evaluation) (Evaluation, error) { return e.Finalize(ids(), later) },
		"reopen": func(e Evaluation) (Evaluation, error) {
			_, next, err := e.Reopen("Keberatan diterima", later)
			return next, err
		},
		"edit": func(e Evaluation) (Evaluation, error) {
			return e.Edit(func(e *Evaluation) { e.Note = "diubah" }, later)
		},
	}
	tests := []struct {
		from    EvaluationState
		step    string
		to      EvaluationState // "" when refused
		wantErr error
		message string
	}{
		{EvalDraft, "submit", EvalSubmitted, nil, ""},
		{EvalDraft, "withdraw", "", ErrInvalidTransition, "penilaian berstatus Draf tidak dapat ditarik kembali"},
		{EvalDraft, "finalize", "", ErrInvalidTransition, "penilaian masih Draf; ajukan dulu sebelum ditetapkan"},
		{EvalDraft, "reopen", "", ErrInvalidTransition, "hanya penilaian yang sudah Ditetapkan yang dapat dibuka kembali; penilaian ini berstatus Draf"},
		{EvalDraft, "edit", EvalDraft, nil, ""},
		{EvalSubmitted, "submit", "", ErrInvalidTransition, "penilaian sudah Diajukan"},
		{EvalSubmitted, "withdraw", EvalDraft, nil, ""},
		{EvalSubmitted, "finalize", EvalFinal, nil, ""},
		{EvalSubmitted, "reopen", "", ErrInvalidTransition, "hanya penilaian yang sudah Ditetapkan yang dapat dibuka kembali; penilaian ini berstatus Diajukan"},
		{EvalSubmitted, "edit", EvalSubmitted, nil, ""},
		{EvalFinal, "submit", "", ErrInvalidTransition, "penilaian sudah Ditetapkan; buka kembali dengan alasan bila perlu diubah"},
		{EvalFinal, "withdraw", "", ErrInvalidTransition, "penilaian sudah Ditetapkan; buka kembali dengan alasan bila perlu diubah"},
		{EvalFinal, "finalize", "", ErrInvalidTransition, "penilaian sudah Ditetapkan; buka kembali dengan alasan bila perlu diubah"},
		{EvalFinal, "reopen", EvalDraft, nil, ""},
		{EvalFinal, "edit", "", ErrEvaluationLocked, ErrEvaluationLocked.Error()},
		{"dibatalkan", "submit", "", ErrInvalidTransition, `status penilaian "dibatalkan" tidak dikenali`},
		{"dibatalkan", "finalize", "", ErrInvalidTransition, `status penilaian "dibatalkan" tidak dikenali`},
		{"dibatalkan", "edit", "", ErrInvalidTransition, `status penilaian "dibatalkan" tidak dikenali`},
	}
	for _, tt := range tests {
		var from Evaluation
		if tt.from.Label() == "" {
			from = rated()
			from.State = tt.from
		} else {
			from = inState(t, tt.from)
		}
		snapshot := from.clone()
		got, err := steps[tt.step](from)
		name := string(tt.from) + " " + tt.step
		if tt.wantErr != nil {
			if !errors.Is(err, tt.wantErr) || err.Error() != tt.message {
				t.Errorf("%s: error %v, want %v %q", name, err, tt.wantErr, tt.message)
			}
			if !reflect.DeepEqual(got, snapshot) {
				t.Errorf("%s: refused step still changed the evaluation: %+v", name, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got.State != tt.to || !got.UpdatedAt.Equal(evalNow.Add(time.Hour)) {
			t.Errorf("%s: state %s updated %v, want %s", name, got.State, got.UpdatedAt, tt.to)
		}
		if err := got.Check(); err != nil {
			t.Errorf("%s: result fails Check: %v", name, err)
		}
		if !reflect.DeepEqual(from, snapshot) {
			t.Errorf("%s: step changed its receiver", name)
		}
	}
}

func TestTransitionErrorAs(t *testing.T) {
	t.Parallel()
	_, err := rated().Finalize(ids(), evalNow)
	var te *TransitionError
	if !errors.As(err, &te) || te.Action != ActionFinalize || te.From != EvalDraft {
		t.Errorf("Finalize on draft: %#v", err)
	}
}

func TestFinalizeRequiresRatingsAndNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*Evaluation)
		ids    func(*FrozenIdentities)
		fields []string
	}{
		{"no work rating", func(e *Evaluation) { e.WorkRating = "" }, nil, []string{FieldWorkRating}},
		{"no behavior rating", func(e *Evaluation) { e.BehaviorRating = "" }, nil, []string{FieldBehaviorRating}},
		{"no ratings", func(e *Evaluation) { e.WorkRating, e.BehaviorRating = "", "" }, nil, []string{FieldWorkRating, FieldBehaviorRating}},
		{"no employee name", nil, func(f *FrozenIdentities) { f.Employee.Name = " " }, []string{FieldFrozenEmployee}},
		{"no rater", nil, func(f *FrozenIdentities) { f.Rater = Identity{} }, []string{FieldFrozenRater}},
	}
	for _, tt := range tests {
		e := rated()
		if tt.change != nil {
			e, _ = e.Edit(tt.change, evalNow)
		}
		e, _ = e.Submit(evalNow)
		f := ids()
		if tt.ids != nil {
			tt.ids(&f)
		}
		got, err := e.Finalize(f, evalNow)
		var ve *ValidationError
		if !errors.As(err, &ve) {
			t.Errorf("%s: error %v, want ValidationError", tt.name, err)
			continue
		}
		if len(ve.Problems.Errors) != len(tt.fields) {
			t.Errorf("%s: problems %+v, want fields %v", tt.name, ve.Problems.Errors, tt.fields)
			continue
		}
		for i, fe := range ve.Problems.Errors {
			if fe.Field != tt.fields[i] || fe.Message == "" {
				t.Errorf("%s: problem %d = %+v, want field %s", tt.name, i, fe, tt.fields[i])
			}
		}
		if got.State != EvalSubmitted || got.Frozen != nil {
			t.Errorf("%s: refused finalize changed state to %s", tt.name, got.State)
		}
	}
	e := inState(t, EvalSubmitted)
	f := ids()
	f.Atasan = Identity{}
	if _, err := e.Finalize(f, evalNow); err != nil {
		t.Errorf("no atasan (the Camat's case) refused: %v", err)
	}
}

func TestFinalizeFreezesIdentityCopies(t *testing.T) {
	t.Parallel()
	units := DefaultUnits()
	emp := Staff{ID: 11, Name: "Asep Saepudin", GelarBelakang: "S.Sos.", NIP: "198504122010011003", Kind: KindPNS, History: []Event{
		{Date: NewDate(2015, time.March, 1), Kind: EventStart, Rank: "III/b", Position: "Analis Kebijakan", UnitID: 5},
	}}
	day := NewDate(2026, time.September, 30)
	f := ids()
	f.Employee = IdentityOf(emp, units, day)
	want := Identity{Name: "Asep Saepudin, S.Sos.", NIP: "198504122010011003", Rank: "Penata Muda Tingkat I (III/b)", Position: "Analis Kebijakan", Unit: "Seksi Pemerintahan"}
	if f.Employee != want {
		t.Fatalf("IdentityOf = %+v, want %+v", f.Employee, want)
	}
	e, err := inState(t, EvalSubmitted).Finalize(f, evalNow)
	if err != nil {
		t.Fatal(err)
	}
	// later: a promotion, a transfer and a new gelar; the caller's struct is reused
	emp.GelarBelakang = "S.Sos., M.Si."
	emp.History = append(emp.History,
		Event{Date: NewDate(2026, time.October, 1), Kind: EventRank, Rank: "III/c"},
		Event{Date: NewDate(2026, time.October, 1), Kind: EventTransfer, UnitID: 7})
	f.Employee = IdentityOf(emp, units, NewDate(2026, time.October, 2))
	f.Rater.Name = "Pejabat Lain"
	if e.Frozen.Employee != want || e.Frozen.Rater.Name != ids().Rater.Name {
		t.Errorf("frozen identities changed after later changes: %+v", e.Frozen)
	}
	if f.Employee.Rank != "Penata (III/c)" || f.Employee.Unit != "Seksi Ekonomi dan Pembangunan" {
		t.Errorf("later identity = %+v (the test must see a change)", f.Employee)
	}
	if _, err := e.Edit(func(e *Evaluation) { e.Frozen.Employee.Rank = "Penata (III/c)" }, evalNow); !errors.Is(err, ErrEvaluationLocked) {
		t.Errorf("editing frozen identities of a final evaluation: %v", err)
	}
	if !e.FinalizedAt.Equal(evalNow) {
		t.Errorf("FinalizedAt = %v", e.FinalizedAt)
	}
}

func TestReopenRevisions(t *testing.T) {
	t.Parallel()
	final := inState(t, EvalFinal)
	for _, reason := range []string{"", "   \n"} {
		if _, _, err := final.Reopen(reason, evalNow); !errors.Is(err, ErrReopenReason) {
			t.Errorf("Reopen(%q): %v, want ErrReopenReason", reason, err)
		}
	}
	later := evalNow.Add(48 * time.Hour)
	prev, next, err := final.Reopen("  Keberatan pegawai diterima atasan  ", later)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(prev, final) {
		t.Errorf("prev differs from the final version: %+v", prev)
	}
	if next.State != EvalDraft || next.Revision != 1 || next.Frozen != nil || !next.FinalizedAt.IsZero() ||
		next.ReopenReason != "Keberatan pegawai diterima atasan" || !next.UpdatedAt.Equal(later) {
		t.Errorf("next = %+v", next)
	}
	if next.WorkRating != final.WorkRating || next.Predikat != final.Predikat || next.Note != final.Note {
		t.Errorf("reopen lost content: %+v", next)
	}
	next.Rows[0].Realisasi = "diubah"
	if prev.Rows[0].Realisasi == "diubah" || final.Rows[0].Realisasi == "diubah" {
		t.Error("the new revision shares rows with the kept one")
	}
	// a second round gives revision 2, and the kept revision 1 is untouched by the new draft
	next, _ = next.Edit(func(e *Evaluation) { e.WorkRating = RatingDiAtas }, later)
	next, _ = next.Submit(later)
	next, err = next.Finalize(ids(), later)
	if err != nil {
		t.Fatal(err)
	}
	prev2, next2, err := next.Reopen("Salah ketik realisasi", later)
	if err != nil {
		t.Fatal(err)
	}
	if prev2.Revision != 1 || prev2.State != EvalFinal || prev2.Predikat != PredikatSangatBaik || next2.Revision != 2 {
		t.Errorf("second reopen: prev rev %d %s %s, next rev %d", prev2.Revision, prev2.State, prev2.Predikat, next2.Revision)
	}
	if prev2.Frozen == nil || prev2.Frozen == next.Frozen {
		t.Error("kept revision must carry its own copy of the frozen identities")
	}
}

func TestEditRecomputesPredikatAndGuardsWorkflowFields(t *testing.T) {
	t.Parallel()
	e := rated()
	if e.Predikat != PredikatBaik {
		t.Fatalf("rated predikat = %s", e.Predikat)
	}
	got, err := e.Edit(func(x *Evaluation) {
		x.WorkRating = RatingDiBawah
		x.BehaviorRating = RatingDiBawah
		x.Predikat = PredikatSangatBaik // typed predikat is ignored
		x.State, x.Revision, x.PeriodID, x.StaffID = EvalFinal, 9, "2030", 99
		x.Frozen = &FrozenIdentities{}
		x.Objection = Objection{Keberatan: "x"}
		x.ReopenReason = "x"
		x.FinalizedAt = evalNow
	}, evalNow)
	if err != nil {
		t.Fatal(err)
	}
	if got.Predikat != PredikatSangatKurang || got.State != EvalDraft || got.Revision != 0 || got.PeriodID != "2026-Q3" ||
		got.StaffID != 11 || got.Frozen != nil || got.Objection != (Objection{}) || got.ReopenReason != "" || !got.FinalizedAt.IsZero() {
		t.Errorf("Edit = %+v", got)
	}
	cleared, _ := e.Edit(func(x *Evaluation) { x.BehaviorRating = "" }, evalNow)
	if cleared.Predikat != "" {
		t.Errorf("predikat with one rating = %q", cleared.Predikat)
	}
}

func TestEditRefusesBadValues(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*Evaluation)
		field  string
	}{
		{"work", func(e *Evaluation) { e.WorkRating = "baik" }, FieldWorkRating},
		{"behavior", func(e *Evaluation) { e.BehaviorRating = "Sesuai Ekspektasi" }, FieldBehaviorRating},
		{"follow-up status", func(e *Evaluation) { e.Development = []FollowUp{{Need: "Pelatihan SIAK", Status: "nanti"}} }, FieldDevelopment},
		{"follow-up need", func(e *Evaluation) { e.Development = []FollowUp{{Status: FollowUpNeeded}} }, FieldDevelopment},
	}
	for _, tt := range tests {
		e := rated()
		got, err := e.Edit(tt.change, evalNow)
		var ve *ValidationError
		if !errors.As(err, &ve) || len(ve.Problems.Of(tt.field)) != 1 {
			t.Errorf("%s: error %v, want one problem on %s", tt.name, err, tt.field)
		}
		if !reflect.DeepEqual(got, e) {
			t.Errorf("%s: refused edit changed the evaluation", tt.name)
		}
	}
}

func TestCheckPredikat(t *testing.T) {
	t.Parallel()
	e := rated()
	if err := e.CheckPredikat(); err != nil {
		t.Fatal(err)
	}
	for _, tampered := range []Predikat{PredikatSangatBaik, "", "cukup"} {
		bad := e
		bad.Predikat = tampered
		if err := bad.CheckPredikat(); !errors.Is(err, ErrPredikatMismatch) {
			t.Errorf("stored %q: %v, want ErrPredikatMismatch", tampered, err)
		}
		if bad.Normalize().Predikat != PredikatBaik {
			t.Errorf("Normalize kept %q", tampered)
		}
	}
	unrated := NewEvaluation("2026-Q3", 1, evalNow)
	unrated.Predikat = PredikatBaik
	if err := unrated.CheckPredikat(); !errors.Is(err, ErrPredikatMismatch) {
		t.Errorf("predikat without ratings accepted: %v", err)
	}
}

func TestCheckStored(t *testing.T) {
	t.Parallel()
	final := inState(t, EvalFinal)
	tests := []struct {
		name   string
		change func(*Evaluation)
		want   string
	}{
		{"state", func(e *Evaluation) { e.State = "arsip" }, `status "arsip" tidak dikenali`},
		{"work", func(e *Evaluation) { e.WorkRating = "x" }, `rating hasil kerja "x" tidak dikenali`},
		{"behavior", func(e *Evaluation) { e.BehaviorRating = "x" }, `rating perilaku kerja "x" tidak dikenali`},
		{"final without frozen", func(e *Evaluation) { e.Frozen = nil }, "identitas tidak tersimpan"},
		{"draft with frozen", func(e *Evaluation) { e.State = EvalDraft }, "identitas beku"},
		{"revision", func(e *Evaluation) { e.Revision = -1 }, "nomor revisi -1"},
		{"predikat", func(e *Evaluation) { e.Predikat = PredikatKurang }, "predikat tersimpan"},
	}
	if err := final.Check(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		e := final.clone()
		tt.change(&e)
		if err := e.Check(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Check = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestSetObjection(t *testing.T) {
	t.Parallel()
	o := Objection{Keberatan: "Realisasi triwulan belum dihitung lengkap", Penjelasan: "Data baru masuk", Keputusan: "Diterima"}
	for _, s := range []EvaluationState{EvalDraft, EvalSubmitted} {
		if _, err := inState(t, s).SetObjection(o, evalNow); !errors.Is(err, ErrObjectionNotFinal) {
			t.Errorf("objection on %s: %v", s, err)
		}
	}
	final := inState(t, EvalFinal)
	later := evalNow.Add(time.Hour)
	got, err := final.SetObjection(o, later)
	if err != nil {
		t.Fatal(err)
	}
	want := final.clone()
	want.Objection, want.UpdatedAt = o, later
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SetObjection changed more than the objection: %+v", got)
	}
	var ve *ValidationError
	if _, err := final.SetObjection(Objection{Keputusan: "Ditolak"}, later); !errors.As(err, &ve) || len(ve.Problems.Of(FieldObjection)) != 1 {
		t.Errorf("decision without keberatan: %v", err)
	}
}

func TestSetDevelopmentInEveryState(t *testing.T) {
	t.Parallel()
	items := []FollowUp{{Need: "Pelatihan aplikasi layanan", Plan: "Diklat BKPSDM Maret", Status: FollowUpDone}}
	for _, s := range []EvaluationState{EvalDraft, EvalSubmitted, EvalFinal} {
		e := inState(t, s)
		got, err := e.SetDevelopment(items, evalNow)
		if err != nil || got.State != s || len(got.Development) != 1 || got.Development[0] != items[0] {
			t.Errorf("%s: %+v %v", s, got.Development, err)
		}
		items[0].Plan = "diubah"
		if got.Development[0].Plan == "diubah" {
			t.Errorf("%s: development shares the caller's slice", s)
		}
		items[0].Plan = "Diklat BKPSDM Maret"
	}
	if _, err := rated().SetDevelopment([]FollowUp{{Need: "x", Status: "batal"}}, evalNow); err == nil {
		t.Error("unknown follow-up status accepted")
	}
}

func TestEvaluationJSON(t *testing.T) {
	t.Parallel()
	e := inState(t, EvalFinal)
	e.Development = []FollowUp{{Need: "Pelatihan", Status: FollowUpPlanned}}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"period":"2026-Q3"`, `"work_rating":"sesuai"`, `"behavior_rating":"di_atas"`, `"predicate":"baik"`, `"state":"final"`, `"revision":0`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s: %s", key, b)
		}
	}
	var back Evaluation
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, e) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, e)
	}
	if err := back.Check(); err != nil {
		t.Error(err)
	}
}

func TestStateAndFollowUpLabels(t *testing.T) {
	t.Parallel()
	for s, l := range map[EvaluationState]string{EvalDraft: "Draf", EvalSubmitted: "Diajukan", EvalFinal: "Ditetapkan", "x": ""} {
		if s.Label() != l {
			t.Errorf("%q.Label() = %q", s, s.Label())
		}
	}
	for s, l := range map[FollowUpStatus]string{FollowUpNeeded: "Dibutuhkan", FollowUpPlanned: "Direncanakan", FollowUpDone: "Selesai", "x": ""} {
		if s.Label() != l {
			t.Errorf("%q.Label() = %q", s, s.Label())
		}
	}
}

func TestEditNilChange(t *testing.T) {
	t.Parallel()
	e := rated()
	later := evalNow.Add(time.Minute)
	got, err := e.Edit(nil, later)
	want := e.clone()
	want.UpdatedAt = later
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Edit(nil) = %+v, %v", got, err)
	}
}
