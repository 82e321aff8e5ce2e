package service

import (
	"kinerja/data"
	"kinerja/data/store"
)

// FinalizeSigning says how an evaluation is set (Ditetapkan): when the
// Pejabat Penilai Kinerja holds a signer (Signs), finalizing is the moment
// the rater signs, so the rater's passphrase is needed; otherwise the
// evaluation is only finalized and can be signed later (SignEvaluation).
type FinalizeSigning struct {
	Signs bool
	Rater string // the rater's name, for asking the passphrase
}

// FinalizeSigning tells both front ends whether finalizing the evaluation
// of staffID for a period signs it (see FinalizeEvaluation).
func (svc *Service) FinalizeSigning(periodID string, staffID uint64) (FinalizeSigning, error) {
	v, err := svc.EvaluationFor(periodID, staffID)
	if err != nil {
		return FinalizeSigning{}, err
	}
	f := FinalizeSigning{Rater: v.Identities.Rater.Name}
	if rater := v.Evaluation.Rater.StaffID; rater != 0 {
		if f.Signs, err = svc.HasSigner(rater); err != nil {
			return FinalizeSigning{}, err
		}
	}
	return f, nil
}

// FinalizeEvaluation sets the evaluation of staffID for a period: with the
// rater's signature (FinalizeAndSign, unlocked with passphrase) when the
// rater holds a signer, otherwise only finalized (Finalize, passphrase
// unused). doc is the signed document, nil when nothing was signed.
func (svc *Service) FinalizeEvaluation(periodID string, staffID uint64, passphrase string) (ev data.Evaluation, doc *store.Document, err error) {
	f, err := svc.FinalizeSigning(periodID, staffID)
	if err != nil {
		return data.Evaluation{}, nil, err
	}
	if !f.Signs {
		ev, err := svc.Finalize(periodID, staffID)
		return ev, nil, err
	}
	ev, d, err := svc.FinalizeAndSign(periodID, staffID, passphrase)
	if err != nil {
		return data.Evaluation{}, nil, err
	}
	return ev, &d, nil
}
