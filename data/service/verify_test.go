package service

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/export/sign"
)

// signedFixture finalizes and signs one evaluation and returns the office
// and the signed PDF.
func signedFixture(t *testing.T) (*evalOffice, uint64, []byte) {
	t.Helper()
	o := signOffice(t)
	id := o.pelaksana[0]
	o.submitted(t, id, data.RatingDiAtas, data.RatingSesuai)
	e, _, err := o.svc.FinalizeAndSign(o.periodID, id, testSignerPass)
	if err != nil {
		t.Fatal(err)
	}
	_, pdfBytes, _, err := o.svc.st.Document(o.periodID, id, e.Revision)
	if err != nil {
		t.Fatal(err)
	}
	return o, id, pdfBytes
}

func TestVerifyVerdicts(t *testing.T) {
	t.Parallel()
	o, _, signed := signedFixture(t)
	flipped := bytes.Clone(signed)
	flipped[len(flipped)/3] ^= 0x01

	// The same document signed again, on top, by a key of a root this office does not know.
	stranger, err := sign.NewOfficeRoot("Antah Berantah", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	other, err := sign.IssueSigner(stranger, "Orang Lain", "197001012000031001", "Camat", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	unsignedRaw, err := o.svc.RenderEvaluation(o.periodID, o.pelaksana[0], 0)
	if err != nil {
		t.Fatal(err)
	}
	resigned, err := sign.SignPDF(unsignedRaw, other, sign.SignInfo{Name: "Orang Lain"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		doc    []byte
		ok     bool
		status sign.Status
		match  Match
		text   string
	}{
		{"as signed", signed, true, sign.StatusValid, MatchEqual, "Sah"},
		{"byte flipped", flipped, false, sign.StatusChanged, MatchEqual, "Berubah setelah ditandatangani"},
		{"another key", resigned, false, sign.StatusUnknownSigner, MatchNotKinerja, "Penanda tangan tidak dikenal"},
		{"unsigned", unsignedRaw, false, sign.StatusUnsigned, MatchNotKinerja, "Tidak bertanda tangan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := o.svc.VerifyDocument(tt.name+".pdf", tt.doc)
			if err != nil {
				t.Fatal(err)
			}
			if r.OK() != tt.ok || r.Status != tt.status || r.Match != tt.match || !strings.Contains(r.Line(), tt.text) {
				t.Fatalf("got ok %v status %v match %v: %s", r.OK(), r.Status, r.Match, r.Line())
			}
		})
	}
}

func TestVerifyOnAnotherDataFile(t *testing.T) {
	t.Parallel()
	o, _, signed := signedFixture(t)
	path := writeTemp(t, "dok.pdf", signed)
	other, _ := openService(t)
	before, err := other.Verify([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	if before[0].Status != sign.StatusUnknownSigner || before[0].Match != MatchNotHeld {
		t.Fatalf("before trusting: %s", before[0].Line())
	}
	cer, err := o.svc.ExportRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.TrustRoot(cer); err != nil {
		t.Fatal(err)
	}
	after, err := other.Verify([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	if !after[0].OK() || after[0].Match != MatchNotHeld || !strings.Contains(after[0].Line(), "tidak memuat") {
		t.Fatalf("after trusting: %s", after[0].Line())
	}
}

func TestVerifyAfterReopenDiffers(t *testing.T) {
	t.Parallel()
	o, id, signed := signedFixture(t)
	if _, err := o.svc.Reopen(o.periodID, id, "koreksi"); err != nil {
		t.Fatal(err)
	}
	r, err := o.svc.VerifyDocument("dok.pdf", signed)
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() || r.Match != MatchEqual {
		t.Fatalf("revision 0 is kept and still matches: %s", r.Line())
	}
	if err := o.svc.st.VerifyAudit(); err != nil {
		t.Fatal(err)
	}
}

func TestMatchEvaluationDiffers(t *testing.T) {
	t.Parallel()
	o, id, _ := signedFixture(t)
	e, _, _ := o.svc.st.Evaluation(o.periodID, id)
	s, _ := o.svc.StaffByID(id)
	docID := DocumentID(o.periodID, s.NIP, e.Revision)
	tests := []struct {
		docID, hash string
		want        Match
	}{
		{docID, EvaluationHash(e), MatchEqual},
		{docID, strings.Repeat("0", 64), MatchDiffers},
		{DocumentID(o.periodID, s.NIP, 7), EvaluationHash(e), MatchNotHeld},
		{DocumentID("2025-Q1", s.NIP, 0), EvaluationHash(e), MatchNotHeld},
		{"EVK-rusak", EvaluationHash(e), MatchNotHeld},
	}
	for _, tt := range tests {
		if got := o.svc.matchEvaluation(tt.docID, tt.hash); got != tt.want {
			t.Errorf("matchEvaluation(%s) = %v, want %v", tt.docID, got, tt.want)
		}
	}
}

func TestEvaluationHashIgnoresLaterFields(t *testing.T) {
	t.Parallel()
	e := data.Evaluation{PeriodID: "2026-Q3", StaffID: 3, State: data.EvalFinal, WorkRating: data.RatingSesuai}
	later := e
	later.Objection = data.Objection{Keberatan: "tidak setuju"}
	later.Development = []data.FollowUp{{Need: "pelatihan", Status: data.FollowUpDone}}
	later.UpdatedAt = time.Now()
	changed := e
	changed.Note = "catatan baru"
	if EvaluationHash(e) != EvaluationHash(later) {
		t.Error("objection, development or update time changed the hash")
	}
	if EvaluationHash(e) == EvaluationHash(changed) {
		t.Error("a changed note kept the hash")
	}
}
