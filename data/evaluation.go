package data

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// EvaluationState is the workflow state of an evaluation: Draf → Diajukan →
// Ditetapkan. A final (Ditetapkan) evaluation is locked; reopening it needs a
// reason and starts a new numbered revision.
type EvaluationState string

// The three workflow states, with their JSON ids.
const (
	EvalDraft     EvaluationState = "draft"
	EvalSubmitted EvaluationState = "submitted"
	EvalFinal     EvaluationState = "final"
)

// Label returns "Draf", "Diajukan" or "Ditetapkan", or "" when unknown.
func (s EvaluationState) Label() string {
	switch s {
	case EvalDraft:
		return "Draf"
	case EvalSubmitted:
		return "Diajukan"
	case EvalFinal:
		return "Ditetapkan"
	}
	return ""
}

// Realisasi is the evaluation of one hasil kerja row of the SKP, in the same
// order as SKP.Rows: the realisasi based on evidence, and the umpan balik.
type Realisasi struct {
	Realisasi  string `json:"realisasi"`
	UmpanBalik string `json:"umpan_balik"`
}

// FollowUpStatus is where a development follow-up stands.
type FollowUpStatus string

// The follow-up statuses (training needed, planned, done).
const (
	FollowUpNeeded  FollowUpStatus = "dibutuhkan"
	FollowUpPlanned FollowUpStatus = "direncanakan"
	FollowUpDone    FollowUpStatus = "selesai"
)

// Label returns "Dibutuhkan", "Direncanakan" or "Selesai", or "" when unknown.
func (s FollowUpStatus) Label() string {
	switch s {
	case FollowUpNeeded:
		return "Dibutuhkan"
	case FollowUpPlanned:
		return "Direncanakan"
	case FollowUpDone:
		return "Selesai"
	}
	return ""
}

// FollowUp is one development follow-up of an evaluation: the need (e.g.
// training in a service application), the plan, and its status.
type FollowUp struct {
	Need   string         `json:"need"`
	Plan   string         `json:"plan,omitempty"`
	Status FollowUpStatus `json:"status"`
}

// Identity is a person as printed in an identity block of the evaluation form.
type Identity struct {
	Name     string `json:"name"` // with gelar
	NIP      string `json:"nip"`
	Rank     string `json:"rank"` // "Penata Muda Tingkat I (III/b)"
	Position string `json:"position"`
	Unit     string `json:"unit"`
}

// IdentityOf returns the identity of staff member s as held on day on: name
// with gelar, NIP, rank label, position and unit name from the history.
func IdentityOf(s Staff, units []Unit, on Date) Identity {
	sit := s.At(on)
	return Identity{
		Name:     s.DisplayName(),
		NIP:      s.NIP,
		Rank:     RankLabel(sit.Rank),
		Position: sit.Position,
		Unit:     UnitName(units, sit.UnitID),
	}
}

// FrozenIdentities are the three identity blocks of the form, copied into the
// evaluation when it becomes final so that later changes (a promotion, a
// transfer) never rewrite an old evaluation.
type FrozenIdentities struct {
	Employee Identity `json:"employee"`
	Rater    Identity `json:"rater"`
	Atasan   Identity `json:"atasan"`
}

// OutsideFix is how an evaluation rated outside the office was set: the
// person who fixed it (as written on the paper or the BSrE-signed copy), the
// moment, and the SHA-256 and size of the scanned PDF kept with the record.
type OutsideFix struct {
	FixedBy    string    `json:"fixed_by"`
	FixedAt    time.Time `json:"fixed_at"`
	ScanSHA256 string    `json:"scan_sha256"`
	ScanSize   int       `json:"scan_size"`
}

// Objection is the keberatan of the employee, the rater's explanation and the
// Atasan's decision, printed on the form.
type Objection struct {
	Keberatan  string `json:"keberatan,omitempty"`
	Penjelasan string `json:"penjelasan,omitempty"`
	Keputusan  string `json:"keputusan,omitempty"`
}

// Evaluation is the evaluation of one staff member for one period. Predikat is
// never taken from input: every transition and edit recomputes it from the two
// ratings (Normalize), and CheckPredikat verifies it when read back. Revision
// counts reopenings: the first version is revision 0.
type Evaluation struct {
	PeriodID         string          `json:"period"`
	StaffID          uint64          `json:"staff_id"`
	SKPID            uint64          `json:"skp_id,omitempty"`
	State            EvaluationState `json:"state"`
	Revision         int             `json:"revision"`
	Rows             []Realisasi     `json:"rows"`
	PerilakuFeedback [7]string       `json:"perilaku_feedback"` // umpan balik per BerAKHLAK value, in BerAKHLAK order
	WorkRating       Rating          `json:"work_rating"`
	BehaviorRating   Rating          `json:"behavior_rating"`
	Predikat         Predikat        `json:"predicate"`
	Note             string          `json:"note,omitempty"` // catatan/rekomendasi
	Development      []FollowUp      `json:"development,omitempty"`
	Rater            RaterRef        `json:"rater"`
	Atasan           RaterRef        `json:"atasan"`
	// External names the officials outside the office who rate or review
	// this evaluation; a set field stands in place of Rater or Atasan.
	External ExternalRaters `json:"external,omitzero"`
	// FixedOutside records an evaluation set (Ditetapkan) by a Pejabat
	// Penilai outside the office: who fixed it, when, and the scanned copy
	// kept with it. The office's own key never signs such an evaluation.
	FixedOutside *OutsideFix       `json:"fixed_outside,omitempty"`
	Frozen       *FrozenIdentities `json:"frozen,omitempty"` // set when final
	Objection    Objection         `json:"objection"`
	ReopenReason string            `json:"reopen_reason,omitempty"` // why this revision was opened
	FinalizedAt  time.Time         `json:"finalized_at,omitzero"`
	UpdatedAt    time.Time         `json:"updated_at,omitzero"`
}

// Field names of evaluation problems, for FieldError.Field.
const (
	FieldEvaluationState = "state"
	FieldDevelopment     = "development"
	FieldObjection       = "objection"
	FieldFrozenEmployee  = "frozen.employee"
	FieldFrozenRater     = "frozen.rater"
	// Fields of the free texts, checked against the Batas isian.
	FieldNoteEval         = "note"
	FieldRealisasi        = "realisasi"
	FieldPerilakuFeedback = "perilaku_feedback"
	FieldReopenReason     = "reopen_reason"
)

// Errors of the evaluation workflow. Each carries the Indonesian message shown
// to the user; TransitionError matches ErrInvalidTransition with errors.Is.
var (
	ErrEvaluationLocked  = errors.New("penilaian sudah ditetapkan dan terkunci; buka kembali dengan alasan untuk mengubahnya")
	ErrInvalidTransition = errors.New("perubahan status penilaian tidak diizinkan")
	ErrReopenReason      = errors.New("alasan membuka kembali penilaian wajib diisi")
	ErrObjectionNotFinal = errors.New("keberatan hanya dapat dicatat pada penilaian yang sudah ditetapkan")
	ErrPredikatMismatch  = errors.New("predikat tersimpan tidak sesuai dengan kedua rating")
)

// EvaluationAction names a workflow step, for TransitionError.
type EvaluationAction string

// The workflow steps.
const (
	ActionSubmit   EvaluationAction = "ajukan"
	ActionWithdraw EvaluationAction = "tarik kembali"
	ActionFinalize EvaluationAction = "tetapkan"
	ActionReopen   EvaluationAction = "buka kembali"
	ActionEdit     EvaluationAction = "ubah"
)

// passive returns the verb as the messages use it: "diajukan", "dibuka kembali".
func (a EvaluationAction) passive() string { return "di" + string(a) }

// TransitionError is a workflow step refused in the evaluation's state, such
// as finalizing a draft that was never submitted.
type TransitionError struct {
	Action EvaluationAction
	From   EvaluationState
}

// Error returns the Indonesian message, naming the state and the refused step.
func (e *TransitionError) Error() string {
	switch {
	case e.From.Label() == "":
		return fmt.Sprintf("status penilaian %q tidak dikenali", string(e.From))
	case e.Action == ActionFinalize && e.From == EvalDraft:
		return "penilaian masih Draf; ajukan dulu sebelum ditetapkan"
	case e.Action == ActionReopen:
		return fmt.Sprintf("hanya penilaian yang sudah Ditetapkan yang dapat dibuka kembali; penilaian ini berstatus %s", e.From.Label())
	case e.From == EvalFinal:
		return "penilaian sudah Ditetapkan; buka kembali dengan alasan bila perlu diubah"
	case e.Action == ActionSubmit && e.From == EvalSubmitted:
		return "penilaian sudah Diajukan"
	}
	return fmt.Sprintf("penilaian berstatus %s tidak dapat %s", e.From.Label(), e.Action.passive())
}

// Is makes every TransitionError match ErrInvalidTransition.
func (e *TransitionError) Is(target error) bool { return target == ErrInvalidTransition }

// NewEvaluation returns an empty draft, revision 0, for a staff member and period.
func NewEvaluation(periodID string, staffID uint64, now time.Time) Evaluation {
	return Evaluation{PeriodID: periodID, StaffID: staffID, State: EvalDraft, UpdatedAt: now}
}

// clone returns a copy of e that shares no slice or pointer with it.
func (e Evaluation) clone() Evaluation {
	e.Rows = append([]Realisasi(nil), e.Rows...)
	e.Development = append([]FollowUp(nil), e.Development...)
	if e.Frozen != nil {
		f := *e.Frozen
		e.Frozen = &f
	}
	if e.FixedOutside != nil {
		f := *e.FixedOutside
		e.FixedOutside = &f
	}
	return e
}

// Normalize returns e with Predikat computed from the two ratings: the kuadran
// when both are valid, empty otherwise. Every write goes through it.
func (e Evaluation) Normalize() Evaluation {
	e.Predikat, _ = PredikatOf(e.WorkRating, e.BehaviorRating)
	return e
}

// CheckPredikat verifies, on read, that the stored Predikat is the one the two
// ratings give; the error wraps ErrPredikatMismatch.
func (e Evaluation) CheckPredikat() error {
	want := e.Normalize().Predikat
	if e.Predikat != want {
		return fmt.Errorf("%w: tersimpan %q, seharusnya %q (penilaian %s, pegawai %d)", ErrPredikatMismatch, e.Predikat.Label(), want.Label(), e.PeriodID, e.StaffID)
	}
	return nil
}

// Check verifies a stored evaluation on read: a known state, known ratings, the
// computed predikat, frozen identities present exactly when final, and a
// revision that is not negative.
func (e Evaluation) Check() error {
	where := fmt.Sprintf("penilaian %s, pegawai %d", e.PeriodID, e.StaffID)
	switch {
	case e.State.Label() == "":
		return fmt.Errorf("%s: status %q tidak dikenali", where, string(e.State))
	case e.WorkRating != "" && !e.WorkRating.Valid():
		return fmt.Errorf("%s: rating hasil kerja %q tidak dikenali", where, string(e.WorkRating))
	case e.BehaviorRating != "" && !e.BehaviorRating.Valid():
		return fmt.Errorf("%s: rating perilaku kerja %q tidak dikenali", where, string(e.BehaviorRating))
	case e.State == EvalFinal && e.Frozen == nil:
		return fmt.Errorf("%s: sudah ditetapkan tetapi identitas tidak tersimpan", where)
	case e.State != EvalFinal && e.Frozen != nil:
		return fmt.Errorf("%s: belum ditetapkan tetapi menyimpan identitas beku", where)
	case e.State != EvalFinal && e.FixedOutside != nil:
		return fmt.Errorf("%s: belum ditetapkan tetapi mencatat penetapan di luar kantor", where)
	case e.Revision < 0:
		return fmt.Errorf("%s: nomor revisi %d tidak sah", where, e.Revision)
	}
	return e.CheckPredikat()
}

// Submit moves a draft to Diajukan. It needs no rating yet: the employee may
// submit realisasi before the rater rates.
func (e Evaluation) Submit(now time.Time) (Evaluation, error) {
	if e.State != EvalDraft {
		return e, &TransitionError{Action: ActionSubmit, From: e.State}
	}
	next := e.clone()
	next.State, next.UpdatedAt = EvalSubmitted, now
	return next.Normalize(), nil
}

// Withdraw moves a submitted evaluation back to Draf.
func (e Evaluation) Withdraw(now time.Time) (Evaluation, error) {
	if e.State != EvalSubmitted {
		return e, &TransitionError{Action: ActionWithdraw, From: e.State}
	}
	next := e.clone()
	next.State, next.UpdatedAt = EvalDraft, now
	return next.Normalize(), nil
}

// Finalize moves a submitted evaluation to Ditetapkan: both ratings must be
// given and the employee's and rater's identities named. The identities are
// copied into the evaluation (Frozen), FinalizedAt is set to now, and from then
// on the evaluation is locked. A draft must be submitted first.
func (e Evaluation) Finalize(ids FrozenIdentities, now time.Time) (Evaluation, error) {
	if e.State != EvalSubmitted {
		return e, &TransitionError{Action: ActionFinalize, From: e.State}
	}
	var p Problems
	for _, err := range []error{
		checkRating(FieldWorkRating, "Rating hasil kerja", e.WorkRating),
		checkRating(FieldBehaviorRating, "Rating perilaku kerja", e.BehaviorRating),
	} {
		var fe FieldError
		if errors.As(err, &fe) {
			p.Errors = append(p.Errors, fe)
		}
	}
	if strings.TrimSpace(ids.Employee.Name) == "" {
		p.Errors = append(p.Errors, FieldError{Field: FieldFrozenEmployee, Message: "Nama pegawai yang dinilai wajib ada."})
	}
	if strings.TrimSpace(ids.Rater.Name) == "" {
		p.Errors = append(p.Errors, FieldError{Field: FieldFrozenRater, Message: "Pejabat Penilai Kinerja belum ditentukan."})
	}
	if !p.OK() {
		return e, &ValidationError{Problems: p}
	}
	next := e.clone()
	frozen := ids
	next.Frozen = &frozen
	next.State, next.FinalizedAt, next.UpdatedAt = EvalFinal, now, now
	return next.Normalize(), nil
}

// Reopen opens a final evaluation again for a reason. prev is the final
// version unchanged, for the caller to keep as a revision (it can still be
// printed); next is the new draft with Revision+1, the reason recorded, the
// frozen identities and FinalizedAt cleared, and every other field (ratings,
// notes, objection) carried over for editing.
func (e Evaluation) Reopen(reason string, now time.Time) (prev, next Evaluation, err error) {
	if e.State != EvalFinal {
		return e, e, &TransitionError{Action: ActionReopen, From: e.State}
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return e, e, ErrReopenReason
	}
	if msg := TooLong("Alasan membuka kembali", reason, MaxReasonRunes); msg != "" {
		return e, e, &ValidationError{Problems: Problems{Errors: []FieldError{{Field: FieldReopenReason, Message: msg}}}}
	}
	prev, next = e.clone(), e.clone()
	next.State, next.Revision, next.ReopenReason = EvalDraft, e.Revision+1, reason
	next.Frozen, next.FinalizedAt, next.UpdatedAt = nil, time.Time{}, now
	next.FixedOutside = nil
	return prev, next.Normalize(), nil
}

// Edit applies change to a copy of a draft or submitted evaluation (the state
// stays as it is) and returns the result with the predikat recomputed. The
// workflow fields (period, staff, state, revision, frozen identities,
// objection, reopen reason, finalization time) cannot be changed this way. A
// final evaluation is refused with ErrEvaluationLocked; unknown ratings or
// follow-up statuses with a ValidationError. A nil change only touches UpdatedAt.
func (e Evaluation) Edit(change func(*Evaluation), now time.Time) (Evaluation, error) {
	switch e.State {
	case EvalFinal:
		return e, ErrEvaluationLocked
	case EvalDraft, EvalSubmitted:
	default:
		return e, &TransitionError{Action: ActionEdit, From: e.State}
	}
	next := e.clone()
	if change != nil {
		change(&next)
	}
	next.PeriodID, next.StaffID, next.State, next.Revision = e.PeriodID, e.StaffID, e.State, e.Revision
	next.Frozen, next.Objection, next.ReopenReason, next.FinalizedAt = e.Frozen, e.Objection, e.ReopenReason, e.FinalizedAt
	next.FixedOutside = e.FixedOutside
	next.UpdatedAt = now
	if p := next.editProblems(); !p.OK() {
		return e, &ValidationError{Problems: p}
	}
	return next.clone().Normalize(), nil
}

func (e Evaluation) editProblems() Problems {
	var p Problems
	if e.WorkRating != "" && !e.WorkRating.Valid() {
		p.Errors = append(p.Errors, FieldError{Field: FieldWorkRating, Message: fmt.Sprintf("Rating hasil kerja %q tidak dikenali.", string(e.WorkRating))})
	}
	if e.BehaviorRating != "" && !e.BehaviorRating.Valid() {
		p.Errors = append(p.Errors, FieldError{Field: FieldBehaviorRating, Message: fmt.Sprintf("Rating perilaku kerja %q tidak dikenali.", string(e.BehaviorRating))})
	}
	p.Errors = append(p.Errors, followUpProblems(e.Development)...)
	p.checkLen(FieldNoteEval, "Catatan/rekomendasi", e.Note, MaxNoteRunes)
	for i, r := range e.Rows {
		p.checkLen(FieldRealisasi, fmt.Sprintf("Baris %d hasil kerja: realisasi", i+1), r.Realisasi, MaxNoteRunes)
		p.checkLen(FieldRealisasi, fmt.Sprintf("Baris %d hasil kerja: umpan balik", i+1), r.UmpanBalik, MaxNoteRunes)
	}
	for i, f := range e.PerilakuFeedback {
		p.checkLen(FieldPerilakuFeedback, fmt.Sprintf("Umpan balik perilaku nilai ke-%d", i+1), f, MaxNoteRunes)
	}
	return p
}

func followUpProblems(items []FollowUp) []FieldError {
	var errs []FieldError
	for i, f := range items {
		if f.Status.Label() == "" {
			errs = append(errs, FieldError{Field: FieldDevelopment, Message: fmt.Sprintf("Tindak lanjut baris %d: status %q tidak dikenali; pilih dibutuhkan, direncanakan atau selesai.", i+1, string(f.Status))})
		}
		if strings.TrimSpace(f.Need) == "" {
			errs = append(errs, FieldError{Field: FieldDevelopment, Message: fmt.Sprintf("Tindak lanjut baris %d: kebutuhan pengembangan wajib diisi.", i+1)})
		}
		errs = append(errs, lenErrors(
			lenCheck{FieldDevelopment, fmt.Sprintf("Tindak lanjut baris %d: kebutuhan", i+1), f.Need, MaxReasonRunes},
			lenCheck{FieldDevelopment, fmt.Sprintf("Tindak lanjut baris %d: rencana", i+1), f.Plan, MaxReasonRunes},
		)...)
	}
	return errs
}

// SetDevelopment replaces the development follow-up in any state, a final
// evaluation included: follow-up (training planned, then done) happens after
// the evaluation is set, and it is not part of the printed form.
func (e Evaluation) SetDevelopment(items []FollowUp, now time.Time) (Evaluation, error) {
	if errs := followUpProblems(items); len(errs) > 0 {
		return e, &ValidationError{Problems: Problems{Errors: errs}}
	}
	next := e.clone()
	next.Development, next.UpdatedAt = append([]FollowUp(nil), items...), now
	return next.Normalize(), nil
}

// SetObjection records the keberatan, the rater's explanation and the Atasan's
// decision on a final evaluation, which otherwise stays locked: an objection
// is raised against a predikat that has been set, and the three fields appear
// on the printed form. On a draft or submitted evaluation it is refused with
// ErrObjectionNotFinal. An explanation or decision without a keberatan is a
// ValidationError.
func (e Evaluation) SetObjection(o Objection, now time.Time) (Evaluation, error) {
	if e.State != EvalFinal {
		return e, ErrObjectionNotFinal
	}
	if strings.TrimSpace(o.Keberatan) == "" && (strings.TrimSpace(o.Penjelasan) != "" || strings.TrimSpace(o.Keputusan) != "") {
		return e, &ValidationError{Problems: Problems{Errors: []FieldError{{Field: FieldObjection,
			Message: "Keberatan pegawai wajib diisi sebelum penjelasan atau keputusan."}}}}
	}
	if errs := lenErrors(
		lenCheck{FieldObjection, "Keberatan", o.Keberatan, MaxNoteRunes},
		lenCheck{FieldObjection, "Penjelasan pejabat penilai", o.Penjelasan, MaxNoteRunes},
		lenCheck{FieldObjection, "Keputusan atasan", o.Keputusan, MaxNoteRunes},
	); len(errs) > 0 {
		return e, &ValidationError{Problems: Problems{Errors: errs}}
	}
	next := e.clone()
	next.Objection, next.UpdatedAt = o, now
	return next.Normalize(), nil
}

// Errors of setting an evaluation outside the office.
var (
	ErrNotOutsideRater = errors.New("Pejabat Penilai Kinerja penilaian ini ada di dalam kantor; tetapkan dengan tanda tangan kantor, bukan sebagai penetapan di luar kantor")
	ErrOutsideFixedBy  = errors.New("nama yang menetapkan penilaian di luar kantor wajib diisi")
	ErrOutsideFixedAt  = errors.New("tanggal penetapan di luar kantor wajib diisi dan tidak boleh setelah hari ini")
	ErrOutsideScan     = errors.New("salinan penetapan (pindaian kertas atau PDF bertanda tangan BSrE) wajib dilampirkan")
)

// FixOutside sets (Ditetapkan) an evaluation whose Pejabat Penilai Kinerja
// sits outside the office (External.Rater set): the rater fixed it on paper
// or through BSrE, and the office records who did it, when, and the copy it
// received (PermenPANRB 6/2022 lets the rater sit in another unit; the
// office's own key never signs in the outsider's name). A draft or a
// submitted evaluation may be fixed; both ratings and both names are needed
// as for Finalize, the identities are frozen, and FinalizedAt is fix.FixedAt.
func (e Evaluation) FixOutside(ids FrozenIdentities, fix OutsideFix, now time.Time) (Evaluation, error) {
	if e.State != EvalDraft && e.State != EvalSubmitted {
		return e, &TransitionError{Action: ActionFinalize, From: e.State}
	}
	if !e.External.Rater.IsSet() {
		return e, ErrNotOutsideRater
	}
	fix.FixedBy = strings.Join(strings.Fields(fix.FixedBy), " ")
	switch {
	case fix.FixedBy == "":
		return e, ErrOutsideFixedBy
	case fix.FixedAt.IsZero() || fix.FixedAt.After(now):
		return e, ErrOutsideFixedAt
	case len(fix.ScanSHA256) != 64 || fix.ScanSize <= 0:
		return e, ErrOutsideScan
	}
	sub := e.clone()
	sub.State = EvalSubmitted
	next, err := sub.Finalize(ids, fix.FixedAt)
	if err != nil {
		return e, err
	}
	next.FixedOutside = &fix
	next.UpdatedAt = now
	return next, nil
}
