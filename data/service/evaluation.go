package service

import (
	"fmt"

	"kinerja/data"
)

// EvaluationView is one staff member's evaluation for a period as a screen
// shows it.
type EvaluationView struct {
	Period data.EvaluationPeriod
	Staff  data.Staff
	// Evaluation is the stored current version; when Stored is false it is a
	// new draft made from the SKP for the period (one empty realisasi row per
	// hasil kerja row) that is saved on the first SetEvaluation or Submit.
	Evaluation data.Evaluation
	Stored     bool
	SKP        data.SKP // the SKP for the period (data.SKPForPeriod); zero when HasSKP is false
	HasSKP     bool
	// Identities are the frozen ones of a final evaluation, otherwise the
	// employee, rater and atasan as they stand today (what Finalize would freeze).
	Identities data.FrozenIdentities
	// IsHead is true for the head of the office (the Camat). HeadWorkRating is
	// then the rating hasil kerja that follows the period's capaian ("" while
	// the capaian is not set); every write to the head's evaluation applies
	// it, so the screen shows the work rating as fixed.
	IsHead         bool
	HeadWorkRating data.Rating
}

// Locked reports whether the evaluation is final: only Reopen, SetObjection
// and SetDevelopment may change it.
func (v EvaluationView) Locked() bool { return v.Evaluation.State == data.EvalFinal }

// skpFor returns the SKP of staffID that applies to the context's period.
func (svc *Service) skpFor(c *evalContext, staffID uint64) (data.SKP, bool, error) {
	skps, err := svc.st.SKPsOfStaff(staffID)
	if err != nil {
		return data.SKP{}, false, err
	}
	k, ok := data.SKPForPeriod(skps, staffID, c.period.Period)
	return k, ok, nil
}

// EvaluationFor returns the evaluation of staffID for a period: the stored
// one, or a new unsaved draft from the SKP. Refusals: an unknown period or
// staff member (data.ErrNotFound), a Non-ASN staff member (ErrNotEvaluated).
func (svc *Service) EvaluationFor(periodID string, staffID uint64) (EvaluationView, error) {
	c, err := svc.loadEvalContext(periodID)
	if err != nil {
		return EvaluationView{}, err
	}
	s, err := c.evaluated(staffID)
	if err != nil {
		return EvaluationView{}, err
	}
	skp, hasSKP, err := svc.skpFor(c, staffID)
	if err != nil {
		return EvaluationView{}, err
	}
	e, found, err := svc.st.Evaluation(c.period.ID, staffID)
	if err != nil {
		return EvaluationView{}, err
	}
	if found {
		e = c.prepare(e, skp, hasSKP)
	} else {
		e = c.draft(staffID, skp, hasSKP)
	}
	v := EvaluationView{Period: c.period, Staff: s, Evaluation: e, Stored: found, SKP: skp, HasSKP: hasSKP,
		Identities: c.identities(staffID), IsHead: staffID == c.head}
	if v.IsHead {
		v.HeadWorkRating = c.headRating()
	}
	if e.Frozen != nil {
		v.Identities = *e.Frozen
	}
	return v, nil
}

// step runs one workflow step on the evaluation of staffID for a period, in
// one store transaction: it loads the context and the SKP, starts from the
// stored version (or a new draft), brings it up to date (c.prepare) and
// hands it to do, which returns the next version and, when reopening, the
// version to keep as a revision. The result is prepared once more, so the
// head's rating hasil kerja and the raters stay current.
func (svc *Service) step(periodID string, staffID uint64,
	do func(c *evalContext, cur data.Evaluation) (data.Evaluation, *data.Evaluation, error)) (data.Evaluation, error) {
	c, err := svc.loadEvalContext(periodID)
	if err != nil {
		return data.Evaluation{}, err
	}
	if _, err := c.evaluated(staffID); err != nil {
		return data.Evaluation{}, err
	}
	skp, hasSKP, err := svc.skpFor(c, staffID)
	if err != nil {
		return data.Evaluation{}, err
	}
	return svc.st.UpdateEvaluation(c.period.ID, staffID, func(cur data.Evaluation, found bool) (data.Evaluation, *data.Evaluation, error) {
		if found {
			cur = c.prepare(cur, skp, hasSKP)
		} else {
			cur = c.draft(staffID, skp, hasSKP)
		}
		next, revision, err := do(c, cur)
		if err != nil {
			return cur, nil, err
		}
		return c.prepare(next, skp, hasSKP), revision, nil
	})
}

// SetEvaluation applies change to the evaluation of staffID for a period and
// stores it: ratings, realisasi and umpan balik per hasil kerja row (Rows,
// in SKP row order), umpan balik per BerAKHLAK value (PerilakuFeedback),
// catatan/rekomendasi (Note) and development follow-up. The predikat is
// recomputed, never taken from change. A nil change stores the evaluation as
// it stands (the draft is saved). Refusals: a final evaluation
// (data.ErrEvaluationLocked: reopen it first), unknown ratings or follow-up
// statuses (*data.ValidationError), and, for the head of the office once the
// period has a capaian, a rating hasil kerja other than the one that follows
// the capaian (*data.ValidationError on data.FieldWorkRating).
func (svc *Service) SetEvaluation(periodID string, staffID uint64, change func(*data.Evaluation)) (data.Evaluation, error) {
	return svc.step(periodID, staffID, func(c *evalContext, cur data.Evaluation) (data.Evaluation, *data.Evaluation, error) {
		next, err := cur.Edit(change, c.now)
		if err != nil {
			return cur, nil, err
		}
		if r := c.headRating(); staffID == c.head && r != "" && next.WorkRating != r {
			return cur, nil, &data.ValidationError{Problems: data.Problems{Errors: []data.FieldError{{Field: data.FieldWorkRating,
				Message: fmt.Sprintf("Rating hasil kerja pimpinan kantor mengikuti capaian kinerja organisasi %s: %s.", c.period.Capaian.Label(), r.Label())}}}}
		}
		return next, nil, nil
	})
}

// Submit moves the evaluation from Draf to Diajukan (a draft not yet stored
// is stored in that step). Anything but a draft gives a
// *data.TransitionError.
func (svc *Service) Submit(periodID string, staffID uint64) (data.Evaluation, error) {
	return svc.step(periodID, staffID, func(c *evalContext, cur data.Evaluation) (data.Evaluation, *data.Evaluation, error) {
		next, err := cur.Submit(c.now)
		return next, nil, err
	})
}

// Withdraw moves a submitted evaluation back to Draf.
func (svc *Service) Withdraw(periodID string, staffID uint64) (data.Evaluation, error) {
	return svc.step(periodID, staffID, func(c *evalContext, cur data.Evaluation) (data.Evaluation, *data.Evaluation, error) {
		next, err := cur.Withdraw(c.now)
		return next, nil, err
	})
}

// Finalize moves a submitted evaluation to Ditetapkan and freezes into it the
// identities of the employee, the Pejabat Penilai Kinerja and the Atasan as
// they stand at this moment (data.IdentityOf today; raters from
// data.DefaultRaters on the period's last day plus the period's Plt/Plh
// overrides, an acting rater's position prefixed "Plt. " or "Plh. "). Later
// changes to the register never rewrite it. Refusals: a draft (submit first)
// or a final evaluation (*data.TransitionError); a missing rating or no
// rater (*data.ValidationError).
//
// An evaluation whose rater is an official outside the office is refused
// with ErrOutsideRater: it is set with FixExternally and the copy the rater
// signed.
func (svc *Service) Finalize(periodID string, staffID uint64) (data.Evaluation, error) {
	return svc.step(periodID, staffID, func(c *evalContext, cur data.Evaluation) (data.Evaluation, *data.Evaluation, error) {
		if c.outsideRated(staffID) {
			return cur, nil, ErrOutsideRater
		}
		next, err := cur.Finalize(c.identities(staffID), c.now)
		return next, nil, err
	})
}

// Reopen opens a final evaluation again for reason: the final version is
// kept as a revision (Revisions) and the evaluation becomes a draft with the
// next revision number. Refusals: not final (*data.TransitionError), an empty
// reason (data.ErrReopenReason).
func (svc *Service) Reopen(periodID string, staffID uint64, reason string) (data.Evaluation, error) {
	return svc.step(periodID, staffID, func(c *evalContext, cur data.Evaluation) (data.Evaluation, *data.Evaluation, error) {
		prev, next, err := cur.Reopen(reason, c.now)
		if err != nil {
			return cur, nil, err
		}
		return next, &prev, nil
	})
}

// SetObjection records the keberatan, the rater's explanation and the
// Atasan's decision on a final evaluation (data.ErrObjectionNotFinal
// otherwise); the evaluation stays final.
func (svc *Service) SetObjection(periodID string, staffID uint64, o data.Objection) (data.Evaluation, error) {
	return svc.step(periodID, staffID, func(c *evalContext, cur data.Evaluation) (data.Evaluation, *data.Evaluation, error) {
		next, err := cur.SetObjection(o, c.now)
		return next, nil, err
	})
}

// SetDevelopment replaces the development follow-up (training needed,
// planned, done) in any state, a final evaluation included.
func (svc *Service) SetDevelopment(periodID string, staffID uint64, items []data.FollowUp) (data.Evaluation, error) {
	return svc.step(periodID, staffID, func(c *evalContext, cur data.Evaluation) (data.Evaluation, *data.Evaluation, error) {
		next, err := cur.SetDevelopment(items, c.now)
		return next, nil, err
	})
}

// Revisions returns the earlier, final versions of the evaluation of staffID
// for a period, oldest first; each keeps its frozen identities and can be
// printed as it was.
func (svc *Service) Revisions(periodID string, staffID uint64) ([]data.Evaluation, error) {
	p, err := svc.PeriodByID(periodID)
	if err != nil {
		return nil, err
	}
	return svc.st.Revisions(p.ID, staffID)
}
