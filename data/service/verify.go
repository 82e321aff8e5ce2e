package service

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"regexp"
	"strings"

	"kinerja/data"
	"kinerja/data/store"
	"kinerja/export/sign"
)

// Match tells how a verified document relates to the register of signed
// documents of the data file it was checked against.
type Match int

// The relations. Only MatchEqual says "cocok": the revision the first
// signature covers is a PDF this data file recorded when it was signed, and
// its signer is the Pejabat Penilai Kinerja recorded at Ditetapkan.
const (
	MatchNotKinerja    Match = iota // not a document of this data file, and claims none
	MatchEqual                      // in the register, signed by the recorded Pejabat Penilai, evaluation unchanged
	MatchDiffers                    // in the register, but the evaluation stored for it now differs
	MatchNotHeld                    // claims an evaluation of this data file but is not in its register
	MatchNotEvaluation              // a Kinerja document that is not an evaluation (a signed attendance recap)
	MatchWrongSigner                // in the register, but not signed by the recorded Pejabat Penilai
)

// String describes the relation in Indonesian.
func (m Match) String() string {
	switch m {
	case MatchEqual:
		return "cocok dengan penilaian yang tersimpan di file data ini"
	case MatchDiffers:
		return "TIDAK cocok: penilaian ini di file data ini isinya berbeda dari yang ditandatangani"
	case MatchNotHeld:
		return "tidak ada dalam daftar dokumen yang ditandatangani di file data ini"
	case MatchNotEvaluation:
		return "bukan dokumen evaluasi (rekap kehadiran): tidak ada penilaian untuk dicocokkan"
	case MatchWrongSigner:
		return "TIDAK cocok: bukan ditandatangani Pejabat Penilai Kinerja yang tercatat"
	}
	return "bukan dokumen evaluasi Kinerja dari file data ini"
}

// Outcome is the kind of verdict on one document; it decides the colour in
// the GUI and the exit of "kinerja verify".
type Outcome int

// The outcomes.
const (
	OutcomeError    Outcome = iota // the file could not be read or examined
	OutcomeValid                   // Sah (OK)
	OutcomeUnknown                 // a signer not chaining to a trusted root
	OutcomeChanged                 // changed after signing, or a damaged signature
	OutcomeRefused                 // signatures intact but not Sah here: revoked key, register or signer mismatch
	OutcomeUnsigned                // no signature
)

// VerifyResult is the verification of one PDF file: one verdict for the
// document and one line per signature.
type VerifyResult struct {
	File       string
	Err        error         // the file could not be read, is not a PDF, or is beyond the limits
	Status     sign.Status   // the engine's overall verdict (sign.Report.Overall)
	Outcome    Outcome       // the verdict's kind; OK() is Outcome == OutcomeValid
	Verdict    string        // the document verdict in Indonesian, starting with "Sah", "Berubah setelah ditandatangani", …
	Signatures []sign.Result // every signature, in file order
	// SignatureLines describe each signature: signer, NIP, time, the trust
	// it rests on with the root's short fingerprint, what it covers.
	SignatureLines []string
	DocumentID     string // from the register entry ("" when the document is not in it)
	Match          Match
}

// OK reports whether the document is Sah: every signature valid, the
// document unchanged since, no revoked key, and it is this office's and
// matches the register (or is this office's but outside the register, which
// the verdict says), or it is a trusted other office's. "kinerja verify"
// exits 1 unless every file is OK.
func (r VerifyResult) OK() bool { return r.Err == nil && r.Outcome == OutcomeValid }

// Line is the one-line summary of the verdict, as `kinerja verify` prints it.
func (r VerifyResult) Line() string {
	if r.Err != nil {
		return r.File + ": GAGAL — " + r.Err.Error()
	}
	text := r.File + ": " + r.Verdict
	if len(r.SignatureLines) > 0 {
		text += " — " + strings.Join(r.SignatureLines, "; ")
	}
	return text
}

// Verify checks each PDF file offline against the office root and the
// trusted roots of this data file (only those the office root signed when
// they were trusted), and against its register of signed documents and its
// replaced and revoked signers; see VerifyResult and OK.
func (svc *Service) Verify(files []string) ([]VerifyResult, error) {
	ts, err := svc.trust()
	if err != nil {
		return nil, err
	}
	out := make([]VerifyResult, 0, len(files))
	for _, f := range files {
		doc, err := os.ReadFile(f)
		if err != nil {
			out = append(out, VerifyResult{File: f, Err: fmt.Errorf("berkas tidak dapat dibaca: %w", err)})
			continue
		}
		out = append(out, svc.verifyDocument(ts, f, doc))
	}
	return out, nil
}

// VerifyDocument is Verify for a PDF already in memory (a file opened in the
// Verifikasi screen); name is shown in the result.
func (svc *Service) VerifyDocument(name string, doc []byte) (VerifyResult, error) {
	ts, err := svc.trust()
	if err != nil {
		return VerifyResult{}, err
	}
	return svc.verifyDocument(ts, name, doc), nil
}

// VerifyWithRoot verifies PDF files against one root certificate alone,
// without any data file (the kabupaten's "kinerja verify --root FILE.cer"):
// rootCER is DER or PEM; a PEM file may carry the root's revocation list
// ("X509 CRL") after the certificate. It reads only the files named and
// creates nothing. Refusals: rootCER is not a self-signed root.
func VerifyWithRoot(rootCER []byte, files []string) ([]VerifyResult, error) {
	var crl []byte
	if block, rest := pem.Decode(rootCER); block != nil {
		if next, _ := pem.Decode(rest); next != nil && next.Type == "X509 CRL" {
			crl = next.Bytes
		}
	}
	return VerifyWithRootList(rootCER, crl, files)
}

// VerifyWithRootList is VerifyWithRoot with the root's revocation list given
// apart (the FILE.crl exported beside FILE.cer; nil when none): a signature
// by a key the list names as lost or leaked is not Sah, nor one by a
// replaced key claiming a time after its replacement.
func VerifyWithRootList(rootCER, crl []byte, files []string) ([]VerifyResult, error) {
	root, err := sign.ParseRoot(rootCER)
	if err != nil {
		return nil, err
	}
	var list *sign.RevocationList
	if len(crl) > 0 {
		rl, err := sign.ParseRevocationList(crl, root)
		if err != nil {
			return nil, err
		}
		list = &rl
	}
	pool := x509.NewCertPool()
	pool.AddCert(root)
	out := make([]VerifyResult, 0, len(files))
	for _, f := range files {
		r := VerifyResult{File: f}
		doc, err := os.ReadFile(f)
		if err != nil {
			r.Err = fmt.Errorf("berkas tidak dapat dibaca: %w", err)
			out = append(out, r)
			continue
		}
		trustOf := func(s sign.Result) (string, string) {
			text := "sertifikat induk " + s.RootName + " (sidik jari " + s.RootFingerprint + ")"
			if list == nil {
				return text, ""
			}
			return text, list.Revoked(s.Certificate, s.SignedAt)
		}
		rep, err := sign.VerifyPDF(doc, pool)
		if !examine(&r, rep, err, trustOf) {
			out = append(out, r)
			continue
		}
		r.Outcome = OutcomeValid
		r.Verdict = "Sah, " + trustShort(r.Signatures[0], "sertifikat induk "+officeOf(root.Subject.CommonName))
		if list == nil {
			r.Verdict += "; daftar pencabutan tidak diberikan, kunci yang dicabut tidak dapat diperiksa"
		}
		out = append(out, r)
	}
	return out, nil
}

// examine takes the engine's report (sign.VerifyPDF) and judges what the engine alone decides:
// unreadable, unsigned, changed, unknown signer, or a signature trustOf
// refuses (a revoked key). It fills r and returns true when every signature
// is valid and the document unchanged, so the caller decides the rest.
// trustOf names the trust of a valid signature and gives a problem ("" none).
func examine(r *VerifyResult, rep sign.Report, err error, trustOf func(sign.Result) (string, string)) bool {
	if err != nil {
		r.Err = err
		return false
	}
	r.Signatures, r.Status = rep.Signatures, rep.Overall()
	var problems []string
	for i, s := range rep.Signatures {
		trust := ""
		if s.Status == sign.StatusValid {
			var problem string
			trust, problem = trustOf(s)
			if problem != "" {
				problems = append(problems, fmt.Sprintf("tanda tangan ke-%d (%s): %s", i+1, signerName(s), problem))
			}
		}
		r.SignatureLines = append(r.SignatureLines, signatureLine(i, s, trust))
	}
	switch {
	case len(rep.Signatures) == 0:
		r.Outcome, r.Verdict = OutcomeUnsigned, sign.StatusUnsigned.String()
		return false
	case !rep.Document.Unchanged():
		r.Outcome, r.Verdict = OutcomeChanged, changedVerdict(rep)
		return false
	}
	for i, s := range rep.Signatures {
		if s.Status == sign.StatusChanged {
			r.Outcome = OutcomeChanged
			r.Verdict = fmt.Sprintf("%s: tanda tangan ke-%d (%s): %s", sign.StatusChanged, i+1, signerName(s), orDash(s.Detail))
			return false
		}
	}
	for i, s := range rep.Signatures {
		if s.Status == sign.StatusUnknownSigner {
			r.Outcome = OutcomeUnknown
			r.Verdict = fmt.Sprintf("%s: tanda tangan ke-%d (%s): %s", sign.StatusUnknownSigner, i+1, signerName(s), orDash(s.Detail))
			return false
		}
	}
	if len(problems) > 0 {
		r.Outcome = OutcomeRefused
		r.Verdict = "TIDAK sah: " + strings.Join(problems, "; ")
		return false
	}
	return true
}

// changedVerdict names the signature after which the document changed and
// what changed.
func changedVerdict(rep sign.Report) string {
	v := sign.StatusChanged.String()
	d := rep.Document
	if d.Undetermined {
		v += " (keutuhan tidak dapat dipastikan)"
	}
	if i := d.ChangedAfter; i >= 0 && i < len(rep.Signatures) {
		v += fmt.Sprintf(": diubah sesudah tanda tangan ke-%d (%s)", i+1, signerName(rep.Signatures[i]))
	}
	if d.Reason != "" {
		v += ": " + d.Reason
	}
	return v
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// signerName is the signer with NIP as the certificate says.
func signerName(s sign.Result) string {
	who := s.Signer
	if who == "" {
		who = "penanda tangan tidak terbaca"
	}
	if s.NIP != "" {
		who += ", NIP " + s.NIP
	}
	return who
}

// signatureLine is one signature: number, signer and NIP, time, the trust
// it rests on (valid ones), what it covers, and its problem.
func signatureLine(i int, s sign.Result, trust string) string {
	text := fmt.Sprintf("tanda tangan ke-%d: %s", i+1, signerName(s))
	if !s.SignedAt.IsZero() {
		text += " pada " + signTime(s.SignedAt.Local())
	}
	if trust != "" {
		text += ", " + trust
	}
	switch {
	case s.WholeFile:
		text += ", mencakup seluruh dokumen"
	case s.Status == sign.StatusValid:
		text += ", mencakup dokumen sampai tanda tangan berikutnya"
	}
	if s.Status != sign.StatusValid {
		text += " [" + s.Status.String()
		if s.Detail != "" {
			text += ": " + s.Detail
		}
		text += "]"
	} else if s.Detail != "" {
		text += " (" + s.Detail + ")"
	}
	return text
}

// officeOf shortens a root's name to the office: "Sertifikat Induk Kantor
// Kecamatan Soreang" → "Kecamatan Soreang".
func officeOf(rootName string) string {
	const prefix = "Sertifikat Induk Kantor "
	if strings.HasPrefix(rootName, prefix) && len(rootName) > len(prefix) {
		return rootName[len(prefix):]
	}
	return rootName
}

// trustShort is the trust of the first signature for the verdict.
func trustShort(s sign.Result, label string) string {
	return label + " (sidik jari " + s.RootFingerprint + ")"
}

// verifyDocument judges one document at this office.
func (svc *Service) verifyDocument(ts trustSet, name string, doc []byte) VerifyResult {
	r := VerifyResult{File: name}
	ours := func(s sign.Result) bool { return ts.ownKey != "" && s.RootFingerprint == ts.ownKey }
	reg, inRegister, regErr := store.Document{}, false, error(nil)
	trustOf := func(s sign.Result) (string, string) {
		if ours(s) {
			return "sertifikat kantor ini (sidik jari " + s.RootFingerprint + ")", svc.ownKeyProblem(ts, s, inRegister)
		}
		text := "kantor lain yang dipercaya: " + officeOf(ts.others[s.RootFingerprint]) + " (sidik jari " + s.RootFingerprint + ")"
		if rl, ok := ts.lists[s.RootFingerprint]; ok {
			return text, rl.Revoked(s.Certificate, s.SignedAt)
		}
		return text, ""
	}
	// The register is looked up first: a replaced or revoked key of this
	// office is accepted only for a registered document.
	rep, err := sign.VerifyPDF(doc, ts.pool)
	if err == nil && len(rep.Signatures) > 0 && rep.Signatures[0].RevisionSHA256 != "" {
		reg, inRegister, regErr = svc.st.DocumentBySHA256(rep.Signatures[0].RevisionSHA256)
		if regErr != nil {
			r.Err = fmt.Errorf("daftar dokumen yang ditandatangani tidak terbaca: %w", regErr)
			return r
		}
	}
	if !examine(&r, rep, err, trustOf) {
		return r
	}
	first := r.Signatures[0]
	label := "sertifikat kantor ini"
	if !ours(first) {
		label = "kantor lain yang dipercaya: " + officeOf(ts.others[first.RootFingerprint])
	}
	head := "Sah, " + trustShort(first, label)
	if inRegister && reg.Kind == docPenetapan {
		r.DocumentID = reg.DocumentID
		r.Match = matchPenetapan(ts, reg, first)
		if r.Match == MatchEqual {
			r.Outcome = OutcomeValid
			r.Verdict = head + "; Penetapan Predikat Kinerja, cocok dengan yang tercatat di file data ini (" + reg.DocumentID + ")"
		} else {
			r.Outcome = OutcomeRefused
			r.Verdict = "TIDAK sah: " + reg.DocumentID + " (Penetapan Predikat Kinerja) ditandatangani oleh " + signerName(first) + ", bukan pimpinan kantor " + reg.Name
		}
		return r
	}
	if inRegister {
		r.DocumentID = reg.DocumentID
		r.Match = svc.matchRegistered(reg, first)
		switch r.Match {
		case MatchEqual:
			r.Outcome = OutcomeValid
			r.Verdict = head + "; " + r.Match.String() + " (" + reg.DocumentID + ")"
		case MatchWrongSigner:
			r.Outcome = OutcomeRefused
			r.Verdict = "TIDAK sah: " + reg.DocumentID + " ditandatangani oleh " + signerName(first) + ", bukan Pejabat Penilai " + svc.raterOf(reg)
		default:
			r.Outcome = OutcomeRefused
			r.Verdict = "TIDAK sah: " + reg.DocumentID + ": " + r.Match.String()
		}
		return r
	}
	if claim := svc.claimHere(doc); claim != "" {
		r.Match = MatchNotHeld
		r.Outcome = OutcomeRefused
		r.Verdict = "TIDAK sah: mengaku sebagai dokumen " + claim + " dari file data ini, tetapi " + MatchNotHeld.String()
		return r
	}
	r.Outcome, r.Match, r.Verdict = OutcomeValid, MatchNotKinerja, head
	switch m := recapReasonPattern.FindSubmatch(doc); {
	case m != nil:
		r.Match, r.DocumentID = MatchNotEvaluation, string(m[1])
		r.Verdict += "; " + r.DocumentID + ": " + MatchNotEvaluation.String()
	case ours(first):
		r.Verdict += "; " + MatchNotHeld.String()
	}
	return r
}

// ownKeyProblem judges a valid signature by a key of this office: the key
// must be one this file issued, and a replaced or revoked key counts only
// for a document in the register (its signing time is its own claim).
func (svc *Service) ownKeyProblem(ts trustSet, s sign.Result, inRegister bool) string {
	if s.Certificate == nil {
		return ""
	}
	signer, ok := ts.ownSigners[string(s.Certificate.Raw)]
	if !ok {
		return "sertifikat penanda tangan ini diterbitkan atas nama kantor ini tetapi tidak tercatat di file data ini"
	}
	if inRegister {
		return ""
	}
	switch {
	case !signer.RevokedAt.IsZero():
		return "kunci ini dicabut pada " + signer.RevokedAt.Local().Format("02-01-2006") + " (" + signer.RevokeReason + ") dan dokumen ini " + MatchNotHeld.String()
	case !signer.ReplacedAt.IsZero():
		return "kunci ini sudah diganti pada " + signer.ReplacedAt.Local().Format("02-01-2006") + " dan dokumen ini " + MatchNotHeld.String()
	}
	return ""
}

// matchRegistered compares a registered document with the evaluation it
// shows and the Pejabat Penilai recorded at Ditetapkan.
func (svc *Service) matchRegistered(reg store.Document, first sign.Result) Match {
	e, ok := svc.registeredEvaluation(reg)
	if !ok {
		return MatchDiffers
	}
	if e.Frozen == nil || first.NIP == "" || first.NIP != e.Frozen.Rater.NIP {
		return MatchWrongSigner
	}
	if EvaluationHash(e) != reg.EvaluationSHA256 {
		return MatchDiffers
	}
	return MatchEqual
}

// matchPenetapan judges a registered Penetapan Predikat Kinerja: it is no
// evaluation, so no Pejabat Penilai is compared; it matches when its first
// signature is by the signer recorded for it, the office head's own.
func matchPenetapan(ts trustSet, reg store.Document, first sign.Result) Match {
	if first.Certificate == nil {
		return MatchWrongSigner
	}
	signer, ok := ts.ownSigners[string(first.Certificate.Raw)]
	if !ok || signer.ID != reg.SignerID || first.NIP == "" || first.NIP != reg.NIP {
		return MatchWrongSigner
	}
	return MatchEqual
}

// registeredEvaluation returns the final evaluation revision a register
// entry shows.
func (svc *Service) registeredEvaluation(reg store.Document) (data.Evaluation, bool) {
	versions, err := svc.st.Revisions(reg.PeriodID, reg.StaffID)
	if err != nil {
		return data.Evaluation{}, false
	}
	if cur, found, err := svc.st.Evaluation(reg.PeriodID, reg.StaffID); err == nil && found {
		versions = append(versions, cur)
	}
	for _, e := range versions {
		if e.Revision == reg.Revision && e.State == data.EvalFinal {
			return e, true
		}
	}
	return data.Evaluation{}, false
}

// raterOf names the Pejabat Penilai recorded for a register entry.
func (svc *Service) raterOf(reg store.Document) string {
	e, ok := svc.registeredEvaluation(reg)
	if !ok || e.Frozen == nil {
		return "yang tercatat"
	}
	return e.Frozen.Rater.Name + " (NIP " + e.Frozen.Rater.NIP + ")"
}

// documentIDPattern reads the ids Kinerja prints on what it signs: an
// evaluation document EVK-<periode>-<NIP>-r<revisi> (groups 1–3) or a
// Penetapan Predikat Kinerja PPK-<periode> (group 4).
var documentIDPattern = regexp.MustCompile(`^(?:EVK-(.+)-([0-9]{18})-r([0-9]{1,6})|PPK-([0-9A-Za-z-]+))$`)

// claimHere returns the document id a document's text claims when that id
// names a staff member (an evaluation) or a period (a Penetapan) of this
// data file: such a document must be in the register to be Sah here. The
// text is only a claim: anyone can write it.
func (svc *Service) claimHere(doc []byte) string {
	m := reasonPattern.FindSubmatch(doc)
	if m == nil {
		return ""
	}
	id := documentIDPattern.FindStringSubmatch(string(m[1]))
	switch {
	case id == nil:
		return ""
	case id[4] != "":
		if _, err := svc.PeriodByID(id[4]); err != nil {
			return ""
		}
	default:
		if _, err := svc.st.StaffByIdentifier(id[2]); err != nil {
			return ""
		}
	}
	return string(m[1])
}
