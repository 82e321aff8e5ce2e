package service

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/data/store"
	"kinerja/export/pdf"
	"kinerja/export/sign"
)

// FixExternally records that the evaluation of staffID for a period was set
// (Ditetapkan) by its Pejabat Penilai Kinerja outside the office — the
// Camat's own evaluation, rated at the kabupaten — on paper or with a BSrE
// signature: who fixed it (fixedBy, as on the copy), when (at, not after
// now), and the copy itself (scanPDF, a PDF of at most store.MaxScanSize),
// stored with the record in one transaction. The identities are frozen as
// by Finalize. The office's key signs nothing for it: the copy is the
// signed record. Refusals: a rater inside the office (data.ErrNotOutsideRater:
// use Finalize and sign), a missing name or date, a scan that is not a PDF
// or too large, missing ratings (*data.ValidationError), a final evaluation.
func (svc *Service) FixExternally(periodID string, staffID uint64, fixedBy string, at time.Time, scanPDF []byte) (data.Evaluation, error) {
	if err := store.CheckScan(scanPDF); err != nil {
		return data.Evaluation{}, err
	}
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
	sum := sha256.Sum256(scanPDF)
	fix := data.OutsideFix{FixedBy: fixedBy, FixedAt: at, ScanSHA256: hex.EncodeToString(sum[:]), ScanSize: len(scanPDF)}
	return svc.st.UpdateEvaluationWithScan(c.period.ID, staffID, scanPDF, func(cur data.Evaluation, found bool) (data.Evaluation, *data.Evaluation, error) {
		if found {
			cur = c.prepare(cur, skp, hasSKP)
		} else {
			cur = c.draft(staffID, skp, hasSKP)
		}
		next, err := cur.FixOutside(c.identities(staffID), fix, c.now)
		return next, nil, err
	})
}

// OutsideScan returns the scanned copy kept with an evaluation version set
// outside the office; found is false when the version was not set that way.
func (svc *Service) OutsideScan(periodID string, staffID uint64, revision int) (scan []byte, found bool, err error) {
	e, err := svc.evaluationVersion(periodID, staffID, revision)
	if err != nil || e.FixedOutside == nil {
		return nil, false, err
	}
	scan, err = svc.st.Scan(e.FixedOutside.ScanSHA256)
	return scan, err == nil, err
}

// Errors of the keberatan page.
var (
	ErrNoObjection = errors.New("penilaian ini tidak mencatat keberatan")
	ErrNotAtasan   = errors.New("halaman keberatan ditandatangani Atasan Pejabat Penilai Kinerja penilaian ini; atasannya tidak memiliki penanda tangan elektronik di kantor ini")
)

// SignObjection issues the keberatan page of the current, final evaluation
// of staffID as its own document, signed with the key of the Atasan Pejabat
// Penilai Kinerja (who decides the objection, PP 30/2019 Pasal 59),
// unlocked with the atasan's passphrase. The evaluation documents signed at
// Ditetapkan are never touched: new text never appears under an old
// signature. A later change of the objection leaves this page behind; sign
// again. Refusals: not final (ErrNotFinal), no keberatan (ErrNoObjection),
// an atasan outside the office or without a signer (ErrNotAtasan), a wrong
// passphrase (sign.ErrWrongPassphrase).
func (svc *Service) SignObjection(periodID string, staffID uint64, passphrase string) (store.Document, error) {
	v, err := svc.EvaluationFor(periodID, staffID)
	if err != nil {
		return store.Document{}, err
	}
	e := v.Evaluation
	switch {
	case e.State != data.EvalFinal || e.Frozen == nil:
		return store.Document{}, ErrNotFinal
	case strings.TrimSpace(e.Objection.Keberatan) == "":
		return store.Document{}, ErrNoObjection
	case !e.Atasan.IsSet():
		return store.Document{}, ErrNotAtasan
	}
	u, err := svc.UnlockSigner(e.Atasan.StaffID, passphrase)
	if errors.Is(err, data.ErrNotFound) {
		return store.Document{}, ErrNotAtasan
	}
	if err != nil {
		return store.Document{}, err
	}
	src, err := svc.loadDocSource(periodID, staffID, e)
	if err != nil {
		return store.Document{}, err
	}
	now := time.Now()
	hash := EvaluationHash(e)
	docID := DocumentID(e.PeriodID, e.Frozen.Employee.NIP, e.Revision)
	atasan := e.Frozen.Atasan.Name
	d := objectionContent(src, e, &pdf.ESignature{Signer: atasan, Time: signTime(now), Issuer: u.Issuer, DocumentID: docID, SHA256: hash})
	raw, err := pdf.ObjectionSheet(d)
	if err != nil {
		return store.Document{}, err
	}
	signed, err := sign.SignPDF(raw, u.Identity, sign.SignInfo{Name: atasan, Location: src.office.Kota,
		Reason: signReason(docID, hash), Time: now})
	if err != nil {
		return store.Document{}, fmt.Errorf("%s: %w", docID, err)
	}
	doc := store.Document{PeriodID: e.PeriodID, StaffID: e.StaffID, Revision: e.Revision, DocumentID: docID,
		NIP: e.Frozen.Employee.NIP, Name: e.Frozen.Employee.Name, EvaluationSHA256: hash, SignerID: u.Signer.ID,
		SignerName: atasan, SignedAt: now, Kind: store.DocObjection, ContentSHA256: ObjectionHash(e.Objection)}
	if err := svc.st.SaveDocument(doc, signed); err != nil {
		return store.Document{}, err
	}
	return doc, nil
}
