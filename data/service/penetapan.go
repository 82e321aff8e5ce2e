package service

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/data/store"
	"kinerja/export/pdf"
	"kinerja/export/sign"
)

// docPenetapan is the kind of the signed Penetapan Predikat Kinerja, kept
// under the head of the office's record of the period.
const docPenetapan = "penetapan"

// ErrNoHead refuses a penetapan while no head of the office is set.
var ErrNoHead = errors.New("pimpinan kantor (kepala unit pimpinan) belum ditentukan; atur di Unit Kerja")

// PenetapanFileName is the name of the exported Penetapan Predikat Kinerja.
func PenetapanFileName(periodID string) string { return "Penetapan_" + periodID + ".pdf" }

// penetapanContent builds the Penetapan Predikat Kinerja of a period (SE
// MenPANRB 3/2023): the capaian, the counts and shares per predikat against
// the bounds (the numbers of OfficeView, the head left out), and the staff by
// predikat. It returns the content and the hash of what it shows, so that a
// signed copy is recognised as current.
func (svc *Service) penetapanContent(periodID string) (pdf.PredicateDecision, string, data.Staff, error) {
	v, err := svc.OfficeView(periodID)
	if err != nil {
		return pdf.PredicateDecision{}, "", data.Staff{}, err
	}
	set, err := svc.EvaluationSettings()
	if err != nil {
		return pdf.PredicateDecision{}, "", data.Staff{}, err
	}
	c, err := svc.loadEvalContext(periodID)
	if err != nil {
		return pdf.PredicateDecision{}, "", data.Staff{}, err
	}
	rows, err := svc.periodRows(c, nil)
	if err != nil {
		return pdf.PredicateDecision{}, "", data.Staff{}, err
	}
	office, err := svc.st.Office()
	if err != nil {
		return pdf.PredicateDecision{}, "", data.Staff{}, err
	}
	logo, err := svc.OfficeLogo()
	if err != nil {
		return pdf.PredicateDecision{}, "", data.Staff{}, err
	}
	d := pdf.PredicateDecision{
		Common: pdf.Common{DocumentID: "PPK-" + c.period.ID, Letterhead: pdfLetterhead(office, logo),
			Final: c.period.Capaian != "" && v.Total.Final == v.Total.Total() && v.Total.Total() > 0},
		Period:             strings.ToUpper(c.period.Label()),
		PeriodDates:        c.period.Start.Long() + " s.d. " + c.period.End.Long(),
		Agency:             agencyName(office),
		OrganisationResult: c.period.Capaian.Label(),
		Distribution:       distributionFor(v, set.Distribution),
	}
	if office.IsSet() {
		d.Unit = "Kecamatan " + strings.TrimSpace(office.Kecamatan)
	}
	for _, r := range rows {
		if r.Staff.ID == c.head || !r.Stored || r.Evaluation.Predikat == "" {
			continue
		}
		d.Staff = append(d.Staff, pdf.DecisionRow{Predicate: r.Evaluation.Predikat.Label(), Name: r.Employee.Name,
			NIP: pdf.GroupNIPOf(r.Staff.Kind, r.Employee.NIP), Position: r.Employee.Position})
	}
	head, ok := c.byID[c.head]
	if ok {
		id := data.IdentityOf(head, c.units, data.DateOf(c.now))
		role := strings.ToUpper(id.Position)
		if role == "" {
			role = "PIMPINAN UNIT KERJA"
		}
		d.Head = pdf.Signature{Place: office.Kota, Above: "Ditetapkan oleh,", Role: role + ",", Name: id.Name, Rank: id.Rank,
			NIP: pdf.GroupNIPOf(head.Kind, id.NIP)}
	}
	raw, _ := json.Marshal(struct {
		Capaian string
		Classes []pdf.DistributionClass
		Staff   []pdf.DecisionRow
	}{d.OrganisationResult, d.Distribution.Classes, d.Staff})
	sum := sha256.Sum256(raw)
	return d, hex.EncodeToString(sum[:]), head, nil
}

// PenetapanPDF returns the Penetapan Predikat Kinerja of a period: the copy
// signed by the pimpinan when it still shows the period's figures,
// otherwise a fresh unsigned rendering, marked "KONSEP – BELUM DITETAPKAN"
// until the capaian is set and every evaluation is Ditetapkan.
func (svc *Service) PenetapanPDF(periodID string) ([]byte, error) {
	content, _, err := svc.penetapanPDF(periodID)
	return content, err
}

// penetapanPDF is PenetapanPDF telling whether the copy is signed.
func (svc *Service) penetapanPDF(periodID string) ([]byte, *store.Document, error) {
	p, err := svc.PeriodByID(periodID)
	if err != nil {
		return nil, nil, err
	}
	d, hash, head, err := svc.penetapanContent(p.ID)
	if err != nil {
		return nil, nil, err
	}
	if head.ID != 0 {
		doc, content, found, err := svc.st.DocumentOfKind(p.ID, head.ID, 0, docPenetapan)
		if err != nil {
			return nil, nil, err
		}
		if found && doc.ContentSHA256 == hash {
			return content, &doc, nil
		}
	}
	content, err := pdf.PredicateDecisionDocument(d)
	return content, nil, err
}

// SignPenetapan signs the Penetapan Predikat Kinerja of a period with the
// pimpinan's own signer (the Camat's key, unlocked with his passphrase) and
// keeps it; PenetapanPDF returns it while the figures stay the same.
// Refusals: no head (ErrNoHead), no capaian or evaluations not all
// Ditetapkan (ErrNotFinal), no signer for the head (ErrNoRaterSigner), a
// wrong passphrase (sign.ErrWrongPassphrase).
func (svc *Service) SignPenetapan(periodID, passphrase string) (store.Document, error) {
	p, err := svc.PeriodByID(periodID)
	if err != nil {
		return store.Document{}, err
	}
	d, hash, head, err := svc.penetapanContent(p.ID)
	if err != nil {
		return store.Document{}, err
	}
	if head.ID == 0 {
		return store.Document{}, ErrNoHead
	}
	if !d.Final {
		return store.Document{}, fmt.Errorf("penetapan predikat %s: capaian organisasi dan semua penilaian harus sudah ditetapkan: %w", p.ID, ErrNotFinal)
	}
	u, err := svc.unlockRater(data.RaterRef{StaffID: head.ID}, passphrase)
	if err != nil {
		return store.Document{}, err
	}
	now := time.Now()
	d.Head.Date = data.DateOf(now).Long()
	d.Head.Electronic = &pdf.ESignature{Signer: d.Head.Name, Time: signTime(now), Issuer: u.Issuer, DocumentID: d.DocumentID, SHA256: hash}
	raw, err := pdf.PredicateDecisionDocument(d)
	if err != nil {
		return store.Document{}, err
	}
	signed, err := sign.SignPDF(raw, u.Identity, sign.SignInfo{Name: d.Head.Name, Location: d.Head.Place,
		Reason: "Penetapan predikat kinerja; KINERJA-ID " + d.DocumentID + "; SHA-256 " + hash, Time: now})
	if err != nil {
		return store.Document{}, err
	}
	doc := store.Document{PeriodID: p.ID, StaffID: head.ID, DocumentID: d.DocumentID, NIP: head.NIP, Name: d.Head.Name,
		SignerID: u.Signer.ID, SignerName: d.Head.Name, SignedAt: now, Kind: docPenetapan, ContentSHA256: hash}
	if err := svc.st.SaveDocument(doc, signed); err != nil {
		return store.Document{}, err
	}
	return doc, nil
}
