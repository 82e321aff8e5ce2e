package service

import (
	"crypto/x509"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"

	"kinerja/data"
	"kinerja/export/sign"
)

// Match tells how a verified document relates to the evaluations of the
// data file it was checked against.
type Match int

// The relations, from the document's id and evaluation hash.
const (
	MatchNotKinerja    Match = iota // no Kinerja document id in the signature
	MatchEqual                      // the data file holds this evaluation, unchanged
	MatchDiffers                    // the data file holds this evaluation revision with other content
	MatchNotHeld                    // the data file does not hold this evaluation
	MatchNotEvaluation              // a Kinerja document that is not an evaluation (a signed attendance recap)
)

// String describes the relation in Indonesian.
func (m Match) String() string {
	switch m {
	case MatchEqual:
		return "cocok dengan penilaian yang tersimpan di file data ini"
	case MatchDiffers:
		return "TIDAK cocok: penilaian ini di file data ini isinya berbeda"
	case MatchNotHeld:
		return "file data ini tidak memuat penilaian tersebut"
	case MatchNotEvaluation:
		return "bukan dokumen evaluasi (rekap kehadiran): tidak ada penilaian untuk dicocokkan"
	}
	return "bukan dokumen evaluasi Kinerja"
}

// VerifyResult is the verification of one PDF file.
type VerifyResult struct {
	File       string
	Err        error         // the file could not be read or is not a PDF
	Status     sign.Status   // the worst verdict among the signatures
	Signatures []sign.Result // every signature, in file order
	DocumentID string        // from Kinerja's signature, "" when none
	Match      Match
}

// OK reports whether the file is valid and every signature is made by a
// signer this office knows.
func (r VerifyResult) OK() bool { return r.Err == nil && r.Status == sign.StatusValid }

// Line is the one-line summary of the verdict, as `kinerja verify` prints it.
func (r VerifyResult) Line() string {
	if r.Err != nil {
		return r.File + ": GAGAL — " + r.Err.Error()
	}
	var b strings.Builder
	b.WriteString(r.File + ": " + r.Status.String())
	for i, s := range r.Signatures {
		sep := " — "
		if i > 0 {
			sep = "; "
		}
		b.WriteString(sep + describeSignature(s))
	}
	if r.Status != sign.StatusUnsigned {
		if r.DocumentID != "" {
			b.WriteString("; " + r.DocumentID)
		}
		b.WriteString("; " + r.Match.String())
	}
	return b.String()
}

func describeSignature(s sign.Result) string {
	who := s.Signer
	if who == "" {
		who = "penanda tangan tidak terbaca"
	}
	if s.NIP != "" {
		who += " (NIP " + s.NIP + ")"
	}
	text := "ditandatangani " + who
	if !s.SignedAt.IsZero() {
		text += " pada " + signTime(s.SignedAt.Local())
	}
	if s.Kind != 0 {
		text += ", " + s.Kind.String()
	}
	if s.Status != sign.StatusValid {
		text += " [" + s.Status.String()
		if s.Detail != "" {
			text += ": " + s.Detail
		}
		text += "]"
	}
	return text
}

// Verify checks each PDF file offline against the office root and the
// trusted roots of this data file: valid, changed after signing, or signed
// by someone unknown to this office; who signed and when; the certificate
// kind; and whether it matches the evaluation stored in this data file.
func (svc *Service) Verify(files []string) ([]VerifyResult, error) {
	pool, err := svc.rootPool()
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
		out = append(out, svc.verifyDocument(pool, f, doc))
	}
	return out, nil
}

// VerifyDocument is Verify for a PDF already in memory (a file opened in the
// Verifikasi screen); name is shown in the result.
func (svc *Service) VerifyDocument(name string, doc []byte) (VerifyResult, error) {
	pool, err := svc.rootPool()
	if err != nil {
		return VerifyResult{}, err
	}
	return svc.verifyDocument(pool, name, doc), nil
}

func (svc *Service) verifyDocument(pool *x509.CertPool, name string, doc []byte) VerifyResult {
	r := VerifyResult{File: name}
	results, err := sign.Verify(doc, pool)
	if err != nil {
		r.Err = err
		return r
	}
	r.Signatures, r.Status = results, sign.Overall(results)
	if m := reasonPattern.FindSubmatch(doc); m != nil {
		r.DocumentID = string(m[1])
		r.Match = svc.matchEvaluation(r.DocumentID, string(m[2]))
	} else if m := recapReasonPattern.FindSubmatch(doc); m != nil {
		r.DocumentID, r.Match = string(m[1]), MatchNotEvaluation
	}
	return r
}

var documentIDPattern = regexp.MustCompile(`^EVK-(.+)-([0-9]{18})-r([0-9]{1,6})$`)

// matchEvaluation compares the hash a document carries with the stored
// evaluation its id names.
func (svc *Service) matchEvaluation(docID, hash string) Match {
	m := documentIDPattern.FindStringSubmatch(docID)
	if m == nil {
		return MatchNotHeld
	}
	revision, _ := strconv.Atoi(m[3])
	staff, err := svc.st.StaffByIdentifier(m[2])
	if err != nil {
		return MatchNotHeld
	}
	versions, err := svc.st.Revisions(m[1], staff.ID)
	if err != nil {
		return MatchNotHeld
	}
	if cur, found, err := svc.st.Evaluation(m[1], staff.ID); err == nil && found {
		versions = append(versions, cur)
	}
	for _, e := range versions {
		if e.Revision != revision || e.State != data.EvalFinal {
			continue
		}
		if EvaluationHash(e) == hash {
			return MatchEqual
		}
		return MatchDiffers
	}
	return MatchNotHeld
}
