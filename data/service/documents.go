package service

import (
	"errors"
	"fmt"
	"regexp"
	"time"

	"kinerja/data"
	"kinerja/data/store"
	"kinerja/export/pdf"
	"kinerja/export/sign"
)

// Errors of signing an evaluation document.
var (
	ErrNotFinal        = errors.New("hanya penilaian yang sudah Ditetapkan yang dapat ditandatangani")
	ErrNotRater        = errors.New("penanda tangan bukan Pejabat Penilai Kinerja penilaian ini; tidak ada yang boleh menandatangani atas nama orang lain")
	ErrNoRaterSigner   = errors.New("Pejabat Penilai Kinerja penilaian ini belum memiliki penanda tangan elektronik")
	ErrRevisionMissing = errors.New("revisi penilaian ini tidak ada")
	ErrOutsideRater    = errors.New("Pejabat Penilai Kinerja penilaian ini di luar kantor; kunci kantor tidak menandatangani atas namanya — catat penetapannya dengan pindaian (Tetapkan, penilai di luar kantor)")
)

// reasonMarker starts the /Reason of every signature Kinerja makes, followed
// by the document id and the evaluation hash; Verify reads them back.
const reasonMarker = "Evaluasi kinerja ditetapkan; KINERJA-ID "

var reasonPattern = regexp.MustCompile(`KINERJA-ID ((?:EVK|PPK)-[0-9A-Za-z-]+); SHA-256 ([0-9a-f]{64})`)

func signReason(docID, hash string) string {
	return reasonMarker + docID + "; SHA-256 " + hash
}

// evaluationVersion returns the version of staffID's evaluation for a period
// with the given revision: the current one, or a kept earlier one.
func (svc *Service) evaluationVersion(periodID string, staffID uint64, revision int) (data.Evaluation, error) {
	v, err := svc.EvaluationFor(periodID, staffID)
	if err != nil {
		return data.Evaluation{}, err
	}
	if v.Evaluation.Revision == revision {
		return v.Evaluation, nil
	}
	kept, err := svc.st.Revisions(v.Period.ID, staffID)
	if err != nil {
		return data.Evaluation{}, err
	}
	for _, e := range kept {
		if e.Revision == revision {
			return e, nil
		}
	}
	return data.Evaluation{}, fmt.Errorf("%s: %w", DocumentID(v.Period.ID, v.Staff.NIP, revision), ErrRevisionMissing)
}

// DocKind names one of the documents of an evaluation version.
type DocKind string

// The documents of an evaluation: the two of the Lampiran of PermenPANRB
// 6/2022, both signed at Ditetapkan, the keberatan page signed by the
// Atasan when an objection is recorded, and the attendance annex.
const (
	DocEvaluation DocKind = ""                 // Evaluasi Kinerja Pegawai
	DocSummary    DocKind = store.DocSummary   // Dokumen Evaluasi Kinerja Pegawai (one page)
	DocObjection  DocKind = store.DocObjection // Keberatan atas Hasil Evaluasi Kinerja
	DocAttendance DocKind = "lampiran-kehadiran"
)

// DocKinds lists the document kinds in the order they are exported.
var DocKinds = []DocKind{DocEvaluation, DocSummary, DocObjection, DocAttendance}

// Suffix is the part of the exported file name that tells the documents of
// one evaluation apart: "evaluasi", "dokumen", "keberatan",
// "lampiran-kehadiran".
func (k DocKind) Suffix() string {
	if k == DocEvaluation {
		return "evaluasi"
	}
	return string(k)
}

// render renders one document of an evaluation from its content.
func (k DocKind) render(d pdf.Evaluation) ([]byte, error) {
	switch k {
	case DocSummary:
		return pdf.EvaluationSummary(d)
	case DocObjection:
		return pdf.ObjectionSheet(d)
	case DocAttendance:
		return pdf.AttendanceAnnex(d)
	}
	return pdf.PerformanceEvaluation(d)
}

// RenderEvaluation renders the Evaluasi Kinerja Pegawai of staffID for a
// period and revision, unsigned (RenderDocument with DocEvaluation).
func (svc *Service) RenderEvaluation(periodID string, staffID uint64, revision int) ([]byte, error) {
	return svc.RenderDocument(periodID, staffID, revision, DocEvaluation)
}

// RenderDocument renders one document of staffID's evaluation for a period
// and revision, unsigned: from the stored evaluation (or the new draft), its
// frozen identities once final (today's otherwise), the SKP rows, the
// period's pola distribusi, the attendance summary and the office's kop
// surat. A version that is not final carries "KONSEP – BELUM DITETAPKAN".
func (svc *Service) RenderDocument(periodID string, staffID uint64, revision int, kind DocKind) ([]byte, error) {
	e, err := svc.evaluationVersion(periodID, staffID, revision)
	if err != nil {
		return nil, err
	}
	src, err := svc.loadDocSource(periodID, staffID, e)
	if err != nil {
		return nil, err
	}
	d := evaluationContent(src, e, nil)
	if kind == DocObjection {
		d = objectionContent(src, e, nil)
	}
	return kind.render(d)
}

// EvaluationPDF returns the Evaluasi Kinerja Pegawai of one evaluation
// version (DocumentPDF with DocEvaluation).
func (svc *Service) EvaluationPDF(periodID string, staffID uint64, revision int) (content []byte, signed bool, err error) {
	return svc.DocumentPDF(periodID, staffID, revision, DocEvaluation)
}

// DocumentPDF returns one document of an evaluation version: the signed PDF
// kept for it when there is one and it still shows what the evaluation
// holds (the signature covers those exact bytes, so it is never
// re-rendered), otherwise a fresh rendering (RenderDocument). signed reports
// which of the two it is. A keberatan page signed before the objection
// changed is not returned: the new text is never shown under the old
// signature.
func (svc *Service) DocumentPDF(periodID string, staffID uint64, revision int, kind DocKind) (content []byte, signed bool, err error) {
	if kind != DocAttendance {
		var doc store.Document
		doc, content, signed, err = svc.st.DocumentOfKind(periodID, staffID, revision, string(kind))
		if err != nil {
			return nil, false, err
		}
		if signed && kind == DocObjection {
			e, err := svc.evaluationVersion(periodID, staffID, revision)
			if err != nil {
				return nil, false, err
			}
			signed = doc.ContentSHA256 == ObjectionHash(e.Objection)
		}
		if signed {
			return content, true, nil
		}
	}
	content, err = svc.RenderDocument(periodID, staffID, revision, kind)
	return content, false, err
}

// signedDocument renders final evaluation e as its two documents, the
// Evaluasi Kinerja Pegawai and the Dokumen Evaluasi Kinerja Pegawai, each
// with the rater's visible electronic signature, and signs both in memory
// with u, which must be the rater's own signer. The main one comes first.
func signedDocument(src docSource, e data.Evaluation, u *UnlockedSigner) ([]store.SignedPDF, error) {
	if e.State != data.EvalFinal || e.Frozen == nil {
		return nil, ErrNotFinal
	}
	if e.FixedOutside != nil || !e.Rater.IsSet() || e.Rater.StaffID != u.Signer.StaffID {
		return nil, ErrNotRater
	}
	now := time.Now()
	hash := EvaluationHash(e)
	docID := DocumentID(e.PeriodID, e.Frozen.Employee.NIP, e.Revision)
	rater := e.Frozen.Rater.Name
	d := evaluationContent(src, e, &pdf.ESignature{
		Signer: rater, Time: signTime(now), Issuer: u.Issuer, DocumentID: docID, SHA256: hash,
	})
	var out []store.SignedPDF
	for _, kind := range []DocKind{DocEvaluation, DocSummary} {
		raw, err := kind.render(d)
		if err != nil {
			return nil, err
		}
		signed, err := sign.SignPDF(raw, u.Identity, sign.SignInfo{Name: rater, Location: src.office.Kota,
			Reason: signReason(docID, hash), Time: now})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", docID, err)
		}
		out = append(out, store.SignedPDF{Document: store.Document{PeriodID: e.PeriodID, StaffID: e.StaffID, Revision: e.Revision,
			DocumentID: docID, NIP: e.Frozen.Employee.NIP, Name: e.Frozen.Employee.Name, EvaluationSHA256: hash,
			SignerID: u.Signer.ID, SignerName: rater, SignedAt: now, Kind: string(kind)}, PDF: signed})
	}
	return out, nil
}

// SignEvaluation signs the current, final evaluation of staffID for a period
// with the key of its Pejabat Penilai Kinerja, unlocked with their
// passphrase, and stores the signed PDF (replacing an earlier signature of
// the same revision). Refusals: not final (ErrNotFinal), no signer for the
// rater (ErrNoRaterSigner), a wrong passphrase (sign.ErrWrongPassphrase).
func (svc *Service) SignEvaluation(periodID string, staffID uint64, passphrase string) (store.Document, error) {
	v, err := svc.EvaluationFor(periodID, staffID)
	if err != nil {
		return store.Document{}, err
	}
	if v.Evaluation.State != data.EvalFinal {
		return store.Document{}, ErrNotFinal
	}
	u, err := svc.unlockRater(v.Evaluation.Rater, passphrase)
	if err != nil {
		return store.Document{}, err
	}
	return svc.signWith(v.Evaluation, u)
}

// unlockRater opens the signer of the rater of an evaluation.
func (svc *Service) unlockRater(rater data.RaterRef, passphrase string) (*UnlockedSigner, error) {
	if !rater.IsSet() {
		return nil, ErrNoRaterSigner
	}
	u, err := svc.UnlockSigner(rater.StaffID, passphrase)
	if errors.Is(err, data.ErrNotFound) {
		return nil, ErrNoRaterSigner
	}
	return u, err
}

func (svc *Service) signWith(e data.Evaluation, u *UnlockedSigner) (store.Document, error) {
	src, err := svc.loadDocSource(e.PeriodID, e.StaffID, e)
	if err != nil {
		return store.Document{}, err
	}
	batch, err := signedDocument(src, e, u)
	if err != nil {
		return store.Document{}, err
	}
	if err := svc.st.SaveDocuments(batch); err != nil {
		return store.Document{}, err
	}
	return batch[0].Document, nil
}

// SignRated signs, with one unlocked signer, every final evaluation of a
// period that its holder rates and that has no signed document for its
// revision yet, and stores them in one transaction; it returns how many it
// signed. The demo and a "sign all" action use it: the key is unlocked once
// for the batch.
func (svc *Service) SignRated(periodID string, u *UnlockedSigner) (int, error) {
	p, err := svc.PeriodByID(periodID)
	if err != nil {
		return 0, err
	}
	rows, err := svc.EvaluationList(p.ID)
	if err != nil {
		return 0, err
	}
	docs, err := svc.st.Documents(p.ID)
	if err != nil {
		return 0, err
	}
	signed := map[[2]uint64]bool{}
	for _, d := range docs {
		if d.Kind == "" {
			signed[[2]uint64{d.StaffID, uint64(d.Revision)}] = true
		}
	}
	dist, err := svc.periodDistribution(p.ID)
	if err != nil {
		return 0, err
	}
	kinds, err := svc.staffKinds()
	if err != nil {
		return 0, err
	}
	office, err := svc.st.Office()
	if err != nil {
		return 0, err
	}
	units, err := svc.st.Units()
	if err != nil {
		return 0, err
	}
	logo, err := svc.OfficeLogo()
	if err != nil {
		return 0, err
	}
	beside, err := svc.loadBeside(p.ID)
	if err != nil {
		return 0, err
	}
	var (
		batch []store.SignedPDF
		n     int
	)
	for _, r := range rows {
		e := r.Evaluation
		if e.State != data.EvalFinal || e.Rater.StaffID != u.Signer.StaffID || signed[[2]uint64{e.StaffID, uint64(e.Revision)}] {
			continue
		}
		if e.FixedOutside != nil {
			continue
		}
		src := docSource{office: office, units: units, logo: logo, period: p, staff: r.Staff, skp: r.SKP, hasSKP: r.HasSKP, distribution: dist, kinds: kinds}
		if e.SKPID != 0 && e.SKPID != r.SKP.ID {
			if k, err := svc.st.SKP(e.SKPID); err == nil {
				src.skp, src.hasSKP = k, true
			}
		}
		if sum, err := beside.summary(r.Staff); err == nil {
			src.attendance = &sum
		}
		if src.signatures, err = svc.signatureImages(e); err != nil {
			return 0, err
		}
		docs, err := signedDocument(src, e, u)
		if err != nil {
			return 0, err
		}
		batch = append(batch, docs...)
		n++
	}
	if err := svc.st.SaveDocuments(batch); err != nil {
		return 0, err
	}
	return n, nil
}

// FinalizeAndSign sets the evaluation of staffID for a period (Ditetapkan,
// as Finalize) and signs it with the Pejabat Penilai Kinerja's own key in the
// same moment: the key is unlocked first, the document rendered and signed in
// memory, and the final evaluation and the signed PDF are written in one
// transaction, so a wrong passphrase or a failed signature leaves the
// evaluation not final. Refusals: those of Finalize, no signer for the rater
// (ErrNoRaterSigner), a wrong passphrase (sign.ErrWrongPassphrase).
func (svc *Service) FinalizeAndSign(periodID string, staffID uint64, passphrase string) (data.Evaluation, store.Document, error) {
	v, err := svc.EvaluationFor(periodID, staffID)
	if err != nil {
		return data.Evaluation{}, store.Document{}, err
	}
	if v.Evaluation.State != data.EvalSubmitted {
		return data.Evaluation{}, store.Document{}, &data.TransitionError{Action: data.ActionFinalize, From: v.Evaluation.State}
	}
	if v.Evaluation.External.Rater.IsSet() {
		return data.Evaluation{}, store.Document{}, ErrOutsideRater
	}
	u, err := svc.unlockRater(v.Evaluation.Rater, passphrase)
	if err != nil {
		return data.Evaluation{}, store.Document{}, err
	}
	src, err := svc.loadDocSource(periodID, staffID, v.Evaluation)
	if err != nil {
		return data.Evaluation{}, store.Document{}, err
	}
	c, err := svc.loadEvalContext(periodID)
	if err != nil {
		return data.Evaluation{}, store.Document{}, err
	}
	skp, hasSKP, err := svc.skpFor(c, staffID)
	if err != nil {
		return data.Evaluation{}, store.Document{}, err
	}
	finalize := func(cur data.Evaluation, found bool) (data.Evaluation, *data.Evaluation, error) {
		if found {
			cur = c.prepare(cur, skp, hasSKP)
		} else {
			cur = c.draft(staffID, skp, hasSKP)
		}
		next, err := cur.Finalize(c.identities(staffID), c.now)
		return c.prepare(next, skp, hasSKP), nil, err
	}
	return svc.st.UpdateEvaluationSigned(c.period.ID, staffID, finalize, func(e data.Evaluation) ([]store.SignedPDF, error) {
		return signedDocument(src, e, u)
	})
}
