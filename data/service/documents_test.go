package service

import (
	"errors"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/data/store"
	"kinerja/export/pdf"
	"kinerja/export/sign"
)

func TestFinalizeAndSignStoresValidDocument(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	staff := o.pelaksana[0]
	o.submitted(t, staff, data.RatingDiAtas, data.RatingDiAtas)
	e, doc, err := o.svc.FinalizeAndSign(o.periodID, staff, testSignerPass)
	if err != nil {
		t.Fatalf("FinalizeAndSign: %v", err)
	}
	if e.State != data.EvalFinal || doc.Revision != e.Revision || doc.EvaluationSHA256 != EvaluationHash(e) {
		t.Fatalf("state %s, document %+v", e.State, doc)
	}
	_, signed, found, err := o.svc.st.Document(o.periodID, staff, e.Revision)
	if err != nil || !found {
		t.Fatalf("Document: found %v, %v", found, err)
	}
	t.Logf("signed PDF %d bytes, stored %d bytes", doc.Size, doc.StoredSize)
	path := writeTemp(t, "dok.pdf", signed)
	res, err := o.svc.Verify([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	if !res[0].OK() || res[0].Match != MatchEqual {
		t.Fatalf("verify: %s", res[0].Line())
	}
	if err := o.svc.st.VerifyAudit(); err != nil {
		t.Fatalf("audit after signing: %v", err)
	}
	checkPDFTools(t, path, true, e.Frozen.Employee.Name, pdf.GroupNIP(e.Frozen.Employee.NIP), e.Frozen.Rater.Name, "TRIWULAN III 2026", "Sangat Baik")
}

func TestFinalizeAndSignWrongPassphraseLeavesNotFinal(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	staff := o.pelaksana[1]
	o.submitted(t, staff, data.RatingSesuai, data.RatingSesuai)
	_, _, err := o.svc.FinalizeAndSign(o.periodID, staff, "salah-sekali")
	if !errors.Is(err, sign.ErrWrongPassphrase) {
		t.Fatalf("err = %v, want ErrWrongPassphrase", err)
	}
	e, _, err := o.svc.st.Evaluation(o.periodID, staff)
	if err != nil || e.State != data.EvalSubmitted {
		t.Fatalf("after a wrong passphrase: state %s, %v", e.State, err)
	}
	if docs, _ := o.svc.st.Documents(o.periodID); len(docs) != 0 {
		t.Fatalf("documents stored: %d", len(docs))
	}
}

func TestSignEvaluationRefusals(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	draft := o.pelaksana[2]
	o.submitted(t, draft, data.RatingSesuai, data.RatingSesuai)
	// The Sekcam is rated by the Camat, who has no signer.
	o.finalized(t, o.sekcam, data.RatingSesuai, data.RatingSesuai)
	// The Kasi's signer cannot sign what the Camat rates.
	u, err := o.svc.UnlockSigner(o.kasi, testSignerPass)
	if err != nil {
		t.Fatal(err)
	}
	sekcam, _, _ := o.svc.st.Evaluation(o.periodID, o.sekcam)
	tests := []struct {
		name string
		run  func() error
		want error
	}{
		{"not final", func() error { _, err := o.svc.SignEvaluation(o.periodID, draft, testSignerPass); return err }, ErrNotFinal},
		{"rater has no signer", func() error { _, err := o.svc.SignEvaluation(o.periodID, o.sekcam, testSignerPass); return err }, ErrNoRaterSigner},
		{"someone else's signer", func() error { _, err := o.svc.signWith(sekcam, u); return err }, ErrNotRater},
		{"short passphrase", func() error { _, err := o.svc.CreateSigner(o.camat, testRootPass, "pendek"); return err }, ErrShortPassphrase},
		{"wrong office passphrase", func() error {
			_, err := o.svc.CreateSigner(o.camat, "bukan-sandi-kantor", testSignerPass)
			return err
		}, sign.ErrWrongPassphrase},
		{"second root", func() error { _, err := o.svc.CreateOfficeRoot(testRootPass); return err }, store.ErrRootExists},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(); !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestRenderDraftCarriesBanner(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	staff := o.pelaksana[0]
	o.submitted(t, staff, data.RatingDiBawah, data.RatingSesuai)
	raw, err := o.svc.RenderEvaluation(o.periodID, staff, 0)
	if err != nil {
		t.Fatal(err)
	}
	path := writeTemp(t, "konsep.pdf", raw)
	checkPDFTools(t, path, false, "KONSEP", "BELUM DITETAPKAN", "Butuh Perbaikan")
}

// checkPDFTools runs qpdf --check, pdfsig (when signed) and pdftotext on a
// PDF and looks for each text.
func checkPDFTools(t *testing.T, path string, signed bool, texts ...string) {
	t.Helper()
	if out, err := toolOutput(t, "qpdf", "--check", path); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	if signed {
		out, _ := toolOutput(t, "pdfsig", path)
		if !strings.Contains(out, "Signature is Valid.") {
			t.Fatalf("pdfsig:\n%s", out)
		}
	}
	out, err := toolOutput(t, "pdftotext", "-layout", path, "-")
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range texts {
		if !strings.Contains(flat, want) {
			t.Errorf("pdftotext lacks %q", want)
		}
	}
}

func TestSignRatedSignsOnlyOwnUnsigned(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	for _, id := range o.pelaksana {
		o.finalized(t, id, data.RatingSesuai, data.RatingSesuai)
	}
	o.finalized(t, o.sekcam, data.RatingSesuai, data.RatingSesuai) // rated by the Camat
	u, err := o.svc.UnlockSigner(o.kasi, testSignerPass)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []int{len(o.pelaksana), 0} {
		n, err := o.svc.SignRated(o.periodID, u)
		if err != nil || n != want {
			t.Fatalf("SignRated = %d, %v; want %d", n, err, want)
		}
	}
	docs, err := o.svc.st.Documents(o.periodID)
	// Both documents of the Lampiran are signed for each evaluation.
	if err != nil || len(docs) != 2*len(o.pelaksana) {
		t.Fatalf("documents %d, %v", len(docs), err)
	}
	for _, kind := range []string{"", store.DocSummary} {
		_, signed, _, err := o.svc.st.DocumentOfKind(o.periodID, o.pelaksana[0], 0, kind)
		if err != nil {
			t.Fatal(err)
		}
		if r, err := o.svc.VerifyDocument("x.pdf", signed); err != nil || !r.OK() || r.Match != MatchEqual {
			t.Fatalf("verify %q: %v %s", kind, err, r.Line())
		}
	}
}
