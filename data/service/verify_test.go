package service

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/data/store"
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

// verifyOne verifies doc at the office of st.
func verifyOne(t *testing.T, st *store.Store, doc []byte) VerifyResult {
	t.Helper()
	r, err := New(st).VerifyDocument("dok.pdf", doc)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// wantVerdict fails unless r's OK() is ok and its line holds every text.
func wantVerdict(t *testing.T, r VerifyResult, ok bool, texts ...string) {
	t.Helper()
	line := r.Line()
	if r.OK() != ok {
		t.Fatalf("OK() = %v, want %v: %s", r.OK(), ok, line)
	}
	for _, s := range texts {
		if !strings.Contains(line, s) {
			t.Fatalf("%q missing in: %s", s, line)
		}
	}
}

// catalogChanged appends an incremental update that redefines the document
// catalog with an /OpenAction: a change after signing the engine must catch.
func catalogChanged(t *testing.T, doc []byte) []byte {
	t.Helper()
	sx := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(doc)
	trailers := regexp.MustCompile(`(?s)trailer\s*<<(.*?)>>\s*startxref`).FindAllSubmatch(doc, -1)
	if sx == nil || len(trailers) == 0 {
		t.Fatal("no classic trailer in the signed PDF")
	}
	tr := trailers[len(trailers)-1][1]
	root := regexp.MustCompile(`/Root\s+(\d+)\s+0\s+R`).FindSubmatch(tr)
	size := regexp.MustCompile(`/Size\s+(\d+)`).FindSubmatch(tr)
	if root == nil || size == nil {
		t.Fatalf("trailer %s", tr)
	}
	objs := regexp.MustCompile(`(?s)\n`+string(root[1])+` 0 obj\s*<<(.*?)>>\s*endobj`).FindAllSubmatch(doc, -1)
	if len(objs) == 0 {
		t.Fatal("catalog not found")
	}
	body := objs[len(objs)-1][1]
	var b bytes.Buffer
	b.Write(doc)
	b.WriteString("\n")
	off := b.Len()
	fmt.Fprintf(&b, "%s 0 obj\n<<%s /OpenAction << /S /URI /URI (http://contoh.invalid/) >> >>\nendobj\n", root[1], body)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n%s 1\n%010d 00000 n \ntrailer\n<< /Size %s /Root %s 0 R /Prev %s >>\nstartxref\n%d\n%%%%EOF\n",
		root[1], off, size[1], root[1], sx[1], xref)
	return b.Bytes()
}

// otherSigner returns the Camat's signer of the office, created and unlocked.
func otherSigner(t *testing.T, o *evalOffice) sign.Identity {
	t.Helper()
	if _, err := o.svc.CreateSigner(o.camat, testRootPass, "camat-rahasia-3"); err != nil {
		t.Fatal(err)
	}
	u, err := o.svc.UnlockSigner(o.camat, "camat-rahasia-3")
	if err != nil {
		t.Fatal(err)
	}
	return u.Identity
}

// neighbour is another office (Kecamatan Cileunyi) with its own root that
// trusts the root of o when trust is set.
func neighbour(t *testing.T, o *evalOffice, kecamatan string, trust bool) (*store.Store, error) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "lain.db"), store.Options{Create: true, Actor: "admin lain"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SetOffice(data.Office{Kecamatan: kecamatan, Kabupaten: "Bandung"}); err != nil {
		t.Fatal(err)
	}
	if _, err := New(st).CreateOfficeRoot("induk-tetangga-9"); err != nil {
		t.Fatal(err)
	}
	if !trust {
		return st, nil
	}
	cer, err := o.svc.ExportRoot()
	if err != nil {
		t.Fatal(err)
	}
	crl, err := o.svc.ExportRevocationList()
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(st).TrustRootWith(cer, crl, "induk-tetangga-9")
	return st, err
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
		name    string
		doc     []byte
		ok      bool
		outcome Outcome
		texts   []string
	}{
		{"as signed", signed, true, OutcomeValid, []string{"Sah, sertifikat kantor ini (sidik jari", "cocok dengan penilaian yang tersimpan", "tanda tangan ke-1: ", "mencakup seluruh dokumen"}},
		{"byte flipped", flipped, false, OutcomeChanged, []string{"Berubah setelah ditandatangani"}},
		{"another key", resigned, false, OutcomeUnknown, []string{"Penanda tangan tidak dikenal"}},
		{"unsigned", unsignedRaw, false, OutcomeUnsigned, []string{"Tidak bertanda tangan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := verifyOne(t, o.svc.st, tt.doc)
			wantVerdict(t, r, tt.ok, tt.texts...)
			if r.Outcome != tt.outcome {
				t.Fatalf("outcome %v, want %v: %s", r.Outcome, tt.outcome, r.Line())
			}
		})
	}
	t.Run("pdfsig and qpdf accept the genuine document", func(t *testing.T) {
		p := writeTemp(t, "asli.pdf", signed)
		if out, _ := toolOutput(t, "pdfsig", p); !strings.Contains(out, "Signature is Valid.") {
			t.Fatalf("pdfsig:\n%s", out)
		}
		if out, err := toolOutput(t, "qpdf", "--check", p); err != nil {
			t.Fatalf("qpdf --check: %v\n%s", err, out)
		}
	})
}

// A later signature must not launder a change made after the first one.
func TestVerifyLaunderedChange(t *testing.T) {
	t.Parallel()
	o, _, signed := signedFixture(t)
	camat := otherSigner(t, o)
	laundered, err := sign.SignPDF(catalogChanged(t, signed), camat, sign.SignInfo{Name: "Camat"})
	if err != nil {
		t.Fatal(err)
	}
	kasi, _ := o.svc.st.StaffByID(o.kasi)
	r := verifyOne(t, o.svc.st, laundered)
	wantVerdict(t, r, false, "Berubah setelah ditandatangani", "sesudah tanda tangan ke-1 ("+kasi.DisplayName())
	if r.Outcome != OutcomeChanged || strings.Contains(r.Verdict, "cocok") {
		t.Fatalf("outcome %v: %s", r.Outcome, r.Line())
	}
	if out, _ := toolOutput(t, "qpdf", "--check", writeTemp(t, "cuci.pdf", laundered)); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Logf("qpdf on the tampered file:\n%s", out)
	}
}

// The reason text is only a claim: copying it into another document signed
// by another trusted signer must not read "cocok".
func TestVerifyCopiedReason(t *testing.T) {
	t.Parallel()
	o, id, signed := signedFixture(t)
	reason := reasonPattern.Find(signed)
	if reason == nil {
		t.Fatal("no KINERJA-ID in the genuine document")
	}
	tampered, err := o.svc.RenderEvaluation(o.periodID, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	camat := otherSigner(t, o)
	forged, err := sign.SignPDF(tampered, camat, sign.SignInfo{Name: "Camat", Reason: "Evaluasi kinerja ditetapkan; " + string(reason)})
	if err != nil {
		t.Fatal(err)
	}
	r := verifyOne(t, o.svc.st, forged)
	wantVerdict(t, r, false, "TIDAK sah", "tidak ada dalam daftar dokumen yang ditandatangani di file data ini")
	if r.Match == MatchEqual || strings.Contains(r.Line(), "cocok dengan") {
		t.Fatalf("copied reason reads cocok: %s", r.Line())
	}

	// The register itself holds a PDF signed by someone else than the
	// Pejabat Penilai (a file written outside the rules): named, not cocok.
	e, _, _ := o.svc.st.Evaluation(o.periodID, id)
	byCamat, err := sign.SignPDF(tampered, camat, sign.SignInfo{Name: "Camat"})
	if err != nil {
		t.Fatal(err)
	}
	doc := store.Document{PeriodID: o.periodID, StaffID: id, Revision: e.Revision, DocumentID: "EVK-uji",
		EvaluationSHA256: EvaluationHash(e), SignedAt: time.Now()}
	if err := o.svc.st.SaveDocument(doc, byCamat); err != nil {
		t.Fatal(err)
	}
	camatStaff, _ := o.svc.st.StaffByID(o.camat)
	r = verifyOne(t, o.svc.st, byCamat)
	wantVerdict(t, r, false, "ditandatangani oleh "+camatStaff.DisplayName(), "bukan Pejabat Penilai "+e.Frozen.Rater.Name)
	if r.Match != MatchWrongSigner {
		t.Fatalf("match %v", r.Match)
	}
}

func TestVerifyOnAnotherOffice(t *testing.T) {
	t.Parallel()
	o, _, signed := signedFixture(t)
	path := writeTemp(t, "dok.pdf", signed)

	untrusting, _ := neighbour(t, o, "Cileunyi", false)
	before, err := New(untrusting).Verify([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	wantVerdict(t, before[0], false, "tidak dikenal")

	trusting, err := neighbour(t, o, "Cileunyi", true)
	if err != nil {
		t.Fatal(err)
	}
	after, err := New(trusting).Verify([]string{path})
	if err != nil {
		t.Fatal(err)
	}
	root, _, _ := o.svc.OfficeRootInfo()
	wantVerdict(t, after[0], true, "Sah, kantor lain yang dipercaya: Kecamatan Soreang (sidik jari "+root.Fingerprint+")")
	if strings.Contains(after[0].Line(), "sertifikat kantor ini") || strings.Contains(after[0].Line(), "cocok") {
		t.Fatalf("a neighbour's document reads like ours: %s", after[0].Line())
	}
	// The office that signed it says cocok and names its own root.
	home := verifyOne(t, o.svc.st, signed)
	wantVerdict(t, home, true, "Sah, sertifikat kantor ini (sidik jari "+root.Fingerprint+")", "cocok")

	// Without any data file: the kabupaten with the exported root.
	cer, _ := o.svc.ExportRoot()
	crl, _ := o.svc.ExportRevocationList()
	res, err := VerifyWithRootList(cer, crl, []string{path})
	if err != nil {
		t.Fatal(err)
	}
	wantVerdict(t, res[0], true, "Sah, sertifikat induk Kecamatan Soreang (sidik jari "+root.Fingerprint+")")
	other, _ := New(untrusting).ExportRoot()
	res, err = VerifyWithRoot(other, []string{path})
	if err != nil {
		t.Fatal(err)
	}
	wantVerdict(t, res[0], false, "tidak dikenal")
}

func TestTrustRootRules(t *testing.T) {
	t.Parallel()
	o, _, signed := signedFixture(t)
	cer, _ := o.svc.ExportRoot()

	// Same name as this office's root, another key: refused.
	twin, _ := neighbour(t, o, "Soreang", false)
	if _, err := New(twin).TrustRootWith(cer, nil, "induk-tetangga-9"); err != ErrSameNameRoot {
		t.Fatalf("same-name root: %v", err)
	}
	if _, err := New(twin).PreviewRoot(cer); err != ErrSameNameRoot {
		t.Fatalf("preview same-name root: %v", err)
	}
	// Own root: refused. Wrong passphrase: refused.
	if _, err := o.svc.TrustRootWith(cer, nil, testRootPass); err != ErrOwnRoot {
		t.Fatalf("own root: %v", err)
	}
	st, _ := neighbour(t, o, "Cileunyi", false)
	if _, err := New(st).TrustRootWith(cer, nil, "bukan-frasanya"); err == nil {
		t.Fatal("trusted with a wrong passphrase")
	}
	// A root slipped into the file without the office root's signature is
	// listed with its problem and not trusted.
	c, _ := sign.ParseRoot(cer)
	if err := st.TrustRoot(store.TrustedRoot{CertDER: c.Raw, Name: c.Subject.CommonName, AddedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	list, err := New(st).TrustedRoots()
	if err != nil || len(list) != 1 || list[0].Trusted() || !strings.Contains(list[0].Problem, "TIDAK dipercaya") {
		t.Fatalf("slipped root listed as %+v, %v", list, err)
	}
	wantVerdict(t, verifyOne(t, st, signed), false, "tidak dikenal")

	// Trusting properly: listed with fingerprint, who and when; removable.
	preview, err := New(st).PreviewRoot(cer)
	if err != nil || preview.Fingerprint == "" {
		t.Fatalf("preview %+v, %v", preview, err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st2, err := store.Open(st.Path(), store.Options{Actor: "admin lain"})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	// The slipped record is replaced only through TrustRootWith; a
	// non-removed record is kept, so remove it first.
	if _, err := New(st2).UntrustRoot(preview.SHA256, "ditambahkan di luar aplikasi"); err != nil {
		t.Fatal(err)
	}
	if _, err := New(st2).TrustRootWith(cer, nil, "induk-tetangga-9"); err != nil {
		t.Fatal(err)
	}
	list, _ = New(st2).TrustedRoots()
	if len(list) != 1 || !list[0].Trusted() || list[0].TrustedBy != "admin lain" || list[0].TrustedAt.IsZero() || list[0].Fingerprint != preview.Fingerprint {
		t.Fatalf("trusted roots %+v", list)
	}
	wantVerdict(t, verifyOne(t, st2, signed), true, "kantor lain yang dipercaya")
	if _, err := New(st2).UntrustRoot(preview.Fingerprint, "tidak lagi bekerja sama"); err != nil {
		t.Fatal(err)
	}
	if list, _ := New(st2).TrustedRoots(); len(list) != 0 {
		t.Fatalf("after untrust: %+v", list)
	}
	wantVerdict(t, verifyOne(t, st2, signed), false, "tidak dikenal")
	audit, _ := st2.Audit()
	found := false
	for _, a := range audit {
		found = found || a.Action == "hentikan kepercayaan sertifikat induk"
	}
	if !found {
		t.Fatal("untrust not in the audit")
	}
	if err := st2.VerifyAudit(); err != nil {
		t.Fatal(err)
	}
}

// An old key, replaced or revoked, must not sign "Sah" with a backdated time.
func TestVerifyReplacedAndRevokedKeys(t *testing.T) {
	t.Parallel()
	o, id, signed := signedFixture(t)
	all, _ := o.svc.st.Signers()
	old := all[0]
	oldKey, err := openJSON(old.SealedKey, testSignerPass)
	if err != nil {
		t.Fatal(err)
	}
	oldID := sign.Identity{CertDER: old.CertDER, Chain: old.Chain, Key: oldKey}
	if _, err := o.svc.CreateSigner(o.kasi, testRootPass, "penilai-baru-44"); err != nil {
		t.Fatal(err)
	}
	raw, err := o.svc.RenderEvaluation(o.periodID, id, 0)
	if err != nil {
		t.Fatal(err)
	}
	backdated, err := sign.SignPDF(raw, oldID, sign.SignInfo{Name: "Kasi", Time: old.CreatedAt.Add(time.Minute)})
	if err != nil {
		t.Fatal(err)
	}
	wantVerdict(t, verifyOne(t, o.svc.st, backdated), false, "TIDAK sah", "sudah diganti")
	// The genuine document, in the register, stays Sah.
	wantVerdict(t, verifyOne(t, o.svc.st, signed), true, "cocok")
	list, _ := o.svc.Signers()
	if list[0].ReplacedAt.IsZero() || !list[0].Revoked {
		t.Fatalf("replaced signer %+v", list[0])
	}

	// Revoking: recorded, and another office with the new list refuses
	// every signature of the revoked key (its time is its own claim).
	if _, err := o.svc.RevokeSigner(o.kasi, "", testRootPass); err == nil {
		t.Fatal("revoked without a reason")
	}
	revoked, err := o.svc.RevokeSigner(o.kasi, "kunci bocor", testRootPass)
	if err != nil || len(revoked) != 2 || revoked[0].RevokedAt.IsZero() || revoked[1].RevokeReason != "kunci bocor" {
		t.Fatalf("revoked %+v, %v", revoked, err)
	}
	if ok, _ := o.svc.HasSigner(o.kasi); ok {
		t.Fatal("a revoked signer still signs")
	}
	wantVerdict(t, verifyOne(t, o.svc.st, signed), true, "cocok")
	wantVerdict(t, verifyOne(t, o.svc.st, backdated), false, "dicabut", "kunci bocor")

	cer, _ := o.svc.ExportRoot()
	crl, err := o.svc.ExportRevocationList()
	if err != nil {
		t.Fatal(err)
	}
	res, err := VerifyWithRootList(cer, crl, []string{writeTemp(t, "asli.pdf", signed)})
	if err != nil {
		t.Fatal(err)
	}
	wantVerdict(t, res[0], false, "TIDAK sah", "dicabut (hilang/bocor)")
	trusting, err := neighbour(t, o, "Cileunyi", true)
	if err != nil {
		t.Fatal(err)
	}
	wantVerdict(t, verifyOne(t, trusting, signed), false, "dicabut")
	// A list signed by another root is refused.
	other, _ := New(trusting).ExportRevocationList()
	if _, err := VerifyWithRootList(cer, other, nil); err == nil {
		t.Fatal("a list signed by another root was accepted")
	}
}

func TestCheckPassphrase(t *testing.T) {
	t.Parallel()
	nip := "198504122010011003"
	tests := []struct {
		p    string
		want error
	}{
		{"", ErrShortPassphrase},
		{"123456789", ErrShortPassphrase},
		{"aaaaaaaaaaaa", ErrWeakPassphrase},
		{"1234567890", ErrWeakPassphrase},
		{"9876543210", ErrWeakPassphrase},
		{"7890123456", ErrWeakPassphrase},
		{nip, ErrWeakPassphrase},
		{"x" + nip, ErrWeakPassphrase},
		{"1234567891", nil},
		{"kuda-lari-pagi", nil},
		{"aaaaaaaaab", nil},
	}
	for _, tt := range tests {
		err := CheckPassphrase(tt.p, nip)
		if (tt.want == nil) != (err == nil) || (tt.want != nil && !strings.Contains(err.Error(), tt.want.Error())) {
			t.Errorf("CheckPassphrase(%q) = %v, want %v", tt.p, err, tt.want)
		}
	}
	if err := CheckPassphrase(nip, ""); err != nil {
		t.Errorf("the office root has no NIP to refuse: %v", err)
	}
}

func TestPassphraseDelay(t *testing.T) {
	t.Parallel()
	want := []time.Duration{0, 0, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 30 * time.Second, 30 * time.Second}
	for n, w := range want {
		if got := PassphraseDelay(n); got != w {
			t.Errorf("PassphraseDelay(%d) = %v, want %v", n, got, w)
		}
	}
}

func TestWrongPassphraseCountedAndDelayed(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	var slept []time.Duration
	svc := o.svc
	svc.SetSleep(func(d time.Duration) { slept = append(slept, d) })
	for range 3 {
		if _, err := svc.UnlockSigner(o.kasi, "salah-salah-salah"); err == nil {
			t.Fatal("unlocked with a wrong passphrase")
		}
	}
	if want := []time.Duration{time.Second, 2 * time.Second}; fmt.Sprint(slept) != fmt.Sprint(want) {
		t.Fatalf("slept %v, want %v", slept, want)
	}
	if n, _ := svc.PassphraseFailures(o.kasi); n != 3 {
		t.Fatalf("failures %d", n)
	}
	audit, _ := o.svc.st.Audit()
	wrong := 0
	for _, a := range audit {
		if strings.HasPrefix(a.Action, "frasa sandi salah untuk penanda tangan ") {
			wrong++
		}
	}
	if wrong != 3 {
		t.Fatalf("%d audited wrong passphrases", wrong)
	}
	if _, err := svc.UnlockSigner(o.kasi, testSignerPass); err != nil {
		t.Fatal(err)
	}
	if n, _ := svc.PassphraseFailures(o.kasi); n != 0 {
		t.Fatalf("failures after success %d", n)
	}
}
